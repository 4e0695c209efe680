/** Where each typed question's view is downloaded from: one lazy chunk per type, on first use, with the card's typed-question part. */
import { LazyChunk } from '../lazy.js';
import type { Question } from '../bank/types.js';
import { questionType, type CheckedType, type QuestionType } from './interaction.js';
import type { InteractionView } from './view.js';

/** The types whose view is a chunk of its own (choice is drawn by the card). */
export type ViewType = Exclude<CheckedType, 'choice'>;

export interface ViewChunk {
  view: InteractionView<unknown>;
  typed: typeof import('../elements/quiz-card/typed-question.js');
}

/** The card's part every typed question needs (its Check, verdict and context): downloaded with the first view. */
const typedChunk = new LazyChunk(() => import('../elements/quiz-card/typed-question.js'), 'the typed-question part of the card');

const chunk = (load: () => Promise<{ view: unknown }>, what: string) => {
  const view = new LazyChunk(load, `the ${what} view`);
  return new LazyChunk<ViewChunk>(
    () => Promise.all([view.load(), typedChunk.load()]).then(([module, typed]) => ({ view: module.view as InteractionView<unknown>, typed })),
    `the ${what} view`,
  );
};

export const interactionViews: Record<ViewType, LazyChunk<ViewChunk>> = {
  'true-false': chunk(() => import('./true-false/view.js'), 'true/false'),
  'fill-in': chunk(() => import('./fill-in/view.js'), 'fill-in'),
  numeric: chunk(() => import('./numeric/view.js'), 'numeric'),
  ordering: chunk(() => import('./ordering/view.js'), 'ordering'),
  matching: chunk(() => import('./matching/view.js'), 'matching'),
};

/**
 * How the card asks a question: its type, except that a typed question whose own fields are wrong
 * (the loader checks only the common fields) is asked as a flashcard, under a note saying what is
 * wrong, and so is a `choice` question without choices.
 */
export function askedType(question: Question): QuestionType {
  const type = questionType(question);
  if (type === 'choice') return question.choices ? type : 'open';
  return type === 'open' || !interactionViews[type].value?.typed.fieldProblems(question) ? type : 'open';
}
