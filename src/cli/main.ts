import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LANGUAGE } from '../bank/schema.js';
import { CATALOG_FORMAT, type Bank, type Catalog } from '../bank/types.js';
import { formatIssues, validateBank, validateCatalog } from '../bank/validate.js';
import { formatDiagnostic, type ImportDiagnostic } from '../import/diagnostics.js';
import { buildCatalog, importDocuments, toJsonFile, type SourceDocument } from '../import/documents.js';
import { exportGift } from '../import/gift.js';
import { documentSummary, plural } from '../import/summary.js';
import { isSlug } from '../import/question-id.js';
import { checkTopicRules, type TopicRules } from '../import/topics.js';
import { packageFiles, zipPackage, type PackageKind } from '../package/build.js';
import { DEFAULT_CDN_DIR, PackageInputError, readCdnBuild, readPackageBanks } from '../package/files.js';

const IMPORT_USAGE = `quiz-elements import: documents (Q&A markdown in any common layout, quizdown, LiaScript, Moodle GIFT) → banks

Usage:
  quiz-elements import <file.md|file.gift…> --out <dir> [--topics <topics.json>] [--id <bank-id>] [--language <tag>] [--strict]
  quiz-elements import --config <banks.config.json> [--out <dir>] [--topics <topics.json>] [--language <tag>] [--check] [--strict]

Writes <dir>/<bank-id>.json for each document and lists them in <dir>/index.json. A question the
importer cannot read is skipped with a file:line warning; the bank is written with the rest, and
each document ends with a summary ("notes.md: 93 questions, 2 skipped (lines 40, 212), 4 warnings").
A document with no question at all is an error: nothing is written.

  --out <dir>        the folder for the bank files
  --topics <file>    topic rules (like data/topics.json); without them each question's topic is its
                     section ("## Networking"), else one neutral topic
  --id <bank-id>     the bank id (one document only); otherwise front matter "id:" or the file name
  --language <tag>   the language of every bank (a BCP 47 tag: en, en-GB, zh-CN); otherwise front
                     matter or detected
  --strict           warnings are errors: exit 1 and write nothing (for checking banks in CI)
  --config <file>    import the documents a config file lists (see data/banks.config.json)
  --check            write nothing; exit 1 when the files on disk differ from a fresh import

With --config, flags win over the config: --out replaces its "out", --topics its "topics" and
--language every bank's "language" (paths in flags are relative to the current folder, paths in
the config to the config). --id is refused there: give each bank its "id" in the config.

Exit codes: 0 written (warnings included); 1 import errors (warnings too with --strict), --check
found stale files, or a file could not be written; 2 a mistake in the command, or a config, topic
rules, document or index.json in --out that cannot be used.
`;

const EXPORT_USAGE = `quiz-elements export: a bank → another format

Usage:
  quiz-elements export --gift <bank.json> [--out <file.gift>]

  --gift <bank.json>  write the bank as Moodle GIFT (to standard output, or to --out). Importing the
                      file again gives the same questions, answers, choices, feedback and topics;
                      hints, examples and the coding kind have no place in GIFT and are left out
                      (the command says how many).
  --out <file>        write here instead of standard output
`;

const VALIDATE_USAGE = `quiz-elements validate: check banks and catalogs

Usage:
  quiz-elements validate <bank-or-catalog.json…>

Prints every problem with its JSON path and exits 1 when a file is invalid.
`;

const PACKAGE_USAGE = `quiz-elements package: a bank or catalog → a zip to upload to a learning platform (LMS)

Usage:
  quiz-elements package <bank.json|catalog.json> --scorm12|--scorm2004|--cmi5 --out <course.zip> [--pass-mark <percent>] [--mode exam] [--title <text>] [--id <slug>]

The zip holds the CDN build, the bank (a catalog: every bank it lists, one card each), a launch
page that shows the whole bank as one practice set, and the descriptor the LMS reads. The page
reports score, completion, pass/fail, every answer, and resume data to the LMS.

  --scorm12          SCORM 1.2 (imsmanifest.xml)
  --scorm2004        SCORM 2004 4th edition (imsmanifest.xml)
  --cmi5             cmi5 (cmi5.xml; the page reports to the LRS the LMS launches it with)
  --out <file>       the zip to write
  --pass-mark <n>    percentage needed to pass (0-100, e.g. 80): the LMS records passed or failed
  --mode exam        answers are checked at the end, as in an exam; otherwise practice with feedback
  --title <text>     the course title (default: the bank's title)
  --id <slug>        the identifier the LMS knows the course by (default: the bank's id); keep it
                     the same for updates of the same course
`;

