/**
 * Fill-in in GIFT: a short answer (`{=Paris =paris}`) or, with text after the blank, the
 * missing-word form (`The capital is {=Paris} on the Seine.`). GIFT asks one blank, ignores case
 * and has no typo rule.
 */
import type { Blank } from '../../bank/types.js';
import { acceptLine } from '../../import/gift-syntax.js';
import type { GiftForm } from '../gift-form.js';
import { splitAtBlanks } from './fill-in.js';

/** The prompt cut at its one blank when text follows it (GIFT's missing-word form); a blank at the end stays in the prompt as written. */
export function gapOf(prompt: string): [string, string] | undefined {
  const pieces = splitAtBlanks(prompt);
  return pieces.length === 2 && pieces[1]!.trim() ? [pieces[0]!, pieces[1]!] : undefined;
}

/**
 * A short answer (every answer marked `=`, already converted to markdown): each answer worth 100%
 * is accepted in the one blank; ones worth less cannot be said (`partial`, for a warning). No
 * blanks when nothing is worth 100%.
 */
export function readShortAnswer(answers: readonly { text: string; weight?: number; feedback?: string }[]): { blanks?: Blank[]; feedback: (string | undefined)[]; partial: string[] } {
  const full = answers.filter((a) => a.weight === undefined || a.weight === 100);
  const partial = answers.filter((a) => !full.includes(a)).map((a) => `"${a.text}" (${a.weight}%)`);
  const accept = [...new Set(full.map((a) => a.text.replace(/\s*\n\s*/g, ' ').trim()).filter(Boolean))];
  return { ...(accept.length ? { blanks: [{ accept }] } : {}), feedback: full.map((a) => a.feedback), partial };
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
