#!/usr/bin/env node
// "First question visible" benchmark: how long after navigation a learner sees the first
// question of a 20-question choice set loaded from a remote JSON bank, in headless Chromium,
// for <quiz-card> (the CDN build), <quiz-card> rendered on the server (quiz-elements/ssr) and,
// for comparison, quizdown-js.
//
//   npm run bench                       # build if dist/cdn is stale, measure, update bench/results.md
//   node bench/first-question.mjs --runs=30 --latency=0,50,100 --no-quizdown --no-write
//
// Options: --runs=N (runs per latency of quiz-card, quiz-card SSR and the static floor, default
// 20), --quizdown-runs=N (default 5), --wait-idle[=S] (first wait up to S seconds, default 300,
// until other processes leave the CPUs mostly idle),
// --latency=LIST (server delay per request in ms, default 0,50), --no-quizdown, --no-ssr, --no-build
// (use dist/cdn as it is), --build (always build), --no-write (leave results.md alone),
// --trace (also write one Chrome trace per latency of a quiz-card run to bench/.out/, for
// DevTools), --profile (one extra quiz-card run per latency under the V8 CPU profiler: main-thread
// self time by original source file, through the source maps).
//
// Method: a Node http server on 127.0.0.1 serves a plain page like a blogger would write, the
// dist/cdn files (snapshotted into memory at start) and the generated bank, gzip-compressed with
// content-encoding (as a CDN would). Every run gets a fresh incognito browser context with the
// HTTP cache disabled, so every load is cold. An init script in the page records
// performance.now() (ms since performance.timeOrigin, i.e. navigation start) when the question
// title first has text in the element's shadow root (MutationObserver on every shadow root as it
// is attached, and, for a declarative shadow root the parser attaches without calling
// attachShadow, on host.shadowRoot as soon as an observer of the document sees the host), then
// the double requestAnimationFrame after it (the frame with the title has been painted), and the
// first frame in which the title is fully opaque (quizdown fades questions in). For the SSR page
// it also records when the card has taken over the server's rendering (the server's content is
// gone from the shadow root, the card's own title and buttons are there). For every page it
// sums the layout shifts of the run (PerformanceObserver 'layout-shift', buffered, without
// shifts after input).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { createServer } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';
import { browserEnv, detectBrowsers, ROOT_DIR } from '../scripts/browsers.mjs';
import { makeBank, makeQuizdown, QUESTION_COUNT } from './bank.mjs';
import { BENCH_ARGS, CDN_DIR, ensureBuild, OUT_DIR, RESULTS, snapshotCdn, stats } from './harness.mjs';
import { startProfiler, summarizeProfile } from './profile.mjs';

const TARGET_MS = 200;
// Issue 17: the server-rendered card shows the first question at least this many times sooner than quizdown-js.
const SSR_TARGET_RATIO = 5;
const RUN_TIMEOUT_MS = 15_000;
const GZIP_LEVEL = 9;

// --- options ------------------------------------------------------------------------------

function parseArgs(argv) {
  const options = { runs: 20, quizdownRuns: 5, waitIdle: 0, latencies: [0, 50], quizdown: true, ssr: true, build: 'auto', write: true, trace: false, profile: false };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split('=');
    if (key === 'runs') options.runs = positive(value, arg);
    else if (key === 'quizdown-runs') options.quizdownRuns = positive(value, arg);
    else if (key === 'latency') options.latencies = value.split(',').map((v) => nonNegative(v, arg));
    else if (key === 'no-quizdown') options.quizdown = false;
    else if (key === 'no-ssr') options.ssr = false;
    else if (key === 'no-build') options.build = 'never';
    else if (key === 'build') options.build = 'always';
    else if (key === 'no-write') options.write = false;
    else if (key === 'trace') options.trace = true;
    else if (key === 'profile') options.profile = true;
    else if (key === 'wait-idle') options.waitIdle = value === undefined ? 300 : nonNegative(value, arg);
    else if (key === 'help' || key === 'h') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').slice(1).join('\n').split('\n//\n// Method:')[0].replace(/^\/\/ ?/gm, ''));
      process.exit(0);
    } else throw new Error(`unknown option ${arg} (try --help)`);
  }
  return options;
}

function positive(value, arg) {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${arg}: expected a whole number of at least 1`);
  return n;
}

function nonNegative(value, arg) {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${arg}: expected milliseconds (0 or more)`);
  return n;
}

// --- machine load -------------------------------------------------------------------------

/** Busy and total CPU jiffies of the whole machine (Linux /proc/stat), or null elsewhere. */
function cpuTimes() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
    const n = fields.map(Number);
    const idle = n[3] + (n[4] ?? 0);
    const total = n.reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return null;
  }
}

/** Waits (up to `seconds`) until the CPUs were less than 25 % busy over 3 s. Returns the last busy share. */
async function waitForIdle(seconds) {
  const deadline = Date.now() + seconds * 1000;
  let share = null;
  for (;;) {
    const a = cpuTimes();
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const b = cpuTimes();
    if (!a || !b) return null;
    share = (b.busy - a.busy) / Math.max(1, b.total - a.total);
    if (share < 0.25 || Date.now() > deadline) return share;
    process.stdout.write(`  waiting for idle CPUs (${Math.round(share * 100)} % busy)\r`);
  }
}

// --- what the server serves ---------------------------------------------------------------

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
};

function asset(body, type, cacheControl = 'public, max-age=600') {
  const raw = Buffer.isBuffer(body) ? body : Buffer.from(body);
  return { raw, gzip: gzipSync(raw, { level: GZIP_LEVEL }), type, cacheControl };
}

/** Every .js file of dist/cdn (no source maps), read once so a parallel rebuild can't change them mid-run. */

const PAGE_STYLE = `body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.6; color: #222; }`;

