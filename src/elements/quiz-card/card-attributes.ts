import type { PropertyDeclarations } from 'lit';
import type { LoadedBank } from '../../bank/load.js';
import type { Bank, QuestionKind } from '../../bank/types.js';
import { DEFAULT_NEW_PER_DAY } from '../../practice/practice-set.js';
import type { ProgressStore } from '../../progress/store.js';
import { QuizElement } from '../quiz-element.js';
import type { CardLoaded } from './bank-markdown.js';

/**
 * The attributes and properties of `<quiz-card>`, documented here for `custom-elements.json`:
 * where the questions come from, which are asked and how, and where progress goes. The element
 * (`quiz-card.ts`) and its controllers read them.
 */
export abstract class QuizCardAttributes extends QuizElement<CardLoaded> {
  static override properties: PropertyDeclarations = {
    src: {},
    bank: { attribute: 'bank' },
    loaded: { attribute: false },
    question: {},
    topic: {},
    kind: {},
    count: { type: Number },
    shuffle: { type: Boolean },
    seed: {},
    answerBox: { type: Boolean, attribute: 'answer-box' },
    headingLevel: { type: Number, attribute: 'heading-level' },
    mode: {},
    shuffleChoices: { type: Boolean, attribute: 'shuffle-choices' },
    passMark: { type: Number, attribute: 'pass-mark' },
    maxAttempts: { type: Number, attribute: 'max-attempts' },
    newPerDay: { type: Number, attribute: 'new-per-day' },
    progressKey: { attribute: 'progress-key' },
    noProgress: { type: Boolean, attribute: 'no-progress' },
    progressStore: { attribute: false },
  };

  /** URL of a bank JSON (or a `.md` Q&A document), resolved against the page. */
  declare src?: string;

  /** Id of a bundled bank (attribute), or a bank or single question object (property). */
  declare bank?: string | Bank | Record<string, unknown>;

  /** A bank a parent has already loaded and validated (`{ bank, baseUrl }`, as `<question-browser>` passes it): nothing is loaded or checked again, and it wins over every other source. */
  declare loaded?: LoadedBank;

  /** Id of one question to show; without it the card runs a practice set. */
  declare question?: string;

  /**
   * Practice only questions with this topic id: comma-separated for several in the attribute; the
   * property also takes an array of ids, as `<question-browser>`'s `topic` does.
   */
  declare topic?: string | readonly string[];

  /** Practice only `concept` or `coding` questions. */
  declare kind?: QuestionKind;

  /**
   * How many questions a practice set asks (10 when not set). In `mode="review"` the most a
   * review asks; not set, a review asks every due question and the new ones allowed today.
   */
  declare count?: number;

  /** Shuffle the practice set. */
  shuffle = false;

  /** Seed for a reproducible shuffled order. */
  declare seed?: string;

  /** Show a text box to type an attempt before revealing the answer. */
  answerBox = false;

  /** Heading level of the question title, to fit the page's outline. */
  headingLevel = 3;

  /**
   * `practice` (default): the questions of the bank in order (or shuffled). `review`: the
   * questions that are due, oldest due first, then new ones up to `new-per-day`, from the bank or
   * `topic` (and `kind`); with nothing to review the card says when the next review is. `question`
   * wins over both; with `no-progress` a review is a practice set. `exam`: the learner answers
   * every question, nothing is checked or shown, then one Submit scores them all and shows the
   * results, with each question to review.
   */
  mode: 'practice' | 'review' | 'exam' = 'practice';

  /** Show the choices of each choice question in a shuffled order (the same for the same `seed` and question). */
  shuffleChoices = false;

  /** Percentage of the score that passes the set: the summary and `quiz-complete` then say passed or not. */
  declare passMark?: number;

  /** Checks a question allows (default 1): a wrong answer before the last is tried again, and the right one is shown only after the last. */
  maxAttempts = 1;

  /** `mode="review"`: new questions a day (counted by their first answer today, local time, among the card's questions). Default 20. */
  newPerDay: number = DEFAULT_NEW_PER_DAY;

  /** Which learner's (or course's) progress to use: cards with the same key share one store, kept in localStorage. */
  progressKey = 'default';

  /** Record nothing and show no schedule (no intervals, no status, no summary table). */
  noProgress = false;

  /** A progress store to use instead of the page's one for `progress-key` (apps, tests, a memory-only store). */
  declare progressStore?: ProgressStore;
}

/** The topic ids of `topic` (comma-separated, or an array), or undefined. */
export function topicsOf(card: QuizCardAttributes): string[] | undefined {
  const { topic } = card;
  if (topic === undefined || topic === null) return undefined;
  const ids = typeof topic === 'string' ? topic.split(',') : [...topic];
  return ids.map((id) => String(id).trim()).filter(Boolean);
}

/** `mode="review"` as the card runs it: not for one question, and not without progress. */
export function wantsReview(card: QuizCardAttributes): boolean {
  return card.mode === 'review' && !card.question && !card.noProgress;
}

/**
 * A one-off card, as in a blog post: one question (`question=`) with the page's default progress
 * (no `progress-key`, no `progressStore`), or `no-progress`. It shows no schedule, statuses or
 * key list; a course page that names its progress keeps them.
 */
export function isOneOff(card: QuizCardAttributes): boolean {
  return card.noProgress || (!!card.question && card.progressKey === 'default' && !card.progressStore);
}
