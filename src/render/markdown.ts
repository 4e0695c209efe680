// Untrusted markdown -> Lit template. marked's lexer turns the text into tokens and we build every
// element ourselves with `html` templates: text is always bound as text, URLs pass url-policy, and
// no string is ever parsed as HTML. So raw HTML in a bank shows as text, nothing can run, and it
// works on pages that enforce Trusted Types without a policy of ours.
// Load this module with import() when the first markdown is shown (STYLE.md: heavy things lazily).
import { getDefaults, Lexer, type MarkedToken, type Token, type Tokens } from 'marked';
import { html, isServer, nothing, type TemplateResult } from 'lit';
import { firstChar, joinWideLines, lastChar } from './cjk.js';
import { decodeEntities } from './entities.js';
import { resolveStrings, type RenderStrings } from './strings.js';
import { resolveSafeUrl } from './url-policy.js';
import type { MathToken } from './math-syntax.js';
import { LazyChunk } from '../lazy.js';

export { markdownStyles } from './markdown.styles.js';
export type { RenderStrings } from './strings.js';

export interface RenderOptions {
  /** Absolute URL that relative links and images resolve against (the bank's URL). */
  baseUrl?: string;
  /** UI strings in the element's language; missing ones fall back to English. */
  strings?: Partial<RenderStrings>;
  /**
   * Heading level that a markdown `#` becomes (`##` is one deeper, capped at 6), so headings in a
   * question nest under the element's own heading instead of competing with the page's. Default 4.
   */
  headingLevel?: number;
  /**
   * Called when code blocks or formulas, rendered as plain source at first, can be shown with their
   * toolbar and highlighting or as math (each is a chunk of its own): render the markdown again.
   */
  onCodeBlocksReady?: () => void;
}

interface Context {
  base: string;
  pageOrigin: string;
  strings: RenderStrings;
  headingLevel: number;
  onCodeBlocksReady: (() => void) | undefined;
}

type CodeBlocks = typeof import('./code-block.js');

/** Code blocks (copy button, highlighting) load on the first one: most questions have none. */
const codeBlockChunk = new LazyChunk<CodeBlocks>(() => import('./code-block.js'), 'the code block toolbar');

/** Loads the code-block renderer; resolves to undefined (blocks stay plain, the next one tries again) if its chunk fails. */
export function loadCodeBlocks(): Promise<CodeBlocks | undefined> {
  return codeBlockChunk.request();
}

type MathRenderer = typeof import('./math.js');

/** Math (Temml) loads on the first formula: most fields have none. */
const mathChunk = new LazyChunk<MathRenderer>(() => import('./math.js'), 'math');

/** Loads the math renderer; resolves to undefined (formulas stay source text, the next one tries again) if its chunk fails. */
export function loadMath(): Promise<MathRenderer | undefined> {
  return mathChunk.request();
}

/** A formula: math tokens exist only once the math chunk is here (it brings their syntax). */
function math(token: MathToken): unknown {
  return mathChunk.value!.renderMath(token.text, token.display);
}