function blogPage({ head = '', body }) {
  return `<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>大模型面试题：20 道选择题自测</title>
  ${head}
  <style>${PAGE_STYLE}</style>
</head>
<body>
  <h1>大模型面试题：20 道选择题自测</h1>
  <p>准备大模型相关岗位的面试？下面 20 道选择题覆盖注意力机制、推理优化、RAG 与微调等基础知识。选出答案后点击“检查”，做完可以查看得分。</p>
${body}
  <p>题目会不定期更新，欢迎在评论区留言讨论。</p>
</body>
</html>
`;
}

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The server-rendered card: `renderCard(makeBank(), { count })` from dist/ssr (built with
 * dist/cdn), run once in a child Node process so that what @lit-labs/ssr puts on the global
 * object (customElements, Lit's version lists) stays out of the bench process.
 */
function renderSsrCard() {
  const ssr = path.join(ROOT_DIR, 'dist', 'ssr', 'index.js');
  if (!existsSync(ssr)) throw new Error('dist/ssr/index.js is missing (run npm run build)');
  const script = `
    const { renderCard } = await import(${JSON.stringify(pathToFileURL(ssr).href)});
    const { makeBank, QUESTION_COUNT } = await import(${JSON.stringify(new URL('./bank.mjs', import.meta.url).href)});
    const started = performance.now();
    const html = await renderCard(makeBank(), { count: QUESTION_COUNT });
    process.stdout.write(JSON.stringify({ html, ms: performance.now() - started }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT_DIR, encoding: 'utf8', maxBuffer: 64 << 20 }));
}

function makeSite(cdnFiles, quizdownBundle, ssrCard) {
  const files = new Map(cdnFiles);
  files.set('/bank.json', asset(JSON.stringify(makeBank(), null, 2), TYPES['.json'], 'public, max-age=300'));
  files.set(
    '/quiz-card.html',
    asset(
      blogPage({
        head: '<script type="module" src="/dist/cdn/quiz-elements.js"></script>',
        body: `  <quiz-card src="/bank.json" count="${QUESTION_COUNT}"></quiz-card>`,
      }),
      TYPES['.html'],
      'no-cache',
    ),
  );
  // Server-rendered: the same page with renderCard's HTML (declarative shadow root with the first
  // question, the bank inline) in the body; the CDN build takes the card over when it has loaded.
  if (ssrCard) {
    files.set(
      '/quiz-card-ssr.html',
      asset(
        blogPage({
          head: '<script type="module" src="/dist/cdn/quiz-elements.js"></script>',
          body: `  ${ssrCard}`,
        }),
        TYPES['.html'],
        'no-cache',
      ),
    );
  }
  // The floor: the same page with the first question as plain HTML and no script at all.
  const first = makeBank().questions[0];
  files.set(
    '/static.html',
    asset(
      blogPage({
        body: `  <section>\n    <h3 id="first-title">${escapeHtml(first.title)}</h3>\n    <p>${escapeHtml(first.prompt).replace(/\n\n/g, '</p>\n    <p>')}</p>\n    <ol>${first.choices.map((c) => `<li>${escapeHtml(c.text)}</li>`).join('')}</ol>\n  </section>`,
      }),
      TYPES['.html'],
      'no-cache',
    ),
  );
  if (quizdownBundle) {
    const markdown = makeQuizdown();
    files.set('/quizdown/quizdown.js', asset(quizdownBundle, TYPES['.js']));
    files.set('/quiz.md', asset(markdown, TYPES['.md'], 'public, max-age=300'));
    // quizdown's documented use: the quiz markdown inline in a div, rendered on window load.
    files.set(
      '/quizdown-inline.html',
      asset(
        blogPage({
          head: '<script src="/quizdown/quizdown.js"></script>\n  <script>quizdown.init();</script>',
          body: `  <div class="quizdown">\n${escapeHtml(markdown)}\n  </div>`,
        }),
        TYPES['.html'],
        'no-cache',
      ),
    );
    // quizdown has no remote-bank option; this is the closest equivalent of src=: fetch the
    // markdown and call its createApp as soon as it arrives.
    files.set(
      '/quizdown-fetch.html',
      asset(
        blogPage({
          head: '<script src="/quizdown/quizdown.js"></script>',
          body: `  <div class="quizdown" id="quiz"></div>
  <script>
    fetch('/quiz.md').then((r) => r.text()).then((md) => quizdown.createApp(md, document.getElementById('quiz'), { shuffleAnswers: false }));
  </script>`,
        }),
        TYPES['.html'],
        'no-cache',
      ),
    );
  }
  return files;
}

function startServer(files) {
  const state = { latency: 0, log: [] };
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost').pathname;
    const file = files.get(url === '/' ? '/quiz-card.html' : url);
    const send = () => {
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        state.log.push({ path: url, status: 404, raw: 0, sent: 0 });
        return;
      }
      const gzip = /\bgzip\b/.test(req.headers['accept-encoding'] ?? '');
      const body = gzip ? file.gzip : file.raw;
      const headers = {
        'content-type': file.type,
        'content-length': body.length,
        'cache-control': file.cacheControl,
        vary: 'Accept-Encoding',
        'access-control-allow-origin': '*',
      };
      if (gzip) headers['content-encoding'] = 'gzip';
      res.writeHead(200, headers).end(body);
      state.log.push({ path: url, status: 200, raw: file.raw.length, sent: body.length, gzip });
    };
    if (state.latency > 0) setTimeout(send, state.latency);
    else send();
  });
  return new Promise((resolve, reject) => {
    server.on('error', reject);
    // Port 0: the system picks a free port.
    server.listen(0, '127.0.0.1', () => resolve({ server, state, origin: `http://127.0.0.1:${server.address().port}` }));
  });
}

// --- in-page probe (runs before any page script) ------------------------------------------

