/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearBankCache } from '../../bank/load.js';
import type { Bank, Catalog } from '../../bank/types.js';
import type { QuizErrorEvent } from '../../events/quiz-error.js';
import { memoryStorage } from '../../progress/memory-storage.js';
import { answerUntil } from '../../../test/progress-states.js';
import { ProgressStore } from '../../progress/store.js';
import { QUESTION_STATUSES, type QuestionStatus } from '../../progress/types.js';
import './topic-list.js';
import type { TopicList, TopicProgress } from './topic-list.js';
import { json, stubFetch } from '../../../test/fetch-stub.js';
import {
  alertText, button, countOf, dispatchKey, focused, focusList, list, listbox, option, options, press, ready, recordSelections, root, selectedValues, titleOf, typeKeys,
} from '../../../test/harness/topic-list.js';
import { buttonNamed } from '../../../test/harness/controls.js';
import { firedBy } from '../../../test/harness/waits.js';

const question = (id: string, topics: string[], title = id) => ({ id, kind: 'concept' as const, title, topics, prompt: `${title}?`, answer: 'Yes.' });

/** English bank: Training 3 (one question also in Data), Data 2, Metrics 1, Deployment 0. */
const mlBank: Bank = {
  format: 'quiz-bank/1',
  id: 'ml',
  title: 'Machine learning',
  language: 'en',
  topics: [
    { id: 'training', title: 'Training' },
    { id: 'data', title: 'Data' },
    { id: 'metrics', title: 'Metrics' },
    { id: 'deployment', title: 'Deployment' },
  ],
  questions: [
    question('overfitting', ['training']),
    question('dropout', ['training']),
    question('augmentation', ['training', 'data']),
    question('labels', ['data']),
    question('f1', ['metrics']),
  ],
};

/** Chinese bank: 训练 2, 数据集 1, 推理与部署 1, 数学基础 0. */
const llmBank: Bank = {
  format: 'quiz-bank/1',
  id: 'llm',
  title: '大模型基础',
  language: 'zh-CN',
  topics: [
    { id: 'training', title: '训练' },
    { id: 'datasets', title: '数据集' },
    { id: 'inference', title: '推理与部署' },
    { id: 'math', title: '数学基础' },
  ],
  questions: [question('pretraining', ['training'], '什么是预训练？'), question('sft', ['training']), question('corpus', ['datasets']), question('kv-cache', ['inference'])],
};

const emptyBank: Bank = { format: 'quiz-bank/1', id: 'empty', title: 'Empty', language: 'en', topics: [], questions: [] };

// --- helpers (finders and keys: test/harness/topic-list.ts) -------------------------------------

async function dataFile<T>(path: string): Promise<T> {
  const response = await fetch(new URL(`../../../data/${path}`, import.meta.url));
  return (await response.json()) as T;
}

/** Expected per-topic counts: every question listing the topic. */
function expectedCounts(bank: Bank): Map<string, number> {
  return new Map(bank.topics.map((t) => [t.id, bank.questions.filter((q) => q.topics.includes(t.id)).length]));
}

// --- learner progress ---------------------------------------------------------------------------

const FIXED = new Date(2026, 10, 23, 9, 0).getTime();


const fixedStore = () => new ProgressStore({ storage: memoryStorage(), now: () => FIXED });

/** Answers until the question has `status` at FIXED: due (Again a day ago), learning (Good now), mastered (Easy, again and again). */
async function give(store: ProgressStore, bankId: string, questionId: string, status: Exclude<QuestionStatus, 'new'>): Promise<void> {
  await answerUntil(store, bankId, questionId, status, FIXED);
  expect(store.status(bankId, questionId)).to.equal(status);
}

/** Counts per status of `questions`, as the store says, independently of the element. */
function expectedProgress(store: ProgressStore, bankId: string, questions: readonly { id: string }[]): TopicProgress {
  const counts: TopicProgress = { new: 0, learning: 0, due: 0, mastered: 0 };
  for (const q of questions) counts[store.status(bankId, q.id)]++;
  return counts;
}

/** What an option (or group) tells screen readers about its progress, read back into counts. */
function describedProgress(el: TopicList, node: HTMLElement): TopicProgress | null {
  const id = node.getAttribute('aria-describedby');
  if (!id) return null;
  const text = root(el).getElementById(id)!.textContent!.replace(/\s+/g, ' ');
  const match = /: (\d+) of (\d+) mastered, (\d+) due, (\d+) learning, (\d+) new$/.exec(text);
  expect(match, text).to.not.equal(null);
  const [mastered, total, due, learning, fresh] = match!.slice(1).map(Number) as [number, number, number, number, number];
  expect(mastered + due + learning + fresh).to.equal(total);
  return { new: fresh, learning, due, mastered };
}

