/** A numeric question's own fields: what the bank validator needs (no grading). */
import { fail, line, optional, record, type Schema } from '../../bank/schema.js';

export interface NumericAnswer {
  /** The right value (with `tolerance` or `tolerancePercent`, the middle of what is right). */
  value?: number;
  /** Right when within this much of `value`, either way. */
  tolerance?: number;
  /** Right when within this percentage of `value`, either way. */
  tolerancePercent?: number;
  /** With `max` and without `value`: right from `min` to `max`, both included. */
  min?: number;
  max?: number;
  /** Shown after the field ("kg"); the learner may type it too. */
  unit?: string;
  [extra: string]: unknown;
}

const finite: Schema = (input, path, issues) => (typeof input === 'number' && Number.isFinite(input) ? input : fail(issues, path, 'expected a number', input));
const nonNegative: Schema = (input, path, issues) =>
  typeof input === 'number' && Number.isFinite(input) && input >= 0 ? input : fail(issues, path, 'expected a number of 0 or more', input);

const numericAnswer = record({ value: optional(finite), tolerance: optional(nonNegative), tolerancePercent: optional(nonNegative), min: optional(finite), max: optional(finite), unit: optional(line) });

export const numericFields: Record<string, Schema> = {
  numeric: (input, path, issues) => {
    const before = issues.length;
    const out = numericAnswer(input, path, issues) as NumericAnswer | false;
    if (!out || issues.length > before) return out;
    const { value, tolerance, tolerancePercent, min, max } = out;
    if (value === undefined ? !(min! <= max!) : min !== undefined || max !== undefined || (tolerance !== undefined && tolerancePercent !== undefined))
      issues.push({ path, message: 'expected "value" (with "tolerance" or "tolerancePercent", not both), or "min" and "max" (min ≤ max) without "value"' });
    return out;
  },
};
