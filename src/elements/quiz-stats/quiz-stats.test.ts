/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { clearBankCache } from '../../bank/load.js';
import type { Bank } from '../../bank/types.js';
import type { QuizErrorEvent } from '../../events/quiz-error.js';
import { memoryStorage } from '../../progress/memory-storage.js';
import { progressStats } from '../../progress/stats.js';
import { ProgressStore } from '../../progress/store.js';
import type { Grade } from '../../progress/types.js';
import '../quiz-card/quiz-card.js';
import type { QuizCard } from '../quiz-card/quiz-card.js';
import './quiz-stats.js';
import type { QuizStats } from './quiz-stats.js';
import { json, stubFetch } from '../../../test/fetch-stub.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
/** Monday 23 November 2026, 09:00 local time. */
const FIXED = new Date(2026, 10, 23, 9, 0).getTime();

const question = (id: string) => ({ id, kind: 'concept' as const, title: `What is ${id}?`, topics: ['basics'], prompt: `Explain ${id}.`, answer: 'Like this.' });

/** Eight questions, one topic. */
const bank: Bank = {
  format: 'quiz-bank/1',
  id: 'stats-bank',
  title: 'Statistics',
  language: 'en',
  topics: [{ id: 'basics', title: 'Basics' }],
  questions: ['mean', 'median', 'mode', 'variance', 'bias', 'recall', 'precision', 'entropy'].map(question),
};

// --- helpers ----------------------------------------------------------------------------------

const root = (el: QuizStats) => el.shadowRoot!;
const text = (node: Element | ShadowRoot | null | undefined) => node?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const part = (el: QuizStats, name: string) => root(el).querySelector<HTMLElement>(`[part~="${name}"]`);
const heading = (el: QuizStats, id: string) => text(root(el).getElementById(id));
const statusCount = (el: QuizStats, status: string) => Number(text(part(el, status)?.querySelector('dd')));
const tables = (el: QuizStats) => [...root(el).querySelectorAll('table')];
/** A table's body rows as [row header, ...cells]. */
const rows = (table: HTMLTableElement) => [...table.rows].slice(1).map((row) => [...row.cells].map((cell) => text(cell)));

async function ready(el: QuizStats): Promise<void> {
  await waitUntil(() => !root(el).querySelector('.skeleton'), 'the stats stay in their loading state', { timeout: 5000 });
  await el.updateComplete;
}

async function stats(template: ReturnType<typeof html>): Promise<QuizStats> {
  const el = await fixture<QuizStats>(template);
  await ready(el);
  return el;
}

const fixedStore = (now = FIXED) => new ProgressStore({ storage: memoryStorage(), now: () => now });

/** A learner who answered on and off over the last 50 days: a deterministic mix of grades, so every chart has something. */
async function practisedStore(): Promise<ProgressStore> {
  const store = fixedStore();
  const grades: Grade[] = ['good', 'good', 'again', 'easy', 'good', 'hard'];
  let n = 0;
  for (let day = 50; day >= 0; day -= 3) {
    const at = FIXED - day * DAY - 2 * 60 * MINUTE;
    for (const q of bank.questions.slice(0, 2 + (day % 5))) {
      const progress = store.get(bank.id, q.id);
      if (progress && progress.memory.due > at) continue;
      await store.record(bank.id, q.id, grades[n++ % grades.length]!, { at });
    }
  }
  return store;
}

// --- tests ------------------------------------------------------------------------------------

