/** True/false in GIFT: `{TRUE}` / `{FALSE}` (also `{T}`, `{F}`); the importer reads them in `src/import/gift.ts`. */
import type { GiftForm } from '../gift-form.js';

export const trueFalseGift: GiftForm = (question) => (typeof question.isTrue === 'boolean' ? { lines: [`\t${question.isTrue ? 'TRUE' : 'FALSE'}`] } : null);
