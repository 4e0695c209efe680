// examples/docusaurus (Docusaurus 3, React 19): the cards from the fences (MDX JSX, rendered by
// React on the server), hydrated without mismatches (a mismatch is a console error); then React
// Router to page 2 and back: no errors, one card per fence, still working; page 2 loaded directly;
// the grade of page 1 shows on page 2.
import { join } from 'node:path';
import { FIRST, PLANETS, SECOND, SUN, cardsOnce, chooseMarsAndNeptune, gradeGood, ownStyles } from './steps.mjs';

/**
 * `npx docusaurus build`, as the recipe's README says: argv for node, run in the recipe's folder.
 * `--no-minify` halves the build's CPU time (terser over the client bundle, about 15 of 29 s
 * here) and changes nothing the check looks at: React is its production build either way.
 */
export const build = (modules, out) => [join(modules, '@docusaurus', 'core', 'bin', 'docusaurus.mjs'), 'build', '--out-dir', out, '--no-minify'];

/**
 * The build's environment: no update check (a background query of the npm registry), and no
 * webpack cache (about 90 MB written into the recipe's copy, which is thrown away).
 */
export const env = { NO_UPDATE_NOTIFIER: '1', DOCUSAURUS_NO_PERSISTENT_CACHE: 'true' };

/** Resolves once React has hydrated the page (Docusaurus marks <html data-has-hydrated>). */
const hydrated = (page, where) =>
  page.tab
    .waitForFunction(() => globalThis.document.documentElement.dataset.hasHydrated === 'true', { timeout: 10_000 })
    .catch(() => page.fail(`${where}: React never hydrated the page (no <html data-has-hydrated="true">)`));

/** The title a card shows, whole: Docusaurus writes `\{#id}` into every heading line, fences included. */
async function exactTitle(page, card, expected, where) {
  const title = await page.tab.evaluate((selector) => globalThis.document.querySelector(selector)?.shadowRoot?.querySelector('[part~="title"]')?.textContent.trim() ?? null, card);
  if (title !== expected) page.fail(`${where}: ${card} shows the title ${JSON.stringify(title)}, not "${expected}"`);
}

/** Checks the site served at `origin`; `open(label, { javaScript })` gives a tab's Checks. */
export async function check(origin, open, fail) {
  // 1. The HTML as published: React's server rendering of each card with its inline bank.
  for (const [path, titles] of [['/', [SUN]], ['/planets', [PLANETS, SUN]]]) {
    const html = await (await fetch(`${origin}${path}`)).text();
    const cards = html.match(/<quiz-card[\s>][\s\S]*?<\/quiz-card>/g) ?? [];
    if (cards.length !== titles.length) fail(`${path} has ${cards.length} quiz-card elements in its HTML, not ${titles.length} (one per fence)`);
    cards.forEach((card, i) => {
      const bank = /<script type="application\/json">([^<]*)<\/script>/.exec(card)?.[1];
      if (!bank) fail(`${path}: card ${i + 1} in the built HTML has no inline bank`);
      else if (!bank.includes(`"title":${JSON.stringify(titles[i])}`)) fail(`${path}: card ${i + 1}'s inline bank has no question titled "${titles[i]}"`);
    });
  }

  // 2. Page 1: hydrated, the card, a grade, the site's CSS kept out.
  const page = await open('page 1, then client-side navigation');
  await page.tab.goto(`${origin}/`, { waitUntil: 'load' });
  await hydrated(page, 'page 1');
  await cardsOnce(page, 1);
  await page.title([FIRST], SUN);
  await exactTitle(page, FIRST, SUN, 'page 1');
  await page.text([FIRST, '[part~="status"]'], 'New', 'status before grading');
  await ownStyles(page, FIRST);
  await gradeGood(page, FIRST);

  // 3. React Router to page 2 (no page load: the marker survives), and back, twice.
  // A new mark before each step, checked after it: a page restored from the back/forward cache
  // keeps an old mark, so one mark checked at the end could not catch whole-page loads.
  const mark = (step) => page.tab.evaluate((value) => (globalThis.__sameDocument = value), step);
  const sameDocument = async (step, where) => {
    if ((await page.tab.evaluate(() => globalThis.__sameDocument)) !== step) fail(`${where}: a whole page loaded; Docusaurus did not navigate on the client`);
  };
  for (const round of [1, 2]) {
    const where = round === 1 ? 'after client-side navigation' : 'after going back and forth';
    await mark(`link ${round}`);
    if (!(await page.click('.theme-doc-markdown a[href="/planets"]', 'the link to page 2'))) return;
    await page.tab.waitForFunction(() => globalThis.location.pathname === '/planets', { timeout: 10_000 }).catch(() => fail(`${where}: the link did not reach /planets`));
    await page.text(['.theme-doc-markdown h1'], 'Planets', `${where}: page 2's heading`);
    await cardsOnce(page, 2, where);
    await page.title([FIRST], PLANETS);
    await page.title([SECOND], SUN);
    await page.text([SECOND, '[part~="status"]'], 'Learning', `${where}: page 2's review card shows page 1's grade (status)`);
    await ownStyles(page, SECOND);
    if (round === 1) await chooseMarsAndNeptune(page, FIRST);
    await sameDocument(`link ${round}`, where);
    await mark(`back ${round}`);
    await page.tab.goBack();
    await page.tab.waitForFunction(() => globalThis.location.pathname === '/', { timeout: 10_000 }).catch(() => fail(`${where}: back did not return to /`));
    await page.text(['.theme-doc-markdown h1'], 'Stars', `${where}, back: page 1's heading`);
    await cardsOnce(page, 1, `${where}, back`);
    await page.text([FIRST, '[part~="status"]'], 'Learning', `${where}, back: page 1's card keeps its grade`);
    await sameDocument(`back ${round}`, `${where}, back`);
  }

  // 4. Page 2 loaded directly: server-rendered by React and hydrated (a mismatch is a console error).
  const direct = await open('page 2 loaded directly');
  await direct.tab.goto(`${origin}/planets`, { waitUntil: 'load' });
  await hydrated(direct, 'page 2');
  await cardsOnce(direct, 2);
  await direct.title([FIRST], PLANETS);
  await exactTitle(direct, SECOND, SUN, 'page 2');
  await direct.text([SECOND, '[part~="status"]'], 'Learning', "page 2's review card shows page 1's grade (status)");
  await ownStyles(direct, FIRST);
  await chooseMarsAndNeptune(direct, FIRST);
}
