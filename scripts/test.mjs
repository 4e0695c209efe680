#!/usr/bin/env node
// `npm test`: typecheck, lint, unit tests (Node), browser tests (Chromium, Firefox, WebKit), then a
// summary table. Every step runs even if an earlier one failed; the exit code is 1 if any failed.
//
//   node scripts/test.mjs [--only <step>[,<step>...]] [--verbose]
//   steps: typecheck, lint, unit, build (CDN build + size budgets), examples, stories,
//          browser (= chromium, firefox, webkit), or one engine
//
// Environment: CI=true turns a missing browser engine into a failure; QUIZ_BROWSERS picks engines;
// QUIZ_TEST_BUDGET caps the whole run in seconds (default 1500: 25 min, so CI with apt and npm install, about 150 s on a fresh VM, stays under its 30). Browser paths: scripts/browsers.mjs.
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import {
  ENGINES,
  ROOT_DIR,
  browserEnv,
  detectBrowsers,
  missingEngineError,
  selectedEngines,
} from './browsers.mjs';

const require = createRequire(import.meta.url);
const STEPS = ['typecheck', 'lint', 'unit', 'build', 'examples', 'stories', ...ENGINES];
const CACHE_DIR = path.join(ROOT_DIR, '.cache');
const SECOND = 1000;
// Per-step ceilings; WTR's own timeouts (web-test-runner.config.mjs) normally fire long before.
const STEP_TIMEOUT = { typecheck: 180, lint: 180, unit: 180, build: 240, examples: 180, stories: 300, chromium: 420, firefox: 420, webkit: 420 };

function usage() {
  return `usage: node scripts/test.mjs [--only <step>[,<step>...]] [--verbose]
steps: ${STEPS.join(', ')}, browser (= ${ENGINES.join(', ')})`;
}

function parseArgs(argv) {
  const options = { only: null, verbose: false };
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (arg === '--verbose' || arg === '-v') options.verbose = true;
    else if (arg === '--help' || arg === '-h') {
      console.log(usage());
      process.exit(0);
    } else if (arg === '--only' || arg.startsWith('--only=')) {
      const value = arg === '--only' ? argv[++i] : arg.slice('--only='.length);
      if (!value) throw new Error(`--only needs a step\n${usage()}`);
      options.only ??= new Set();
      for (const name of value.split(',').map((s) => s.trim()).filter(Boolean)) {
        if (name === 'browser' || name === 'browsers') options.only.add('browser');
        else if (STEPS.includes(name)) options.only.add(name);
        else throw new Error(`unknown step "${name}"\n${usage()}`);
      }
    } else throw new Error(`unknown argument "${arg}"\n${usage()}`);
  }
  return options;
}

function findFiles(dir, test) {
  const found = [];
  let entries;
  try {
    entries = readdirSync(path.join(ROOT_DIR, dir), { withFileTypes: true });
  } catch {
    return found;
  }
  for (const entry of entries) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) found.push(...findFiles(rel, test));
    } else if (test(entry.name)) found.push(rel);
  }
  return found.sort();
}

const isUnitTest = (name) => name.endsWith('.unit.test.ts');
const isBrowserTest = (name) => name.endsWith('.test.ts') && !isUnitTest(name);

// ---------------------------------------------------------------------------------------------
// Child processes

let current = null; // the running child, for signal handling

function readEnviron(pid) {
  try {
    return readFileSync(`/proc/${pid}/environ`, 'latin1');
  } catch {
    return '';
  }
}

function commandName(pid) {
  try {
    return readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
  } catch {
    return '?';
  }
}

/** Live processes that inherited our run marker (Linux /proc; zombies have no environment). */
function markedPids(marker) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((entry) => /^\d+$/.test(entry)).map(Number);
  } catch {
    return [];
  }
  const needle = `QUIZ_TEST_RUN=${marker}\0`;
  return pids.filter((pid) => pid !== process.pid && readEnviron(pid).includes(needle));
}

/** Kills every process that inherited our run marker. Returns their names. */
function killMarked(marker) {
  const killed = [];
  for (const pid of markedPids(marker)) {
    const name = commandName(pid);
    try {
      process.kill(pid, 'SIGKILL');
      killed.push(name);
    } catch {
      // gone already
    }
  }
  return killed;
}

