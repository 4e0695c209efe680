// examples/astro (Astro 7 + Starlight, cards server-rendered by quiz-elements/ssr through the
// remark plugin's render option, Astro's client-side router added through Starlight's Head
// override): the questions are in the HTML before any script runs (fetched, and in a tab
// without JavaScript, where the server's <details> opens the answer); the card takes over and
// grades; the router's swaps to page 2 and back (twice, no page load) bring one working card per
// fence with page 1's grade; page 2 loaded directly; the site's CSS stays out of the cards.
//
// Run as a script (`node astro.mjs <node_modules> <outDir>`, in the recipe's folder) it is the
// build: `astro build` through Astro's JavaScript API, for two reasons that are this checkout's,
// not a user's:
// - Astro 7's CLI refuses Node < 22.23.4 and this machine has Node 20; the API has no such guard
//   (the build works here, but Astro does not support Node 20: users need Node 22, as the
//   recipe's README says).
// - check-examples links the generators from this checkout's node_modules into a temporary
//   project under the OS's temporary folder. Astro then fails on every component of Starlight
//   ("No cached compile metadata found"): it takes an absolute path sharing no top-level folder
//   with the project's root for a root-relative one (withastro/astro#16616). So the recipe is
//   built from a copy beside this checkout, whose node_modules is the temporary project's.
import { cpSync, mkdtempSync, realpathSync, rmSync, symlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { FIRST, PLANETS, SECOND, SUN, cardsOnce, chooseMarsAndNeptune, gradeGood, ownStyles, readableWithoutJavaScript, serverRenderedHtml, tookOver } from './steps.mjs';

/** Argv for node, run in the recipe's folder: this file as the build script. */
export const build = (modules, out) => [import.meta.filename, modules, out];

/** `astro build` of the recipe in the working folder into `out`, from a copy Astro can resolve (above). */
async function buildSite(modules, out) {
  const recipe = process.cwd();
  // The checkout holding Astro: its parent shares a top-level folder with Astro's real path.
  const checkout = dirname(dirname(realpathSync(join(modules, 'astro'))));
  const copy = mkdtempSync(join(dirname(checkout), `.quiz-examples-${basename(recipe)}-`));
  try {
    const root = join(copy, basename(recipe));
    cpSync(recipe, root, { recursive: true });
    symlinkSync(resolve(modules), join(copy, 'node_modules'), 'dir');
    process.env.ASTRO_TELEMETRY_DISABLED = '1'; // No network here, and nothing to report.
    const astro = await import(pathToFileURL(join(modules, 'astro', 'dist', 'index.js')).href);
    await astro.build({ root, outDir: resolve(out), logLevel: 'warn' });
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
}

if (process.argv[1] === import.meta.filename) await buildSite(process.argv[2], process.argv[3]);

/** Checks the site served at `origin`; `open(label, { javaScript })` gives a tab's Checks. */
export async function check(origin, open, fail) {
  // 1. The HTML as published: one card per fence, server-rendered, its question and bank inline; Astro's router on each page.
  for (const { path, html } of await serverRenderedHtml(origin, fail)) {
    if (!html.includes('<meta name="astro-view-transitions-enabled" content="true">')) fail(`${path} has no <ClientRouter /> (Starlight's Head override did not apply)`);
  }

  // 2. Without JavaScript: the question shows, the server's <details> opens the answer, unstyled by the site.
  await readableWithoutJavaScript(origin, open, fail);

  // 3. Page 1: the card takes over in place, grades; the site's CSS kept out.
  const page = await open('page 1, then client-side navigation');
  await page.tab.goto(`${origin}/`, { waitUntil: 'load' });
  await tookOver(page, FIRST);
  await cardsOnce(page, 1);
  await page.title([FIRST], SUN);
  await page.text([FIRST, '[part~="status"]'], 'New', 'status before grading');
  await ownStyles(page, FIRST);
  await gradeGood(page, FIRST);

  // 4. Astro's router to page 2 and back, twice. Before each step a new mark goes on window;
  //    finding it after the step proves no page was loaded (also on Back, where a page load
  //    would be the back/forward cache's old page 1, without the mark set on page 2). Each swap
  //    brings new <quiz-card> elements, which the browser upgrades (the router attaches their
  //    declarative shadow roots itself: DOMParser does not). A view transition's snapshot takes
  //    the clicks until its animations end (as for any reader), so each step waits for the
  //    transition the router hands to astro:before-swap to finish. (The router's
  //    data-astro-transition attribute on <html> is no such signal: on Back it was seen gone
  //    while the transition's animations still ran.)
  let mark = 0;
  const step = async (go, path, what) => {
    await page.tab.evaluate((n) => {
      globalThis.__quizMark = n;
      globalThis.__quizTransitionDone = false;
      globalThis.document.addEventListener('astro:before-swap', (event) => event.viewTransition.finished.finally(() => (globalThis.__quizTransitionDone = true)), { once: true });
    }, ++mark);
    await go();
    const arrived = await page.tab
      .waitForFunction((wanted) => globalThis.location.pathname === wanted, { timeout: 10_000 }, path)
      .then(() => true)
      .catch(() => false);
    if (!arrived) {
      fail(`${what} did not reach ${path}`);
      return false;
    }
    if ((await page.tab.evaluate(() => globalThis.__quizMark)) !== mark) fail(`${what} loaded a whole page: Astro's <ClientRouter /> did not navigate on the client`);
    else await page.tab.waitForFunction(() => globalThis.__quizTransitionDone, { timeout: 10_000 }).catch(() => fail(`${what}: the view transition did not finish`));
    return true;
  };
  for (const round of [1, 2]) {
    const where = round === 1 ? 'after client-side navigation' : 'after going back and forth';
    if (!(await step(() => page.click('.sl-markdown-content a[href="/planets/"]', 'the link to page 2'), '/planets/', `${where}: the link`))) return;
    await page.text(['main h1'], 'Planets', `${where}: page 2's heading`);
    await cardsOnce(page, 2, where);
    await tookOver(page, SECOND);
    await page.title([SECOND], SUN);
    await page.text([SECOND, '[part~="status"]'], 'Learning', `${where}: page 2's review card shows page 1's grade (status)`);
    if (round === 1) await chooseMarsAndNeptune(page, FIRST);
    if (!(await step(() => page.tab.goBack(), '/', `${where}: Back`))) return;
    await page.text(['main h1'], 'Stars', `${where}, back: page 1's heading`);
    await cardsOnce(page, 1, `${where}, back`);
    await page.text([FIRST, '[part~="status"]'], 'Learning', `${where}, back: page 1's card keeps its grade`);
  }

  // 5. Page 2 loaded directly: server-rendered, taken over.
  const direct = await open('page 2 loaded directly');
  await direct.tab.goto(`${origin}/planets/`, { waitUntil: 'load' });
  await cardsOnce(direct, 2);
  await tookOver(direct, FIRST);
  await direct.title([FIRST], PLANETS);
  await direct.text([SECOND, '[part~="status"]'], 'Learning', "page 2's review card shows page 1's grade (status)");
  await ownStyles(direct, FIRST);
}
