/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearBankCache } from '../../bank/load.js';
import type { Bank, Catalog, Question } from '../../bank/types.js';
import type { QuizErrorEvent } from '../../events/quiz-error.js';
import { memoryStorage } from '../../progress/memory-storage.js';
import { answerUntil } from '../../../test/progress-states.js';
import { ProgressStore } from '../../progress/store.js';
import { QUESTION_STATUSES, type ProgressExport, type ProgressStorage, type QuestionStatus } from '../../progress/types.js';
import type { QuizCard } from '../quiz-card/quiz-card.js';
import './question-browser.js';
import type { QuestionBrowser } from './question-browser.js';
import { json, stubFetch } from '../../../test/fetch-stub.js';
import {
  alertText,
  browser,
  button,
  chooseStatus,
  closeFilters,
  countText,
  detail,
  dismissImportError,
  focused,
  importFile,
  isShown,
  openCard,
  openFilters,
  progressLine,
  progressMessage,
  progressTools,
  questionCount,
  ready,
  recordOpens,
  results,
  root,
  rows,
  rowStatus,
  rowTitle,
  search,
  settled,
  statusSelect,
  tabs,
  tool,
  transfer,
  typeQuery,
} from '../../../test/harness/question-browser.js';

const question = (id: string, title: string, extra: Partial<Question> = {}): Question => ({
  id,
  kind: 'concept',
  title,
  topics: ['training'],
  prompt: `${title} Explain.`,
  answer: 'Because.',
  ...extra,
});

/** Three questions share the title "What is overfitting?" (one row, 3 variants); two others stand alone. */
const mlBank: Bank = {
  format: 'quiz-bank/1',
  id: 'ml',
  title: 'Machine learning',
  language: 'en',
  topics: [
    { id: 'training', title: 'Training' },
    { id: 'serving', title: 'Serving' },
  ],
  questions: [
    question('overfit-1', 'What is overfitting?', { answer: 'The model memorises noise.' }),
    question('dropout', 'How does dropout work?', { answer: 'It zeroes activations at random; it fights overfitting.' }),
    question('overfit-2', 'What is overfitting?', { answer: 'Validation loss rises while training loss falls.' }),
    question('kv-cache', 'What is a KV cache?', { topics: ['serving'], kind: 'coding', answer: 'Keys and values kept between GPU decoding steps.' }),
    question('overfit-3', 'What is  Overfitting?', { answer: 'Low bias, high variance.' }),
  ],
};

// --- the bundled banks, read independently of the element's search code -------------------------

interface Flat {
  key: string;
  title: string;
  text: string;
}

let bundled: Flat[] = [];

async function loadBundledText(): Promise<Flat[]> {
  const catalog = (await (await fetch('/data/banks/index.json')).json()) as Catalog;
  const banks = await Promise.all(catalog.banks.map(async (entry) => (await (await fetch(new URL(entry.src, new URL('/data/banks/', location.href)))).json()) as Bank));
  return banks.flatMap((bank) =>
    bank.questions.map((q) => ({
      key: `${bank.id}/${q.id}`,
      title: q.title.toLowerCase(),
      text: [q.title, q.prompt, q.answer, q.explanation ?? '', q.example ?? ''].join('\n').toLowerCase(),
    })),
  );
}

/** How many bundled questions contain every space-separated word of `query`, in any field, ignoring case. */
function expectedMatches(query: string): Flat[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return bundled.filter((q) => words.every((word) => q.text.includes(word)));
}

// --- learner progress ---------------------------------------------------------------------------

const FIXED = new Date(2026, 10, 23, 9, 0).getTime();


const fixedStore = (progressKey?: string) => new ProgressStore({ storage: memoryStorage(), now: () => FIXED, ...(progressKey ? { progressKey } : {}) });

/** Answers until the question has `status` at FIXED: due (Again a day ago), learning (Good now), mastered (Easy, again and again). */
async function give(store: ProgressStore, bankId: string, questionId: string, status: Exclude<QuestionStatus, 'new'>): Promise<void> {
  await answerUntil(store, bankId, questionId, status, FIXED);
  expect(store.status(bankId, questionId)).to.equal(status);
}

/** ml: overfit-1 due, overfit-2 mastered, overfit-3 new (one row: Due), dropout learning, kv-cache due. */
async function storeWithProgress(progressKey?: string): Promise<ProgressStore> {
  const store = fixedStore(progressKey);
  await give(store, 'ml', 'overfit-1', 'due');
  await give(store, 'ml', 'overfit-2', 'mastered');
  await give(store, 'ml', 'dropout', 'learning');
  await give(store, 'ml', 'kv-cache', 'due');
  return store;
}

