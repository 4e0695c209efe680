/**
 * What every importer does once it has its questions: the bank's id and language from options,
 * front matter and the file name (a bad one is warned about, not fatal), and the questions that
 * pass the validator (the others skipped with its words).
 */
import type { Bank, Question } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { fitField, FIELD_LIMIT } from './limits.js';
import { asciiSlug, isSlug, questionIdFromTitle } from './question-id.js';
import type { Diagnostics } from './report.js';

const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;

/** A bank's `shortTitle` as given (option or front matter): one line, at most 60 characters; undefined when blank. */
export function bankShortTitle(given: unknown): string | undefined {
  if (typeof given !== 'string') return undefined;
  const line = given.replace(/\s+/g, ' ').trim();
  return line ? [...line].slice(0, 60).join('') : undefined;
}

/** The language given, when it is a language tag; else (with a warning for a bad one) `detected()`, the text's. */
export function pickLanguage(given: unknown, detected: () => string, diagnostics: Diagnostics): string {
  // Options come from JavaScript callers and JSON configs too, so `given` may be anything.
  if (given !== undefined && given !== null && String(given).trim()) {
    if (typeof given === 'string' && LANGUAGE_TAG.test(given.trim())) return given.trim();
    diagnostics.warn(1, `language ${JSON.stringify(given)} is not a language tag such as "en" or "zh-CN"; using the language detected from the text`);
  }
  return detected();
}

export function pickId(given: unknown, file: string, title: string, diagnostics: Diagnostics): string {
  if (given !== undefined && given !== null) {
    if (typeof given === 'string' && isSlug(given)) return given;
    diagnostics.warn(1, `bank id ${JSON.stringify(given)} is not a slug (lower-case letters, digits, single hyphens); using one made from the file name`);
  }
  return asciiSlug(fileTitle(file), 8) || asciiSlug(title, 8) || questionIdFromTitle(title);
}

export function fileTitle(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
}

/**
 * What the document gave may still not make a valid question (a title of control characters,
 * say): such questions are skipped with the validator's words, instead of failing the bank.
 */
export function dropInvalidQuestions(bank: Bank, lines: readonly number[], diagnostics: Diagnostics): Bank {
  const checked = validateBank(bank);
  if (checked.ok) return bank;
  const bad = new Map<number, string>();
  for (const issue of checked.issues) {
    const index = /^questions\[(\d+)\]/.exec(issue.path)?.[1];
    if (index === undefined) {
      diagnostics.fail(1, `this would make an invalid bank: ${issue.path}: ${issue.message}`);
      continue;
    }
    if (!bad.has(Number(index))) bad.set(Number(index), `${issue.path.replace(/^questions\[\d+\]\.?/, '') || 'question'}: ${issue.message}`);
  }
  for (const [index, problem] of bad) {
    diagnostics.warn(lines[index] ?? 1, `question "${bank.questions[index]!.title.slice(0, 60)}" is skipped: ${problem}`, true);
  }
  if (bad.size === 0) return bank;
  const questions = bank.questions.filter((_, i) => !bad.has(i));
  const kept = new Set(questions.map((q) => q.id));
  for (const question of questions) if (question.variantOf && !question.variantOf.includes('/') && !kept.has(question.variantOf)) delete question.variantOf;
  const used = new Set(questions.flatMap((q) => q.topics));
  return { ...bank, questions, topics: bank.topics.filter((t) => used.has(t.id)) };
}

/** Fields longer than the format allows are cut, with a warning, rather than failing the bank. */
export function fitQuestion(question: Question, line: number, diagnostics: Diagnostics): void {
  for (const field of ['prompt', 'answer', 'explanation', 'example', 'hint'] as const) {
    const value = question[field];
    if (typeof value !== 'string') continue;
    question[field] = fitField(value, (length) =>
      diagnostics.warn(line, `the ${field} of "${question.title.slice(0, 60)}" has ${length.toLocaleString('en')} characters; it is cut to ${FIELD_LIMIT.toLocaleString('en')}`),
    );
  }
  const cut = (what: string) => () => diagnostics.warn(line, `${what} of "${question.title.slice(0, 60)}" is longer than ${FIELD_LIMIT.toLocaleString('en')} characters; it is cut`);
  question.choices = question.choices?.map((choice) => ({
    ...choice,
    text: fitField(choice.text, cut('an option')),
    ...(choice.feedback === undefined ? {} : { feedback: fitField(choice.feedback, cut("an option's feedback")) }),
  }));
  if (question.choices === undefined) delete question.choices;
}

const QUESTION_KEY_ORDER = ['id', 'kind', 'type', 'title', 'topics', 'prompt', 'answer', 'explanation', 'example', 'hint', 'choices', 'multiple', 'isTrue', 'blanks', 'numeric', 'items', 'pairs', 'distractors', 'variantOf'];

/** Fixed key order keeps the committed JSON diffable. */
export function orderQuestionKeys(question: Question): Question {
  const ordered: Record<string, unknown> = {};
  for (const key of QUESTION_KEY_ORDER) if (question[key] !== undefined) ordered[key] = question[key];
  return Object.assign(ordered, question) as Question;
}
