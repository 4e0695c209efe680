/** Matching in GIFT: `{=left -> right}` per pair, `{= -> distractor}` for a right side with no left. */
import { escapeGift } from '../../import/gift-syntax.js';
import type { GiftForm } from '../gift-form.js';

export const matchingGift: GiftForm = (question) => ({
  lines: [...(question.pairs ?? []).map((p) => `\t=${escapeGift(p.left)} -> ${escapeGift(p.right)}`), ...(question.distractors ?? []).map((d) => `\t= -> ${escapeGift(d)}`)],
});
