// Runs after `rollup -c` (npm run build): checks that what we ship works as documented.
// - dist/cdn is self-contained: no bare imports ("lit", "marked"…) left in any file;
// - every package.json export points at a file that exists;
// - a plain HTML page with only <script type="module" src=".../quiz-elements.js"> shows a
//   quiz-card from a bank URL, a bundled bank and inline JSON in headless Chromium;
// - a lazy chunk that fails to download comes back on the next use, in every engine here: the
//   system Chromium, @sparticuz/chromium (older, caches failed imports), QUIZ_OLD_CHROMIUM_PATH
//   if set (e.g. Debian's Chromium 150) and Firefox ESR (caches them too);
// - size budgets (gzip -9), printed as a table and enforced: what a page showing one quiz-card with
//   markdown downloads (measured in Chromium, English and Chinese UI), the entry file, and each
//   lazy chunk (highlighting, search, scheduling, importer, …) against its own budget.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { parseAst } from 'rollup/parseAst';
import { CHROMIUM_ARGS, detectBrowsers, missingEngineError, selectedEngines } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const cdn = join(root, 'dist', 'cdn');
const problems = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// 1. Self-contained CDN build.
const cdnFiles = files(cdn).filter((f) => f.endsWith('.js'));
/** Every module specifier a file imports, statically or with import(), from Rollup's own parser. */
function specifiers(code) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (/^(ImportDeclaration|ExportNamedDeclaration|ExportAllDeclaration|ImportExpression)$/.test(node.type) && node.source?.type === 'Literal') {
      found.push(node.source.value);
    }
    for (const key in node) if (key !== 'type') visit(node[key]);
  };
  visit(parseAst(code));
  return found;
}

/** Calls of eval, Function or new Function, and string arguments to setTimeout/setInterval: a strict CSP blocks them all. */
function dynamicCode(code) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if ((node.type === 'CallExpression' || node.type === 'NewExpression') && node.callee.type === 'Identifier') {
      const name = node.callee.name;
      if (name === 'eval' || name === 'Function') found.push(`${node.type === 'NewExpression' ? 'new ' : ''}${name}()`);
      if ((name === 'setTimeout' || name === 'setInterval') && node.arguments[0]?.type === 'Literal' && typeof node.arguments[0].value === 'string') found.push(`${name}("…")`);
    }
    for (const key in node) if (key !== 'type') visit(node[key]);
  };
  visit(parseAst(code));
  return found;
}

for (const file of cdnFiles) {
  for (const call of dynamicCode(readFileSync(file, 'utf8'))) problems.push(`${relative(root, file)} uses ${call}: pages with a strict Content-Security-Policy would break`);
  for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
    if (!/^(\.{1,2}\/|\/|https?:)/.test(specifier)) problems.push(`${relative(root, file)} imports "${specifier}": the CDN build must not need a bundler`);
  }
}

// 2. package.json exports.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})];
for (const value of Object.values(pkg.exports)) targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
for (const target of targets.filter((t) => t && !t.includes('*'))) {
  if (!existsSync(join(root, target))) problems.push(`package.json points at ${target}, which the build did not produce`);
}

// 4. Sizes. Every number is gzip -9 of the built file, as a CDN would serve it.
const gzipped = new Map();
const gzipOf = (file) => {
  if (!gzipped.has(file)) gzipped.set(file, gzipSync(readFileSync(file), { level: 9 }).length);
  return gzipped.get(file);
};
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The Chinese strings chunk's budget; a Chinese page is the English page plus this chunk, so its budget is theirs together. */
const ZH_STRINGS_BUDGET = 3;

