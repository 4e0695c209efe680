/**
 * Runtime validation of question banks and catalogs. It runs in Node, in browsers and in the
 * CLI, so it uses nothing from the DOM or Node, and no eval. Hand-written (~1 KB gzip less than
 * the valibot schema it replaced, which mattered for the CDN size budget); the messages are the same.
 *
 * Every problem is reported at once, each with a JSON path (`questions[12].answer`) and a plain
 * message an author understands. Unknown fields are kept, so newer banks still load.
 */
import { BANK_FORMAT, CATALOG_FORMAT, type Bank, type Catalog, type Choice } from './types.js';
import { QUESTION_TYPES, questionType } from '../interactions/interaction.js';
import { array, boolean, fail, join, language, line, oneOf, optional, optionalText, record, show, slug, string, text, VARIANT_OF, weight, type Schema } from './schema.js';

export { MAX_TEXT_LENGTH } from './schema.js';

/** One problem in a bank or catalog. `path` is `''` for the document itself. */
export interface BankIssue {
  path: string;
  message: string;
}

export type Validation<T> =
  | { ok: true; value: T; warnings: BankIssue[] }
  | { ok: false; issues: BankIssue[] };

/** Thrown by `parseBank` and `parseCatalog`; `issues` lists every problem found. */
export class BankFormatError extends Error {
  readonly issues: BankIssue[];

  constructor(issues: BankIssue[]) {
    super(formatIssues(issues, 5));
    this.name = 'BankFormatError';
    this.issues = issues;
  }
}

const choice = record({ text, correct: boolean, feedback: optionalText, weight: optional(weight) });

const topic = record({ id: slug, title: text, description: optionalText });

const questionFields = record({
  id: slug,
  kind: oneOf('concept', 'coding'),
  type: optional(string()),
  title: line,
  prompt: text,
  answer: optional(text),
  explanation: optionalText,
  example: optionalText,
  hint: optionalText,
  topics: array(slug, (topics, path, issues) => {
    if (topics.length < 1) issues.push({ path, message: 'expected at least one topic' });
  }),
  choices: optional(
    array(choice, (choices, path, issues) => {
      if (choices.length < 2) issues.push({ path, message: `expected at least two choices, got ${choices.length}` });
      else if (!choices.some((c) => (c as { correct: boolean }).correct)) issues.push({ path, message: 'expected at least one choice with "correct": true' });
    }),
  ),
  multiple: optional(boolean),
  gift: optional(record({ type: oneOf('short-answer', 'numeric', 'matching') })),
  variantOf: optional(string(VARIANT_OF, 'expected a question id ("question-id" or "bank-id/question-id")')),
});

/** Checks the fields a question's type needs (src/interactions/fields.ts), returning the question as checked. */
export type TypeFieldsCheck = (question: Record<string, unknown>, path: string, issues: BankIssue[]) => Record<string, unknown>;

/** The common fields, then (with `typeFields`) the ones the question's type needs; only a choice question may go without an answer. */
const questionSchema = (typeFields?: TypeFieldsCheck): Schema => (input, path, issues) => {
  const before = issues.length;
  const output = questionFields(input, path, issues) as Record<string, unknown> | false;
  if (!output) return output;
  if (output.type === 'choice' && output.choices === undefined) issues.push({ path: join(path, 'choices'), message: 'a "choice" question needs choices' });
  if (output.answer === undefined) {
    // A choice question's answer is its correct choices: readers that show answers (search, lists) get them.
    if (questionType(output) === 'choice' && Array.isArray(output.choices))
      output.answer = (output.choices as Choice[]).filter((c) => c.correct).map((c) => `- ${c.text}`).join('\n');
    else fail(issues, join(path, 'answer'), 'expected a string', undefined);
  }
  return issues.length > before || !typeFields ? output : typeFields(output, path, issues);
};

const bankSchema = (typeFields?: TypeFieldsCheck) => record({
  format: string(),
  id: slug,
  title: text,
  shortTitle: optional(line),
  language,
  description: optionalText,
  topics: array(topic),
  questions: array(questionSchema(typeFields)),
});
const bankShape = bankSchema();

const questionCount: Schema = (input, path, issues) =>
  typeof input !== 'number' || Number.isNaN(input)
    ? fail(issues, path, 'expected a number', input)
    : Number.isInteger(input) && input >= 0
      ? input
      : issues.push({ path, message: `expected a whole number (0 or more), got ${input}` }) && input;

const catalogSchema = record({
  format: string(),
  banks: array(record({ id: slug, title: text, language, questionCount, src: text, description: optionalText })),
});

/** Up to ten ids for a message, so a bank with many topics stays readable. */
function listIds(ids: Iterable<string>): string {
  const all = [...ids];
  return all.length > 10 ? `${all.slice(0, 10).join(', ')}, … (${all.length} in all)` : all.join(', ');
}

/** Reports repeated ids and returns each id's first index. */
function indexIds(items: { id: string }[], name: string, issues: BankIssue[]): Map<string, number> {
  // A Map, not an object, so ids like "constructor" are plain keys.
  const first = new Map<string, number>();
  items.forEach(({ id }, i) => {
    const at = first.get(id);
    if (at === undefined) first.set(id, i);
    else issues.push({ path: `${name}[${i}].id`, message: `duplicate id "${id}", first used at ${name}[${at}]` });
  });
  return first;
}

