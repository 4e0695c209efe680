/** True/false in GIFT: `{TRUE}` / `{FALSE}` (also `{T}`, `{F}`), with feedback `{T#for a wrong pick#for a right one}`. */
import { splitUnescaped } from '../../import/gift-syntax.js';
import type { GiftForm } from '../gift-form.js';

const TRUE_FALSE = /^(T|TRUE|F|FALSE)\s*(?:#|$)/i;

/** A true/false answer block (its text before the general feedback), or null: the verdict and the feedback for a right pick, then a wrong one (GIFT text, to convert). */
export function readTrueFalse(core: string): { isTrue: boolean; feedback: [string | undefined, string | undefined] } | null {
  const verdict = TRUE_FALSE.exec(core);
  if (!verdict) return null;
  const [wrong, right] = splitUnescaped(core, '#').slice(1);
  return { isTrue: verdict[1]!.toUpperCase().startsWith('T'), feedback: [right, wrong] };
}

export const trueFalseGift: GiftForm = (question) => (typeof question.isTrue === 'boolean' ? { lines: [`\t${question.isTrue ? 'TRUE' : 'FALSE'}`] } : null);