/** Gives helpers (esbuild's service, browser child processes) a moment to exit on their own. */
async function waitForMarkedToExit(marker, ms) {
  const deadline = Date.now() + ms;
  while (markedPids(marker).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Colours when our own output is a terminal; none in CI logs. */
function colorEnv() {
  const env = { ...process.env };
  if (process.stdout.isTTY && !('NO_COLOR' in env)) env.FORCE_COLOR ??= '1';
  else {
    delete env.FORCE_COLOR;
    env.NO_COLOR = '1';
  }
  return env;
}

/** Captured output for a log: without cursor movement, and without colour unless on a terminal. */
function printable(text) {
  /* eslint-disable no-control-regex -- matching ANSI escape sequences is the point */
  const cursor = /\x1b\[[0-9;]*[ABCDGHJK]/g;
  const color = /\x1b\[[0-9;]*m/g;
  /* eslint-enable no-control-regex */
  const plain = text.replace(cursor, '');
  return process.stdout.isTTY ? plain : plain.replace(color, '');
}

/**
 * Runs a command with output captured (and streamed too with --verbose). The child gets its own
 * process group and a marker in its environment, so on timeout or exit everything it started —
 * including browsers that detach into their own groups — can be found and stopped.
 */
function run(command, args, { env = {}, timeoutMs, verbose }) {
  const marker = randomUUID();
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT_DIR,
      env: { ...colorEnv(), ...env, QUIZ_TEST_RUN: marker },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    current = { child, marker };
    let output = '';
    const collect = (stream, sink) =>
      stream.on('data', (chunk) => {
        output += chunk;
        if (verbose) sink.write(chunk);
      });
    collect(child.stdout, process.stdout);
    collect(child.stderr, process.stderr);
    let timedOut = false;
    const killGroup = (signal) => {
      try {
        process.kill(-child.pid, signal);
      } catch {
        // group gone
      }
    };
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup('SIGTERM');
      setTimeout(() => killGroup('SIGKILL'), 5 * SECOND).unref();
    }, timeoutMs);
    let done = false;
    const finish = async (code, signal, error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      const ms = Date.now() - started;
      // Anything still alive after a grace period was orphaned by the step (the tools clean up
      // after themselves when they work); it could also hold our pipes open, so stop it.
      await waitForMarkedToExit(marker, 3 * SECOND);
      const leftovers = killMarked(marker);
      killGroup('SIGKILL');
      if (error) output += `\n${error.message}\n`;
      const settle = () => {
        current = null;
        resolve({ code, signal, output, timedOut, leftovers, ms });
      };
      if (child.stdout.readableEnded && child.stderr.readableEnded) settle();
      else {
        const wait = setTimeout(settle, 2 * SECOND);
        child.once('close', () => {
          clearTimeout(wait);
          settle();
        });
      }
    };
    child.on('error', (error) => finish(null, null, error));
    child.on('exit', (code, signal) => finish(code, signal));
  });
}

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (current) {
      try {
        process.kill(-current.child.pid, 'SIGKILL');
      } catch {
        // gone
      }
      killMarked(current.marker);
    }
    process.exit(130);
  });
}

/** package.json of an installed package, even one whose "exports" hide it. */
function manifestOf(pkg) {
  try {
    return require.resolve(`${pkg}/package.json`);
  } catch {
    let dir = path.dirname(require.resolve(pkg));
    while (dir !== path.dirname(dir)) {
      const candidate = path.join(dir, 'package.json');
      try {
        if (JSON.parse(readFileSync(candidate, 'utf8')).name === pkg) return candidate;
      } catch {
        // no package.json at this level
      }
      dir = path.dirname(dir);
    }
    throw new Error(`cannot find ${pkg}/package.json (run npm install)`);
  }
}

function nodeBin(pkg, name) {
  const manifestPath = manifestOf(pkg);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin[name];
  return path.join(path.dirname(manifestPath), bin);
}

function plural(count, noun, nouns = `${noun}s`) {
  return `${count} ${count === 1 ? noun : nouns}`;
}

function failureNote(result) {
  if (result.timedOut) return `timed out after ${Math.round(result.ms / SECOND)}s`;
  if (result.signal) return `killed by ${result.signal}`;
  return `exit code ${result.code}`;
}

// ---------------------------------------------------------------------------------------------
// Steps. Each returns { status: 'ok'|'failed'|'skipped', passed, failed, skipped, detail, output }

