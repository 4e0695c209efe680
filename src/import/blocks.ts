/**
 * Markdown blocks, as flat as the importer needs them: headings, paragraphs, list items, code,
 * quotes, tables, `<details>` parts and breaks, each with its source lines and indentation.
 * Nesting is left to the reader: a list item's children are the blocks after it that are
 * indented to its content column. One pass, each line looked at a bounded number of times.
 */
import { closesFence, fenceOpen, indentOf, isBlank, trimBlanksEnd, type Line } from './source.js';

/** A task-list box (`[x]`), or LiaScript's single- (`[(X)]`) and multiple-choice (`[[X]]`) boxes. */
export interface Box {
  kind: 'task' | 'single' | 'multiple';
  checked: boolean;
}

interface BlockBase {
  line: number;
  lines: Line[];
  /** Columns of indentation of the first line. */
  indent: number;
}

export interface HeadingBlock extends BlockBase {
  type: 'heading';
  level: number;
  /** Without the `#` marks and a closing run of `#`. */
  text: string;
}

export interface ItemBlock extends BlockBase {
  type: 'item';
  ordered: boolean;
  /** The marker as written: `-`, `*`, `+`, `1.`, `2)`. */
  marker: string;
  /** Column where the item's content starts; children are indented at least this far. */
  content: number;
  /** The first line's content after the marker (and after a box). */
  text: string;
  box?: Box;
}

export interface ParagraphBlock extends BlockBase {
  type: 'paragraph';
  /** Underlined with `===` (1) or `---` (2). */
  setext?: number;
}

export interface FenceBlock extends BlockBase {
  type: 'fence';
  closed: boolean;
}

export interface SummaryBlock extends BlockBase {
  type: 'summary';
  text: string;
}

export interface OtherBlock extends BlockBase {
  type: 'blank' | 'code' | 'quote' | 'table' | 'details' | 'details-end' | 'break';
}

export type Block = HeadingBlock | ItemBlock | ParagraphBlock | FenceBlock | SummaryBlock | OtherBlock;

const HEADING_START = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const ITEM = /^(\s*)([-*+]|\d{1,9}[.)])(?:([ \t]+)(.*))?$/;
const BREAK = /^ {0,3}(?:(?:-[ \t]*){3,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,})$/;
const SETEXT = /^ {0,3}(=+|-+)[ \t]*$/;
const TABLE_DELIMITER = /^\s*(?:\|\s*)?:?-+:?\s*(?:\|\s*:?-+:?\s*)+(?:\|\s*)?$/;
const SUMMARY = /^<summary>(.*)<\/summary>$/;

/** An ATX heading: its level and text, without a closing run of `#` (CommonMark). */
export function parseHeading(line: string): { level: number; text: string } | null {
  const start = HEADING_START.exec(line);
  if (!start) return null;
  let text = trimBlanksEnd(line.slice(start[0].length));
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes === 0) text = '';
  else if (hashes < text.length && (text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) text = trimBlanksEnd(text.slice(0, hashes));
  return { level: start[1]!.length, text };
}

function parseBox(content: string): { box?: Box; text: string } {
  if (content[0] !== '[') return { text: content };
  const task = /^\[([ xX])\](?:[ \t]+|$)/.exec(content);
  if (task) return { box: { kind: 'task', checked: task[1] !== ' ' }, text: content.slice(task[0].length) };
  const lia = /^\[([[(])([ xX])([\])])\]/.exec(content);
  if (lia && (lia[1] === '(' ? lia[3] === ')' : lia[3] === ']')) {
    return { box: { kind: lia[1] === '(' ? 'single' : 'multiple', checked: lia[2] !== ' ' }, text: content.slice(lia[0].length).trimStart() };
  }
  return { text: content };
}

/** The list item a line opens, relative to nothing: marker, content column and box. */
export function parseItem(text: string): Omit<ItemBlock, 'line' | 'lines' | 'type'> | null {
  const match = ITEM.exec(text);
  if (!match) return null;
  const indent = indentOf(match[1]!);
  const marker = match[2]!;
  const spaces = match[3] ? indentOf(' '.repeat(indent + marker.length) + match[3]) - indent - marker.length : 1;
  const content = indent + marker.length + (spaces > 4 || !match[4] ? 1 : spaces);
  const { box, text: rest } = parseBox(match[4] ?? '');
  return { indent, marker, ordered: /\d/.test(marker), content, text: rest, ...(box ? { box } : {}) };
}

function isTableStart(lines: readonly Line[], i: number): boolean {
  const text = lines[i]!.text.trim();
  if (text.startsWith('|') && text.length > 1) return true;
  return text.includes('|') && TABLE_DELIMITER.test(lines[i + 1]?.text ?? '');
}

/** Whether `text` starts a block of its own, ending a paragraph before it. */
function interrupts(text: string, base: number): boolean {
  if (isBlank(text)) return true;
  const relative = indentOf(text) - base;
  if (relative >= 4) return false;
  const trimmed = text.trim();
  return (
    HEADING_START.test(text.trimStart()) ||
    fenceOpen(text) !== null ||
    ITEM.test(text) ||
    trimmed.startsWith('>') ||
    trimmed.startsWith('|') ||
    trimmed === '<details>' ||
    trimmed === '</details>' ||
    SUMMARY.test(trimmed) ||
    BREAK.test(text.slice(Math.max(0, text.length - trimmed.length - Math.min(3, indentOf(text)))))
  );
}

