/// <reference types="mocha" />
// The layout of docs/design/question-browser-layout.md (issue 18 item 5), at the sizes it names:
// a phone filling its screen (375×800), a 48rem container (768×576) and a desktop (1280×800).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import type { Bank, Question } from '../../bank/types.js';
import { memoryStorage } from '../../progress/memory-storage.js';
import { ProgressStore } from '../../progress/store.js';
import { answerUntil } from '../../../test/progress-states.js';
import './question-browser.js';
import type { QuestionBrowser } from './question-browser.js';
import { button, detail, filtersButton, focused, importFile, openCard, openFilters, progressMessage, ready, results, root, rows, settled, tabs, typeQuery } from '../../../test/harness/question-browser.js';
import { isWebKitGtk } from '../../../test/harness/engine.js';

const FIXED = new Date(2026, 10, 23, 9, 0).getTime();
const store = () => new ProgressStore({ storage: memoryStorage(), now: () => FIXED });

const question = (id: string, title: string, extra: Partial<Question> = {}): Question => ({
  id,
  kind: 'concept',
  title,
  topics: ['basics'],
  prompt: `${title} Explain.`,
  answer: `${'A long answer that takes several lines on a phone. '.repeat(12)}`,
  ...extra,
});

/** 30 short titles, one title with 4 variants and one with 7. */
const bigBank: Bank = {
  format: 'quiz-bank/1',
  id: 'big',
  title: 'Machine learning interview questions: the basics',
  language: 'en',
  topics: [{ id: 'basics', title: 'Basics' }],
  questions: [
    ...Array.from({ length: 4 }, (_, i) => question(`four-${i}`, 'What is attention?')),
    ...Array.from({ length: 7 }, (_, i) => question(`seven-${i}`, 'What is a transformer?')),
    ...Array.from({ length: 30 }, (_, i) => question(`q-${i}`, `Question number ${i + 1} about training`)),
  ],
};

const otherBank: Bank = {
  format: 'quiz-bank/1',
  id: 'other',
  title: '大模型面试题：从基础到应用',
  language: 'zh-CN',
  topics: [{ id: 'basics', title: '基础' }],
  questions: [question('zh-1', '什么是过拟合？'), question('zh-2', '什么是 transformer？')],
};

type Size = { name: string; width: number; height: number };
const PHONE: Size = { name: 'phone 375×800', width: 375, height: 800 };
const BOX48: Size = { name: '48rem × 36rem', width: 768, height: 576 };
const DESKTOP: Size = { name: '1280×800', width: 1280, height: 800 };

/** Sets the viewport where the engine's driver can (not WebKit's WebDriver: there the box alone has the size). */
async function viewport(width: number, height: number): Promise<void> {
  // Not asked of WebKitGTK at all: the refusal would print a stack trace in the run's log.
  if (isWebKitGtk()) return;
  try {
    await setViewport({ width, height });
  } catch {
    // the fixed box below still gives the element the size
  }
}

/** A browser filling a screen of `size` (a fixed box of that size at the top left): what a learner on that screen sees. */
async function browserAt(size: Size, template: (height: string) => ReturnType<typeof html>): Promise<QuestionBrowser> {
  await viewport(size.width, size.height);
  const wrapper = await fixture<HTMLDivElement>(html`<div style="position: fixed; top: 0; left: 0; width: ${size.width}px; height: ${size.height}px">${template(`${size.height}px`)}</div>`);
  const el = wrapper.querySelector('question-browser')!;
  await ready(el);
  return el;
}

/** Within a pixel: engines round scroll positions differently. */
const inside = (inner: DOMRect, outer: DOMRect) => inner.top >= outer.top - 1 && inner.bottom <= outer.bottom + 1 && inner.left >= outer.left - 1 && inner.right <= outer.right + 1;

/** Rows wholly inside the listbox's box (and above `limit`, a keyboard's top; the element fills the screen). */
function visibleRows(el: QuestionBrowser, limit = el.getBoundingClientRect().bottom): number {
  const list = results(el)!.getBoundingClientRect();
  return rows(el).filter((row) => {
    const r = row.getBoundingClientRect();
    return r.height > 0 && r.top >= list.top - 0.5 && r.bottom <= Math.min(list.bottom, limit) + 0.5;
  }).length;
}

