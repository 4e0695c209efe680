/**
 * Choice: single or multiple choice from `choices`. Response: indices of the chosen choices.
 * All or nothing: right when exactly the correct choices are chosen.
 */
import type { Question } from '../../bank/types.js';
import { xapiList, type Grading, type InteractionReport } from '../grading.js';

export function gradeChoice(question: Question, selected: readonly number[]): Grading {
  const parts = (question.choices ?? []).map((choice, i) => choice.correct === selected.includes(i));
  const correct = parts.length > 0 && parts.every(Boolean);
  return { score: correct ? 1 : 0, correct, parts };
}

const choiceId = (i: number) => `choice-${i + 1}`;

export function reportChoice(question: Question, selected: readonly number[] | undefined): InteractionReport {
  const choices = question.choices ?? [];
  return {
    interactionType: 'choice',
    correctResponsesPattern: [xapiList(choices.flatMap((c, i) => (c.correct ? [choiceId(i)] : [])))],
    response: xapiList((selected ?? []).map(choiceId)),
    components: { choices: choices.map((c, i) => ({ id: choiceId(i), description: c.text })) },
  };
}
