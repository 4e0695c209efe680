/**
 * Validation of banks and catalogs, with every question type's own fields: what the CLI, the
 * importer and npm users call. (validate-core.ts is the same without the type fields, which the
 * elements check when they show a typed question.)
 */
import { checkTypeFields } from '../interactions/fields.js';
import type { Bank } from './types.js';
import { validateBankWith, validOrThrow, type Validation } from './validate-core.js';

export * from './validate-core.js';

/** Checks that `input` (parsed JSON) is a `quiz-bank/1` bank, every question type's fields included. Unknown fields are kept. */
export function validateBank(input: unknown): Validation<Bank> {
  return validateBankWith(input, checkTypeFields);
}

/** Like `validateBank`, but throws a `BankFormatError` instead of returning issues. */
export function parseBank(input: unknown): Bank {
  return validOrThrow(validateBank(input));
}
