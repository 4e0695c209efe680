/**
 * Keeps the JSON Schemas in data/schema/ and the runtime validator (src/bank/validate.ts) in
 * step: both must accept the good fixtures and reject the bad ones at the same place, and both
 * must accept the bundled banks listed in data/banks/index.json.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020, { type ErrorObject } from 'ajv/dist/2020.js';
import { MAX_TEXT_LENGTH, validateBank, validateCatalog, type BankIssue, type Validation } from '../src/bank/index.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const fixtures = join(root, 'test/fixtures/banks');
const catalogIndex = join(root, 'data/banks/index.json');

const readJson = (file: string): unknown => JSON.parse(readFileSync(file, 'utf8'));

const ajv = new Ajv2020({ allErrors: true, strict: true });
const bankSchema = ajv.compile(readJson(join(root, 'data/schema/bank.schema.json')) as object);
const catalogSchema = ajv.compile(readJson(join(root, 'data/schema/catalog.schema.json')) as object);

/** Ajv's JSON pointer (plus the missing property) written like a BankIssue path. */
function ajvPath(error: ErrorObject): string {
  const pointer = error.instancePath.split('/').slice(1).map((s) => s.replaceAll('~1', '/').replaceAll('~0', '~'));
  if (error.keyword === 'required') pointer.push(String(error.params.missingProperty));
  return pointer.reduce(
    (path, key) =>
      /^\d+$/.test(key) ? `${path}[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `${path ? `${path}.` : ''}${key}` : `${path}[${JSON.stringify(key)}]`,
    '',
  );
}

const issuesOf = (result: Validation<unknown>): BankIssue[] => (result.ok ? [] : result.issues);
const show = (issues: { path: string; message?: string }[]) =>
  issues.map((i) => `  ${i.path || '(root)'}: ${i.message ?? ''}`).join('\n');

/** Where each bad fixture is broken, and a word the validator's message must contain. */
const BAD: Record<string, { path: string; says: string }> = {
  'bank-bad-missing-answer.json': { path: 'questions[0].answer', says: 'expected a string, got nothing' },
  'bank-bad-kind.json': { path: 'questions[0].kind', says: 'expected "concept" or "coding", got "quiz"' },
  'bank-bad-id-not-slug.json': { path: 'id', says: 'expected a slug' },
  'bank-bad-no-topics.json': { path: 'questions[0].topics', says: 'expected at least one topic' },
  'bank-bad-multiline-title.json': { path: 'questions[0].title', says: 'one non-empty line' },
  'bank-bad-short-title-two-lines.json': { path: 'shortTitle', says: 'one non-empty line' },
  'bank-bad-one-choice.json': { path: 'questions[0].choices', says: 'at least two choices, got 1' },
  'bank-bad-no-correct-choice.json': { path: 'questions[0].choices', says: '"correct": true' },
  'bank-bad-correct-not-boolean.json': { path: 'questions[0].choices[0].correct', says: 'expected true or false, got "yes"' },
  'bank-bad-variant-of.json': { path: 'questions[0].variantOf', says: 'bank-id/question-id' },
  'bank-bad-language.json': { path: 'language', says: 'language tag' },
  'bank-bad-format.json': { path: 'format', says: 'unsupported bank format "quiz-bank/2"' },
  'bank-bad-empty-prompt.json': { path: 'questions[0].prompt', says: 'expected a non-empty string' },
  'bank-bad-question-not-object.json': { path: 'questions[1]', says: 'expected an object, got an array' },
  'bank-bad-root-array.json': { path: '', says: 'expected a JSON object, got an array' },
  'bank-bad-is-catalog.json': { path: 'format', says: 'this is a catalog' },
  'bank-bad-true-false-without-truth.json': { path: 'questions[0].isTrue', says: 'expected true or false, got nothing' },
  'bank-bad-numeric-range-and-value.json': { path: 'questions[0].numeric', says: 'or "min" and "max" (min ≤ max) without "value"' },
  'bank-bad-ordering-one-item.json': { path: 'questions[0].items', says: 'at least two items, got 1' },
  'bank-bad-matching-pair-without-right.json': { path: 'questions[0].pairs[1].right', says: 'expected a string, got nothing' },
  'bank-bad-fill-in-blank-without-answers.json': { path: 'questions[0].blanks[0].accept', says: 'at least one accepted answer' },
  'catalog-bad-question-count.json': { path: 'banks[1].questionCount', says: 'whole number (0 or more), got -1' },
  'catalog-bad-missing-src.json': { path: 'banks[0].src', says: 'expected a string, got nothing' },
  'catalog-bad-is-bank.json': { path: 'format', says: 'this is a bank' },
};

const files = readdirSync(fixtures).filter((f) => f.endsWith('.json')).sort();
const pick = (file: string) =>
  file.startsWith('catalog-')
    ? { schema: catalogSchema, validate: validateCatalog }
    : { schema: bankSchema, validate: validateBank };

describe('fixtures: the JSON Schemas and the validator agree', () => {
  test('every fixture is named bank-good-*, bank-bad-*, catalog-good* or catalog-bad-*, and every bad one says where it is broken', () => {
    assert.ok(files.length >= 10, `expected fixtures in ${fixtures}`);
    for (const file of files) {
      assert.match(file, /^(bank|catalog)-(good|bad)/, file);
      if (file.includes('-bad-')) assert.ok(BAD[file], `${file} has no entry in BAD`);
    }
    for (const file of Object.keys(BAD)) assert.ok(files.includes(file), `BAD names ${file}, which does not exist`);
  });

  for (const file of files.filter((f) => !f.includes('-bad-'))) {
    test(`${file} passes both`, () => {
      const data = readJson(join(fixtures, file));
      const { schema, validate } = pick(file);
      assert.equal(schema(data), true, `JSON Schema rejects ${file}:\n${show((schema.errors ?? []).map((e) => ({ path: ajvPath(e), message: e.message })))}`);
      const result = validate(data);
      assert.ok(result.ok, `validator rejects ${file}:\n${show(issuesOf(result))}`);
    });
  }

  for (const [file, expected] of Object.entries(BAD)) {
    test(`${file} fails both at ${expected.path || '(root)'}`, () => {
      const data = readJson(join(fixtures, file));
      const { schema, validate } = pick(file);
      assert.equal(schema(data), false, `JSON Schema accepts ${file}`);
      const schemaPaths = (schema.errors ?? []).map(ajvPath);
      assert.ok(schemaPaths.includes(expected.path), `JSON Schema reports ${schemaPaths.join(', ')}; expected ${expected.path}`);
      const issues = issuesOf(validate(data));
      assert.deepEqual(issues.map((i) => i.path), [expected.path], `validator reports:\n${show(issues)}`);
      assert.ok(issues[0]!.message.includes(expected.says), `"${issues[0]!.message}" does not say "${expected.says}"`);
    });
  }

  test('both refuse any string over 100,000 characters, counting characters (code points) alike', () => {
    const minimal = readJson(join(fixtures, 'bank-good-minimal.json')) as { questions: Record<string, unknown>[] };
    const cases: [string, string, boolean][] = [
      ['answer', 'a'.repeat(MAX_TEXT_LENGTH), true],
      ['answer', 'a'.repeat(MAX_TEXT_LENGTH + 1), false],
      // 100,000 characters outside the BMP are 200,000 UTF-16 code units.
      ['answer', '😀'.repeat(MAX_TEXT_LENGTH), true],
      ['answer', `${'😀'.repeat(MAX_TEXT_LENGTH)}a`, false],
      ['title', 'T'.repeat(5 * 1024 * 1024), false],
      ['hint', ' x'.repeat(MAX_TEXT_LENGTH), false],
    ];
    for (const [field, value, valid] of cases) {
      const bank = structuredClone(minimal);
      bank.questions[0]![field] = value;
      const where = `${field} of ${value.length} code units`;
      assert.equal(bankSchema(bank), valid, `JSON Schema on ${where}`);
      const issues = issuesOf(validateBank(bank));
      assert.deepEqual(issues.map((i) => i.path), valid ? [] : [`questions[0].${field}`], `validator on ${where}`);
      if (!valid) assert.match(issues[0]!.message, /^expected at most 100,000 characters, got [\d,]+$/);
    }
  });

  test('the validator checks what the JSON Schema cannot: unique ids and topic references', () => {
    const bank = readJson(join(fixtures, 'bank-good-full.json')) as { questions: { id: string; topics: string[] }[] };
    bank.questions[2]!.id = bank.questions[0]!.id;
    bank.questions[2]!.topics.push('no-such-topic');
    assert.equal(bankSchema(bank), true, 'only the validator should catch these');
    assert.deepEqual(
      issuesOf(validateBank(bank)).map((i) => i.path),
      ['questions[2].id', 'questions[2].topics[2]'],
    );
  });
});

test('bundled banks: data/banks/index.json and every bank it lists are valid', (t) => {
  assert.ok(
    existsSync(catalogIndex),
    `${relative(root, catalogIndex)} does not exist: the bundled banks are required (generate them with \`npm run data\`).`,
  );
  const problems: string[] = [];
  const catalog = readJson(catalogIndex);
  if (!catalogSchema(catalog))
    problems.push(`index.json fails catalog.schema.json:\n${show((catalogSchema.errors ?? []).map((e) => ({ path: ajvPath(e), message: e.message })))}`);
  const checked = validateCatalog(catalog);
  if (!checked.ok) problems.push(`index.json fails validateCatalog:\n${show(checked.issues)}`);
  else {
    assert.ok(checked.value.banks.length > 0, 'index.json lists no banks');
    for (const entry of checked.value.banks) {
      const file = fileURLToPath(new URL(entry.src, pathToFileURL(catalogIndex)));
      const where = `${entry.id} (${relative(root, file)})`;
      if (!existsSync(file)) {
        problems.push(`${where}: src "${entry.src}" does not resolve to a file`);
        continue;
      }
      const bank = readJson(file);
      if (!bankSchema(bank))
        problems.push(`${where} fails bank.schema.json:\n${show((bankSchema.errors ?? []).map((e) => ({ path: ajvPath(e), message: e.message })))}`);
      const result = validateBank(bank);
      if (!result.ok) {
        problems.push(`${where} fails validateBank:\n${show(result.issues)}`);
        continue;
      }
      if (result.warnings.length) t.diagnostic(`${where} warnings:\n${show(result.warnings)}`);
      if (result.value.id !== entry.id) problems.push(`${where}: catalog id "${entry.id}" but the bank's id is "${result.value.id}"`);
      if (result.value.questions.length !== entry.questionCount)
        problems.push(`${where}: questionCount is ${entry.questionCount} but the bank has ${result.value.questions.length} questions`);
    }
  }
  assert.deepEqual(problems, [], `\n${problems.join('\n')}`);
});
