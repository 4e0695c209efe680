// examples/eleventy (Eleventy 3, cards server-rendered by quiz-elements/ssr through the
// markdown-it render hook): the questions are in the HTML before any script runs (fetched, and in
// a tab without JavaScript, where the server's <details> opens the answer); the card takes over;
// the grade of page 1 shows on page 2.
import { join } from 'node:path';
import { FIRST, SECOND, cardsOnce, chooseMarsAndNeptune, gradeGood, ownStyles, readableWithoutJavaScript, serverRenderedHtml, tookOver } from './steps.mjs';

/** `npx eleventy`, as the recipe's README says: argv for node, run in the recipe's folder. */
export const build = (modules, out) => [join(modules, '@11ty', 'eleventy', 'cmd.cjs'), '--quiet', `--output=${out}`];

/** Checks the site served at `origin`; `open(label, { javaScript })` gives a tab's Checks. */
export async function check(origin, open, fail) {
  // 1. The HTML as published: each card with its declarative shadow root, question and bank.
  await serverRenderedHtml(origin, fail);

  // 2. Without JavaScript: the question shows, the server's <details> opens the answer, unstyled by the site.
  await readableWithoutJavaScript(origin, open, fail);

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
