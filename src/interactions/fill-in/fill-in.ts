/**
 * Fill-in (cloze): one or more blanks, each written `___` (three or more underscores) in the
 * prompt, each with the answers it accepts. A prompt without `___` asks its blanks after the text
 * (a short-answer question). Response: the text typed in each blank, in order.
 */
import type { Question } from '../../bank/types.js';
import type { Blank } from './fields.js';
import { gradingOf, xapiList, type Grading, type InteractionReport } from '../grading.js';
import { matchesAnswer } from './normalize.js';

export { blanksInPrompt, splitAtBlanks, type Blank } from './fields.js';

export function gradeFillIn(question: Question, response: readonly string[]): Grading {
  const blanks = question.blanks ?? [];
  return gradingOf(blanks.map((b, i) => matchesAnswer(response[i] ?? '', b.accept, { caseSensitive: b.caseSensitive, typos: question.typos })));
}

export function reportFillIn(question: Question, response: readonly string[] | undefined): InteractionReport {
  const blanks = question.blanks ?? [];
  const cased = blanks.some((b) => b.caseSensitive);
  return {
    interactionType: 'fill-in',
    correctResponsesPattern: [`{case_matters=${cased}}${xapiList(blanks.map((b) => b.accept[0] ?? ''))}`],
    response: xapiList([...(response ?? [])]),
  };
}

/** The answer written out for readers that know no types: each blank's first answer. */
export function fillInAnswer(blanks: readonly Blank[]): string {
  return blanks.length === 1 ? blanks[0]!.accept[0]! : blanks.map((b, i) => `${i + 1}. ${b.accept[0]}`).join('\n');
}