const USAGE = `quiz-elements: question banks for quiz web components

Usage:
  quiz-elements import <file.md|file.gift…> --out <dir> [--topics <topics.json>] [--strict] …
  quiz-elements import --config <banks.config.json> [--out <dir>] [--check] …
  quiz-elements export --gift <bank.json> [--out <file.gift>]
  quiz-elements validate <bank-or-catalog.json…>
  quiz-elements package <bank.json|catalog.json> --scorm12|--scorm2004|--cmi5 --out <course.zip>
  quiz-elements <command> --help

import    turns documents (Q&A markdown, quizdown, LiaScript, GIFT) into banks
export    writes a bank as Moodle GIFT
validate  checks banks and catalogs and prints every problem with its JSON path
package   builds a SCORM 1.2, SCORM 2004 or cmi5 package (zip) from a bank or catalog
`;

const COMMAND_USAGE: Record<string, string> = { import: IMPORT_USAGE, export: EXPORT_USAGE, validate: VALIDATE_USAGE, package: PACKAGE_USAGE };

interface Output {
  out: (text: string) => void;
  err: (text: string) => void;
}

const console_: Output = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
};

/** A mistake in the command line: the message, then the command's usage, exit 2. */
class UsageError extends Error {}

/** A file the command was pointed at that cannot be used (unreadable, not JSON, invalid): the message alone, exit 2. */
class InputError extends Error {}

/** JSON.parse's own words on one line, without a byte-order mark tripping it. */
function parseJson(text: string): unknown {
  return JSON.parse(text.replace(/^\uFEFF/, '')) as unknown;
}

function jsonProblem(error: unknown): string {
  return (error as Error).message.replace(/\s+/g, ' ').trim();
}

async function readJson(path: string | URL, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read ${what} ${String(path)}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return parseJson(text);
  } catch (error) {
    throw new InputError(`${String(path)}: ${what} is not valid JSON (${jsonProblem(error)})`);
  }
}

async function readTopics(path: string | URL): Promise<TopicRules> {
  const rules = await readJson(path, 'topic rules');
  const problems = checkTopicRules(rules);
  if (problems.length > 0) throw new InputError(problems.map((p) => `${String(path)}: ${p}`).join('\n'));
  return rules as TopicRules;
}

/** Why `value` is not a language tag the bank format accepts, with the likely fix; null when it is one. */
function languageProblem(value: unknown): string | null {
  if (typeof value === 'string' && LANGUAGE.test(value)) return null;
  const fixed = typeof value === 'string' ? value.trim().replace(/_/g, '-') : '';
  const hint = fixed !== value && LANGUAGE.test(fixed) ? ` (did you mean "${fixed}"?)` : '';
  return `${JSON.stringify(value)} is not a language tag; give a BCP 47 tag such as en, en-GB or zh-CN${hint}`;
}

function idProblem(value: unknown): string | null {
  if (typeof value === 'string' && isSlug(value)) return null;
  const slug = typeof value === 'string' ? value.trim().toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') : '';
  return `${JSON.stringify(value)} is not a bank id; use lower-case letters, digits and single hyphens${slug ? `, e.g. "${slug}"` : ''}`;
}

interface ImportPlan {
  documents: SourceDocument[];
  topics: TopicRules | undefined;
  outDir: string;
  /** With a config the catalog lists exactly its banks; otherwise new banks join the old catalog. */
  replaceCatalog: boolean;
}

/** What the command line sets over a config: flags win. */
interface ConfigOverrides {
  out?: string | undefined;
  topics?: string | undefined;
  language?: string | undefined;
}