function probe(target) {
  const t = {};
  const now = () => Math.round(performance.now() * 10) / 10;
  let resolveResult;
  const result = new Promise((resolve) => (resolveResult = resolve));
  Object.defineProperty(window, '__benchResult', { value: result });
  let finished = false;
  let title = null;

  const observe = (type, callback) => {
    try {
      const observer = new PerformanceObserver((list) => callback(list.getEntries()));
      observer.observe({ type, buffered: true });
      return observer;
    } catch {
      return null; // entry type not supported
    }
  };
  observe('paint', (entries) => {
    for (const e of entries) if (e.name === 'first-contentful-paint') t.fcp = Math.round(e.startTime * 10) / 10;
  });
  let lcp = null;
  observe('largest-contentful-paint', (entries) => {
    const e = entries[entries.length - 1];
    const el = e.element;
    lcp = {
      time: Math.round((e.renderTime || e.startTime) * 10) / 10,
      size: e.size,
      // LCP does not expose elements inside shadow roots.
      element: el ? `${el.localName}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}` : '(in a shadow root)',
    };
  });
  // Layout shifts of the whole run (CLS: every run is shorter than one 5 s session window).
  const shifts = [];
  const onShifts = (entries) => {
    for (const e of entries) {
      if (e.hadRecentInput) continue;
      shifts.push({
        time: Math.round(e.startTime * 10) / 10,
        value: e.value,
        sources: (e.sources ?? []).map((source) => {
          const node = source.node;
          return node ? (node.nodeType === 1 ? `${node.localName}${node.className ? `.${String(node.className).split(' ')[0]}` : ''}` : node.nodeName) : '(in a shadow root)';
        }),
      });
    }
  };
  const shiftObserver = observe('layout-shift', onShifts);
  const longTasks = [];
  observe('longtask', (entries) => {
    for (const e of entries) longTasks.push({ start: Math.round(e.startTime), duration: Math.round(e.duration) });
  });
  if (target.customElement) customElements.whenDefined(target.host).then(() => (t.defined = now()));

  function finish(reason) {
    if (finished) return;
    finished = true;
    // Give the LCP and layout-shift observers a moment to report the paint that showed the question.
    setTimeout(() => {
      if (shiftObserver) onShifts(shiftObserver.takeRecords());
      const nav = performance.getEntriesByType('navigation')[0];
      resolveResult({
        reason,
        t,
        lcp,
        longTasks,
        cls: shifts.reduce((sum, s) => sum + s.value, 0),
        shifts,
        nav: nav && {
          responseEnd: nav.responseEnd,
          domInteractive: nav.domInteractive,
          domContentLoaded: nav.domContentLoadedEventEnd,
          load: nav.loadEventEnd,
        },
        resources: performance.getEntriesByType('resource').map((r) => ({
          path: new URL(r.name).pathname,
          initiator: r.initiatorType,
          start: r.startTime,
          responseStart: r.responseStart,
          end: r.responseEnd,
          transfer: r.transferSize,
          encoded: r.encodedBodySize,
          decoded: r.decodedBodySize,
        })),
      });
    }, 150);
  }

  function effectiveOpacity(el) {
    let opacity = 1;
    for (let node = el; node; node = node.parentNode ?? node.host) {
      if (node.nodeType === 1) opacity *= Number(getComputedStyle(node).opacity);
    }
    return opacity;
  }

  const shadowRoot = () => (target.host ? document.querySelector(target.host)?.shadowRoot : document);

  function check() {
    if (finished) return;
    const root = shadowRoot();
    if (!root) return;
    if (target.ssr) checkTakeover(root);
    if (t.dom !== undefined) return;
    const el = root.querySelector(target.title);
    if (el && el.textContent.trim()) {
      t.dom = now();
      title = el;
      t.title = el.textContent.trim().slice(0, 60);
      afterDom();
    } else if (target.error && root.querySelector(target.error)) {
      t.error = root.querySelector(target.error).textContent.trim().replace(/\s+/g, ' ').slice(0, 300);
      finish('error');
    }
  }

  // The server's rendering (renderCard) starts with its own <style> (the .static-answer rules);
  // the card removes every node the server rendered in the update that draws its own content.
  function checkTakeover(root) {
    if (t.takeover !== undefined) return;
    const serverStyle = [...root.children].some((c) => c.localName === 'style' && c.textContent.includes('.static-answer'));
    if (serverStyle) {
      t.serverSeen ??= now();
      return;
    }
    if (t.serverSeen === undefined || root.querySelector('details.static-answer') || !root.querySelector('button')) return;
    if (!root.querySelector(target.title)?.textContent.trim()) return;
    t.takeover = now();
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        t.takeoverPainted = now();
        maybeFinish();
      }),
    );
  }

  function maybeFinish() {
    if (t.opaque !== undefined && (!target.ssr || t.takeoverPainted !== undefined)) finish('ok');
  }

  function afterDom() {
    requestAnimationFrame(() => {
      t.raf1 = now();
      requestAnimationFrame(() => {
        t.painted = now();
        watchOpacity();
      });
    });
  }

  // Fully visible: the frame after the first one in which the title is laid out and opaque.
  function watchOpacity() {
    // The title the server rendered goes when the card takes over: follow the one that replaced it.
    if (!title.isConnected) title = shadowRoot()?.querySelector(target.title) ?? title;
    const rect = title.getBoundingClientRect();
    if (title.isConnected && rect.width > 0 && rect.height > 0 && effectiveOpacity(title) >= 0.99) {
      requestAnimationFrame(() => {
        t.opaque = now();
        maybeFinish();
      });
    } else requestAnimationFrame(watchOpacity);
  }

  // Watch every shadow root from the moment it exists, so the title is seen in the same task
  // that inserts it; a rAF loop is the fallback. A shadow root created by script goes through
  // attachShadow; a declarative one (<template shadowrootmode>, as quiz-elements/ssr writes) is
  // attached by the parser, which does not call it: it exists once the host is parsed, so an
  // observer of the document looks for the host and starts watching host.shadowRoot.
  const watched = new WeakSet();
  const watch = (root) => {
    if (watched.has(root)) return;
    watched.add(root);
    new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true });
  };
  if (!target.host) watch(document);
  else {
    new MutationObserver(() => {
      const root = document.querySelector(target.host)?.shadowRoot;
      if (root) watch(root);
      check();
    }).observe(document, { childList: true, subtree: true });
  }
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    watch(root);
    return root;
  };
  const loop = () => {
    check();
    if ((t.dom === undefined || (target.ssr && t.takeover === undefined)) && !finished) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  setTimeout(() => finish('timeout'), target.timeout);
}

// --- runs ---------------------------------------------------------------------------------

const VARIANTS = {
  'static HTML (floor)': { page: '/static.html', target: { host: null, title: '#first-title' } },
  'quiz-card': { page: '/quiz-card.html', target: { host: 'quiz-card', title: '[part~="title"]', error: '[part~="error"]', customElement: true } },
  'quiz-card SSR': { page: '/quiz-card-ssr.html', target: { host: 'quiz-card', title: '[part~="title"]', error: '[part~="error"]', customElement: true, ssr: true } },
  'quizdown (inline)': { page: '/quizdown-inline.html', target: { host: '.quizdown', title: 'h3' } },
  'quizdown (fetch .md)': { page: '/quizdown-fetch.html', target: { host: '.quizdown', title: 'h3' } },
};

