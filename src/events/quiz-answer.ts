import { QuizEvent } from './quiz-event.js';

/** The learner checked a choice question. `selected` holds indices into the question's choices. */
export class QuizAnswerEvent extends QuizEvent<{ bankId: string; questionId: string; correct: boolean; selected: number[] }> {
  constructor(detail: QuizAnswerEvent['detail']) {
    super('quiz-answer', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-answer': QuizAnswerEvent;
  }
}
