/**
 * What every question type shares: its name in the bank, how a check is scored, and how a
 * learning-record standard describes it. No DOM, no Lit: the card, the importer, the CLI and the
 * reporting code all read it, and its rules are tested in Node.
 */
import type { Question } from '../bank/types.js';

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

/** The result of checking one response. */
export interface Grading {
  /** 0 (all wrong) to 1 (all right). */
  score: number;
  /** `score === 1`. */
  correct: boolean;
  /** Per part (blank, item, pair, choice): whether it is right. */
  parts: boolean[];
}

/** A score from right parts, or all-or-nothing when there are no parts. */
export function gradingOf(parts: boolean[]): Grading {
  const right = parts.filter(Boolean).length;
  const score = parts.length ? right / parts.length : 0;
  return { score, correct: parts.length > 0 && right === parts.length, parts };
}

/** xAPI / SCORM 2004 interaction types (`sequencing` is ordering). */
export type InteractionType = 'true-false' | 'choice' | 'fill-in' | 'numeric' | 'sequencing' | 'matching';

/** How a learning-record standard describes a question and one response (xAPI `interactionType`, `correctResponsesPattern`, `result.response`). */
export interface InteractionReport {
  interactionType: InteractionType;
  correctResponsesPattern: string[];
  response: string;
  /** Ids and descriptions of choices, items or pairs' sides, as xAPI's `choices`, `source` and `target`. */
  components?: Partial<Record<'choices' | 'source' | 'target', { id: string; description: string }[]>>;
}

/** Self-grade a check maps to, for scheduling: all right → good, partly right → hard, wrong → again. */
export function gradeOfScore(score: number): 'good' | 'hard' | 'again' {
  return score >= 1 ? 'good' : score > 0 ? 'hard' : 'again';
}

/** The parts of an xAPI pattern are joined with `[,]`; a part may not hold the delimiters itself. */
export const xapiList = (parts: string[]): string => parts.map((part) => part.replace(/\[([,.:])\]/g, '$1')).join('[,]');