/** Splits prepared lines into blocks. */
export function scanBlocks(lines: readonly Line[]): Block[] {
  const blocks: Block[] = [];
  /** Content columns of the list items still open. */
  const open: number[] = [];
  let i = 0;
  const previous = () => blocks[blocks.length - 1];
  while (i < lines.length) {
    const entry = lines[i]!;
    const text = entry.text;
    if (isBlank(text)) {
      const last = previous();
      if (last?.type === 'blank') last.lines.push(entry);
      else blocks.push({ type: 'blank', line: entry.line, lines: [entry], indent: 0 });
      i++;
      continue;
    }
    const indent = indentOf(text);
    while (open.length > 0 && indent < open[open.length - 1]!) open.pop();
    const base = open[open.length - 1] ?? 0;
    const relative = indent - base;
    const trimmed = text.trim();

    if (relative >= 4) {
      const last = previous();
      if (!last || last.type === 'blank' || last.type === 'heading' || last.type === 'fence' || last.type === 'code') {
        const code: Line[] = [];
        let end = i;
        while (end < lines.length && (isBlank(lines[end]!.text) || indentOf(lines[end]!.text) >= base + 4)) end++;
        while (end > i && isBlank(lines[end - 1]!.text)) end--;
        for (let k = i; k < end; k++) code.push(lines[k]!);
        blocks.push({ type: 'code', line: entry.line, lines: code, indent });
        i = end;
        continue;
      }
    }

    const fence = relative < 4 ? fenceOpen(text) : null;
    if (fence) {
      const body: Line[] = [entry];
      let k = i + 1;
      let closed = false;
      for (; k < lines.length; k++) {
        body.push(lines[k]!);
        if (closesFence(lines[k]!.text, fence)) {
          closed = true;
          k++;
          break;
        }
      }
      blocks.push({ type: 'fence', line: entry.line, lines: body, indent, closed });
      i = k;
      continue;
    }

    const heading = relative < 4 ? parseHeading(text.slice(base)) : null;
    if (heading) {
      open.length = 0;
      blocks.push({ type: 'heading', line: entry.line, lines: [entry], indent, level: heading.level, text: heading.text });
      i++;
      continue;
    }

    if (trimmed === '<details>' || trimmed === '</details>') {
      blocks.push({ type: trimmed === '<details>' ? 'details' : 'details-end', line: entry.line, lines: [entry], indent });
      i++;
      continue;
    }
    const summary = SUMMARY.exec(trimmed);
    if (summary) {
      blocks.push({ type: 'summary', line: entry.line, lines: [entry], indent, text: summary[1]! });
      i++;
      continue;
    }

    if (relative < 4 && BREAK.test(text.slice(base))) {
      blocks.push({ type: 'break', line: entry.line, lines: [entry], indent });
      i++;
      continue;
    }

    const item = relative < 4 ? parseItem(text) : null;
    if (item) {
      const itemLines = [entry];
      let k = i + 1;
      // Lazy continuation: text lines that start no block of their own.
      while (k < lines.length && !interrupts(lines[k]!.text, item.content) && indentOf(lines[k]!.text) < item.content + 4) itemLines.push(lines[k++]!);
      blocks.push({ type: 'item', line: entry.line, lines: itemLines, ...item });
      open.push(item.content);
      i = k;
      continue;
    }

    if (trimmed.startsWith('>')) {
      const quote = [entry];
      let k = i + 1;
      while (k < lines.length && !isBlank(lines[k]!.text) && (lines[k]!.text.trim().startsWith('>') || !interrupts(lines[k]!.text, base))) quote.push(lines[k++]!);
      blocks.push({ type: 'quote', line: entry.line, lines: quote, indent });
      i = k;
      continue;
    }

    if (isTableStart(lines, i)) {
      const rows = [entry];
      let k = i + 1;
      while (k < lines.length && !isBlank(lines[k]!.text) && lines[k]!.text.includes('|')) rows.push(lines[k++]!);
      blocks.push({ type: 'table', line: entry.line, lines: rows, indent });
      i = k;
      continue;
    }

    const paragraph = [entry];
    let k = i + 1;
    let setext: number | undefined;
    while (k < lines.length) {
      const next = lines[k]!.text;
      const underline = SETEXT.exec(next);
      if (underline && indentOf(next) - base < 4) {
        setext = underline[1]![0] === '=' ? 1 : 2;
        k++;
        break;
      }
      if (interrupts(next, base)) break;
      paragraph.push(lines[k++]!);
    }
    blocks.push({ type: 'paragraph', line: entry.line, lines: paragraph, indent, ...(setext ? { setext } : {}) });
    i = k;
  }
  return blocks;
}

/** The source text of `blocks`, with `strip` columns of indentation removed where present. */
export function blocksText(blocks: readonly Block[], strip = 0): Line[] {
  const out: Line[] = [];
  for (const block of blocks) {
    for (const entry of block.lines) out.push(strip > 0 ? { ...entry, text: removeIndent(entry.text, strip) } : entry);
  }
  return out;
}

/** `text` without up to `columns` columns of leading white space. */
export function removeIndent(text: string, columns: number): string {
  let column = 0;
  let at = 0;
  while (at < text.length && column < columns) {
    const char = text[at];
    if (char === ' ') column++;
    else if (char === '\t') column += 4 - (column % 4);
    else break;
    at++;
  }
  return text.slice(at);
}
