/**
 * The blocks that start a question in documents whose questions are not headings: bold question
 * lines, `Q:` labels, list items that ask (with nested answers, or as flat numbered bullets),
 * numbered quote lines; and links inside the page, which are no content at all.
 */
import type { Block, ItemBlock } from './blocks.js';
import { letterOption } from './choices.js';
import { matchLabel, QUESTION_LABELS } from './labels.js';
import { cleanText, isQuestionLike, splitNumbering, stripEmphasisAround } from './titles.js';

export type Carrier = 'heading' | 'details' | 'bold' | 'label' | 'quote' | 'list' | 'choice';

export function boldQuestion(block: Block): { title: string; number?: number } | null {
  if (block.type !== 'paragraph' || block.indent > 3) return null;
  const first = block.lines[0]!.text.trim().replace(/[:：]$/, '');
  const emphasis = stripEmphasisAround(first);
  if (!emphasis.emphasised || matchLabel(first)) return null;
  const numbered = splitNumbering(emphasis.text);
  const plain = cleanText(numbered.text);
  if (!plain || (numbered.number === undefined && !isQuestionLike(plain))) return null;
  return { title: numbered.text, ...(numbered.number === undefined ? {} : { number: numbered.number }) };
}

/** `Q:`, `Q1:`, `Question:`, `问：`, `**Q:**`: a question label opening a paragraph (Q/A documents). */
export function questionLabel(text: string): string | null {
  const normalized = text.replace(/^(\s{0,3}(?:\*\*)?)(?:Q|Question|问题?)\s*\d{1,4}(?=\s*(?:\*\*)?\s*[:：.])/i, '$1Q');
  const label = matchLabel(normalized.replace(/^(\s{0,3}(?:\*\*)?Q)\.(?=\s)/, '$1:'), { pairs: true });
  return label && label.field === 'prompt' && QUESTION_LABELS.has(label.label) ? label.rest : null;
}

export function hasAnswerLabel(block: Block): boolean {
  return block.lines.some((l) => matchLabel(l.text, { pairs: true })?.field === 'answer');
}

export function topLevelItem(block: Block): block is ItemBlock {
  return block.type === 'item' && block.indent <= 3;
}

/** The question text of a list item: after a `Question:` label, or the item text when it asks. */
export function itemQuestion(item: ItemBlock): string | null {
  const label = matchLabel(item.text);
  if (label?.field === 'prompt') return label.rest || null;
  if (label) return null;
  if (letterOption(item.text) || item.box) return null;
  return isQuestionLike(cleanText(splitNumbering(item.text).text)) ? item.text : null;
}

export function hasChildren(blocks: readonly Block[], index: number): boolean {
  const item = blocks[index] as ItemBlock;
  for (let k = index + 1; k < blocks.length; k++) {
    const next = blocks[k]!;
    if (next.type === 'blank') continue;
    return next.indent >= item.content;
  }
  return false;
}

/** `* 1.question` bullets whose answers are the sibling bullets after them (a flat list). */
export function numberedBullet(item: ItemBlock): { number: number; text: string } | null {
  if (item.ordered) return null;
  const match = /^(\d{1,3})\s*[.、．)）]\s*(\S.*)$/.exec(item.text.trim());
  return match ? { number: Number(match[1]), text: match[2]! } : null;
}

export function quoteQuestion(block: Block): { title: string; number?: number } | null {
  if (block.type !== 'quote') return null;
  const text = block.lines.map((l) => l.text.trim().replace(/^>\s?/, '')).join(' ').trim();
  const numbered = splitNumbering(text);
  if (numbered.number === undefined || !isQuestionLike(cleanText(numbered.text))) return null;
  return { title: numbered.text, number: numbered.number };
}

/** A line that is only a link to an anchor of the page (`**[⬆ Back to Top](#table-of-contents)**`), perhaps bold: no content. */
export const NAVIGATION_LINK = /^\s*(?:(?:\*\*|__)\s*)?\[[^\]\n]{0,200}\]\(#[^)\s]{0,300}\)\s*(?:(?:\*\*|__)\s*)?$/;

export function isNavigationLink(block: Block): boolean {
  return block.lines.length === 1 && NAVIGATION_LINK.test(block.lines[0]!.text);
}
