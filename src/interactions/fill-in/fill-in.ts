/**
 * Fill-in (cloze): one or more blanks, each written `___` (three or more underscores) in the
 * prompt, each with the answers it accepts. A prompt without `___` asks its blanks after the text
 * (a short-answer question). Response: the text typed in each blank, in order.
 */
import type { Question } from '../../bank/types.js';
import { array, boolean, line, optional, record, type Schema } from '../../bank/schema.js';
import { gradingOf, xapiList, type Grading, type InteractionReport } from '../interaction.js';
import { matchesAnswer } from './normalize.js';

export interface Blank {
  /** The answers this blank accepts (at least one); the first is the one shown as right. */
  accept: string[];
  /** Keep upper and lower case apart when checking (default: ignore case). */
  caseSensitive?: boolean;
  [extra: string]: unknown;
}

const blank = record({
  accept: array(line, (accept, path, issues) => {
    if (accept.length < 1) issues.push({ path, message: 'expected at least one accepted answer' });
  }),
  caseSensitive: optional(boolean),
});

export const fillInFields: Record<string, Schema> = {
  blanks: array(blank, (blanks, path, issues) => {
    if (blanks.length < 1) issues.push({ path, message: 'expected at least one blank' });
  }),
  typos: optional(boolean),
};

/** A blank in the prompt: three or more underscores (not inside `code`). */
const BLANK = /_{3,}/g;
/** Code spans and fenced blocks, where underscores are code, not blanks. */
const CODE = /(`+)[\s\S]*?\1|^(?:```|~~~)[\s\S]*?^(?:```|~~~)/gm;

/** The prompt cut at its blanks: text, blank, text, … (the texts are one more than the blanks). */
export function splitAtBlanks(prompt: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  let code = 0;
  const spans = [...prompt.matchAll(CODE)].map((m) => [m.index!, m.index! + m[0].length] as const);
  for (const match of prompt.matchAll(BLANK)) {
    const at = match.index!;
    while (code < spans.length && spans[code]![1] <= at) code++;
    if (code < spans.length && spans[code]![0] <= at) continue;
    pieces.push(prompt.slice(from, at));
    from = at + match[0].length;
  }
  pieces.push(prompt.slice(from));
  return pieces;
}

/** How many blanks the prompt marks with `___`. */
export const blanksInPrompt = (prompt: string): number => splitAtBlanks(prompt).length - 1;

/** Checks that the prompt marks no blanks, or exactly as many as `blanks` lists. */
export function checkFillIn(question: { prompt: string; blanks: unknown[] }, path: string, issues: { path: string; message: string }[]): void {
  const marked = blanksInPrompt(question.prompt);
  const listed = question.blanks.length;
  if (marked !== 0 && marked !== listed)
    issues.push({
      path: `${path}.blanks`,
      message: `the prompt marks ${marked} blank${marked === 1 ? '' : 's'} (___) but "blanks" lists ${listed}; give one entry per ___, or take the ___ out to ask the blanks after the prompt`,
    });
}

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
