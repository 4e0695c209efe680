/**
 * Property-based tests (fast-check) of the markdown importer, the `import` command, and the
 * round trips that exist: markdown → bank → JSON file → loaded bank, and learner progress →
 * export file → import into another store. (There is no bank → markdown exporter, so the
 * markdown round trip ends at the JSON file.)
 *
 * Each property has a fixed seed, so a failure in CI reproduces locally; raise `numRuns` locally
 * (e.g. `FC_RUNS=5000`) to search harder.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, test } from 'node:test';
import fc from 'fast-check';
import {
  codePoint,
  hostileString,
  json,
  loneSurrogate,
  markdownDocument,
  mutate,
  mutation,
  plainTitle,
  questionSpecs,
  session,
  wellFormedDocument,
  type QuestionSpec,
  type SessionStep,
} from '../../test/arbitraries.js';
import { bankFromJsonText } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { formatIssues, validateBank } from '../bank/validate.js';
import { main } from '../cli/main.js';
import { memoryStorage } from '../progress/memory-storage.js';
import { parseExport, ProgressFileError } from '../progress/record.js';
import { ProgressStore } from '../progress/store.js';
import type { ProgressExport, ProgressStorage } from '../progress/types.js';
import { importMarkdown, type ImportResult } from './markdown.js';
import { toJsonFile } from './documents.js';
import type { TopicRules } from './topics.js';

/** Runs per property; the whole file stays within a few seconds on two cores. */
const RUNS = Number(process.env.FC_RUNS) || 300;
const run = (seed: number, numRuns = RUNS): fc.Parameters<unknown> => ({ seed, numRuns });

/** The topic rules the bundled banks use; imports without rules are covered by the browser's path. */
const defaultTopics = JSON.parse(readFileSync(new URL('../../data/topics.json', import.meta.url), 'utf8')) as TopicRules;
const FILE = 'notes/doc.md';
const importDoc = (source: string): ImportResult => importMarkdown(source, { topics: defaultTopics, file: FILE });

/** Lines as an author's editor counts them: the importer's diagnostics point at these. */
const lineCount = (source: string) => source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/).length;

/** Any string, from any Unicode to markdown shaped like the seed documents. */
const anySource = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: codePoint, maxLength: 200 }),
  fc.string({ unit: fc.oneof(loneSurrogate, fc.constantFrom('#', ' ', '\n', '\r', '*', '`', '~', '1', '.', ':', '{', '}', 'a', '题')), maxLength: 200 }),
  hostileString,
  markdownDocument,
);

