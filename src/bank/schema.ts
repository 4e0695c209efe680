/**
 * The building blocks of the bank and catalog validators: small checkers that report every
 * problem with a JSON path and a plain message, and copy what they accept. Shared by
 * validate.ts and the interaction types' own fields (src/interactions/<type>/). No DOM, no eval.
 */
import type { BankIssue } from './validate-core.js';

export const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const VARIANT_OF = /^[a-z0-9]+(?:-[a-z0-9]+)*(?:\/[a-z0-9]+(?:-[a-z0-9]+)*)?$/;
export const LANGUAGE = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
export const TEXT = /\S/;
export const LINE = /^[^\r\n]*\S[^\r\n]*$/;

/** Names a JSON value the way an author would think of it. */
export function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  // Long strings are cut so one bad prompt doesn't flood the report.
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'boolean') return String(value);
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/** Checks a value at `path`, reporting problems to `issues`; returns the value (a shallow copy of objects and arrays). */
export type Schema = (input: unknown, path: string, issues: BankIssue[]) => unknown;

export const UNSAFE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
export const IDENTIFIER_KEY = /^[A-Za-z_$][\w$]*$/;

/** `questions[12].answer`, `["weird key"]`: the path as an author would write it in JS. */
export function join(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return IDENTIFIER_KEY.test(key) ? `${path ? `${path}.` : ''}${key}` : `${path}[${JSON.stringify(key)}]`;
}

/** Reports "<wanted>, got <what was found>" at `path`; returns false for use in conditions. */
export function fail(issues: BankIssue[], path: string, wanted: string, input: unknown): false {
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
export function codePoints(text: string): number {
  return text.length - (text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g)?.length ?? 0);
}

/** A string of at most MAX_TEXT_LENGTH characters, optionally matching `pattern` (else "`wanted`, got …"). */
export const string =
  (pattern?: RegExp, wanted?: string): Schema =>
  (input, path, issues) => {
    if (typeof input !== 'string') return fail(issues, path, 'expected a string', input);
    if (input.length > MAX_TEXT_LENGTH && codePoints(input) > MAX_TEXT_LENGTH) {
      issues.push({ path, message: `expected at most ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters, got ${codePoints(input).toLocaleString('en-US')}` });
      return false;
    }
    return pattern && !pattern.test(input) ? fail(issues, path, wanted!, input) : input;
  };

export const optional =
  (schema: Schema): Schema =>
  (input, path, issues) =>
    input === undefined ? undefined : schema(input, path, issues);

/** One of a few strings. */
export const oneOf =
  (...values: string[]): Schema =>
  (input, path, issues) =>
    values.includes(input as string) ? input : fail(issues, path, `expected ${values.map((value) => JSON.stringify(value)).join(' or ')}`, input);

export const boolean: Schema = (input, path, issues) => (typeof input === 'boolean' ? input : fail(issues, path, 'expected true or false', input));

/** An array of `item`; `then` runs only when every item is valid (counts, cross-item rules). */
export const array =
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
export const record =
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

export const text = string(TEXT, 'expected a non-empty string');
export const line = string(LINE, 'expected one non-empty line of text');
export const slug = string(SLUG, 'expected a slug (lower-case letters, digits and single hyphens)');
export const language = string(LANGUAGE, 'expected a language tag such as "en" or "zh-CN"');
export const optionalText = optional(string());

export const weight: Schema = (input, path, issues) => (typeof input === 'number' && Math.abs(input) <= 100 ? input : fail(issues, path, 'expected -100 to 100', input));