async function runOnce(browser, site, variant, { tracePath, profile } = {}) {
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.setCacheEnabled(false);
    await page.evaluateOnNewDocument(probe, { ...variant.target, timeout: RUN_TIMEOUT_MS - 2000 });
    site.state.log = [];
    if (tracePath) await page.tracing.start({ path: tracePath });
    const stopProfiler = profile ? await startProfiler(page) : null;
    await page.goto(`${site.origin}${variant.page}`, { waitUntil: 'load', timeout: RUN_TIMEOUT_MS });
    const result = await page.evaluate(() => window.__benchResult);
    if (stopProfiler) result.profile = await summarizeProfile(await stopProfiler(), { cdnDir: CDN_DIR, origin: site.origin });
    if (tracePath) await page.tracing.stop();
    const metrics = await page.metrics();
    result.main = {
      task: metrics.TaskDuration * 1000,
      script: metrics.ScriptDuration * 1000,
      layout: metrics.LayoutDuration * 1000,
      style: metrics.RecalcStyleDuration * 1000,
    };
    result.requests = site.state.log;
    return result;
  } finally {
    await context.close();
  }
}


/**
 * Runs every variant at one server latency, interleaved (run i of each variant, then run i + 1),
 * so that load from other processes on the machine hits all variants alike.
 */
async function measureLatency(browser, site, names, latency, runsOf, options) {
  site.state.latency = latency;
  // Warm-up (browser process start, first use of each page); not counted.
  for (const name of names) await runOnce(browser, site, VARIANTS[name]);
  const results = new Map(names.map((name) => [name, []]));
  const load = [os.loadavg()[0]];
  const rounds = Math.max(...names.map(runsOf));
  process.stdout.write(`  ${latency} ms latency, ${rounds} rounds of ${names.join(' / ')}: `);
  for (let i = 0; i < rounds; i++) {
    for (const name of names) {
      if (i >= runsOf(name)) continue;
      const r = await runOnce(browser, site, VARIANTS[name]);
      results.get(name).push(r);
      if (r.reason !== 'ok') process.stdout.write('x');
    }
    process.stdout.write('.');
    load.push(os.loadavg()[0]);
  }
  process.stdout.write('\n');
  const rows = names.map((name) => summarize(name, latency, results.get(name), load));
  if (options.trace) {
    mkdirSync(OUT_DIR, { recursive: true });
    const row = rows.find((r) => r.name === 'quiz-card');
    row.trace = path.join(OUT_DIR, `trace-quiz-card-${latency}ms.json`);
    await runOnce(browser, site, VARIANTS['quiz-card'], { tracePath: row.trace });
  }
  if (options.profile) {
    const row = rows.find((r) => r.name === 'quiz-card');
    const r = await runOnce(browser, site, VARIANTS['quiz-card'], { profile: true });
    row.profile = { ...r.profile, painted: r.t.painted, dom: r.t.dom };
  }
  return rows;
}

function summarize(name, latency, results, load) {
  const failures = results.filter((r) => r.reason !== 'ok');
  if (failures.length > 0) {
    const f = failures[0];
    console.warn(`    ${name}: ${failures.length} run(s) failed: ${f.reason}${f.t.error ? `: ${f.t.error}` : ''}`);
  }
  const ok = results.filter((r) => r.reason === 'ok');
  const pick = (fn) => ok.map(fn);
  const js = (r, key) => r.requests.filter((q) => q.path.endsWith('.js')).reduce((sum, q) => sum + q[key], 0);
  return {
    name,
    latency,
    runs: results.length,
    failed: failures.length,
    firstError: failures[0]?.t.error ?? failures[0]?.reason,
    loadAvg: stats(load),
    title: ok[0]?.t.title,
    painted: stats(pick((r) => r.t.painted)),
    dom: stats(pick((r) => r.t.dom)),
    opaque: stats(pick((r) => r.t.opaque)),
    fcp: stats(pick((r) => r.t.fcp)),
    lcp: stats(pick((r) => r.lcp?.time)),
    lcpElement: mode(pick((r) => r.lcp?.element)),
    defined: stats(pick((r) => r.t.defined)),
    serverSeen: stats(pick((r) => r.t.serverSeen)),
    takeover: stats(pick((r) => r.t.takeover)),
    takeoverPainted: stats(pick((r) => r.t.takeoverPainted)),
    cls: stats(pick((r) => r.cls)),
    shiftSources: mode(pick((r) => [...new Set(r.shifts.map((x) => x.sources.join('+')))].join(', '))),
    htmlEnd: stats(pick((r) => r.nav?.responseEnd)),
    domContentLoaded: stats(pick((r) => r.nav?.domContentLoaded)),
    load: stats(pick((r) => r.nav?.load)),
    mainTask: stats(pick((r) => r.main.task)),
    mainScript: stats(pick((r) => r.main.script)),
    mainLayoutStyle: stats(pick((r) => r.main.layout + r.main.style)),
    longTasks: stats(pick((r) => r.longTasks.filter((l) => l.start < r.t.painted).reduce((sum, l) => sum + l.duration, 0))),
    jsRaw: stats(pick((r) => js(r, 'raw'))),
    jsSent: stats(pick((r) => js(r, 'sent'))),
    requests: ok[0]?.requests ?? [],
    waterfall: waterfall(ok),
    phases: name === 'quiz-card' ? phases(ok) : null,
    trace: null,
    profile: null,
  };
}

/**
 * The critical path of a quiz-card load, phase by phase (median over runs of each run's own
 * durations): HTML -> entry script -> bank and renderer chunk in parallel -> render -> paint.
 */
function phases(results) {
  const per = results
    .map((r) => {
      const entry = r.resources.find((x) => x.path.endsWith('/quiz-elements.js'));
      const lazy = r.resources.filter((x) => x.path === '/bank.json' || /\/chunks\/markdown-/.test(x.path));
      if (!entry || lazy.length < 2) return null;
      const lazyStart = Math.min(...lazy.map((x) => x.start));
      const lazyEnd = Math.max(...lazy.map((x) => x.end));
      return [
        ['navigation start → entry script requested (HTML fetched and parsed)', entry.start],
        ['entry script download', entry.end - entry.start],
        ['entry compiled and run, element upgraded → bank and renderer requested', lazyStart - entry.end],
        ['bank + renderer chunk download (in parallel)', lazyEnd - lazyStart],
        ['both arrived → title in shadow DOM (chunk compile/run, bank parse/validate, render)', r.t.dom - lazyEnd],
        ['title in DOM → painted (style, layout, paint; double rAF)', r.t.painted - r.t.dom],
      ];
    })
    .filter(Boolean);
  if (per.length === 0) return null;
  return per[0].map(([label], i) => ({ label, median: stats(per.map((p) => p[i][1])).median }));
}

function mode(values) {
  const counts = new Map();
  for (const v of values) if (v) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? null;
}

