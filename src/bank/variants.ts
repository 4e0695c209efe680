import type { Bank, Question } from './types.js';

/** The form under which two titles count as the same question (variants). */
export function normalizeTitle(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!。！？:：]+$/u, '')
    .trim();
}

/**
 * The questions of `bank` that share `question`'s title, itself included, in bank order.
 * Titles decide rather than `variantOf` links, so hand-written banks group the same way.
 */
export function variantsOf(bank: Bank, question: Question): Question[] {
  const key = normalizeTitle(question.title);
  return bank.questions.filter((q) => q === question || normalizeTitle(q.title) === key);
}
