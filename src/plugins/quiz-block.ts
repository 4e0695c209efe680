/**
 * A ```` ```quiz ```` block of a markdown page, as the static-site plugins (`markdown-it.ts`,
 * `remark.ts`) turn it into a card: its info string read as the card's attributes, its text
 * imported as a bank, every problem told at the line of the markdown file, and the card's HTML
 * with the bank inline. No DOM and no Node built-ins: the plugins pass in what their generator knows.
 */
import type { Bank } from '../bank/types.js';
import { fingerprint } from '../bank/fingerprint.js';
import { importDocument } from '../import/document.js';
import { asciiSlug, isSlug } from '../import/question-id.js';

/** What a plugin knows of one block. */
export interface QuizBlockSource {
  /** The text between the fences: questions in any layout the importer reads (or GIFT). */
  text: string;
  /** The fence's info string after `quiz` (`count=3 pass-mark=80 shuffle title="Week 1"`). */
  info: string;
  /** The markdown file, as messages should name it (a path relative to the site, ideally). */
  file: string;
  /** The path the bank id is made from, when `file` is not stable across machines (an absolute path); `file` by default. */
  idFile?: string;
  /** 1-based line of the opening fence in the markdown file. */
  line: number;
  /**
   * 1-based position of the block among the file's quiz blocks. The bank id is made from the
   * file and this (`guide-intro-quiz-2`), so editing the page around a block keeps learners'
   * progress; without it, from the file and `line`.
   */
  index?: number;
}

/** A problem of a block, at a line of the markdown file. */
export interface QuizProblem {
  severity: 'error' | 'warning';
  file: string;
  /** 1-based line in the markdown file. */
  line: number;
  message: string;
}

/**
 * The card's attributes from a block's info string, by name, in the order written: a boolean
 * attribute has the value `''`. Values are the author's (not escaped); options that are not
 * attributes (`id`, `title`, `language`) are not among them.
 */
export type QuizCardAttributeValues = Readonly<Record<string, string>>;

/**
 * Server-renders a block's card instead of the default `<quiz-card>` with its bank inline (the
 * `quiz-elements/ssr` renderer fits). Returns the HTML to put in the page, which is trusted as it
 * is; it should still hold the bank (an inline script) so the card works once its script loads.
 */
export type RenderCard = (bank: Bank, attributes: QuizCardAttributeValues) => string;

/**
 * What the HTML is written for:
 * - `html`: plain HTML (Eleventy, Astro `.md`, any markdown-it or rehype output);
 * - `vue`: a Vue template (VitePress). Vue drops `<script>` elements in templates and
 *   HTML-escapes their text when it renders on the server, so the bank goes in through
 *   `v-html` instead, as a string expression.
 */
export type QuizHtmlTarget = 'html' | 'vue';

/** How to write a block's HTML. */
export interface QuizBlockOptions {
  target?: QuizHtmlTarget;
  render?: RenderCard;
}

/** A block, read. */
export interface QuizBlock {
  /** The block's bank; null when nothing could be read (see `problems`). */
  bank: Bank | null;
  /** The card's attributes that are valid (a refused one is among `problems`). */
  attributes: QuizCardAttributeValues;
  /** Problems of the info string and of the questions, in line order. */
  problems: QuizProblem[];
  /** The card's HTML; null without a bank. */
  html: string | null;
}

type Check = (value: string, bank: Bank | null) => string | null;

const BOOLEAN = null;
const integer = (min: number, max: number, what: string): Check => (value) =>
  /^\d{1,9}$/.test(value) && Number(value) >= min && Number(value) <= max ? null : `must be ${what}`;
const oneOf = (...values: string[]): Check => (value) =>
  values.includes(value) ? null : `must be ${values.map((v) => `"${v}"`).join(' or ')}`;
const text: Check = (value) => (value.trim() ? null : 'must not be empty');
const LANGUAGE_TAG = /^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*$/;
const language: Check = (value) => (LANGUAGE_TAG.test(value) ? null : 'must be a language tag such as "en" or "zh-CN"');

