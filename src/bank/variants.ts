import type { Bank, Question } from './types.js';

/** The form under which two titles count as the same question (variants). */
export function normalizeTitle(title: string): string {
  let form = title.normalize('NFKC').toLowerCase();
  // Most titles need neither replacement; testing first is cheaper than replacing (10k titles on open).
  if (UNEVEN_SPACE.test(form)) form = form.replace(/\s+/g, ' ');
  let end = form.length;
  while (end > 0 && TRAILING.has(form[end - 1]!)) end--;
  return form.slice(0, end).trim();
}

/** Whitespace other than one plain space. */
const UNEVEN_SPACE = /[^\S ]| {2}/;
/** Marks a title may end with that do not make it another question (after NFKC: ？ is ?, ： is :, but 。 stays). */
const TRAILING = new Set([' ', '?', '.', '!', '。', ':', '！', '？', '：']);

/**
 * The questions of `bank` that share `question`'s title, itself included, in bank order.
 * Titles decide rather than `variantOf` links, so hand-written banks group the same way.
 */
export function variantsOf(bank: Bank, question: Question): Question[] {
  const key = normalizeTitle(question.title);
  return bank.questions.filter((q) => q === question || normalizeTitle(q.title) === key);
}