/** Lazy chunks by name (rollup.config.js names them), each with its own budget in KB gzip. */
const CHUNK_BUDGETS = [
  // 14.5 since issue 18: marked's rules and checks for modes we never use and its renderer's regexps are cut (-1.0 KB).
  ['markdown', /^chunks\/markdown-/, 14.5, 'markdown rendering (marked lexer + Lit templates)'],
  ['code blocks', /^chunks\/code-block-/, 3, 'code block toolbar and styles, on the first code block'],
  ['highlighting', /^chunks\/highlight-/, 15, 'highlight.js core + 5 languages'],
  // Temml (TeX -> MathML, 59.7 KB gzip alone; KaTeX 77.2 KB plus CSS and fonts): bench/results.md, "Math".
  ['math', /^chunks\/math-/, 62, 'TeX math (Temml, MathML), on the first formula'],
  // 4.5 since issue 18's second pass on the first keystroke (hash grouping of titles, one-pass text
  // checks: 10,000 questions, first-frame keystroke 52-58 -> 32-45 ms median): +0.6 KB, always
  // loaded with the question-browser chunk (bench/results.md, "the first keystroke, second pass").
  ['search', /^chunks\/search-/, 4.5, 'CJK-aware search (question-browser)'],
  ['scheduling', /^chunks\/scheduling-/, 2, 'FSRS-6 (src/progress/fsrs.ts), on the first grade'],
  // 5.5 since issue 18 (was 7 for the store and its records in two files): one file (rollup.config.js); the export file's reader is its own.
  ['progress store', /^chunks\/progress-store-/, 5.5, 'learner progress store with its records, on the first answer'],
  ['progress file', /^chunks\/progress-file-/, 1, 'the progress export file reader, to import a file'],
  ['progress views', /^chunks\/progress-views-/, 2, "card's review set and schedule table"],
  ['progress API', /^chunks\/progress-api-/, 1, 'loadProgressApi()'],
  ['URL loader', /^chunks\/load-url-/, 3, 'banks from a URL or bundled id (fetching, sharing, time limits)'],
  ['load errors', /^chunks\/load-error-/, 1, "what a failed load means: the card's error box, when a load fails"],
  // The importers read each question type's syntax since the interactions issue (+1.2 KB and +0.3 KB): lazy chunks, loaded only for markdown or GIFT sources.
  ['importer', /^chunks\/importer-/, 18, 'markdown importer (inline markdown, .md and quizdown banks)'],
  ['GIFT importer', /^chunks\/gift-/, 7, 'GIFT importer (inline text/gift, .gift banks)'],
  // 7.5 since 2026-12-07: importers take throwOnError and warn on a non-string id or language (+0.05 KB).
  ['import shared', /^chunks\/import-shared-/, 7.5, 'what both importers share (titles, topics, HTML as text)'],
  ['topic-list', /^chunks\/topic-list-/, 10, '<topic-list> with the progress store, on first use'],
  // 13.3 since issue 18's fourth pass (was 13): rows made only when shown (the status filter's rows as a list, +0.1 KB), and an
  // excerpt's lead measured in columns, whole surrogate pairs and word starts, so a phone shows the match (+0.2 KB).
  // 13.4 since 2026-12-08: the count in two pieces, so the titles wrap out of sight rather than cut the count beside Review due (+0.05 KB).
  ['question-browser', /^chunks\/question-browser-/, 13.4, '<question-browser>, on first use'],
  ['windowing', /^chunks\/windowing-/, 10, 'virtualizer for long result lists'],
  ['zh-CN strings', /^chunks\/zh-CN-/, ZH_STRINGS_BUDGET, 'Chinese UI strings, for Chinese pages'],
  ['exam', /^chunks\/exam-/, 2, "card's exam mode: Submit and the results, only on exam cards"],
  ['recorder', /^chunks\/recorder-/, 2, "card's answer recording and grade previews, with the progress store"],
  ['summary', /^chunks\/summary-/, 2, "card's end-of-set summary, fetched while the last question shows"],
  ['typed question', /^chunks\/typed-question-/, 2, "card's Check and verdict for typed questions, with the first one"],
  ['true/false', /^chunks\/view-true-false-/, 4, 'true/false view, on the first such question'],
  ['fill-in', /^chunks\/view-fill-in-/, 4, 'fill-in view with answer matching, on the first such question'],
  ['numeric', /^chunks\/view-numeric-/, 4, 'numeric view, on the first such question'],
  ['ordering', /^chunks\/view-ordering-/, 4, 'ordering view with keyboard and pointer dragging'],
  ['matching', /^chunks\/view-matching-/, 4, 'matching view with keyboard and pointer dragging'],
  // Learning records: the issue's budget for reporting is 10 KB, the reporter and one sink together.
  ['records', /^chunks\/records-[\w-]{8}\.js$/, 6, 'learning records: the reporter, launches, notes (configureLearningRecords)'],
  ['records xAPI', /^chunks\/records-xapi-/, 6, 'xAPI and cmi5 reporting: statements, the outbox'],
  ['records SCORM', /^chunks\/records-scorm-/, 6, 'SCORM 1.2 / 2004 reporting and resume data'],
  ['progress sync', /^chunks\/progress-sync-/, 4, 'progress across devices (xAPI state), with syncProgress'],
  ['quiz-stats', /^chunks\/quiz-stats-/, 6, '<quiz-stats>: progress at a glance, on first use'],
];
/** What pages download, measured in Chromium; KB gzip. */
// The issue's budget: a page showing one quiz-card with markdown, 45 KB with Lit. A Chinese page
// adds the Chinese strings chunk (2.2 KB): its own, larger budget (see README, "Size").
// Raised to 45.5 and then 45.7 KB on 2026-12-07, stated as debt (the note slot for learning
// records, the take-over of server-rendered cards, math detection, the retry of failed chunks
// under a new URL, <quiz-stats> in the autoloader: 0.57 KB together). Paid back by issue 18
// item 2 (45.8 -> 42.8 KB): loading from a URL or a bundled id is a chunk of its own (-1.7 KB;
// a card with a src downloads it: that page has its own row, 45.5 KB), the error box's wording
// comes only when a load fails (-0.35 KB), and marked's rules and checks for modes the renderer
// never uses are cut (-1.0 KB); so 43.2 KB. The revealed card went from 59.4 to 53.4 KB (our own
// FSRS), then to 49.6 KB (issue 18 item 2: the gains above, the store and its records in one
// file, the export file's reader left out: -0.9 KB): 50 KB, the issue's target.
const ONE_CARD_BUDGET = 43.2;
/** A card with a `src` also downloads the URL loader's chunk (2.7 KB). */
const URL_CARD_BUDGET = 45.8;
const PAGE_BUDGETS = {
  'one quiz-card (English)': ONE_CARD_BUDGET,
  'one quiz-card (中文)': ONE_CARD_BUDGET + ZH_STRINGS_BUDGET,
  'one quiz-card from a bank URL (English)': URL_CARD_BUDGET,
  '… after revealing and grading (English)': 50,
  'one server-rendered card, taken over (English)': ONE_CARD_BUDGET,
};
const ENTRY_BUDGET = 29;