describe('<topic-list>', () => {
  before(() => {
    // The page's default store reads localStorage: progress left by other test files must not show here.
    for (const key of Object.keys(localStorage)) if (key.startsWith('quiz-elements/progress/default/')) localStorage.removeItem(key);
  });
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    clearBankCache();
  });

  it('is accessible', async () => {
    const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
    await expect(el).to.be.accessible();
    expect(listbox(el)!.getAttribute('aria-labelledby')).to.equal('label');
    expect(root(el).getElementById('label')!.textContent).to.equal('Topics');
  });

  describe('states', () => {
    it('is busy and accessible while loading', async () => {
      const stub = stubFetch(() => new Promise(() => {}));
      restore = stub.restore;
      const el = await fixture<TopicList>(html`<topic-list src="/slow.json"></topic-list>`);
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('true');
      expect(root(el).querySelector('[part~="skeleton"]')!.textContent).to.contain('Loading questions');
      await expect(el).to.be.accessible();
    });

    it('shows a specific error with Retry, fires quiz-error, is accessible, and recovers', async () => {
      let fail = true;
      const stub = stubFetch(async () => (fail ? new Response('missing', { status: 404, statusText: 'Not Found' }) : json(mlBank)));
      restore = stub.restore;
      const el = document.createElement('topic-list');
      el.src = '/missing-bank.json';
      const error = oneEvent(el, 'quiz-error') as Promise<QuizErrorEvent>;
      (await fixture(html`<div></div>`)).append(el);
      expect((await error).detail.error).to.be.instanceOf(Error);
      await ready(el);
      expect(alertText(el)).to.contain('The server answered 404 for');
      expect(alertText(el)).to.contain('/missing-bank.json');
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      await expect(el).to.be.accessible();
      fail = false;
      button(el, 'Retry')!.click();
      await waitUntil(() => listbox(el), 'Retry loads the bank once the fault clears');
      expect(stub.calls.length).to.equal(2);
    });

    it('explains a missing source without a Retry button', async () => {
      const el = await list(html`<topic-list></topic-list>`);
      expect(alertText(el)).to.contain('No question bank: give this element a src, bank or banks');
      expect(button(el, 'Retry')).to.equal(null);
    });

    it('says so when the bank has no topics, and is accessible', async () => {
      const el = await list(html`<topic-list .bank=${emptyBank}></topic-list>`);
      expect(listbox(el)).to.equal(null);
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('There are no topics to choose from: the bank has none yet.');
      await expect(el).to.be.accessible();
    });

    it('takes banks from a parent without loading anything', async () => {
      const stub = stubFetch(() => Promise.reject(new Error('no fetch expected')));
      restore = stub.restore;
      const el = await fixture<TopicList>(html`<topic-list .banks=${[{ bank: mlBank, baseUrl: document.baseURI }]}></topic-list>`);
      // The first render already shows the list: no skeleton, not busy, no request.
      expect(options(el).length).to.equal(5);
      expect(root(el).querySelector('[part~="base"]')!.getAttribute('aria-busy')).to.equal('false');
      expect(stub.calls).to.deep.equal([]);
    });
  });

  describe('counts and groups', () => {
    it('lists every topic of a bundled bank with its question count, plus All', async () => {
      const bank = await dataFile<Bank>('banks/llm-fundamentals.json');
      const el = await list(html`<topic-list bank="llm-fundamentals"></topic-list>`);
      const counts = expectedCounts(bank);
      const [all, ...rest] = options(el);
      expect(titleOf(all!)).to.equal('All');
      expect(countOf(all!)).to.equal(bank.questions.length);
      expect(rest.map((o) => [o.dataset.value, titleOf(o), countOf(o)])).to.deep.equal(bank.topics.map((t) => [t.id, t.title, counts.get(t.id)]));
      // Bank text keeps its language for screen readers; the UI speaks the page's.
      expect(rest[0]!.querySelector('[part~="title"]')!.getAttribute('lang')).to.equal('zh-CN');
      expect(root(el).querySelector('[role="group"]'), 'one bank: no groups').to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('counts a question in each of its topics and once in All', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      expect(options(el).map((o) => [titleOf(o), countOf(o)])).to.deep.equal([
        ['All', 5],
        ['Training', 3],
        ['Data', 2],
        ['Metrics', 1],
        ['Deployment', 0],
      ]);
      expect(option(el, 'training').textContent).to.contain('3 questions', 'the count is read out with its unit');
      expect(option(el, 'metrics').textContent).to.contain('1 question');
    });

    it('groups the topics of several banks, labelled by bank, with bankId/topicId values', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank, llmBank]}></topic-list>`);
      const groups = [...root(el).querySelectorAll<HTMLElement>('[role="group"]')];
      expect(groups.length).to.equal(2);
      const labels = groups.map((g) => root(el).getElementById(g.getAttribute('aria-labelledby')!)!);
      expect(labels.map((l) => [l.querySelector('[lang]')!.textContent, countOf(l), l.querySelector('.visually-hidden')!.textContent])).to.deep.equal([
        ['Machine learning', 5, '5 questions'],
        ['大模型基础', 4, '4 questions'],
      ]);
      expect(labels[1]!.querySelector('[lang]')!.getAttribute('lang')).to.equal('zh-CN');
      expect(labels.map((l) => l.querySelector('[lang]')!.getAttribute('title')), 'no shortTitle: the title itself, no hover text').to.deep.equal([null, null]);
      expect([...groups[1]!.querySelectorAll<HTMLElement>('[role="option"]')].map((o) => o.dataset.value)).to.deep.equal([
        'llm/training',
        'llm/datasets',
        'llm/inference',
        'llm/math',
      ]);
      expect(countOf(options(el)[0]!), 'All counts every bank').to.equal(9);
      expect(listbox(el)!.firstElementChild!.getAttribute('role'), 'All comes first, outside the groups').to.equal('option');
      await expect(el).to.be.accessible();
    });

    it('groups the bundled catalog (bank="*"), each bank under its short title with its catalog question count', async () => {
      const catalog = await dataFile<Catalog>('banks/index.json');
      const banks = await Promise.all(catalog.banks.map((entry) => dataFile<Bank>(`banks/${entry.id}.json`)));
      const el = await list(html`<topic-list bank="*" lang="zh-CN"></topic-list>`);
      const groups = [...root(el).querySelectorAll<HTMLElement>('[role="group"]')];
      const headings = groups.map((g) => root(el).getElementById(g.getAttribute('aria-labelledby')!)!.querySelector('[lang]')!);
      expect(headings.map((h) => h.textContent)).to.deep.equal(banks.map((bank) => bank.shortTitle));
      expect(headings.map((h) => h.getAttribute('title')), 'the whole title on hover').to.deep.equal(catalog.banks.map((entry) => entry.title));
      groups.forEach((g, i) => expect(countOf(g.querySelector('[part~="group-label"]')!)).to.equal(catalog.banks[i]!.questionCount));
      expect(countOf(options(el)[0]!)).to.equal(catalog.banks.reduce((sum, entry) => sum + entry.questionCount, 0));
      const fundamentals = await dataFile<Bank>('banks/llm-fundamentals.json');
      const counts = expectedCounts(fundamentals);
      for (const topic of fundamentals.topics) expect(countOf(option(el, `llm-fundamentals/${topic.id}`))).to.equal(counts.get(topic.id));
      await expect(el).to.be.accessible();
    });

    it('loads a catalog by URL and lists the banks that failed next to those that loaded', async () => {
      const catalog: Catalog = {
        format: 'quiz-catalog/1',
        banks: [
          { id: 'ml', title: 'Machine learning', language: 'en', questionCount: 5, src: 'ml.json' },
          { id: 'gone', title: 'Gone bank', language: 'en', questionCount: 3, src: 'gone.json' },
        ],
      };
      const stub = stubFetch(async (url) =>
        url.endsWith('/courses/index.json') ? json(catalog) : url.endsWith('/courses/ml.json') ? json(mlBank) : new Response('', { status: 404 }),
      );
      restore = stub.restore;
      const el = document.createElement('topic-list');
      el.src = '/courses/index.json';
      const error = oneEvent(el, 'quiz-error') as Promise<QuizErrorEvent>;
      (await fixture(html`<div></div>`)).append(el);
      expect(((await error).detail.error as Error).message).to.contain('gone.json');
      await ready(el);
      expect(root(el).querySelectorAll('[role="group"]').length, 'a catalog is grouped even with one bank left').to.equal(1);
      expect(option(el, 'ml/training')).to.exist;
      const note = root(el).querySelector('[part~="error"]')!;
      expect(note.getAttribute('role')).to.equal('status');
      expect(note.textContent).to.contain('One bank could not be loaded');
      expect(note.textContent).to.contain('Gone bank');
      expect(note.textContent).to.contain('answered 404');
      await expect(el).to.be.accessible();
    });

    it('reads an inline JSON bank', async () => {
      const el = await list(html`<topic-list><script type="application/json">${JSON.stringify(llmBank)}</script></topic-list>`);
      expect(options(el).map(titleOf)).to.deep.equal(['All', '训练', '数据集', '推理与部署', '数学基础']);
    });
  });

  describe('selection', () => {
    it('selects one topic on click, reflects it, and fires quiz-topic-select', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      expect(selectedValues(el), 'All is selected at first').to.deep.equal(['']);
      expect(listbox(el)!.hasAttribute('aria-multiselectable')).to.equal(false);
      const event = await firedBy(el, 'quiz-topic-select', () => option(el, 'data').click());
      expect(event.detail).to.deep.equal({ topics: ['data'] });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(el.selected).to.deep.equal(['data']);
      expect(el.getAttribute('selected')).to.equal('data');
      expect(selectedValues(el)).to.deep.equal(['data']);
      expect(option(el, 'data').getAttribute('part')).to.equal('option selected');
      expect((await firedBy(el, 'quiz-topic-select', () => option(el, 'metrics').click())).detail.topics).to.deep.equal(['metrics']);
      await el.updateComplete;
      expect(selectedValues(el), 'single selection replaces').to.deep.equal(['metrics']);
      expect((await firedBy(el, 'quiz-topic-select', () => option(el, '').click())).detail.topics).to.deep.equal([]);
      await el.updateComplete;
      expect(el.hasAttribute('selected'), 'All removes the attribute').to.equal(false);
      await expect(el).to.be.accessible();
    });

    it('toggles several topics with multiple, in list order, and All clears them', async () => {
      const el = await list(html`<topic-list multiple .banks=${[mlBank, llmBank]}></topic-list>`);
      const seen = recordSelections(el);
      expect(listbox(el)!.getAttribute('aria-multiselectable')).to.equal('true');
      option(el, 'llm/datasets').click();
      await el.updateComplete;
      option(el, 'ml/training').click();
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal('ml/training,llm/datasets');
      option(el, 'llm/datasets').click();
      await el.updateComplete;
      option(el, 'ml/data').click();
      await el.updateComplete;
      option(el, '').click();
      await el.updateComplete;
      expect(seen).to.deep.equal([['llm/datasets'], ['ml/training', 'llm/datasets'], ['ml/training'], ['ml/training', 'ml/data'], []]);
      expect(selectedValues(el)).to.deep.equal(['']);
      await expect(el).to.be.accessible();
    });

    it('never fires when code sets selected, and reads the attribute', async () => {
      const el = await list(html`<topic-list selected="data,metrics" multiple .banks=${[mlBank]}></topic-list>`);
      const seen = recordSelections(el);
      expect(el.selected).to.deep.equal(['data', 'metrics']);
      expect(selectedValues(el)).to.deep.equal(['data', 'metrics']);
      el.selected = ['training'];
      await el.updateComplete;
      expect(el.getAttribute('selected')).to.equal('training');
      el.setAttribute('selected', '');
      await el.updateComplete;
      expect(selectedValues(el)).to.deep.equal(['']);
      el.banks = [mlBank, llmBank];
      el.multiple = false;
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
    });
  });

  describe('keyboard', () => {
    it('is one tab stop that starts on the selected option', async () => {
      const host = await fixture(html`<div><button>before</button><topic-list selected="metrics" .banks=${[mlBank]}></topic-list><button>after</button></div>`);
      const el = host.querySelector('topic-list')!;
      await ready(el);
      expect(options(el).filter((o) => o.tabIndex === 0).map((o) => o.dataset.value)).to.deep.equal(['metrics']);
      buttonNamed(host, 'before')!.focus();
      await press(el, 'Tab');
      expect(focused(el)).to.equal('metrics');
      await press(el, 'Tab');
      expect(document.activeElement!.textContent).to.equal('after', 'one Tab leaves the list');
    });

    it('moves with Up/Down/Home/End without selecting, and selects with Enter', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      const seen = recordSelections(el);
      await focusList(el);
      expect(focused(el)).to.equal('');
      await press(el, 'ArrowDown');
      expect(focused(el)).to.equal('training');
      await press(el, 'ArrowDown');
      expect(focused(el)).to.equal('data');
      await press(el, 'ArrowUp');
      expect(focused(el)).to.equal('training');
      await press(el, 'End');
      expect(focused(el)).to.equal('deployment');
      await press(el, 'ArrowDown');
      expect(focused(el), 'Down stops at the last option').to.equal('deployment');
      await press(el, 'Home');
      expect(focused(el)).to.equal('');
      await press(el, 'ArrowUp');
      expect(focused(el), 'Up stops at the first option').to.equal('');
      expect(options(el).filter((o) => o.tabIndex === 0).length, 'one tab stop at a time').to.equal(1);
      expect(seen, 'moving focus selects nothing').to.deep.equal([]);
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      expect(seen).to.deep.equal([['data']]);
      expect(selectedValues(el)).to.deep.equal(['data']);
      expect(focused(el)).to.equal('data');
    });

    it('selects with Space (a real key press), and keeps the page from scrolling on the keys it handles', async () => {
      // A button after the list catches the Tab, so focus stays in the page for the next tests.
      const host = await fixture(html`<div><topic-list .banks=${[mlBank]}></topic-list><button>after</button></div>`);
      const el = host.querySelector('topic-list')!;
      const seen = recordSelections(el);
      const prevented: string[] = [];
      const check = (event: KeyboardEvent) => event.defaultPrevented && prevented.push(event.key);
      document.addEventListener('keydown', check);
      try {
        await focusList(el);
        await press(el, 'ArrowDown');
        await press(el, ' ');
        await press(el, 'End');
        await press(el, 'Tab');
      } finally {
        document.removeEventListener('keydown', check);
      }
      expect(seen).to.deep.equal([['training']]);
      expect(prevented, 'Tab is left to the browser').to.deep.equal(['ArrowDown', ' ', 'End']);
    });

    it('keeps focus where the user clicked when nothing changes', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      const seen = recordSelections(el);
      option(el, '').click();
      await el.updateComplete;
      el.progress = {};
      await el.updateComplete;
      expect(root(el).activeElement, 'a click that changes nothing moves no focus later').to.equal(null);
      expect(seen).to.deep.equal([]);
    });

    it('toggles with Space and Enter in multiple mode, and Shift+Down moves and toggles', async () => {
      const el = await list(html`<topic-list multiple .banks=${[mlBank]}></topic-list>`);
      const seen = recordSelections(el);
      await focusList(el);
      await press(el, 'ArrowDown');
      await press(el, ' ');
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      await press(el, 'ArrowUp');
      await press(el, ' ');
      // WebDriver's sendKeys has no modifier keys, so Shift+Down is dispatched.
      await dispatchKey(el, 'ArrowDown', { shiftKey: true });
      expect(focused(el)).to.equal('data');
      expect(seen).to.deep.equal([['training'], ['training', 'data'], ['data'], []]);
      await dispatchKey(el, 'ArrowDown', { shiftKey: true });
      expect(seen.at(-1)).to.deep.equal(['metrics']);
      await press(el, 'Home');
      await press(el, 'Enter');
      expect(seen.at(-1), 'All clears the selection').to.deep.equal([]);
    });

    it('jumps to English labels by type-ahead, and a repeated letter cycles', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      const seen = recordSelections(el);
      await focusList(el);
      await sendKeys({ type: 'd' });
      expect(focused(el)).to.equal('data');
      await sendKeys({ type: 'e' });
      expect(focused(el), '"de" matches Deployment').to.equal('deployment');
      await press(el, 'Home'); // any other key ends the burst
      // Two calls: WebKitWebDriver drops the second of two equal characters sent in one.
      await sendKeys({ type: 'd' });
      await sendKeys({ type: 'd' });
      expect(focused(el), '"dd" cycles to the second option starting with d').to.equal('deployment');
      await press(el, 'Home');
      await sendKeys({ type: 'M' });
      expect(focused(el), 'case-insensitive').to.equal('metrics');
      await press(el, 'Home');
      await sendKeys({ type: 'x' });
      expect(focused(el), 'no match: focus stays').to.equal('');
      expect(seen, 'type-ahead moves focus only').to.deep.equal([]);
    });

    it('jumps to Chinese labels by type-ahead', async () => {
      const el = await list(html`<topic-list .banks=${[llmBank]}></topic-list>`);
      await focusList(el);
      await typeKeys(el, '训');
      expect(focused(el)).to.equal('training');
      await press(el, 'Home');
      await typeKeys(el, '数学');
      expect(focused(el), '"数学" passes 数据集 for 数学基础').to.equal('math');
      await press(el, 'Home');
      await typeKeys(el, '推');
      expect(focused(el)).to.equal('inference');
      await press(el, 'Home');
      await typeKeys(el, '全');
      expect(focused(el), 'the UI label of All is English here').to.equal('');
    });

    it('type-ahead finds options across bank groups', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank, llmBank]}></topic-list>`);
      await focusList(el);
      await typeKeys(el, '数');
      expect(focused(el)).to.equal('llm/datasets');
      await typeKeys(el, '学');
      expect(focused(el)).to.equal('llm/math');
    });

    it('shows the focus ring on the focused option', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      await focusList(el);
      await press(el, 'ArrowDown');
      const style = getComputedStyle(option(el, 'training'));
      expect(style.outlineStyle).to.equal('solid');
      expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
    });
  });

  describe('progress', () => {
    const progress: Record<string, TopicProgress> = {
      training: { new: 20, learning: 5, due: 3, mastered: 12 },
      data: { new: 2, learning: 0, due: 0, mastered: 0 },
    };

    it('shows a bar and text only for topics with progress', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]} .progress=${progress}></topic-list>`);
      const training = option(el, 'training').querySelector<HTMLElement>('[part~="progress"]')!;
      expect(training.textContent!.trim()).to.equal('12 of 40 mastered, 3 due');
      const segments = [...training.querySelectorAll<HTMLElement>('.segment')].map((s) => s.style.width);
      expect(segments).to.deep.equal(['30%', '12.5%', '7.5%']);
      expect(option(el, 'data').querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('0 of 2 mastered');
      expect(option(el, 'metrics').querySelector('[part~="progress"]')).to.equal(null);
      expect(option(el, '').querySelector('[part~="progress"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('a topic with nothing mastered does not look complete: only mastered questions fill the bar', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]} .progress=${{ training: { new: 0, learning: 3, due: 1, mastered: 0 } }}></topic-list>`);
      const training = option(el, 'training').querySelector<HTMLElement>('[part~="progress"]')!;
      expect(training.textContent!.trim()).to.equal('0 of 4 mastered, 1 due');
      const alpha = (selector: string) => {
        const colour = getComputedStyle(training.querySelector(selector)!).backgroundColor;
        const match = /rgba?\(([^)]+)\)/.exec(colour) ?? /color\(srgb ([^)]+)\)/.exec(colour);
        const parts = match ? match[1]!.split(/[ ,/]+/).filter(Boolean) : [];
        return parts.length === 4 ? Number(parts[3]) : 1;
      };
      expect(alpha('.segment.learning'), 'learning is a faint tint').to.be.below(0.5);
      expect(alpha('.segment.due'), 'due is a faint tint').to.be.below(0.5);
      expect(alpha('.segment.mastered'), 'mastered fills').to.equal(1);
    });

    it('shows nothing without progress, and follows a later change', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]}></topic-list>`);
      expect(root(el).querySelector('[part~="progress"]')).to.equal(null);
      el.progress = { '': { new: 1, learning: 1, due: 1, mastered: 1 } };
      await el.updateComplete;
      expect(option(el, '').querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('1 of 4 mastered, 1 due');
    });
  });

  describe('progress from the store', () => {
    /** ml: overfitting due, dropout learning, augmentation (training + data) mastered, f1 learning, labels new; llm: sft due. */
    async function storeWithProgress(): Promise<ProgressStore> {
      const store = fixedStore();
      await give(store, 'ml', 'overfitting', 'due');
      await give(store, 'ml', 'dropout', 'learning');
      await give(store, 'ml', 'augmentation', 'mastered');
      await give(store, 'ml', 'f1', 'learning');
      await give(store, 'llm', 'sft', 'due');
      await give(store, 'elsewhere', 'unknown', 'learning'); // a bank the list does not show
      return store;
    }

    it('counts new, learning, due and mastered per topic, for All and per bank, as the store has them', async () => {
      const store = await storeWithProgress();
      const el = await list(html`<topic-list .banks=${[mlBank, llmBank]} .progressStore=${store}></topic-list>`);
      await expect(el).to.be.accessible();
      const banks = [mlBank, llmBank];
      const all = banks.map((bank) => expectedProgress(store, bank.id, bank.questions)).reduce((sum, p) => {
        for (const status of QUESTION_STATUSES) sum[status] += p[status];
        return sum;
      });
      expect(describedProgress(el, option(el, ''))).to.deep.equal(all);
      expect(all).to.deep.equal({ new: 4, learning: 2, due: 2, mastered: 1 });
      for (const bank of banks) {
        for (const topic of bank.topics) {
          const questions = bank.questions.filter((q) => q.topics.includes(topic.id));
          const shown = describedProgress(el, option(el, `${bank.id}/${topic.id}`));
          if (questions.length === 0) expect(shown, `${topic.id} has no questions`).to.equal(null);
          else expect(shown, `${bank.id}/${topic.id}`).to.deep.equal(expectedProgress(store, bank.id, questions));
        }
      }
      const groups = [...root(el).querySelectorAll<HTMLElement>('[role="group"]')];
      expect(groups.map((g) => describedProgress(el, g))).to.deep.equal(banks.map((bank) => expectedProgress(store, bank.id, bank.questions)));
      const training = option(el, 'ml/training');
      expect(training.querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('1 of 3 mastered, 1 due', 'the short visible text');
      // Mastered, learning, due: a third each (engines round the percentage differently).
      expect([...training.querySelectorAll<HTMLElement>('.segment')].map((s) => Math.round(parseFloat(s.style.width) * 10) / 10)).to.deep.equal([33.3, 33.3, 33.3]);
      expect(root(el).getElementById(training.getAttribute('aria-describedby')!)!.textContent).to.match(/^Progress in Training: /);
    });

    it('keeps each option named by its title and count; the progress is its description', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]} .progressStore=${await storeWithProgress()}></topic-list>`);
      const training = option(el, 'training');
      /** The text a name from content is made of: no hidden subtrees, no comments. */
      const visibleText = (node: Node): string =>
        node instanceof Text ? node.data : node instanceof Element && node.getAttribute('aria-hidden') !== 'true' ? [...node.childNodes].map(visibleText).join(' ') : '';
      expect(visibleText(training).replace(/\s+/g, ' ').trim()).to.equal('Training 3 questions');
      expect(training.querySelector('[part~="progress"]')!.getAttribute('aria-hidden')).to.equal('true');
      expect(describedProgress(el, training)).to.deep.equal({ new: 0, learning: 1, due: 1, mastered: 1 });
    });

    it('updates live when the store changes, and stops listening once removed', async () => {
      const store = await storeWithProgress();
      const subscribe = store.subscribe.bind(store);
      let listening = 0;
      store.subscribe = (listener) => {
        listening++;
        const stop = subscribe(listener);
        return () => {
          listening--;
          return stop();
        };
      };
      const el = await list(html`<topic-list .banks=${[mlBank]} .progressStore=${store}></topic-list>`);
      expect(listening).to.equal(1);
      expect(describedProgress(el, option(el, 'data'))).to.deep.equal({ new: 1, learning: 0, due: 0, mastered: 1 });
      await give(store, 'ml', 'labels', 'due');
      await el.updateComplete;
      expect(describedProgress(el, option(el, 'data'))).to.deep.equal({ new: 0, learning: 0, due: 1, mastered: 1 });
      expect(describedProgress(el, option(el, ''))).to.deep.equal(expectedProgress(store, 'ml', mlBank.questions));
      await expect(el).to.be.accessible();
      const parent = el.parentElement!;
      el.remove();
      expect(listening).to.equal(0, 'unsubscribed on disconnect');
      await give(store, 'ml', 'f1', 'mastered');
      parent.append(el);
      await el.updateComplete;
      expect(listening).to.equal(1, 'subscribed again');
      expect(describedProgress(el, option(el, 'metrics'))).to.deep.equal({ new: 0, learning: 0, due: 0, mastered: 1 }, 'caught up');
    });

    it('shows nothing with no-progress, an empty store, or progress only for other banks', async () => {
      const store = await storeWithProgress();
      const off = await list(html`<topic-list .banks=${[mlBank]} no-progress .progressStore=${store}></topic-list>`);
      expect(root(off).querySelector('[part~="progress"], [aria-describedby]')).to.equal(null);
      const empty = await list(html`<topic-list .banks=${[mlBank]} .progressStore=${fixedStore()}></topic-list>`);
      expect(root(empty).querySelector('[part~="progress"], [aria-describedby]')).to.equal(null);
      const other = fixedStore();
      await give(other, 'elsewhere', 'unknown', 'due');
      const unrelated = await list(html`<topic-list .banks=${[mlBank]} .progressStore=${other}></topic-list>`);
      expect(root(unrelated).querySelector('[part~="progress"]')).to.equal(null);
      off.noProgress = false;
      await off.updateComplete;
      expect(describedProgress(off, option(off, 'training'))).to.deep.equal({ new: 0, learning: 1, due: 1, mastered: 1 }, 'turned on later');
    });

    it('an app\'s progress property replaces the counts from the store', async () => {
      const el = await list(html`<topic-list .banks=${[mlBank]} .progressStore=${await storeWithProgress()}
        .progress=${{ training: { new: 20, learning: 5, due: 3, mastered: 12 } }}></topic-list>`);
      expect(option(el, 'training').querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('12 of 40 mastered, 3 due');
      expect(option(el, 'data').querySelector('[part~="progress"]')).to.equal(null);
      el.progress = undefined;
      await el.updateComplete;
      expect(option(el, 'data').querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('1 of 2 mastered');
    });

    it('reads the page\'s store for progress-key', async () => {
      const key = 'topic-list-test';
      const prefix = `quiz-elements/progress/${key}/`;
      try {
        await ProgressStore.shared(key).record('ml', 'f1', 'good');
        const el = await list(html`<topic-list .banks=${[mlBank]} progress-key=${key}></topic-list>`);
        expect(describedProgress(el, option(el, 'metrics'))).to.deep.equal({ new: 0, learning: 1, due: 0, mastered: 0 });
        const other = await list(html`<topic-list .banks=${[mlBank]} progress-key="nobody"></topic-list>`);
        expect(root(other).querySelector('[part~="progress"]')).to.equal(null);
      } finally {
        for (const k of Object.keys(localStorage)) if (k.startsWith(prefix)) localStorage.removeItem(k);
      }
    });

    it('speaks Chinese and passes axe in the dark theme with progress', async () => {
      const el = await list(html`<topic-list lang="zh-CN" theme="dark" .banks=${[mlBank, llmBank]} .progressStore=${await storeWithProgress()}></topic-list>`);
      const text = root(el).getElementById(option(el, 'llm/training').getAttribute('aria-describedby')!)!.textContent!.replace(/\s+/g, ' ');
      expect(text).to.equal('“训练”的学习进度: 已掌握 0 / 2，待复习 1，学习中 0，新题 1');
      expect(root(el).getElementById(option(el, 'llm/training').getAttribute('aria-describedby')!)!.querySelector('[lang="zh-CN"]')!.textContent).to.equal('训练');
      await expect(el).to.be.accessible();
    });
  });

  describe('language, theme and layout', () => {
    it('speaks Chinese with lang="zh-CN" and never translates bank text', async () => {
      const el = await list(html`<topic-list lang="zh-CN" .banks=${[mlBank]} .progress=${{ training: { new: 1, learning: 0, due: 1, mastered: 2 } }}></topic-list>`);
      expect(root(el).getElementById('label')!.textContent).to.equal('主题');
      expect(titleOf(options(el)[0]!)).to.equal('全部');
      expect(titleOf(option(el, 'training'))).to.equal('Training');
      expect(option(el, 'training').textContent).to.contain('3 道题');
      expect(option(el, 'training').querySelector('[part~="progress"]')!.textContent!.trim()).to.equal('已掌握 2 / 4，1 道待复习');
      await focusList(el);
      await typeKeys(el, '全');
      expect(focused(el)).to.equal('');
      await expect(el).to.be.accessible();
    });

    it('follows an ancestor language and the empty state speaks it too', async () => {
      const host = await fixture(html`<div lang="zh-CN"><topic-list .bank=${emptyBank}></topic-list></div>`);
      const el = host.querySelector('topic-list')!;
      await ready(el);
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.equal('没有可选的主题：题库中还没有主题。');
    });

    it('takes its label from the label attribute', async () => {
      const el = await list(html`<topic-list label="Filter by topic" .banks=${[mlBank]}></topic-list>`);
      expect(root(el).getElementById('label')!.textContent).to.equal('Filter by topic');
    });

    it('passes axe in the dark theme with a selection and progress', async () => {
      const el = await list(html`<topic-list theme="dark" multiple selected="training" .banks=${[mlBank, llmBank]}
        .progress=${{ 'ml/training': { new: 1, learning: 1, due: 1, mastered: 1 } }}></topic-list>`);
      expect(getComputedStyle(root(el).querySelector('[part~="base"]')!).backgroundColor).to.equal('rgb(30, 31, 34)');
      await expect(el).to.be.accessible();
    });

    it('fits a 320 px column without horizontal overflow', async () => {
      const long: Bank = { ...llmBank, topics: [...llmBank.topics, { id: 'long', title: '大模型在 AI 创业产品创新中的重要性：典型问题与解决方案'.repeat(2) }] };
      const host = await fixture(html`<div style="width: 320px"><topic-list .banks=${[mlBank, long]}
        .progress=${{ 'llm/long': { new: 100, learning: 20, due: 5, mastered: 1000 } }}></topic-list></div>`);
      const el = host.querySelector('topic-list')!;
      await ready(el);
      const base = root(el).querySelector<HTMLElement>('[part~="base"]')!;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      for (const o of options(el)) expect(o.getBoundingClientRect().right).to.be.at.most(base.getBoundingClientRect().right);
    });
  });
});