async function planFromConfig(configPath: string, overrides: ConfigOverrides, io: Output): Promise<ImportPlan> {
  const config = (await readJson(configPath, 'import config')) as {
    topics?: unknown;
    out?: unknown;
    banks?: unknown;
  } | null;
  if (!config || typeof config !== 'object' || Array.isArray(config)) throw new InputError(`${configPath}: expected a JSON object with "out" and "banks" (see data/banks.config.json)`);
  const base = dirname(resolve(configPath));
  if (!Array.isArray(config.banks) || config.banks.length === 0) throw new InputError(`${configPath}: banks: expected a non-empty array of { id, source }`);
  if (typeof config.out !== 'string' && overrides.out === undefined) throw new InputError(`${configPath}: out: expected the output folder, relative to the config`);
  if (config.topics !== undefined && typeof config.topics !== 'string') throw new InputError(`${configPath}: topics: expected the path of a topic rules file, relative to the config`);
  const entries = config.banks as unknown[];
  entries.forEach((entry, i) => {
    const where = `${configPath}: banks[${i}]`;
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new InputError(`${where}: expected { "id": …, "source": … }`);
    const { source, id, language, shortTitle } = entry as Record<string, unknown>;
    if (typeof source !== 'string') throw new InputError(`${where}.source: expected a path`);
    if (shortTitle !== undefined && (typeof shortTitle !== 'string' || !shortTitle.trim() || /[\r\n]/.test(shortTitle)))
      throw new InputError(`${where}.shortTitle: expected one line of text (a word or two naming the bank), got ${JSON.stringify(shortTitle)}`);
    const badId = id === undefined ? null : idProblem(id);
    if (badId) throw new InputError(`${where}.id: ${badId}`);
    const badLanguage = language === undefined || overrides.language !== undefined ? null : languageProblem(language);
    if (badLanguage) throw new InputError(`${where}.language: ${badLanguage}`);
  });
  const banks = entries as { id?: string; source: string; language?: string; shortTitle?: string }[];
  const documents = await Promise.all(
    banks.map(async (entry) => ({ ...(await readDocument(resolve(base, entry.source))), id: entry.id, language: overrides.language ?? entry.language, shortTitle: entry.shortTitle })),
  );
  const shown = (path: string) => relative(process.cwd(), resolve(path)) || '.';
  if (overrides.out !== undefined && typeof config.out === 'string') io.out(`note: --out ${shown(overrides.out)} replaces "out": "${config.out}" of ${configPath}`);
  if (overrides.topics !== undefined && config.topics !== undefined) io.out(`note: --topics ${shown(overrides.topics)} replaces "topics": "${String(config.topics)}" of ${configPath}`);
  if (overrides.language !== undefined && banks.some((entry) => entry.language !== undefined)) io.out(`note: --language ${overrides.language} replaces the "language" of every bank in ${configPath}`);
  const topicsPath = overrides.topics !== undefined ? resolve(overrides.topics) : typeof config.topics === 'string' && config.topics ? resolve(base, config.topics) : undefined;
  return {
    documents,
    topics: topicsPath ? await readTopics(topicsPath) : undefined,
    outDir: overrides.out !== undefined ? resolve(overrides.out) : resolve(base, config.out as string),
    replaceCatalog: true,
  };
}

async function readDocument(path: string): Promise<SourceDocument> {
  try {
    return { file: relative(process.cwd(), path) || path, source: await readFile(path, 'utf8') };
  } catch (error) {
    throw new InputError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/** Writes through a temporary file so an interrupted run never leaves half a bank behind. */
async function writeAtomically(path: string, text: string): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    await writeFile(temporary, text, 'utf8');
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true }).catch(() => {}); // "nothing was written" must be true
    throw error;
  }
}

async function readIfPresent(path: string): Promise<string | null> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const why = code === 'ENOTDIR' ? ' (a part of that path is a file, not a folder)' : code === 'EISDIR' ? ' (a folder, not a file)' : '';
    throw new InputError(`cannot read ${path}: ${code ?? String(error)}${why}`);
  }
}

const CATALOG_FIX = 'Fix it, delete it (the import then starts a new catalog) or choose another --out; nothing was written.';

/** The catalog already in the output folder, which an import without --config adds its banks to. */
async function readPreviousCatalog(path: string): Promise<Catalog | undefined> {
  const text = await readIfPresent(path);
  if (text === null) return undefined;
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (error) {
    throw new InputError(`${path} is not valid JSON (${jsonProblem(error)}), so the catalog cannot be updated.\n${CATALOG_FIX}`);
  }
  const parsed = validateCatalog(value);
  if (!parsed.ok) throw new InputError(`${path} is not a valid catalog, so it cannot be updated:\n${formatIssues(parsed.issues)}\n${CATALOG_FIX}`);
  return parsed.value;
}

