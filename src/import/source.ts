/**
 * A document's text as lines the structure reader can trust: numbered as the author's editor
 * numbers them, with front matter read, and with what carries no content removed outside code
 * (HTML comments, zero-width characters, text-generation artifacts, container and admonition
 * markers) and simple inline HTML turned into its markdown twin.
 */
import type { ImportDiagnostic } from './diagnostics.js';
import { simplifyHtmlLine, splitDetailsTags } from './html-text.js';

export interface Line {
  text: string;
  /** 1-based line in the original document. */
  line: number;
}

export interface PreparedSource {
  /** The body: every line after the front matter, cleaned. */
  lines: Line[];
  /** `key: value` pairs of YAML front matter or of a leading `<!-- … -->` header (LiaScript). */
  meta: Record<string, string>;
  /** Whether the document holds a quizdown block (`:::quizdown`), whose list syntax differs. */
  quizdown: boolean;
}

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
const FENCE_CLOSE = /^\s*(`{3,}|~{3,})\s*$/;
const ZERO_WIDTH = /[\u200B\u2060\uFEFF]/g;
const ARTIFACT = /<\|[A-Za-z_][\w-]{0,30}\|>/g;
const HAS_ARTIFACT = /<\|[A-Za-z_][\w-]{0,30}\|>/;
/** `@Macro.name(args)` alone on a line (LiaScript); `@dragdroporder(…)` is an ordering question, kept. */
const LIA_MACRO = /^\s*@(?!dragdroporder\()[A-Za-z_][\w.]{0,80}(?:\([^\n]{0,2000}\))?\s*$/;
const META_KEY = /^([A-Za-z][\w-]*)[ \t]*:/;
const ADMONITION = /^(?:!!!|\?\?\?\+?)[ \t]+[A-Za-z][\w-]*(?:[ \t]+"([^"\n]*)")?[ \t]*$/;

export function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Columns of leading white space, tabs to the next multiple of four. */
export function indentOf(text: string): number {
  let column = 0;
  for (const char of text) {
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
  }
  return column;
}

/** `text` without trailing spaces and tabs, in linear time (`/[ \t]+$/` is quadratic on a long inner run). */
export function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

export interface Fence {
  char: string;
  length: number;
}

/** The fence a line opens, or null. A backtick fence whose info string holds a backtick is inline code. */
export function fenceOpen(text: string): Fence | null {
  const open = FENCE_OPEN.exec(text);
  if (!open || (open[2]![0] === '`' && open[3]!.includes('`'))) return null;
  return { char: open[2]![0]!, length: open[2]!.length };
}

export function closesFence(text: string, fence: Fence): boolean {
  const match = FENCE_CLOSE.exec(text);
  return !!match && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/**
 * Removes the white space every non-blank line starts with, so markdown indented inside an HTML
 * `<script type="text/markdown">`, as anyone writes HTML, reads like a document.
 */
function dedent(texts: string[]): string[] {
  let prefix: string | null = null;
  for (const text of texts) {
    if (isBlank(text)) continue;
    let end = 0;
    while (end < text.length && (text[end] === ' ' || text[end] === '\t')) end++;
    const own = text.slice(0, end);
    if (prefix === null) prefix = own;
    else {
      let common = 0;
      while (common < prefix.length && common < own.length && prefix[common] === own[common]) common++;
      prefix = prefix.slice(0, common);
    }
    if (prefix === '') return texts;
  }
  if (!prefix) return texts;
  const cut = prefix.length;
  return texts.map((text) => (isBlank(text) ? '' : text.slice(cut)));
}

/** YAML front matter between `---` lines, or a LiaScript-style `<!-- key: value … -->` header. */
function readFrontMatter(texts: string[]): { meta: Record<string, string>; start: number } {
  let first = 0;
  while (first < texts.length && isBlank(texts[first]!)) first++;
  const opener = texts[first]?.trim();
  if (opener !== '---' && opener !== '<!--') return { meta: {}, start: 0 };
  const closer = opener === '---' ? /^(---|\.\.\.)\s*$/ : /-->\s*$/;
  const meta: Record<string, string> = {};
  for (let i = first + 1; i < texts.length; i++) {
    const text = texts[i]!;
    if (closer.test(text.trim())) return { meta, start: i + 1 };
    const key = text.startsWith(' ') || text.startsWith('\t') ? null : META_KEY.exec(text);
    if (key) {
      meta[key[1]!.toLowerCase()] = text.slice(key[0].length).trim().replace(/^(["'])(.*)\1$/, '$2');
    } else if (i === first + 1 && opener === '---') {
      return { meta: {}, start: 0 }; // a thematic break, not front matter
    }
  }
  return { meta: {}, start: 0 };
}

/**
 * Splits and cleans a document. Removed artifacts are reported as warnings; a heading glued to
 * one starts a line of its own, so it is still seen.
 */
export function prepareSource(source: string, file: string, diagnostics: ImportDiagnostic[]): PreparedSource {
  const texts = dedent(source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/));
  const { meta, start } = readFrontMatter(texts);
  const lines: Line[] = [];
  // The last line that closes an HTML comment: a "<!--" after it never ends, so it is text.
  let lastClose = -1;
  for (let i = texts.length - 1; i >= start && lastClose < 0; i--) if (texts[i]!.includes('-->')) lastClose = i;
  let fence: Fence | null = null;
  let comment = false;
  let quizdown = false;
  let admonitionBody = false;
  for (let index = start; index < texts.length; index++) {
    const line = index + 1;
    let text = texts[index]!.replace(ZERO_WIDTH, '');
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      lines.push({ text, line });
      continue;
    }
    if (comment) {
      const end = text.indexOf('-->');
      if (end < 0) {
        lines.push({ text: '', line });
        continue;
      }
      comment = false;
      text = text.slice(end + 3);
    }
    const removed = removeComments(text, index < lastClose);
    text = removed.text;
    comment = removed.open;
    if (removed.unclosed) diagnostics.push({ severity: 'warning', file, line, message: 'an HTML comment "<!--" is never closed with "-->", so it is kept as text' });
    // Indentation made of no-break and ideographic spaces is indentation.
    text = text.replace(/^[\u00A0\u3000]+/, (run) => (run.includes('\u3000') ? '' : ' '.repeat(run.length)));

    const opened = fenceOpen(text);
    if (opened) {
      fence = opened;
      lines.push({ text, line });
      continue;
    }
    if (admonitionBody) {
      // mkdocs admonition bodies are indented four columns; they are prose, not code.
      if (isBlank(text) || indentOf(text) >= 4) text = text.replace(/^( {4}|\t)/, '');
      else admonitionBody = false;
    }
    const admonition = ADMONITION.exec(text);
    if (admonition) {
      admonitionBody = true;
      lines.push({ text: admonition[1] ? `**${admonition[1]}**` : '', line });
      continue;
    }
    const container = containerName(text);
    if (container !== null) {
      if (container === 'quizdown') {
        quizdown = true;
        index = skipOptionsBlock(texts, index, lines);
      }
      lines.push({ text: '', line });
      continue;
    }
    if (/^\s*\{:[^}\n]*\}\s*$/.test(text)) {
      // A kramdown attribute line (`{:toc}`): the list item it decorates is a generated table of contents.
      if (text.includes('toc')) blankPreviousListItem(lines);
      lines.push({ text: '', line });
      continue;
    }
    if (HAS_ARTIFACT.test(text)) text = removeArtifacts(text, line, file, diagnostics, lines);
    // A LiaScript macro call alone on a line renders something only LiaScript knows.
    for (const piece of splitDetailsTags(simplifyHtmlLine(text))) lines.push({ text: LIA_MACRO.test(piece) ? '' : piece, line });
  }
  return { lines, meta, quizdown };
}

/**
 * The name of a container a line opens (`:::{quizdown}`, `:::quizdown`, `::: tip Title`: MyST,
 * Pandoc and VuePress), `''` for a closing `:::`, or null when the line is no container marker.
 */
function containerName(text: string): string | null {
  const trimmed = text.trim();
  if (!trimmed.startsWith(':::')) return null;
  let at = 3;
  while (trimmed[at] === ':') at++;
  const rest = trimmed.slice(at);
  if (rest.includes(':')) return null;
  return (rest.replace(/[{}]/g, ' ').trim().split(/\s/)[0] ?? '').toLowerCase();
}

/**
 * `text` without `<!-- … -->` outside code spans; `open` when a comment starts and ends on a later
 * line (`closes`), `unclosed` when one starts and nothing after closes it (then it is text).
 */
function removeComments(text: string, closes: boolean): { text: string; open: boolean; unclosed?: boolean } {
  if (!text.includes('<!--')) return { text, open: false };
  let out = '';
  let at = 0;
  for (;;) {
    const start = commentStart(text, at);
    if (start < 0) return { text: out + text.slice(at), open: false };
    const end = text.indexOf('-->', start + 4);
    if (end < 0) return closes ? { text: out + text.slice(at, start), open: true } : { text: out + text.slice(at), open: false, unclosed: true };
    out += text.slice(at, start);
    at = end + 3;
  }
}

/** The next "<!--" at or after `from` that is not inside a code span, or -1. */
function commentStart(text: string, from: number): number {
  let inCode = false;
  for (let i = from; i < text.length; i++) {
    if (text[i] === '`') inCode = !inCode;
    else if (!inCode && text.startsWith('<!--', i)) return i;
  }
  return -1;
}

