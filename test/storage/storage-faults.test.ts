/// <reference types="mocha" />
/**
 * Storage faults, end to end (issue 7): real elements over the real localStorage, with faults
 * injected by patching `Storage.prototype` (or the `localStorage` getter of a tab), restored after
 * each test. Every grade the learner gives is written down, and each test checks that none is lost:
 * grades made before a fault are read back from localStorage, grades made during one from the
 * page's store (and from localStorage once it works again). Other tabs are same-origin iframes
 * (tab.html) with their own module graph, so the lazily loaded store's chunk can be watched too.
 * The file ends by printing the figures of the README's reliability table.
 */
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Bank } from '../../src/bank/types.js';
import '../../src/elements/question-browser/question-browser.js';
import type { QuestionBrowser } from '../../src/elements/question-browser/question-browser.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import '../../src/elements/topic-list/topic-list.js';
import type { TopicList } from '../../src/elements/topic-list/topic-list.js';
import { memoryStorage } from '../../src/progress/memory-storage.js';
import { progressPrefix, recordKey, serializeRecord } from '../../src/progress/record.js';
import { ProgressStore } from '../../src/progress/store.js';
import type { Grade, QuestionProgress, QuestionStatus, Review } from '../../src/progress/types.js';
import { answerUntil } from '../progress-states.js';
import { answer, cardIn, cardReady, closeTabs, notices, openTab, part, pressGrade, reloadTab, reveal, statusText, TIMEOUT, type Tab } from './tabs.js';

// --- the bank, and what the learner sees ----------------------------------------------------------

const TITLES = { q1: 'Bias', q2: 'Variance', q3: 'Dropout', q4: 'Batch norm', q5: 'Early stopping' } as const;
type QuestionId = keyof typeof TITLES;
const QUESTIONS = Object.keys(TITLES) as QuestionId[];

const bank: Bank = {
  format: 'quiz-bank/1',
  id: 'storage-bank',
  title: 'Storage faults',
  language: 'en',
  topics: [{ id: 'training', title: 'Training' }],
  questions: QUESTIONS.map((id) => ({ id, kind: 'concept', title: TITLES[id], topics: ['training'], prompt: `What is ${TITLES[id]}?`, answer: 'Because.' })),
};

const NOTE = {
  en: {
    notSaved: "Your progress can't be saved in this browser, so it is kept only until you leave this page.",
    full: "Your progress can't be saved: this browser's storage for this site is full. It is kept until you leave this page.",
    setAside: 'Some saved progress could not be read and was set aside (kept, not deleted).',
  },
  zh: { full: '无法保存你的学习进度：此浏览器为本网站提供的存储空间已满。进度保留到你离开此页面为止。' },
};
const LABELS: Record<QuestionStatus, string> = { new: 'New', learning: 'Learning', due: 'Due', mastered: 'Mastered' };

// --- localStorage, untouched by the faults ----------------------------------------------------------

const proto = Storage.prototype;
const original = {
  getItem: proto.getItem,
  setItem: proto.setItem,
  removeItem: proto.removeItem,
  key: proto.key,
  length: Object.getOwnPropertyDescriptor(proto, 'length')!,
};
/** localStorage as the test reads it, past any fault. */
const raw = {
  get: (key: string) => original.getItem.call(localStorage, key),
  set: (key: string, value: string) => original.setItem.call(localStorage, key, value),
  remove: (key: string) => original.removeItem.call(localStorage, key),
  keys(prefix: string): string[] {
    const keys: string[] = [];
    const length = original.length.get!.call(localStorage) as number;
    for (let i = 0; i < length; i++) {
      const key = original.key.call(localStorage, i);
      if (key !== null && key.startsWith(prefix)) keys.push(key);
    }
    return keys.sort();
  },
};
const keyOf = (progressKey: string, questionId: string) => recordKey(progressKey, bank.id, questionId);
const storedGrades = (progressKey: string, questionId: string): Grade[] | null => {
  const text = raw.get(keyOf(progressKey, questionId));
  return text === null ? null : (JSON.parse(text) as { reviews: Review[] }).reviews.map((r) => r.grade);
};
const setAsidePrefix = (progressKey: string) => `quiz-elements/set-aside/${encodeURIComponent(progressKey)}/`;

let serial = 0;
/** A progress key no other test (or earlier run) used. */
const uniqueKey = (name: string) => `storage-${name}-${Date.now().toString(36)}-${serial++}`;

// --- faults --------------------------------------------------------------------------------------

type StorageCall = 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length';
const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

/** What the README's reliability table quotes, summed over the file. */
const figures = { thrownCalls: 0, badRecords: 0, concurrentWrites: 0, learnerGrades: 0, storedBefore: 0, lost: 0, pageErrors: 0 };

let restorers: (() => void)[] = [];

/**
 * Makes the `calls` of every Storage throw `fault()` while `when(call, key)` holds; `passed` hears
 * of each call that went through. Undone after the test.
 */