async function runImport(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      topics: { type: 'string' },
      id: { type: 'string' },
      language: { type: 'string' },
      config: { type: 'string' },
      check: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
    },
  });
  // What was typed is checked before anything is read, and blamed on the flag, not on a document.
  const badLanguage = values.language === undefined ? null : languageProblem(values.language);
  if (badLanguage) throw new UsageError(`--language: ${badLanguage}`);
  const badId = values.id === undefined ? null : idProblem(values.id);
  if (badId) throw new UsageError(`--id: ${badId}`);
  for (const flag of ['out', 'topics'] as const) if (values[flag] === '') throw new UsageError(`--${flag}: expected a path, got ""`);
  let plan: ImportPlan;
  if (values.config) {
    if (positionals.length > 0) throw new UsageError('give either --config or markdown files, not both');
    if (values.id !== undefined) throw new UsageError('--id names the bank of one document; with --config, give each bank its "id" in the config');
    plan = await planFromConfig(values.config, { out: values.out, topics: values.topics, language: values.language }, io);
  } else {
    if (positionals.length === 0) throw new UsageError('import needs at least one document (markdown or GIFT)');
    if (!values.out) throw new UsageError('import needs --out <dir>, the folder for the bank files');
    if (values.id && positionals.length > 1) throw new UsageError('--id names one bank; give one file with it');
    const documents = await Promise.all(positionals.map((path) => readDocument(resolve(path))));
    if (values.id) documents[0]!.id = values.id;
    if (values.language) for (const document of documents) document.language = values.language;
    plan = { documents, topics: values.topics ? await readTopics(values.topics) : undefined, outDir: resolve(values.out), replaceCatalog: false };
  }
  const catalogPath = join(plan.outDir, 'index.json');
  // Read before importing, so a broken catalog stops the run before any work or output.
  const previous = plan.replaceCatalog ? undefined : await readPreviousCatalog(catalogPath);

  const { banks, diagnostics, counts } = importDocuments(plan.documents, plan.topics, { strict: values.strict });
  printDiagnostics(diagnostics, io);
  for (const { file, questions } of counts) io.out(documentSummary(file, questions, diagnostics));
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) {
    const strictNote = values.strict && diagnostics.some((d) => d.severity === 'error' && !/no question/.test(d.message)) ? ' (--strict: warnings count as errors)' : '';
    io.err(`import failed: ${plural(errors, 'error')}${strictNote}; nothing was written`);
    return 1;
  }
  // The importer's output must always pass the validator that elements apply when loading.
  for (const bank of banks) {
    const result = validateBank(bank);
    if (!result.ok) {
      io.err(`internal error: bank "${bank.id}" fails validation:\n${formatIssues(result.issues)}`);
      return 1;
    }
  }

  const files = new Map<string, string>(banks.map((bank) => [join(plan.outDir, `${bank.id}.json`), toJsonFile(bank)]));
  files.set(catalogPath, toJsonFile(buildCatalog(banks, previous)));

  if (values.check) {
    const stale: string[] = [];
    for (const [path, text] of files) if ((await readIfPresent(path)) !== text) stale.push(relative(process.cwd(), path));
    if (stale.length > 0) {
      io.err(`out of date (run the same import without --check to regenerate):\n  ${stale.join('\n  ')}`);
      return 1;
    }
    io.out(`up to date: ${plural(banks.length, 'bank')}, ${plural(countQuestions(banks), 'question')}`);
    return 0;
  }

  let writing = plan.outDir;
  let written = 0;
  try {
    await mkdir(plan.outDir, { recursive: true });
    for (const [path, text] of files) {
      writing = path;
      await writeAtomically(path, text);
      written++;
    }
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (!code) throw error;
    const done = written === 0 ? 'nothing was written' : `${plural(written, 'file')} ${written === 1 ? 'was' : 'were'} written before it`;
    io.err(`cannot write ${writing}: ${code} (is --out a folder you can write to?); ${done}`);
    return 1;
  }
  for (const bank of banks) {
    const variants = bank.questions.filter((q) => q.variantOf).length;
    io.out(`${relative(process.cwd(), join(plan.outDir, `${bank.id}.json`))}: ${plural(bank.questions.length, 'question')}, ${plural(bank.topics.length, 'topic')}, ${plural(variants, 'variant')}`);
  }
  io.out(`${relative(process.cwd(), catalogPath)}: ${plural(banks.length, 'bank')}, ${plural(countQuestions(banks), 'question')}`);
  return 0;
}