/** Median start / first byte / end of each resource over the runs, in load order. */
function waterfall(results) {
  const byPath = new Map();
  for (const r of results) {
    for (const res of r.resources) {
      if (!byPath.has(res.path)) byPath.set(res.path, []);
      byPath.get(res.path).push(res);
    }
  }
  return [...byPath]
    .map(([p, list]) => ({
      path: p,
      start: stats(list.map((x) => x.start)).median,
      firstByte: stats(list.map((x) => x.responseStart)).median,
      end: stats(list.map((x) => x.end)).median,
      encoded: list[0].encoded,
      decoded: list[0].decoded,
    }))
    .sort((a, b) => a.start - b.start);
}

// --- report -------------------------------------------------------------------------------

const ms = (v) => (v == null ? '–' : v.toFixed(v < 100 ? 1 : 0));
const kib = (bytes) => (bytes / 1024).toFixed(1);
const cls = (v) => (v == null ? '–' : v === 0 ? '0' : v.toFixed(v < 0.001 ? 5 : 3));

function machineInfo(chromiumVersion, chromiumSource) {
  const read = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return null;
    }
  };
  const osRelease = existsSync('/etc/os-release') ? readFileSync('/etc/os-release', 'utf8').match(/^PRETTY_NAME="?([^"\n]*)/m)?.[1] : null;
  const cpu = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8').match(/^model name\s*:\s*(.*)$/m)?.[1] : os.cpus()[0]?.model;
  return {
    os: osRelease ?? `${os.type()} ${os.release()}`,
    cpus: read('nproc', []) ?? String(os.availableParallelism()),
    cpu,
    memory: read('free', ['-h']) ?? `${kib(os.totalmem() / 1024)} MiB total`,
    node: process.version,
    chromium: `${chromiumVersion} (${chromiumSource})`,
  };
}

function summaryTable(rows) {
  const lines = [
    '| variant | server latency | runs | first question visible: median | p90 | min | max | title in DOM (median) | fully opaque (median) | FCP (median) | LCP (median) | CLS (median / max) | JS transferred (gzip) | JS raw | load avg |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    const p = r.painted;
    lines.push(
      `| ${r.name} | ${r.latency} ms | ${p?.n ?? 0}${r.failed ? ` (+${r.failed} failed)` : ''} | **${ms(p?.median)}** | ${ms(p?.p90)} | ${ms(p?.min)} | ${ms(p?.max)} | ${ms(r.dom?.median)} | ${ms(r.opaque?.median)} | ${ms(r.fcp?.median)} | ${ms(r.lcp?.median)} | ${cls(r.cls?.median)} / ${cls(r.cls?.max)} | ${r.jsSent ? `${kib(r.jsSent.median)} KiB` : '–'} | ${r.jsRaw ? `${kib(r.jsRaw.median)} KiB` : '–'} | ${r.loadAvg ? r.loadAvg.median.toFixed(1) : '–'} |`,
    );
  }
  return lines.join('\n');
}

function consoleTable(rows) {
  const head = ['variant', 'latency', 'runs', 'median', 'p90', 'min', 'max', 'DOM', 'opaque', 'FCP', 'LCP', 'CLS med', 'CLS max', 'JS gz KiB', 'JS raw KiB'];
  const body = rows.map((r) => [
    r.name,
    `${r.latency} ms`,
    `${r.painted?.n ?? 0}${r.failed ? `+${r.failed}x` : ''}`,
    ms(r.painted?.median),
    ms(r.painted?.p90),
    ms(r.painted?.min),
    ms(r.painted?.max),
    ms(r.dom?.median),
    ms(r.opaque?.median),
    ms(r.fcp?.median),
    ms(r.lcp?.median),
    cls(r.cls?.median),
    cls(r.cls?.max),
    r.jsSent ? kib(r.jsSent.median) : '–',
    r.jsRaw ? kib(r.jsRaw.median) : '–',
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i].length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(head), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)].join('\n');
}

function waterfallTable(r) {
  const lines = [
    `| ${r.name}, ${r.latency} ms latency (medians, ms since navigation start) | start | first byte | end | transferred (gzip) | decoded |`,
    '|---|---:|---:|---:|---:|---:|',
  ];
  if (r.htmlEnd) lines.push(`| page HTML | 0 | | ${ms(r.htmlEnd.median)} | | |`);
  for (const w of r.waterfall) {
    lines.push(`| \`${w.path}\` | ${ms(w.start)} | ${ms(w.firstByte)} | ${ms(w.end)} | ${kib(w.encoded)} KiB | ${kib(w.decoded)} KiB |`);
  }
  const marks = [
    ['DOMContentLoaded', r.domContentLoaded],
    ['`quiz-card` defined', r.defined],
    ['load event', r.load],
    ['title in shadow DOM', r.dom],
    ['**title painted (double rAF)**', r.painted],
  ].filter(([, s]) => s);
  for (const [label, s] of marks) lines.push(`| ${label} | | | ${ms(s.median)} | | |`);
  return lines.join('\n');
}

function phaseTable(r) {
  if (!r.phases) return '';
  const lines = [`| quiz-card critical path, ${r.latency} ms latency | median (ms) |`, '|---|---:|'];
  for (const p of r.phases) lines.push(`| ${p.label} | ${ms(p.median)} |`);
  lines.push(`| **first question visible** (median of the totals) | **${ms(r.painted?.median)}** |`);
  return lines.join('\n');
}

function mainThreadTable(rows) {
  const lines = [
    '| variant | latency | main-thread task time, whole run (median) | of which script | layout + style | long tasks (>50 ms) before first question |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.name} | ${r.latency} ms | ${ms(r.mainTask?.median)} | ${ms(r.mainScript?.median)} | ${ms(r.mainLayoutStyle?.median)} | ${ms(r.longTasks?.median)} |`,
    );
  }
  return lines.join('\n');
}

function profileSection(rows) {
  const profiled = rows.filter((r) => r.profile);
  if (profiled.length === 0) return '';
  return `${profiled
    .map((r) => {
      const lines = [
        `| CPU profile, one quiz-card run, ${r.latency} ms latency (title painted at ${ms(r.profile.painted)} ms) | self time (ms) |`,
        '|---|---:|',
        ...r.profile.rows.slice(0, 14).map(([label, t]) => `| ${label.startsWith('(') ? label : `\`${label}\``} | ${ms(t)} |`),
        `| **busy in total** (until ~150 ms after the paint) | **${ms(r.profile.busy)}** |`,
      ];
      return lines.join('\n');
    })
    .join('\n\n')}\n\n`;
}