const markdownBank = JSON.stringify({
  format: 'quiz-bank/1', id: 'size', title: 'Size', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [{ id: 'q', kind: 'concept', title: 'What is **overfitting**?', topics: ['t'], prompt: 'Explain *overfitting*, with a [link](https://example.com) and a list:\n\n- one\n- two', answer: 'Learning the **noise**: `loss` falls on training data only.' }],
});
const cardPage = (lang) => `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>size</title>
<script type="module" src="/dist/cdn/quiz-elements.js"></script></head><body>
<quiz-card id="card"><script type="application/json">${markdownBank}</script></quiz-card></body></html>`;
/** The same card with its bank from a URL (`/size-bank.json`, the same bank). */
const urlCardPage = cardPage('en').replace(/<quiz-card id="card">.*<\/quiz-card>/, '<quiz-card id="card" src="/size-bank.json"></quiz-card>');

/** The one-card page's bank as quiz-elements/ssr renders it (dist/ssr, the package's own entry), with the CDN script. */
async function serverRenderedPage() {
  const { renderCard } = await import('../dist/ssr/index.js');
  const card = (await renderCard(JSON.parse(markdownBank))).replace('<quiz-card ', '<quiz-card id="card" ');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>size</title>
<script type="module" src="/dist/cdn/quiz-elements.js"></script></head><body>${card}</body></html>`;
}

/**
 * All three elements on a page served with STRICT_CSP: they render, markdown and highlighted code
 * show, and the browser reports no CSP or Trusted Types violation and no page error.
 */
async function checkStrictPage(browser) {
  const tab = await browser.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  await tab.goto(`http://127.0.0.1:${server.address().port}/strict.html`);
  const shown = await tab
    .waitForFunction(
      () => {
        const root = (id) => globalThis.document.getElementById(id)?.shadowRoot;
        const card = root('card');
        const button = card?.querySelector('button.primary');
        if (button && !card.querySelector('[part~="answer"]')) button.click();
        globalThis.document.getElementById('browser').scrollIntoView(); // its windowed list renders rows on screen
        return (
          card?.querySelector('[part~="prompt"] strong') &&
          card.querySelector('[part~="answer"] .hljs-keyword') &&
          root('topics')?.querySelector('[role="option"]') &&
          root('browser')?.querySelector('[part~="result"]')
        );
      },
      { timeout: 20_000, polling: 100 },
    )
    .then(() => true)
    .catch(() => false);
  const violations = await tab.evaluate(() => globalThis.violations ?? ['the probe script did not run']);
  if (!shown) {
    const state = await tab.evaluate(() => {
      const root = (id) => globalThis.document.getElementById(id)?.shadowRoot;
      return JSON.stringify({
        prompt: !!root('card')?.querySelector('[part~="prompt"] strong'),
        code: !!root('card')?.querySelector('[part~="answer"] .hljs-keyword'),
        answer: root('card')?.querySelector('[part~="answer"]')?.innerHTML.slice(0, 200) ?? null,
        topics: !!root('topics')?.querySelector('[role="option"]'),
        rows: !!root('browser')?.querySelector('[part~="result"]'),
      });
    });
    problems.push(`strict page (CSP + Trusted Types): the elements did not all render: ${state}`);
  }
  for (const violation of violations) problems.push(`strict page: CSP violation: ${violation}`);
  for (const message of errors) problems.push(`strict page: page error: ${message}`);
  await tab.close();
  console.log(`strict page (${STRICT_CSP}): ${shown && !violations.length && !errors.length ? 'all three elements work, 0 violations' : 'FAILED'}`);
}

