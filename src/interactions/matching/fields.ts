/** A matching question's own fields: what the bank validator needs (no grading). */
import { array, optional, record, text, type Schema } from '../../bank/schema.js';

export interface Pair {
  left: string;
  right: string;
  [extra: string]: unknown;
}

export const matchingFields: Record<string, Schema> = {
  pairs: array(record({ left: text, right: text }), (pairs, path, issues) => {
    if (pairs.length < 2) issues.push({ path, message: `expected at least two pairs, got ${pairs.length}` });
  }),
  distractors: optional(array(text)),
};