/** After a quizdown opener, its `---` options block (`shuffleAnswers: true`) is configuration, not text. */
function skipOptionsBlock(texts: readonly string[], opener: number, lines: Line[]): number {
  let first = opener + 1;
  while (first < texts.length && isBlank(texts[first]!)) first++;
  if (texts[first]?.trim() !== '---' || !META_KEY.test(texts[first + 1] ?? '')) return opener;
  for (let i = first + 1; i < texts.length && i < first + 200; i++) {
    if (texts[i]!.trim() !== '---') continue;
    for (let j = opener + 1; j <= i; j++) lines.push({ text: '', line: j + 1 });
    return i;
  }
  return opener;
}

function blankPreviousListItem(lines: Line[]): void {
  for (let i = lines.length - 1; i >= 0; i--) {
    if (isBlank(lines[i]!.text)) continue;
    if (/^\s*[-*+]\s/.test(lines[i]!.text)) lines[i] = { ...lines[i]!, text: '' };
    return;
  }
}

function removeArtifacts(text: string, line: number, file: string, diagnostics: ImportDiagnostic[], lines: Line[]): string {
  const found = [...new Set(text.match(ARTIFACT))].join(', ');
  diagnostics.push({ severity: 'warning', file, line, message: `removed text-generation artifact ${found}` });
  const pieces = text.split(ARTIFACT);
  let current = pieces[0]!;
  for (const piece of pieces.slice(1)) {
    if (/^\s*#{1,6}\s/.test(piece)) {
      lines.push({ text: current, line });
      current = piece.trimStart();
    } else {
      current += piece;
    }
  }
  return current;
}
