import { QuizEvent } from './quiz-event.js';

/** Loading the questions failed; `detail.error` says why (a `BankLoadError` for expected failures). */
export class QuizErrorEvent extends QuizEvent<{ error: unknown }> {
  constructor(detail: QuizErrorEvent['detail']) {
    super('quiz-error', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-error': QuizErrorEvent;
  }
}
