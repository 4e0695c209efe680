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

/** Each question of a bank's question list and its variants: titles are normalized once per bank, not on every render. */
const variantGroups = new WeakMap<readonly Question[], Map<Question, Question[]>>();

/**
 * The questions of `bank` that share `question`'s title, itself included, in bank order.
 * Titles decide rather than `variantOf` links, so hand-written banks group the same way.
 * Banks are data: the grouping is worked out once per `bank.questions` array and kept.
 */
export function variantsOf(bank: Bank, question: Question): Question[] {
  let groups = variantGroups.get(bank.questions);
  if (!groups) {
    groups = new Map();
    const byKey = new Map<string, Question[]>();
    for (const q of bank.questions) {
      const key = normalizeTitle(q.title);
      let group = byKey.get(key);
      if (!group) byKey.set(key, (group = []));
      group.push(q);
      groups.set(q, group);
    }
    variantGroups.set(bank.questions, groups);
  }
  const group = groups.get(question);
  if (group) return [...group];
  // A question that is not in the bank: the bank's questions with its title.
  const key = normalizeTitle(question.title);
  return bank.questions.filter((q) => normalizeTitle(q.title) === key);
}
