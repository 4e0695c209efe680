#!/usr/bin/env node
// Story tests: every Storybook story renders in Chromium, passes axe and its play function (its own,
// or its file's default smoke play), through Storybook's Vitest addon (vitest.config.ts). Also checks
// that the committed custom-elements.json matches the elements' JSDoc, and builds the static
// Storybook (into a temp dir) to check that each element's docs page lists its whole manifest:
// attributes, properties, events, slots, CSS parts and custom properties.
//
//   node scripts/test-stories.mjs [--verbose] [--no-docs] [-- <extra vitest arguments>]
//
// Works offline. Chromium: the system's, else @sparticuz/chromium (scripts/browsers.mjs; QUIZ_CHROMIUM_PATH).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT_DIR, browserEnv, detectBrowsers, freePort } from './browsers.mjs';

const require = createRequire(import.meta.url);
const MANIFEST = 'custom-elements.json';
const GENERATE = 'npm run analyze';

const args = process.argv.slice(2);
const verbose = args.includes('--verbose') || args.includes('-v');
const docs = !args.includes('--no-docs');
const extra = args.includes('--') ? args.slice(args.indexOf('--') + 1) : [];

/** Runs `node <script> <args>` in the checkout; resolves to the exit code. Output goes to ours unless captured. */
function runNode(script, scriptArgs, { capture = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...scriptArgs], {
      cwd: ROOT_DIR,
      stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    });
    let output = '';
    child.stdout?.on('data', (chunk) => (output += chunk));
    child.stderr?.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 1 : 0), output }));
  });
}

/** Generates the manifest into a temp directory and compares it with the committed one: null if equal, else what is wrong. */
async function manifestProblem(tmp) {
  const analyzer = path.join(path.dirname(require.resolve('@custom-elements-manifest/analyzer/package.json')), 'cem.js');
  // The analyzer joins --outdir to the working directory, so it gets a relative path to the temp dir.
  const outdir = path.relative(ROOT_DIR, tmp) || '.';
  const { code, output } = await runNode(analyzer, ['analyze', '--litelement', '--config', 'custom-elements-manifest.config.mjs', '--outdir', outdir, '--quiet'], { capture: true });
  if (code !== 0) return `${output.trim()}\n${MANIFEST}: the analyzer failed (exit ${code}).`;
  const fresh = readFileSync(path.join(tmp, MANIFEST), 'utf8');
  let committed = null;
  try {
    committed = readFileSync(path.join(ROOT_DIR, MANIFEST), 'utf8');
  } catch {
    // missing: reported below
  }
  if (committed === fresh) return null;
  return `${MANIFEST} is ${committed === null ? 'missing' : 'stale (the elements\u2019 JSDoc changed)'}: run \`${GENERATE}\` and commit the result.`;
}

// --- docs pages ---------------------------------------------------------------------------------

/** Storybook's names for the manifest's lists: table categories, and how preview.ts names rows. */
const CATEGORIES = [
  ['attributes', 'attributes', (item) => [item.name]],
  // A property with an attribute of the same name is listed once, under attributes.
  ['members', 'properties', (item) => [item.name, item.attribute].filter(Boolean), ['properties', 'attributes']],
  ['events', 'events', (item) => [item.name]],
  ['slots', 'slots', (item) => [item.name || '(default)']],
  ['cssParts', 'css shadow parts', (item) => [`::part(${item.name})`]],
  ['cssProperties', 'css custom properties', (item) => [item.name]],
];

function serve(dir, port) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml' };
  const server = createServer(async (request, response) => {
    const file = path.join(dir, path.normalize(decodeURIComponent(new URL(request.url, 'http://localhost').pathname)));
    try {
      const body = await readFile(file.startsWith(dir) ? file : dir);
      response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, '127.0.0.1', () => resolve(server)));
}

