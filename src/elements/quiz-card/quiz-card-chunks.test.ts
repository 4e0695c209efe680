/// <reference types="mocha" />
// The card's lazy parts when they cannot be downloaded (offline, a CDN missing a chunk): the
// card says so with a Retry button and the rest keeps working. The test server answers 503 for
// the modules named (web-test-runner.config.mjs).
// Not asserted here: that Retry then brings the part. These tests import the source, where
// Firefox and Chromium 150 and older keep a failed module import failed; the CDN build retries
// under a new URL (importChunk in src/lazy.ts: test/chunk-retry/, scripts/check-build.mjs).
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { Bank, Question } from '../../bank/types.js';
import './quiz-card.js';
import type { QuizCard } from './quiz-card.js';

const q = (over: Partial<Question> & Pick<Question, 'id'>): Question => ({ kind: 'concept', title: over.id, prompt: `${over.id}?`, answer: 'Answer.', topics: ['t'], ...over });
const bank: Bank = {
  format: 'quiz-bank/1', id: 'chunks', title: 'Chunks', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [q({ id: 'gap', type: 'numeric', prompt: 'g in m/s²?', numeric: { value: 9.81, tolerance: 0.05 } })],
};
const flashcards: Bank = { ...bank, questions: [q({ id: 'one' }), q({ id: 'two' })] };

const down = (...paths: string[]) => fetch(`/__chunks-down?paths=${paths.join(',')}`, { cache: 'no-store' });
const shadow = (el: QuizCard) => el.shadowRoot!;
const alertText = (el: QuizCard) => shadow(el).querySelector('[role="alert"]')?.textContent ?? '';
const buttonNamed = (el: QuizCard, name: RegExp) => [...shadow(el).querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));

afterEach(() => down());

describe('quiz-card: a part that cannot be downloaded', () => {
  it('a question type whose view cannot be downloaded: a note with Retry; the title still shows', async () => {
    await down('/src/interactions/numeric/view.ts');
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${bank} question="gap" no-progress></quiz-card>`);
    await waitUntil(() => alertText(el).includes('could not be loaded'), 'no note about the missing part', { timeout: 5000 });
    expect(shadow(el).querySelector('[part~="title"]')?.textContent).to.equal('gap', 'the question title still shows');
    expect(buttonNamed(el, /Retry/), 'a Retry button').to.not.equal(undefined);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('the summary cannot be downloaded: the set ends with a note and Retry instead of the results', async () => {
    await down('/src/elements/quiz-card/summary.ts');
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${flashcards} no-progress></quiz-card>`);
    for (let i = 0; i < flashcards.questions.length; i++) {
      await waitUntil(() => buttonNamed(el, /Show answer/), 'the next question', { timeout: 5000 });
      buttonNamed(el, /Show answer/)!.click();
      await el.updateComplete;
      buttonNamed(el, /Good/)!.click();
      await el.updateComplete;
    }
    await waitUntil(() => alertText(el).includes('could not be loaded'), 'no note about the missing summary', { timeout: 5000 });
    expect(buttonNamed(el, /Retry/), 'a Retry button').to.not.equal(undefined);
    await expect(el).shadowDom.to.be.accessible();
  });

  // Before the next case, which downloads the error messages for good (in this page).
  it('the error messages cannot be downloaded: a failed load still says what the loader found, with Retry', async () => {
    await down('/src/elements/load-error-message.ts');
    const el = await fixture<QuizCard>(html`<quiz-card no-progress><script type="application/json">{ "title": "Broken",</script></quiz-card>`);
    await waitUntil(() => alertText(el).includes('could not be loaded'), 'no error box', { timeout: 5000 });
    expect(alertText(el)).to.contain('The inline bank is not valid JSON', "the loader's own sentence");
    expect(buttonNamed(el, /Retry/), 'a Retry button').to.not.equal(undefined);
    await expect(el).shadowDom.to.be.accessible();
  });

  it('the URL loader cannot be downloaded: a card with a src says the bank could not be reached, with Retry', async () => {
    await down('/src/bank/load-url.ts');
    const el = await fixture<QuizCard>(html`<quiz-card src="/no-such-bank.json" no-progress></quiz-card>`);
    // "Could not reach <url>…" with the error messages; without them (Firefox keeps the case above's
    // failed import failed), the loader's own "Could not download the bank loader…".
    await waitUntil(() => /Could not (reach|download)/.test(alertText(el)), 'no error about the bank', { timeout: 5000 });
    expect(alertText(el)).to.match(/no-such-bank\.json|the bank loader/, 'what could not be loaded is named');
    expect(buttonNamed(el, /Retry/), 'a Retry button').to.not.equal(undefined);
    await expect(el).shadowDom.to.be.accessible();
  });
});
