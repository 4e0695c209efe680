/**
 * Choice and ordering syntaxes inside a question's text: task lists (`- [x]`), quizdown (`1. [x]`
 * single, `- [x]` multiple, a plain numbered list for ordering, `>` comments under options),
 * LiaScript (`[(X)]`, `[[X]]`, `@dragdroporder`), lettered options (`A.`, `A)`, `- A.`)
 * whose answer key is written elsewhere (`Answer: B, E`), and matching lists (`- France -> Paris`).
 */
import { arrowPair } from '../interactions/matching/markdown.js';
import { parseItem, scanBlocks, type Block, type Box, type ItemBlock } from './blocks.js';
import { isBlank, type Line } from './source.js';
import { nfkc } from '../bank/nfkc.js';

export interface ChoiceOption {
  text: string;
  line: number;
  /** From a box; undefined for lettered options until a key says. */
  checked?: boolean;
  letter?: string;
  feedback?: string;
}

export interface ChoiceGroup {
  type: 'choices';
  /** How the options were written, for messages and for single/multiple. */
  syntax: 'task' | 'quizdown-single' | 'quizdown-multiple' | 'lia-single' | 'lia-multiple' | 'lettered';
  options: ChoiceOption[];
  /** Checkboxes whatever the number of right options (quizdown `- [x]`, LiaScript `[[X]]`). */
  multiple?: boolean;
  /** Index range [start, end) in the lines given to `findChoices`. */
  start: number;
  end: number;
}

export interface OrderingGroup {
  type: 'ordering';
  syntax: 'quizdown' | 'liascript';
  items: string[];
  start: number;
  end: number;
}

export interface MatchingGroup {
  type: 'matching';
  /** `left -> right` items; an empty left side (`- -> IBM`) makes a distractor. */
  pairs: { left: string; right: string }[];
  distractors: string[];
  start: number;
  end: number;
}

export type Interaction = ChoiceGroup | OrderingGroup | MatchingGroup;

const LETTER = /^(?:\(([A-H])\)|（([A-H])）|([A-H])(?:[.．、:：)）]|\s)|\*\*([A-H])[.．、:：)）]?\*\*[.．、:：)）]?)\s*/;
const DRAG_ORDER = /^\s*@dragdroporder\(\s*@uid\s*,([^\n]*)\)\s*$/;
const BOX_LINE = /^\s*\[([[(])([ xX])([\])])\]\s*(.*)$/;

/** A lettered option: its letter and text (`A. text`, `(B) text`, `C) text`, `D text`, `**E.** text`). */
export function letterOption(text: string): { letter: string; text: string } | null {
  const match = LETTER.exec(text.trim());
  if (!match) return null;
  const rest = text.trim().slice(match[0].length).trim();
  if (!rest) return null;
  return { letter: (match[1] ?? match[2] ?? match[3] ?? match[4])!, text: rest };
}

interface Context {
  /** The document holds quizdown, where `- [x]` lists are multiple choice and plain numbered lists are orderings. */
  quizdown: boolean;
  /** Read `left -> right` lists as matching (inside a question; structure inference counts only choices and orderings). */
  matching?: boolean;
}

/** Where each line of the text stands, so a block's place is looked up, not searched for. */
type Positions = ReadonlyMap<Line, number>;

function firstIndex(positions: Positions, block: Block): number {
  return positions.get(block.lines[0]!)!;
}

function lastIndex(positions: Positions, block: Block): number {
  return positions.get(block.lines[block.lines.length - 1]!)!;
}

function itemText(item: ItemBlock): string {
  return [item.text, ...item.lines.slice(1).map((l) => l.text.trim())].join('\n').trim();
}

function quoteText(block: Block): string {
  return block.lines
    .map((l) => l.text.trim().replace(/^>\s?/, ''))
    .join('\n')
    .trim();
}

function sameBoxKind(a: Box, b: Box | undefined): boolean {
  return !!b && (a.kind === b.kind || (a.kind !== 'task' && b.kind !== 'task'));
}

