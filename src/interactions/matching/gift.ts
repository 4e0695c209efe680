/** Matching in GIFT: `{=left -> right}` per pair, `{= -> distractor}` for a right side with no left. */
import type { Pair } from '../../bank/types.js';
import { escapeGift, unescapedIndex, type RawAnswer } from '../../import/gift-syntax.js';
import type { GiftForm } from '../gift-form.js';

/** A matching answer block (every answer `=left -> right`, no weights), or null; `text` converts GIFT text to markdown. */
export function readMatching(answers: readonly RawAnswer[], text: (s: string) => string): { pairs: Pair[]; distractors?: string[] } | null {
  if (!answers.length || !answers.every((a) => a.mark === '=' && a.weight === undefined && unescapedIndex(a.text, '->') >= 0)) return null;
  const pairs: Pair[] = [];
  const distractors: string[] = [];
  for (const a of answers) {
    const arrow = unescapedIndex(a.text, '->');
    const left = text(a.text.slice(0, arrow));
    const right = text(a.text.slice(arrow + 2));
    // "= -> Pluto": a right-hand item that matches nothing (Moodle's extra answers).
    if (left && right) pairs.push({ left, right });
    else if (right) distractors.push(right);
  }
  return { pairs, ...(distractors.length ? { distractors } : {}) };
}

export const matchingGift: GiftForm = (question) => ({
  lines: [...(question.pairs ?? []).map((p) => `\t=${escapeGift(p.left)} -> ${escapeGift(p.right)}`), ...(question.distractors ?? []).map((d) => `\t= -> ${escapeGift(d)}`)],
});
