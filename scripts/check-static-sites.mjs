// The static-site recipes of examples/ (issue 17), for scripts/check-examples.mjs: each is built
// in that script's temporary project (the packed library, this checkout's generators, no
// network) by the generator's own CLI, served as static files, and checked in Chromium:
// - eleventy (Eleventy 3, cards server-rendered by quiz-elements/ssr through the markdown-it
//   render hook): the questions are in the HTML before any script runs (fetched, and in a tab
//   without JavaScript, where the server's <details> opens the answer); the card takes over.
// - vitepress (VitePress 1): the cards from the fences, then client-side navigation to page 2
//   and back: no errors, one card per fence, still working; page 2 loaded directly hydrates
//   without mismatches.
// On both: grading works, the grade of page 1 shows on page 2 (same progress-key, status
// "Learning"), and the site's stylesheet (examples/*/style.css, site.css: red !important
// buttons, lime text, dashed sections) stays out of the cards.
import { execFile as execFileCallback } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

/** The recipes this module builds and checks, by folder name in examples/. */
export const STATIC_SITES = ['eleventy', 'vitepress'];

/** How each generator builds `<work>/<name>` into `out`, as its README says (`npx eleventy`, `npx vitepress build`). */
const BUILDS = {
  eleventy: (modules, out) => [join(modules, '@11ty', 'eleventy', 'cmd.cjs'), '--quiet', `--output=${out}`],
  vitepress: (modules, out) => [join(modules, 'vitepress', 'bin', 'vitepress.js'), 'build', '.', '--outDir', out],
};

/**
 * Builds the recipe copied to `<work>/<name>` into `<work>/built/<name>` in a child process (so
 * the two builds, and check-examples' own, overlap). Resolves to `{ out, seconds, error }`.
 */
