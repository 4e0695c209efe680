/** An ordering question's own fields: what the bank validator needs (no grading). */
import { array, text, type Schema } from '../../bank/schema.js';

export const orderingFields: Record<string, Schema> = {
  items: array(text, (items, path, issues) => {
    if (items.length < 2) issues.push({ path, message: `expected at least two items, got ${items.length}` });
  }),
};
