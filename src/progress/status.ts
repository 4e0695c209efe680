/**
 * The status of a question for the learner. Small and free of FSRS on purpose: elements need
 * it on first render, the scheduler only when the learner grades.
 */
import { MASTERED_AFTER_DAYS, type QuestionProgress, type QuestionStatus } from './types.js';

/**
 * `new` without a record (or with no review in it); `due` once the next review time has come;
 * `mastered` in FSRS review state with an interval of at least `MASTERED_AFTER_DAYS`; else
 * `learning`.
 */
export function statusOf(progress: QuestionProgress | undefined, at: number): QuestionStatus {
  if (!progress || progress.memory.state === 0) return 'new';
  const { memory } = progress;
  if (memory.due <= at) return 'due';
  if (memory.state === 2 && memory.scheduledDays >= MASTERED_AFTER_DAYS) return 'mastered';
  return 'learning';
}