async function gradeGood(card: QuizCard): Promise<void> {
  const buttons = () => [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
  buttons().find((b) => b.textContent!.includes('Show answer'))!.click();
  await card.updateComplete;
  buttons().find((b) => b.dataset.grade === 'good')!.click();
  await card.updateComplete;
}

// --- tests --------------------------------------------------------------------------------------

describe('<question-browser>', () => {
  before(async () => {
    bundled = await loadBundledText();
    // The page's default store reads localStorage: progress left by other test files must not show here.
    for (const key of Object.keys(localStorage)) if (key.startsWith('quiz-elements/progress/default/')) localStorage.removeItem(key);
  });
  afterEach(() => clearBankCache());

  it('is accessible once loaded, and shows every bundled question when given no source', async () => {
    const el = await browser(html`<question-browser></question-browser>`);
    await expect(el).to.be.accessible();
    expect(bundled.length).to.equal(213);
    expect(questionCount(el)).to.equal(213);
    expect(search(el).labels?.[0]?.textContent).to.equal('Search questions');
    expect(root(el).querySelector('topic-list')).to.exist;
    expect(rows(el).length).to.be.greaterThan(3).and.lessThan(80, 'the list is windowed, not all 139 rows');
  });

  it('is accessible while loading, and says so', async () => {
    const { restore } = stubFetch(() => new Promise<Response>(() => {}));
    try {
      const el = await fixture<QuestionBrowser>(html`<question-browser src="/never.json"></question-browser>`);
      await el.updateComplete;
      expect(root(el).querySelector('[part~="skeleton"]')).to.exist;
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    } finally {
      restore();
    }
  });

  it('shows a load failure with what went wrong and a Retry that works once the fault clears', async () => {
    let fail = true;
    const { restore } = stubFetch(async () => (fail ? new Response('nope', { status: 404, statusText: 'Not Found' }) : json(mlBank)));
    try {
      const errors: QuizErrorEvent[] = [];
      const el = await fixture<QuestionBrowser>(html`<question-browser src="/banks/ml.json" @quiz-error=${(e: QuizErrorEvent) => errors.push(e)}></question-browser>`);
      await ready(el);
      const alert = root(el).querySelector('[role="alert"]')!;
      expect(alert.textContent).to.include('404').and.include('/banks/ml.json');
      expect(errors).to.have.length(1);
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry')!.click();
      await ready(el);
      expect(questionCount(el)).to.equal(5);
    } finally {
      restore();
    }
  });

  describe('search on the bundled banks', () => {
    for (const query of ['过拟合', '推理 优化', 'GPU', 'Transformer', 'transformer']) {
      it(`"${query}" finds every question whose text contains it, title matches first, highlighted`, async () => {
        const el = await browser(html`<question-browser></question-browser>`);
        await typeQuery(el, query);
        const expected = expectedMatches(query);
        expect(expected.length, 'the query should find something in the seeds').to.be.greaterThan(0);
        expect(questionCount(el)).to.equal(expected.length);
        expect(el.query).to.equal(query);
        expect(el.getAttribute('query')).to.equal(query, 'reflected');

        // Title matches first: once a row's title misses a word, no later row has every word in its title.
        const words = query.toLowerCase().split(/\s+/);
        const titleHasAll = rows(el).map((row) => words.every((w) => rowTitle(row).toLowerCase().includes(w)));
        const firstMiss = titleHasAll.indexOf(false);
        if (firstMiss >= 0) expect(titleHasAll.slice(firstMiss).includes(true), 'a title match ranked below a non-title match').to.equal(false);

        // Every match is marked, and the marks hold the words themselves.
        const marks = [...root(el).querySelectorAll('[role="option"] mark')].map((m) => m.textContent!.toLowerCase());
        expect(marks.length).to.be.greaterThan(0);
        for (const mark of marks) expect(words.some((w) => mark === w || w.includes(mark) || mark.includes(w)), mark).to.equal(true);
        await expect(el).to.be.accessible();
      });
    }

    it('announces the result count to screen readers once typing settles', async () => {
      const el = await browser(html`<question-browser></question-browser>`);
      const status = root(el).querySelector('[role="status"]')!;
      await typeQuery(el, 'GPU');
      const expected = expectedMatches('GPU').length;
      await waitUntil(() => status.textContent!.trim() !== '', 'nothing announced', { timeout: 3000 });
      expect(status.textContent).to.include(String(expected)).and.include('GPU');
    });

    it('shows an empty state with a way out when nothing matches', async () => {
      const el = await browser(html`<question-browser></question-browser>`);
      await typeQuery(el, '不存在的词 zzzz');
      expect(questionCount(el)).to.equal(0);
      expect(results(el)).to.equal(null);
      const empty = root(el).querySelector('[part~="empty"]')!;
      expect(empty.textContent).to.include('不存在的词 zzzz');
      await expect(el).to.be.accessible();
      button(el, 'Clear search and filters')!.click();
      await ready(el);
      expect(questionCount(el)).to.equal(213);
      expect(focused(el)).to.equal(search(el));
    });

    it('waits for an input method to finish composing before searching', async () => {
      const el = await browser(html`<question-browser></question-browser>`);
      search(el).value = 'guo';
      search(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, isComposing: true }));
      await el.updateComplete;
      expect(el.query).to.equal('');
      search(el).value = '过拟合';
      search(el).dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, composed: true, data: '过拟合' }));
      await el.updateComplete;
      expect(el.query).to.equal('过拟合');
      expect(questionCount(el)).to.equal(expectedMatches('过拟合').length);
    });
  });

  describe('attributes and filters', () => {
    it('takes query, topic and kind from attributes', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]} query="overfitting" topic="training"></question-browser>`);
      expect(questionCount(el)).to.equal(4, 'three variants and the dropout answer');
      el.topic = ['serving'];
      await el.updateComplete;
      expect(countText(el)).to.match(/^0 questions/);
      el.query = '';
      el.kind = 'coding';
      await ready(el);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
    });

    it('takes topic as an array or a comma-separated string, and reads it back as an array', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      el.topic = 'serving, training';
      await ready(el);
      expect(el.topic).to.deep.equal(['serving', 'training']);
      expect(el.getAttribute('topic')).to.equal('serving,training');
      expect(questionCount(el)).to.equal(5);
      el.topic = ['serving'];
      await ready(el);
      expect(el.topic).to.deep.equal(['serving']);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
      el.setAttribute('topic', 'training');
      await ready(el);
      expect(el.topic).to.deep.equal(['training']);
      expect(questionCount(el)).to.equal(4);
    });

    it('treats a removed query attribute as an empty search', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]} query="cache"></question-browser>`);
      expect(countText(el)).to.equal('1 question');
      el.removeAttribute('query');
      await ready(el);
      expect(el.query).to.equal('');
      expect(countText(el)).to.equal('5 questions under 3 titles');
    });

    it('passes its theme to its topic list and open card', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]} theme="dark" selected="ml/dropout"></question-browser>`);
      expect(root(el).querySelector('topic-list')!.getAttribute('theme')).to.equal('dark');
      expect(detail(el)!.querySelector('quiz-card')!.getAttribute('theme')).to.equal('dark');
    });

    it('reflects a topic picked in its topic list, and tells the page', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      const list = root(el).querySelector('topic-list')!;
      await list.updateComplete;
      const serving = list.shadowRoot!.querySelector<HTMLElement>('[role="option"][data-value="serving"]')!;
      setTimeout(() => serving.click());
      const event = await oneEvent(el, 'quiz-topic-select');
      expect(event.detail.topics).to.deep.equal(['serving']);
      await ready(el);
      expect(el.getAttribute('topic')).to.equal('serving');
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
    });

    it('filters by kind and bank from its selects', async () => {
      const other: Bank = { ...mlBank, id: 'other', title: 'Other bank', questions: [question('x', 'Another question')] };
      const el = await browser(html`<question-browser .banks=${[mlBank, other]}></question-browser>`);
      const [kindSelect, bankSelect] = [...root(el).querySelectorAll('select')];
      bankSelect!.value = 'other';
      bankSelect!.dispatchEvent(new Event('change', { bubbles: true }));
      await ready(el);
      expect(el.getAttribute('bank-filter')).to.equal('other');
      expect(rows(el).map(rowTitle)).to.deep.equal(['Another question']);
      bankSelect!.value = '';
      bankSelect!.dispatchEvent(new Event('change', { bubbles: true }));
      kindSelect!.value = 'coding';
      kindSelect!.dispatchEvent(new Event('change', { bubbles: true }));
      await ready(el);
      expect(el.getAttribute('kind')).to.equal('coding');
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
    });
  });

  describe('a large collection', () => {
    it('shows its first rows, then counts every question and keeps the rows in place', async () => {
      // 3,000 questions; every third repeats the title two before it, so 2,000 rows.
      const many: Bank = {
        ...mlBank,
        id: 'many',
        questions: Array.from({ length: 3000 }, (_, i) => question(`q${i}`, `Question ${i % 3 === 2 ? i - 2 : i}`)),
      };
      const el = await fixture<QuestionBrowser>(html`<question-browser .banks=${[many]}></question-browser>`);
      await waitUntil(() => rows(el).length > 0, 'first rows shown');
      await waitUntil(() => /3000/.test(countText(el)), 'the count of every question follows', { timeout: 8000 });
      await settled(el);
      expect(countText(el)).to.match(/^3000 questions?\b.*2000/);
      expect(rows(el).slice(0, 2).map(rowTitle)).to.deep.equal(['Question 0', 'Question 1']);
      expect(rows(el)[0]!.textContent).to.match(/2 variants/);
      expect(rows(el)[0]!.getAttribute('aria-setsize')).to.equal('2000');
      await expect(el).to.be.accessible();
    });
  });

  describe('a large collection, filtered from the start', () => {
    it('shows the matches of a topic that only later questions have, never an empty list first', async () => {
      const many: Bank = {
        ...mlBank,
        id: 'many',
        questions: Array.from({ length: 3000 }, (_, i) => question(`q${i}`, `Question ${i}`, { topics: [i >= 2500 ? 'serving' : 'training'] })),
      };
      const el = document.createElement('question-browser');
      el.banks = [many];
      el.setAttribute('topic', 'serving');
      let emptySeen = false;
      const observer = new MutationObserver(() => {
        if (el.shadowRoot?.querySelector('[part~="empty"]')) emptySeen = true;
      });
      document.body.append(el); // the shadow root exists from here; the first render comes later
      observer.observe(el.shadowRoot!, { childList: true, subtree: true });
      try {
        await waitUntil(() => rows(el).length > 0, 'rows shown');
        expect(rowTitle(rows(el)[0]!)).to.equal('Question 2500');
        await waitUntil(() => /500/.test(countText(el)), 'the count');
        expect(emptySeen).to.equal(false, 'no "no results" on the way');
      } finally {
        observer.disconnect();
        el.remove();
      }
    });
  });

  describe('variants', () => {
    it('groups questions with the same title into one row marked with the number of variants', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      expect(countText(el)).to.equal('5 questions under 3 titles');
      const titles = rows(el).map(rowTitle);
      expect(titles).to.deep.equal(['What is overfitting?', 'How does dropout work?', 'What is a KV cache?']);
      expect(rows(el)[0]!.textContent).to.include('3 variants');
      expect(rows(el)[1]!.textContent).not.to.include('variants');
    });

    it('opens a group as tabs, one per variant, switched with the arrow keys', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      const opens = recordOpens(el);
      rows(el)[0]!.click();
      await el.updateComplete;
      expect(el.selected).to.equal('ml/overfit-1');
      expect(tabs(el).map((t) => t.textContent!.trim())).to.deep.equal(['Variant 1', 'Variant 2', 'Variant 3']);
      expect(tabs(el)[0]!.getAttribute('aria-selected')).to.equal('true');
      const card = detail(el)!.querySelector('quiz-card')!;
      await waitUntil(() => card.shadowRoot?.textContent?.includes('What is overfitting?'), 'the card never shows the question');
      await expect(el).to.be.accessible();

      tabs(el)[0]!.focus();
      await sendKeys({ press: 'ArrowRight' });
      await el.updateComplete;
      expect(el.selected).to.equal('ml/overfit-2');
      expect(focused(el)).to.equal(tabs(el)[1]);
      expect(opens.map((o) => o.questionId)).to.deep.equal(['overfit-1', 'overfit-2']);
      expect(opens[0]!.variants).to.equal(3);
      const shown = detail(el)!.querySelector('quiz-card')!;
      await waitUntil(() => shown.shadowRoot?.querySelector('[part~="prompt"]') !== null);
    });
  });

  describe('question types in the detail pane', () => {
    it('asks a typed question in the open card: a fill-in is answered, checked and marked, and a true/false by its key', async () => {
      const typed: Bank = {
        format: 'quiz-bank/1', id: 'typed', title: 'Typed', language: 'en', topics: [{ id: 't', title: 'T' }],
        questions: [
          { id: 'capital', kind: 'concept', type: 'fill-in', title: 'Capital of France', prompt: 'The capital of France is ___.', answer: 'Paris', topics: ['t'], blanks: [{ accept: ['Paris'] }] },
          { id: 'statement', kind: 'concept', type: 'true-false', title: 'The Seine flows through Paris', prompt: 'The Seine flows through Paris.', answer: 'True', topics: ['t'], isTrue: true },
        ],
      };
      const el = await browser(html`<question-browser .banks=${[typed]}></question-browser>`);
      rows(el).find((row) => rowTitle(row) === 'Capital of France')!.click();
      await el.updateComplete;
      const card = detail(el)!.querySelector('quiz-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('input.blank'), 'the blank shows', { timeout: 5000 });
      const blank = card.shadowRoot!.querySelector<HTMLInputElement>('input.blank')!;
      blank.focus();
      await sendKeys({ type: 'paris' });
      const answered = oneEvent(card, 'quiz-answer');
      await sendKeys({ press: 'Enter' });
      expect((await answered).detail).to.deep.include({ type: 'fill-in', correct: true, score: 1 });
      await card.updateComplete;
      expect(blank.getAttribute('aria-invalid')).to.equal('false');
      await expect(el).to.be.accessible();
      rows(el).find((row) => rowTitle(row) === 'The Seine flows through Paris')!.click();
      await el.updateComplete;
      const next = detail(el)!.querySelector('quiz-card')!;
      await waitUntil(() => next.shadowRoot?.querySelector('.true-false'), 'true/false shows', { timeout: 5000 });
      next.shadowRoot!.querySelector<HTMLButtonElement>('.true-false button')!.focus();
      await sendKeys({ press: 'f' });
      await next.updateComplete;
      expect(next.shadowRoot!.querySelectorAll('.true-false button')[1]!.getAttribute('aria-pressed')).to.equal('true');
    });
  });

  describe('rows', () => {
    const excerpt = (row: HTMLElement) => row.querySelector('[part~="excerpt"]')?.textContent?.trim() ?? '';
    const rowBank = (questions: Question[]): Bank => ({ ...mlBank, id: 'rows', questions });

    it('shows the text around a match outside the title, markdown marks left out and the match marked', async () => {
      const bank = rowBank([
        question('stop', 'How do you fight overfitting?', {
          answer: 'Try [early stopping](https://example.com/es "Early") with **dropout**, weight_decay and the `val` loss; max_tokens stays whole.',
        }),
      ]);
      const el = await browser(html`<question-browser .banks=${[bank]}></question-browser>`);
      await typeQuery(el, 'early');
      const row = rows(el)[0]!;
      expect(excerpt(row)).to.equal('Try early stopping with dropout, weight_decay and the val loss; max_tokens stays whole.');
      expect([...row.querySelectorAll('[part~="excerpt"] mark')].map((mark) => mark.textContent)).to.deep.equal(['early']);
    });

    it('shows the first 300 characters of a long title, in the row and as the name of the open question', async () => {
      const title = `${'Why does a long title stay readable? '.repeat(300)}END`;
      const el = await browser(html`<question-browser .banks=${[rowBank([question('long', title)])]}></question-browser>`);
      const shown = rowTitle(rows(el)[0]!);
      expect(shown).to.equal(`${title.slice(0, 300)}…`);
      rows(el)[0]!.click();
      await el.updateComplete;
      expect(detail(el)!.getAttribute('aria-label')).to.equal(`${title.slice(0, 300)}…`);
      const card = detail(el)!.querySelector('quiz-card')!;
      await waitUntil(() => card.shadowRoot?.textContent?.includes('END'), 'the card does not show the whole title');
    });

    it('does not cut a title inside a character outside the BMP', async () => {
      const title = `${'a'.repeat(299)}😀 and more`;
      const el = await browser(html`<question-browser .banks=${[rowBank([question('emoji', title)])]}></question-browser>`);
      expect(rowTitle(rows(el)[0]!)).to.equal(`${'a'.repeat(299)}…`);
    });

    it('finds a match past a run of 200,000 unclosed links, showing the start of the prompt instead of its context', async () => {
      const bank = rowBank([question('runs', 'Brackets', { prompt: 'Look closely.', answer: `${'[x]('.repeat(200_000)} needle` })]);
      const el = await browser(html`<question-browser .banks=${[bank]}></question-browser>`);
      await typeQuery(el, 'needle');
      expect(rows(el).map(rowTitle)).to.deep.equal(['Brackets']);
      expect(excerpt(rows(el)[0]!)).to.equal('Look closely.');
    });
  });

  describe('keyboard', () => {
    it("the opened question's shortcuts work at once: Space shows the answer, 3 grades it", async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]} no-progress></question-browser>`);
      results(el)!.focus();
      await sendKeys({ press: 'ArrowDown' });
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(focused(el)).to.equal(detail(el));
      const card = detail(el)!.querySelector('quiz-card')!;
      await waitUntil(() => card.shadowRoot?.querySelector('[part~="prompt"]') !== null, 'the card shows the question');
      const grades: string[] = [];
      card.addEventListener('quiz-grade', (event) => grades.push(event.detail.grade));
      const scrolled = document.scrollingElement!.scrollTop;
      await sendKeys({ press: ' ' });
      await waitUntil(() => card.shadowRoot!.querySelector('[part~="grades"]') !== null, 'Space showed the answer and the grade buttons');
      expect(document.scrollingElement!.scrollTop).to.equal(scrolled, 'Space did not scroll the page');
      await sendKeys({ press: '3' });
      await waitUntil(() => grades.length > 0, '3 graded the question');
      expect(grades).to.deep.equal(['good']);
    });

    it('"/" focuses search, Down enters the results, Enter opens, Escape goes back to the row', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      const opens = recordOpens(el);
      document.body.focus();
      await sendKeys({ press: '/' });
      expect(focused(el)).to.equal(search(el));
      expect(search(el).value).to.equal('', 'the slash is not typed into the field');
      await sendKeys({ press: 'ArrowDown' });
      expect(focused(el)).to.equal(results(el));
      expect(results(el)!.getAttribute('aria-activedescendant')).to.equal('row-0');
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(results(el)!.getAttribute('aria-activedescendant')).to.equal('row-1');
      expect(root(el).querySelector('#row-1')!.getAttribute('part')).to.include('result-active');
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
      expect(el.selected).to.equal('ml/dropout');
      expect(focused(el)).to.equal(detail(el));
      expect(opens).to.deep.equal([{ bankId: 'ml', questionId: 'dropout', variants: 1 }]);
      await sendKeys({ press: 'Escape' });
      await el.updateComplete;
      expect(el.selected).to.equal(undefined);
      expect(focused(el)).to.equal(results(el));
      expect(results(el)!.getAttribute('aria-activedescendant')).to.equal('row-1', 'back on the row it opened');
    });

    it('Home, End and Up move within the results, and Up from the first row returns to search', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      results(el)!.focus();
      await sendKeys({ press: 'End' });
      await el.updateComplete;
      expect(results(el)!.getAttribute('aria-activedescendant')).to.equal('row-2');
      await sendKeys({ press: 'Home' });
      await el.updateComplete;
      expect(results(el)!.getAttribute('aria-activedescendant')).to.equal('row-0');
      await sendKeys({ press: 'ArrowUp' });
      expect(focused(el)).to.equal(search(el));
    });

    it('Page Down and Page Up move ten rows, and stop at the ends', async () => {
      const many: Bank = { ...mlBank, id: 'many', questions: Array.from({ length: 25 }, (_, i) => question(`q${i}`, `Question number ${i + 1}`)) };
      const el = await browser(html`<question-browser .banks=${[many]}></question-browser>`);
      results(el)!.focus();
      const activeRow = () => results(el)!.getAttribute('aria-activedescendant');
      for (const [key, row] of [['PageDown', 'row-10'], ['PageDown', 'row-20'], ['PageDown', 'row-24'], ['PageUp', 'row-14']] as const) {
        await sendKeys({ press: key });
        await waitUntil(() => activeRow() === row, `${key} goes to ${row}`);
      }
      expect(rowTitle(root(el).querySelector<HTMLElement>('#row-14')!)).to.equal('Question number 15');
    });

    it('types into the search field with the keyboard', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      search(el).focus();
      await sendKeys({ type: 'GPU' });
      await el.updateComplete;
      expect(el.query).to.equal('GPU');
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
    });

    it('does not steal "/" from text fields on the page', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      const input = document.createElement('input');
      document.body.append(input);
      try {
        input.focus();
        await sendKeys({ type: 'a/b' });
        expect(input.value).to.equal('a/b');
        expect(focused(el)).to.equal(null);
      } finally {
        input.remove();
      }
    });
  });

  describe('events', () => {
    it('fires quiz-question-select on a click, not when code sets selected', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]}></question-browser>`);
      const opens = recordOpens(el);
      el.selected = 'ml/kv-cache';
      await el.updateComplete;
      expect(detail(el)).to.exist;
      expect(opens).to.deep.equal([]);
      rows(el)[1]!.click();
      await el.updateComplete;
      expect(opens).to.deep.equal([{ bankId: 'ml', questionId: 'dropout', variants: 1 }]);
      expect(el.getAttribute('selected')).to.equal('ml/dropout');
    });
  });

  describe('layout', () => {
    it('uses one column under 640 px: the open question replaces the list, and Back returns', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 360px"><question-browser .banks=${[mlBank]}></question-browser></div>`);
      const el = wrapper.querySelector('question-browser')!;
      await ready(el);
      const browse = root(el).querySelector('[part~="browse"]');
      expect(isShown(browse)).to.equal(true);
      rows(el)[2]!.click();
      await el.updateComplete;
      expect(isShown(browse)).to.equal(false);
      const back = button(el, 'Back to results')!;
      expect(isShown(back)).to.equal(true);
      await expect(el).to.be.accessible();
      back.click();
      await ready(el);
      expect(isShown(root(el).querySelector('[part~="browse"]'))).to.equal(true);
      expect(focused(el)).to.equal(results(el));
    });

    it('uses two columns when wide: list and open question side by side', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 1000px"><question-browser .banks=${[mlBank]} selected="ml/dropout"></question-browser></div>`);
      const el = wrapper.querySelector('question-browser')!;
      await ready(el);
      const browse = root(el).querySelector<HTMLElement>('[part~="browse"]')!;
      expect(isShown(browse)).to.equal(true);
      expect(isShown(detail(el))).to.equal(true);
      expect(detail(el)!.getBoundingClientRect().left).to.be.greaterThan(browse.getBoundingClientRect().right - 1);
      expect(isShown(button(el, 'Back to results'))).to.equal(false);
    });

    it('speaks Chinese when the page does', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><question-browser .banks=${[mlBank]}></question-browser></div>`);
      const el = wrapper.querySelector('question-browser')!;
      await ready(el);
      expect(countText(el)).to.equal('5 道题，3 个标题');
      expect(search(el).placeholder).to.include('搜索');
      await expect(el).to.be.accessible();
    });

    it('follows a change of the page language, inner topic list and card included', async () => {
      const page = document.documentElement;
      const before = page.lang;
      try {
        page.lang = 'zh-CN';
        const el = await browser(html`<question-browser .banks=${[mlBank]} selected="ml/dropout"></question-browser>`);
        const list = root(el).querySelector('topic-list')!;
        const card = detail(el)!.querySelector('quiz-card')!;
        const allOption = () => list.shadowRoot!.querySelector('[role="option"]')!.textContent!;
        const cardText = () => card.shadowRoot!.textContent!;
        await waitUntil(() => /全部/.test(allOption()) && /显示答案/.test(cardText()), 'Chinese first');
        page.lang = 'en';
        await waitUntil(() => countText(el) === '5 questions under 3 titles', 'the browser follows');
        await waitUntil(() => /All/.test(allOption()), 'the topic list follows');
        await waitUntil(() => /Show answer/.test(cardText()), 'the card follows');
      } finally {
        page.lang = before;
      }
    });
  });

  describe('learner progress', () => {
    it('shows each row\'s status as text: a group its most urgent question\'s', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${await storeWithProgress()}></question-browser>`);
      expect(rows(el).map((row) => [rowTitle(row), rowStatus(row)])).to.deep.equal([
        ['What is overfitting?', 'Due'],
        ['How does dropout work?', 'Learning'],
        ['What is a KV cache?', 'Due'],
      ]);
      expect(rows(el)[0]!.querySelector('[part~="status"]')!.getAttribute('part')).to.equal('badge status');
      await expect(el).to.be.accessible();
    });

    it('shows no statuses while none of its questions has progress, and nothing of progress with no-progress', async () => {
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${fixedStore()}></question-browser>`);
      expect(rows(el).map(rowStatus)).to.deep.equal([null, null, null]);
      expect(statusSelect(el), 'the filter is there: an import may bring progress').to.exist;
      expect(tool(el, /^Review due \(0\)$/)!.disabled).to.equal(true);
      el.remove(); // the windowed list renders rows only on screen: make room for the next one
      const store = await storeWithProgress();
      const off = await browser(html`<question-browser .banks=${[mlBank]} no-progress .progressStore=${store} status="due" selected="ml/dropout"></question-browser>`);
      expect(rows(off).map(rowStatus)).to.deep.equal([null, null, null]);
      expect(statusSelect(off)).to.equal(null);
      expect(transfer(off) === null && progressTools(off) === null && tool(off, /^Review due/) === null, 'no review, export or import').to.equal(true);
      expect(questionCount(off)).to.equal(5, 'the status attribute filters nothing without progress');
      expect(root(off).querySelector('topic-list')!.noProgress).to.equal(true);
      expect(detail(off)!.querySelector('quiz-card')!.noProgress).to.equal(true);
      await expect(off).to.be.accessible();
    });

    it('filters by status after the search: exactly the questions with that status, reflected as an attribute', async () => {
      const store = await storeWithProgress();
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store}></question-browser>`);
      const labels: Record<QuestionStatus, string> = { new: 'New', learning: 'Learning', due: 'Due', mastered: 'Mastered' };
      for (const status of QUESTION_STATUSES) {
        await chooseStatus(el, status);
        const expected = mlBank.questions.filter((q) => store.status('ml', q.id) === status);
        expect(el.getAttribute('status')).to.equal(status);
        expect(questionCount(el), status).to.equal(expected.length);
        // One row per title (case and spaces aside), titled by its first question with the status.
        const titles = new Map<string, string>();
        for (const q of expected) if (!titles.has(q.title.toLowerCase().replace(/\s+/g, ' '))) titles.set(q.title.toLowerCase().replace(/\s+/g, ' '), q.title);
        expect(rows(el).map(rowTitle), status).to.deep.equal([...titles.values()]);
        expect(rows(el).map(rowStatus), 'each row shows the status it was kept for').to.deep.equal(rows(el).map(() => labels[status]));
      }
      // Mastered: the overfitting row stands for overfit-2 only, and opens it.
      await chooseStatus(el, 'mastered');
      rows(el)[0]!.click();
      await el.updateComplete;
      expect(el.selected).to.equal('ml/overfit-2');
      await expect(el).to.be.accessible();
      await chooseStatus(el, '');
      expect(el.hasAttribute('status')).to.equal(false);
      expect(questionCount(el)).to.equal(5);
    });

    it('combines the status filter with the query, topic and kind filters, and says when only the status leaves nothing', async () => {
      const store = await storeWithProgress();
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store} query="overfitting" status="due"></question-browser>`);
      // "overfitting" matches the three variants and dropout's answer; of those only overfit-1 is due.
      expect(questionCount(el)).to.equal(1);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is overfitting?']);
      el.query = '';
      el.kind = 'coding';
      await ready(el);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
      el.kind = undefined;
      el.topic = ['serving'];
      el.status = 'learning';
      await ready(el);
      expect(rows(el)).to.deep.equal([]);
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.contain('None of these questions has the status “Learning” now.');
      await expect(el).to.be.accessible();
      button(el, 'Clear search and filters')!.click();
      await ready(el);
      expect(el.status).to.equal(undefined);
      expect(questionCount(el)).to.equal(5);
    });

    it('follows progress as it changes: rows leave the filter, badges and the count change', async () => {
      const store = await storeWithProgress();
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store} status="due"></question-browser>`);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is overfitting?', 'What is a KV cache?']);
      expect(tool(el, /^Review due/)!.textContent!.trim()).to.equal('Review due (2)');
      await give(store, 'ml', 'kv-cache', 'learning');
      await ready(el);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is overfitting?']);
      expect(tool(el, /^Review due/)!.textContent!.trim()).to.equal('Review due (1)');
    });

    it('Review due (N) counts the due questions under the topic, kind and bank filters, and opens the first of them', async () => {
      const store = await storeWithProgress();
      const other: Bank = { ...mlBank, id: 'other', title: 'Other bank', questions: [question('x', 'Another question')] };
      await give(store, 'other', 'x', 'due');
      const el = await browser(html`<question-browser .banks=${[mlBank, other]} .progressStore=${store} query="dropout"></question-browser>`);
      const review = () => tool(el, /^Review due/)!;
      expect(review().textContent!.trim()).to.equal('Review due (3)', 'the search does not limit it');
      el.kind = 'coding';
      await ready(el);
      expect(review().textContent!.trim()).to.equal('Review due (1)');
      el.kind = undefined;
      el.bankFilter = 'other';
      await ready(el);
      expect(review().textContent!.trim()).to.equal('Review due (1)');
      el.bankFilter = undefined;
      el.topic = ['ml/serving'];
      await ready(el);
      expect(review().textContent!.trim()).to.equal('Review due (1)');
      el.topic = [];
      el.query = 'dropout';
      await ready(el);
      const opens = recordOpens(el);
      review().click();
      await ready(el);
      expect(el.query).to.equal('', 'the review is over the filters, not the search');
      expect(el.getAttribute('status')).to.equal('due');
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is overfitting?', 'What is a KV cache?', 'Another question']);
      expect(el.selected).to.equal('ml/overfit-1');
      expect(opens).to.deep.equal([{ bankId: 'ml', questionId: 'overfit-1', variants: 3 }]);
      expect(focused(el)).to.equal(detail(el));
      const card = await openCard(el);
      expect(card.progressStore).to.equal(store, 'the open card records to the same store');
      await expect(el).to.be.accessible();
      await gradeGood(card);
      await waitUntil(() => review().textContent!.trim() === 'Review due (2)', 'the graded question is no longer due');
      await ready(el);
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?', 'Another question']);
      expect(store.status('ml', 'overfit-1')).to.not.equal('due');
    });

    it('exports the store as a JSON file that a fresh store imports back', async () => {
      const store = await storeWithProgress('course ml/2026');
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store}></question-browser>`);
      const blobs: Blob[] = [];
      const downloads: { name: string; href: string }[] = [];
      const { createObjectURL, revokeObjectURL } = URL;
      URL.createObjectURL = (blob: Blob | MediaSource) => (blobs.push(blob as Blob), `blob:test-${blobs.length}`);
      URL.revokeObjectURL = () => undefined;
      const onClick = (event: Event) => {
        const link = event.composedPath()[0];
        if (!(link instanceof HTMLAnchorElement) || !link.download) return;
        event.preventDefault(); // no real download in the test browser
        downloads.push({ name: link.download, href: link.getAttribute('href')! });
      };
      window.addEventListener('click', onClick, true);
      try {
        tool(el, 'Export progress')!.click();
        await el.updateComplete;
      } finally {
        window.removeEventListener('click', onClick, true);
        Object.assign(URL, { createObjectURL, revokeObjectURL });
      }
      expect(downloads).to.deep.equal([{ name: 'quiz-progress-course-ml-2026-2026-11-23.json', href: 'blob:test-1' }]);
      expect(blobs[0]!.type).to.equal('application/json');
      const file = JSON.parse(await blobs[0]!.text()) as ProgressExport;
      expect(file.format).to.equal('quiz-progress/1');
      expect(file.questions.length).to.equal(4);
      const fresh = fixedStore();
      expect(await fresh.importData(await blobs[0]!.text())).to.deep.equal({ added: 4, updated: 0, kept: 0 });
      for (const q of mlBank.questions) expect(fresh.status('ml', q.id), q.id).to.equal(store.status('ml', q.id));
      expect(fresh.exportData().questions).to.deep.equal(store.exportData().questions);
      await waitUntil(() => progressMessage(el) !== '');
      expect(progressMessage(el)).to.equal('Exported the progress of 4 questions.');
      expect(progressLine(el).getAttribute('role')).to.equal('status');
      await expect(el).to.be.accessible();
    });

    it('imports a progress file: merges it, says so politely, and the rows follow', async () => {
      const store = fixedStore();
      await give(store, 'ml', 'dropout', 'learning');
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store}></question-browser>`);
      const source = await storeWithProgress();
      await importFile(el, 'progress.json', JSON.stringify(source.exportData()));
      expect(alertText(el)).to.equal('');
      expect(progressMessage(el)).to.equal('Imported: 3 added, 0 updated, 1 already up to date');
      expect(progressLine(el).getAttribute('role')).to.equal('status');
      for (const q of mlBank.questions) expect(store.status('ml', q.id), q.id).to.equal(source.status('ml', q.id));
      expect(rows(el).map(rowStatus)).to.deep.equal(['Due', 'Learning', 'Due']);
      await expect(el).to.be.accessible();
    });

    it('refuses a file that is not a progress export: an alert with the file name and why, and nothing changes', async () => {
      const store = await storeWithProgress();
      const before = JSON.stringify(store.exportData());
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store}></question-browser>`);
      await importFile(el, 'notes.json', '{"format":"something-else","questions":[]}');
      expect(alertText(el)).to.contain('Could not import "notes.json": it is not a progress export.');
      expect(alertText(el)).to.contain('Choose a file made by Export progress.');
      expect(progressMessage(el)).to.equal('');
      expect(JSON.stringify(store.exportData())).to.equal(before);
      await expect(el).to.be.accessible();
      await importFile(el, 'broken.json', '{"format": "quiz-progress/1", "questions": [');
      expect(alertText(el)).to.contain('Could not import "broken.json": the file is not JSON text (it may be damaged or cut short).');
      expect(JSON.stringify(store.exportData())).to.equal(before);
      const bad = JSON.parse(before) as ProgressExport;
      (bad.questions[1]!.reviews[0] as { grade: string }).grade = 'perfect';
      await importFile(el, 'edited.json', JSON.stringify(bad));
      expect(alertText(el)).to.contain('Could not import "edited.json": part of it is not valid: questions[1].reviews[0].grade: expected one of again, hard, good, easy.');
      expect(JSON.stringify(store.exportData())).to.equal(before);
      dismissImportError(el)!.click();
      await el.updateComplete;
      expect(alertText(el)).to.equal('');
    });

    it('says why a file was refused in the UI language', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div lang="zh-CN"><question-browser .banks=${[mlBank]} .progressStore=${await storeWithProgress()}></question-browser></div>`);
      const el = wrapper.querySelector('question-browser')!;
      await ready(el);
      await importFile(el, 'broken.json', '{"format": "quiz-progress/1", "questions": [');
      expect(alertText(el)).to.contain('无法导入“broken.json”：文件不是 JSON 文本（可能已损坏或不完整）。');
      await importFile(el, 'future.json', '{"format": "quiz-progress/2", "questions": []}');
      expect(alertText(el)).to.contain('无法导入“future.json”：文件由更新版本的 quiz-elements 导出。');
      await expect(el).to.be.accessible();
    });

    it('agrees with a separate quiz-card of the same progress-key after a grade in either', async () => {
      const key = 'browser-and-card';
      const prefix = `quiz-elements/progress/${key}/`;
      try {
        const host = await fixture<HTMLDivElement>(html`<div style="width: 1000px">
          <question-browser .banks=${[mlBank]} progress-key=${key} selected="ml/kv-cache"></question-browser>
          <quiz-card .bank=${mlBank} question="dropout" progress-key=${key}></quiz-card>
        </div>`);
        const el = host.querySelector('question-browser')!;
        const card = host.querySelector('quiz-card')!;
        await ready(el);
        const status = (c: QuizCard) => c.shadowRoot!.querySelector('[part~="status"]')?.textContent!.trim();
        await waitUntil(() => status(card) === 'New', 'the separate card shows its status');
        expect(rows(el).map(rowStatus)).to.deep.equal([null, null, null], 'no progress yet');
        await gradeGood(await openCard(el));
        await waitUntil(() => rows(el)[2] && rowStatus(rows(el)[2]!) === 'Learning', 'the browser shows the grade of its own card');
        await gradeGood(card);
        await waitUntil(() => rowStatus(rows(el)[1]!) === 'Learning', "the browser shows the other card's grade");
        expect(ProgressStore.shared(key).status('ml', 'dropout')).to.equal('learning');
        expect(Object.keys(localStorage).filter((k) => k.startsWith(prefix)).length).to.equal(2);
        const topics = root(el).querySelector('topic-list')!;
        await topics.updateComplete;
        const training = topics.shadowRoot!.querySelector('[role="option"][data-value="training"] [part~="progress"]')!;
        expect(training.textContent!.trim()).to.equal('0 of 4 mastered', 'its topic list counts the same store');
      } finally {
        for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
      }
    });

    it('says once that progress is not kept: the browser shows the note, its open card does not', async () => {
      const fault = () => new DOMException('The operation is insecure.', 'SecurityError');
      const broken: ProgressStorage = {
        keys: () => {
          throw fault();
        },
        get: () => null,
        set: () => undefined,
        remove: () => undefined,
        watch: () => () => undefined,
      };
      const store = new ProgressStore({ storage: broken, now: () => FIXED });
      const el = await browser(html`<question-browser .banks=${[mlBank]} .progressStore=${store} selected="ml/dropout"></question-browser>`);
      const card = await openCard(el);
      const notices = [...root(el).querySelectorAll('[part~="notice"]'), ...card.shadowRoot!.querySelectorAll('[part~="notice"]')];
      expect(notices.length).to.equal(1);
      expect(notices[0]!.getRootNode()).to.equal(root(el));
      expect(notices[0]!.getAttribute('role')).to.equal('status');
      expect(notices[0]!.textContent).to.contain('kept only until you leave this page');
      await expect(el).to.be.accessible();
      button(el, 'Dismiss')!.click();
      await el.updateComplete;
      expect(root(el).querySelector('[part~="notice"]')).to.equal(null);
    });

    it('fits its progress tools into a 320 px column', async () => {
      const wrapper = await fixture<HTMLDivElement>(html`<div style="width: 320px"><question-browser .banks=${[mlBank]} .progressStore=${await storeWithProgress()}></question-browser></div>`);
      const el = wrapper.querySelector('question-browser')!;
      await ready(el);
      const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
      // The design (docs/design/question-browser-layout.md, 3.1) moves the tools into the Progress panel and folds the filters under 64rem.
      button(el, 'Progress')!.click();
      await el.updateComplete;
      const tools = progressTools(el)!;
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      const box = base.getBoundingClientRect();
      for (const b of [...tools.querySelectorAll('button'), root(el).querySelector('button[part~="review"]')!]) {
        const r = b.getBoundingClientRect();
        expect(r.right, b.textContent!).to.be.at.most(box.right);
        expect(r.bottom, b.textContent!).to.be.at.most(box.bottom);
        expect(r.height).to.be.at.least(24, 'target size');
      }
      button(el, 'Progress')!.click();
      await openFilters(el);
      expect(isShown(statusSelect(el))).to.equal(true);
      await closeFilters(el);
      expect(results(el)!.getBoundingClientRect().height).to.be.at.least(100, 'the results keep room');
      await expect(el).to.be.accessible();
    });
  });

  describe('deep links (sync-url)', () => {
    let original: string;
    beforeEach(() => {
      original = location.href;
    });
    afterEach(() => history.replaceState(null, '', original));

    it('opens the view a link describes', async () => {
      history.replaceState(null, '', `#q=${encodeURIComponent('overfitting')}&kind=concept&open=ml%2Fdropout`);
      const el = await browser(html`<question-browser sync-url .banks=${[mlBank]}></question-browser>`);
      expect(el.query).to.equal('overfitting');
      expect(el.kind).to.equal('concept');
      expect(el.selected).to.equal('ml/dropout');
      expect(search(el).value).to.equal('overfitting');
      expect(detail(el)).to.exist;
    });

    it('writes what the learner does into the hash, and Back/Forward restore it', async () => {
      history.replaceState(null, '', '#');
      const el = await browser(html`<question-browser sync-url .banks=${[mlBank]}></question-browser>`);
      await typeQuery(el, '过拟合 GPU');
      expect(decodeURIComponent(location.hash)).to.equal('#q=过拟合 GPU');
      await typeQuery(el, '');
      rows(el)[1]!.click();
      await el.updateComplete;
      expect(location.hash).to.equal('#open=ml%2Fdropout');

      const back = oneEvent(window, 'popstate');
      history.back();
      await back;
      await el.updateComplete;
      expect(el.selected).to.equal(undefined);
      expect(detail(el)).to.equal(null);

      const forward = oneEvent(window, 'popstate');
      history.forward();
      await forward;
      await el.updateComplete;
      expect(el.selected).to.equal('ml/dropout');
    });

    it('keeps the status filter in the hash: links apply it, changes write it, Back restores it', async () => {
      history.replaceState(null, '', '#status=due&topic=training');
      const store = await storeWithProgress();
      const el = await browser(html`<question-browser sync-url .banks=${[mlBank]} .progressStore=${store}></question-browser>`);
      expect(el.status).to.equal('due');
      expect(el.getAttribute('status')).to.equal('due');
      expect(statusSelect(el)!.value).to.equal('due');
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is overfitting?']);
      await chooseStatus(el, 'learning');
      expect(location.hash).to.equal('#topic=training&status=learning');
      expect(rows(el).map(rowTitle)).to.deep.equal(['How does dropout work?']);
      const back = oneEvent(window, 'popstate');
      history.back();
      await back;
      await ready(el);
      expect(el.status).to.equal('due');
      expect(statusSelect(el)!.value).to.equal('due');
      const changed = oneEvent(window, 'hashchange');
      location.hash = '#status=nonsense';
      await changed;
      await ready(el);
      expect(el.status).to.equal(undefined, 'a status that is not one filters nothing');
      expect(questionCount(el)).to.equal(5);
    });

    it('follows links that change the hash on the same page', async () => {
      history.replaceState(null, '', '#');
      const el = await browser(html`<question-browser sync-url .banks=${[mlBank]}></question-browser>`);
      const changed = oneEvent(window, 'hashchange');
      location.hash = '#q=cache';
      await changed;
      await ready(el);
      expect(el.query).to.equal('cache');
      expect(rows(el).map(rowTitle)).to.deep.equal(['What is a KV cache?']);
    });
  });
});