describe('importMarkdown on any string', () => {
  test('never throws; diagnostics point at lines of the document, errors and banks exclude each other', () => {
    fc.assert(
      fc.property(anySource, (source) => {
        const result = importDoc(source);
        const lines = lineCount(source);
        let previous = 1;
        for (const d of result.diagnostics) {
          assert.ok(d.severity === 'error' || d.severity === 'warning');
          assert.equal(d.file, FILE);
          assert.ok(Number.isInteger(d.line) && d.line >= 1 && d.line <= lines, `line ${d.line} of ${lines}: ${d.message}`);
          assert.ok(d.line >= previous, 'diagnostics are in line order');
          previous = d.line;
          assert.ok(typeof d.message === 'string' && d.message.trim() !== '');
        }
        const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
        assert.equal(result.bank === null, errors > 0, 'a bank exactly when there is no error');
      }),
      run(0x1e01, RUNS * 2),
    );
  });

  test('imports the same document to the same result every time', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => assert.deepEqual(importDoc(source), importDoc(source))),
      run(0x1e02),
    );
  });

  // BUG (markdown.ts): the importer returns banks that fail validateBank, with no diagnostic:
  //   "# \n### 1. Q\n**Answer:** a"                    title: expected a non-empty string, got ""
  //   "---\ntitle:\n---\n### 1. Q\n**Answer:** a"      title: (same; front matter value unchecked)
  //   "---\nlanguage: english!\n---\n### 1. Q\n**Answer:** a"   language: expected a language tag
  //   "### 1. Q {#}\n**Answer:** a"                    questions[0].id: expected a slug, got ""
  // The CLI then stops with "internal error", and a .md `src` fails as "not a valid quiz bank".
  test('a returned bank always passes validateBank', () => {
    fc.assert(
      fc.property(markdownDocument, (source) => {
        const { bank } = importDoc(source);
        if (!bank) return;
        const result = validateBank(bank);
        assert.ok(result.ok, result.ok ? '' : formatIssues(result.issues));
      }),
      run(0x1e03, RUNS * 2),
    );
  });

  // BUG (markdown.ts, labels.ts): backtracking regexes make some lines super-linear, so a page that
  // imports markdown hangs. LABEL_LINE is ~O(n⁴) in a run of spaces after `**` with no closing
  // `**` inside a question: "### 1. Q\n**" + " ".repeat(400) + "x" takes ~3 s, 1,000 spaces minutes.
  // HEADING and PINNED_ID (trailing whitespace run before a non-space: "### 1. Q" + " ".repeat(20000) + "x")
  // and FRONT_MATTER_KEY ("---\na: x" + " ".repeat(20000) + "y\n---") are O(n²): ~0.5-1 s per 20 K.
  test('import time stays linear in long whitespace runs', () => {
    const slowShapes = fc.oneof(
      fc.integer({ min: 220, max: 260 }).map((n) => `### 1. Q\n**${' '.repeat(n)}x\n**Answer:** a\n`),
      fc.integer({ min: 15_000, max: 20_000 }).map((n) => `### 1. Q${' \t'.repeat(n / 2)}x\n\n**Answer:** a\n`),
      fc.integer({ min: 15_000, max: 20_000 }).map((n) => `---\ntitle: x${' '.repeat(n)}y\n---\n### 1. Q\n**Answer:** a\n`),
    );
    fc.assert(
      fc.property(slowShapes, (source) => {
        const started = performance.now();
        importDoc(source);
        const ms = performance.now() - started;
        // Linear code needs well under 1 µs a character; this allows 5 µs plus 100 ms of noise.
        assert.ok(ms < 100 + source.length * 0.005, `${Math.round(ms)} ms for ${source.length} characters`);
      }),
      { seed: 0x1e04, numRuns: 6, endOnFailure: true }, // no shrinking: every try is slow
    );
  });
});

