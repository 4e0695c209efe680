// Runs after `npm run build`: every recipe in examples/ works as examples/README.md says, the
// way a user would copy it. No network.
// - The library is packed as npm would publish it (`npm pack`) and unpacked into a temporary
//   project's node_modules; its dependencies and the recipes' (react, vite…) link to this
//   checkout's node_modules. So a file missing from the package, or a missing export, fails here.
// - bundler: `vite build` of examples/bundler, and the same page from Vite's dev server.
// - react: `tsc` over examples/react (typed props and events), then `vite build`.
// - blog-post: post.md through `marked` into a page, as a static-site generator publishes it.
// - plain-html, vue: served as they are (the CDN build; Vue's ESM browser build).
// - eleventy, vitepress, docusaurus, astro: built by their generators (Astro through its JavaScript API, see static-sites/astro.mjs) and checked as static sites
//   (scripts/check-static-sites.mjs: server rendering, progress across pages, client-side
//   navigation, the site's CSS kept out).
// Each page is loaded in headless Chromium: every card shows its question, an interaction works
// (keyboard or clicks, then the page's own event handler), no page errors, no failed requests.
// Then scripts/check-packages.mjs: the CLI's SCORM 1.2 and 2004 packages, run in scorm-again, and its cmi5 package against the real LRS (test/lrs/).
// Prints one line per recipe and exits non-zero on any failure.
import { execFile as execFileCallback, execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';
import { marked } from 'marked';
import puppeteer from 'puppeteer-core';
import { build as viteBuild, createLogger, createServer as createViteServer } from 'vite';
import { browserEnv, detectBrowsers, freePort } from './browsers.mjs';
import { STATIC_SITES, buildStaticSite, checkStaticSite, serveSite } from './check-static-sites.mjs';

const execFile = promisify(execFileCallback);
const started = performance.now();
const root = resolve(import.meta.dirname, '..');
const examples = join(root, 'examples');
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

if (!existsSync(join(root, 'dist', 'index.js')) || !existsSync(join(root, 'dist', 'cdn', 'quiz-elements.js'))) {
  console.error('check-examples: no dist/ here; run `npm run build` first');
  process.exit(1);
}

/** Page errors, failed requests, HTTP errors and Vue warnings, as messages. */
function watch(tab) {
  const errors = new Set();
  tab.on('pageerror', (error) => errors.add(`page error: ${error.message}`));
  tab.on('console', (message) => {
    const text = message.text();
    // Resource failures are reported below with their URL.
    if (message.type() === 'error' && !text.startsWith('Failed to load resource')) errors.add(`console error: ${text}`);
    if (['warn', 'warning'].includes(message.type()) && text.includes('[Vue warn]')) errors.add(`Vue warning: ${text.split('\n')[0]}`);
  });
  tab.on('requestfailed', (request) => errors.add(`request failed: ${request.url()} (${request.failure()?.errorText})`));
  tab.on('response', (response) => {
    // Browsers ask for /favicon.ico by themselves; a recipe page has no reason to ship one.
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') errors.add(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

/**
 * Runs in the page: the text at `selectors` (each inside the previous one's shadow root), or,
 * given `wanted`, whether that text contains it.
 */
function deepText(selectors, wanted) {
  let node = globalThis.document;
  for (const selector of selectors) {
    node = (node.shadowRoot ?? node).querySelector(selector);
    if (!node) return wanted === null ? null : false;
  }
  const text = node.textContent.replace(/\s+/g, ' ').trim();
  return wanted === null ? text : text.includes(wanted);
}

/** What a user would look at and do on one page; elements are found through shadow roots. */
class Checks {
  constructor(tab, fail) {
    this.tab = tab;
    this.fail = fail;
  }

  /**
   * Waits until the text at `path` (selectors, each inside the previous one's shadow root)
   * contains `expected`. Records a problem naming what was there instead.
   */
  async text(path, expected, what) {
    const ok = await this.tab
      .waitForFunction(deepText, { timeout: 10_000 }, path, expected)
      .then(() => true)
      .catch(() => false);
    if (!ok) this.fail(`${what}: expected "${expected}", found ${JSON.stringify(await this.tab.evaluate(deepText, path, null))}`);
    return ok;
  }

  /** The title a quiz-card (found by `path`) shows. */
  title(path, expected) {
    return this.text([...path, '[part~="title"]'], expected, `title of ${path.join(' → ')}`);
  }

  /** Clicks what `selector` (puppeteer syntax; `>>>` goes into shadow roots) finds. */
  async click(selector, what) {
    try {
      await this.tab.locator(selector).setTimeout(10_000).click();
      return true;
    } catch {
      this.fail(`could not click ${what} (${selector})`);
      return false;
    }
  }

  /** Focuses the question of a card and presses keys there, as a keyboard user would. */
  async keys(cardSelector, ...keys) {
    await this.tab.locator(`${cardSelector} >>> section[data-focus="question"]`).setTimeout(10_000).wait();
    await this.tab.$eval(`${cardSelector} >>> section[data-focus="question"]`, (section) => section.focus());
    for (const key of keys) await this.tab.keyboard.press(key);
  }
}

/** Problems per recipe, in the order they are printed. */
const problems = Object.fromEntries(['plain-html', 'bundler', 'blog-post', 'react', 'vue', ...STATIC_SITES].map((recipe) => [recipe, []]));
// eslint-disable-next-line no-control-regex -- Vite's errors come coloured
const plain = (message) => message.replace(/\x1b\[[0-9;]*m/g, '');
const fail = (recipe, message) => problems[recipe].push(plain(message));
/** Warnings a user would see from their own build: printed, not failures. */
const notes = { bundler: new Set(), react: new Set() };

const work = mkdtempSync(join(tmpdir(), 'quiz-examples-'));
const servers = [];
let browser;
let crashed = false;
let packagesFailed = false;

try {
  // 1. A project with quiz-elements installed from its package.
  const modules = join(work, 'node_modules');
  const installed = join(modules, 'quiz-elements');
  mkdirSync(installed, { recursive: true });
  const [{ filename }] = JSON.parse(
    execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }),
  );
  execFileSync('tar', ['-xzf', join(work, filename), '-C', installed, '--strip-components=1']);
  const pkg = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
  if (!pkg.exports?.['./react']) fail('react', 'package.json has no "./react" export, so `quiz-elements/react` cannot be imported');

  const recipePackages = ['bundler', 'react', ...STATIC_SITES].map((name) => JSON.parse(readFileSync(join(examples, name, 'package.json'), 'utf8')));
  // The library brings its dependencies and peers, as an install would, never its dev tools: a
  // runtime import of a devDependency then fails here, as it would for users. Recipes bring theirs.
  const needed = new Set(
    [
      ...Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies }),
      ...recipePackages.flatMap((p) => Object.keys({ ...p.dependencies, ...p.peerDependencies, ...p.devDependencies })),
    ].filter((name) => name !== 'quiz-elements'),
  );
  for (const name of needed) {
    const from = join(root, 'node_modules', name);
    if (!existsSync(from)) continue; // An optional peer nobody here installed; a build that needs it fails below.
    mkdirSync(dirname(join(modules, name)), { recursive: true });
    symlinkSync(from, join(modules, name), 'dir');
  }
  for (const name of ['bundler', 'react', ...STATIC_SITES]) cpSync(join(examples, name), join(work, name), { recursive: true });

  // 2. Builds. The static sites build in their generators' processes, tsc in its own, meanwhile.
  const siteBuilds = STATIC_SITES.map((name) => buildStaticSite(name, work).then((result) => ({ name, ...result })));

  const typecheck = execFile(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', join(work, 'react', 'tsconfig.json')], { cwd: join(work, 'react') })
    .then(() => null)
    .catch((error) => `tsc over examples/react failed:\n${error.stdout || error.message}`.trim());
  const built = {};
  for (const name of ['bundler', 'react']) {
    try {
      const customLogger = { ...createLogger('silent'), warn: (message) => notes[name].add(plain(message).trim()), warnOnce: (message) => notes[name].add(plain(message).trim()) };
      await viteBuild({ root: join(work, name), base: `/built/${name}/`, logLevel: 'warn', customLogger, build: { outDir: join(work, 'built', name), emptyOutDir: true } });
      built[name] = true;
    } catch (error) {
      fail(name, `vite build failed: ${error.message.split('\n').filter((line) => line.trim()).slice(0, 4).join('\n')}`);
    }
  }
  const typeError = await typecheck;
  if (typeError) fail('react', typeError);

  // 3. The blog post, as a static-site generator publishes it: front matter into the layout,
  //    the body through marked (raw HTML blocks pass through as they are).
  const source = readFileSync(join(examples, 'blog-post', 'post.md'), 'utf8');
  const [, frontMatter = '', body = source] = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source) ?? [];
  const title = /^title:\s*(.+)$/m.exec(frontMatter)?.[1] ?? 'Post';
  const post = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${title}</title></head>
<body><article><h1>${title}</h1>
${marked.parse(body)}</article></body></html>`;

  // 4. One static server: the checkout (the CDN build, examples, Vue), the built apps, the post.
  const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.css': 'text/css', '.map': 'application/json', '.svg': 'image/svg+xml' };
  const fileIn = (base, path) => {
    const file = resolve(base, `.${path.endsWith('/') ? `${path}index.html` : path}`);
    return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
  };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/examples/blog-post/post.html') return response.writeHead(200, { 'content-type': types['.html'] }).end(post);
    const app = /^\/built\/(bundler|react)(\/.*)$/.exec(path);
    const file = app ? fileIn(join(work, 'built', app[1]), app[2]) : fileIn(root, path);
    if (!file) return response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  servers.push({ close: () => new Promise((done) => server.close(done)) });
  const origin = `http://127.0.0.1:${server.address().port}`;

  // The bundler recipe from Vite's dev server too: there the package is pre-bundled, which is
  // what keeps the bundled banks' `import(…json, { with: { type: 'json' } })` working (vitejs/vite#19095).
  const devPort = await freePort();
  let devStarted = false;
  try {
    const dev = await createViteServer({ root: join(work, 'bundler'), logLevel: 'silent', server: { host: '127.0.0.1', port: devPort, strictPort: true, hmr: false } });
    servers.push(dev);
    await dev.listen();
    devStarted = true;
  } catch (error) {
    fail('bundler', `vite dev server did not start: ${error.message}`);
  }

  // 5. The pages.
  const found = await detectBrowsers({ engines: ['chromium'] });
  if (!found.chromium) throw new Error(`no Chromium to load the examples in: ${found.problems.chromium}`);
  browser = await puppeteer.launch({ executablePath: found.chromium.path, headless: found.chromium.headless, args: found.chromium.args, env: { ...process.env, ...browserEnv(root) } });

  const pages = [
    { recipe: 'plain-html', url: `${origin}/examples/plain-html/index.html`, test: plainHtml },
    { recipe: 'bundler', url: `${origin}/built/bundler/`, test: bundler, skip: !built.bundler, label: 'vite build' },
    { recipe: 'bundler', url: `http://127.0.0.1:${devPort}/`, test: bundler, skip: !devStarted, label: 'vite dev server' },
    { recipe: 'blog-post', url: `${origin}/examples/blog-post/post.html`, test: blogPost },
    { recipe: 'react', url: `${origin}/built/react/`, test: react, skip: !built.react },
    { recipe: 'vue', url: `${origin}/examples/vue/index.html`, test: vue },
  ];
  const timings = {};
  for (const { recipe, url, test, skip, label } of pages) {
    if (skip) continue;
    const since = performance.now();
    const say = (message) => fail(recipe, label ? `${label}: ${message}` : message);
    const tab = await browser.newPage();
    const errors = watch(tab);
    try {
      await tab.goto(url, { waitUntil: 'load' });
      await test(new Checks(tab, say));
    } catch (error) {
      say(error.message);
    } finally {
      // Let late requests (lazy chunks, banks) finish or fail before judging.
      await tab.waitForNetworkIdle({ idleTime: 200, timeout: 5_000 }).catch(() => {});
      for (const message of errors) say(message);
      await tab.close();
    }
    timings[recipe] = (timings[recipe] ?? 0) + (performance.now() - since);
  }

  // The static sites: each served from its build output at the root of its own origin.
  const buildTimes = {};
  for (const { name, out, seconds: buildSeconds, error } of await Promise.all(siteBuilds)) {
    buildTimes[name] = buildSeconds;
    if (error) {
      fail(name, error);
      continue;
    }
    const since = performance.now();
    const site = await serveSite(out);
    servers.push(site);
    await checkStaticSite(name, site.origin, { browser, Checks, watch }, (message) => fail(name, message));
    timings[name] = performance.now() - since;
  }

  for (const [recipe, list] of Object.entries(problems)) {
    const times = [buildTimes[recipe] === undefined ? null : `build ${buildTimes[recipe].toFixed(1)} s`, timings[recipe] === undefined ? null : `browser ${(timings[recipe] / 1000).toFixed(1)} s`].filter(Boolean);
    const time = times.length ? ` (${times.join(', ')})` : '';
    if (list.length === 0) console.log(`ok    examples/${recipe}${time}`);
    else console.log(`FAIL  examples/${recipe}${time}\n${list.map((item) => `      - ${item.replaceAll('\n', '\n        ')}`).join('\n')}`);
    for (const note of notes[recipe] ?? []) console.log(`      note: vite build warned: ${note.replaceAll('\n', '\n        ')}`);
  }

  // 6. The LMS packages, in their own script (it prints what the LMS runtime read back).
  const packages = await execFile(process.execPath, [join(root, 'scripts', 'check-packages.mjs')], { cwd: root, env: { ...process.env, ...browserEnv(root) } }).then(
    ({ stdout }) => ({ ok: true, output: stdout }),
    (error) => ({ ok: false, output: `${error.stdout ?? ''}${error.stderr ?? ''}` || error.message }),
  );
  process.stdout.write(packages.output.endsWith('\n') ? packages.output : `${packages.output}\n`);
  packagesFailed = !packages.ok;
} catch (error) {
  console.error(`check-examples could not run: ${error.stack ?? error}`);
  crashed = true;
} finally {
  await browser?.close();
  for (const server of servers) await server.close();
  rmSync(work, { recursive: true, force: true });
}

const failed = crashed || packagesFailed || Object.values(problems).some((list) => list.length > 0);
console.log(`examples check: ${failed ? 'FAILED' : 'every recipe and LMS package works'} in ${seconds(started)}`);
if (failed) process.exitCode = 1;

// --- what each recipe must do -----------------------------------------------------------------

async function plainHtml(page) {
  await page.title(['#from-url'], 'What is overfitting?');
  await page.title(['#inline'], 'What is a learning curve?');
  await page.title(['#practice'], 'What is overfitting?');
  // Keyboard: Space shows the answer, 3 grades Good and the set moves on.
  await page.keys('#from-url', 'Space');
  await page.text(['#from-url', '[part~="answer"]'], 'learns the noise', 'answer after Space');
  await page.tab.keyboard.press('3');
  await page.title(['#from-url'], 'What does the learning rate control?');
  // The topic list drives the card through the page's own listener.
  if (await page.click('#topics >>> [role="option"]::-p-text(Evaluation)', 'the Evaluation topic')) {
    await page.title(['#practice'], 'What is a validation set for?');
  }
  // The browser's list is windowed: rows render once it is on screen, as when a reader scrolls to it.
  await page.tab.$eval('#browser', (browser) => browser.scrollIntoView());
  await page.text(['#browser', '[part~="results"]'], 'What does the learning rate control?', 'question-browser results');
  if (await page.click('#browser >>> [part~="result-title"]::-p-text(learning rate)', 'a question-browser row')) {
    await page.title(['#browser', 'quiz-card'], 'What does the learning rate control?');
  }
}

async function bundler(page) {
  await page.title(['#practice'], '什么是大模型？');
  await page.text(['#last-grade'], 'No grade yet.', 'grade line before grading');
  if ((await page.click('#practice >>> button.primary::-p-text(Show answer)', 'Show answer')) && (await page.click('#practice >>> button[data-grade="good"]', 'Good'))) {
    await page.text(['#last-grade'], 'Last grade: good (llm-fundamentals/', 'grade line from the quiz-grade listener');
  }
}

async function blogPost(page) {
  await page.title(['#overfitting'], 'What is overfitting?');
  await page.title(['#leakage'], 'Why keep a test set you never tune on?');
  // Had the markdown processor cut a raw HTML block short, its JSON or markdown would be text on the page.
  const leaked = await page.tab.$eval('article', (article) => /"title"|\*\*Answer|<\/?(quiz-card|script)/.test(article.innerText));
  if (leaked) page.fail('the card sources show as text: the HTML blocks did not survive markdown');
  if ((await page.click('#overfitting >>> button.primary::-p-text(Show answer)', 'Show answer')) && (await page.click('#overfitting >>> button[data-grade="easy"]', 'Easy'))) {
    await page.text(['#overfitting', '[part~="explanation"] strong'], 'training', 'markdown in the explanation');
    await page.text(['#overfitting', 'button[data-grade="easy"][aria-pressed="true"]'], 'Easy', 'Easy pressed');
  }
  await page.keys('#leakage', 'Space');
  await page.text(['#leakage', '[part~="answer"]'], 'leaks it into training', 'answer of the inline-markdown card');
}

async function react(page) {
  await page.title(['quiz-card'], 'What is overfitting?');
  await page.text(['#graded'], 'Nothing graded yet.', 'React state before grading');
  if ((await page.click('quiz-card >>> button.primary::-p-text(Show answer)', 'Show answer')) && (await page.click('quiz-card >>> button[data-grade="good"]', 'Good'))) {
    await page.text(['#graded'], 'Graded 1: overfitting good', 'React state set by onQuizGrade');
  }
  // onQuizTopicSelect sets state, which flows back into the card's `topic` prop.
  if (await page.click('topic-list >>> [role="option"]::-p-text(Evaluation)', 'the Evaluation topic')) {
    await page.title(['quiz-card'], 'Why keep a validation set?');
  }
}

async function vue(page) {
  await page.title(['quiz-card'], 'What is overfitting?');
  await page.text(['#graded'], 'Nothing graded yet.', 'Vue state before grading');
  const attributes = await page.tab.$$eval('quiz-card, topic-list', (elements) => elements.map((element) => element.getAttribute('bank')).filter(Boolean));
  if (attributes.length > 0) page.fail(`bank became an attribute (${attributes[0]}) instead of a property`);
  if ((await page.click('quiz-card >>> button.primary::-p-text(Show answer)', 'Show answer')) && (await page.click('quiz-card >>> button[data-grade="hard"]', 'Hard'))) {
    await page.text(['#graded'], 'Graded 1: overfitting hard', 'Vue state set by @quiz-grade');
  }
  if (await page.click('topic-list >>> [role="option"]::-p-text(Evaluation)', 'the Evaluation topic')) {
    await page.title(['quiz-card'], 'Why keep a validation set?');
  }
}
