import { QuizEvent } from './quiz-event.js';
import type { PracticeSummary } from '../practice/practice-set.js';

/** The learner finished a practice set; `detail` is its summary. */
export class QuizCompleteEvent extends QuizEvent<PracticeSummary & { bankId: string }> {
  constructor(detail: QuizCompleteEvent['detail']) {
    super('quiz-complete', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-complete': QuizCompleteEvent;
  }
}