/** Builds the static Storybook into `tmp` and reads each element's docs table; resolves to the problems found. */
async function docsProblems(tmp) {
  const out = path.join(tmp, 'storybook-static');
  const storybook = path.join(path.dirname(require.resolve('storybook/package.json')), 'dist/bin/dispatcher.js');
  const build = await runNode(storybook, ['build', '--output-dir', out, '--quiet', '--disable-telemetry'], { capture: true });
  if (build.code !== 0) return [`\`storybook build\` failed (exit ${build.code}):\n${build.output.trim()}`];
  const manifest = JSON.parse(readFileSync(path.join(ROOT_DIR, MANIFEST), 'utf8'));
  const elements = manifest.modules.flatMap((module) => module.declarations.filter((declaration) => declaration.customElement));
  const { chromium: found, problems: notFound } = await detectBrowsers({ engines: ['chromium'] });
  if (!found) return [`docs pages: ${notFound.chromium}`];
  const { chromium } = await import('playwright');
  const port = await freePort();
  const server = await serve(out, port);
  const browser = await chromium.launch({ executablePath: found.path, args: found.args, headless: true, env: { ...process.env, ...browserEnv(ROOT_DIR) } });
  const problems = [];
  try {
    const page = await browser.newPage();
    for (const element of elements) {
      const id = `elements-${element.tagName}--docs`;
      await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=docs`);
      try {
        await page.waitForSelector('.docblock-argstable tbody tr', { timeout: 20_000 });
      } catch {
        problems.push(`<${element.tagName}>: no docs table on ${id}`);
        continue;
      }
      // Rows by category: a category row is titled "Hide <category> items", then one row per name.
      const rows = await page.evaluate(() => {
        const byCategory = {};
        let category = '';
        for (const row of globalThis.document.querySelectorAll('.docblock-argstable tbody tr')) {
          const title = /^(?:Hide|Show) (.+) items$/.exec(row.getAttribute('title') ?? '');
          if (title) category = title[1];
          else (byCategory[category] ??= []).push(row.cells[0]?.querySelector('span')?.textContent ?? '');
        }
        return byCategory;
      });
      for (const [key, category, names, categories = [category]] of CATEGORIES) {
        for (const item of element[key] ?? []) {
          const shown = categories.some((where) => names(item).some((name) => rows[where]?.includes(name)));
          if (!shown) problems.push(`<${element.tagName}> docs: ${category} lacks ${names(item)[0]}`);
        }
      }
    }
  } finally {
    await browser.close();
    server.close();
  }
  return problems;
}

const stories = (n) => `${n} ${n === 1 ? 'story' : 'stories'}`;

const started = performance.now();
const tmp = mkdtempSync(path.join(tmpdir(), 'quiz-stories-'));
let failed = false;
try {
  const manifest = await manifestProblem(tmp);

  const report = path.join(tmp, 'vitest.json');
  const vitest = path.join(path.dirname(require.resolve('vitest/package.json')), 'vitest.mjs');
  const { code } = await runNode(vitest, [
    'run',
    '--project',
    'storybook',
    `--reporter=${verbose ? 'verbose' : 'dot'}`,
    '--reporter=json',
    `--outputFile.json=${report}`,
    ...extra,
  ]);
  let results = null;
  try {
    results = JSON.parse(readFileSync(report, 'utf8'));
  } catch {
    // vitest failed before it could report (config error, no browser): its own output says why
  }
  const docsIssues = docs ? await docsProblems(tmp) : [];
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (manifest) {
    failed = true;
    console.error(manifest);
  }
  if (docsIssues.length > 0) {
    failed = true;
    for (const problem of docsIssues) console.error(problem);
  }
  if (!results) {
    console.error(`story tests did not run (vitest exit ${code}) [${seconds} s]`);
    failed = true;
  } else {
    const { numTotalTests: total, numPassedTests: passed, numFailedTests: failures, numFailedTestSuites: failedFiles } = results;
    const others = total - passed - failures;
    const skipped = others ? `, ${others} skipped` : '';
    if (failures > 0) {
      failed = true;
      console.error(`${failures} of ${stories(total)} failed${skipped} [${seconds} s]`);
    } else if (code !== 0 || failedFiles > 0 || total === 0) {
      failed = true;
      console.error(`${stories(passed)} passed${skipped}, but vitest failed (exit ${code}${failedFiles ? `, ${failedFiles} story files in error` : ''}${total === 0 ? ', no stories ran' : ''}): see above [${seconds} s]`);
    } else {
      const also = [manifest && 'the manifest check', docsIssues.length && 'the docs check'].filter(Boolean);
      const docsNote = docs ? '; docs tables complete' : '';
      console.log(`${stories(passed)} passed${skipped}${also.length ? `, but ${also.join(' and ')} failed` : docsNote} [${seconds} s]`);
    }
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
