/**
 * Runtime validation of question banks and catalogs. It runs in Node, in browsers and in the
 * CLI, so it uses nothing from the DOM or Node, and no eval. Hand-written (~1 KB gzip less than
 * the valibot schema it replaced, which mattered for the CDN size budget); the messages are the same.
 *
 * Every problem is reported at once, each with a JSON path (`questions[12].answer`) and a plain
 * message an author understands. Unknown fields are kept, so newer banks still load.
 */
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

/** Checks a value at `path`, reporting problems to `issues`; returns the value (a shallow copy of objects and arrays). */
type Schema = (input: unknown, path: string, issues: BankIssue[]) => unknown;

const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
const IDENTIFIER_KEY = /^[A-Za-z_$][\w$]*$/;

/** `questions[12].answer`, `["weird key"]`: the path as an author would write it in JS. */
function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER_KEY.test(key) ? `${path ? `${path}.` : ''}${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Reports "<wanted>, got <what was found>" at `path`; returns false for use in conditions. */
function fail(issues: BankIssue[], path: string, wanted: string, input: unknown): false {
  issues.push({ path, message: `${wanted}, got ${show(input)}` });
  return false;
}

/**
 * The most characters (code points, as JSON Schema's `maxLength` counts) any string of a bank or
 * catalog may hold. A question needs a few thousand at most; browsers take seconds to lay out
 * megabytes of text (5 MB: 2.2 s in Chromium, 3.4 s in WebKit, for each field shown).
 */
export const MAX_TEXT_LENGTH = 100_000;

/** Code points in `text`: UTF-16 code units less one per surrogate pair. */
function codePoints(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** A string of at most MAX_TEXT_LENGTH characters, optionally matching `pattern` (else "`wanted`, got …"). */
const string =
  (pattern?: RegExp, wanted?: string): Schema =>
  (input, path, issues) => {
    if (typeof input !== 'string') return fail(issues, path, 'expected a string', input);
    if (input.length > MAX_TEXT_LENGTH && codePoints(input) > MAX_TEXT_LENGTH) {
      issues.push({ path, message: `expected at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters, got ${codePoints(input).toLocaleString('en-US')}` });
      return false;
    }
    return pattern && !pattern.test(input) ? fail(issues, path, wanted!, input) : input;
  };

const optional =
  (schema: Schema): Schema =>
  (input, path, issues) =>
    input === undefined ? undefined : schema(input, path, issues);

/** One of a few strings. */
const oneOf =
  (...values: string[]): Schema =>
  (input, path, issues) =>
    values.includes(input as string) ? input : fail(issues, path, `expected ${values.map((value) => JSON.stringify(value)).join(' or ')}`, input);

const boolean: Schema = (input, path, issues) => (typeof input === 'boolean' ? input : fail(issues, path, 'expected true or false', input));

/** An array of `item`; `then` runs only when every item is valid (counts, cross-item rules). */
const array =
  (item: Schema, then?: (items: unknown[], path: string, issues: BankIssue[]) => void): Schema =>
  (input, path, issues) => {
    if (!Array.isArray(input)) return fail(issues, path, 'expected an array', input);
    const before = issues.length;
    // A loop, not map(): map skips the holes of a sparse array, which would then pass unchecked.
    const items: unknown[] = [];
    for (let i = 0; i < input.length; i++) items.push(item(input[i], join(path, i), issues));
    if (then && issues.length === before) then(items, path, issues);
    return items;
  };

/** An open object: `entries` are checked in order, unknown fields are kept, so newer banks still load. */
const record =
  (entries: Record<string, Schema>): Schema =>
  (input, path, issues) => {
    if (typeof input !== 'object' || input === null || Array.isArray(input)) return fail(issues, path, 'expected an object', input);
    // Copied key by key, leaving out the keys that could reach a prototype.
    const output: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(input)) if (!UNSAFE_KEYS.has(key)) output[key] = value;
    for (const [key, schema] of Object.entries(entries)) {
      const value = schema((input as Record<string, unknown>)[key], join(path, key), issues);
      if (value !== undefined) output[key] = value;
    }
    return output;
  };

const text = string(TEXT, 'expected a non-empty string');
const line = string(LINE, 'expected one non-empty line of text');
const slug = string(SLUG, 'expected a slug (lower-case letters, digits and single hyphens)');
const language = string(LANGUAGE, 'expected a language tag such as "en" or "zh-CN"');
const optionalText = optional(string());

const weight: Schema = (input, path, issues) => (typeof input === 'number' && Math.abs(input) <= 100 ? input : fail(issues, path, 'expected -100 to 100', input));

const choice = record({ text, correct: boolean, feedback: optionalText, weight: optional(weight) });

const topic = record({ id: slug, title: text, description: optionalText });

const question = record({
  id: slug,
  kind: oneOf('concept', 'coding'),
  title: line,
  prompt: text,
  answer: text,
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

const bankSchema = record({
  format: string(),
  id: slug,
  title: text,
  language,
  description: optionalText,
  topics: array(topic),
  questions: array(question),
});

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