/** Turns a fenced block's info string into a language name safe to show and to use as a class. */
export function codeLanguage(info: string | undefined): string {
  const first = (info ?? '').trim().split(/\s/, 1)[0] ?? '';
  return first
    .toLowerCase()
    .replace(/[^\w#+.-]/g, '')
    .slice(0, 32);
}

/** A code block: the full one once its code is here, else the plain `<pre>` (asking for a render when it arrives). */
function codeBlock(code: string, language: string, context: Context): TemplateResult {
  if (codeBlockChunk.value) return codeBlockChunk.value.renderCodeBlock(code, language, context.strings);
  const ready = context.onCodeBlocksReady;
  void loadCodeBlocks().then((loaded) => loaded && ready?.());
  const label = language === '' ? context.strings.code : `${context.strings.code} (${language})`;
  return html`<div class="code-block"><pre tabindex="0" role="group" aria-label=${label}><code class=${language === '' ? nothing : `language-${language}`}>${code}</code></pre></div>`;
}

/** Deeper nesting (quotes in lists in quotes...) is shown as its source text. */
const MAX_DEPTH = 24;

/**
 * Markdown beyond these limits is shown as its source text instead of being formatted. marked lexes
 * in time that grows with the square of the text in Safari (JavaScriptCore copies the rest of the
 * text for every token), and with the square of the nesting in every engine: 20 KB of links took
 * 0.8 s in WebKitGTK, 2,000 nested list markers 1.9 s, a 1 MB hostile field hours. Real questions
 * are far below them (the longest bundled field is under 1,000 characters).
 */
export const FORMAT_LIMITS = {
  /** Characters in one field. */
  length: 16_000,
  /** `[` characters (links, images, task boxes) in one field. */
  brackets: 1_000,
  /** `*` and `_` in a row (emphasis delimiters: 8,000 took 1.5 s to lex in WebKitGTK). */
  delimiterRun: 256,
  /** Container markers (`>`, `-`, `1.`) that open one line, i.e. nesting written on one line. */
  lineDepth: MAX_DEPTH,
  /** Columns of a table (a wider one is shown as its source). */
  tableColumns: 64,
  /** `$` in one field: beyond it, every `$` is text (each can start a formula, and each costs a token). */
  dollars: 1_000,
} as const;

/** A run of more `*` and `_` than FORMAT_LIMITS allows. */
const LONG_DELIMITER_RUN = new RegExp(`[*_]{${FORMAT_LIMITS.delimiterRun + 1}}`);
/**
 * A line that opens with more quote and list markers than FORMAT_LIMITS allows. Each marker can be
 * read one way only (a marker must follow the spaces, a `.` or `)` the digits), so the pattern
 * never backtracks further than one marker.
 */
const DEEP_LINE = new RegExp(String.raw`^(?:[ \t]*(?:>|[-*+](?=\s|$)|\d{1,9}[.)](?=\s|$))){${FORMAT_LIMITS.lineDepth + 1}}`, 'm');

/** Whether `markdown` is within FORMAT_LIMITS (checked in time linear in its length). */
export function isFormattable(markdown: string): boolean {
  return (
    markdown.length <= FORMAT_LIMITS.length &&
    markdown.split('[').length <= FORMAT_LIMITS.brackets + 1 &&
    !LONG_DELIMITER_RUN.test(markdown) &&
    !DEEP_LINE.test(markdown)
  );
}

/** Recently lexed documents (null: shown as source): elements re-render far more often than their markdown changes. */
const lexed = new Map<string, Token[] | null>();
const LEXED_LIMIT = 64;

/** The tokens of `markdown`, or null when it is to be shown as its source text. */
function lex(markdown: string): Token[] | null {
  let tokens = lexed.get(markdown);
  if (tokens !== undefined) {
    lexed.delete(markdown);
  } else {
    tokens = null;
    if (isFormattable(markdown)) {
      try {
        // Fresh defaults: a page that configured its own copy of marked (marked.use) cannot change ours.
        // Math syntax comes with the math chunk (it is lexed as math once that is here; see renderMarkdown).
        const math = mathChunk.value && markdown.split('$').length <= FORMAT_LIMITS.dollars + 1 && mathChunk.value.mathLexerOptions;
        tokens = Lexer.lex(markdown, { ...getDefaults(), gfm: true, breaks: false, pedantic: false, ...math });
      } catch {
        // marked can still run out of stack on nesting within the limits: the source, remembered.
      }
    }
    if (lexed.size >= LEXED_LIMIT) lexed.delete(lexed.keys().next().value!);
  }
  lexed.set(markdown, tokens);
  return tokens;
}

/** Renders untrusted `markdown` as a Lit template; see the module comment for the safety model. */
export function renderMarkdown(markdown: string, options: RenderOptions = {}): TemplateResult {
  // A field that may hold math is lexed without it until the math chunk (with its syntax) is
  // here, then again with it: pages without formulas carry no math code at all.
  if (!mathChunk.value && markdown.includes('$')) {
    void loadMath().then((loaded) => {
      if (!loaded) return;
      lexed.clear();
      options.onCodeBlocksReady?.();
    });
  }
  const tokens = lex(markdown);
  if (!tokens) return html`<div class="markdown"><p class="source">${markdown}</p></div>`;
  const context: Context = {
    base: baseUrl(options.baseUrl),
    // On the server (SSR) there is no page: links are judged against the bank's own origin.
    pageOrigin: isServer ? new URL(baseUrl(options.baseUrl)).origin : location.origin,
    strings: resolveStrings(options.strings),
    headingLevel: clampLevel(options.headingLevel ?? 4),
    onCodeBlocksReady: options.onCodeBlocksReady,
  };
  return html`<div class="markdown">${blocks(tokens, context, 0)}</div>`;
}

function baseUrl(given: string | undefined): string {
  // On the server the bank's absolute URL is the base (renderCard gives one).
  const page = isServer ? 'about:blank' : document.baseURI;
  if (given) {
    try {
      return new URL(given, page).href;
    } catch {
      // fall through to the page's own base
    }
  }
  return page;
}

function clampLevel(level: number): number {
  return Math.min(6, Math.max(1, Math.trunc(level) || 4));
}

// ---------------------------------------------------------------------------------------------
// Blocks

function blocks(tokens: Token[], context: Context, depth: number): unknown[] {
  return tokens.map((token) => block(token as MarkedToken, context, depth));
}

function block(token: MarkedToken, context: Context, depth: number): unknown {
  if (depth > MAX_DEPTH) return html`<p class="source">${token.raw}</p>`;
  switch (token.type) {
    case 'space':
    case 'def':
      return nothing;
    case 'paragraph':
      return html`<p>${inlines(token.tokens, context, depth)}</p>`;
    case 'text':
      // Loose text inside tight list items.
      return token.tokens ? inlines(token.tokens, context, depth) : text(token.text);
    case 'heading':
      return heading(context.headingLevel + token.depth - 1, inlines(token.tokens, context, depth));
    case 'code':
      return codeBlock(token.text, codeLanguage(decodeEntities(token.lang ?? '')), context);
    case 'blockquote':
      return html`<blockquote>${blocks(token.tokens, context, depth + 1)}</blockquote>`;
    case 'list':
      return list(token, context, depth + 1);
    case 'table':
      return table(token, context, depth);
    case 'hr':
      return html`<hr />`;
    case 'html':
      return rawHtmlBlock(token.text);
    case 'checkbox':
      return taskMarker(token.checked);
    default:
      // A display formula of its own (math-syntax.ts); anything else (a future token type) as text.
      return inline(token, context, depth);
  }
}

function heading(level: number, content: unknown): TemplateResult {
  switch (Math.min(level, 6)) {
    case 1:
      return html`<h1>${content}</h1>`;
    case 2:
      return html`<h2>${content}</h2>`;
    case 3:
      return html`<h3>${content}</h3>`;
    case 4:
      return html`<h4>${content}</h4>`;
    case 5:
      return html`<h5>${content}</h5>`;
    default:
      return html`<h6>${content}</h6>`;
  }
}

function list(token: Tokens.List, context: Context, depth: number): TemplateResult {
  const items = token.items.map(
    (item) =>
      html`<li class=${item.task ? 'task' : nothing}>${blocks(item.tokens, context, depth)}</li>`,
  );
  if (!token.ordered) return html`<ul>${items}</ul>`;
  const start = token.start === '' || token.start === 1 ? nothing : token.start;
  return html`<ol start=${start}>${items}</ol>`;
}

/** GFM task list box: a read-only glyph, not a form control nobody can use. */
function taskMarker(checked: boolean): TemplateResult {
  return html`<span class="task-marker">${checked ? '☑' : '☐'}</span> `;
}

function table(token: Tokens.Table, context: Context, depth: number): TemplateResult {
  if (token.header.length > FORMAT_LIMITS.tableColumns) return html`<p class="source">${token.raw.trimEnd()}</p>`;
  const cell = (content: Tokens.TableCell, header: boolean) => {
    const align = content.align ? `align-${content.align}` : nothing;
    const children = inlines(content.tokens, context, depth);
    return header
      ? html`<th scope="col" class=${align}>${children}</th>`
      : html`<td class=${align}>${children}</td>`;
  };
  // Wide tables scroll inside this wrapper, which is focusable so keyboards can scroll it too.
  return html`<div class="table-scroll" tabindex="0" role="group" aria-label=${context.strings.table}>
    <table>
      <thead>
        <tr>${token.header.map((content) => cell(content, true))}</tr>
      </thead>
      <tbody>
        ${token.rows.map((row) => html`<tr>${row.map((content) => cell(content, false))}</tr>`)}
      </tbody>
    </table>
  </div>`;
}


/** Raw HTML is shown as the text it is; comments are the author's notes and stay hidden. */
function rawHtmlBlock(source: string): unknown {
  // By hand: a `<!--[\s\S]*?-->\s*$` expression backtracks in n² time on hostile input.
  const trimmed = source.trim();
  if (trimmed.length >= 7 && trimmed.startsWith('<!--') && trimmed.endsWith('-->')) return nothing;
  return html`<p class="source">${source.trimEnd()}</p>`;
}

// ---------------------------------------------------------------------------------------------
// Inlines

function inlines(tokens: Token[], context: Context, depth: number): unknown[] {
  return tokens.map((token, index) => {
    const current = token as MarkedToken;
    if (current.type === 'text' && !current.tokens) {
      // A soft line break between two Chinese characters must not turn into a space.
      const before = lastChar(tokenText(tokens[index - 1]));
      const after = firstChar(tokenText(tokens[index + 1]));
      return joinWideLines(decodeEntities(current.text), before, after);
    }
    return inline(current, context, depth);
  });
}

function inline(token: MarkedToken, context: Context, depth: number): unknown {
  if (depth > MAX_DEPTH) return text(token.raw);
  if ((token as Token).type === 'math') return math(token as unknown as MathToken);
  const inner = (children: Token[]) => inlines(children, context, depth + 1);
  switch (token.type) {
    case 'text':
      return token.tokens ? inner(token.tokens) : text(token.text);
    case 'escape':
      return token.text;
    case 'strong':
      return html`<strong>${inner(token.tokens)}</strong>`;
    case 'em':
      return html`<em>${inner(token.tokens)}</em>`;
    case 'del':
      return html`<del>${inner(token.tokens)}</del>`;
    case 'codespan':
      return html`<code>${token.text}</code>`;
    case 'br':
      return html`<br />`;
    case 'link':
      return link(token, inner(token.tokens), context);
    case 'image':
      return image(token, context);
    case 'html':
      return rawHtmlInline(token.text);
    case 'checkbox':
      return taskMarker(token.checked);
    default:
      return 'tokens' in token && Array.isArray(token.tokens) ? inner(token.tokens) : text(token.raw);
  }
}

function text(source: string): string {
  return joinWideLines(decodeEntities(source));
}

/** `<br>` is common in table cells (GFM has no other line break there); other tags show as text. */
function rawHtmlInline(source: string): unknown {
  if (/^<br\s*\/?>$/i.test(source)) return html`<br />`;
  if (source.startsWith('<!--')) return nothing;
  return source;
}

function link(token: Tokens.Link, content: unknown[], context: Context): unknown {
  // Fragment links point into the bank's page, which is not this one: keep the text only.
  const destination = token.autolink ? token.href : decodeEntities(token.href);
  const url = destination.trimStart().startsWith('#')
    ? null
    : resolveSafeUrl(destination, context.base, 'link');
  if (!url) return html`<span class="link-removed">${content}</span>`;
  const title = token.title ? decodeEntities(token.title) : nothing;
  const external = url.protocol !== 'mailto:' && url.origin !== context.pageOrigin;
  if (!external) return html`<a href=${url.href} title=${title}>${content}</a>`;
  return html`<a href=${url.href} title=${title} target="_blank" rel="noopener noreferrer"
    >${content}<span class="visually-hidden"> ${context.strings.newTab}</span
    ><span class="external-mark" aria-hidden="true">↗</span></a
  >`;
}

function image(token: Tokens.Image, context: Context): unknown {
  const alt = token.tokens.map(tokenText).join('');
  const url = resolveSafeUrl(decodeEntities(token.href), context.base, 'image');
  if (!url) return alt;
  const title = token.title ? decodeEntities(token.title) : nothing;
  return html`<img src=${url.href} alt=${alt} title=${title} loading="lazy" decoding="async" />`;
}

/** The text a reader sees for a token, used for image alt text and to find neighbouring characters. */
function tokenText(token: Token | undefined): string {
  if (!token) return '';
  const current = token as MarkedToken;
  switch (current.type) {
    case 'text':
      return current.tokens ? current.tokens.map(tokenText).join('') : decodeEntities(current.text);
    case 'escape':
    case 'codespan':
      return current.text;
    case 'br':
      return ' ';
    case 'html':
      return '';
    default:
      return 'tokens' in current && Array.isArray(current.tokens)
        ? current.tokens.map(tokenText).join('')
        : '';
  }
}
