import { QuizEvent } from './quiz-event.js';
import type { PracticeSummary } from '../practice/practice-set.js';

/** The learner finished a practice set (or submitted an exam); `detail` is its summary, and with a `pass-mark`, whether the score passed. */
export class QuizCompleteEvent extends QuizEvent<PracticeSummary & { bankId: string; passed?: boolean }> {
  constructor(detail: QuizCompleteEvent['detail']) {
    super('quiz-complete', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-complete': QuizCompleteEvent;
  }
}
