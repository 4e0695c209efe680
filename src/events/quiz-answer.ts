import type { CheckedType } from '../interactions/interaction.js';
import { QuizEvent } from './quiz-event.js';

/**
 * The learner checked a question that is not a flashcard. `type` is how it was asked, `response`
 * what they answered (choice: indices of the chosen choices; true-false: a boolean; fill-in: the
 * text of each blank; numeric: the text typed; ordering: indices into `items` in their order;
 * matching: per pair, the index of the chosen right-hand item or null), `score` from 0 to 1 and
 * `correct` whether it was all right. A choice question also has `selected` (same as `response`).
 */
export class QuizAnswerEvent extends QuizEvent<{
  bankId: string;
  questionId: string;
  type: CheckedType;
  response: unknown;
  score: number;
  correct: boolean;
  selected?: number[];
}> {
  constructor(detail: QuizAnswerEvent['detail']) {
    super('quiz-answer', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-answer': QuizAnswerEvent;
  }
}
