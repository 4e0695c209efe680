import { QuizEvent } from './quiz-event.js';

/**
 * The learner opened a question in a `<question-browser>` (from the result list or a variant
 * tab). `variants` is how many questions share its title, itself included.
 */
export class QuizQuestionSelectEvent extends QuizEvent<{ bankId: string; questionId: string; variants: number }> {
  constructor(detail: QuizQuestionSelectEvent['detail']) {
    super('quiz-question-select', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-question-select': QuizQuestionSelectEvent;
  }
}
