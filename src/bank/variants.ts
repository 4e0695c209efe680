import { nfkc } from './nfkc.js';
import type { Bank, Question } from './types.js';

/** The form under which two titles count as the same question (variants). */
export function normalizeTitle(title: string): string {
  let form = nfkc(title).toLowerCase();
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

/** A bank's questions by normalized title: worked out once per `bank.questions` array, not on every render. */
const byTitle = new WeakMap<readonly Question[], Map<string, Question[]>>();

/**
 * The questions of `bank` that share `question`'s title, itself included, in bank order.
 * Titles decide rather than `variantOf` links, so hand-written banks group the same way.
 */
export function variantsOf(bank: Bank, question: Question): Question[] {
  let groups = byTitle.get(bank.questions);
  if (!groups) {
    byTitle.set(bank.questions, (groups = new Map()));
    for (const q of bank.questions) {
      const key = normalizeTitle(q.title);
      const group = groups.get(key);
      if (group) group.push(q);
      else groups.set(key, [q]);
    }
  }
  return [...(groups.get(normalizeTitle(question.title)) ?? [])];
}

/** The question a card shows for `question` after the learner switched to variant `index` of `variantsOf` (the question itself when there is no such variant). */
export function variantShown(bank: Bank, question: Question, index: number): Question {
  return variantsOf(bank, question)[index] ?? question;
}