function verdictOf(rows) {
  const local = rows.find((r) => r.name === 'quiz-card' && r.latency === 0) ?? rows.find((r) => r.name === 'quiz-card');
  if (!local?.painted) return { met: false, text: 'quiz-card produced no successful run: target NOT met (see failures above).' };
  const { median, p90, max } = local.painted;
  const met = p90 <= TARGET_MS;
  return {
    met,
    text: met
      ? `**Target met.** <quiz-card> shows the first of ${QUESTION_COUNT} questions from a remote JSON bank ${ms(median)} ms after navigation (median; p90 ${ms(p90)} ms, worst ${ms(max)} ms) against a target of ${TARGET_MS} ms, served from 127.0.0.1 with no added latency.`
      : `**Target NOT met.** <quiz-card> p90 is ${ms(p90)} ms (median ${ms(median)} ms) against a target of ${TARGET_MS} ms.`,
  };
}

/** The SSR target of issue 17: quiz-card SSR vs the faster quizdown variant, medians of "first question visible". */
function ssrRatios(rows) {
  return [...new Set(rows.map((r) => r.latency))]
    .map((latency) => {
      const at = rows.filter((r) => r.latency === latency);
      const ssr = at.find((r) => r.name === 'quiz-card SSR');
      const quizdown = at.filter((r) => r.name.startsWith('quizdown') && r.painted).sort((a, b) => a.painted.median - b.painted.median)[0];
      if (!ssr?.painted || !quizdown) return null;
      return { latency, ssr, quizdown, card: at.find((r) => r.name === 'quiz-card'), ratio: quizdown.painted.median / ssr.painted.median };
    })
    .filter(Boolean);
}

function ssrVerdictOf(rows) {
  const ssrRows = rows.filter((r) => r.name === 'quiz-card SSR');
  if (ssrRows.length === 0) return null;
  if (!ssrRows.some((r) => r.painted)) return { met: false, text: '**SSR target NOT met.** quiz-card SSR produced no successful run (see failures above).' };
  const ratios = ssrRatios(rows);
  if (ratios.length === 0) return { met: false, text: `**SSR target not measured:** quizdown-js was not measured (the target is ${SSR_TARGET_RATIO}× sooner than quizdown-js).` };
  const local = ratios[0];
  const met = local.ratio >= SSR_TARGET_RATIO;
  const others = ratios.slice(1).map((x) => `${x.ratio.toFixed(1)}× at ${x.latency} ms latency (${ms(x.ssr.painted.median)} vs ${ms(x.quizdown.painted.median)} ms)`);
  return {
    met,
    text: `**SSR target ${met ? 'met' : 'NOT met'}.** The server-rendered <quiz-card> (quiz-elements/ssr) shows the first of ${QUESTION_COUNT} questions ${ms(local.ssr.painted.median)} ms after navigation (median; p90 ${ms(local.ssr.painted.p90)} ms), quizdown-js ${ms(local.quizdown.painted.median)} ms (${local.quizdown.name}, the faster of its variants): **${local.ratio.toFixed(1)}× sooner** against a target of ${SSR_TARGET_RATIO}×, at ${local.latency} ms server latency${others.length ? `; ${others.join(', ')}` : ''}. The card takes over the server's rendering ${ms(local.ssr.takeover?.median)} ms after navigation (median), with a cumulative layout shift of ${cls(local.ssr.cls?.median)} (median; max ${cls(local.ssr.cls?.max)}).`,
  };
}

function ssrSection(rows, ssrNote) {
  const ssrRows = rows.filter((r) => r.name === 'quiz-card SSR');
  if (ssrRows.length === 0) return `### Server-side rendering\n\nquiz-card SSR: ${ssrNote}.\n`;
  const ratios = ssrRatios(rows);
  const lines = [
    '| server latency | quiz-card SSR: first question visible (median / p90) | quiz-card, no SSR | faster quizdown | quizdown ÷ SSR (target ≥ 5×) | SSR: card defined | SSR: taken over (median / p90) | SSR: takeover painted | CLS: SSR (median / max) | CLS: quiz-card | CLS: quizdown |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
  ];
  for (const r of ssrRows) {
    const x = ratios.find((y) => y.latency === r.latency);
    const card = rows.find((y) => y.name === 'quiz-card' && y.latency === r.latency);
    const qd = rows.filter((y) => y.name.startsWith('quizdown') && y.latency === r.latency);
    lines.push(
      `| ${r.latency} ms | **${ms(r.painted?.median)}** / ${ms(r.painted?.p90)} | ${ms(card?.painted?.median)} | ${x ? `${ms(x.quizdown.painted.median)} ${x.quizdown.name.replace('quizdown ', '')}` : '–'} | ${x ? `**${x.ratio.toFixed(1)}×**` : '–'} | ${ms(r.defined?.median)} | ${ms(r.takeover?.median)} / ${ms(r.takeover?.p90)} | ${ms(r.takeoverPainted?.median)} | ${cls(r.cls?.median)} / ${cls(r.cls?.max)} | ${cls(card?.cls?.median)} / ${cls(card?.cls?.max)} | ${qd.map((y) => `${cls(y.cls?.median)} / ${cls(y.cls?.max)}`).join('; ') || '–'} |`,
    );
  }
  const sources = rows
    .filter((r) => r.latency === rows[0].latency && r.shiftSources)
    .map((r) => `${r.name}: \`${r.shiftSources}\``)
    .join('; ');
  return `### Server-side rendering (quiz-card SSR)

The "quiz-card SSR" page is the same blog page with the CDN script in the head and, in the body,
${ssrNote}: a \`<quiz-card>\` whose declarative shadow root holds the first question. The probe
watches the declarative root (the parser attaches it without \`attachShadow\`: a
MutationObserver on the document finds the host, then observes \`host.shadowRoot\`). "Taken over"
= the server's content is gone from the shadow root (its \`.static-answer\` style and any
\`<details class="static-answer">\`) and the card's own title and buttons are there; "takeover
painted" = a double rAF later. Each SSR run lasts until the takeover is painted (other variants:
until the title is fully opaque), plus ~150 ms. CLS = the sum of the run's \`layout-shift\`
entries (buffered \`PerformanceObserver\`, without \`hadRecentInput\`), median / max over the runs;
the ratio uses the medians of "first question visible" and the faster quizdown variant.

${lines.join('\n')}

Layout-shift sources (most frequent set per run, ${rows[0].latency} ms latency): ${sources || 'none: no variant shifted'}.
`;
}

