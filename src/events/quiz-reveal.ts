import { QuizEvent } from './quiz-event.js';

/** The learner showed the answer of an open question. */
export class QuizRevealEvent extends QuizEvent<{ bankId: string; questionId: string }> {
  constructor(detail: QuizRevealEvent['detail']) {
    super('quiz-reveal', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-reveal': QuizRevealEvent;
  }
}
