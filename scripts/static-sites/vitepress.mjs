// examples/vitepress (VitePress 1): the cards from the fences, then client-side navigation to
// page 2 and back: no errors, one card per fence, still working; page 2 loaded directly hydrates
// without mismatches; the grade of page 1 shows on page 2.
import { join } from 'node:path';
import { FIRST, PLANETS, SECOND, SUN, cardsOnce, chooseMarsAndNeptune, gradeGood, ownStyles } from './steps.mjs';

/** `npx vitepress build`, as the recipe's README says: argv for node, run in the recipe's folder. */
export const build = (modules, out) => [join(modules, 'vitepress', 'bin', 'vitepress.js'), 'build', '.', '--outDir', out];

/** Checks the site served at `origin`; `open(label, { javaScript })` gives a tab's Checks. */
export async function check(origin, open, fail) {
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
  // A new mark before each step, checked after it: a page restored from the back/forward cache
  // keeps an old mark, so one mark checked at the end could not catch whole-page loads.
  const mark = (step) => page.tab.evaluate((value) => (globalThis.__sameDocument = value), step);
  const sameDocument = async (step, where) => {
    if ((await page.tab.evaluate(() => globalThis.__sameDocument)) !== step) fail(`${where}: a whole page loaded; VitePress did not navigate on the client`);
  };
  for (const round of [1, 2]) {
    const where = round === 1 ? 'after client-side navigation' : 'after going back and forth';
    await mark(`link ${round}`);
    if (!(await page.click('.vp-doc a[href$="planets.html"]', 'the link to page 2'))) return;
    await page.tab.waitForFunction(() => globalThis.location.pathname === '/planets.html', { timeout: 10_000 }).catch(() => fail(`${where}: the link did not reach /planets.html`));
    await page.text(['.vp-doc h1'], 'Planets', `${where}: page 2's heading`);
    await cardsOnce(page, 2, where);
    await page.title([SECOND], SUN);
    await page.text([SECOND, '[part~="status"]'], 'Learning', `${where}: page 2's review card shows page 1's grade (status)`);
    if (round === 1) await chooseMarsAndNeptune(page, FIRST);
    await sameDocument(`link ${round}`, where);
    await mark(`back ${round}`);
    await page.tab.goBack();
    await page.tab.waitForFunction(() => globalThis.location.pathname === '/', { timeout: 10_000 }).catch(() => fail(`${where}: back did not return to /`));
    await page.text(['.vp-doc h1'], 'Stars', `${where}, back: page 1's heading`);
    await cardsOnce(page, 1, `${where}, back`);
    await page.text([FIRST, '[part~="status"]'], 'Learning', `${where}, back: page 1's card keeps its grade`);
    await sameDocument(`back ${round}`, `${where}, back`);
  }

  // 4. Page 2 loaded directly: server-rendered by Vue and hydrated (a mismatch is a console error).
  const direct = await open('page 2 loaded directly');
  await direct.tab.goto(`${origin}/planets.html`, { waitUntil: 'load' });
  await cardsOnce(direct, 2);
  await direct.title([FIRST], PLANETS);
  await direct.text([SECOND, '[part~="status"]'], 'Learning', "page 2's review card shows page 1's grade (status)");
  await ownStyles(direct, FIRST);
}