export async function buildStaticSite(name, work) {
  const out = join(work, 'built', name);
  const since = performance.now();
  const error = await execFile(process.execPath, BUILDS[name](join(work, 'node_modules'), out), { cwd: join(work, name), env: { ...process.env, NO_COLOR: '1' } })
    .then(() => null)
    .catch((failure) => `${name} build failed:\n${`${failure.stderr ?? ''}${failure.stdout ?? ''}`.trim().split('\n').filter((line) => line.trim()).slice(0, 8).join('\n') || failure.message}`);
  return { out, seconds: (performance.now() - since) / 1000, error };
}

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.map': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** A static file server for a built site at `/`: `/x/` is `/x/index.html`, `/x` is `/x.html` if there is no `/x`. */
export async function serveSite(dir) {
  const base = resolve(dir);
  const fileFor = (path) => {
    const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
    for (const candidate of candidates) {
      const file = resolve(base, `.${candidate}`);
      if (file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile()) return file;
    }
    return null;
  };
  const server = createServer((request, response) => {
    const file = fileFor(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file) return response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

// --- what each site must do ---------------------------------------------------------------------

const SUN = 'What powers the Sun?';
const PLANETS = 'Which of these are planets of the Solar System?';
/** Page 1 has one card (the night-sky bank, progress-key astronomy); page 2 a choice card, then the same question for review. */
const FIRST = 'quiz-card:nth-of-type(1)';
const SECOND = 'quiz-card:nth-of-type(2)';

/**
 * Checks one built site. `context` is the caller's `{ browser, Checks, watch }` (check-examples'
 * helpers); problems go to `fail`. Each site gets its own browser context: its own localStorage.
 */
export async function checkStaticSite(name, origin, { browser, Checks, watch }, fail) {
  const context = await browser.createBrowserContext();
  const tabs = [];
  /** A tab whose errors are reported as problems when the check ends. */
  const open = async (label, { javaScript = true } = {}) => {
    const tab = await context.newPage();
    if (!javaScript) await tab.setJavaScriptEnabled(false);
    tabs.push({ tab, label, errors: watch(tab) });
    return new Checks(tab, (message) => fail(`${label}: ${message}`));
  };
  try {
    await (name === 'eleventy' ? eleventy : vitepress)(origin, open, fail);
  } catch (error) {
    fail(error.message);
  } finally {
    for (const { tab, label, errors } of tabs) {
      await tab.waitForNetworkIdle({ idleTime: 200, timeout: 5_000 }).catch(() => {});
      for (const message of errors) fail(`${label}: ${message}`);
    }
    await context.close();
  }
}

async function eleventy(origin, open, fail) {
  // 1. The HTML as published: each card with its declarative shadow root, question and bank.
  for (const [path, titles] of [['/', [SUN]], ['/planets/', [PLANETS, SUN]]]) {
    const html = await (await fetch(`${origin}${path}`)).text();
    const cards = html.match(/<quiz-card[\s>][\s\S]*?<\/quiz-card>/g) ?? [];
    if (cards.length !== titles.length) fail(`${path} has ${cards.length} quiz-card elements in its HTML, not ${titles.length} (one per fence)`);
    cards.forEach((card, i) => {
      if (!card.includes('<template shadowrootmode="open">')) fail(`${path}: card ${i + 1} is not server-rendered (no <template shadowrootmode="open">)`);
      else if (!card.includes(titles[i])) fail(`${path}: card ${i + 1}'s HTML does not hold its question "${titles[i]}"`);
      if (!card.includes('<script type="application/json">')) fail(`${path}: card ${i + 1} has no inline bank for the browser to take over with`);
    });
  }

  // 2. Without JavaScript: the question shows, the server's <details> opens the answer, unstyled by the site.
  const still = await open('without JavaScript', { javaScript: false });
  await still.tab.goto(`${origin}/`, { waitUntil: 'load' });
  await still.title([FIRST], SUN);
  await ownStyles(still, FIRST);
  // A mouse click (puppeteer's locators wait on animation frames, which need scripts).
  const summary = await still.tab.$(`${FIRST} >>> details.static-answer > summary`);
  if (!summary) fail('without JavaScript: no server-rendered Show answer (<details class="static-answer"><summary>)');
  else {
    await summary.click();
    await still.text([FIRST, 'details[open]'], 'Nuclear fusion', 'answer in the opened <details>');
  }

  // 3. With JavaScript: the card takes over in place, grades, and page 2 shows the grade.
  const page = await open('with JavaScript');
  await page.tab.goto(`${origin}/`, { waitUntil: 'load' });
  await page.tab.waitForFunction(() => globalThis.customElements.get('quiz-card'), { timeout: 10_000 }).catch(() => fail('quiz-card was never defined (the CDN script did not load)'));
  await tookOver(page, FIRST);
  await ownStyles(page, FIRST);
  await gradeGood(page, FIRST);

  await page.tab.goto(`${origin}/planets/`, { waitUntil: 'load' });
  await cardsOnce(page, 2);
  await tookOver(page, SECOND);
  await page.text([SECOND, '[part~="status"]'], 'Learning', "page 2's review card: page 1's grade (status)");
  await chooseMarsAndNeptune(page, FIRST);
}

async function vitepress(origin, open, fail) {
  // 1. The HTML as published: the card and its bank, written through Vue's v-html.
  const html = await (await fetch(`${origin}/`)).text();
  const cards = html.match(/<quiz-card[\s>][\s\S]*?<\/quiz-card>/g) ?? [];
  if (cards.length !== 1) fail(`/ has ${cards.length} quiz-card elements in its HTML, not 1`);
  else if (!/<script type="application\/json">[^<]*What powers the Sun/.test(cards[0])) fail('the card in the built HTML has no inline bank holding its question');

  // 2. Page 1: the card, a grade, the site's CSS kept out.
  const page = await open('page 1, then client-side navigation');
  await page.tab.goto(`${origin}/`, { waitUntil: 'load' });
  await cardsOnce(page, 1);
  await page.title([FIRST], SUN);
  await page.text([FIRST, '[part~="status"]'], 'New', 'status before grading');
  await ownStyles(page, FIRST);
  await gradeGood(page, FIRST);

  // 3. VitePress's router to page 2 (no page load: the marker survives), and back, twice.
  await page.tab.evaluate(() => (globalThis.__sameDocument = true));
  for (const round of [1, 2]) {
    const where = round === 1 ? 'after client-side navigation' : 'after going back and forth';
    if (!(await page.click('.vp-doc a[href$="planets.html"]', 'the link to page 2'))) return;
    await page.tab.waitForFunction(() => globalThis.location.pathname === '/planets.html', { timeout: 10_000 }).catch(() => fail(`${where}: the link did not reach /planets.html`));
    await page.text(['.vp-doc h1'], 'Planets', `${where}: page 2's heading`);
    await cardsOnce(page, 2, where);
    await page.title([SECOND], SUN);
    await page.text([SECOND, '[part~="status"]'], 'Learning', `${where}: page 2's review card shows page 1's grade (status)`);
    if (round === 1) await chooseMarsAndNeptune(page, FIRST);
    await page.tab.goBack();
    await page.tab.waitForFunction(() => globalThis.location.pathname === '/', { timeout: 10_000 }).catch(() => fail(`${where}: back did not return to /`));
    await page.text(['.vp-doc h1'], 'Stars', `${where}, back: page 1's heading`);
    await cardsOnce(page, 1, `${where}, back`);
    await page.text([FIRST, '[part~="status"]'], 'Learning', `${where}, back: page 1's card keeps its grade`);
  }
  if (!(await page.tab.evaluate(() => globalThis.__sameDocument))) fail('the links loaded whole pages: VitePress did not navigate on the client');

  // 4. Page 2 loaded directly: server-rendered by Vue and hydrated (a mismatch is a console error).
  const direct = await open('page 2 loaded directly');
  await direct.tab.goto(`${origin}/planets.html`, { waitUntil: 'load' });
  await cardsOnce(direct, 2);
  await direct.title([FIRST], PLANETS);
  await direct.text([SECOND, '[part~="status"]'], 'Learning', "page 2's review card shows page 1's grade (status)");
  await ownStyles(direct, FIRST);
}

// --- steps shared by both sites -----------------------------------------------------------------

/** Show answer, then Good: the Good button stays pressed and the status becomes Learning. */
async function gradeGood(page, card) {
  if (!(await page.click(`${card} >>> button.primary::-p-text(Show answer)`, 'Show answer'))) return;
  await page.text([card, '[part~="answer"]'], 'Nuclear fusion', 'answer after Show answer');
  if (!(await page.click(`${card} >>> button[data-grade="good"]`, 'Good'))) return;
  await page.text([card, 'button[data-grade="good"][aria-pressed="true"]'], 'Good', 'Good pressed');
  await page.text([card, '[part~="status"]'], 'Learning', 'status after grading Good');
}

/** The choice question: two right answers, Check, "Correct.". */
async function chooseMarsAndNeptune(page, card) {
  await page.title([card], PLANETS);
  for (const choice of ['Mars', 'Neptune']) if (!(await page.click(`${card} >>> label[part~="choice"]::-p-text(${choice})`, choice))) return;
  if (await page.click(`${card} >>> button.primary::-p-text(Check)`, 'Check')) await page.text([card, '[part~="feedback"]'], 'Correct.', 'feedback after Check');
}

/** The browser's card replaced the server's markup: its own Show answer button, one title, no <details>. */
async function tookOver(page, card) {
  const ok = await page.tab
    .waitForFunction((selector) => {
      const root = globalThis.document.querySelector(selector)?.shadowRoot;
      return root && !root.querySelector('.static-answer') && root.querySelectorAll('[part~="title"]').length === 1 && root.querySelector('button.primary');
    }, { timeout: 10_000 }, card)
    .then(() => true)
    .catch(() => false);
  if (!ok) page.fail(`${card} did not take over from the server's markup (still a <details>, no button, or not one title)`);
}

/** Exactly `count` cards on the page, each with one title and at most one inline bank: nothing duplicated. */
async function cardsOnce(page, count, where = '') {
  const read = () =>
    page.tab.evaluate(() =>
      [...globalThis.document.querySelectorAll('quiz-card')].map((card) => ({
        titles: card.shadowRoot?.querySelectorAll('[part~="title"]').length ?? 0,
        banks: card.querySelectorAll('script').length,
      })),
    );
  // Wait for the titles to render, then judge.
  await page.tab
    .waitForFunction((n) => {
      const cards = [...globalThis.document.querySelectorAll('quiz-card')];
      return cards.length === n && cards.every((card) => card.shadowRoot?.querySelector('[part~="title"]'));
    }, { timeout: 10_000 }, count)
    .catch(() => {});
  const cards = await read();
  const prefix = where ? `${where}: ` : '';
  if (cards.length !== count) page.fail(`${prefix}${cards.length} quiz-card elements on the page, not ${count} (one per fence)`);
  cards.forEach(({ titles, banks }, i) => {
    if (titles !== 1) page.fail(`${prefix}card ${i + 1} shows ${titles} titles, not 1`);
    if (banks > 1) page.fail(`${prefix}card ${i + 1} holds ${banks} inline banks, not 1`);
  });
}

/** The site's CSS applies to its own text (so this check can fail) but not inside the card. */
async function ownStyles(page, card) {
  const styles = await page.tab.evaluate((selector) => {
    const root = globalThis.document.querySelector(selector)?.shadowRoot;
    const style = (element) => (element ? globalThis.getComputedStyle(element) : null);
    const button = style(root?.querySelector('button.primary, .static-button, button'));
    const title = style(root?.querySelector('[part~="title"]'));
    const section = style(root?.querySelector('section'));
    const sitePara = style(globalThis.document.querySelector('main p, .vp-doc p'));
    return {
      button: button && { background: button.backgroundColor, color: button.color },
      title: title?.color,
      section: section?.borderTopStyle,
      site: sitePara?.color,
    };
  }, card);
  const RED = 'rgb(255, 0, 0)';
  const LIME = 'rgb(0, 255, 0)';
  if (styles.site !== LIME) page.fail(`the site's stylesheet did not apply to the site's own paragraphs (color ${styles.site}), so the leak check proves nothing`);
  if (!styles.button) page.fail(`${card} has no button to check the styles of`);
  else if (styles.button.background === RED || styles.button.color === 'rgb(255, 255, 0)') page.fail(`the site's "button { background: red !important }" reached the card's button (${JSON.stringify(styles.button)})`);
  if (styles.title === LIME) page.fail("the site's \"p { color: lime }\" reached the card's title");
  if (styles.section === 'dashed') page.fail('the site\'s "section { border: dashed }" reached the card');
}
