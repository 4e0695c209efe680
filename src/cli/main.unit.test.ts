import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { unzipSync } from 'fflate';
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

describe('quiz-elements import: what is typed and what is on disk', () => {
  const english = join(fixtures, 'english.md');

  it('a non-JSON index.json in --out: says which file and what to do, exit 2, nothing written', async () => {
    const out = join(work, 'html-catalog');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.json'), '<!doctype html><title>404</title>\n');
    const result = await run('import', english, '--out', out);
    assert.equal(result.code, 2);
    assert.match(result.err, /html-catalog[\\/]index\.json is not valid JSON \(Unexpected token .*\), so the catalog cannot be updated\./);
    assert.match(result.err, /Fix it, delete it \(the import then starts a new catalog\) or choose another --out; nothing was written\./);
    assert.doesNotMatch(result.err, /Usage:/, 'a file problem, not a usage mistake');
    assert.equal(result.out, '', 'stops before importing');
    assert.deepEqual(readdirSync(out), ['index.json']);
    assert.equal(readFileSync(join(out, 'index.json'), 'utf8'), '<!doctype html><title>404</title>\n');
  });

  it('an index.json in --out that is JSON but not a catalog: its problems and what to do, exit 2', async () => {
    const out = join(work, 'bank-as-catalog');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'index.json'), '{"format":"quiz-catalog/1","banks":"none"}');
    const result = await run('import', english, '--out', out);
    assert.equal(result.code, 2);
    assert.match(result.err, /index\.json is not a valid catalog, so it cannot be updated:\n.*banks: expected an array/);
    assert.match(result.err, /choose another --out; nothing was written/);
    assert.deepEqual(readdirSync(out), ['index.json']);
  });

  it('a bad --language is a usage mistake naming the flag, with the likely fix: exit 2, nothing written', async () => {
    const out = join(work, 'bad-language');
    const result = await run('import', english, '--out', out, '--language', 'en_US');
    assert.equal(result.code, 2);
    assert.match(result.err, /--language: "en_US" is not a language tag; give a BCP 47 tag such as en, en-GB or zh-CN \(did you mean "en-US"\?\)/);
    assert.match(result.err, /--language <tag> +the language of every bank/, 'the usage follows');
    assert.doesNotMatch(`${result.out}${result.err}`, /english\.md:1: warning: language/, 'not blamed on the document');
    assert.equal(existsSync(out), false);
    const other = await run('import', english, '--out', out, '--language', 'not a tag');
    assert.equal(other.code, 2);
    assert.match(other.err, /--language: "not a tag" is not a language tag; give a BCP 47 tag such as en, en-GB or zh-CN\n/);
  });

  it('a bad --id is a usage mistake with a slug to use instead', async () => {
    const result = await run('import', english, '--out', join(work, 'bad-id'), '--id', 'My Bank');
    assert.equal(result.code, 2);
    assert.match(result.err, /--id: "My Bank" is not a bank id; use lower-case letters, digits and single hyphens, e.g. "my-bank"/);
    assert.equal(existsSync(join(work, 'bad-id')), false);
  });

  it('a config entry with a bad language or id, or that is not an object: the config path and exit 2, no crash', async () => {
    const dir = join(work, 'bad-config');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'banks.config.json');
    const cases: [unknown, RegExp][] = [
      [{ out: 'banks', banks: [{ source: english, language: 5 }] }, /banks\.config\.json: banks\[0\]\.language: 5 is not a language tag/],
      [{ out: 'banks', banks: [{ source: english, language: 'zh_CN' }] }, /banks\[0\]\.language: "zh_CN" is not a language tag; .* \(did you mean "zh-CN"\?\)/],
      [{ out: 'banks', banks: [{ source: english, id: 'ML Basics' }] }, /banks\[0\]\.id: "ML Basics" is not a bank id; .*e\.g\. "ml-basics"/],
      [{ out: 'banks', banks: [null] }, /banks\[0\]: expected \{ "id": …, "source": … \}/],
      [{ out: 'banks', banks: [{ source: english, shortTitle: 'ML\nbasics' }] }, /banks\[0\]\.shortTitle: expected one line of text \(a word or two naming the bank\), got "ML\\nbasics"/],
      [{ out: 'banks', banks: [{ source: english, shortTitle: 7 }] }, /banks\[0\]\.shortTitle: expected one line of text .*got 7/],
      [{ out: 'banks', topics: 5, banks: [{ source: english }] }, /topics: expected the path of a topic rules file/],
      [[], /expected a JSON object with "out" and "banks"/],
    ];
    for (const [value, message] of cases) {
      writeFileSync(config, JSON.stringify(value));
      const result = await run('import', '--config', config);
      assert.equal(result.code, 2, `${JSON.stringify(value)}: ${result.err}`);
      assert.match(result.err, message);
      assert.equal(existsSync(join(dir, 'banks')), false);
    }
  });

  it('--config with --out, --topics and --language: the flags win over the config, and each override is said', async () => {
    const dir = join(work, 'override');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'banks.config.json');
    writeFileSync(config, JSON.stringify({ out: 'banks', banks: [{ id: 'ml', source: english, language: 'de' }] }));
    const preview = join(work, 'override-preview');
    const topics = fileURLToPath(new URL('../../data/topics.json', import.meta.url));
    const result = await run('import', '--config', config, '--out', preview, '--topics', topics, '--language', 'en-GB');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /note: --out \S*override-preview replaces "out": "banks" of .*banks\.config\.json/);
    assert.match(result.out, /note: --language en-GB replaces the "language" of every bank in .*banks\.config\.json/);
    assert.equal(existsSync(join(dir, 'banks')), false, 'the config\'s out is left alone');
    const bank = JSON.parse(readFileSync(join(preview, 'ml.json'), 'utf8'));
    assert.equal(bank.language, 'en-GB');
    const rules = JSON.parse(readFileSync(topics, 'utf8'));
    const ruleIds = new Set(rules.topics.map((t: { id: string }) => t.id));
    assert.ok(bank.topics.some((t: { id: string }) => ruleIds.has(t.id)), `topics from --topics: ${JSON.stringify(bank.topics)}`);
  });

  it('--config: a bank\'s "shortTitle" goes into its bank', async () => {
    const dir = join(work, 'short-title');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'banks.config.json');
    writeFileSync(config, JSON.stringify({ out: 'banks', banks: [{ id: 'ml', source: english, shortTitle: ' ML ' }] }));
    const result = await run('import', '--config', config);
    assert.equal(result.code, 0, result.err);
    const bank = JSON.parse(readFileSync(join(dir, 'banks', 'ml.json'), 'utf8'));
    assert.equal(bank.shortTitle, 'ML');
    assert.deepEqual(Object.keys(bank).slice(0, 5), ['format', 'id', 'title', 'shortTitle', 'language']);
  });

  it('--config with --id is refused: a config names each bank itself', async () => {
    const dir = join(work, 'config-id');
    mkdirSync(dir, { recursive: true });
    const config = join(dir, 'banks.config.json');
    writeFileSync(config, JSON.stringify({ out: 'banks', banks: [{ source: english }] }));
    const result = await run('import', '--config', config, '--id', 'mine');
    assert.equal(result.code, 2);
    assert.match(result.err, /--id names the bank of one document; with --config, give each bank its "id" in the config/);
    assert.equal(existsSync(join(dir, 'banks')), false);
  });

  it('--help says how flags and a config combine, and the exit codes', async () => {
    const help = (await run('import', '--help')).out;
    assert.match(help, /With --config, flags win over the config: --out replaces its "out", --topics its "topics" and\n--language every bank's "language"/);
    assert.match(help, /--id is refused there/);
    assert.match(help, /Exit codes: 0 written/);
  });

  it('an --out below a file: says so, exit 2, no crash', async () => {
    const file = join(work, 'a-file');
    writeFileSync(file, 'x');
    const result = await run('import', english, '--out', join(file, 'banks'));
    assert.equal(result.code, 2);
    assert.match(result.err, /cannot read .*a-file[\\/]banks[\\/]index\.json: ENOTDIR \(a part of that path is a file, not a folder\)/);
  });

  it('an --out that cannot be written (with --config, which reads no catalog first): exit 1, says what', async () => {
    const dir = join(work, 'unwritable');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'taken'), 'x');
    const config = join(dir, 'banks.config.json');
    writeFileSync(config, JSON.stringify({ out: 'taken/banks', banks: [{ source: english }] }));
    const result = await run('import', '--config', config);
    assert.equal(result.code, 1);
    assert.match(result.err, /cannot write .*taken[\\/]banks: ENOTDIR \(is --out a folder you can write to\?\); nothing was written/);
  });

  it('a file that cannot be renamed into place (a folder has its name): exit 1, and no temporary file is left', async () => {
    const out = join(work, 'rename-fails');
    mkdirSync(join(out, 'english.json'), { recursive: true }); // the bank's name is taken by a folder
    const result = await run('import', english, '--out', out, '--id', 'english');
    assert.equal(result.code, 1);
    assert.match(result.err, /nothing was written/);
    assert.deepEqual(readdirSync(out).filter((name) => name.endsWith('.tmp')), [], 'no temporary file left behind');
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

describe('quiz-elements package', () => {
  const packageFixtures = fileURLToPath(new URL('../../test/fixtures/package/', import.meta.url));
  const questionTypes = fileURLToPath(new URL('../../demo/banks/question-types.json', import.meta.url));
  // A stand-in for dist/cdn, so these tests need no build.
  const cdnDir = join(work, 'cdn');
  mkdirSync(join(cdnDir, 'chunks'), { recursive: true });
  writeFileSync(join(cdnDir, 'quiz-elements.js'), 'export const configureLearningRecords = () => Promise.resolve();\n');
  writeFileSync(join(cdnDir, 'quiz-elements.js.map'), '{}');
  writeFileSync(join(cdnDir, 'chunks', 'markdown-x.js'), 'export {};\n');

  async function pack(...args: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['package', ...args], { out: (t) => out.push(t), err: (t) => err.push(t) }, { cdnDir });
    return { code, out: out.join('\n'), err: err.join('\n') };
  }
  const unzip = (path: string) => unzipSync(new Uint8Array(readFileSync(path)));
  const text = (files: Record<string, Uint8Array>, path: string) => new TextDecoder().decode(files[path]);

  for (const [flag, descriptor, kind] of [['--scorm12', 'imsmanifest.xml', 'SCORM 1.2'], ['--scorm2004', 'imsmanifest.xml', 'SCORM 2004 4th edition'], ['--cmi5', 'cmi5.xml', 'cmi5']] as const) {
    it(`${flag}: a zip with the CDN build, the bank, the launch page and ${descriptor}`, async () => {
      const zip = join(work, 'out', `course${flag}.zip`);
      const result = await pack(questionTypes, flag, '--out', zip, '--pass-mark', '80%', '--mode', 'exam');
      assert.equal(result.code, 0, result.err);
      assert.match(result.out, new RegExp(`course${flag}\\.zip: ${kind} package, 1 bank, 9 questions, 7 files, \\d+ KB`));
      const files = unzip(zip);
      assert.deepEqual(Object.keys(files).sort(), ['bank.json', 'chunks/markdown-x.js', descriptor, 'index.html', 'launch.css', 'launch.js', 'quiz-elements.js'].sort());
      assert.match(text(files, 'index.html'), /<quiz-card id="card-question-types" src="bank\.json" count="9" progress-key="question-types" mode="exam" pass-mark="80">/);
      assert.match(text(files, 'launch.js'), new RegExp(`configureLearningRecords\\('${flag === '--cmi5' ? 'cmi5' : 'scorm'}'\\)`));
      if (flag === '--cmi5') assert.match(text(files, 'cmi5.xml'), /masteryScore="0\.8"/);
    });
  }

  it('a catalog: every bank it lists, one card each; --title and --id name the course', async () => {
    const zip = join(work, 'out', 'catalog.zip');
    const result = await pack(join(packageFixtures, 'catalog.json'), '--scorm2004', '--out', zip, '--title', 'Two banks & more', '--id', 'two-banks');
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /2 banks, 2 questions/);
    const files = unzip(zip);
    assert.ok(files['banks/tricky-text.json'] && files['banks/second.json']);
    assert.equal(text(files, 'index.html').match(/<quiz-card /g)?.length, 2);
    assert.match(text(files, 'imsmanifest.xml'), /identifier="manifest-two-banks"[\s\S]*<title>Two banks &amp; more<\/title>/);
  });

  it('an invalid bank: the validator\'s messages, exit 1, nothing written', async () => {
    const zip = join(work, 'out', 'invalid.zip');
    const result = await pack(join(packageFixtures, 'invalid-bank.json'), '--scorm12', '--out', zip);
    assert.equal(result.code, 1);
    assert.match(result.err, /invalid-bank\.json: invalid bank, nothing packaged\n {2}id: expected a slug/);
    assert.equal(existsSync(zip), false);
  });

  it('a missing bank file, or no CDN build: a clear error and exit 1', async () => {
    const missing = await pack(join(work, 'nope.json'), '--cmi5', '--out', join(work, 'out', 'x.zip'));
    assert.equal(missing.code, 1);
    assert.match(missing.err, /cannot read bank or catalog .*nope\.json: ENOENT/);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['package', questionTypes, '--cmi5', '--out', join(work, 'out', 'y.zip')], { out: (t) => out.push(t), err: (t) => err.push(t) }, { cdnDir: join(work, 'no-cdn') });
    assert.equal(code, 1);
    assert.match(err.join('\n'), /the CDN build is missing: .* run `npm run build` first/);
  });

  it('usage errors: no kind, two kinds, no --out, unknown flags, bad pass mark, bad mode', async () => {
    const cases: [string[], RegExp][] = [
      [[questionTypes, '--out', 'x.zip'], /needs the kind of package: --scorm12, --scorm2004 or --cmi5/],
      [[questionTypes, '--scorm12', '--cmi5', '--out', 'x.zip'], /give one kind of package, not --scorm12 and --cmi5/],
      [[questionTypes, '--scorm2004'], /needs --out <course\.zip>/],
      [[questionTypes, '--scorm2004', '--out', 'x.zip', '--scorm3'], /Unknown option '--scorm3'/],
      [['--scorm2004', '--out', 'x.zip'], /needs a bank or catalog JSON file/],
      [[questionTypes, questionTypes, '--cmi5', '--out', 'x.zip'], /takes one bank or catalog/],
      [[questionTypes, '--cmi5', '--out', 'x.zip', '--pass-mark', '120'], /--pass-mark: expected a percentage from 0 to 100/],
      [[questionTypes, '--cmi5', '--out', 'x.zip', '--pass-mark', '0.8'], /for 80% write 80/],
      [[questionTypes, '--cmi5', '--out', 'x.zip', '--mode', 'quiz'], /--mode: expected exam or practice/],
      [[questionTypes, '--cmi5', '--out', 'x.zip', '--id', 'Not a slug'], /--id: expected a slug/],
    ];
    for (const [args, message] of cases) {
      const result = await pack(...args);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.err}`);
      assert.match(result.err, message);
      assert.match(result.err, /quiz-elements package: a bank or catalog/, 'the usage follows');
    }
  });

  it('--help and the general usage name the command', async () => {
    const help = await pack('--help');
    assert.equal(help.code, 0);
    assert.match(help.out, /--scorm12\s+SCORM 1\.2/);
    const usage = await run('--help');
    assert.match(usage.out, /package\s+builds a SCORM 1\.2, SCORM 2004 or cmi5 package/);
  });
});

describe('quiz-elements export', () => {
  const bank = fileURLToPath(new URL('../../data/banks/llm-startup-interview.json', import.meta.url));

  it('--gift --out writes the GIFT file', async () => {
    const out = join(work, 'export', 'bank.gift');
    const result = await run('export', '--gift', bank, '--out', out);
    assert.equal(result.code, 0);
    assert.match(readFileSync(out, 'utf8'), /::/);
  });

  it('an --out that cannot be written: exit 1, says what, no crash and no temporary file', async () => {
    const dir = join(work, 'export-fails');
    mkdirSync(join(dir, 'bank.gift'), { recursive: true }); // a folder has the file's name
    const result = await run('export', '--gift', bank, '--out', join(dir, 'bank.gift'));
    assert.equal(result.code, 1);
    assert.match(result.err, /cannot write .*bank\.gift: \w+ \(is --out a file path you can write to\?\); nothing was written/);
    assert.deepEqual(readdirSync(dir), ['bank.gift']);
  });
});
