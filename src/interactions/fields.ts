/**
 * Each question type's own fields, as the bank validator checks them. A type's module owns its
 * fields; this table is how the validator finds them.
 */
import type { Schema } from '../bank/schema.js';
import type { BankIssue } from '../bank/validate-core.js';
import { boolean, record as fieldsOf } from '../bank/schema.js';
import { checkFillIn, fillInFields } from './fill-in/fields.js';
import type { QuestionType } from './interaction.js';
import { matchingFields } from './matching/fields.js';
import { numericFields } from './numeric/fields.js';
import { orderingFields } from './ordering/fields.js';

const FIELDS: Partial<Record<QuestionType, Schema>> = {
  'true-false': fieldsOf({ isTrue: boolean }),
  'fill-in': fieldsOf(fillInFields),
  numeric: fieldsOf(numericFields),
  ordering: fieldsOf(orderingFields),
  matching: fieldsOf(matchingFields),
};

/** Checks the fields `question.type` needs (known types only), reporting under `path`; returns the question with those fields copied as checked. */
export function checkTypeFields(question: Record<string, unknown>, path: string, issues: BankIssue[]): Record<string, unknown> {
  const type = question.type as QuestionType;
  const fields = FIELDS[type];
  if (!fields) return question;
  const before = issues.length;
  const checked = fields(question, path, issues) as Record<string, unknown>;
  if (type === 'fill-in' && issues.length === before) checkFillIn(checked as { prompt: string; blanks: unknown[] }, path, issues);
  return checked;
}
