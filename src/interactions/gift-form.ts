import type { Question } from '../bank/types.js';

/**
 * A question type's answer block as GIFT writes it, and the prompt cut at its blank when GIFT
 * asks it as a missing-word question. `lose(what)` names what GIFT cannot hold (the export's
 * notes); null exports the question as open (its answer becomes the general feedback).
 */
export type GiftForm = (question: Question, lose: (what: string) => void) => { lines: string[]; gap?: [string, string] } | null;