/** The first choice, ordering or matching group in `lines` (a question's text), or null. */
export function findInteraction(lines: readonly Line[], context: Context): Interaction | null {
  return findInteractions(lines, context, 1)[0] ?? null;
}

/** Every choice, ordering or matching group in `lines`, in order (at most `limit`). */
export function findInteractions(lines: readonly Line[], context: Context, limit = Infinity): Interaction[] {
  const blocks = scanBlocks(lines);
  const positions: Positions = new Map(lines.map((line, i) => [line, i]));
  const found: Interaction[] = [];
  for (let b = 0; b < blocks.length && found.length < limit; b++) {
    const group = interactionAt(lines, blocks, b, positions, context);
    if (!group) continue;
    found.push(group);
    while (b + 1 < blocks.length && firstIndex(positions, blocks[b + 1]!) < group.end) b++;
  }
  return found;
}

function interactionAt(lines: readonly Line[], blocks: readonly Block[], b: number, positions: Positions, context: Context): Interaction | null {
  const block = blocks[b]!;
  const cursor = firstIndex(positions, block);
  if (block.type === 'item' && block.box) {
    const group = boxedItems(positions, blocks, b, cursor, context);
    if (group) return group;
  }
  if (block.type === 'item' && letterOption(block.text)?.letter === 'A') {
    const group = letteredItems(positions, blocks, b, cursor);
    if (group) return group;
  }
  if (block.type === 'paragraph') {
    const group = letteredLines(lines, cursor) ?? boxedLines(lines, cursor) ?? dragOrder(lines, cursor);
    if (group) return group;
  }
  if (context.matching && block.type === 'item' && !block.box && arrowPair(block.text)) {
    const group = matchingItems(positions, blocks, b, cursor);
    if (group) return group;
  }
  if (context.quizdown && block.type === 'item' && block.ordered && !block.box) {
    const items: string[] = [];
    let end = cursor;
    for (let k = b; k < blocks.length; k++) {
      const next = blocks[k]!;
      if (next.type === 'blank') continue;
      if (next.type !== 'item' || !next.ordered || next.box || next.indent !== block.indent) break;
      items.push(itemText(next));
      end = lastIndex(positions, next) + 1;
    }
    if (items.length >= 2) return { type: 'ordering', syntax: 'quizdown', items, start: cursor, end };
  }
  return null;
}

function boxedItems(positions: Positions, blocks: readonly Block[], first: number, start: number, context: Context): ChoiceGroup | null {
  const head = blocks[first] as ItemBlock;
  const options: ChoiceOption[] = [];
  let end = start;
  let current: ChoiceOption | null = null;
  for (let k = first; k < blocks.length; k++) {
    const next = blocks[k]!;
    if (next.type === 'blank') continue;
    if (next.type === 'item' && next.indent === head.indent && sameBoxKind(head.box!, next.box)) {
      current = { text: itemText(next), line: next.line, checked: next.box!.checked };
      // An option with no text (a stray "- [ ]") is no option.
      if (current.text) options.push(current);
    } else if (current && next.indent >= head.content) {
      // A quizdown comment (`> …` under an option) is its feedback; other nested text belongs to the option.
      if (next.type === 'quote') current.feedback = [current.feedback, quoteText(next)].filter(Boolean).join('\n\n');
      else current.text = `${current.text}\n\n${next.lines.map((l) => l.text.trim()).join('\n')}`;
    } else break;
    end = lastIndex(positions, next) + 1;
  }
  if (options.length < 2) return null;
  const kind = head.box!.kind;
  if (kind === 'task' && !options.some((o) => o.checked)) return null;
  if (kind !== 'task') {
    const multiple = kind === 'multiple';
    return { type: 'choices', syntax: multiple ? 'lia-multiple' : 'lia-single', options, start, end, ...(multiple ? { multiple } : {}) };
  }
  if (context.quizdown) {
    return head.ordered ? { type: 'choices', syntax: 'quizdown-single', options, start, end } : { type: 'choices', syntax: 'quizdown-multiple', options, start, end, multiple: true };
  }
  return { type: 'choices', syntax: 'task', options, start, end };
}

