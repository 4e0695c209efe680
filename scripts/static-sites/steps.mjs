// What every static-site recipe's check does (scripts/static-sites/<name>.mjs use these): the
// questions of examples/*/ (the night-sky bank), a grade, the choice card, take-over, no
// duplicates, and the site's CSS kept out.

export const SUN = 'What powers the Sun?';
export const PLANETS = 'Which of these are planets of the Solar System?';
/** Page 1 has one card (the night-sky bank, progress-key astronomy); page 2 a choice card, then the same question for review. */
export const FIRST = 'quiz-card:nth-of-type(1)';
export const SECOND = 'quiz-card:nth-of-type(2)';

/** Show answer, then Good: the Good button stays pressed and the status becomes Learning. */
export async function gradeGood(page, card) {
  if (!(await page.click(`${card} >>> button.primary::-p-text(Show answer)`, 'Show answer'))) return;
  await page.text([card, '[part~="answer"]'], 'Nuclear fusion', 'answer after Show answer');
  if (!(await page.click(`${card} >>> button[data-grade="good"]`, 'Good'))) return;
  await page.text([card, 'button[data-grade="good"][aria-pressed="true"]'], 'Good', 'Good pressed');
  await page.text([card, '[part~="status"]'], 'Learning', 'status after grading Good');
}

/** The choice question: two right answers, Check, "Correct.". */
export async function chooseMarsAndNeptune(page, card) {
  await page.title([card], PLANETS);
  for (const choice of ['Mars', 'Neptune']) if (!(await page.click(`${card} >>> label[part~="choice"]::-p-text(${choice})`, choice))) return;
  if (await page.click(`${card} >>> button.primary::-p-text(Check)`, 'Check')) await page.text([card, '[part~="feedback"]'], 'Correct.', 'feedback after Check');
}

/** The browser's card replaced the server's markup: its own Show answer button, one title, no <details>. */
export async function tookOver(page, card) {
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
export async function cardsOnce(page, count, where = '') {
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
export async function ownStyles(page, card) {
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

/** The pages of a server-rendered recipe and the questions of their cards, in order. */
const PAGES = [
  ['/', [SUN]],
  ['/planets/', [PLANETS, SUN]],
];

/**
 * The HTML as published by a server-rendering recipe: one card per fence, each with its
 * declarative shadow root holding its question, and an inline bank holding that question for the
 * browser to take over with. Returns each page's HTML, for the recipe's own checks.
 */
export async function serverRenderedHtml(origin, fail) {
  const pages = [];
  for (const [path, titles] of PAGES) {
    const html = await (await fetch(`${origin}${path}`)).text();
    const cards = html.match(/<quiz-card[\s>][\s\S]*?<\/quiz-card>/g) ?? [];
    if (cards.length !== titles.length) fail(`${path} has ${cards.length} quiz-card elements in its HTML, not ${titles.length} (one per fence)`);
    cards.forEach((card, i) => {
      if (!card.includes('<template shadowrootmode="open">')) fail(`${path}: card ${i + 1} is not server-rendered (no <template shadowrootmode="open">)`);
      else if (!card.includes(titles[i])) fail(`${path}: card ${i + 1}'s HTML does not hold its question "${titles[i]}"`);
      const bank = /<script type="application\/json">([^<]*)<\/script>/.exec(card)?.[1] ?? '';
      if (!bank.includes(titles[i])) fail(`${path}: card ${i + 1} has no inline bank holding its question for the browser to take over with`);
    });
    pages.push({ path, html });
  }
  return pages;
}

/** A server-rendered page 1 in a tab without JavaScript: the question shows, unstyled by the site, and the server's <details> opens the answer. */
export async function readableWithoutJavaScript(origin, open, fail) {
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
}
