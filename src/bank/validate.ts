/**
 * Runtime validation of question banks and catalogs. It runs in Node, in browsers and in the
 * CLI, so it uses valibot (no eval) and nothing from the DOM or Node.
 *
 * Every problem is reported at once, each with a JSON path (`questions[12].answer`) and a plain
 * message an author understands. Unknown fields are kept, so newer banks still load.
 */
import * as v from 'valibot';
import { BANK_FORMAT, CATALOG_FORMAT, type Bank, type Catalog } from './types.js';

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

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const VARIANT_OF = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
const LANGUAGE = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
const TEXT = /\S/;
const LINE = /^[^\r\n]*\S[^\r\n]*$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** Names a JSON value the way an author would think of it. */
function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // Long strings are cut so one bad prompt doesn't flood the report.
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

// valibot's `expects` strings, in words.
const NOUNS: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  boolean: 'true or false',
  Array: 'an array',
  unknown: 'an object',
};
const noun = (expects: string | null | undefined): string =>
  (expects && NOUNS[expects]) ?? String(expects).replace(/^\(|\)$/g, '').replaceAll(' | ', ' or ');

/** Message for a check that failed: what was wanted, then what was found. */
const got = (wanted: string) => (issue: v.BaseIssue<unknown>) => `${wanted}, got ${show(issue.input)}`;
/** Message for a value of the wrong type, worded from the schema's own expectation. */
const typed = (issue: v.BaseIssue<unknown>) => got(`expected ${noun(issue.expected)}`)(issue);

/** An open object: rejects arrays (which `looseObject` accepts) and keeps unknown fields. */
function record<const E extends v.ObjectEntries>(entries: E) {
  return v.pipe(
    v.custom<unknown>((x) => typeof x === 'object' && x !== null && !Array.isArray(x), got('expected an object')),
    // looseObject only reports missing required fields here; say what the field should hold.
    v.looseObject(entries, (issue) => {
      const key = String(issue.path?.[0]?.key);
      return `expected ${noun((entries as v.ObjectEntries)[key]?.expects)}, got nothing`;
    }),
  );
}

const text = v.pipe(v.string(typed), v.regex(TEXT, got('expected a non-empty string')));
const line = v.pipe(v.string(typed), v.regex(LINE, got('expected one non-empty line of text')));
const slug = v.pipe(
  v.string(typed),
  v.regex(SLUG, got('expected a slug (lower-case letters, digits and single hyphens)')),
);
const language = v.pipe(v.string(typed), v.regex(LANGUAGE, got('expected a language tag such as "en" or "zh-CN"')));
const optionalText = v.optional(v.string(typed));

const choice = record({ text, correct: v.boolean(typed), feedback: optionalText });

const topic = record({ id: slug, title: text, description: optionalText });

const question = record({
  id: slug,
  kind: v.picklist(['concept', 'coding'], typed),
  title: line,
  prompt: text,
  answer: text,
  explanation: optionalText,
  example: optionalText,
  hint: optionalText,
  topics: v.pipe(v.array(slug, typed), v.minLength(1, 'expected at least one topic')),
  choices: v.optional(
    v.pipe(
      v.array(choice, typed),
      v.minLength(2, (issue) => `expected at least two choices, got ${issue.received}`),
      v.check(
        (choices) => choices.some((c) => c.correct),
        'expected at least one choice with "correct": true',
      ),
    ),
  ),
  variantOf: v.optional(
    v.pipe(v.string(typed), v.regex(VARIANT_OF, got('expected a question id ("question-id" or "bank-id/question-id")'))),
  ),
});

const bankSchema = record({
  format: v.literal(BANK_FORMAT, typed),
  id: slug,
  title: text,
  language,
  description: optionalText,
  topics: v.array(topic, typed),
  questions: v.array(question, typed),
});

const catalogSchema = record({
  format: v.literal(CATALOG_FORMAT, typed),
  banks: v.array(
    record({
      id: slug,
      title: text,
      language,
      questionCount: v.pipe(
        v.number(typed),
        v.check((n) => Number.isInteger(n) && n >= 0, (issue) => `expected a whole number (0 or more), got ${issue.input}`),
      ),
      src: text,
      description: optionalText,
    }),
    typed,
  ),
});

/** `questions[12].answer`, `["weird key"]`: the path as an author would write it in JS. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let path = '';
  for (const { key } of issue.path ?? []) {
    if (typeof key === 'number') path += `[${key}]`;
    else if (IDENTIFIER.test(String(key))) path += `${path ? '.' : ''}${String(key)}`;
    else path += `[${JSON.stringify(String(key))}]`;
  }
  return path;
}

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
  schema: v.GenericSchema,
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

  const result = v.safeParse(schema, input, { abortEarly: false });
  if (!result.success)
    return { ok: false, issues: result.issues.map((issue) => ({ path: pathOf(issue), message: issue.message })) };

  const issues: BankIssue[] = [];
  const warnings: BankIssue[] = [];
  check(result.output as T, issues, warnings);
  return issues.length ? { ok: false, issues } : { ok: true, value: result.output as T, warnings };
}

/** Checks that `input` (parsed JSON) is a `quiz-bank/1` bank. Unknown fields are kept. */
export function validateBank(input: unknown): Validation<Bank> {
  return validate<Bank>(input, BANK_FORMAT, bankSchema, checkBank);
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

/** Like `validateBank`, but throws a `BankFormatError` instead of returning issues. */
export function parseBank(input: unknown): Bank {
  const result = validateBank(input);
  if (!result.ok) throw new BankFormatError(result.issues);
  return result.value;
}

/** Like `validateCatalog`, but throws a `BankFormatError` instead of returning issues. */
export function parseCatalog(input: unknown): Catalog {
  const result = validateCatalog(input);
  if (!result.ok) throw new BankFormatError(result.issues);
  return result.value;
}
