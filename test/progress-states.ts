/**
 * Learner progress in a given state, for element tests and stories: answers a question until it
 * has `status` at `now` (a store with a fixed clock at `now`).
 */
import type { ProgressStore } from '../src/progress/store.js';
import type { QuestionStatus } from '../src/progress/types.js';

const DAY = 86_400_000;

/** Due: Again a day before `now`. Learning: Good at `now`. Mastered: Easy on time, again and again, from 1,000 days back. */
export async function answerUntil(store: ProgressStore, bankId: string, questionId: string, status: Exclude<QuestionStatus, 'new'>, now: number): Promise<void> {
  if (status === 'due') await store.record(bankId, questionId, 'again', { at: now - DAY });
  else if (status === 'learning') await store.record(bankId, questionId, 'good', { at: now });
  else {
    let at = now - 1000 * DAY;
    for (let i = 0; i < 40 && store.status(bankId, questionId, now) !== 'mastered'; i++) {
      at = Math.min((await store.record(bankId, questionId, 'easy', { at })).memory.due, now);
    }
  }
}