function checkBank(bank: Bank, issues: BankIssue[], warnings: BankIssue[]): void {
  const topicIds = indexIds(bank.topics, 'topics', issues);
  const questionIds = indexIds(bank.questions, 'questions', issues);
  const used = new Set<string>();
  bank.questions.forEach((q, i) => {
    q.topics.forEach((id, j) => {
      used.add(id);
      if (!topicIds.has(id)) {
        const defined = topicIds.size ? `the bank defines: ${listIds(topicIds.keys())}` : 'the bank defines no topics';
        issues.push({ path: `questions[${i}].topics[${j}]`, message: `unknown topic "${id}"; ${defined}` });
      }
    });
    if (q.type !== undefined && questionType(q) !== q.type)
      warnings.push({ path: `questions[${i}].type`, message: `unknown type "${q.type}": asked as a flashcard; this version knows ${QUESTION_TYPES.join(', ')}` });
    if (q.variantOf === undefined) return;
    // "this-bank/q" points into this bank just like "q" does.
    const own = `${bank.id}/`;
    const target = q.variantOf.startsWith(own) ? q.variantOf.slice(own.length) : q.variantOf;
    const path = `questions[${i}].variantOf`;
    if (target === q.id) issues.push({ path, message: 'a question cannot be a variant of itself' });
    else if (!target.includes('/') && !questionIds.has(target))
      issues.push({ path, message: `no question of this bank has id "${target}"` });
  });
  if (!bank.questions.length) warnings.push({ path: 'questions', message: 'the bank has no questions' });
  else
    bank.topics.forEach(({ id }, i) => {
      if (!used.has(id)) warnings.push({ path: `topics[${i}]`, message: `topic "${id}" is not used by any question` });
    });
}

const KINDS = { [BANK_FORMAT]: 'bank', [CATALOG_FORMAT]: 'catalog' } as const;
type Format = keyof typeof KINDS;

function validate<T>(
  input: unknown,
  format: Format,
  schema: Schema,
  check: (value: T, issues: BankIssue[], warnings: BankIssue[]) => void,
): Validation<T> {
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, issues: [{ path: '', message: `expected a JSON object, got ${typeof input === 'string' ? 'a string' : show(input)}` }] };

  // A wrong format means every other field may differ too: report it alone.
  const found = (input as { format?: unknown }).format;
  if (found !== format) {
    const kind = KINDS[format];
    const other = Object.keys(KINDS).find((f) => f !== format) as Format;
    const message =
      found === other
        ? `this is a ${KINDS[other]} ("${other}"), not a ${kind}`
        : typeof found === 'string'
          ? `unsupported ${kind} format ${show(found)}; this version of quiz-elements reads "${format}"`
          : `expected "${format}", got ${show(found)}`;
    return { ok: false, issues: [{ path: 'format', message }] };
  }

  const issues: BankIssue[] = [];
  const output = schema(input, '', issues) as T;
  if (issues.length) return { ok: false, issues };

  const warnings: BankIssue[] = [];
  check(output, issues, warnings);
  return issues.length ? { ok: false, issues } : { ok: true, value: output, warnings };
}

/**
 * Checks that `input` (parsed JSON) is a `quiz-bank/1` bank, except for the fields particular to
 * a question type (`isTrue`, `blanks`, `numeric`, `items`, `pairs`): `validateBank` checks those
 * too. The elements use this one, and check a typed question's fields when they show it, so a
 * page with one card does not download every type's rules. Unknown fields are kept.
 */
export function validateBankShape(input: unknown): Validation<Bank> {
  return validate<Bank>(input, BANK_FORMAT, bankShape, checkBank);
}

/** `validateBankShape`, with the type fields checked by `typeFields` (validate.ts passes every type's). */
export function validateBankWith(input: unknown, typeFields: TypeFieldsCheck): Validation<Bank> {
  return validate<Bank>(input, BANK_FORMAT, bankSchema(typeFields), checkBank);
}

/** Checks that `input` (parsed JSON) is a `quiz-catalog/1` catalog. Unknown fields are kept. */
export function validateCatalog(input: unknown): Validation<Catalog> {
  return validate<Catalog>(input, CATALOG_FORMAT, catalogSchema, (catalog, issues) => {
    indexIds(catalog.banks, 'banks', issues);
  });
}

/** One `path: message` per line, at most `max` of them, then how many were left out. */
export function formatIssues(issues: BankIssue[], max = 10): string {
  const shown = issues.slice(0, Math.max(0, max));
  const lines = shown.map(({ path, message }) => (path ? `${path}: ${message}` : message));
  if (issues.length > shown.length) lines.push(`… and ${issues.length - shown.length} more`);
  return lines.join('\n');
}

/** A validation's value, or a `BankFormatError` with its issues: what every `parse…` function returns. */
export function validOrThrow<T>(result: Validation<T>): T {
  if (!result.ok) throw new BankFormatError(result.issues);
  return result.value;
}

/** Like `validateCatalog`, but throws a `BankFormatError` instead of returning issues. */
export function parseCatalog(input: unknown): Catalog {
  return validOrThrow(validateCatalog(input));
}
