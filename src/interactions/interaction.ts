/**
 * What every question type shares: its name in the bank, how a check is scored, and how a
 * learning-record standard describes it. No DOM, no Lit: the card, the importer, the CLI and the
 * reporting code all read it, and its rules are tested in Node.
 */
import type { Question } from '../bank/types.js';

export type { Grading, InteractionReport, InteractionType } from './grading.js';

/** The `type` of a question in a bank. Without one, a question with `choices` is `choice`, else `open`. */
export type QuestionType = 'open' | 'choice' | 'true-false' | 'fill-in' | 'numeric' | 'ordering' | 'matching';

export const QUESTION_TYPES: readonly QuestionType[] = ['open', 'choice', 'true-false', 'fill-in', 'numeric', 'ordering', 'matching'];

/** The types the learner answers in a control and checks (all but `open`, which is self-graded). */
export type CheckedType = Exclude<QuestionType, 'open'>;

/** How a question is asked: its `type`, else `choice` when it has choices, else `open`. An unknown `type` is asked as a flashcard. */
export function questionType(question: Pick<Question, 'type' | 'choices'>): QuestionType {
  const type = question.type;
  if (typeof type === 'string' && (QUESTION_TYPES as readonly string[]).includes(type)) return type as QuestionType;
  return question.choices ? 'choice' : 'open';
}

/** Self-grade a check maps to, for scheduling: all right → good, partly right → hard, wrong → again. */
export function gradeOfScore(score: number): 'good' | 'hard' | 'again' {
  return score >= 1 ? 'good' : score > 0 ? 'hard' : 'again';
}