function injectFault(calls: StorageCall[], fault: () => DOMException, when: (call: StorageCall, key?: string) => boolean = () => true, passed?: (call: StorageCall, key?: string) => void): void {
  for (const call of calls) {
    if (call === 'length') {
      Object.defineProperty(proto, 'length', {
        configurable: true,
        enumerable: true,
        get(this: Storage) {
          if (when('length')) {
            figures.thrownCalls++;
            throw fault();
          }
          return original.length.get!.call(this) as number;
        },
      });
      continue;
    }
    const method = original[call] as (this: Storage, ...args: unknown[]) => unknown;
    proto[call] = function (this: Storage, ...args: unknown[]) {
      const key = typeof args[0] === 'string' ? args[0] : undefined;
      if (when(call, key)) {
        figures.thrownCalls++;
        throw fault();
      }
      const result = method.apply(this, args);
      passed?.(call, key);
      return result;
    } as never;
  }
  restorers.push(restoreStorage);
}

function restoreStorage(): void {
  Object.assign(proto, { getItem: original.getItem, setItem: original.setItem, removeItem: original.removeItem, key: original.key });
  Object.defineProperty(proto, 'length', original.length);
}

/** The page's language for this test (`<html lang>`), put back after it. */
function pageLanguage(lang: string): void {
  const before = document.documentElement.getAttribute('lang');
  document.documentElement.lang = lang;
  restorers.push(() => (before === null ? document.documentElement.removeAttribute('lang') : document.documentElement.setAttribute('lang', before)));
}

// --- the learner's grades, and whether any is lost ----------------------------------------------------

interface Given {
  questionId: string;
  grade: Grade;
}

/**
 * How many of `given` are missing from the reviews `reviewsOf` finds (a grade counts once: two
 * goods given need two goods there). Adds them to the lost figure.
 */
function lost(given: readonly Given[], reviewsOf: (questionId: string) => readonly { grade: Grade }[] | null | undefined): number {
  const left = new Map<string, Grade[]>();
  let missing = 0;
  for (const { questionId, grade } of given) {
    if (!left.has(questionId)) left.set(questionId, (reviewsOf(questionId) ?? []).map((r) => r.grade));
    const grades = left.get(questionId)!;
    const at = grades.indexOf(grade);
    if (at < 0) missing++;
    else grades.splice(at, 1);
  }
  figures.lost += missing;
  return missing;
}

/** Answers every question of a card's practice set in order, with `grades`; returns what was given. */
async function playSet(card: QuizCard, grades: Grade[]): Promise<Given[]> {
  const given: Given[] = [];
  for (const [i, grade] of grades.entries()) {
    const questionId = QUESTIONS[i]!;
    await cardReady(card, TITLES[questionId]);
    await answer(card, grade);
    given.push({ questionId, grade });
  }
  figures.learnerGrades += given.length;
  await waitUntil(() => part(card, 'summary'), 'the set ends with its summary', { timeout: TIMEOUT });
  return given;
}

/** Shows `questionId` alone in `card` (a set of one). */
async function show(card: QuizCard, questionId: QuestionId): Promise<void> {
  card.question = questionId;
  await cardReady(card, TITLES[questionId]);
}

/** Stored records for `progressKey`, as an earlier visit left them: the text of each, by question. */
async function plant(progressKey: string, statuses: Partial<Record<QuestionId, Exclude<QuestionStatus, 'new'>>>): Promise<{ texts: Record<string, string>; given: Given[] }> {
  const now = Date.now();
  const earlier = new ProgressStore({ progressKey, storage: memoryStorage(), now: () => now });
  for (const [questionId, status] of Object.entries(statuses)) await answerUntil(earlier, bank.id, questionId, status, now);
  const texts: Record<string, string> = {};
  const given: Given[] = [];
  for (const progress of earlier.all()) {
    texts[progress.questionId] = serializeRecord(progress);
    raw.set(keyOf(progressKey, progress.questionId), texts[progress.questionId]!);
    given.push(...progress.reviews.map((r) => ({ questionId: progress.questionId, grade: r.grade })));
  }
  figures.storedBefore += given.length;
  return { texts, given };
}

/** A new page's store over the same localStorage (not the page's shared one), read and closed. */
async function reread(progressKey: string): Promise<ProgressStore> {
  const store = new ProgressStore({ progressKey });
  await store.ready;
  store.close();
  return store;
}

// --- page errors ---------------------------------------------------------------------------------

let pageErrors: unknown[] = [];
const onError = (event: ErrorEvent) => pageErrors.push(event.error ?? event.message);
const onRejection = (event: PromiseRejectionEvent) => pageErrors.push(event.reason);

/** Errors of this page and of every open tab: none may reach a page. */
const allPageErrors = (...tabs: Tab[]) => [...pageErrors, ...tabs.flatMap((tab) => tab.win.pageErrors ?? [])];

