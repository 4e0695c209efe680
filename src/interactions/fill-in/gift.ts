/**
 * Fill-in in GIFT: a short answer (`{=Paris =paris}`) or, with text after the blank, the
 * missing-word form (`The capital is {=Paris} on the Seine.`). GIFT asks one blank, ignores case
 * and has no typo rule.
 */
import { acceptLine } from '../../import/gift-syntax.js';
import type { GiftForm } from '../gift-form.js';
import { splitAtBlanks } from './fill-in.js';

/** The prompt cut at its one blank when text follows it (GIFT's missing-word form); a blank at the end stays in the prompt as written. */
export function gapOf(prompt: string): [string, string] | undefined {
  const pieces = splitAtBlanks(prompt);
  return pieces.length === 2 && pieces[1]!.trim() ? [pieces[0]!, pieces[1]!] : undefined;
}

export const fillInGift: GiftForm = (question, lose) => {
  const blanks = question.blanks ?? [];
  const pieces = splitAtBlanks(question.prompt);
  if (blanks.length !== 1 || pieces.length > 2) {
    if (blanks.length > 1) lose('the blanks');
    return null;
  }
  if (blanks[0]!.caseSensitive) lose('the case rule');
  if (question.typos) lose('the typo rule');
  const lines = blanks[0]!.accept.map(acceptLine);
  const gap = gapOf(question.prompt);
  return gap ? { lines, gap } : { lines };
};