/** Machine load during the runs: other processes (browsers of other test runs) inflate every time. */
function loadLine(rows, loadNote) {
  const loads = rows.map((r) => r.loadAvg).filter(Boolean);
  if (loads.length === 0) return '';
  const lo = Math.min(...loads.map((l) => l.min));
  const hi = Math.max(...loads.map((l) => l.max));
  const cpus = os.availableParallelism();
  return `Machine load during the runs: 1-minute load average ${lo.toFixed(1)}–${hi.toFixed(1)} on ${cpus} CPUs${hi > cpus ? ' (above the CPU count at times: other processes competed, times are inflated)' : ''}. ${loadNote}\n`;
}

function renderResults({ rows, machine, options, buildNote, cdnFiles, quizdownNote, ssrNote, loadNote, date }) {
  const verdict = verdictOf(rows);
  const ssrVerdict = ssrVerdictOf(rows);
  const command = `npm run bench${process.argv.slice(2).length ? ` -- ${process.argv.slice(2).join(' ')}` : ''}`;
  const cardRows = rows.filter((r) => r.name === 'quiz-card');
  const entry = cdnFiles.get('/dist/cdn/quiz-elements.js');
  const chunkList = [...cdnFiles]
    .filter(([url]) => url.includes('/chunks/'))
    .map(([url, a]) => `\`${url.split('/').pop()}\` ${kib(a.raw.length)} KiB (${kib(a.gzip.length)} KiB gzip)`)
    .join(', ');
  const loaded = cardRows[0]?.requests.filter((q) => q.path.endsWith('.js')).map((q) => `\`${q.path.replace('/dist/cdn/', '')}\``).join(', ') ?? '–';
  return `<!-- bench:begin (generated by bench/first-question.mjs; edit outside these markers) -->
# First question visible: benchmark results

Date: ${date}. Command: \`${command}\` (dist: ${buildNote}).
${loadLine(rows, loadNote)}
${verdict.text}
${ssrVerdict ? `\n${ssrVerdict.text}\n` : ''}
## Machine

| | |
|---|---|
| OS | ${machine.os} |
| CPUs (\`nproc\`) | ${machine.cpus} × ${machine.cpu ?? 'unknown'} |
| Node | ${machine.node} |
| Chromium | ${machine.chromium}, headless, flags of scripts/browsers.mjs |

\`free -h\`:

\`\`\`
${machine.memory}
\`\`\`

## Results

"First question visible" = time from navigation start (\`performance.timeOrigin\`) until the
question title has text in the element's shadow root **and** a double \`requestAnimationFrame\` has
passed (the frame containing it was painted). "Fully opaque" = the frame after the first one in
which the title is laid out with effective opacity ≥ 0.99 (quizdown fades each question in).
FCP/LCP come from \`PerformanceObserver\`. JS = every \`.js\` response of one run, as sent
(gzip level ${GZIP_LEVEL}, \`content-encoding: gzip\`) and uncompressed. All times in ms; ${options.runs} runs per
latency (quizdown ${options.quizdown ? options.quizdownRuns : 0}); each run is a cold load (fresh incognito context, HTTP cache disabled) after one discarded warm-up run;
the variants' runs are interleaved, so load from other processes hits them alike. "load avg" is
the machine's 1-minute load average during the runs (median), to compare with ${os.availableParallelism()} CPUs:
above that, other processes competed for the CPU and every number is inflated.

${summaryTable(rows)}

LCP element (most frequent): ${rows.filter((r) => r.latency === rows[0].latency).map((r) => `${r.name}: \`${r.lcpElement ?? '–'}\``).join('; ')}.

Server latency = a delay the server adds before answering **every** request (the HTML, each
script, the bank), a stand-in for the round trip to a CDN.

${ssrSection(rows, ssrNote)}
### Where the time goes (quiz-card)

${cardRows.map((r) => `${phaseTable(r)}\n\n${waterfallTable(r)}`).join('\n\n')}

${mainThreadTable(rows)}

${profileSection(cardRows)}Main-thread numbers are Chromium's \`Performance.getMetrics\` for the whole page life (until ~150 ms
after the question was painted), so they include the page, the quiz and the probe.

## Setup

- Bank: ${QUESTION_COUNT} single-choice questions (4 choices, one correct), Chinese with English
  terms, markdown prompts with inline code, bold and 5 fenced code blocks; generated by
  \`bench/bank.mjs\` (${kib(Buffer.byteLength(JSON.stringify(makeBank(), null, 2)))} KiB of JSON); served as \`/bank.json\`.
- Page: a plain blog-style HTML page with \`<script type="module" src="/dist/cdn/quiz-elements.js">\`
  and \`<quiz-card src="/bank.json" count="${QUESTION_COUNT}">\`, from a Node \`http\` server on
  127.0.0.1 (HTTP/1.1, keep-alive).
- Served CDN build: entry \`quiz-elements.js\` ${kib(entry.raw.length)} KiB (${kib(entry.gzip.length)} KiB gzip); chunks: ${chunkList}.
- Scripts a quiz-card run loaded: ${loaded}.
- quiz-card SSR: ${ssrNote}.
- quizdown: ${quizdownNote}
<!-- bench:end -->`;
}

function writeResults(markdown) {
  let existing = existsSync(RESULTS) ? readFileSync(RESULTS, 'utf8') : '';
  const begin = existing.indexOf('<!-- bench:begin');
  const end = existing.indexOf('<!-- bench:end -->');
  if (begin !== -1 && end !== -1) existing = existing.slice(0, begin) + markdown + existing.slice(end + '<!-- bench:end -->'.length);
  else existing = `${markdown}\n${existing ? `\n${existing}` : ''}`;
  writeFileSync(RESULTS, existing.endsWith('\n') ? existing : `${existing}\n`);
}

