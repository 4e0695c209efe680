/**
 * Property-based tests (fast-check) of the GIFT round trip: a GIFT document imported, exported
 * and imported again gives the questions of the first import back, on every field GIFT can hold
 * (title, prompt, answer, choices with correct/feedback/weight, multiple, the explanation of
 * choice questions, topics; the type of true/false, fill-in, numeric and matching questions with
 * its fields and explanation). Texts are full of GIFT's special characters
 * (`~ = # { } : \`), line breaks and markdown.
 *
 * Each property has a fixed seed, so a failure in CI reproduces locally; raise `numRuns` locally
 * (e.g. `FC_RUNS=5000`) to search harder.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { validateBank } from '../bank/validate.js';
import { formatDiagnostic } from './diagnostics.js';
import { exportGift, importGift } from './gift.js';
import type { ImportResult } from './markdown.js';
import { giftFields } from '../../test/gift-fields.js';
import type { Bank, Question } from '../bank/types.js';

/** giftFields, and what a question type of its own adds: its fields, and its explanation (GIFT's general feedback). */
const roundTripFields = (bank: Bank, q: Question) => ({
  ...giftFields(bank, q),
  type: q.type,
  isTrue: q.isTrue,
  blanks: q.blanks,
  numeric: q.numeric,
  pairs: q.pairs,
  distractors: q.distractors,
  ...(q.type ? { explanation: q.explanation } : {}),
});

const RUNS = Number(process.env.FC_RUNS) || 200;
const run = (seed: number, numRuns = RUNS): fc.Parameters<unknown> => ({ seed, numRuns });

const FILE = 'course/quiz.gift';
const importDoc = (source: string): ImportResult => importGift(source, { file: FILE });

// ---------------------------------------------------------------------------------------------
// GIFT documents

/** Characters that mean something to GIFT or markdown, and some that mean nothing to either. */
const CHARS = ['~', '=', '#', '{', '}', ':', '\\', '\n', '%', '-', '>', '/', '*', '_', '`', '[', ']', '(', ')', '<', '&', '.', '?', ' ', ' ', 'a', 'b', 'x', 'A', 'B', 'T', '1', '5', '0', 'é', '题', '😀'];
const WORDS = ['Mars', 'orbit', 'comet', 'moon', 'light year', 'Saturn', '月亮', 'Venus?', 'A)', 'B.', '50%', 'x = 2', 'a -> b'];

const noise = fc.string({ unit: fc.constantFrom(...CHARS), maxLength: 10 });
const word = fc.constantFrom(...WORDS);

/** Text as an author means it: something visible, with special characters around it. */
const text = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(word, noise, word).map(([a, b, c]) => `${a}${b}${c}`) },
  { weight: 2, arbitrary: fc.tuple(noise, word, noise).map(([a, b, c]) => `${a}${b}${c}`) },
  { weight: 1, arbitrary: word },
);
const line = text.map((t) => t.replace(/\n/g, ' '));

/** GIFT's escapes, written here independently of the exporter's. */
const escape = (raw: string) => raw.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\n/g, '\\n');

const feedback = fc.option(text, { nil: undefined });
const withFeedback = (body: string, note: string | undefined) => (note === undefined ? body : `${body}#${escape(note)}`);
const weight = fc.option(fc.constantFrom(100, 50, 33.33333, 25, 0, -25, -50, -100), { nil: undefined });
const percent = (value: number | undefined) => (value === undefined ? '' : `%${value}%`);
/** General feedback (`####`): the explanation of a choice question, the model answer of an essay. */
const general = fc.option(text, { nil: undefined }).map((t) => (t === undefined ? '' : ` ####${escape(t)}`));

/** `=right`, `~wrong`, `~%50%partly`, each with its feedback. */
const choiceBlock = fc
  .array(fc.record({ mark: fc.constantFrom('=', '~', '~'), weight, text, feedback }), { minLength: 2, maxLength: 5 })
  .map((answers) => answers.map((a) => withFeedback(`${a.mark}${percent(a.weight)}${escape(a.text)}`, a.feedback)));

