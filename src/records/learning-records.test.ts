/// <reference types="mocha" />
// Learning records in a real browser against a real LRS (Learning Locker's xapi-service, started
// by the test runner's plugin, behind a fault proxy): every interaction type as the learner
// answers it, faults and a reload with nothing lost or doubled, a refused sign-in with a visible
// note, launch parameters, and a cmi5 launch. The LRS itself refuses invalid statements (400),
// so a statement that arrives is a valid one.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
// @ts-expect-error: served by the test runner's LRS plugin (test/lrs/lrs-server.mjs)
import { lrsDirect, lrsEndpoint } from '/__lrs.js';
import type { Bank, Question } from '../bank/types.js';
import '../elements/quiz-card/quiz-card.js';
import type { QuizCard } from '../elements/quiz-card/quiz-card.js';
import type { XapiStatement } from '../xapi/statements.js';
import { button, part } from '../../test/harness/quiz-card.js';
import { configureLearningRecords, type LearningRecords } from './learning-records.js';

const AUTH = 'Basic dGVzdDp0ZXN0';
const HEADERS = { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3' };
const actor = { objectType: 'Agent' as const, name: 'Test learner', account: { homePage: 'https://lms.example.org', name: 'learner-7' } };

const q = (over: Partial<Question> & Pick<Question, 'id'>): Question => ({ kind: 'concept', title: over.id, prompt: 'Question?', answer: 'Answer.', topics: ['t'], ...over });
const bank: Bank = {
  format: 'quiz-bank/1', id: 'records', title: 'Records', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [
    q({ id: 'open', title: 'What is attention?', answer: 'Weighting tokens by relevance.' }),
    q({ id: 'choice', title: 'Which one?', choices: [{ text: 'Right', correct: true }, { text: 'Wrong', correct: false }] }),
    q({ id: 'tf', type: 'true-false', title: 'Quadratic?', isTrue: true }),
    q({ id: 'cloze', type: 'fill-in', title: 'Capitals', prompt: 'France: ___.', blanks: [{ accept: ['Paris'] }] }),
    q({ id: 'num', type: 'numeric', title: 'Gravity', numeric: { value: 9.81, tolerance: 0.05 } }),
    q({ id: 'order', type: 'ordering', title: 'Order', items: ['one', 'two', 'three'] }),
    q({ id: 'match', type: 'matching', title: 'Match', pairs: [{ left: 'BERT', right: 'Google' }, { left: 'LLaMA', right: 'Meta' }] }),
  ],
};

const shadow = (el: QuizCard) => el.shadowRoot!;
const click = async (el: QuizCard, name: string | RegExp) => {
  await waitUntil(() => button(el, name), `no "${String(name)}" button`, { timeout: 5000 });
  button(el, name)!.click();
  await el.updateComplete;
};
const ready = (el: QuizCard, selector: string) => waitUntil(() => shadow(el).querySelector(selector), `${selector} did not show`, { timeout: 5000 });

/** Answers the card's one question the way a learner would, by its type. */
const answer: Record<string, (el: QuizCard) => Promise<void>> = {
  open: async (el) => {
    await click(el, 'Show answer');
    await click(el, 'Good');
  },
  choice: async (el) => {
    await ready(el, 'input[type="radio"]');
    shadow(el).querySelector<HTMLInputElement>('input[type="radio"]')!.click();
    await click(el, /^Check$/);
  },
  tf: async (el) => {
    await click(el, 'True');
    await click(el, /^Check$/);
  },
  cloze: async (el) => {
    await ready(el, 'input.blank');
    shadow(el).querySelector<HTMLInputElement>('input.blank')!.focus();
    await sendKeys({ type: 'Paris' });
    await sendKeys({ press: 'Enter' });
  },
  num: async (el) => {
    await ready(el, '#numeric');
    shadow(el).querySelector<HTMLInputElement>('#numeric')!.focus();
    await sendKeys({ type: '9,8' });
    await sendKeys({ press: 'Enter' });
  },
  order: async (el) => {
    await ready(el, 'button.step');
    shadow(el).querySelectorAll<HTMLButtonElement>('button.step')[1]!.click(); // the first item down
    await el.updateComplete;
    await click(el, /^Check$/);
  },
  match: async (el) => {
    await ready(el, 'select');
    const selects = [...shadow(el).querySelectorAll('select')];
    selects.forEach((select, i) => {
      select.selectedIndex = [...select.options].findIndex((o) => o.textContent!.trim() === ['Google', 'Meta'][i]);
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(el, /^Check$/);
  },
};

async function cardFor(question: string): Promise<QuizCard> {
  return fixture<QuizCard>(html`<quiz-card .bank=${bank} question=${question} no-progress></quiz-card>`);
}

/** Every statement the LRS holds for a registration (asked directly, not through the proxy). */
async function stored(registration: string): Promise<XapiStatement[]> {
  const all: XapiStatement[] = [];
  let next: string | null = `${lrsDirect}statements?registration=${registration}&limit=200`;
  while (next) {
    const page = (await (await fetch(next, { headers: HEADERS, cache: 'no-store' })).json()) as { statements: XapiStatement[]; more?: string };
    all.push(...page.statements);
    next = page.more ? new URL(page.more, lrsDirect).href : null;
  }
  return all;
}

/** Scripts the proxy's next faults; resolves with the faults of the requests before. */
const faults = async (...list: string[]): Promise<string[]> => (await fetch(`/__lrs-faults?list=${list.join(',')}`, { cache: 'no-store' })).json();

const verbOf = (s: XapiStatement) => s.verb.id.split('/').pop();

/** Counts the page's statement requests to the LRS (through the fault proxy) that have finished, answered or failed, until `stop`. */
function watchStatementRequests() {
  const original = window.fetch;
  let finished = 0;
  window.fetch = (input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    const response = original.call(window, input, init);
    if (url.startsWith(lrsEndpoint as string) && new URL(url).pathname.endsWith('/statements')) void response.then(() => finished++, () => finished++);
    return response;
  };
  return {
    get finished() {
      return finished;
    },
    stop: () => void (window.fetch = original),
  };
}

describe('learning records: xAPI to a real LRS', function () {
  this.timeout(15_000);
  let records: LearningRecords | undefined;
  let registration: string;

  beforeEach(async () => {
    localStorage.clear();
    registration = crypto.randomUUID();
    await faults();
  });

  afterEach(() => {
    records?.stop();
    records = undefined;
  });

  it('every interaction type, a flashcard and a finished set reach the LRS as valid statements', async () => {
    records = await configureLearningRecords({ endpoint: lrsEndpoint, auth: AUTH, actor, registration });
    for (const question of bank.questions) await answer[question.id]!(await cardFor(question.id));
    const set = await fixture<QuizCard>(html`<quiz-card .bank=${bank} topic="t" count="2" no-progress pass-mark="50"></quiz-card>`);
    await answer.open!(set); // the first question of an unshuffled set is 'open'
    await ready(set, 'input[type="radio"]');
    await answer.choice!(set);
    await waitUntil(() => part(set, 'summary'), 'summary', { timeout: 5000 });
    await records.flush();
    expect(records.pending).to.equal(0);

    const statements = await stored(registration);
    const answered = statements.filter((s) => verbOf(s) === 'answered' && s.object.definition?.interactionType);
    expect(answered.map((s) => s.object.definition!.interactionType).sort()).to.deep.equal(['choice', 'choice', 'fill-in', 'matching', 'numeric', 'sequencing', 'true-false']);
    const byQuestion = (id: string) => answered.find((s) => s.object.id.endsWith(`#${id}`))!;
    expect(byQuestion('tf').result).to.deep.include({ success: true, response: 'true' });
    expect(byQuestion('num').result).to.deep.include({ success: true, response: '9.8' });
    expect(byQuestion('order').result!.success).to.equal(false);
    expect(byQuestion('match').result).to.deep.include({ success: true });
    expect(byQuestion('cloze').object.definition!.correctResponsesPattern).to.deep.equal(['{case_matters=false}Paris']);
    for (const s of statements) {
      expect(s.actor.account).to.deep.equal(actor.account);
      expect(s.context.registration).to.equal(registration);
    }
    expect(answered[0]!.context.contextActivities!.parent![0]!.id).to.equal('urn:quiz-elements:bank:records');
    const verbs = statements.map(verbOf);
    expect(verbs.filter((v) => v === 'experienced')).to.have.length(2, 'two flashcard reveals');
    expect(verbs.filter((v) => v === 'completed')).to.have.length(1);
    expect(verbs.filter((v) => v === 'passed')).to.have.length(1, 'a pass mark of 50 and a score of 100%');
    expect(statements.filter((s) => s.result?.extensions?.['urn:quiz-elements:xapi:grade'] === 'good')).to.have.length(2);
  });

  it('a 503, a lost answer and a reload lose nothing and store nothing twice', async () => {
    await faults('503', 'lose-response', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop');
    const requests = watchStatementRequests();
    try {
      records = await configureLearningRecords({ endpoint: lrsEndpoint, auth: AUTH, actor, registration });
      await answer.tf!(await cardFor('tf'));
      await answer.choice!(await cardFor('choice'));
      await answer.open!(await cardFor('open'));
      // The page goes away with statements still waiting: after the 503, the stored batch whose answer was lost, and a drop (retries 1 s, then 2 s apart).
      await waitUntil(() => requests.finished >= 3, `${requests.finished} of 3 statement requests finished`, { timeout: 8000 });
    } finally {
      requests.stop();
    }
    records.stop();
    expect(JSON.parse(localStorage.getItem(Object.keys(localStorage).find((k) => k.startsWith('quiz-elements/xapi-outbox/'))!)!).queue.length).to.be.greaterThan(0, 'the queue is kept in storage');
    const seen = await faults();
    expect(seen).to.include.members(['503', 'lose-response']);
    // "Reload": a new reporter on the same site sends what the last one left.
    records = await configureLearningRecords({ endpoint: lrsEndpoint, auth: AUTH, actor, registration });
    await waitUntil(() => records!.pending === 0, 'the queue left by the last page was sent', { timeout: 15_000 });
    const statements = await stored(registration);
    const ids = statements.map((s) => s.id);
    expect(new Set(ids).size, 'none stored twice').to.equal(ids.length);
    // True/false and choice answered; the flashcard revealed and graded.
    expect(statements.map(verbOf).sort()).to.deep.equal(['answered', 'answered', 'answered', 'experienced'], 'none lost');
  });

  it('a refused sign-in shows one polite note and keeps the answers until new credentials come', async () => {
    await faults('401');
    const el = await cardFor('tf');
    records = await configureLearningRecords({ endpoint: lrsEndpoint, auth: 'Basic d3Jvbmc6d3Jvbmc=', actor, registration });
    await answer.tf!(el);
    await waitUntil(() => shadow(el).querySelector('[data-records-note="unauthorized"]'), 'the note', { timeout: 5000 });
    expect(shadow(el).querySelector('[data-records-note]')!.getAttribute('role')).to.equal('status');
    expect(shadow(el).textContent).to.contain('kept in this browser');
    await expect(el).to.be.accessible();
    expect(records.pending).to.equal(1);
    records.reconnect(AUTH);
    await waitUntil(() => records!.pending === 0, 'sent after reconnect', { timeout: 5000 });
    await el.updateComplete;
    expect(!!shadow(el).querySelector('[data-records-note]'), 'the note goes').to.equal(false);
    expect((await stored(registration)).map(verbOf)).to.deep.equal(['answered']);
  });

  it('launch parameters: the LRS and learner come from the page address; without them, a note says why', async () => {
    const here = location.href;
    const el = await cardFor('tf');
    try {
      let error: unknown;
      await configureLearningRecords('launch').catch((e: unknown) => (error = e));
      expect((error as Error).name).to.equal('LaunchError');
      await el.updateComplete;
      expect(shadow(el).querySelector('[data-records-note="launch"]')!.textContent).to.contain('opened without one');
      const query = new URLSearchParams({ endpoint: lrsEndpoint, auth: AUTH, actor: JSON.stringify({ mbox: ['mailto:ann@example.org'], name: ['Ann'] }), registration });
      history.replaceState(null, '', `${location.search}&${query}`); // the test runner's own parameters stay
      records = await configureLearningRecords('launch');
      await el.updateComplete;
      expect(!!shadow(el).querySelector('[data-records-note]'), 'a working launch clears the note').to.equal(false);
      await answer.tf!(el);
      await records.flush();
      const [statement] = await stored(registration);
      expect(statement!.actor.mbox).to.equal('mailto:ann@example.org');
    } finally {
      history.replaceState(null, '', here);
    }
  });

  it('cmi5: token, launch data, initialized, answers, completed and passed against the mastery score, terminated', async () => {
    const here = location.href;
    const activityId = `https://courses.example.org/au/${registration}`;
    const agent = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: 'learner-9' } };
    const grouping = { objectType: 'Activity', id: 'https://courses.example.org/course/1' };
    const session = crypto.randomUUID();
    // The LMS's part: launch data in the LRS, then the launch URL.
    const state = new URLSearchParams({ activityId, agent: JSON.stringify(agent), registration, stateId: 'LMS.LaunchData' });
    const put = await fetch(`${lrsDirect}activities/state?${state}`, {
      method: 'PUT',
      headers: { ...HEADERS, 'Content-Type': 'application/json' },
      body: JSON.stringify({ contextTemplate: { contextActivities: { grouping: [grouping] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': session } }, launchMode: 'Normal', masteryScore: 0.5, moveOn: 'CompletedAndPassed' }),
    });
    expect(put.status).to.equal(204);
    const launch = new URLSearchParams({ endpoint: lrsEndpoint, fetch: `${location.origin}/__cmi5-fetch?session=${session}`, actor: JSON.stringify(agent), registration, activityId });
    history.replaceState(null, '', `${location.search}&${launch}`);
    try {
      const set = await fixture<QuizCard>(html`<quiz-card .bank=${bank} topic="t" count="2" no-progress></quiz-card>`);
      records = await configureLearningRecords('cmi5');
      await answer.open!(set);
      await answer.choice!(set);
      await waitUntil(() => part(set, 'summary'), 'summary', { timeout: 5000 });
      dispatchEvent(new PageTransitionEvent('pagehide'));
      await records.flush();
      const statements = await stored(registration);
      // By when they happened (one batch shares its stored time).
      const verbs = [...statements].sort((a, b) => a.timestamp.localeCompare(b.timestamp)).map(verbOf);
      expect(verbs[0]).to.equal('initialized');
      expect(verbs.at(-1)).to.equal('terminated');
      expect(verbs).to.include.members(['answered', 'experienced', 'completed', 'passed']);
      const au = statements.filter((s) => s.object.id === activityId);
      expect(au.map(verbOf).sort()).to.deep.equal(['completed', 'initialized', 'passed', 'terminated']);
      for (const s of statements) {
        expect(s.context.contextActivities!.grouping![0]!.id, 'the context template is on every statement').to.equal(grouping.id);
        expect(s.context.extensions!['https://w3id.org/xapi/cmi5/context/extensions/sessionid']).to.equal(session);
      }
      const passed = au.find((s) => verbOf(s) === 'passed')!;
      expect(passed.result).to.deep.include({ success: true });
      expect(passed.result!.score!.scaled).to.equal(1);
      expect(passed.context.extensions!['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).to.equal(0.5);
      expect(passed.context.contextActivities!.category!.map((c) => c.id)).to.include('https://w3id.org/xapi/cmi5/context/categories/moveon');
      // Back from the back-forward cache: the session has ended (cmi5 allows nothing after terminated), and the learner is told.
      dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
      await set.updateComplete;
      expect(shadow(set).querySelector('[data-records-note="launch"]')!.textContent).to.contain('session ended when you left the page');
      // A reload cannot fetch the token again: the note says to reopen from the platform.
      records.stop();
      records = await configureLearningRecords('cmi5');
      await records.flush();
      await set.updateComplete;
      expect(shadow(set).querySelector('[data-records-note="launch"]')!.textContent).to.contain('Reopen the lesson');
    } finally {
      history.replaceState(null, '', here);
    }
  });
});