/** A list whose every item is `left -> right`, two pairs or more. */
function matchingItems(positions: Positions, blocks: readonly Block[], first: number, start: number): MatchingGroup | null {
  const head = blocks[first] as ItemBlock;
  const pairs: MatchingGroup['pairs'] = [];
  const distractors: string[] = [];
  let end = start;
  for (let k = first; k < blocks.length; k++) {
    const next = blocks[k]!;
    if (next.type === 'blank') continue;
    if (next.type !== 'item' || next.indent !== head.indent || next.box) break;
    const pair = arrowPair(itemText(next));
    if (!pair) return null;
    if (pair.left) pairs.push(pair);
    else distractors.push(pair.right);
    end = lastIndex(positions, next) + 1;
  }
  return pairs.length >= 2 ? { type: 'matching', pairs, distractors, start, end } : null;
}

function letteredItems(positions: Positions, blocks: readonly Block[], first: number, start: number): ChoiceGroup | null {
  const head = blocks[first] as ItemBlock;
  const options: ChoiceOption[] = [];
  let end = start;
  for (let k = first; k < blocks.length; k++) {
    const next = blocks[k]!;
    if (next.type === 'blank') continue;
    const option = next.type === 'item' && next.indent === head.indent ? letterOption(itemText(next)) : null;
    if (!option || option.letter !== String.fromCharCode(65 + options.length)) break;
    options.push({ text: option.text, line: next.line, letter: option.letter });
    end = lastIndex(positions, next) + 1;
  }
  return options.length >= 2 ? { type: 'choices', syntax: 'lettered', options, start, end } : null;
}

/** `A. …` / `B. …` lines, in one paragraph or in paragraphs of their own. */
function letteredLines(lines: readonly Line[], start: number): ChoiceGroup | null {
  if (letterOption(lines[start]!.text)?.letter !== 'A' || parseItem(lines[start]!.text)) return null;
  const options: ChoiceOption[] = [];
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (isBlank(text)) continue;
    const option = letterOption(text);
    if (option && option.letter === String.fromCharCode(65 + options.length)) {
      options.push({ text: option.text, line: lines[i]!.line, letter: option.letter });
      end = i + 1;
    } else break;
  }
  return options.length >= 2 ? { type: 'choices', syntax: 'lettered', options, start, end } : null;
}

/** LiaScript options written without list markers: `[(X)] text` lines. */
function boxedLines(lines: readonly Line[], start: number): ChoiceGroup | null {
  const first = BOX_LINE.exec(lines[start]!.text);
  if (!first || (first[1] === '(') !== (first[3] === ')')) return null;
  const single = first[1] === '(';
  const options: ChoiceOption[] = [];
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const match = BOX_LINE.exec(lines[i]!.text);
    if (!match || (match[1] === '(') !== single || (match[3] === ')') !== single) break;
    options.push({ text: match[4]!.trim(), line: lines[i]!.line, checked: match[2] !== ' ' });
    end = i + 1;
  }
  if (options.length < 2) return null;
  return single ? { type: 'choices', syntax: 'lia-single', options, start, end } : { type: 'choices', syntax: 'lia-multiple', options, start, end, multiple: true };
}

/** The drag-and-drop ordering macro of LiaScript's template: `@dragdroporder(@uid, first|second|third)`. */
function dragOrder(lines: readonly Line[], start: number): OrderingGroup | null {
  const match = DRAG_ORDER.exec(lines[start]!.text);
  if (!match) return null;
  const items = match[1]!.split('|').map((item) => item.trim()).filter(Boolean);
  return items.length >= 2 ? { type: 'ordering', syntax: 'liascript', items, start, end: start + 1 } : null;
}