const shown = (node: Element | null | undefined) => !!node && getComputedStyle(node).display !== 'none' && (node as HTMLElement).getClientRects().length > 0;

/** Opens the row titled `title` and shows the answer; resolves with the four grade buttons. */
async function revealed(el: QuestionBrowser, title: string): Promise<HTMLButtonElement[]> {
  rows(el).find((row) => row.textContent!.includes(title))!.click();
  await settled(el);
  const card = await openCard(el);
  [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith('Show answer'))!.click();
  await waitUntil(() => card.shadowRoot!.querySelectorAll('[part~="grades"] button').length === 4, 'the grades show');
  await card.updateComplete;
  return [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="grades"] button')];
}

describe('<question-browser> layout', () => {
  afterEach(async () => {
    await viewport(800, 600);
  });

  describe('phone, 375×800', () => {
    it('shows at least 8 rows under the search field, with no filters above them', async () => {
      const el = await browserAt(PHONE, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]}></question-browser>`);
      const search = root(el).querySelector('#search')!.getBoundingClientRect();
      expect(search.top >= 0 && search.bottom <= el.getBoundingClientRect().bottom, 'the search field is on screen').to.equal(true);
      expect(visibleRows(el)).to.be.at.least(8);
      expect(shown(root(el).querySelector('[part~="panel"]')), 'the filters are folded').to.equal(false);
      await expect(el).to.be.accessible();
    });

    /** The placeholder's width in the field's font, against the room for text in the field. */
    const placeholderFits = (input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const context = document.createElement('canvas').getContext('2d')!;
      context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return context.measureText(input.placeholder).width <= room;
    };
    const placeholders = { en: ['Search…', 'Search titles, prompts, answers…'], 'zh-CN': ['搜索题目', '搜索标题、题目、答案……'] };
    for (const [lang, [short, long]] of Object.entries(placeholders)) {
      it(`says as much in the search field and the count as fits there, from a phone to a desktop (${lang})`, async () => {
        const ONE_COLUMN: Size = { name: '35rem', width: 560, height: 600 };
        const TWO_COLUMNS: Size = { name: '40rem', width: 640, height: 600 };
        const SIDEBAR: Size = { name: '64rem', width: 1024, height: 700 };
        for (const size of [PHONE, ONE_COLUMN, TWO_COLUMNS, BOX48, SIDEBAR, DESKTOP]) {
          const el = await browserAt(size, (h) => html`<question-browser lang=${lang} style="--quiz-browser-height: ${h}" .banks=${[bigBank]} .progressStore=${store()}></question-browser>`);
          const input = root(el).querySelector<HTMLInputElement>('#search')!;
          expect(input.placeholder, `${lang}, ${size.name}`).to.equal(size === DESKTOP || size === ONE_COLUMN ? long : short);
          expect(placeholderFits(input), `${lang}, ${size.name}: "${input.placeholder}" is cut`).to.equal(true);
          // The count shares its line with Review due: each piece (the questions, their titles) shows whole or not at all.
          const count = root(el).querySelector<HTMLElement>('#count')!;
          const box = count.getBoundingClientRect();
          const pieces = [...count.children].map((piece) => piece.getBoundingClientRect());
          expect(pieces[0]!.right, `${lang}, ${size.name}: the questions are cut`).to.be.at.most(box.right + 0.5);
          expect(pieces[0]!.bottom).to.be.at.most(box.bottom + 0.5);
          for (const piece of pieces.slice(1)) {
            const whole = piece.right <= box.right + 0.5 && piece.bottom <= box.bottom + 0.5;
            expect(whole || piece.top >= box.bottom - 0.5, `${lang}, ${size.name}: "${count.textContent}" is cut`).to.equal(true);
          }
          expect(box.height, 'one line').to.be.below(2 * parseFloat(getComputedStyle(count).fontSize));
        }
      });
    }

    it('keeps the results in view while typing: 3 rows above a 336 px keyboard', async () => {
      const el = await browserAt(PHONE, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]}></question-browser>`);
      await typeQuery(el, 'training');
      const top = el.getBoundingClientRect().top;
      expect(results(el)!.getBoundingClientRect().top - top).to.be.at.most(120);
      expect(visibleRows(el, top + 800 - 336)).to.be.at.least(3);
    });

    for (const [title, count] of [['What is attention?', 4], ['What is a transformer?', 7]] as const) {
      it(`puts ${count} variant tabs on one line that scrolls, and the keys still move between them`, async () => {
        const el = await browserAt(PHONE, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]}></question-browser>`);
        rows(el).find((row) => row.textContent!.includes(title))!.click();
        await settled(el);
        const strip = root(el).querySelector<HTMLElement>('[role="tablist"]')!;
        expect(tabs(el).length).to.equal(count);
        expect(new Set(tabs(el).map((tab) => tab.offsetTop)).size, 'one line').to.equal(1);
        if (count === 7) expect(strip.scrollWidth).to.be.greaterThan(strip.clientWidth);
        tabs(el)[0]!.focus();
        await sendKeys({ press: 'End' });
        await waitUntil(() => tabs(el)[count - 1]!.getAttribute('aria-selected') === 'true', 'End selects the last tab');
        await settled(el);
        expect(focused(el)?.id).to.equal(`tab-${count - 1}`);
        expect(inside(tabs(el)[count - 1]!.getBoundingClientRect(), strip.getBoundingClientRect()), 'the selected tab is scrolled into view').to.equal(true);
        await sendKeys({ press: 'Home' });
        await waitUntil(() => tabs(el)[0]!.getAttribute('aria-selected') === 'true', 'Home selects the first tab');
        await settled(el);
        expect(inside(tabs(el)[0]!.getBoundingClientRect(), strip.getBoundingClientRect())).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }
  });

  it('keeps Show answer in reach under a prompt longer than the screen (phone)', async () => {
    const long: Bank = { ...bigBank, id: 'long', questions: [question('long', 'A long prompt', { prompt: 'A prompt that runs on and on. '.repeat(80) })] };
    const el = await browserAt(PHONE, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[long]} .progressStore=${store()}></question-browser>`);
    rows(el)[0]!.click();
    await settled(el);
    const card = await openCard(el);
    const show = [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent!.trim().startsWith('Show answer'))!;
    const body = root(el).querySelector<HTMLElement>('.detail-body')!;
    expect(body.scrollHeight > body.clientHeight, 'the prompt overflows the question area').to.equal(true);
    expect(inside(show.getBoundingClientRect(), body.getBoundingClientRect()) && inside(show.getBoundingClientRect(), el.getBoundingClientRect()), 'Show answer in view').to.equal(true);
    await expect(el).to.be.accessible();
  });

  for (const size of [PHONE, BOX48, DESKTOP]) {
    it(`keeps the grades in reach after Show answer (${size.name}), at the start and the end of the answer`, async () => {
      const el = await browserAt(size, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]} .progressStore=${store()}></question-browser>`);
      const grades = await revealed(el, 'Question number 3 about');
      const body = root(el).querySelector<HTMLElement>('.detail-body')!;
      const box = el.getBoundingClientRect();
      const check = (when: string) => {
        const area = body.getBoundingClientRect();
        for (const grade of grades) expect(inside(grade.getBoundingClientRect(), area) && inside(grade.getBoundingClientRect(), box), `${grade.dataset.grade} ${when}`).to.equal(true);
      };
      check('after Show answer');
      body.scrollTop = body.scrollHeight;
      check('at the end');
      body.scrollTop = 0;
      check('at the start');
      if (size === PHONE) expect(inside(button(el, 'Back to results')!.getBoundingClientRect(), box), 'Back stays').to.equal(true);
      await expect(el).to.be.accessible();
    });
  }

  describe('the Filters panel', () => {
    it('opens and closes by keyboard under 64rem: it takes the results\' place, Escape returns to the button', async () => {
      const el = await browserAt(BOX48, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank, otherBank]} .progressStore=${store()}></question-browser>`);
      const toggle = filtersButton(el)!;
      const panel = root(el).querySelector('[part~="panel"]');
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      toggle.focus();
      await sendKeys({ press: 'Enter' });
      await settled(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(shown(panel) && !shown(results(el)), 'the panel replaces the list').to.equal(true);
      expect(shown(root(el).querySelector('#search')) && shown(root(el).querySelector('[part~="count"]')), 'search and count stay').to.equal(true);
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Tab' });
      // Firefox stops on a scrolling box itself first: the panel, then its first filter.
      if (focused(el)?.getAttribute('part') === 'panel') await sendKeys({ press: 'Tab' });
      expect(focused(el)?.localName, 'the first filter comes next').to.equal('select');
      const kind = focused(el) as HTMLSelectElement;
      kind.value = 'coding';
      kind.dispatchEvent(new Event('change', { bubbles: true }));
      await settled(el);
      expect(root(el).querySelector('[part~="count"]')!.textContent).to.match(/^0 questions/);
      expect(toggle.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Filters1, 1 active');
      await sendKeys({ press: 'Escape' });
      await settled(el);
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      expect(focused(el)).to.equal(toggle);
      expect(shown(panel)).to.equal(false);
      // Show N questions closes it too and goes to the results.
      await openFilters(el);
      button(el, 'Clear all')!.click();
      await settled(el);
      button(el, /^Show \d+ questions$/)!.click();
      await settled(el);
      expect(shown(results(el)) && focused(el) === results(el)).to.equal(true);
      // Typing closes it.
      await openFilters(el);
      await typeQuery(el, 'training');
      expect(shown(panel)).to.equal(false);
    });

    it('is a sidebar from 64rem: no Filters button, filters, topics and results side by side', async () => {
      const el = await browserAt(DESKTOP, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]}></question-browser>`);
      const panel = root(el).querySelector('[part~="panel"]')!;
      expect(shown(root(el).querySelector('[part~="filters-toggle"]')), 'no Filters button').to.equal(false);
      expect(shown(panel) && shown(results(el))).to.equal(true);
      expect(panel.getBoundingClientRect().right).to.be.at.most(results(el)!.getBoundingClientRect().left);
      expect(visibleRows(el)).to.be.at.least(10);
      await expect(el).to.be.accessible();
    });
  });

  it('moves nothing when the import message or a refusal appears', async () => {
    const progress = store();
    await answerUntil(progress, 'big', 'q-1', 'due', FIXED);
    const el = await browserAt(PHONE, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]} .progressStore=${progress}></question-browser>`);
    button(el, 'Progress')!.click();
    await settled(el);
    const rects = () => JSON.stringify([root(el).querySelector('[part~="status-line"]')!, results(el)!, ...rows(el).slice(0, 3)].map((node) => {
      const r = node.getBoundingClientRect();
      return [r.x, r.y, r.width, r.height];
    }));
    const before = rects();
    await importFile(el, 'notes.json', '{"format":"something-else","questions":[]}');
    expect(rects(), 'after a refusal').to.equal(before);
    await expect(el).to.be.accessible();
    await importFile(el, 'progress.json', JSON.stringify({ format: 'quiz-progress/1', progressKey: 'default', exportedAt: 0, questions: [] }));
    expect(progressMessage(el)).to.match(/^Imported/);
    expect(rects(), 'after an import').to.equal(before);
    await expect(el).to.be.accessible();
    button(el, 'Export progress')?.focus();
    const exportButton = root(el).querySelector('quiz-progress-transfer')!.shadowRoot!.querySelector('button')!;
    exportButton.focus();
    await sendKeys({ press: 'Escape' });
    await settled(el);
    expect(shown(root(el).querySelector('#progress'))).to.equal(false);
    expect(focused(el)?.getAttribute('part')).to.equal('button progress-toggle');
  });

  describe('rows', () => {
    const labels = (el: QuestionBrowser) => rows(el).map((row) => row.querySelector('[part~="bank"]')?.textContent?.trim() ?? null);

    it('name their bank (shortly) only when the results span banks and no bank is chosen', async () => {
      const el = await browserAt(DESKTOP, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank, otherBank]}></question-browser>`);
      await typeQuery(el, '过拟合');
      expect(labels(el)).to.deep.equal([null]); // one bank's rows
      await typeQuery(el, 'transformer');
      expect(labels(el).sort()).to.deep.equal(['Machine le…', '大模型面试题']);
      el.bankFilter = 'other';
      await ready(el);
      expect(labels(el)).to.deep.equal([null]); // the Bank filter is set
      await expect(el).to.be.accessible();
    });

    it("use the bank's shortTitle when it has one, with the whole title on hover", async () => {
      const el = await browserAt(DESKTOP, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[{ ...bigBank, shortTitle: 'ML' }, otherBank]}></question-browser>`);
      await typeQuery(el, 'transformer');
      expect(labels(el).sort()).to.deep.equal(['ML', '大模型面试题']);
      const ml = rows(el).map((row) => row.querySelector('[part~="bank"]')).find((label) => label?.textContent?.trim() === 'ML')!;
      expect(ml.getAttribute('title')).to.equal(bigBank.title);
    });

    it('leave out the Concept badge (the default kind)', async () => {
      const el = await browserAt(DESKTOP, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]}></question-browser>`);
      expect(rows(el).some((row) => /Concept/.test(row.textContent!))).to.equal(false);
      expect(rows(el).some((row) => row.querySelector('.row-meta') === null), 'a row of a plain question is its title').to.equal(true);
    });
  });

  describe('with nothing open', () => {
    it('shows an overview of the collection instead of an empty box, and no <quiz-stats> without progress', async () => {
      const el = await browserAt(DESKTOP, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank, otherBank]} .progressStore=${store()}></question-browser>`);
      const overview = root(el).querySelector('[part~="overview"]')!;
      expect(shown(overview)).to.equal(true);
      expect(overview.textContent).to.contain('43 questions in 2 banks · 0 due');
      expect(overview.querySelectorAll('kbd').length).to.equal(4);
      expect(root(el).querySelector('quiz-stats')).to.equal(null);
      expect(detail(el)).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('shows the progress at a glance (<quiz-stats>) once there is progress, beside the list from 40rem', async () => {
      const progress = store();
      await answerUntil(progress, 'big', 'q-1', 'due', FIXED);
      await answerUntil(progress, 'big', 'q-2', 'learning', FIXED);
      const el = await browserAt(BOX48, (h) => html`<question-browser style="--quiz-browser-height: ${h}" .banks=${[bigBank]} .progressStore=${progress}></question-browser>`);
      await waitUntil(() => root(el).querySelector('[part~="overview"] quiz-stats')?.shadowRoot?.querySelector('[part~="statuses"]'), 'the stats show', { timeout: 8000 });
      const stats = root(el).querySelector('quiz-stats')!;
      expect(stats.shadowRoot!.querySelector('[part~="statuses"]')!.textContent).to.match(/1\s*Due/);
      expect(root(el).querySelector('[part~="overview"]')!.textContent).to.contain('41 questions in 1 bank · 1 due');
      await expect(el).to.be.accessible();
    });

    it('puts the progress at a glance in the Progress panel on a phone, in Chinese too', async () => {
      const progress = store();
      await answerUntil(progress, 'big', 'q-1', 'due', FIXED);
      const el = await browserAt(PHONE, (h) => html`<question-browser lang="zh-CN" style="--quiz-browser-height: ${h}" .banks=${[bigBank]} .progressStore=${progress}></question-browser>`);
      expect(root(el).querySelector('quiz-stats'), 'not loaded while not shown').to.equal(null);
      button(el, '学习进度')!.click();
      await settled(el);
      await waitUntil(() => root(el).querySelector('#progress quiz-stats')?.shadowRoot?.querySelector('[part~="statuses"]'), 'the stats show', { timeout: 8000 });
      expect(button(el, '筛选')).to.not.equal(null);
      await expect(el).to.be.accessible();
    });
  });
});