/** The card's attributes a block may set, and how their values are checked (null: boolean). */
const CARD_ATTRIBUTES: Record<string, Check | null> = {
  question: (value, bank) => {
    if (!bank || bank.questions.some((q) => q.id === value)) return null;
    return `names no question of this block; its question ids are ${listOf(bank.questions.map((q) => q.id))} (pin one with {#my-id} at the end of a question's heading)`;
  },
  topic: (value, bank) => {
    const ids = value.split(',').map((t) => t.trim()).filter(Boolean);
    if (ids.length === 0) return 'must name at least one topic id';
    const unknown = bank ? ids.filter((id) => !bank.topics.some((t) => t.id === id)) : [];
    return unknown.length === 0 ? null : `names no topic of this block ("${unknown.join('", "')}"); its topics are ${listOf(bank!.topics.map((t) => t.id))}`;
  },
  kind: oneOf('concept', 'coding'),
  count: integer(1, 10_000, 'a whole number of questions from 1'),
  shuffle: BOOLEAN,
  seed: text,
  'answer-box': BOOLEAN,
  mode: oneOf('practice', 'review', 'exam'),
  'shuffle-choices': BOOLEAN,
  'pass-mark': integer(0, 100, 'a percentage from 0 to 100'),
  'max-attempts': integer(1, 100, 'a whole number of attempts from 1'),
  'new-per-day': integer(0, 10_000, 'a whole number from 0'),
  'progress-key': text,
  'no-progress': BOOLEAN,
  theme: oneOf('light', 'dark'),
  'heading-level': integer(1, 6, 'a heading level from 1 to 6'),
  lang: language,
  class: text,
};

/** Options of a block that are not attributes of the card: they shape the bank. */
const BANK_OPTIONS: Record<string, Check> = {
  id: (value) => (isSlug(value) ? null : 'must be a slug (lower-case letters, digits, single hyphens), such as "week-1"'),
  title: text,
  language,
};

/** Card attributes that make no sense on a block, with what to do instead. */
const REFUSED: Record<string, string> = {
  src: 'the block\'s questions are the card\'s source; for a bank by URL write <quiz-card src="…"></quiz-card> as HTML instead of a quiz block',
  bank: 'the block\'s questions are the card\'s source; for a bundled bank write <quiz-card bank="…"></quiz-card> as HTML instead of a quiz block',
  timeout: 'a block\'s bank is inline, so nothing is loaded and there is nothing to time out',
};

/** Every name a block's info string accepts, for messages. */
export const QUIZ_BLOCK_OPTIONS: readonly string[] = [...Object.keys(CARD_ATTRIBUTES), ...Object.keys(BANK_OPTIONS)];

function listOf(values: readonly string[], max = 12): string {
  const shown = values.slice(0, max).map((v) => `"${v}"`).join(', ');
  return values.length > max ? `${shown} and ${values.length - max} more` : shown;
}

interface InfoOption {
  name: string;
  /** Null: written without a value (`shuffle`). */
  value: string | null;
}