describe('<quiz-stats>', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    clearBankCache();
  });

  it('is accessible while loading, and says so', async () => {
    const stub = stubFetch(() => new Promise(() => undefined));
    restore = stub.restore;
    const el = await fixture<QuizStats>(html`<quiz-stats src="/never.json" timeout="0"></quiz-stats>`);
    expect(part(el, 'base')!.getAttribute('aria-busy')).to.equal('true');
    expect(text(part(el, 'skeleton'))).to.equal('Loading questions…');
    await expect(el).to.be.accessible();
  });

  describe('before the first review', () => {
    it('counts every question as new, says what to do, and passes axe', async () => {
      const el = await stats(html`<quiz-stats .banks=${[bank]} .progressStore=${fixedStore()}></quiz-stats>`);
      expect(text(part(el, 'label'))).to.equal('Your progress');
      expect([statusCount(el, 'new'), statusCount(el, 'learning'), statusCount(el, 'due'), statusCount(el, 'mastered')]).to.deep.equal([8, 0, 0, 0]);
      expect(text(part(el, 'empty'))).to.match(/^No reviews yet\. Answer a few questions/);
      expect(root(el).querySelector('svg, table'), 'no empty charts').to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('with reviews', () => {
    let store: ProgressStore;
    before(async () => {
      store = await practisedStore();
    });

    it('passes axe, with each chart hidden from screen readers and a table in its place', async () => {
      const el = await stats(html`<quiz-stats .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
      await expect(el).to.be.accessible();
      const charts = [...root(el).querySelectorAll('svg')];
      expect(charts.length).to.equal(4, 'retention bar, forecast, calendar, legend');
      expect(charts.every((svg) => svg.closest('[aria-hidden="true"]') !== null), 'every SVG is aria-hidden').to.equal(true);
      expect(tables(el).map((table) => text(table.caption))).to.deep.equal(['Due in the next 30 days', 'Reviews in the last 17 weeks']);
      expect(tables(el).every((table) => table.parentElement!.getBoundingClientRect().width <= 1 && getComputedStyle(table.parentElement!).overflow === 'hidden'), 'tables are visually hidden').to.equal(true);
    });

    it('shows the numbers of the progress store: statuses, retention, forecast and calendar', async () => {
      const el = await stats(html`<quiz-stats .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
      const expected = progressStats(store.all(), FIXED, { questions: bank.questions.length, weekStart: 1 });
      for (const status of ['new', 'learning', 'due', 'mastered'] as const) expect(statusCount(el, status), status).to.equal(expected.statuses[status]);
      const { retained, reviews, share } = expected.retention;
      expect(reviews).to.be.greaterThan(0);
      expect(text(part(el, 'retention'))).to.contain(`${Math.round(share! * 100)}%`).and.to.contain(`${retained} of ${reviews} reviews in the last 30 days were Good or Easy.`);
      const forecast = rows(tables(el)[0]!);
      expect(forecast.length).to.equal(30);
      expect(forecast.map((row) => Number(row[1]))).to.deep.equal(expected.forecast.map((day) => day.count));
      expect(forecast[0]![0]).to.match(/^Today, /);
      const total = expected.forecast.reduce((sum, day) => sum + day.count, 0);
      expect(text(part(el, 'forecast')!.querySelector('[part~="summary"]'))).to.equal(`${total} reviews due, ${expected.forecast[0]!.count} of them today.`);
      const calendar = rows(tables(el)[1]!).flatMap((row) => row.slice(1)).filter((cell) => cell !== '');
      // Monday-first in engines without week info; the element picks the language's first day, so only the counts in order are compared.
      expect(calendar.map(Number).reduce((a, b) => a + b)).to.equal(expected.calendar.reduce((sum, day) => sum + day.count, 0));
    });

    it('the forecast table matches its bars, and the calendar table its cells', async () => {
      const el = await stats(html`<quiz-stats .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
      const dueCounts = rows(tables(el)[0]!).map((row) => Number(row[1]));
      const max = Math.max(...dueCounts);
      expect(text(part(el, 'forecast')!.querySelector('.scale span'))).to.equal(String(max), 'the scale shows the largest count');
      const bars = [...part(el, 'forecast')!.querySelectorAll<SVGRectElement>('rect.bar')];
      expect(bars.length).to.equal(dueCounts.filter((count) => count > 0).length, 'one bar per day with reviews due');
      for (const bar of bars) {
        const day = Math.floor(Number(bar.getAttribute('x')) / 10);
        const height = Number(bar.getAttribute('height'));
        expect(height, `bar of day ${day}`).to.be.closeTo(Math.max(2, (dueCounts[day]! / max) * 99), 0.01);
        expect(text(bar.querySelector('title'))).to.match(new RegExp(`: ${dueCounts[day]} due$`));
      }
      const weeks = rows(tables(el)[1]!);
      const cells = [...part(el, 'calendar')!.querySelectorAll<SVGRectElement>('svg.heatmap rect.cell')];
      expect(cells.length).to.equal(weeks.flatMap((row) => row.slice(1)).filter((cell) => cell !== '').length, 'a cell for each day up to today');
      const cellMax = Math.max(...weeks.flatMap((row) => row.slice(1).filter((c) => c !== '').map(Number)));
      cells.forEach((cell, i) => {
        const count = Number(weeks[Math.floor(i / 7)]![1 + (i % 7)]);
        expect(text(cell.querySelector('title')), `day ${i}`).to.match(new RegExp(`: ${count} reviews?$`));
        expect(cell.classList.contains(`l${count ? Math.ceil((count / cellMax) * 4) : 0}`), `day ${i}: level of ${count}`).to.equal(true);
      });
      expect(cells.at(-1)!.classList.contains('today')).to.equal(true);
    });

    it('speaks Chinese: headings, tables, dates and the summary', async () => {
      const el = await stats(html`<quiz-stats lang="zh-CN" .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
      expect(text(part(el, 'label'))).to.equal('学习概况');
      expect(['statuses', 'retention', 'forecast', 'calendar'].map((id) => heading(el, id))).to.deep.equal(['各状态题数', '记忆保持率', '未来 30 天待复习', '近 17 周的复习']);
      expect(text(part(el, 'new')!.querySelector('dt'))).to.equal('新题');
      expect(text(part(el, 'retention'))).to.match(/近 30 天的 \d+ 次复习中，\d+ 次评为“良好”或“简单”。/);
      expect(rows(tables(el)[0]!)[0]![0]).to.match(/^今天, 11月23日/);
      expect(text(tables(el)[1]!.rows[0])).to.match(/周[一二三四五六日]/);
      expect(el.shadowRoot!.querySelector('[part~="base"]')!.getAttribute('lang')).to.equal('zh-CN');
      await expect(el).to.be.accessible();
    });

    it('passes axe in the dark theme', async () => {
      const el = await stats(html`<quiz-stats theme="dark" .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
      expect(getComputedStyle(part(el, 'base')!).backgroundColor).to.equal('rgb(30, 31, 34)');
      await expect(el).to.be.accessible();
    });

    it('fits a 320 px column without overflowing', async () => {
      const host = await fixture<HTMLElement>(html`<div style="width: 320px"><quiz-stats .banks=${[bank]} .progressStore=${store}></quiz-stats></div>`);
      const el = host.querySelector('quiz-stats')!;
      await ready(el);
      const base = part(el, 'base')!;
      const right = base.getBoundingClientRect().right;
      const sticking = [...root(el).querySelectorAll('*')].filter((node) => !node.closest('.visually-hidden') && node.getBoundingClientRect().right > right + 0.5);
      expect(sticking.map((node) => node.localName + '.' + node.getAttribute('class'))).to.deep.equal([]);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      expect(part(el, 'calendar')!.querySelector('svg')!.getBoundingClientRect().right).to.be.at.most(base.getBoundingClientRect().right);
    });
  });

  it('follows the store: a grade in a quiz-card with the same progress-key shows at once', async () => {
    const key = 'quiz-stats-test';
    const clear = () => {
      for (const k of Object.keys(localStorage)) if (k.startsWith(`quiz-elements/progress/${key}/`)) localStorage.removeItem(k);
    };
    clear();
    try {
      const host = await fixture<HTMLElement>(html`<div>
        <quiz-card .bank=${bank} question="mean" progress-key=${key}></quiz-card>
        <quiz-stats .banks=${[bank]} progress-key=${key}></quiz-stats>
      </div>`);
      const card = host.querySelector('quiz-card') as QuizCard;
      const el = host.querySelector('quiz-stats')!;
      await ready(el);
      await waitUntil(() => !card.shadowRoot!.querySelector('.skeleton'), 'the card loads', { timeout: 5000 });
      expect(part(el, 'empty')).to.not.equal(null);
      const press = (key: string) => card.shadowRoot!.querySelector('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
      press(' ');
      await card.updateComplete;
      press('3'); // Good
      await waitUntil(() => statusCount(el, 'learning') === 1, 'the stats follow the grade', { timeout: 5000 });
      expect(statusCount(el, 'new')).to.equal(7);
      expect(part(el, 'empty')).to.equal(null);
      expect(text(part(el, 'retention'))).to.contain('1 of 1 review in the last 30 days were Good or Easy.');
      expect(rows(tables(el)[0]!).reduce((sum, row) => sum + Number(row[1]), 0)).to.equal(1, 'due again in 10 minutes: in the forecast');
      expect(text(part(el, 'calendar')!.querySelector('[part~="summary"]'))).to.equal('1 review on 1 day.');
    } finally {
      clear();
    }
  });

  it('moves on with time alone: a question falls due without any change to the store', async () => {
    let now = FIXED;
    const store = new ProgressStore({ storage: memoryStorage(), now: () => now });
    // Good 10 minutes (less 300 ms) ago: due in 300 ms.
    await store.record(bank.id, 'mean', 'good', { at: FIXED - 10 * MINUTE + 300 });
    const el = await stats(html`<quiz-stats .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
    expect([statusCount(el, 'learning'), statusCount(el, 'due')]).to.deep.equal([1, 0]);
    now = FIXED + 1000;
    await waitUntil(() => statusCount(el, 'due') === 1, 'the question falls due', { timeout: 5000 });
    expect(statusCount(el, 'learning')).to.equal(0);
  });

  describe('errors', () => {
    it('a bank that cannot be loaded: the reason, Retry, quiz-error, and axe', async () => {
      const stub = stubFetch(async () => json({ error: 'gone' }, 404));
      restore = stub.restore;
      const errors: unknown[] = [];
      const el = await fixture<QuizStats>(html`<quiz-stats src="/banks/missing.json" @quiz-error=${(e: QuizErrorEvent) => errors.push(e.detail.error)}></quiz-stats>`);
      await ready(el);
      const alert = root(el).querySelector('[role="alert"]');
      expect(text(alert)).to.contain('The questions could not be loaded').and.to.contain('404').and.to.contain('/banks/missing.json');
      expect(errors.length).to.equal(1);
      const retry = [...root(el).querySelectorAll('button')].find((b) => text(b) === 'Retry')!;
      await expect(el).to.be.accessible();
      stub.restore();
      restore = stubFetch(async () => json(bank)).restore;
      retry.click();
      await waitUntil(() => statusCount(el, 'new') === 8, 'Retry loads the bank', { timeout: 5000 });
    });

    it('no source at all: says what to give, without Retry', async () => {
      const el = await stats(html`<quiz-stats lang="zh-CN"></quiz-stats>`);
      expect(text(root(el).querySelector('[role="alert"]'))).to.contain('没有题库：请为此元素设置 src、bank 或 banks');
      expect(root(el).querySelector('button')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  it('counts only the questions of its banks: progress of other banks is left out', async () => {
    const store = fixedStore();
    await store.record(bank.id, 'mean', 'again', { at: FIXED - DAY });
    await store.record('other-bank', 'mean', 'good', { at: FIXED - DAY });
    const el = await stats(html`<quiz-stats .banks=${[bank]} .progressStore=${store}></quiz-stats>`);
    expect([statusCount(el, 'new'), statusCount(el, 'due')]).to.deep.equal([7, 1]);
    expect(text(part(el, 'calendar')!.querySelector('[part~="summary"]'))).to.equal('1 review on 1 day.');
  });
});
