import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { main } from './main.js';

const fixtures = fileURLToPath(new URL('../../test/fixtures/import/', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'quiz-cli-'));
after(() => rmSync(work, { recursive: true, force: true }));

async function run(...args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(args, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('quiz-elements import', () => {
  it('writes the bank and a catalog listing it', async () => {
    const out = join(work, 'banks');
    const result = await run('import', join(fixtures, 'english.md'), '--out', out);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /ml-interview-basics\.json: 5 questions/);
    const bank = JSON.parse(readFileSync(join(out, 'ml-interview-basics.json'), 'utf8'));
    assert.equal(bank.questions.length, 5);
    const catalog = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    assert.deepEqual(catalog, {
      format: 'quiz-catalog/1',
      banks: [{ id: 'ml-interview-basics', title: 'Machine learning interview basics', language: 'en', questionCount: 5, src: './ml-interview-basics.json' }],
    });
  });

  it('adds a second bank to the existing catalog, keeping the first', async () => {
    const out = join(work, 'banks');
    const doc = join(work, 'extra.md');
    writeFileSync(doc, '# Extra\n\n### 1. One more?\n\n**Answer:** yes\n');
    const result = await run('import', doc, '--out', out, '--id', 'extra-bank');
    assert.equal(result.code, 0, result.err);
    const catalog = JSON.parse(readFileSync(join(out, 'index.json'), 'utf8'));
    assert.deepEqual(catalog.banks.map((b: { id: string }) => b.id), ['ml-interview-basics', 'extra-bank']);
  });

  it('skips what it cannot read with file:line warnings, writes the rest and sums up each document', async () => {
    const out = join(work, 'partial');
    const result = await run('import', join(fixtures, 'english.md'), join(fixtures, 'malformed-problems.md'), '--out', out);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /malformed-problems\.md:3: warning: question 1 "A question without answer" is skipped: it has no answer; add \*\*Answer:\*\* under it/);
    assert.match(result.out, /malformed-problems\.md:19: warning: code fence/);
    assert.match(result.out, /malformed-problems\.md: 2 questions, 1 skipped \(line 3\), 3 warnings$/m);
    assert.match(result.out, /english\.md: 5 questions, \d+ warnings?$/m);
    assert.ok(existsSync(join(out, 'malformed-problems.json')));
  });

  it('--strict turns warnings into errors: exit 1, nothing written', async () => {
    const out = join(work, 'strict');
    const result = await run('import', join(fixtures, 'malformed-problems.md'), '--out', out, '--strict');
    assert.equal(result.code, 1);
    assert.match(result.err, /malformed-problems\.md:3: error: question 1 "A question without answer" is skipped/);
    assert.match(result.err, /--strict: warnings count as errors\); nothing was written/);
    assert.equal(existsSync(out), false);
  });

  it('still fails on a document with no question at all, with or without --strict', async () => {
    const out = join(work, 'empty');
    const result = await run('import', join(fixtures, 'malformed-no-questions.md'), '--out', out);
    assert.equal(result.code, 1);
    assert.match(result.err, /malformed-no-questions\.md:1: error: no question found/);
    assert.match(result.out, /malformed-no-questions\.md: not imported, 0 warnings, 1 error$/m);
    assert.equal(existsSync(out), false);
  });

  it('answers --help for every command', async () => {
    for (const command of ['import', 'export', 'validate']) {
      const result = await run(command, '--help');
      assert.equal(result.code, 0, command);
      assert.match(result.out, new RegExp(`^quiz-elements ${command}: `), command);
      assert.match(result.out, /Usage:/);
    }
    assert.match((await run('import', '--strict', '--help')).out, /--strict +warnings are errors/);
  });

  it('refuses two documents that claim the same bank id', async () => {
    const result = await run('import', join(fixtures, 'english.md'), join(fixtures, 'english.md'), '--out', join(work, 'dup'));
    assert.equal(result.code, 1);
    assert.match(result.err, /bank id "ml-interview-basics" is already used by/);
  });

  it('explains usage mistakes with exit code 2', async () => {
    assert.equal((await run('import', join(fixtures, 'english.md'))).code, 2);
    const unknown = await run('frobnicate');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /unknown command "frobnicate"/);
    const missing = await run('import', join(work, 'nope.md'), '--out', work);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /cannot read .*nope\.md: ENOENT/);
  });

  it('--check reports stale files without writing', async () => {
    const dir = join(work, 'check');
    const config = join(dir, 'config.json');
    await run('import', join(fixtures, 'english.md'), '--out', join(dir, 'banks'));
    writeFileSync(config, JSON.stringify({ out: 'banks', banks: [{ id: 'ml-interview-basics', source: join(fixtures, 'english.md') }] }));
    assert.equal((await run('import', '--config', config, '--check')).code, 0);
    writeFileSync(join(dir, 'banks', 'ml-interview-basics.json'), '{}\n');
    const stale = await run('import', '--config', config, '--check');
    assert.equal(stale.code, 1);
    assert.match(stale.err, /out of date[\s\S]*ml-interview-basics\.json/);
    assert.equal(readFileSync(join(dir, 'banks', 'ml-interview-basics.json'), 'utf8'), '{}\n');
    assert.deepEqual(readdirSync(join(dir, 'banks')).sort(), ['index.json', 'ml-interview-basics.json']);
  });
});

describe('quiz-elements validate', () => {
  it('accepts the bundled banks and catalog', async () => {
    const data = fileURLToPath(new URL('../../data/banks/', import.meta.url));
    const files = readdirSync(data).map((f) => join(data, f));
    const result = await run('validate', ...files);
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /index\.json: ok \(5 banks\)/);
    assert.match(result.out, /llm-business-models\.json: ok \(100 questions\)/);
  });

  it('prints every problem with its JSON path and exits 1', async () => {
    const bad = join(work, 'bad.json');
    writeFileSync(bad, JSON.stringify({
      format: 'quiz-bank/1', id: 'b', title: 'B', language: 'en', topics: [{ id: 't', title: 'T' }],
      questions: [{ id: 'q', kind: 'concept', title: 'Q', prompt: 'p', answer: 42, topics: ['t'] }],
    }));
    const result = await run('validate', bad);
    assert.equal(result.code, 1);
    assert.match(result.err, /questions\[0\]\.answer: expected a string/);
  });

  it('says what is wrong with a file that is not JSON', async () => {
    const html = join(work, 'page.json');
    writeFileSync(html, '<!doctype html><title>404</title>');
    const result = await run('validate', html);
    assert.equal(result.code, 1);
    assert.match(result.err, /is not valid JSON/);
  });
});