describe('importMarkdown on well-formed documents', () => {
  const byTitle = (bank: Bank) => Object.fromEntries(bank.questions.map((q) => [q.title, q.id]));
  const pinnedUnique = (specs: readonly QuestionSpec[]) => {
    const pinned = specs.flatMap((spec) => (spec.pinnedId ? [spec.pinnedId] : []));
    return new Set(pinned).size === pinned.length;
  };

  test('every question comes through with its title, answer, hint and pinned id, whatever the line endings', () => {
    fc.assert(
      fc.property(plainTitle, questionSpecs, fc.constantFrom('\n', '\r\n', '\r'), (title, specs, eol) => {
        fc.pre(pinnedUnique(specs));
        const result = importDoc(wellFormedDocument(title, specs, eol));
        assert.ok(result.bank, result.diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
        assert.deepEqual(result.diagnostics, []);
        const { bank } = result;
        assert.equal(bank.title, title);
        assert.deepEqual(
          bank.questions.map((q) => [q.title, q.answer, q.hint]),
          specs.map((spec) => [spec.title, spec.answer, spec.hint || undefined]),
        );
        specs.forEach((spec, i) => {
          if (spec.pinnedId) assert.equal(bank.questions[i]!.id, spec.pinnedId);
        });
        assert.ok(validateBank(bank).ok);
        if (eol !== '\n') assert.deepEqual(importDoc(wellFormedDocument(title, specs)), result, 'line endings change nothing');
      }),
      run(0x1e05),
    );
  });

  test('question ids depend on titles, not on order: reordering keeps every id', () => {
    fc.assert(
      fc.property(plainTitle, questionSpecs.chain((specs) => fc.tuple(fc.constant(specs), fc.shuffledSubarray(specs, { minLength: specs.length }))), (title, [specs, reordered]) => {
        fc.pre(pinnedUnique(specs));
        const a = importDoc(wellFormedDocument(title, specs)).bank;
        const b = importDoc(wellFormedDocument(title, reordered)).bank;
        assert.ok(a && b);
        assert.deepEqual(byTitle(b), byTitle(a));
      }),
      run(0x1e06),
    );
  });
});

describe('quiz-elements import (CLI)', () => {
  const work = mkdtempSync(join(tmpdir(), 'quiz-cli-property-'));
  after(() => rmSync(work, { recursive: true, force: true }));
  let runs = 0;

  test('writes exactly the imported bank when the document imports, and nothing otherwise', async () => {
    await fc.assert(
      fc.asyncProperty(markdownDocument, async (source) => {
        const dir = join(work, String(runs++));
        const doc = join(dir, 'doc.md');
        const out = join(dir, 'out');
        mkdirSync(dir);
        writeFileSync(doc, source);
        const err: string[] = [];
        const code = await main(['import', doc, '--out', out], { out: () => undefined, err: (t) => err.push(t) });

        // As read back: UTF-8 on disk turns lone surrogates into U+FFFD.
        const expected = importMarkdown(readFileSync(doc, 'utf8'), { file: relative(process.cwd(), doc) });
        const valid = expected.bank !== null && validateBank(expected.bank).ok;
        assert.equal(code, valid ? 0 : 1, err.join('\n'));
        if (!valid) {
          assert.equal(existsSync(out), false, 'nothing is written for a document with errors');
          return;
        }
        const bank = expected.bank!;
        assert.deepEqual(readdirSync(out).sort(), [`${bank.id}.json`, 'index.json'].sort());
        assert.equal(readFileSync(join(out, `${bank.id}.json`), 'utf8'), toJsonFile(bank));
        const check = await main(['validate', join(out, `${bank.id}.json`), join(out, 'index.json')], { out: () => undefined, err: () => undefined });
        assert.equal(check, 0, 'what import writes, validate accepts');
      }),
      run(0x1e07, 40),
    );
  });
});

describe('round trips', () => {
  test('markdown → bank → JSON file → bankFromJsonText gives the same bank', () => {
    const docs = fc.oneof(markdownDocument, fc.tuple(plainTitle, questionSpecs).map(([title, specs]) => wellFormedDocument(title, specs)));
    fc.assert(
      fc.property(docs, (source) => {
        const { bank } = importDoc(source);
        if (!bank || !validateBank(bank).ok) return; // invalid banks: see the todo test above
        assert.deepEqual(bankFromJsonText(toJsonFile(bank), 'https://example.test/').bank, bank);
        assert.deepEqual(JSON.parse(toJsonFile(bank)), bank, 'the JSON file holds the bank exactly');
      }),
      run(0x1e08),
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Learner progress: exportData → importData

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const BANK_IDS = ['llm-basics', 'a/b %2F 题'];
const QUESTION_IDS = ['q-1', 'constructor', '__proto__', '100%'];

/** A store with a fixed clock over `storage` (a fresh memory storage unless given). */
const storeOver = (storage: ProgressStorage = memoryStorage(), progressKey = 'default') => new ProgressStore({ storage, progressKey, now: () => T0 });

/** Plays a learner's answers and undos into `store`. */
async function play(store: ProgressStore, steps: readonly SessionStep[]): Promise<void> {
  for (const step of steps) {
    const bankId = BANK_IDS[step.bank]!;
    const questionId = QUESTION_IDS[step.question]!;
    if (step.type === 'record') {
      await store.record(bankId, questionId, step.grade, { at: T0 + step.offset, ...(step.correct === undefined ? {} : { correct: step.correct }) });
      continue;
    }
    const progress = store.get(bankId, questionId);
    if (!progress?.reviews.length) continue;
    const review = progress.reviews[step.pick % progress.reviews.length]!;
    await store.undo(bankId, questionId, { at: review.at, grade: review.grade });
  }
}

/** Whether every string in a JSON value is well-formed Unicode (no lone surrogates). */
function wellFormed(value: unknown): boolean {
  const lone = /[\ud800-\udfff]/u; // with the u flag a valid pair is one code point, outside this range
  if (typeof value === 'string') return !lone.test(value);
  if (typeof value !== 'object' || value === null) return true;
  return Object.entries(value).every(([key, item]) => !lone.test(key) && wellFormed(item));
}

describe('round trips of learner progress', () => {
  test('exportData → JSON → importData into a fresh store gives the same records; importing again keeps them', async () => {
    await fc.assert(
      fc.asyncProperty(session, async (steps) => {
        const here = storeOver();
        await play(here, steps);
        const exported = here.exportData();
        assert.deepEqual(parseExport(JSON.stringify(exported)), exported, 'the export is a valid progress file');

        const storage = memoryStorage();
        const there = storeOver(storage);
        const summary = await there.importData(JSON.stringify(exported));
        assert.deepEqual(summary, { added: exported.questions.length, updated: 0, kept: 0 });
        assert.deepEqual(there.exportData(), exported);

        assert.deepEqual(await there.importData(exported), { added: 0, updated: 0, kept: exported.questions.length });
        assert.deepEqual(await here.importData(exported), { added: 0, updated: 0, kept: exported.questions.length });
        assert.deepEqual(there.exportData(), exported);
        assert.deepEqual(storeOver(storage).exportData(), exported, 'a reload reads back what the import wrote');
      }),
      run(0x9a01),
    );
  });

  test('importData of any value or text either merges or throws a ProgressFileError, and the store stays exportable', async () => {
    const files = fc.oneof(
      fc.oneof(json(3), fc.string({ unit: codePoint, maxLength: 100 })).map((value) => ({ kind: 'raw' as const, value })),
      fc.record({ kind: fc.constant('mutated' as const), steps: session, mutations: fc.array(mutation, { minLength: 1, maxLength: 3 }) }),
    );
    await fc.assert(
      fc.asyncProperty(session, files, async (steps, file) => {
        const store = storeOver();
        await play(store, steps);
        let input: unknown;
        if (file.kind === 'raw') input = file.value;
        else {
          const other = storeOver(); // another learner's export, broken in a few places
          await play(other, file.steps);
          input = mutate(other.exportData(), file.mutations);
        }
        fc.pre(wellFormed(input)); // lone surrogates in ids: see the todo test below
        const before = JSON.stringify(store.exportData());
        try {
          await store.importData(input);
        } catch (error) {
          assert.ok(error instanceof ProgressFileError, `threw ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
          assert.ok(['not-json', 'not-progress', 'newer-format', 'invalid'].includes(error.problem));
          assert.equal(JSON.stringify(store.exportData()), before, 'a refused file changes nothing');
          return;
        }
        const merged: ProgressExport = store.exportData();
        assert.deepEqual(parseExport(JSON.stringify(merged)), merged, 'after any import, the export is still a valid progress file');
      }),
      run(0x9a02),
    );
  });

  // BUG (record.ts recordKey): encodeURIComponent throws URIError on a lone surrogate, and
  // parseExport accepts any non-empty string as an id, so importData throws URIError (not the
  // documented ProgressFileError) for a hand-edited file such as
  //   {"format":"quiz-progress/1","questions":[{"bankId":"\ud800","questionId":"q","reviews":[],
  //    "memory":{"due":0,"stability":0,"difficulty":0,"scheduledDays":0,"learningSteps":0,"reps":0,
  //    "lapses":0,"state":0,"lastReview":null},"updatedAt":1}]}
  test('importData refuses ids with lone surrogates with a ProgressFileError', async () => {
    await fc.assert(
      fc.asyncProperty(session, fc.tuple(fc.string({ maxLength: 3 }), loneSurrogate, fc.string({ maxLength: 3 })), fc.boolean(), async (steps, parts, inBank) => {
        const source = storeOver();
        await play(source, steps);
        const exported = source.exportData();
        fc.pre(exported.questions.length > 0);
        const odd = parts.join('');
        const file = { ...exported, questions: exported.questions.map((q) => (inBank ? { ...q, bankId: odd } : { ...q, questionId: odd })) };
        await assert.rejects(storeOver().importData(JSON.stringify(file)), ProgressFileError);
      }),
      { seed: 0x9a03, numRuns: 10, endOnFailure: true },
    );
  });
});
