// Banks of typed questions built from one hostile text: the text in every field a question type
// brings to the DOM (a fill-in prompt around its blanks, the accepted answers shown after a check,
// a numeric unit, ordering items, matching pairs and distractors), so a card shows each in turn.
import type { Bank, Question } from '../../src/bank/types.js';
import { blanksInPrompt } from '../../src/interactions/fill-in/fields.js';
import { oneLine } from '../fixtures/hostile/index.js';

/** The typed fields a text goes into, as the bank names them. */
export const TYPED_FIELDS = ['prompt (fill-in)', 'blanks[].accept', 'numeric.unit', 'items[]', 'pairs[].left', 'pairs[].right', 'distractors[]'] as const;

/** The typed questions of `typedBank`, one card each. */
export const TYPED_QUESTIONS = ['cloze', 'short', 'numeric', 'ordering', 'matching'] as const;
export type TypedQuestion = (typeof TYPED_QUESTIONS)[number];

export const BENIGN = 'Benign text';
/** The ordering's other items: telling them apart tells where the hostile one is. */
export const BENIGN_ITEMS = ['Benign B', 'Benign C'] as const;
/** The right value of the numeric question; WRONG_NUMBER is never right. */
export const RIGHT_NUMBER = '42';
export const WRONG_NUMBER = '7';

/** Markdown fields must hold something visible (the format says so): a payload of only spaces gets a marker. */
export function nonBlank(text: string): string {
  return /\S/.test(text) ? text : `${text}·`;
}

/** A one-line field (accepted answers, units): line breaks become spaces. */
export function line(text: string): string {
  return nonBlank(oneLine(text));
}

/** The fill-in prompt: the text as a block of its own, then inline between two blanks. */
export function clozePrompt(text: string): string {
  return `${text}\n\n___ ${text} ___`;
}

const base = { kind: 'concept' as const, topics: ['typed'], answer: BENIGN };

/** Typed questions whose new fields all hold `text`. */
export function typedQuestions(text: string): Record<TypedQuestion, Question> {
  const prompt = clozePrompt(text);
  // The text itself may hold ___ or a code span that hides some: one blank per ___ the prompt really marks.
  const marked = blanksInPrompt(prompt);
  return {
    cloze: { ...base, id: 'cloze', type: 'fill-in', title: 'Fill in', prompt, blanks: Array.from({ length: Math.max(1, marked) }, () => ({ accept: [line(text)] })) },
    short: { ...base, id: 'short', type: 'fill-in', title: 'Short answer', prompt: 'Name it.', blanks: [{ accept: [line(text)] }] },
    numeric: { ...base, id: 'numeric', type: 'numeric', title: 'Numeric', prompt: 'How many?', numeric: { value: Number(RIGHT_NUMBER), unit: line(text) } },
    ordering: { ...base, id: 'ordering', type: 'ordering', title: 'Ordering', prompt: 'Put them in order.', items: [nonBlank(text), ...BENIGN_ITEMS] },
    matching: {
      ...base,
      id: 'matching',
      type: 'matching',
      title: 'Matching',
      prompt: 'Match them.',
      pairs: [
        { left: nonBlank(text), right: nonBlank(text) },
        { left: BENIGN, right: `${BENIGN} (right)` },
      ],
      distractors: [nonBlank(text)],
    },
  };
}

/** A bank of `questions`. */
export function typedBank(questions: readonly Question[], id = 'hostile-typed'): Bank {
  return { format: 'quiz-bank/1', id, title: 'Typed questions', language: 'en', topics: [{ id: 'typed', title: 'Typed' }], questions: [...questions] };
}