async function typecheck(ctx) {
  // tsconfig.json covers src/, test/, demo/ and stories/.
  const result = await run(process.execPath, [nodeBin('typescript', 'tsc'), '--noEmit', '-p', 'tsconfig.json', '--pretty', 'false'], ctx);
  const errors = (result.output.match(/error TS\d+:/g) ?? []).length;
  const ok = result.code === 0;
  return {
    ...result,
    status: ok ? 'ok' : 'failed',
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    detail: ok ? '' : errors ? plural(errors, 'error') : failureNote(result),
  };
}

async function lint(ctx) {
  const result = await run(process.execPath, [nodeBin('eslint', 'eslint'), '.'], ctx);
  const problems = result.output.match(/✖ (\d+) problems? \((\d+) errors?, (\d+) warnings?\)/);
  const ok = result.code === 0;
  let detail = '';
  if (problems) detail = `${plural(Number(problems[2]), 'error')}, ${plural(Number(problems[3]), 'warning')}`;
  else if (!ok) detail = failureNote(result);
  return { ...result, status: ok ? 'ok' : 'failed', passed: ok ? 1 : 0, failed: ok ? 0 : 1, detail };
}

function parseTap(text) {
  const count = (key) => Number(text.match(new RegExp(`^# ${key} (\\d+)$`, 'm'))?.[1] ?? 0);
  return {
    passed: count('pass'),
    failed: count('fail') + count('cancelled'),
    skipped: count('skipped') + count('todo'),
    found: /^# tests \d+$/m.test(text),
  };
}

