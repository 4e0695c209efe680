/**
 * The question-bank format, version 1 (`quiz-bank/1`), and the catalog that lists banks
 * (`quiz-catalog/1`). `data/schema/bank.schema.json` and `data/schema/catalog.schema.json`
 * describe the same shapes for authors and other tools; `test/schema.unit.test.ts` keeps the
 * two in step.
 *
 * Unknown extra fields are allowed anywhere and survive validation (forward compatibility),
 * so every object type here is open.
 */

import type { QuestionType } from '../interactions/interaction.js';
import type { Blank } from '../interactions/fill-in/fields.js';
import type { NumericAnswer } from '../interactions/numeric/fields.js';
import type { Pair } from '../interactions/matching/fields.js';

export type { Blank, NumericAnswer, Pair, QuestionType };

/** The only bank format this version of the library reads. */
export const BANK_FORMAT = 'quiz-bank/1';
/** The only catalog format this version of the library reads. */
export const CATALOG_FORMAT = 'quiz-catalog/1';

/** Lower-case ASCII words joined by single hyphens, e.g. `llm-basics` or `q-3f9a2c`. */
export type Slug = string;

/** Text in CommonMark + GFM tables. Raw HTML in it is never rendered as HTML. */
export type Markdown = string;

/** A question is either explained in words (flashcard style) or answered with code. */
export type QuestionKind = 'concept' | 'coding';

export interface Choice {
  /** What the learner picks. */
  text: Markdown;
  /** Whether picking it is right. A question may have several correct choices. */
  correct: boolean;
  /** Shown after checking, next to this choice. */
  feedback?: Markdown;
  /** Partial credit in percent (-100 to 100), as GIFT gives it (`~%50%`); kept for export. The card marks right and wrong by `correct`. */
  weight?: number;
  [extra: string]: unknown;
}

export interface Question {
  /** Unique in the bank and stable across re-imports, so progress survives edits. */
  id: Slug;
  kind: QuestionKind;
  /**
   * How the question is asked: `open` (a flashcard; the default), `choice` (the default with
   * `choices`), `true-false`, `fill-in`, `numeric`, `ordering` or `matching`, each with its fields
   * below. A type this version does not know is asked as a flashcard.
   */
  type?: QuestionType | (string & {});
  /** Plain text, one line: what lists and search results show. */
  title: string;
  /** The question. For `fill-in`, each `___` (three or more underscores) is a blank. */
  prompt: Markdown;
  /**
   * The model answer. Every type but `choice` needs one in the bank, so readers that do not know
   * the type (older versions, search, lists) still show something true: the importer writes it
   * out. A choice question without one gets its correct choices as a list when it is read.
   */
  answer: Markdown;
  explanation?: Markdown;
  example?: Markdown;
  hint?: Markdown;
  /** Ids of topics of this bank; at least one. */
  topics: Slug[];
  /** With choices the question is single or multiple choice; without, it is an open question. */
  choices?: Choice[];
  /**
   * Checkboxes even when only one choice is correct ("select all that apply"); otherwise the
   * card shows checkboxes exactly when more than one choice is correct.
   */
  multiple?: boolean;
  /** `true-false`: whether the statement in the prompt is true. */
  isTrue?: boolean;
  /** `fill-in`: the blanks, in the order of the `___` in the prompt (or asked after it when it has none). */
  blanks?: Blank[];
  /** `fill-in`: forgive small typos (one in words of 4–7 characters, two from 8; never in numbers). */
  typos?: boolean;
  /** `numeric`: the right value (± a tolerance) or range, and an optional unit. */
  numeric?: NumericAnswer;
  /** `ordering`: the items in the right order (the card shuffles them). */
  items?: Markdown[];
  /** `matching`: the right pairs (the card shuffles the right-hand sides). */
  pairs?: Pair[];
  /** `matching`: more right-hand items that belong to no pair. */
  distractors?: Markdown[];
  /** What a GIFT import kept about a question the card shows as open (short answer, numeric, matching), so an export gives it back. */
  gift?: { type: 'short-answer' | 'numeric' | 'matching'; [detail: string]: unknown };
  /**
   * Id of the first question with the same title, either in this bank (`question-id`) or in
   * another bank (`bank-id/question-id`). Variants are kept side by side, never dropped.
   */
  variantOf?: string;
  [extra: string]: unknown;
}

export interface Topic {
  id: Slug;
  /** In the bank's language. */
  title: string;
  description?: Markdown;
  [extra: string]: unknown;
}

export interface Bank {
  format: typeof BANK_FORMAT;
  id: Slug;
  title: string;
  /**
   * A name of a word or two for where the title does not fit, e.g. `Redis` or `商业模式`: the bank's
   * label on the result rows of a `<question-browser>` that shows several banks, and its group's
   * heading in a `<topic-list>` of several banks (the whole title on hover). One line. Without it,
   * the rows' label is the title's head up to its first `：` `:` `，` or `—`, or its first ten
   * characters, and the heading is the title.
   */
  shortTitle?: string;
  /** BCP 47 tag of the bank's text, e.g. `zh-CN` or `en`. */
  language: string;
  description?: Markdown;
  topics: Topic[];
  questions: Question[];
  [extra: string]: unknown;
}

export interface CatalogEntry {
  id: Slug;
  title: string;
  language: string;
  questionCount: number;
  /** URL of the bank JSON, relative to the catalog's own URL. */
  src: string;
  description?: Markdown;
  [extra: string]: unknown;
}

export interface Catalog {
  format: typeof CATALOG_FORMAT;
  banks: CatalogEntry[];
  [extra: string]: unknown;
}
