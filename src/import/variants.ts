import type { Bank, Question } from '../bank/types.js';
import { normalizeTitle } from './question-id.js';

/**
 * Questions with the same title are variants of one question: later ones point at the first
 * with `variantOf`, so readers can offer "other answers" instead of showing near-duplicates.
 */
export function linkVariantsInBank(questions: Question[]): void {
  const first = new Map<string, string>();
  for (const question of questions) {
    const key = normalizeTitle(question.title);
    const id = first.get(key);
    if (id === undefined) first.set(key, question.id);
    else question.variantOf = id;
  }
}

/**
 * Links variants across banks, in the order given: a question whose title first appeared in an
 * earlier bank points there as `bank-id/question-id`. Questions already pointing inside their
 * own bank are re-pointed to the earliest occurrence overall, so every variant names one first.
 */
export function linkVariantsAcrossBanks(banks: readonly Bank[]): void {
  const first = new Map<string, { bankId: string; questionId: string }>();
  for (const bank of banks) {
    for (const question of bank.questions) {
      const key = normalizeTitle(question.title);
      const earlier = first.get(key);
      if (!earlier) {
        first.set(key, { bankId: bank.id, questionId: question.id });
        delete question.variantOf;
      } else if (earlier.bankId === bank.id) {
        question.variantOf = earlier.questionId;
      } else {
        question.variantOf = `${earlier.bankId}/${earlier.questionId}`;
      }
    }
  }
}
