/// <reference types="mocha" />
// Learning records on strict pages. Under the README policy (which does not limit connections)
// the reporter loads, a refused sign-in shows its note, and the answer reaches the real LRS, with
// no CSP or Trusted Types violation. Under `default-src 'self'` the LRS on another origin is
// blocked, as README "Learning records" warns (a site adds it to connect-src): the violation is
// reported and the answer waits in the queue, not lost.
import { expect, waitUntil } from '@open-wc/testing';
// @ts-expect-error: served by the test runner's LRS plugin (test/lrs/lrs-server.mjs)
import { lrsEndpoint } from '/__lrs.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import type { LearningRecords, LearningRecordsTarget } from '../../src/records/learning-records.js';
import { openStrictFrame, type StrictWindow } from './strict-pages.js';

interface RecordsWindow extends StrictWindow {
  configureLearningRecords(target: LearningRecordsTarget): Promise<LearningRecords>;
}

const AUTH = 'Basic dGVzdDp0ZXN0';
const bank = { format: 'quiz-bank/1', id: 'strict-records', title: 'Strict', language: 'en', topics: [{ id: 't', title: 'T' }], questions: [{ id: 'tf', type: 'true-false', kind: 'concept', title: 'Quadratic?', prompt: 'Attention is quadratic.', answer: 'Yes.', topics: ['t'], isTrue: true }] };


/** A true/false card in the frame, answered and checked. */
async function answeredCard(win: RecordsWindow): Promise<QuizCard> {
  const card = win.document.createElement('quiz-card') as QuizCard;
  card.bank = (win as unknown as typeof globalThis).JSON.parse(JSON.stringify(bank));
  card.setAttribute('question', 'tf');
  card.setAttribute('no-progress', '');
  win.document.body.append(card);
  const root = card.shadowRoot!;
  await waitUntil(() => root.querySelector('button.tf'), 'the true/false view did not show', { timeout: 10_000 });
  root.querySelector<HTMLButtonElement>('button.tf')!.click();
  await card.updateComplete;
  [...root.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Check')!.click();
  await card.updateComplete;
  return card;
}

const settle = async (win: Window) => {
  await new Promise((resolve) => setTimeout(resolve, 0));
  await new Promise((resolve) => win.requestAnimationFrame(() => resolve(null)));
};

describe('learning records on strict pages', function () {
  this.timeout(30_000);
  let records: LearningRecords | undefined;
  let frame: HTMLIFrameElement | undefined;
  afterEach(() => {
    records?.stop();
    frame?.remove();
  });

  it('README policy: the reporter, its note and the sending work with no violation', async () => {
    ({ frame } = await openStrictFrame<RecordsWindow>('strict-readme.html'));
    const win = frame.contentWindow as RecordsWindow;
    win.localStorage.clear();
    await fetch('/__lrs-faults?list=401', { cache: 'no-store' });
    const actor = { account: { homePage: 'https://lms.example.org', name: crypto.randomUUID() } };
    records = await win.configureLearningRecords({ endpoint: lrsEndpoint, auth: AUTH, actor });
    const card = await answeredCard(win);
    await waitUntil(() => card.shadowRoot!.querySelector('[data-records-note="unauthorized"]'), 'the note did not show', { timeout: 5000 });
    records.reconnect(AUTH);
    await waitUntil(() => records!.pending === 0, 'not sent after reconnect', { timeout: 5000 });
    await settle(win);
    expect(win.violations, win.violations.join('\n')).to.deep.equal([]);
  });

  it("default-src 'self': the LRS is blocked and reported as connect-src; the answer waits in the queue", async () => {
    ({ frame } = await openStrictFrame<RecordsWindow>('strict-style.html'));
    const win = frame.contentWindow as RecordsWindow;
    win.localStorage.clear();
    const actor = { account: { homePage: 'https://lms.example.org', name: crypto.randomUUID() } };
    records = await win.configureLearningRecords({ endpoint: lrsEndpoint, auth: AUTH, actor });
    await answeredCard(win);
    await waitUntil(() => win.violations.some((v) => /^connect-src/.test(v)), 'no connect-src violation', { timeout: 5000 });
    expect(records.pending, 'kept for when the site allows the LRS').to.equal(1);
    expect(win.violations.filter((v) => !/^connect-src/.test(v)), 'no other violation').to.deep.equal([]);
  });
});