const trueFalseBlock = fc
  .tuple(fc.constantFrom('T', 'TRUE', 'F', 'FALSE'), feedback, feedback)
  .map(([value, wrong, right]) => [`${value}${wrong === undefined && right === undefined ? '' : `#${escape(wrong ?? '')}`}${right === undefined ? '' : `#${escape(right)}`}`]);

const shortAnswerBlock = fc
  .array(fc.record({ weight: fc.option(fc.constantFrom(100, 50, 25), { nil: undefined }), text, feedback }), { minLength: 1, maxLength: 3 })
  .map((answers) => answers.map((a) => withFeedback(`=${percent(a.weight)}${escape(a.text)}`, a.feedback)));

const decimal = fc.integer({ min: -100_000, max: 100_000 }).map((n) => n / 100);
const tolerance = fc.option(fc.integer({ min: 0, max: 500 }).map((n) => n / 100), { nil: undefined });
const numberSpec = fc.oneof(
  fc.tuple(decimal, tolerance).map(([value, within]) => (within === undefined ? `${value}` : `${value}:${within}`)),
  fc.tuple(decimal, decimal).map(([a, b]) => `${Math.min(a, b)}..${Math.max(a, b)}`),
);
const numericBlock = fc.oneof(
  numberSpec.map((spec) => [`#${spec}`]),
  fc
    .array(fc.record({ weight: fc.option(fc.constantFrom(100, 50, 25), { nil: undefined }), spec: numberSpec, feedback }), { minLength: 1, maxLength: 3 })
    .map((answers) => ['#', ...answers.map((a) => withFeedback(`=${percent(a.weight)}${a.spec}`, a.feedback))]),
);

const matchingBlock = fc
  .tuple(fc.array(fc.tuple(line, line), { minLength: 2, maxLength: 4 }), fc.array(line, { maxLength: 2 }))
  .map(([pairs, distractors]) => [...pairs.map(([left, right]) => `=${escape(left)} -> ${escape(right)}`), ...distractors.map((d) => `= -> ${escape(d)}`)]);

/** How a question's text is written: GIFT's default format, or a `[format]` marker. */
const format = fc.constantFrom('', '[moodle]', '[markdown]', '[plain]', '[html]');
const inFormat = (marker: string, raw: string) => (marker === '[html]' ? `<p>${escape(raw).replace(/ (\S+) /, ' <b>$1</b> ')}</p>` : escape(raw));

const title = fc.option(line, { nil: undefined }).map((t) => (t === undefined ? '' : `::${escape(t)}::`));

/** One question: `::title::[format]prompt {answers ####general}`, its block on one line or several. */
function giftQuestion(block: fc.Arbitrary<string[]>, options: { gap?: boolean; general?: boolean } = {}): fc.Arbitrary<string> {
  return fc
    .record({
      title,
      format,
      // A line that starts with `//` is a comment in GIFT, whatever follows.
      prompt: text.filter((t) => !t.trimStart().startsWith('//')),
      after: options.gap ? fc.option(text, { nil: undefined }) : fc.constant(undefined),
      answers: block,
      general: options.general === false ? fc.constant('') : general,
      multiline: fc.boolean(),
    })
    .map((q) => {
      const body = q.multiline ? `{\n\t${q.answers.join('\n\t')}${q.general ? `\n\t${q.general.trim()}` : ''}\n}` : `{${q.answers.join(' ')}${q.general}}`;
      const after = q.after === undefined ? '' : ` ${inFormat(q.format, q.after)}`;
      return `${q.title}${q.format}${inFormat(q.format, q.prompt)} ${body}${after}`;
    });
}

const choiceQuestion = giftQuestion(choiceBlock, { gap: true });
const openQuestion = fc.oneof(
  giftQuestion(trueFalseBlock),
  giftQuestion(shortAnswerBlock, { gap: true }),
  giftQuestion(numericBlock),
  giftQuestion(matchingBlock),
  giftQuestion(fc.constant([]), { general: false }),
  giftQuestion(fc.constant([])),
);

const categoryName = fc.string({ unit: fc.constantFrom('a', 'b', 'Z', '1', ' ', '-', 'é', '題', ':', '.'), minLength: 1, maxLength: 8 }).filter((t) => /[^\s.:-]/.test(t));
const category = fc.array(categoryName, { minLength: 1, maxLength: 3 }).map((parts) => `$CATEGORY: $course$/${parts.join('/')}`);
const comment = line.map((t) => `// ${t}`);

/** A document: questions separated by blank lines, with categories and comments between them, in LF or CRLF. */
const giftDocument = (question: fc.Arbitrary<string>) =>
  fc
    .tuple(fc.array(fc.record({ before: fc.option(fc.oneof(category, comment), { nil: undefined }), question }), { minLength: 1, maxLength: 5 }), fc.constantFrom('\n', '\n', '\r\n'))
    .map(([items, eol]) => `${items.map((item) => (item.before === undefined ? item.question : `${item.before}\n\n${item.question}`)).join('\n\n')}\n`.replace(/\n/g, eol));

// ---------------------------------------------------------------------------------------------
// The round trip


/** import(export(import(source))) holds the questions of import(source); returns the export. */
function assertRoundTrip(source: string): string | null {
  const first = importDoc(source).bank;
  if (!first) return null;
  const { text: exported } = exportGift(first);
  const second = importDoc(exported);
  assert.ok(second.bank, `the export does not import:\n${second.diagnostics.map(formatDiagnostic).join('\n')}\n--- export:\n${exported}`);
  assert.ok(validateBank(second.bank).ok);
  assert.deepEqual(
    second.bank.questions.map((q) => roundTripFields(second.bank!, q)),
    first.questions.map((q) => roundTripFields(first, q)),
    `--- export:\n${exported}`,
  );
  return exported;
}

describe('GIFT import → export → import', () => {
  test('keeps choice questions (missing word too): options, right ones, weights, feedback, checkboxes and explanation', () => {
    fc.assert(
      fc.property(giftDocument(choiceQuestion), (source) => {
        assertRoundTrip(source);
      }),
      run(0x9f01),
    );
  });

  test('keeps true/false, fill-in (short answer, missing word), numeric, matching and essay questions with their type fields', () => {
    fc.assert(
      fc.property(giftDocument(openQuestion), (source) => {
        assertRoundTrip(source);
      }),
      run(0x9f02),
    );
  });

  test('keeps titles, topics and texts of documents mixing every question type and text format', () => {
    fc.assert(
      fc.property(giftDocument(fc.oneof(choiceQuestion, openQuestion)), (source) => {
        assertRoundTrip(source);
      }),
      run(0x9f03),
    );
  });

  test('exporting the re-imported bank gives the same GIFT text', () => {
    fc.assert(
      fc.property(giftDocument(fc.oneof(choiceQuestion, openQuestion)), (source) => {
        const exported = assertRoundTrip(source);
        if (exported === null) return;
        assert.equal(exportGift(importDoc(exported).bank!).text, exported);
      }),
      run(0x9f04),
    );
  });
});

describe('importGift on generated documents', () => {
  test('imports every generated question or says with a warning why not, in a valid bank', () => {
    fc.assert(
      fc.property(giftDocument(fc.oneof(choiceQuestion, openQuestion)), (source) => {
        const result = importDoc(source);
        const questions = source.split(/\r?\n\r?\n/).filter((part) => !part.startsWith('$CATEGORY') && !part.startsWith('//')).length;
        const skipped = result.diagnostics.filter((d) => d.skipped).length;
        assert.equal((result.bank?.questions.length ?? 0) + skipped, questions, result.diagnostics.map(formatDiagnostic).join('\n'));
        if (result.bank) assert.ok(validateBank(result.bank).ok);
      }),
      run(0x9f05),
    );
  });
});