const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** The progress store's chunk file (dist/cdn/chunks/progress-store-*.js), for the chunk-failure checks. */
const progressStoreChunk = readdirSync(join(cdn, 'chunks')).find((name) => /^progress-store-[\w-]{8}\.js$/.test(name));

/**
 * The progress store's chunk cannot be downloaded when the learner grades: the card must say the
 * answer was not recorded, keep working, and record the next answer once the chunk is back. Runs
 * in every engine (see chunkFailureEngines): several keep a failed module import failed for the
 * page's lifetime, and there only the build's retry URL (importChunk in src/lazy.ts) gets the
 * chunk back. The page is served with STRICT_CSP, so retries must work under it too. After the
 * check, a plain import() of the chunk's own URL tells whether this engine cached the failure.
 * Resolves to `{ ok, cached }`; the time it prints counts from `started` (the browser's launch).
 */
async function checkProgressChunkDown(browser, engine, started = performance.now()) {
  const path = `/offline-${engine.replace(/\W+/g, '-')}.html`;
  strictPages.add(path);
  pages.set(path, cardPage('en').replace('<quiz-card id="card">', '<quiz-card id="card" progress-key="offline-check">').replace('</script></head>', '</script><script src="/strict-probe.js"></script></head>'));
  const tab = await browser.newPage();
  const errors = [];
  // Firefox reports the chunk's own failed loads as page errors: those are the point of the check.
  tab.on('pageerror', (error) => error.message.includes(progressStoreChunk) || errors.push(error.message));
  const fail = (message) => problems.push(`progress chunk down [${engine}]: ${message}`);
  progressStoreDown = true;
  chunkRequests.length = 0;
  try {
    await tab.goto(`http://127.0.0.1:${server.address().port}${path}`);
    await tab.waitForFunction(() => globalThis.document.getElementById('card')?.shadowRoot?.querySelector('[part~="prompt"] li'), { timeout: 15_000 });
    await reveal(tab);
    const note = await tab
      .waitForFunction(() => [...globalThis.document.getElementById('card').shadowRoot.querySelectorAll('[role="status"], [role="alert"], p, div')].map((e) => e.textContent).find((t) => t.includes('could not be recorded')), { timeout: 15_000 })
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!note) fail('the card did not say that the answer was not recorded');
    progressStoreDown = false;
    // Undo and grade again, with the chunk back: this time the answer is recorded.
    await tab.evaluate(() => [...globalThis.document.getElementById('card').shadowRoot.querySelectorAll('button')].find((b) => b.textContent.includes('Undo')).click());
    await tab.waitForFunction(() => globalThis.document.getElementById('card').shadowRoot.querySelector('[part~="grades"] button[aria-pressed="false"]'), { timeout: 15_000 });
    await tab.evaluate(() => globalThis.document.getElementById('card').shadowRoot.querySelector('[part~="grades"] button').click());
    const saved = await tab
      .waitForFunction(() => Object.keys(globalThis.localStorage).some((key) => key.includes('offline-check')), { timeout: 15_000 })
      .then(() => true)
      .catch(() => false);
    if (!saved) fail('once the chunk was back, a new grade was still not recorded');
    const loadedFrom = chunkRequests.filter((request) => request.status === 200).map((request) => request.url.replace(/^.*\/chunks\//, ''))[0];
    // The engine's own behaviour, with the chunk back: does a plain import() of the URL that failed still fail?
    const cached = await tab.evaluate((url) => import(url).then(() => false, () => true), `http://127.0.0.1:${server.address().port}/dist/cdn/chunks/${progressStoreChunk}`);
    const violations = await tab.evaluate(() => globalThis.violations ?? ['the probe script did not run']);
    for (const violation of violations) fail(`CSP violation: ${violation}`);
    for (const message of errors) fail(`page error: ${message}`);
    const ok = note && saved && !errors.length && !violations.length;
    const how = cached ? 'caches a failed import (a plain re-import still fails)' : 'retries a failed import itself';
    console.log(`progress chunk down [${engine}]: ${how}; ${ok ? `the card said the answer was not recorded, kept working, and recorded the next grade (chunk loaded from ${loadedFrom ?? '?'})` : 'FAILED'} (${seconds(started)})`);
    return { ok, cached };
  } finally {
    progressStoreDown = false;
    await tab.close();
  }
}

/**
 * Every engine the chunk-failure check runs in, besides the Chromium already open: @sparticuz/chromium
 * from node_modules (an older Chromium, which caches failed imports: always there, also in CI),
 * QUIZ_OLD_CHROMIUM_PATH if set (for example Debian's Chromium 150), and Firefox (ESR 153 caches
 * them too). Each is `{ name, launch }` or `{ name, skipped }`.
 */
async function chunkFailureEngines(primary) {
  const engines = [];
  if (primary.source !== '@sparticuz/chromium') {
    const bundled = await detectBrowsers({ engines: ['chromium'], env: { ...process.env, QUIZ_NO_SYSTEM_BROWSERS: '1', QUIZ_CHROMIUM_PATH: '' } });
    engines.push(bundled.chromium
      ? { name: 'chromium (@sparticuz)', launch: { executablePath: bundled.chromium.path, headless: bundled.chromium.headless, args: bundled.chromium.args } }
      : { name: 'chromium (@sparticuz)', skipped: bundled.problems.chromium });
  }
  const old = process.env.QUIZ_OLD_CHROMIUM_PATH;
  if (old) {
    if (existsSync(old)) engines.push({ name: 'chromium (QUIZ_OLD_CHROMIUM_PATH)', launch: { executablePath: old, headless: true, args: CHROMIUM_ARGS } });
    else problems.push(`QUIZ_OLD_CHROMIUM_PATH=${old} does not exist`);
  }
  if (selectedEngines().includes('firefox')) {
    const found = await detectBrowsers({ engines: ['firefox'] });
    if (found.firefox) engines.push({ name: 'firefox', launch: { browser: 'firefox', executablePath: found.firefox.path, headless: true } });
    else {
      const required = missingEngineError('firefox', found);
      if (required) problems.push(`no Firefox for the chunk-failure check (${required}): ${found.problems.firefox}`);
      engines.push({ name: 'firefox', skipped: found.problems.firefox });
    }
  }
  return engines;
}

/** Runs checkProgressChunkDown in `browser` (already open) and in every other engine; says which cached the failure. */
async function checkChunkFailures(browser, primary) {
  const started = performance.now();
  // "chromium (system)" and "Chrome/156.0.8078.129" give "chromium 156.0.8078.129 (system)".
  const engineName = async (name, browser) => name.replace(/^(\w+)/, `$1 ${(await browser.version()).replace(/^\D*/, '')}`);
  const cachedIn = [];
  const record = (name, { cached }) => cached && cachedIn.push(name);
  const first = await engineName(`chromium (${primary.source})`, browser);
  record(first, await checkProgressChunkDown(browser, first));
  for (const engine of await chunkFailureEngines(primary)) {
    if (engine.skipped) {
      console.log(`progress chunk down [${engine.name}]: skipped: ${engine.skipped}`);
      continue;
    }
    const launched = performance.now();
    const other = await puppeteer.launch(engine.launch).catch((error) => (problems.push(`${engine.name} did not start: ${error.message.split('\n')[0]}`), null));
    if (!other) continue;
    try {
      const name = await engineName(engine.name, other);
      record(name, await checkProgressChunkDown(other, name, launched));
    } finally {
      await other.close();
    }
  }
  if (cachedIn.length === 0) problems.push('progress chunk down: no engine here caches a failed import, so the retry URL went unchecked (@sparticuz/chromium 147 and Firefox ESR do; or set QUIZ_OLD_CHROMIUM_PATH)');
  console.log(`chunk failures: ${cachedIn.length ? `the retry URL was exercised in ${cachedIn.join(', ')}, which cache failed imports` : 'the retry URL was not exercised'} (${seconds(started)} in all)`);
}

/** Shows the answer of the page's card (id "card") and grades it with the first grade. */
async function reveal(tab) {
  await tab.evaluate(() => globalThis.document.getElementById('card').shadowRoot.querySelector('[part~="reveal"], button').click());
  await tab.waitForFunction(() => globalThis.document.getElementById('card').shadowRoot.querySelector('[part~="grades"] button'), { timeout: 15_000 });
  await tab.evaluate(() => globalThis.document.getElementById('card').shadowRoot.querySelector('[part~="grades"] button').click());
}

/**
 * A `src` card's bank request must not wait for the URL loader chunk: the card starts it while
 * the chunk downloads (one round trip, not two). Resource Timing of the page says whether the
 * bank was requested before the chunk had arrived.
 */
async function checkUrlCardRequests(browser) {
  pages.set('/url-card.html', urlCardPage);
  const tab = await browser.newPage();
  try {
    await tab.goto(`http://127.0.0.1:${server.address().port}/url-card.html`);
    await tab.waitForFunction(() => globalThis.document.getElementById('card')?.shadowRoot?.querySelector('[part~="title"]'), { timeout: 15_000 });
    const timing = await tab.evaluate(() => {
      const entries = globalThis.performance.getEntriesByType('resource');
      const bank = entries.find((entry) => entry.name.endsWith('/size-bank.json'));
      const loader = entries.find((entry) => /\/chunks\/load-url-[^/]*\.js/.test(entry.name));
      return bank && loader ? { bankStart: bank.startTime, loaderEnd: loader.responseEnd, loaderStart: loader.startTime } : null;
    });
    if (!timing) problems.push('src card: the page did not request both its bank and the URL loader chunk');
    else if (timing.bankStart >= timing.loaderEnd) {
      problems.push(`src card: the bank was requested ${(timing.bankStart - timing.loaderEnd).toFixed(1)} ms after the URL loader chunk arrived; the card should request it while the chunk downloads (bankFromUrl in src/bank/load-core.ts)`);
    }
  } finally {
    await tab.close();
  }
}

/** Loads `html` and returns the dist/cdn files it fetched once the card shows its question (and after `act`). */
async function measurePage(browser, html, act, ready = () => globalThis.document.getElementById('card')?.shadowRoot?.querySelector('[part~="prompt"] li')) {
  pages.set('/measure.html', html);
  const tab = await browser.newPage();
  const fetched = new Set();
  tab.on('requestfinished', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/dist/cdn/') && path.endsWith('.js')) fetched.add(path.slice('/dist/cdn/'.length));
  });
  await tab.goto(`http://127.0.0.1:${server.address().port}/measure.html`);
  await tab.waitForFunction(ready, { timeout: 15_000 });
  if (act) await act(tab);
  await tab.evaluate(() => new Promise((done) => setTimeout(done, 300))); // late chunks
  await tab.close();
  return [...fetched].sort();
}

