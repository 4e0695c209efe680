import { QuizEvent } from './quiz-event.js';
import type { Grade } from '../practice/practice-set.js';

/** The learner graded how well they knew an open question (Again, Hard, Good, Easy). */
export class QuizGradeEvent extends QuizEvent<{ bankId: string; questionId: string; grade: Grade }> {
  constructor(detail: QuizGradeEvent['detail']) {
    super('quiz-grade', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-grade': QuizGradeEvent;
  }
}