function countQuestions(banks: readonly Bank[]): number {
  return banks.reduce((sum, bank) => sum + bank.questions.length, 0);
}

function printDiagnostics(diagnostics: readonly ImportDiagnostic[], io: Output): void {
  for (const d of diagnostics) (d.severity === 'error' ? io.err : io.out)(formatDiagnostic(d));
}

async function runExport(args: string[], io: Output): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { gift: { type: 'string' }, out: { type: 'string' } } });
  const path = values.gift;
  if (!path) throw new UsageError(positionals.length ? `export needs a format: quiz-elements export --gift ${positionals[0]}` : 'export needs --gift <bank.json>');
  if (positionals.length > 0) throw new UsageError(`export takes one bank; unexpected ${positionals.join(' ')}`);
  const data = await readJson(path, 'bank');
  const result = validateBank(data);
  if (!result.ok) {
    io.err(`${path}: invalid bank, not exported`);
    for (const issue of result.issues) io.err(`  ${issue.path || '(root)'}: ${issue.message}`);
    return 1;
  }
  const { text, notes } = exportGift(result.value);
  if (values.out) {
    try {
      await mkdir(dirname(resolve(values.out)), { recursive: true });
      await writeAtomically(resolve(values.out), text);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (!code) throw error;
      io.err(`cannot write ${values.out}: ${code} (is --out a file path you can write to?); nothing was written`);
      return 1;
    }
    io.err(`${relative(process.cwd(), resolve(values.out))}: ${plural(result.value.questions.length, 'question')} as GIFT`);
  } else {
    io.out(text.trimEnd());
  }
  for (const note of notes) io.err(`note: ${note}`);
  return 0;
}

async function runValidate(paths: string[], io: Output): Promise<number> {
  if (paths.length === 0) throw new UsageError('validate needs at least one JSON file');
  let failed = 0;
  for (const path of paths) {
    let data: unknown;
    try {
      data = await readJson(path, 'file');
    } catch (error) {
      io.err((error as Error).message);
      failed++;
      continue;
    }
    const isCatalog = (data as { format?: unknown } | null)?.format === CATALOG_FORMAT;
    const result = isCatalog ? validateCatalog(data) : validateBank(data);
    if (!result.ok) {
      failed++;
      io.err(`${path}: invalid ${isCatalog ? 'catalog' : 'bank'}`);
      for (const issue of result.issues) io.err(`  ${issue.path || '(root)'}: ${issue.message}`);
      continue;
    }
    for (const warning of result.warnings) io.out(`${path}: warning: ${warning.path || '(root)'}: ${warning.message}`);
    const summary = isCatalog ? plural((result.value as Catalog).banks.length, 'bank') : plural((result.value as Bank).questions.length, 'question');
    io.out(`${path}: ok (${summary})`);
  }
  if (failed > 0) io.err(`${failed} of ${plural(paths.length, 'file')} invalid`);
  return failed > 0 ? 1 : 0;
}

const PACKAGE_KINDS: Record<PackageKind, string> = { scorm12: 'SCORM 1.2', scorm2004: 'SCORM 2004 4th edition', cmi5: 'cmi5' };

