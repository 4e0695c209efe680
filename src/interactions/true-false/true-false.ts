/** True/false: the learner says whether the prompt's statement is true. Response: `true` or `false`. */
import type { Question } from '../../bank/types.js';
import { gradingOf, type Grading, type InteractionReport } from '../grading.js';

export function gradeTrueFalse(question: Question, response: boolean): Grading {
  return gradingOf([response === question.isTrue]);
}

export function reportTrueFalse(question: Question, response: boolean | undefined): InteractionReport {
  return { interactionType: 'true-false', correctResponsesPattern: [String(question.isTrue)], response: response === undefined ? '' : String(response) };
}

/** The answer written out for readers that know no types: "True" or "False" in the bank's language. */
export function trueFalseAnswer(isTrue: boolean, language: string): string {
  return /^zh\b/i.test(language) ? (isTrue ? '正确' : '错误') : isTrue ? 'True' : 'False';
}
