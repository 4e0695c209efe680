import type { Question, QuestionKind } from '../bank/types.js';

/** Limits applied together with the query; a missing, `null` or empty one does not limit. */
export interface SearchFilters {
  /** Topics to keep (any of them): `topic-id` in any bank, or `bank-id/topic-id` in that bank only. */
  topics?: ReadonlySet<string> | null;
  kind?: QuestionKind | null;
  bankIds?: ReadonlySet<string> | null;
}

/** Whether a question of bank `bankId` passes `filters`; the same test for searching and for counting. */
export function filterTest(filters: SearchFilters | null | undefined): (bankId: string, question: Question) => boolean {
  const topics = filters?.topics?.size ? filters.topics : null;
  const bankIds = filters?.bankIds?.size ? filters.bankIds : null;
  const kind = filters?.kind ?? null;
  // `bank/topic` keys are only made when some filter topic has that form.
  const qualified = topics !== null && [...topics].some((topic) => topic.includes('/'));
  return (bankId, question) =>
    (kind === null || question.kind === kind) &&
    (bankIds === null || bankIds.has(bankId)) &&
    (topics === null || question.topics.some((topic) => topics.has(topic) || (qualified && topics.has(`${bankId}/${topic}`))));
}
