/** Which bank a result row comes from, said briefly and only where it tells rows apart (no DOM). */
import type { ResultRows } from '../../search/question-index.js';

const segmenter = typeof Intl.Segmenter === 'function' ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
const graphemes = (text: string): string[] => (segmenter ? [...segmenter.segment(text)].map((piece) => piece.segment) : [...text]);

/** Up to the first of these, a bank title often names its subject ("大模型商业模式：…", "Go: …"). */
const HEAD_END = /[：:，—]/;

/**
 * A row's short bank label: the bank's `shortTitle` when it has one (the author's word for it),
 * else the title up to its first `：` `:` `，` or `—` when that leaves 2–12 graphemes, else its
 * first 10 graphemes and "…" (the whole title when it is that short).
 */
export function shortBankLabel(title: string, shortTitle?: unknown): string {
  if (typeof shortTitle === 'string' && shortTitle.trim()) return shortTitle.trim();
  let label = labels.get(title);
  if (label === undefined) labels.set(title, (label = labelOf(title)));
  return label;
}

/** Labels made so far, by bank title: every shown row asks, and cutting graphemes is slow. */
const labels = new Map<string, string>();

function labelOf(title: string): string {
  const text = title.trim();
  const end = text.search(HEAD_END);
  if (end > 0) {
    const head = graphemes(text.slice(0, end).trim());
    if (head.length >= 2 && head.length <= 12) return head.join('');
  }
  const all = graphemes(text);
  return all.length <= 12 ? text : `${all.slice(0, 10).join('')}…`;
}

/**
 * Rows name their bank only when the shown results span more than one bank and no bank is chosen
 * in the Bank filter: decided once per result set, not per row.
 */
export function resultsSpanBanks(rows: Pick<ResultRows, 'length' | 'primary'>, bankFilter: string | undefined): boolean {
  if (bankFilter) return false;
  for (let i = 1; i < rows.length; i++) if (rows.primary(i).bankId !== rows.primary(0).bankId) return true;
  return false;
}
