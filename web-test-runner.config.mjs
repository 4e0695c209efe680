// Web Test Runner: browser tests (`*.test.ts`, not `*.unit.test.ts`) in Chromium, Firefox and WebKit.
// `npm test` runs each engine on its own through this file (QUIZ_BROWSERS=<engine>); running
// `npx web-test-runner` directly uses every engine found. See scripts/browsers.mjs for the
// QUIZ_* environment variables.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { defaultReporter } from '@web/test-runner';
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import {
  ROOT_DIR,
  browserEnv,
  detectBrowsers,
  missingEngineError,
  selectedEngines,
  startWebKitDriver,
} from './scripts/browsers.mjs';
import { faultServerPlugin } from './test/fault-server.mjs';
import { cmi5FetchMiddleware, lrsPlugin } from './test/lrs/lrs-server.mjs';
import { ssrPagesPlugin } from './test/ssr/ssr-pages.mjs';

const SECOND = 1000;

// Browsers write profiles and caches under $HOME/$XDG_*: keep them in .cache/ in the checkout.
Object.assign(process.env, browserEnv(ROOT_DIR));

const engines = selectedEngines();
const found = await detectBrowsers({ engines });
for (const [engine, problem] of Object.entries(found.problems)) {
  const fatal = missingEngineError(engine, found);
  if (fatal) throw new Error(`${engine}: ${problem} [${fatal}]`);
  console.warn(`skipped: ${problem}`);
}

// WTR only handles SIGINT; exiting on SIGTERM too lets the 'exit' handlers stop drivers and browsers.
process.once('SIGTERM', () => process.exit(143));

/** WebKitGTK through WebKitWebDriver, labelled "WebKit" in reports. */
class WebKitLauncher extends WebdriverLauncher {
  async initialize(config) {
    await super.initialize(config);
    this.name = 'WebKit';
  }
}

const browsers = [];
// The tsconfig carries experimentalDecorators/useDefineForClassFields, which Lit's decorators need.
const plugins = [esbuildPlugin({ ts: true, tsconfig: path.join(ROOT_DIR, 'tsconfig.json') })];
// The misbehaving server of test/faults/ (404, resets, CORS, hangs...), started and stopped with each run.
plugins.push(faultServerPlugin());
// The real LRS (test/lrs/) behind a fault proxy, started when a test first imports /__lrs.js.
plugins.push(lrsPlugin());
// Pages with server-rendered cards (quiz-elements/ssr), made on request.
plugins.push(ssrPagesPlugin());

if (found.chromium) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: {
        executablePath: found.chromium.path,
        headless: found.chromium.headless,
        args: found.chromium.args,
      },
    }),
  );
}

if (found.firefox) {
  browsers.push(
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: found.firefox.path, headless: true },
    }),
  );
}

if (found.webkit) {
  const driver = await startWebKitDriver(found.webkit);
  browsers.push(
    new WebKitLauncher({
      hostname: driver.hostname,
      port: driver.port,
      capabilities: driver.capabilities,
      logLevel: 'error',
      connectionRetryCount: 1,
    }),
  );
  // Stop the driver (and its Xvfb) with the server; browsers.mjs also kills both on process exit.
  plugins.push({ name: 'quiz-webkit-driver', serverStop: () => driver.stop() });
}

if (browsers.length === 0) {
  throw new Error(`no browser to test in (${Object.values(found.problems).join('; ')})`);
}

/**
 * Writes per-engine test counts to $QUIZ_WTR_REPORT for scripts/test.mjs, after every finished test
 * file, so a run that is killed on timeout still shows how far it got.
 */
function countsReporter(file) {
  const finished = new Map();
  const countSuite = (suite, counts) => {
    for (const test of suite?.tests ?? []) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite?.suites ?? []) countSuite(child, counts);
  };
  const write = (sessions) => {
    const byEngine = {};
    for (const session of sessions) {
      const counts = (byEngine[session.browser.name] ??= { passed: 0, failed: 0, skipped: 0, files: 0, fileErrors: 0 });
      counts.files += 1;
      countSuite(session.testResults, counts);
      // A file that failed to load, threw outside a test or timed out has errors but maybe no failed test.
      if (!session.passed && session.errors.length > 0) counts.fileErrors += 1;
    }
    writeFileSync(file, JSON.stringify(byEngine, null, 2));
  };
  return {
    reportTestFileResults({ sessionsForTestFile }) {
      for (const session of sessionsForTestFile) finished.set(session.id, session);
      write(finished.values());
    },
    onTestRunFinished({ sessions }) {
      write(sessions);
    },
  };
}

/**
 * Parts of the library that "cannot be downloaded", for tests of the lazy-chunk failure policy:
 * `fetch('/__chunks-down?paths=/src/a.ts,/src/b.ts')` makes those modules answer 503 until the
 * next call (an empty list brings them back).
 */
const chunksDown = new Set();
async function chunkFaults(context, next) {
  if (context.path === '/__chunks-down') {
    chunksDown.clear();
    for (const p of String(context.query.paths ?? '').split(',').filter(Boolean)) chunksDown.add(p);
    context.set('Cache-Control', 'no-store');
    context.body = 'ok';
    return;
  }
  if (chunksDown.has(context.path)) {
    context.status = 503;
    // Never kept: the next test file (another page of the same browser) gets the module. The test
    // runner marks its responses cacheable for a year afterwards; `Vary: *` keeps this one out of the cache.
    context.set('Cache-Control', 'no-store');
    context.set('Vary', '*');
    context.body = 'down for the test';
    return;
  }
  await next();
  // The library's own modules are never reused from the browser's cache: a module an earlier test
  // file (another page) downloaded must be asked for again when a test takes it down, whatever the
  // file order. (`Vary: *`, because the runner's outer middleware sets Cache-Control after this.)
  if (context.path.startsWith('/src/')) context.set('Vary', '*');
}

/** @type {import('@web/test-runner').TestRunnerConfig} */
export default {
  middleware: [chunkFaults, cmi5FetchMiddleware],
  rootDir: ROOT_DIR,
  files: ['src/**/*.test.ts', 'test/**/*.test.ts', '!**/*.unit.test.ts'],
  nodeResolve: true,
  plugins,
  browsers,
  // One engine and one test file at a time. Parallel pages share one headless window, so all but
  // one are hidden tabs where requestAnimationFrame stalls (axe runs then time out); 2 cores
  // would gain little anyway.
  concurrentBrowsers: 1,
  concurrency: 1,
  // Fail loudly instead of hanging CI when an engine stalls.
  browserStartTimeout: 60 * SECOND,
  testsStartTimeout: 60 * SECOND,
  testsFinishTimeout: 120 * SECOND,
  testFramework: { config: { timeout: 10 * SECOND } },
  // Tests run Lit's development build on purpose (more warnings); its banner is noise.
  filterBrowserLogs: ({ args }) => !(typeof args[0] === 'string' && args[0].startsWith('Lit is in dev mode')),
  reporters: [
    defaultReporter(),
    ...(process.env.QUIZ_WTR_REPORT ? [countsReporter(process.env.QUIZ_WTR_REPORT)] : []),
  ],
};
