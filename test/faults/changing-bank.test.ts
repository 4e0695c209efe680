/// <reference types="mocha" />
// A bank that changes between two loads (fault server `/changing/<key>.json`: v1, then v2 with
// `beta` removed, `alpha` renamed and `gamma` added). A learner's answers to v1 must survive v2:
// v2 shows without error, the record of the removed question stays in storage untouched, and the
// renamed question (same id) keeps its progress.
import { expect, waitUntil } from '@open-wc/testing';
import { clearBankCache } from '../../src/bank/load.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { recordKey } from '../../src/progress/record.js';
import { button, status, title } from '../harness/quiz-card.js';
import { alertText, counts, faultOrigin, faultPage, requestStats, uniqueKey, watchForLeaks } from './fault-page.js';

const BANK_ID = 'changing-bank';

async function showsTitle(card: QuizCard, expected: string): Promise<void> {
  await waitUntil(() => title(card) === expected, `the card shows "${title(card) ?? ''}", not "${expected}"`, { interval: 10, timeout: 5000 });
}

/** Shows the answer of the card's question, grades it Good and waits until the grade is stored. */
async function gradeGood(card: QuizCard, storageKey: string): Promise<void> {
  button(card, 'Show answer')!.click();
  await waitUntil(() => button(card, 'Good')?.disabled === false, 'no Good button', { interval: 10, timeout: 5000 });
  button(card, 'Good')!.click();
  await waitUntil(() => localStorage.getItem(storageKey) !== null, `the grade was not stored under ${storageKey}`, { interval: 10, timeout: 5000 });
}

describe('a bank that changes between two loads', () => {
  const leaks = watchForLeaks();
  let progressKey = '';

  afterEach(() => {
    const prefix = recordKey(progressKey, BANK_ID, '');
    for (const key of Object.keys(localStorage)) if (key.startsWith(prefix)) localStorage.removeItem(key);
  });

  it('v2 shows without error and no answer given to v1 is lost', async () => {
    const key = uniqueKey('changing');
    progressKey = uniqueKey('progress');
    const src = `${await faultOrigin()}/changing/${key}.json`;
    const alphaKey = recordKey(progressKey, BANK_ID, 'alpha');
    const betaKey = recordKey(progressKey, BANK_ID, 'beta');

    // v1: answer both questions.
    const page = await faultPage<QuizCard>('quiz-card', { src, 'progress-key': progressKey });
    const first = page.el;
    await showsTitle(first, 'What is alpha?');
    await gradeGood(first, alphaKey);
    button(first, 'Next')?.click();
    await showsTitle(first, 'What is beta?');
    await gradeGood(first, betaKey);
    const stored = { alpha: localStorage.getItem(alphaKey), beta: localStorage.getItem(betaKey) };

    // Until the cache is cleared, the page keeps v1: a second card shares the first load.
    const cached = document.createElement('quiz-card');
    cached.setAttribute('src', src);
    cached.setAttribute('progress-key', progressKey);
    first.after(cached);
    await showsTitle(cached, 'What is alpha?');
    expect((await requestStats(key)).requests).to.equal(1);
    cached.remove();

    // v2 in a new card, after the cache is cleared (a reload, for a real page).
    clearBankCache();
    counts.injected += 1;
    const second = document.createElement('quiz-card');
    second.setAttribute('src', src);
    second.setAttribute('progress-key', progressKey);
    first.after(second);
    await showsTitle(second, 'What is alpha, renamed?');
    expect((await requestStats(key)).requests).to.equal(2);
    expect(alertText(second)).to.equal('');
    expect(page.errors, 'quiz-error').to.have.length(0);
    await waitUntil(() => !!status(second), 'the v2 card shows no status', { interval: 10, timeout: 5000 });
    expect(status(second), 'the renamed question keeps its progress').to.not.equal('New');

    // Nothing lost: both v1 records are still there, unchanged, beta's although v2 dropped it.
    expect(localStorage.getItem(alphaKey)).to.equal(stored.alpha);
    expect(localStorage.getItem(betaKey)).to.equal(stored.beta);
    expect(JSON.parse(stored.beta!)).to.be.an('object');
    // The v1 card on the same page still works on its own copy.
    expect(alertText(first)).to.equal('');
    page.expectUnaffected();
    await leaks.removeAndCheck();
    expect(localStorage.getItem(betaKey), 'after the cards are gone').to.equal(stored.beta);
  });
});