// --- elements of this page --------------------------------------------------------------------------

async function listReady(el: TopicList | QuestionBrowser): Promise<void> {
  await waitUntil(() => el.shadowRoot && !el.shadowRoot.querySelector('.skeleton') && el.shadowRoot.querySelector('[role="option"]'), `${el.localName} loads`, { timeout: TIMEOUT });
  await el.updateComplete;
}

/** What <topic-list> tells screen readers of the progress under All. */
function topicProgress(el: TopicList): string {
  const all = el.shadowRoot!.querySelector<HTMLElement>('[role="option"][data-value=""]')!;
  const id = all.getAttribute('aria-describedby');
  return id ? el.shadowRoot!.getElementById(id)!.textContent!.replace(/\s+/g, ' ').trim() : '';
}

/** The status badge of each row of <question-browser>, in order. */
const rowStatuses = (el: QuestionBrowser) =>
  [...el.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')]
    .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
    .map((row) => row.querySelector('[part~="status"]')?.textContent!.trim() ?? null);

// --- tests ---------------------------------------------------------------------------------------

describe('storage faults (real elements, real localStorage)', () => {
  before(() => {
    window.addEventListener('error', onError);
    window.addEventListener('unhandledrejection', onRejection);
  });
  beforeEach(() => {
    pageErrors = [];
  });
  afterEach(() => {
    for (const restore of restorers.reverse()) restore();
    restorers = [];
    figures.pageErrors += pageErrors.length;
    for (const frame of document.querySelectorAll('iframe')) figures.pageErrors += frame.contentWindow?.pageErrors?.length ?? 0;
    closeTabs();
  });
  after(() => {
    window.removeEventListener('error', onError);
    window.removeEventListener('unhandledrejection', onRejection);
    for (const key of Object.keys(localStorage)) if (/^quiz-elements\/(progress|set-aside)\/[^/]*storage-/.test(key) || key.startsWith('storage-test-filler/')) raw.remove(key);
    const faults = figures.thrownCalls + figures.badRecords + figures.concurrentWrites;
    console.log(
      `storage reliability: ${faults} storage faults injected (${figures.thrownCalls} storage calls thrown, ${figures.badRecords} unreadable or newer-format records, ` +
        `${figures.concurrentWrites} simultaneous writes from two tabs); ${figures.learnerGrades + figures.storedBefore} grades recorded across them ` +
        `(${figures.learnerGrades} given during the faults, ${figures.storedBefore} stored before them); ${figures.lost} grades lost; ${figures.pageErrors} page errors`,
    );
  });

  describe('quota exceeded mid-session', () => {
    it('the set finishes; one "storage full" note in the page\'s language; grades before the fault stay stored, later ones in memory and on every element; freed space takes them all', async () => {
      const progressKey = uniqueKey('quota');
      pageLanguage('zh-CN');
      // The origin's quota runs out after two of the learner's records are written.
      let written = 0;
      let full = false;
      injectFault(
        ['setItem'],
        quotaError,
        () => full,
        (_, key) => {
          if (key?.startsWith(progressPrefix(progressKey)) && ++written === 2) full = true;
        },
      );
      // The browser first: its windowed list renders rows on screen only.
      const page = await fixture<HTMLDivElement>(html`<div>
        <question-browser .banks=${[bank]} progress-key=${progressKey}></question-browser>
        <quiz-card .bank=${bank} progress-key=${progressKey}></quiz-card>
        <topic-list .banks=${[bank]} progress-key=${progressKey}></topic-list>
      </div>`);
      const card = page.querySelector('quiz-card')!;
      const topics = page.querySelector('topic-list')!;
      const browser = page.querySelector('question-browser')!;
      await Promise.all([cardReady(card), listReady(topics), listReady(browser)]);
      expect(notices(page)).to.have.length(0, 'nothing to say while saving works');

      const given = await playSet(card, ['good', 'hard', 'again', 'good', 'easy']);
      const store = ProgressStore.shared(progressKey);
      await waitUntil(() => store.all().length === 5, 'every grade is recorded in memory', { timeout: TIMEOUT });
      expect(written).to.equal(2);

      await waitUntil(() => notices(page).length === 1, 'the note appears', { timeout: TIMEOUT });
      const [note] = notices(page);
      expect(note!.textContent).to.contain(NOTE.zh.full, "in the page's language");
      expect(note!.getAttribute('role')).to.equal('status', 'polite');

      // Before the fault: in localStorage. After it: in memory, and every element of the page shows it.
      expect(QUESTIONS.map((q) => storedGrades(progressKey, q))).to.deep.equal([['good'], ['hard'], null, null, null]);
      expect(lost(given.slice(0, 2), (q) => JSON.parse(raw.get(keyOf(progressKey, q)) ?? '{"reviews":[]}').reviews)).to.equal(0, 'grades before the fault stay stored');
      expect(lost(given, (q) => store.get(bank.id, q)?.reviews)).to.equal(0, 'no grade lost in memory');
      await waitUntil(() => topicProgress(topics).includes('学习中 5，新题 0'), 'the topic list counts the grades kept in memory', { timeout: TIMEOUT });
      await waitUntil(() => rowStatuses(browser).join() === Array(5).fill('学习中').join(), 'the browser rows show them', { timeout: TIMEOUT });

      // The learner frees some space: the next grade writes it and every pending one.
      full = false;
      await show(card, 'q1');
      await answer(card, 'good');
      given.push({ questionId: 'q1', grade: 'good' });
      figures.learnerGrades++;
      await waitUntil(() => QUESTIONS.every((q) => storedGrades(progressKey, q) !== null), 'the pending records are written', { timeout: TIMEOUT });
      expect(QUESTIONS.map((q) => storedGrades(progressKey, q))).to.deep.equal([['good', 'good'], ['hard'], ['again'], ['good'], ['easy']]);
      const next = await reread(progressKey);
      expect(lost(given, (q) => next.get(bank.id, q)?.reviews)).to.equal(0, 'the next page has every grade');
      expect(notices(page)).to.have.length(1, 'said once');
      expect(allPageErrors()).to.deep.equal([]);
    });

    it("the real quota (this browser's own QuotaExceededError): grades during it are kept in memory and written once space is freed", async () => {
      const progressKey = uniqueKey('real-quota');
      // Observe (never cause) the errors of the store's writes.
      const thrown: string[] = [];
      proto.setItem = function (this: Storage, key: string, value: string) {
        try {
          original.setItem.call(this, key, value);
        } catch (error) {
          if (key.startsWith('quiz-elements/')) {
            figures.thrownCalls++;
            thrown.push(`${(error as DOMException).name} (${(error as DOMException).code})`);
          }
          throw error;
        }
      };
      restorers.push(restoreStorage);
      const fillers: string[] = [];
      restorers.push(() => fillers.forEach((key) => raw.remove(key)));

      const card = await fixture<QuizCard>(html`<quiz-card .bank=${bank} progress-key=${progressKey}></quiz-card>`);
      await cardReady(card);
      await answer(card, 'good');
      await waitUntil(() => storedGrades(progressKey, 'q1') !== null, 'the first grade is stored', { timeout: TIMEOUT });
      // Fill the origin's storage to the brim: chunks of 1 M characters, then halves, down to one.
      for (let size = 1 << 20; size >= 1; ) {
        const key = `storage-test-filler/${fillers.length}`;
        try {
          raw.set(key, 'x'.repeat(size));
          fillers.push(key);
        } catch {
          size = Math.floor(size / 2);
        }
      }
      await answer(card, 'hard');
      await answer(card, 'again');
      const store = ProgressStore.shared(progressKey);
      await waitUntil(() => notices(card).length === 1, 'the note appears', { timeout: TIMEOUT });
      expect(notices(card)[0]!.textContent).to.contain(NOTE.en.full);
      expect(thrown.length).to.be.greaterThan(0);
      expect(thrown[0]).to.match(/^QuotaExceededError/, 'what this engine throws is taken for a full quota');
      expect([storedGrades(progressKey, 'q1'), storedGrades(progressKey, 'q2'), storedGrades(progressKey, 'q3')]).to.deep.equal([['good'], null, null]);
      const given: Given[] = [
        { questionId: 'q1', grade: 'good' },
        { questionId: 'q2', grade: 'hard' },
        { questionId: 'q3', grade: 'again' },
      ];
      expect(lost(given, (q) => store.get(bank.id, q)?.reviews)).to.equal(0);

      fillers.splice(0).forEach((key) => raw.remove(key));
      await answer(card, 'good');
      given.push({ questionId: 'q4', grade: 'good' });
      figures.learnerGrades += given.length;
      await waitUntil(() => ['q1', 'q2', 'q3', 'q4'].every((q) => storedGrades(progressKey, q) !== null), 'the pending records are written', { timeout: TIMEOUT });
      const next = await reread(progressKey);
      expect(lost(given, (q) => next.get(bank.id, q)?.reviews)).to.equal(0);
      expect(notices(card)).to.have.length(1);
      expect(allPageErrors()).to.deep.equal([]);
    });
  });

  describe('storage that throws', () => {
    it('on read at startup (getItem, key and length: SecurityError): the note before any answer, the set in memory, stored records untouched', async () => {
      const progressKey = uniqueKey('read-throws');
      const earlier = await plant(progressKey, { q1: 'learning' });
      injectFault(['getItem', 'key', 'length'], securityError);
      const page = await fixture<HTMLDivElement>(html`<div>
        <quiz-card .bank=${bank} progress-key=${progressKey}></quiz-card>
        <topic-list .banks=${[bank]} progress-key=${progressKey}></topic-list>
      </div>`);
      const card = page.querySelector('quiz-card')!;
      const topics = page.querySelector('topic-list')!;
      await Promise.all([cardReady(card), listReady(topics)]);
      await waitUntil(() => notices(page).length === 1, 'the note shows before any answer', { timeout: TIMEOUT });
      expect(notices(page)[0]!.textContent).to.contain(NOTE.en.notSaved);

      const given = await playSet(card, ['good', 'again', 'easy', 'hard', 'good']);
      const store = ProgressStore.shared(progressKey);
      await waitUntil(() => store.all().length === 5, 'every grade is recorded in memory', { timeout: TIMEOUT });
      await waitUntil(() => topicProgress(topics).endsWith('5 learning, 0 new'), 'the topic list follows', { timeout: TIMEOUT });
      expect(notices(page)).to.have.length(1, 'said once');
      restoreStorage();

      expect(raw.get(keyOf(progressKey, 'q1'))).to.equal(earlier.texts.q1, 'the stored record is neither overwritten nor removed');
      expect(raw.keys(progressPrefix(progressKey))).to.deep.equal([keyOf(progressKey, 'q1')]);
      expect(lost(earlier.given, (q) => JSON.parse(raw.get(keyOf(progressKey, q)) ?? '{"reviews":[]}').reviews)).to.equal(0);
      expect(lost(given, (q) => store.get(bank.id, q)?.reviews)).to.equal(0);
      expect(allPageErrors()).to.deep.equal([]);
    });

    it('on write only (setItem and removeItem: SecurityError): statuses from storage, the note at the first answer, once; stored records untouched', async () => {
      const progressKey = uniqueKey('write-throws');
      const earlier = await plant(progressKey, { q1: 'learning', q2: 'due' });
      injectFault(['setItem', 'removeItem'], securityError);
      const page = await fixture<HTMLDivElement>(html`<div>
        <quiz-card .bank=${bank} progress-key=${progressKey}></quiz-card>
        <topic-list .banks=${[bank]} progress-key=${progressKey}></topic-list>
      </div>`);
      const card = page.querySelector('quiz-card')!;
      const topics = page.querySelector('topic-list')!;
      await Promise.all([cardReady(card), listReady(topics)]);
      await waitUntil(() => statusText(card) === 'Learning', 'the stored status shows', { timeout: TIMEOUT });
      expect(topicProgress(topics)).to.match(/1 due, 1 learning, 3 new$/);
      expect(notices(page)).to.have.length(0, 'reading works: nothing to say yet');

      const given = await playSet(card, ['easy', 'good', 'again', 'good', 'hard']);
      const store = ProgressStore.shared(progressKey);
      await waitUntil(() => store.all().length === 5, 'every grade is recorded in memory', { timeout: TIMEOUT });
      await waitUntil(() => notices(page).length === 1, 'the note appears', { timeout: TIMEOUT });
      expect(notices(page)[0]!.textContent).to.contain(NOTE.en.notSaved);
      await waitUntil(() => topicProgress(topics).endsWith('0 due, 5 learning, 0 new'), 'the topic list follows', { timeout: TIMEOUT });
      restoreStorage();

      expect(raw.get(keyOf(progressKey, 'q1'))).to.equal(earlier.texts.q1);
      expect(raw.get(keyOf(progressKey, 'q2'))).to.equal(earlier.texts.q2);
      expect(lost([...earlier.given, ...given], (q) => store.get(bank.id, q)?.reviews)).to.equal(0, 'in memory: stored grades and new ones');
      const next = await reread(progressKey);
      expect(lost(earlier.given, (q) => next.get(bank.id, q)?.reviews)).to.equal(0, 'the next page still has the stored ones');
      expect(allPageErrors()).to.deep.equal([]);
    });

    it('blocked (reading window.localStorage throws) in a fresh tab: the store loads at once and says so before any answer; the set goes on', async () => {
      const progressKey = uniqueKey('blocked');
      const tab = await openTab('?blocked');
      const card = await cardIn(tab, bank, { 'progress-key': progressKey });
      await waitUntil(() => notices(tab.doc).length === 1, 'the note shows before any answer', { timeout: TIMEOUT });
      expect(notices(tab.doc)[0]!.textContent).to.contain(NOTE.en.notSaved);
      expect(tab.win.tab!.storeFetched()).to.equal(true, 'storage that cannot be read may hold progress: the store loads at once');
      const given = await playSet(card, ['good', 'good', 'hard', 'again', 'easy']);
      const store = await tab.win.tab!.store(progressKey);
      await waitUntil(() => store.all().length === 5, 'every grade is recorded in memory', { timeout: TIMEOUT });
      expect(lost(given, (q) => store.get(bank.id, q)?.reviews)).to.equal(0);
      expect(notices(tab.doc)).to.have.length(1);
      expect(raw.keys(progressPrefix(progressKey))).to.deep.equal([]);
      figures.thrownCalls += tab.win.storageFaults ?? 0;
      expect(tab.win.storageFaults).to.be.greaterThan(0);
      expect(allPageErrors(tab)).to.deep.equal([]);
    });
  });

  describe('records that cannot be read', () => {
    it('corrupt, wrong-shape and v3 records at startup: the store loads at once, good statuses show, one note; copies set aside and kept; v3 untouched', async () => {
      const progressKey = uniqueKey('set-aside');
      const earlier = await plant(progressKey, { q1: 'due', q2: 'mastered' });
      const bad = {
        q3: '{"v":2,"reviews":[{"at":',
        q4: JSON.stringify({ v: 2, reviews: [{ at: Date.now(), grade: 'superb' }], memory: {}, updatedAt: Date.now() }),
        q5: JSON.stringify({ v: 3, cards: { fsrs7: true } }),
      };
      for (const [q, text] of Object.entries(bad)) raw.set(keyOf(progressKey, q), text);
      figures.badRecords += 3;

      let tab = await openTab();
      const cards: QuizCard[] = [];
      for (const q of ['q1', 'q2', 'q3', 'q5']) cards.push(await cardIn(tab, bank, { 'progress-key': progressKey, question: q }));
      await waitUntil(() => tab.win.tab!.storeFetched(), 'progress is stored for the key: the store loads without an answer', { timeout: TIMEOUT });
      await waitUntil(() => cards.map(statusText).join() === 'Due,Mastered,New,New', 'statuses of the good records show', { timeout: TIMEOUT });
      await waitUntil(() => notices(tab.doc).length === 1, 'the set-aside note shows', { timeout: TIMEOUT });
      expect(notices(tab.doc)[0]!.textContent).to.contain(NOTE.en.setAside);

      const copies = () => Object.fromEntries(raw.keys(setAsidePrefix(progressKey)).map((key) => [key, raw.get(key)]));
      const aside = copies();
      expect(Object.keys(aside).map((key) => key.split('/').at(-2)).sort()).to.deep.equal(['q3', 'q4', 'q5'], 'one copy of each bad record');
      for (const [q, text] of Object.entries(bad)) {
        expect(Object.entries(aside).filter(([key]) => key.split('/').at(-2) === q).map(([, value]) => value)).to.deep.equal([text], `${q} copied word for word`);
      }
      expect(raw.get(keyOf(progressKey, 'q5'))).to.equal(bad.q5, 'a newer version keeps its record');

      // Answering the corrupt and the v3 question: a fresh record for the first, memory only for the second.
      await answer(cards[2]!, 'good');
      await answer(cards[3]!, 'good');
      const given: Given[] = [
        { questionId: 'q3', grade: 'good' },
        { questionId: 'q5', grade: 'good' },
      ];
      figures.learnerGrades += 2;
      await waitUntil(() => storedGrades(progressKey, 'q3')?.join() === 'good', 'the corrupt one gets a fresh record', { timeout: TIMEOUT });
      const store = await tab.win.tab!.store(progressKey);
      await waitUntil(() => store.get(bank.id, 'q5')?.reviews.length === 1, 'the v3 question is answered in memory', { timeout: TIMEOUT });
      expect(raw.get(keyOf(progressKey, 'q5'))).to.equal(bad.q5, 'v3 still untouched');
      expect(copies()).to.deep.equal(aside, 'the set-aside copies are neither changed nor removed');
      expect(lost(given, (q) => store.get(bank.id, q)?.reviews)).to.equal(0);
      expect(lost(earlier.given, (q) => JSON.parse(raw.get(keyOf(progressKey, q))!).reviews)).to.equal(0, 'the good records are kept as they were');
      expect(allPageErrors(tab)).to.deep.equal([]);

      // The next visit: the v3 record is met again, but not copied again.
      tab = await reloadTab(tab);
      const again = await cardIn(tab, bank, { 'progress-key': progressKey, question: 'q3' });
      await waitUntil(() => statusText(again) === 'Learning', 'the answer given last time shows', { timeout: TIMEOUT });
      expect(copies()).to.deep.equal(aside, 'still the same copies, and no new one');
      expect(raw.get(keyOf(progressKey, 'q5'))).to.equal(bad.q5);
      expect(notices(tab.doc)).to.have.length(1);
      expect(allPageErrors(tab)).to.deep.equal([]);
    });
    it('a corrupt record met while the quota is full cannot be copied aside: it stays where it is, and a later grade does not overwrite it', async () => {
      const progressKey = uniqueKey('set-aside-full');
      const corrupt = '{"v":2,"reviews":[{"at":1,"grade":"go';
      raw.set(keyOf(progressKey, 'q1'), corrupt);
      figures.badRecords++;
      let full = true;
      injectFault(['setItem'], quotaError, () => full);
      const card = await fixture<QuizCard>(html`<quiz-card .bank=${bank} question="q1" progress-key=${progressKey}></quiz-card>`);
      await cardReady(card);
      await waitUntil(() => notices(card).length === 1, 'the set-aside note shows', { timeout: TIMEOUT });
      expect(notices(card)[0]!.textContent).to.contain(NOTE.en.setAside);
      expect(raw.keys(setAsidePrefix(progressKey))).to.deep.equal([], 'no room for a copy');
      expect(statusText(card)).to.equal('New');

      full = false; // space again: the record still must not be overwritten, as it has no copy
      await answer(card, 'good');
      figures.learnerGrades++;
      const store = ProgressStore.shared(progressKey);
      await waitUntil(() => store.get(bank.id, 'q1')?.reviews.length === 1, 'the grade is kept in memory', { timeout: TIMEOUT });
      expect(raw.get(keyOf(progressKey, 'q1'))).to.equal(corrupt, 'the only copy of the record is left as it was');
      expect(lost([{ questionId: 'q1', grade: 'good' }], (q) => store.get(bank.id, q)?.reviews)).to.equal(0);
      expect(allPageErrors()).to.deep.equal([]);
    });
  });

  describe('two tabs writing at once', () => {
    /** Storage events for `progressKey` this page hears in `ms` (every write of another tab): none once the tabs agree. */
    async function writesWithin(progressKey: string, ms: number): Promise<number> {
      let writes = 0;
      const onStorage = (event: StorageEvent) => void (event.key?.startsWith(progressPrefix(progressKey)) && writes++);
      window.addEventListener('storage', onStorage);
      await new Promise((resolve) => setTimeout(resolve, ms));
      window.removeEventListener('storage', onStorage);
      return writes;
    }

    /** Shows the answer, and waits until the store is loaded and the grade buttons say when the question comes back. */
    async function revealWithIntervals(card: QuizCard): Promise<void> {
      await reveal(card);
      await waitUntil(() => card.shadowRoot!.querySelectorAll('[part~="interval"]').length === 4, 'the intervals show', { timeout: TIMEOUT });
    }

    /** The next millisecond, without leaving the task: no event (another tab's write) is delivered meanwhile. */
    function nextMillisecond(): void {
      const now = Date.now();
      while (Date.now() === now) {
        // spin
      }
    }

    const record = (progress: QuestionProgress | undefined) => JSON.parse(JSON.stringify({ reviews: progress?.reviews, memory: progress?.memory })) as unknown;

    it('cards in two tabs grading the same and different questions in an interleaved order: both end with every answer, agree, and go quiet', async () => {
      const progressKey = uniqueKey('two-tabs');
      const [a, b] = await Promise.all([openTab(), openTab()]);
      const cardA = await cardIn(a, bank, { 'progress-key': progressKey, question: 'q1' });
      const cardB = await cardIn(b, bank, { 'progress-key': progressKey, question: 'q1' });
      // Each step: both tabs show the answer, then both grade in the same task (a millisecond apart,
      // as two people would), so each writes before it hears of the other.
      const steps: [QuestionId, Grade, QuestionId, Grade][] = [
        ['q1', 'good', 'q1', 'hard'], // the same question at once
        ['q2', 'good', 'q3', 'easy'], // different questions at once
        ['q3', 'again', 'q2', 'good'], // each the question the other just answered
        ['q4', 'again', 'q4', 'again'], // the same new question, the same grade
      ];
      const given: Given[] = [];
      for (const [i, [qa, ga, qb, gb]] of steps.entries()) {
        if (i > 0) await Promise.all([show(cardA, qa), show(cardB, qb)]);
        await Promise.all([revealWithIntervals(cardA), revealWithIntervals(cardB)]);
        pressGrade(cardA, ga);
        nextMillisecond();
        pressGrade(cardB, gb);
        given.push({ questionId: qa, grade: ga }, { questionId: qb, grade: gb });
        figures.concurrentWrites++;
      }
      figures.learnerGrades += given.length;

      const stores = await Promise.all([a.win.tab!.store(progressKey), b.win.tab!.store(progressKey)]);
      const ids = ['q1', 'q2', 'q3', 'q4'] as const;
      const expected = Object.fromEntries(ids.map((q) => [q, given.filter((g) => g.questionId === q).map((g) => g.grade).sort()]));
      const seen = () => ({
        a: Object.fromEntries(ids.map((q) => [q, (stores[0].get(bank.id, q)?.reviews ?? []).map((r) => r.grade).sort()])),
        b: Object.fromEntries(ids.map((q) => [q, (stores[1].get(bank.id, q)?.reviews ?? []).map((r) => r.grade).sort()])),
        stored: Object.fromEntries(ids.map((q) => [q, (storedGrades(progressKey, q) ?? []).sort()])),
      });
      try {
        await waitUntil(() => JSON.stringify(seen()) === JSON.stringify({ a: expected, b: expected, stored: expected }), 'both tabs and storage end with every answer', { timeout: TIMEOUT });
      } finally {
        expect(seen()).to.deep.equal({ a: expected, b: expected, stored: expected });
      }
      for (const store of stores) expect(lost(given, (q) => store.get(bank.id, q)?.reviews)).to.equal(0);
      expect(lost(given, (q) => JSON.parse(raw.get(keyOf(progressKey, q))!).reviews)).to.equal(0);
      await waitUntil(() => ids.every((q) => JSON.stringify(record(stores[0].get(bank.id, q))) === JSON.stringify(record(stores[1].get(bank.id, q)))), 'the tabs agree', { timeout: TIMEOUT });
      expect(await writesWithin(progressKey, 300)).to.equal(0, 'and stop writing');

      // They agree: the same record (review log and memory state) in both tabs and in storage, and the same status on screen.
      for (const q of ids) {
        expect(record(stores[0].get(bank.id, q)), q).to.deep.equal(record(stores[1].get(bank.id, q)));
        expect(record(JSON.parse(raw.get(keyOf(progressKey, q))!) as QuestionProgress), `${q} in storage`).to.deep.equal(record(stores[0].get(bank.id, q)));
        const label = LABELS[stores[0].status(bank.id, q)];
        expect(stores[1].status(bank.id, q)).to.equal(stores[0].status(bank.id, q));
        await Promise.all([show(cardA, q), show(cardB, q)]);
        await waitUntil(() => statusText(cardA) === label && statusText(cardB) === label, `both cards show ${q} as ${label}`, { timeout: TIMEOUT });
      }
      expect(notices(a.doc).length + notices(b.doc).length).to.equal(0, 'nothing went wrong: nothing to say');
      expect(allPageErrors(a, b)).to.deep.equal([]);
    });

    it('two tabs grading the same question in the same millisecond agree and go quiet', async () => {
      const progressKey = uniqueKey('same-ms');
      const [a, b] = await Promise.all([openTab(), openTab()]);
      // Stores with one fixed clock (as demos and tests use): both answers fall on the same millisecond.
      const at = Date.now();
      const [storeA, storeB] = await Promise.all([a, b].map(async (tab) => new (await tab.win.tab!.storeClass())({ progressKey, now: () => at })));
      const cardA = await cardIn(a, bank, { question: 'q1' }, { progressStore: storeA });
      const cardB = await cardIn(b, bank, { question: 'q1' }, { progressStore: storeB });
      await Promise.all([revealWithIntervals(cardA), revealWithIntervals(cardB)]);
      pressGrade(cardA, 'again');
      pressGrade(cardB, 'good');
      await waitUntil(() => storeA.get(bank.id, 'q1')?.reviews.length === 2 && storeB.get(bank.id, 'q1')?.reviews.length === 2, 'both tabs have both answers', { timeout: TIMEOUT });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(record(storeA.get(bank.id, 'q1'))).to.deep.equal(record(storeB.get(bank.id, 'q1')), 'the same record in both tabs');
      expect(await writesWithin(progressKey, 300)).to.be.lessThan(5, 'the tabs stop writing');
    });
  });

  describe('the deferred store', () => {
    async function deferredThenReload(progressKey: string): Promise<void> {
      let tab = await openTab();
      const card = await cardIn(tab, bank, { 'progress-key': progressKey });
      expect(statusText(card)).to.equal('New');
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(tab.win.tab!.storeFetched()).to.equal(false, "no progress stored for the key: the store's code waits for an answer");
      expect(raw.keys(progressPrefix(progressKey))).to.deep.equal([]);

      await answer(card, 'good');
      figures.learnerGrades++;
      await waitUntil(() => storedGrades(progressKey, 'q1')?.join() === 'good', 'the first answer is written', { timeout: TIMEOUT });
      expect(tab.win.tab!.storeFetched()).to.equal(true);

      // Reload: a new page, a new element and a new store over the same localStorage.
      tab = await reloadTab(tab);
      const again = await cardIn(tab, bank, { 'progress-key': progressKey, question: 'q1' });
      await waitUntil(() => statusText(again) === 'Learning', 'the reloaded card shows the answer given before the reload', { timeout: TIMEOUT });
      expect(tab.win.tab!.storeFetched()).to.equal(true);
      const next = await reread(progressKey);
      expect(next.status(bank.id, 'q1')).to.equal('learning');
      expect(lost([{ questionId: 'q1', grade: 'good' }], (q) => next.get(bank.id, q)?.reviews)).to.equal(0);
      expect(allPageErrors(tab)).to.deep.equal([]);
    }

    it('no stored progress: the first answer loads the store and is written; after a reload the card shows it', async () => {
      await deferredThenReload(uniqueKey('deferred'));
    });

    it('the same with a progress key that storage keys encode, e.g. "course ml/2026"', async () => {
      await deferredThenReload(`course ml/${uniqueKey('deferred-encoded')}`);
    });
  });
});
