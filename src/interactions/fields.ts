/**
 * Each question type's own fields, as the bank validator checks them. A type's module owns its
 * fields; this table is how the validator finds them.
 */
import { record, type Schema } from '../bank/schema.js';
import type { BankIssue } from '../bank/validate.js';
import { checkFillIn, fillInFields } from './fill-in/fill-in.js';
import type { QuestionType } from './interaction.js';
import { matchingFields } from './matching/matching.js';
import { numericFields } from './numeric/numeric.js';
import { orderingFields } from './ordering/ordering.js';
import { trueFalseFields } from './true-false/true-false.js';

const FIELDS: Partial<Record<QuestionType, Schema>> = {
  'true-false': record(trueFalseFields),
  'fill-in': record(fillInFields),
  numeric: record(numericFields),
  ordering: record(orderingFields),
  matching: record(matchingFields),
};

/** Checks the fields `question.type` needs (known types only), reporting under `path`; returns the question with those fields copied as checked. */
export function checkTypeFields(question: Record<string, unknown>, path: string, issues: BankIssue[]): Record<string, unknown> {
  const type = question.type as QuestionType;
  const fields = FIELDS[type];
  if (type === 'choice' && question.choices === undefined) issues.push({ path: `${path}.choices`, message: 'expected an array, got nothing (a "choice" question needs choices)' });
  if (!fields) return question;
  const before = issues.length;
  const checked = fields(question, path, issues) as Record<string, unknown>;
  if (type === 'fill-in' && issues.length === before) checkFillIn(checked as { prompt: string; blanks: unknown[] }, path, issues);
  return checked;
}
