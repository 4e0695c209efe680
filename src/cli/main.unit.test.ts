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

  it('prints file:line errors, exits 1 and writes nothing for a malformed document', async () => {
    const out = join(work, 'never');
    const result = await run('import', join(fixtures, 'english.md'), join(fixtures, 'malformed-problems.md'), '--out', out);
    assert.equal(result.code, 1);
    assert.match(result.err, /malformed-problems\.md:3: error: question 1 "A question without answer" has no answer/);
    assert.match(result.err, /malformed-problems\.md:19: error: code fence/);
    assert.match(result.err, /nothing was written/);
    assert.equal(existsSync(out), false, 'not even the good document is written');
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