// 3. The CDN file in a plain page, and on a strict page.

/** The policy README "Strict pages" documents: no inline or eval'd script, Trusted Types enforced. */
const STRICT_CSP = "script-src 'self'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html quiz-elements";
const strictBank = JSON.stringify({
  format: 'quiz-bank/1', id: 'strict', title: 'Strict', language: 'en', topics: [{ id: 't', title: 'Topic' }],
  questions: [{ id: 'q', kind: 'coding', title: 'Strict page', topics: ['t'], prompt: 'Read **this**, [a link](https://example.com).', answer: '```python\nimport os\nprint(os.name)\n```' }],
});
const strictPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>strict</title>
<script type="module" src="/dist/cdn/quiz-elements.js"></script><script src="/strict-probe.js"></script></head><body>
<quiz-card id="card"><script type="application/json">${strictBank}</script></quiz-card>
<topic-list id="topics" bank="llm-fundamentals"></topic-list>
<question-browser id="browser" bank="llm-fundamentals" style="height: 600px"></question-browser>
</body></html>`;
// Same-origin script, so script-src 'self' allows it: records every CSP violation.
const strictProbe = `globalThis.violations = []; document.addEventListener('securitypolicyviolation', (e) => globalThis.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + (e.sample || '')));`;

const bank = {
  format: 'quiz-bank/1', id: 'build-check', title: 'Build check', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [{ id: 'q', kind: 'concept', title: 'Served from a URL', topics: ['t'], prompt: 'Does **markdown** render?', answer: 'Yes.' }],
};
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>check</title>
<script type="module" src="/dist/cdn/quiz-elements.js"></script></head><body>
<quiz-card id="url" src="/bank.json"></quiz-card>
<quiz-card id="bundled" bank="llm-fundamentals" count="2"></quiz-card>
<quiz-card id="inline"><script type="application/json">{"title":"Inline JSON","prompt":"p","answer":"a"}</script></quiz-card>
</body></html>`;
const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };
const pages = new Map();
/** Pages served with STRICT_CSP. */
const strictPages = new Set(['/strict.html']);
/** While set, the progress store's chunk answers 503, as on a connection that drops mid-session. */
let progressStoreDown = false;
/** Requests for the progress store's chunk (with any query), for checkProgressChunkDown's report. */
const chunkRequests = [];
const server = createServer((request, response) => {
  const url = new URL(request.url, 'http://x');
  const path = decodeURIComponent(url.pathname);
  if (/^\/dist\/cdn\/chunks\/progress-store-/.test(path)) chunkRequests.push({ url: url.pathname + url.search, status: progressStoreDown ? 503 : 200 });
  if (progressStoreDown && /^\/dist\/cdn\/chunks\/progress-store-/.test(path)) return response.writeHead(503).end('offline');
  if (path === '/strict-probe.js') return response.writeHead(200, { 'content-type': types['.js'] }).end(strictProbe);
  const headers = { 'content-type': types['.html'], ...(strictPages.has(path) && { 'content-security-policy': STRICT_CSP }) };
  if (path === '/strict.html') return response.writeHead(200, headers).end(strictPage);
  if (pages.has(path)) return response.writeHead(200, headers).end(pages.get(path));
  if (path === '/' || path === '/index.html') return response.writeHead(200, { 'content-type': types['.html'] }).end(page);
  if (path === '/bank.json') return response.writeHead(200, { 'content-type': types['.json'] }).end(JSON.stringify(bank));
  if (path === '/size-bank.json') return response.writeHead(200, { 'content-type': types['.json'] }).end(markdownBank);
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) return response.writeHead(404).end('not found');
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const measured = new Map();
const found = await detectBrowsers({ engines: ['chromium'] });
if (!found.chromium) {
  problems.push(`no Chromium to check the CDN build in: ${found.problems.chromium}`);
} else {
  const browser = await puppeteer.launch({ executablePath: found.chromium.path, headless: true, args: found.chromium.args });
  try {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    const titles = await tab
      .waitForFunction(
        () => {
          const read = (id) => globalThis.document.getElementById(id)?.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? null;
          const all = ['url', 'bundled', 'inline'].map(read);
          return all.every(Boolean) && all;
        },
        { timeout: 15_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!titles) problems.push('the CDN build did not render all three quiz-cards within 15 s');
    else if (titles.join('|') !== 'Served from a URL|什么是大模型？|Inline JSON') problems.push(`unexpected card titles: ${titles.join(' | ')}`);
    for (const message of errors) problems.push(`page error: ${message}`);
    await checkStrictPage(browser);
    await checkChunkFailures(browser, found.chromium);
    measured.set('one quiz-card (English)', await measurePage(browser, cardPage('en')));
    measured.set('one quiz-card (中文)', await measurePage(browser, cardPage('zh-CN')));
    measured.set('one quiz-card from a bank URL (English)', await measurePage(browser, urlCardPage));
    await checkUrlCardRequests(browser);
    // A server-rendered card (quiz-elements/ssr) shows its question with no script; this is what
    // its take-over downloads (the card's own Show answer button replaces the server's
    // <details>). Measured before the grade below, which leaves progress in the origin's storage.
    measured.set('one server-rendered card, taken over (English)', await measurePage(browser, await serverRenderedPage(), null, () => {
      const root = globalThis.document.getElementById('card')?.shadowRoot;
      return root && !root.querySelector('.static-answer') && root.querySelector('button.primary');
    }));
    measured.set('… after revealing and grading (English)', await measurePage(browser, cardPage('en'), reveal));
  } finally {
    await browser.close();
  }
}
server.close();

const rows = [];
const entryGzip = gzipOf(join(cdn, 'quiz-elements.js'));
rows.push(['entry quiz-elements.js (Lit, <quiz-card>, loader, validator, en UI)', entryGzip, ENTRY_BUDGET]);
for (const [what, files] of measured) {
  const total = files.reduce((sum, file) => sum + gzipOf(join(cdn, file)), 0);
  rows.push([`page: ${what} = ${files.length} files`, total, PAGE_BUDGETS[what] ?? null]);
  if (process.env.QUIZ_SIZE_VERBOSE) console.log(`${what}: ${files.map((file) => `${file} ${kb(gzipOf(join(cdn, file)))}`).join(', ')}`);
}
const chunkFiles = cdnFiles.map((file) => relative(cdn, file).split(sep).join('/')).filter((file) => file.startsWith('chunks/'));
const budgeted = new Set();
for (const [name, pattern, budget, what] of CHUNK_BUDGETS) {
  const files = chunkFiles.filter((file) => pattern.test(file));
  if (files.length === 0) problems.push(`no "${name}" chunk in dist/cdn/chunks: rollup.config.js's manualChunks and this table disagree`);
  for (const file of files) {
    budgeted.add(file);
    rows.push([`${name}: ${what}`, gzipOf(join(cdn, file)), budget]);
  }
}
for (const file of chunkFiles.filter((f) => !budgeted.has(f))) rows.push([file.replace(/^chunks\//, '').replace(/-[\w-]{8}\.js$/, ''), gzipOf(join(cdn, file)), null]);
console.log(`\nSizes (gzip -9)${' '.repeat(60)}size   budget`);
for (const [what, size, budget] of rows) {
  const over = budget !== null && size > budget * 1024;
  if (over) problems.push(`${what}: ${kb(size)} gzip is over its budget of ${budget} KB`);
  console.log(`${what.slice(0, 74).padEnd(74)} ${kb(size).padStart(8)} ${budget === null ? '' : `${String(budget).padStart(5)} KB${over ? '  OVER' : ''}`}`);
}

if (problems.length > 0) {
  console.error(`\nbuild check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nbuild check: CDN build is self-contained and renders quiz-cards in Chromium; package exports resolve.');