/** `count=3 shuffle title="Week 1" seed='a b'` as options; problems as messages. */
function readInfo(info: string, problem: (message: string) => void): InfoOption[] {
  const options: InfoOption[] = [];
  const token = /\s*([^\s="']+)(?:=("[^"]*"|'[^']*'|[^\s"']*))?/y;
  let at = 0;
  const rest = info.trimEnd();
  while (at < rest.length) {
    token.lastIndex = at;
    const match = token.exec(rest);
    const after = match ? rest[token.lastIndex] : undefined;
    if (!match || (after !== undefined && !/\s/.test(after))) {
      const bad = rest.slice(at).trim();
      problem(/^[^\s=]*=\s*["']/.test(bad) || /^["']/.test(bad)
        ? `the quote in \`${bad.slice(0, 40)}\` is never closed; close it with the same quote (title="Week 1")`
        : `cannot read \`${bad.slice(0, 40)}\` in the quiz block's options; write name=value or name="a value with spaces"`);
      break;
    }
    const raw = match[2];
    const value = raw === undefined ? null : /^["']/.test(raw) ? raw.slice(1, -1) : raw;
    options.push({ name: match[1]!, value });
    at = token.lastIndex;
  }
  return options;
}

/** A name an author may have meant: `passMark`, `pass_mark` → `pass-mark`. */
function meant(name: string): string | undefined {
  const key = (n: string) => n.toLowerCase().replace(/[-_]/g, '');
  return QUIZ_BLOCK_OPTIONS.find((known) => key(known) === key(name));
}

interface ReadOptions {
  attributes: Record<string, string>;
  bankOptions: Record<string, string>;
  /** Attribute values checked once the bank is known (question ids, topics). */
  later: { name: string; value: string }[];
}

function readOptions(info: string, problem: (message: string) => void): ReadOptions {
  const read: ReadOptions = { attributes: {}, bankOptions: {}, later: [] };
  const seen = new Set<string>();
  for (const { name, value } of readInfo(info, problem)) {
    const where = `quiz block option "${name}"`;
    if (seen.has(name)) {
      problem(`${where} is given twice; keep one`);
      continue;
    }
    seen.add(name);
    if (name in REFUSED) {
      problem(`${where} is not allowed: ${REFUSED[name]}`);
      continue;
    }
    if (name in BANK_OPTIONS) {
      const why = value === null ? 'needs a value' : BANK_OPTIONS[name]!(value, null);
      if (why) problem(`${where} ${why}`);
      else read.bankOptions[name] = value!;
      continue;
    }
    if (!(name in CARD_ATTRIBUTES)) {
      const guess = meant(name);
      problem(`unknown ${where}${guess ? `; did you mean "${guess}"?` : '.'} A quiz block takes the card's attributes ${listOf(Object.keys(CARD_ATTRIBUTES), 50)}, and ${listOf(Object.keys(BANK_OPTIONS))} for its bank`);
      continue;
    }
    const check = CARD_ATTRIBUTES[name]!;
    if (check === BOOLEAN) {
      if (value === null || value === '' || value === 'true') read.attributes[name] = '';
      else if (value !== 'false') problem(`${where} is on or off: write ${name} alone (or ${name}=false)`);
      continue;
    }
    if (value === null) {
      problem(`${where} needs a value (${name}=…)`);
      continue;
    }
    const why = check(value, null);
    if (why) problem(`${where} ${why} (it is "${value}")`);
    else {
      read.attributes[name] = value;
      read.later.push({ name, value });
    }
  }
  return read;
}

/**
 * The bank id of a block without `id=`: the file's path as a slug and the block's place in it
 * (`docs/guide/intro.md`, 2nd block → `docs-guide-intro-quiz-2`); a path with no ASCII word
 * gives a fingerprint (`quiz-1k2j3h-2`).
 */
export function blockBankId(file: string, index: number, by: 'index' | 'line' = 'index'): string {
  const path = file.replace(/^\.?[\\/]+/, '').replace(/\.[A-Za-z0-9]+$/, '');
  const words = asciiSlug(path, 10) || `quiz-${fingerprint(path).toString(36)}`;
  return by === 'index' ? `${words}-quiz-${index}` : `${words}-line-${index}`;
}

/** `\u003c` for `<` and friends: JSON that cannot end a `<script>` element, open a comment or end a line in old JavaScript. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text for a double-quoted HTML attribute value. */
export function escapeAttribute(value: string): string {
  return value.replace(/[&"<>]/g, (c) => ({ '&': '&amp;', '"': '&quot;', '<': '&lt;', '>': '&gt;' })[c]!);
}

function attributeList(attributes: QuizCardAttributeValues): string {
  return Object.entries(attributes)
    .map(([name, value]) => (value === '' ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
}

/** The script element holding `bank`, as `<quiz-card>` reads an inline source. */
export function bankScript(bank: Bank): string {
  return `<script type="application/json">${scriptSafeJson(bank)}</script>`;
}

/**
 * `<quiz-card attr…><script type="application/json">bank</script></quiz-card>`, for `target`. The
 * opening tag has a line of its own and the JSON none, so markdown that meets this HTML again
 * (a second pass, a page that quotes it) reads it as one HTML block and passes it through.
 */
export function cardHtml(bank: Bank, attributes: QuizCardAttributeValues, target: QuizHtmlTarget = 'html'): string {
  if (target === 'vue') return `<quiz-card${attributeList(attributes)} v-html="${vueString(bankScript(bank))}">\n</quiz-card>`;
  return `<quiz-card${attributeList(attributes)}>\n${bankScript(bank)}\n</quiz-card>`;
}

/** `html` as a Vue `v-html` expression: a JavaScript string literal, escaped for a double-quoted attribute. */
function vueString(html: string): string {
  return escapeAttribute(JSON.stringify(html).replace(/[\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`));
}

/** A rendered card in a Vue template: a wrapper whose `v-html` is the rendered HTML, kept as it is. */
function vueRendered(html: string): string {
  return `<div style="display: contents" v-html="${vueString(html)}"></div>`;
}

/**
 * Reads one quiz block: its options, its questions (as a bank), its problems at the lines of the
 * markdown file, and the card's HTML (`options.render`'s, when given).
 */
export function readQuizBlock(source: QuizBlockSource, options: QuizBlockOptions = {}): QuizBlock {
  const problems: QuizProblem[] = [];
  const at = (line: number, message: string, severity: QuizProblem['severity'] = 'error') =>
    problems.push({ severity, file: source.file, line, message });
  const read = readOptions(source.info, (message) => at(source.line, message));

  // Line n of the block's text is line `source.line + n` of the file.
  const idFile = source.idFile ?? source.file;
  const id = read.bankOptions.id ?? (source.index !== undefined ? blockBankId(idFile, source.index) : blockBankId(idFile, source.line, 'line'));
  const result = source.text.trim()
    ? importDocument(source.text, { file: source.file, id, language: read.bankOptions.language ?? read.attributes.lang })
    : null;
  if (!result) at(source.line, 'the quiz block is empty; write questions in it, such as "## What is overfitting?" with the answer under it (see docs/bank-authoring.md)');
  for (const d of result?.diagnostics ?? []) at(source.line + d.line, fileLines(d.message, source.line), d.severity);

  let bank = result?.bank ?? null;
  if (bank && read.bankOptions.title) bank = { ...bank, title: read.bankOptions.title };
  for (const { name, value } of read.later) {
    const why = CARD_ATTRIBUTES[name]!(value, bank);
    if (why) {
      at(source.line, `quiz block option "${name}" ${why}`);
      delete read.attributes[name];
    }
  }
  problems.sort((a, b) => a.line - b.line);

  const attributes: QuizCardAttributeValues = read.attributes;
  let html: string | null = null;
  if (bank) {
    if (options.render) {
      const rendered = options.render(bank, attributes);
      if (typeof rendered !== 'string') throw new TypeError(`${source.file}:${source.line}: the quiz plugin's render option returned ${typeof rendered}, not HTML; return a string`);
      html = options.target === 'vue' ? vueRendered(rendered) : rendered;
    } else {
      html = cardHtml(bank, attributes, options.target);
    }
  }
  return { bank, attributes, problems, html };
}

/** The importer's own mentions of lines ("line 3", "lines 3–5") as lines of the markdown file. */
function fileLines(message: string, offset: number): string {
  return message.replace(/\b(lines? )(\d+)(?:–(\d+))?/g, (_, word: string, from: string, to?: string) => `${word}${Number(from) + offset}${to ? `–${Number(to) + offset}` : ''}`);
}

/** `file:line: error: message`, the shape editors and terminals turn into links. */
export function formatProblem(problem: QuizProblem): string {
  return `${problem.file}:${problem.line}: ${problem.severity}: ${problem.message}`;
}

/**
 * The error a plugin throws for a block's problems (all of them, one a line); `problems` keeps
 * them for tools.
 */
export class QuizBlockError extends Error {
  readonly problems: QuizProblem[];
  constructor(problems: QuizProblem[]) {
    const shown = problems.map(formatProblem);
    super(`quiz block: ${problems.length === 1 ? 'a problem' : `${problems.length} problems`} to fix, or set the plugin's onProblem: 'warn' to build with what could be read:\n${shown.join('\n')}`);
    this.name = 'QuizBlockError';
    this.problems = problems;
  }
}

/**
 * What a plugin does with a block's problems: `'error'` (the default) fails the build on any;
 * `'warn'` tells them and still shows the questions that could be read. A block with no question
 * to show fails the build either way.
 */
export type OnProblem = 'error' | 'warn';

/** Whether the build must stop for this block. */
export function mustFail(block: QuizBlock, onProblem: OnProblem = 'error'): boolean {
  return block.html === null || (onProblem === 'error' && block.problems.length > 0);
}

/**
 * The lines a generator cut from the top of a markdown file before parsing it (its front matter:
 * VitePress, Eleventy and Docusaurus cut it; Astro blanks it), so a block's line can be told as
 * the file's. `original` is the file's text, `parsed` the text the parser saw.
 */
export function frontMatterLinesCut(original: string, parsed: string): number {
  if (original === parsed || /^\uFEFF?---[ \t]*\r?$/m.test(parsed.split('\n', 1)[0]!)) return 0;
  const lines = original.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  if (lines[0]?.trim() !== '---') return 0;
  const close = lines.findIndex((line, i) => i > 0 && /^(---|\.\.\.)\s*$/.test(line));
  if (close < 0) return 0;
  const parsedCount = parsed.split(/\r\n|\r|\n/).length;
  return parsedCount < lines.length ? close + 1 : 0;
}