async function unit(ctx) {
  const files = [...findFiles('src', isUnitTest), ...findFiles('test', isUnitTest)];
  if (files.length === 0) {
    return { status: 'ok', passed: 0, failed: 0, skipped: 0, detail: '0 tests (no *.unit.test.ts files)', output: '', ms: 0 };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const tapFile = path.join(CACHE_DIR, `unit-${process.pid}.tap`);
  rmSync(tapFile, { force: true });
  // Node 20 does not expand globs after --test, so the files are listed explicitly.
  const result = await run(
    process.execPath,
    [
      '--import',
      'tsx',
      '--test',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tapFile}`,
      ...files,
    ],
    ctx,
  );
  let tap = '';
  try {
    tap = readFileSync(tapFile, 'utf8');
  } catch {
    // the runner did not get far enough to write it
  }
  rmSync(tapFile, { force: true });
  const counts = parseTap(tap);
  const ok = result.code === 0 && counts.failed === 0;
  // A crash with no failing test reported still has to count as a failure.
  const failed = ok ? 0 : Math.max(counts.failed, 1);
  const parts = [`${counts.passed} passed`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (!ok && counts.failed === 0) parts.push(failureNote(result));
  // The spec reporter lists every test; on failure its closing summary and "failing tests" suffice.
  const summaryAt = result.output.lastIndexOf('ℹ tests ');
  const failureOutput = summaryAt >= 0 && !ctx.verbose ? `(passing tests omitted; --verbose shows all)\n${result.output.slice(summaryAt)}` : result.output;
  return {
    ...result,
    output: failureOutput,
    status: ok ? 'ok' : 'failed',
    ...counts,
    failed,
    detail: `${parts.join(', ')} (${files.length} files)`,
  };
}

/**
 * `npm run build` (rollup, then scripts/check-build.mjs: the CDN build in a real page and the size
 * budgets). The size table is printed every time, not only on failure.
 */
async function build(ctx) {
  const rollup = await run(process.execPath, [nodeBin('rollup', 'rollup'), '-c', 'rollup.config.js'], ctx);
  if (rollup.code !== 0) return { ...rollup, status: 'failed', passed: 0, failed: 1, detail: failureNote(rollup) };
  const check = await run(process.execPath, ['scripts/check-build.mjs'], { ...ctx, env: browserEnv(ROOT_DIR) });
  const table = printable(check.output).match(/\nSizes \(gzip[\s\S]*?(?=\n\n|$)/)?.[0];
  if (table) console.log(table.trimStart());
  const page = printable(check.output).match(/page: one quiz-card \(English\)[^\n]*?(\d+\.\d) KB/)?.[1];
  const ok = check.code === 0;
  return {
    ...check,
    ms: rollup.ms + check.ms,
    status: ok ? 'ok' : 'failed',
    passed: ok ? 1 : 0,
    failed: ok ? 0 : 1,
    detail: ok ? `one quiz-card page ${page ?? '?'} KB gzip, every budget met` : failureNote(check),
  };
}

/** A check script whose last line says what passed (scripts/check-examples.mjs, scripts/test-stories.mjs). */
async function checkScript(script, ctx, needsBuild) {
  if (needsBuild && ctx.buildFailed) return { status: 'failed', passed: 0, failed: 1, skipped: 0, detail: 'not run: the build failed', output: '', ms: 0 };
  const result = await run(process.execPath, [script], { ...ctx, env: browserEnv(ROOT_DIR) });
  const ok = result.code === 0;
  const last = printable(result.output).trim().split('\n').at(-1) ?? '';
  return { ...result, status: ok ? 'ok' : 'failed', passed: ok ? 1 : 0, failed: ok ? 0 : 1, detail: ok ? last : failureNote(result) };
}

async function engine(name, ctx) {
  const browserFiles = [...findFiles('src', isBrowserTest), ...findFiles('test', isBrowserTest)];
  if (browserFiles.length === 0) {
    return { status: 'ok', passed: 0, failed: 0, skipped: 0, detail: '0 tests (no browser *.test.ts files)', output: '', ms: 0 };
  }
  const found = ctx.browsers[name];
  if (!found) {
    const problem = ctx.browsers.problems[name];
    const fatal = missingEngineError(name, ctx.browsers);
    if (fatal) {
      console.log(`error: ${problem} [${fatal}]`);
      return { status: 'failed', passed: 0, failed: 1, skipped: 0, detail: problem, output: '', ms: 0 };
    }
    console.log(`skipped: ${problem}`);
    return { status: 'skipped', passed: 0, failed: 0, skipped: 1, detail: problem, output: '', ms: 0 };
  }
  mkdirSync(CACHE_DIR, { recursive: true });
  const reportFile = path.join(CACHE_DIR, `wtr-${name}-${process.pid}.json`);
  rmSync(reportFile, { force: true });
  const result = await run(
    process.execPath,
    [nodeBin('@web/test-runner', 'wtr'), '--config', 'web-test-runner.config.mjs', '--static-logging'],
    { ...ctx, env: { ...browserEnv(ROOT_DIR), QUIZ_BROWSERS: name, QUIZ_WTR_REPORT: reportFile } },
  );
  let counts = { passed: 0, failed: 0, skipped: 0, files: 0, fileErrors: 0 };
  try {
    const report = JSON.parse(readFileSync(reportFile, 'utf8'));
    counts = Object.values(report)[0] ?? counts;
  } catch {
    // WTR stopped before reporting
  }
  rmSync(reportFile, { force: true });
  const ok = result.code === 0 && counts.failed === 0 && counts.fileErrors === 0;
  const parts = [`${counts.passed} passed`];
  if (counts.failed) parts.push(`${counts.failed} failed`);
  if (counts.skipped) parts.push(`${counts.skipped} skipped`);
  if (counts.fileErrors) parts.push(`${plural(counts.fileErrors, 'file')} with errors`);
  if (!ok && counts.failed === 0 && counts.fileErrors === 0) parts.push(failureNote(result));
  const failures = ok ? [] : failedBrowserTests(printable(result.output));
  const source = found.source === 'system' ? found.path : `${found.path} (${found.source})`;
  return {
    ...result,
    status: ok ? 'ok' : 'failed',
    passed: counts.passed,
    failed: ok ? 0 : Math.max(counts.failed + counts.fileErrors, 1),
    skipped: counts.skipped,
    detail: `${parts.join(', ')} · ${source}`,
    failures,
  };
}

/**
 * The failed tests in Web Test Runner's output, each as "file: suite > test: first line of the
 * error". They are repeated under the summary table, because a CI log that keeps only its head
 * and tail would otherwise name no failed test.
 */
function failedBrowserTests(output) {
  const failures = [];
  let file = '';
  const lines = output.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const fileMatch = lines[i].match(/^(\S+\.test\.ts):\s*$/);
    if (fileMatch) file = fileMatch[1];
    const failed = lines[i].match(/^\s*❌\s+(.+)$/);
    if (!failed) continue;
    const reason = lines.slice(i + 1, i + 6).map((line) => line.trim()).find((line) => line.length > 0) ?? '';
    failures.push(`${file ? `${file}: ` : ''}${failed[1].trim()}${reason ? ` — ${reason.slice(0, 300)}` : ''}`);
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------

function seconds(ms) {
  return `${(ms / SECOND).toFixed(1)}s`;
}

function printTable(rows) {
  const header = ['step', 'result', 'time', 'tests'];
  const cells = rows.map((row) => [row.step, row.status, row.ms ? seconds(row.ms) : '—', row.detail ?? '']);
  const widths = header.map((title, i) => Math.max(title.length, ...cells.map((cell) => cell[i].length)));
  const line = (cell) => cell.map((text, i) => (i === cell.length - 1 ? text : text.padEnd(widths[i] + 2))).join('').trimEnd();
  console.log(line(header));
  for (const cell of cells) console.log(line(cell));
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const budgetMs = Number(process.env.QUIZ_TEST_BUDGET || 1500) * SECOND;
  // QUIZ_BROWSERS picks the engines for a full run and for --only browser; --only <engine> names
  // the engine itself.
  const fromEnv = selectedEngines();
  const only = options.only;
  const steps = STEPS.filter((step) => {
    if (!ENGINES.includes(step)) return !only || only.has(step);
    if (only?.has(step)) return true;
    return (!only || only.has('browser')) && fromEnv.includes(step);
  });
  const engines = steps.filter((step) => ENGINES.includes(step));

  const ctx = { verbose: options.verbose, browsers: null };
  if (engines.length > 0) {
    ctx.browsers = await detectBrowsers({ engines });
  }
  const runners = {
    typecheck: () => typecheck(ctx),
    lint: () => lint(ctx),
    unit: () => unit(ctx),
    build: async () => {
      const row = await build(ctx);
      ctx.buildFailed = row.status !== 'ok';
      return row;
    },
    examples: () => checkScript('scripts/check-examples.mjs', ctx, true),
    stories: () => checkScript('scripts/test-stories.mjs', ctx, false),
  };
  for (const name of ENGINES) runners[name] = () => engine(name, ctx);

  const rows = [];
  for (const step of steps) {
    const remaining = budgetMs - (Date.now() - started);
    if (remaining <= 0) {
      rows.push({ step, status: 'failed', ms: 0, passed: 0, failed: 1, skipped: 0, detail: 'not run: QUIZ_TEST_BUDGET used up' });
      continue;
    }
    ctx.timeoutMs = Math.min(STEP_TIMEOUT[step] * SECOND, remaining);
    if (options.verbose) console.log(`\n=== ${step} ===`);
    const row = { step, ...(await runners[step]()) };
    rows.push(row);
    if (row.leftovers?.length) {
      const names = [...new Set(row.leftovers)].join(', ');
      row.detail = `${row.detail ? `${row.detail}; ` : ''}killed ${plural(row.leftovers.length, 'leftover process', 'leftover processes')} (${names})`;
    }
    if (row.status === 'skipped') continue;
    console.log(`${row.status === 'ok' ? 'ok  ' : 'FAIL'}  ${step.padEnd(10)} ${(row.ms ? seconds(row.ms) : '—').padStart(6)}  ${row.detail ?? ''}`.trimEnd());
    if (row.status === 'failed' && !options.verbose && row.output?.trim()) {
      console.log(`\n----- ${step} output -----\n${printable(row.output).trimEnd()}\n----- end of ${step} output -----\n`);
    }
  }

  console.log('');
  printTable(rows);
  const failures = rows.flatMap((row) => (row.failures ?? []).map((failure) => `${row.step}: ${failure}`));
  if (failures.length > 0) console.log(`\nfailed tests:\n${failures.map((failure) => `  ${failure}`).join('\n')}`);
  const total = (key) => rows.reduce((sum, row) => sum + (row[key] ?? 0), 0);
  const failedSteps = rows.filter((row) => row.status === 'failed').map((row) => row.step);
  console.log(`\ntotal ${seconds(Date.now() - started)}${failedSteps.length ? `; failed: ${failedSteps.join(', ')}` : ''}`);
  const skipped = total('skipped');
  console.log(`${total('passed')} passed, ${total('failed')} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exitCode = failedSteps.length > 0 ? 1 : 0;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