// --- main ---------------------------------------------------------------------------------

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const buildNote = ensureBuild(options.build);
  // Hashed chunks are immutable on a CDN; the entry keeps a short max-age.
  const cdnFiles = snapshotCdn((url, body) => asset(body, TYPES['.js'], url.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=600'));

  let quizdownBundle = null;
  let quizdownNote = 'not measured (--no-quizdown).';
  if (options.quizdown) {
    try {
      const require = createRequire(import.meta.url);
      const pkgFile = require.resolve('quizdown/package.json');
      const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
      quizdownBundle = readFileSync(path.join(path.dirname(pkgFile), pkg.main ?? 'public/build/quizdown.js'));
      quizdownNote = `npm package \`quizdown@${pkg.version}\` (dev dependency), its browser bundle \`${pkg.main}\` (${kib(quizdownBundle.length)} KiB, ${kib(gzipSync(quizdownBundle, { level: GZIP_LEVEL }).length)} KiB gzip) as a classic script; the same ${QUESTION_COUNT} questions in quizdown markdown (ordered task lists = single choice, \`shuffleAnswers: false\`). "inline" is quizdown's documented use (markdown inside \`<div class="quizdown">\`, rendered on window \`load\`); "fetch .md" fetches the markdown and calls \`quizdown.createApp\`, the nearest equivalent of a remote bank. quizdown shows a spinner for a fixed 800 ms before the first question, then fades it in over 400 ms.`;
    } catch (error) {
      quizdownNote = `could not be measured: ${error.message.split('\n')[0]} (install it with \`npm install\`; it is a dev dependency).`;
      console.warn(`quizdown: ${quizdownNote}`);
    }
  }

  let ssr = null;
  let ssrNote = 'not measured (--no-ssr)';
  if (options.ssr) {
    try {
      ssr = renderSsrCard();
      const bytes = Buffer.byteLength(ssr.html);
      ssr.note = `\`renderCard(makeBank(), { count: ${QUESTION_COUNT} })\` of \`dist/ssr/index.js\` (the same build as dist/cdn), ${kib(bytes)} KiB of HTML (${kib(gzipSync(Buffer.from(ssr.html), { level: GZIP_LEVEL }).length)} KiB gzip) with the bank inline, rendered once before the runs in ${ms(ssr.ms)} ms`;
      ssrNote = ssr.note;
      console.log(`SSR: ${ssr.note.replace(/`/g, '')}.`);
    } catch (error) {
      ssrNote = `could not be measured: ${String(error.stderr || error.message).trim().split('\n').slice(-1)[0]}`;
      console.warn(`quiz-card SSR: ${ssrNote}`);
    }
  }

  let loadNote = '';
  if (options.waitIdle > 0) {
    const waitStarted = Date.now();
    const share = await waitForIdle(options.waitIdle);
    if (share !== null) {
      const waited = Math.round((Date.now() - waitStarted) / 1000);
      loadNote = `--wait-idle: waited ${waited} s for idle CPUs; ${Math.round(share * 100)} % busy when the runs began${share >= 0.25 ? ` (still busy after ${options.waitIdle} s)` : ''}.`;
      console.log(loadNote);
    }
  }
  const [load1] = os.loadavg();
  if (load1 > os.availableParallelism()) {
    console.warn(`Warning: load average ${load1.toFixed(1)} > ${os.availableParallelism()} CPUs: other processes compete for the CPU, so times will be inflated (see the load avg column).`);
  }
  const found = await detectBrowsers({ engines: ['chromium'] });
  if (!found.chromium) throw new Error(`Chromium: ${found.problems.chromium}`);
  const site = await startServer(makeSite(cdnFiles, quizdownBundle, ssr?.html));
  const env = { ...process.env, ...browserEnv() };
  const browser = await puppeteer.launch({
    executablePath: found.chromium.path,
    headless: found.chromium.headless === 'shell' ? 'shell' : true,
    args: [...found.chromium.args, ...BENCH_ARGS],
    env,
  });
  const rows = [];
  let chromiumVersion;
  try {
    chromiumVersion = await browser.version();
    console.log(`Chromium ${chromiumVersion} (${found.chromium.source}), serving ${site.origin}`);
    const names = ['static HTML (floor)', 'quiz-card', ...(ssr ? ['quiz-card SSR'] : []), ...(quizdownBundle ? ['quizdown (inline)', 'quizdown (fetch .md)'] : [])];
    const runsOf = (name) => (name.startsWith('quizdown') ? options.quizdownRuns : options.runs);
    for (const latency of options.latencies) rows.push(...(await measureLatency(browser, site, names, latency, runsOf, options)));
    // Group the table by variant.
    rows.sort((a, b) => names.indexOf(a.name) - names.indexOf(b.name) || a.latency - b.latency);
  } finally {
    await browser.close();
    site.server.close();
  }

  console.log(`\nFirst question visible (ms since navigation start; DOM = title in shadow DOM, opaque = fully faded in):\n`);
  console.log(consoleTable(rows));
  for (const r of rows.filter((x) => x.name === 'quiz-card')) {
    console.log(`\nquiz-card, ${r.latency} ms latency, medians:`);
    for (const p of r.phases ?? []) console.log(`  ${ms(p.median).padStart(6)}  ${p.label}`);
    if (r.trace) console.log(`  trace: ${path.relative(ROOT_DIR, r.trace)}`);
    if (r.profile) {
      console.log(`  CPU profile of one run (title painted at ${ms(r.profile.painted)} ms; profile ends ~150 ms later): ${ms(r.profile.busy)} ms busy${r.profile.mapped ? '' : ' (no source maps: @jridgewell/trace-mapping missing)'}`);
      for (const [label, t] of r.profile.rows.slice(0, 14)) console.log(`    ${ms(t).padStart(6)} ms  ${label}`);
      console.log('  top functions (self time):');
      for (const [label, t] of r.profile.functions.slice(0, 10)) console.log(`    ${ms(t).padStart(6)} ms  ${label}`);
    }
  }
  const verdict = verdictOf(rows);
  console.log(`\n${verdict.text.replace(/\*\*/g, '')}`);
  const ssrVerdict = ssrVerdictOf(rows);
  if (ssrVerdict) {
    console.log(`\nquiz-card SSR (medians): taken over ${rows.filter((r) => r.name === 'quiz-card SSR').map((r) => `${ms(r.takeover?.median)} ms at ${r.latency} ms latency`).join(', ')}.`);
    console.log(`CLS (median / max): ${rows.map((r) => `${r.name} ${r.latency} ms: ${cls(r.cls?.median)} / ${cls(r.cls?.max)}`).join('; ')}.`);
    console.log(ssrVerdict.text.replace(/\*\*/g, ''));
  }

  const machine = machineInfo(chromiumVersion, found.chromium.source);
  const date = new Date().toISOString().slice(0, 10);
  if (options.write) {
    writeResults(renderResults({ rows, machine, options, buildNote, cdnFiles, quizdownNote, ssrNote, loadNote, date }));
    console.log(`Wrote ${path.relative(ROOT_DIR, RESULTS)}.`);
  }
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(path.join(OUT_DIR, 'last-run.json'), JSON.stringify({ date, machine, options, rows }, null, 2));
  console.log(`Total bench time ${((Date.now() - started) / 1000).toFixed(0)} s.`);
}

main().catch((error) => {
  console.error(error.stack ?? error);
  process.exitCode = 1;
});
