/** Reading a whole store for the collection elements (topic-list, question-browser); a card never needs it. */
import type { ProgressStore } from '../progress/store.js';
import type { QuestionProgress } from '../progress/types.js';

/**
 * Every record of `store` and the store's time, or null when it has none (the cheap check before
 * any counting) or misbehaves. Records are not to be changed.
 */
export function readProgress(store: ProgressStore | null): { records: QuestionProgress[]; now: number } | null {
  if (!store) return null;
  try {
    const records = store.all();
    return records.length ? { records, now: store.now() } : null;
  } catch (error) {
    console.warn('quiz-elements: progress could not be read', error);
    return null;
  }
}