async function runPackage(args: string[], io: Output, cdnDir: string): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      scorm12: { type: 'boolean', default: false },
      scorm2004: { type: 'boolean', default: false },
      cmi5: { type: 'boolean', default: false },
      out: { type: 'string' },
      'pass-mark': { type: 'string' },
      mode: { type: 'string' },
      title: { type: 'string' },
      id: { type: 'string' },
    },
  });
  if (positionals.length === 0) throw new UsageError('package needs a bank or catalog JSON file');
  if (positionals.length > 1) throw new UsageError(`package takes one bank or catalog; unexpected ${positionals.slice(1).join(' ')} (list several banks in a catalog)`);
  const kinds = (Object.keys(PACKAGE_KINDS) as PackageKind[]).filter((kind) => values[kind]);
  if (kinds.length === 0) throw new UsageError('package needs the kind of package: --scorm12, --scorm2004 or --cmi5');
  if (kinds.length > 1) throw new UsageError(`give one kind of package, not ${kinds.map((kind) => `--${kind}`).join(' and ')}`);
  if (!values.out) throw new UsageError('package needs --out <course.zip>, the file to write');
  let passMark: number | undefined;
  if (values['pass-mark'] !== undefined) {
    const text = values['pass-mark'].trim().replace(/%$/, '');
    passMark = Number(text);
    if (text === '' || !Number.isFinite(passMark) || passMark < 0 || passMark > 100) throw new UsageError(`--pass-mark: expected a percentage from 0 to 100 (e.g. 80), got "${values['pass-mark']}"`);
    if (passMark > 0 && passMark < 1 && !Number.isInteger(passMark)) throw new UsageError(`--pass-mark is a percentage: for ${passMark * 100}% write ${passMark * 100}, not ${values['pass-mark']}`);
  }
  if (values.mode !== undefined && values.mode !== 'exam' && values.mode !== 'practice') throw new UsageError(`--mode: expected exam or practice, got "${values.mode}"`);
  if (values.id !== undefined && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(values.id)) throw new UsageError(`--id: expected a slug (lower-case letters and digits joined by hyphens), got "${values.id}"`);

  const kind = kinds[0]!;
  const input = positionals[0]!;
  let banks: Bank[];
  let cdn: Map<string, Uint8Array>;
  try {
    ({ banks } = await readPackageBanks(input));
    cdn = await readCdnBuild(cdnDir);
  } catch (error) {
    if (!(error instanceof PackageInputError)) throw error;
    io.err(error.message);
    return 1;
  }
  const files = packageFiles({ kind, banks, cdn, passMark, mode: values.mode as 'exam' | 'practice' | undefined, title: values.title, id: values.id });
  const zip = zipPackage(files);
  const out = resolve(values.out);
  await mkdir(dirname(out), { recursive: true });
  const temporary = `${out}.${process.pid}.tmp`;
  await writeFile(temporary, zip);
  await rename(temporary, out);
  const kb = (zip.byteLength / 1024).toFixed(0);
  io.out(`${relative(process.cwd(), out) || out}: ${PACKAGE_KINDS[kind]} package, ${plural(banks.length, 'bank')}, ${plural(countQuestions(banks), 'question')}, ${plural(files.size, 'file')}, ${kb} KB`);
  return 0;
}

/** Runs the CLI with `args` (without node and script) and returns the exit code. */
export async function main(args: string[], io: Output = console_, options: { cdnDir?: string } = {}): Promise<number> {
  const [command, ...rest] = args;
  try {
    if (command !== undefined && COMMAND_USAGE[command] && (rest.includes('--help') || rest.includes('-h'))) {
      io.out(COMMAND_USAGE[command]!);
      return 0;
    }
    if (command === 'import') return await runImport(rest, io);
    if (command === 'export') return await runExport(rest, io);
    if (command === 'validate') return await runValidate(rest, io);
    if (command === 'package') return await runPackage(rest, io, options.cdnDir ?? DEFAULT_CDN_DIR);
    if (command === '--version' || command === '-v') {
      const pkg = (await readJson(new URL('../../package.json', import.meta.url), 'package.json')) as { version: string };
      io.out(pkg.version);
      return 0;
    }
    if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
      io.out(USAGE);
      return command === undefined ? 1 : 0;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof InputError) {
      io.err(`${basename(process.argv[1] ?? 'quiz-elements')}: ${error.message}`);
      return 2;
    }
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`${basename(process.argv[1] ?? 'quiz-elements')}: ${(error as Error).message}\n\n${COMMAND_USAGE[command ?? ''] ?? USAGE}`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /[\\/]cli[\\/]main\.[jt]s$/.test(process.argv[1]);
if (invokedDirectly) process.exitCode = await main(process.argv.slice(2));
