// Where math is in markdown, as marked lexer extensions: `$…$` inline, `$$…$$` display (a block
// of its own, possibly over several lines, or inside a paragraph). Pandoc's rules, so prices stay
// text: an opening `$` has no space after it (and, unlike pandoc, no ASCII letter or digit before
// it: `US$5`), a closing `$` has no space before it and no digit after it; `\$` is a dollar. An
// inline formula ends at its first unescaped `$` (pandoc would look further).
// Code spans and blocks are lexed first, so math in them stays code. This module is small and
// part of the markdown chunk; the renderer itself (./math.ts, with Temml) loads on the first formula.
import type { MarkedOptions, Tokens } from 'marked';

/** A formula: `text` is its TeX. */
export interface MathToken extends Tokens.Generic {
  type: 'math';
  text: string;
  display: boolean;
}

/**
 * A formula: `$$…$$` (TeX in group 1, not only spaces), or `$…$` (group 2) whose opening `$` has no space or `$`
 * after it and whose closing `$` has no space or backslash before it and no digit after it. TeX
 * may escape a `$` inside (`\$`); a backtick ends it, so `$10 and \`$x\`` keeps its code span. Each alternative can match a prefix in one way only, so a
 * failed match costs the distance to the next `$`, never more.
 */
const MATH = String.raw`\$\$(?!\s*\$\$)([\s\S]+?)\$\$|\$(?![\s$\x60])((?:\\[\s\S]|[^\\$\x60])*?[^\s\\\x60])\$(?!\d)`;
/** A letter, digit or backslash before an opening `$`: `US$5`, and Lit's `lit$123$` markers, are text. */
const WORD = /[\dA-Za-z\\]/;

function token(raw: string, tex: string, display: boolean): MathToken {
  return { type: 'math', raw, text: tex, display };
}

/** `$$…$$` that opens a line and ends one (blank lines and list markers inside are TeX): a display formula as a block of its own. */
function blockMath(src: string): MathToken | undefined {
  const found = /^ {0,3}\$\$(?!\s*\$\$)([\s\S]+?)\$\$[ \t]*(?:\n+|$)/.exec(src);
  return found ? token(found[0], found[1]!, true) : undefined;
}

/** `$…$` or `$$…$$` within a paragraph, heading, list item or table cell. */
const INLINE = new RegExp(`^(?:${MATH})`);
function inlineMath(src: string, tokens: Tokens.Generic[]): MathToken | undefined {
  const found = WORD.test(tokens.at(-1)?.raw.at(-1) ?? '') ? null : INLINE.exec(src);
  return found ? token(found[0], found[1] ?? found[2]!, found[1] !== undefined) : undefined;
}

/**
 * `*`, `_` and `~` inside formulas hidden from marked's emphasis and strikethrough matching (its
 * `emStrongMask` hook, same length), so `_a $x_1$ b_` is never emphasis across a formula.
 */
const ANYWHERE = new RegExp(`(?<![\\dA-Za-z\\\\])(?:${MATH})`, 'g');
function maskMath(src: string): string {
  return src.replace(ANYWHERE, (formula) => formula.replace(/[*_~]/g, '+'));
}

/** The lexer options that add math: marked's processed form of `marked.use({ extensions })`. */
export const mathLexerOptions: Pick<MarkedOptions, 'extensions' | 'hooks'> = {
  extensions: {
    block: [blockMath],
    inline: [inlineMath],
    startInline: [(src: string) => src.indexOf('$')],
  } as unknown as MarkedOptions['extensions'],
  // The Lexer reads only this hook; the rest of marked's Hooks class is for its parser.
  hooks: { emStrongMask: maskMath } as unknown as MarkedOptions['hooks'],
};