const KEY_PREFIX = /^(?:\*\*)?(?:correct answers?|answers?|ans|solution|正确答案|参考答案|答案|答)(?:\*\*)?\s*(?:(?:is|:|：)\s*)?(?:\*\*\s*)?/i;

/**
 * The letters an answer key names at the start of `text`: `D`, `B, E`, `B and E`, `BE`, `(C)`,
 * `**C** because…`, `Correct answer: D`. `rest` is the text after the key (an explanation).
 */
export function readAnswerKey(text: string, letters: ReadonlySet<string>): { letters: string[]; rest: string } | null {
  let body = text.trim().replace(KEY_PREFIX, '');
  const bold = /^\*\*([^*\n]{1,40})\*\*/.exec(body);
  let keyText: string;
  if (bold) {
    keyText = bold[1]!;
    body = body.slice(bold[0].length);
  } else {
    const plain = /^[(（]?[A-H](?:(?:\s*(?:,|，|、|\/|&|and|和|与|及)\s*|\s*)[A-H])*[)）]?(?![\p{L}\p{N}])/u.exec(body);
    if (!plain) return null;
    keyText = plain[0];
    body = body.slice(plain[0].length);
  }
  const found = [...new Set(keyText.match(/[A-H]/g) ?? [])];
  if (found.length === 0 || !found.every((letter) => letters.has(letter)) || /[a-z]{3,}/.test(keyText.replace(/\band\b/g, ''))) return null;
  return { letters: found, rest: body.replace(/^\s*[.．。:：,，、\-–—]?\s*/, '').trim() };
}

/** Text as compared with options: NFKC, lower case, white space collapsed, trailing punctuation dropped. */
export function optionKey(text: string): string {
  return nfkc(text)
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s.;,。；，]+$/, '')
    .trim();
}

/** Splits a `Choices:` value: one option per nested list item, else by `;`, else by `,`. */
export function splitChoiceList(text: string): string[] {
  const lines = text.split('\n').map((l) => l.trim()).filter(Boolean);
  const items = lines.filter((l) => /^[-*+]\s/.test(l));
  if (items.length >= 2) return items.map((l) => l.replace(/^[-*+]\s+/, '').trim()).filter(Boolean);
  const joined = lines.join(' ');
  const separator = joined.includes(';') ? ';' : joined.includes('；') ? '；' : ',';
  return joined
    .split(separator)
    .map((part) => part.trim())
    .filter(Boolean);
}

/**
 * Which of `options` an answer written as text names: the one equal to it; else each part of it
 * split like the options; else the options it contains. Empty when none matches.
 */
export function matchAnswerText(answer: string, options: readonly string[]): number[] {
  const keys = options.map(optionKey);
  const wanted = optionKey(answer);
  const whole = keys.indexOf(wanted);
  if (whole >= 0) return [whole];
  const parts = splitChoiceList(answer).map(optionKey);
  const byParts = parts.map((part) => keys.indexOf(part));
  if (parts.length > 1 && byParts.every((i) => i >= 0)) return [...new Set(byParts)];
  const contained = keys.flatMap((key, i) => (key.length >= 1 && containsOption(wanted, key) ? [i] : []));
  return contained;
}

/** `option` occurs in `answer` as a whole (not inside a longer word or expression). */
function containsOption(answer: string, option: string): boolean {
  for (let at = answer.indexOf(option); at >= 0; at = answer.indexOf(option, at + 1)) {
    const before = answer[at - 1];
    const after = answer[at + option.length];
    const edge = (char: string | undefined) => char === undefined || /[\s,;，；、(（)）]/.test(char);
    if (edge(before) && edge(after)) return true;
  }
  return false;
}

/** Choice text that would read as block markdown (`# Header`, `> quote`, `- item`) escaped to show as written. */
export function escapeChoiceText(text: string): string {
  return text.replace(/^(#{1,6}(?=\s|$)|>|[-+*](?=\s|$))/, '\\$1').replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

export { stripOptionLetters } from './option-letters.js';
