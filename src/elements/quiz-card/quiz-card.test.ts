/// <reference types="mocha" />
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { clearBankCache } from '../../bank/load.js';
import { urlLoader } from '../../bank/load-core.js';
import type { Bank } from '../../bank/types.js';
import type { QuizErrorEvent } from '../../events/quiz-error.js';
import { ProgressStore } from '../../progress/store.js';
import type { ProgressStorage } from '../../progress/types.js';
import './quiz-card.js';
import type { QuizCard } from './quiz-card.js';
import { json, stubFetch } from '../../../test/fetch-stub.js';
import { alert, button, card, intervals, liveRegion, loadSettled, notices, part, press, ready, status, text } from '../../../test/harness/quiz-card.js';
import { firedBy, nextTask } from '../../../test/harness/waits.js';
import { progressViewsChunk } from './practice-controller.js';

const bank: Bank = {
  format: 'quiz-bank/1',
  id: 'test-bank',
  title: 'Test bank',
  language: 'en',
  topics: [
    { id: 'training', title: 'Training' },
    { id: 'data', title: 'Data' },
  ],
  questions: [
    {
      id: 'overfitting', kind: 'concept', title: 'What is overfitting?', topics: ['training'],
      prompt: 'Explain **overfitting**.', answer: 'Learning the noise.', hint: 'Think of noise.',
      explanation: 'It memorises.', example: 'A lookup table.',
    },
    { id: 'overfitting-2', kind: 'concept', title: 'What is overfitting?', topics: ['training'], prompt: 'Again?', answer: 'Second answer.', variantOf: 'overfitting' },
    {
      id: 'single', kind: 'concept', title: 'Pick one', topics: ['data'], prompt: 'Which is a metric?', answer: 'F1.',
      choices: [
        { text: 'F1', correct: true, feedback: 'Yes, F1 combines precision and recall.' },
        { text: 'Dropout', correct: false, feedback: 'Dropout is regularization.' },
      ],
    },
    {
      id: 'multiple', kind: 'concept', title: 'Pick all', topics: ['data'], prompt: 'Which are metrics?', answer: 'F1 and recall.',
      choices: [
        { text: 'F1', correct: true },
        { text: 'Recall', correct: true },
        { text: 'Adam', correct: false },
      ],
    },
  ],
};

describe('<quiz-card>', () => {
  let restore: (() => void) | null = null;
  afterEach(() => {
    restore?.();
    restore = null;
    clearBankCache();
    localStorage.clear();
  });

  describe('open questions (flashcards)', () => {
    it('is accessible when showing a question', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting"></quiz-card>`);
      await expect(el).to.be.accessible();
      expect(part(el, 'title')!.textContent).to.equal('What is overfitting?');
      expect(part(el, 'prompt')!.querySelector('strong')!.textContent).to.equal('overfitting');
    });

    it('shows hint, reveals the answer with Space and fires quiz-reveal', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting"></quiz-card>`);
      expect(part(el, 'answer')).to.equal(null);
      button(el, 'Show hint')!.click();
      await el.updateComplete;
      expect(part(el, 'hint')!.textContent).to.contain('Think of noise.');
      const event = await firedBy(el, 'quiz-reveal', () => press(el, ' '));
      expect(event.detail).to.deep.equal({ bankId: 'test-bank', questionId: 'overfitting' });
      expect(event.bubbles && event.composed).to.equal(true);
      await el.updateComplete;
      expect(part(el, 'answer')!.textContent).to.contain('Learning the noise.');
      expect(part(el, 'explanation')!.textContent).to.contain('It memorises.');
      expect(part(el, 'example')!.textContent).to.contain('A lookup table.');
      await waitUntil(() => liveRegion(el) === 'Answer shown.');
      await expect(el).to.be.accessible();
    });

    it('a message said twice is read twice: the live region empties in between', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting" no-progress></quiz-card>`);
      const region = el.shadowRoot!.querySelector('.visually-hidden[role="status"]')!;
      const said: string[] = [];
      new MutationObserver(() => said.push(region.textContent!.trim())).observe(region, { childList: true, subtree: true, characterData: true });
      for (let i = 0; i < 2; i++) {
        press(el, ' ');
        await waitUntil(() => part(el, 'grades'), 'the grades');
        press(el, '3');
        await el.updateComplete;
        button(el, 'Undo')!.click();
        await waitUntil(() => said.filter((text) => text === 'Last grade undone.').length === i + 1, `undo ${i + 1} announced`);
      }
      const first = said.indexOf('Last grade undone.');
      expect(said.slice(first + 1, said.lastIndexOf('Last grade undone.'))).to.include('', 'emptied between the two');
    });

    it('keeps a typed attempt visible next to the answer', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting" answer-box></quiz-card>`);
      const box = part(el, 'attempt') as HTMLTextAreaElement;
      box.focus();
      await sendKeys({ type: 'memorising noise' });
      expect(box.value).to.equal('memorising noise');
      expect(part(el, 'answer'), 'typing a space in the box does not reveal').to.equal(null);
      button(el, 'Show answer')!.click();
      await el.updateComplete;
      expect(el.shadowRoot!.querySelector('.attempt-echo')!.textContent).to.equal('memorising noise');
      expect(part(el, 'answer')).to.not.equal(null);
    });

    it('grades with keys 1–4, fires quiz-grade, and undoes with U', async () => {
      const el = await card(html`<quiz-card .bank=${bank}></quiz-card>`);
      expect(part(el, 'header')!.textContent).to.contain('1 / 3', 'four questions, one a variant: three to ask');
      press(el, ' ');
      await el.updateComplete;
      const event = await firedBy(el, 'quiz-grade', () => press(el, '3'));
      expect(event.detail).to.deep.equal({ bankId: 'test-bank', questionId: 'overfitting', grade: 'good' });
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('2 / 3', 'grading moves on');
      expect(el.shadowRoot!.activeElement?.getAttribute('data-focus')).to.equal('question', 'focus follows to the next question');
      press(el, 'u');
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('1 / 3', 'undo returns to the graded question');
      expect(button(el, 'Good')!.getAttribute('aria-pressed')).to.equal('false');
      expect(button(el, 'Good')!.disabled).to.equal(false);
      await waitUntil(() => liveRegion(el) === 'Last grade undone.');
    });

    it('moves between questions with the arrow keys and the buttons', async () => {
      const el = await card(html`<quiz-card .bank=${bank}></quiz-card>`);
      press(el, 'ArrowRight');
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('2 / 3');
      await waitUntil(() => liveRegion(el) === 'Question 2 / 3.');
      press(el, 'ArrowLeft');
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('1 / 3');
      expect(button(el, /Previous/)!.disabled).to.equal(true);
      button(el, /Next/)!.click();
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('2 / 3');
    });

    it('offers the other answers of a question with the same title', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting"></quiz-card>`);
      const group = part(el, 'variants')!;
      expect(group.getAttribute('aria-label')).to.equal('Other answers (1)');
      button(el, 'Answer 2 of 2')!.click();
      await el.updateComplete;
      expect(part(el, 'prompt')!.textContent).to.contain('Again?');
      button(el, 'Show answer')!.click();
      await el.updateComplete;
      expect(part(el, 'answer')!.textContent).to.contain('Second answer.');
    });
  });

  describe('choice questions', () => {
    it('single choice: radio semantics, Check, feedback, quiz-answer', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="single"></quiz-card>`);
      await expect(el).to.be.accessible();
      const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      expect(radios.length).to.equal(2);
      expect(button(el, 'Check')!.disabled).to.equal(true);
      radios[1]!.click();
      await el.updateComplete;
      const event = await firedBy(el, 'quiz-answer', () => button(el, 'Check')!.click());
      expect(event.detail).to.deep.equal({ bankId: 'test-bank', questionId: 'single', type: 'choice', response: [1], score: 0, correct: false, selected: [1] });
      await el.updateComplete;
      expect(part(el, 'feedback')!.textContent).to.contain('Not quite');
      expect(text(el)).to.contain('Dropout is regularization.');
      expect(text(el)).to.contain('Yes, F1 combines precision and recall.', 'the correct answer is shown');
      expect(el.shadowRoot!.querySelector('.choice.right')!.textContent).to.contain('F1');
      await waitUntil(() => liveRegion(el).startsWith('Not quite.'));
      await expect(el).to.be.accessible();
    });

    it('single choice works from the keyboard: arrows move the selection', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="single"></quiz-card>`);
      const radios = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]');
      radios[0]!.click();
      radios[0]!.focus();
      await el.updateComplete;
      await sendKeys({ press: 'ArrowDown' });
      await el.updateComplete;
      expect(radios[1]!.checked).to.equal(true);
    });

    it('multiple choice: checkboxes, right only when every correct one is picked', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="multiple"></quiz-card>`);
      const boxes = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]');
      expect(boxes.length).to.equal(3);
      expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('Choose all correct answers');
      boxes[0]!.click();
      boxes[1]!.click();
      await el.updateComplete;
      const event = await firedBy(el, 'quiz-answer', () => button(el, 'Check')!.click());
      expect(event.detail.correct).to.equal(true);
      expect(event.detail.selected).to.deep.equal([0, 1]);
    });
  });

    it('choice question: a hint before checking, the explanation and example after, all accessible', async () => {
      const quiz = {
        format: 'quiz-bank/1', id: 'explained', title: 'Explained', language: 'en', topics: [{ id: 't', title: 'T' }],
        questions: [{
          id: 'q', kind: 'concept', title: 'Closest planet?', topics: ['t'], prompt: 'Which planet is closest to the sun?', answer: 'Mercury',
          hint: 'It is also the smallest.', explanation: 'Mercury orbits at about 0.39 AU.', example: 'Venus comes second.',
          choices: [{ text: 'Mercury', correct: true }, { text: 'Venus', correct: false }],
        }],
      };
      const el = await card(html`<quiz-card .bank=${quiz} no-progress></quiz-card>`);
      expect(part(el, 'explanation')).to.equal(null);
      expect(part(el, 'hint')).to.equal(null);
      button(el, 'Show hint')!.click();
      await el.updateComplete;
      expect(part(el, 'hint')!.textContent).to.contain('It is also the smallest.');
      el.shadowRoot!.querySelector<HTMLInputElement>('input[type="radio"]')!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      await waitUntil(() => part(el, 'explanation')?.textContent?.includes('0.39 AU'), 'the explanation did not show after checking', { timeout: 5000 });
      expect(part(el, 'example')!.textContent).to.contain('Venus comes second.');
      await expect(el).to.be.accessible();
    });

    it('multiple: true shows checkboxes even with one right choice ("select all that apply")', async () => {
      const quiz = {
        format: 'quiz-bank/1', id: 'all', title: 'All', language: 'en', topics: [{ id: 't', title: 'T' }],
        questions: [{
          id: 'q', kind: 'concept', title: 'Gas giants?', topics: ['t'], prompt: 'Which are gas giants?', answer: 'Jupiter', multiple: true,
          choices: [{ text: 'Jupiter', correct: true }, { text: 'Mars', correct: false }, { text: 'Venus', correct: false }],
        }],
      };
      const el = await card(html`<quiz-card .bank=${quiz} no-progress></quiz-card>`);
      expect(el.shadowRoot!.querySelectorAll('input[type="checkbox"]').length).to.equal(3);
      expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('Choose all correct answers');
    });

  describe('practice sets', () => {
    it('shows position, navigates, and ends with a summary that can review the missed ones', async () => {
      const el = await card(html`<quiz-card .bank=${bank}></quiz-card>`);
      expect(part(el, 'header')!.textContent).to.contain('1 / 3');
      press(el, ' ');
      await el.updateComplete;
      press(el, '1'); // Again: missed
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('2 / 3');
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      button(el, /Next/)!.click();
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('3 / 3');
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[2]!.click();
      await el.updateComplete;
      const complete = await firedBy(el, 'quiz-complete', () => button(el, 'Check')!.click());
      expect(complete.detail).to.include({ bankId: 'test-bank', total: 3, right: 1, wrong: 1 });
      expect(complete.detail.grades).to.deep.equal({ again: 1, hard: 0, good: 0, easy: 0 });
      expect(complete.detail.missed).to.deep.equal(['overfitting', 'multiple']);
      // The summary's chunk was fetched while the last question showed.
      await waitUntil(() => part(el, 'summary'), 'the summary shows');
      expect(part(el, 'summary')!.textContent).to.contain('Practice complete');
      await expect(el).to.be.accessible();
      button(el, 'Review the ones I missed (2)')!.click();
      await el.updateComplete;
      expect(part(el, 'header')!.textContent).to.contain('1 / 2');
    });

    it('filters by topic and kind, and says which filter matched nothing', async () => {
      const el = await card(html`<quiz-card .bank=${bank} topic="data" kind="coding"></quiz-card>`);
      const message = part(el, 'error')!;
      expect(message.getAttribute('role')).to.equal('alert');
      expect(message.textContent).to.contain('“Data” (data)');
      expect(message.textContent).to.contain('"coding"');
      await expect(el).to.be.accessible();
    });

    it('takes topic as an array too, as <question-browser> does', async () => {
      const el = await card(html`<quiz-card .bank=${bank} .topic=${['data']}></quiz-card>`);
      expect(part(el, 'header')!.textContent).to.contain('1 / 2');
      expect(['Pick one', 'Pick all']).to.include(part(el, 'title')!.textContent!.trim());
      el.topic = ['training', 'data'];
      await el.updateComplete;
      await waitUntil(() => part(el, 'header')?.textContent?.includes('1 / 3'), 'both topics asked');
      el.topic = ['data', 'nowhere'];
      el.kind = 'coding';
      await waitUntil(() => part(el, 'error'), 'the filters match nothing');
      expect(part(el, 'error')!.textContent).to.contain('“Data” (data), “nowhere”');
    });

    it('shuffles reproducibly with a seed', async () => {
      const order = async () => {
        const el = await card(html`<quiz-card .bank=${bank} shuffle seed="abc"></quiz-card>`);
        return part(el, 'title')!.textContent;
      };
      expect(await order()).to.equal(await order());
    });

    it('fires no event when code changes properties', async () => {
      const el = await card(html`<quiz-card .bank=${bank}></quiz-card>`);
      const seen: string[] = [];
      for (const type of ['quiz-reveal', 'quiz-grade', 'quiz-answer', 'quiz-complete']) el.addEventListener(type, () => seen.push(type));
      el.question = 'single';
      el.topic = 'data';
      await el.updateComplete;
      expect(seen).to.deep.equal([]);
    });
  });

  describe('sources', () => {
    it('loads a src URL, shares one fetch between cards, and resolves relative to the page', async () => {
      const stub = stubFetch(async () => json(bank));
      restore = stub.restore;
      const container = await fixture(html`<div>
        <quiz-card src="/banks/shared.json"></quiz-card><quiz-card src="/banks/shared.json"></quiz-card>
      </div>`);
      const cards = [...container.querySelectorAll('quiz-card')];
      await Promise.all(cards.map(ready));
      expect(stub.calls).to.deep.equal([new URL('/banks/shared.json', document.baseURI).href]);
      for (const c of cards) expect(part(c, 'title')!.textContent).to.equal('What is overfitting?');
    });

    describe('before the URL loader has arrived (the card requests the bank beside the loader download)', () => {
      type Loader = NonNullable<typeof urlLoader.value>;
      let loader: Loader;
      /** Lets the held-back loader arrive. */
      let arrive: () => void;
      beforeEach(async () => {
        // As on a page still downloading the URL loader: it arrives when the test says so.
        loader = await urlLoader.load();
        urlLoader.value = undefined;
        const arrived = new Promise<void>((resolve) => (arrive = resolve));
        urlLoader.load = () => arrived.then(() => (urlLoader.value = loader));
      });
      afterEach(() => {
        delete (urlLoader as { load?: unknown }).load;
        urlLoader.value = loader;
      });

      it('requests the bank before the loader arrives, once for two cards, asking for what the loader asks', async () => {
        const accepts: string[] = [];
        const stub = stubFetch(async (_url, init) => (accepts.push(new Headers(init?.headers).get('accept') ?? ''), json(bank)));
        restore = stub.restore;
        const container = await fixture(html`<div>
          <quiz-card src="/banks/early.json"></quiz-card><quiz-card src="/banks/early.json#x"></quiz-card>
        </div>`);
        const cards = [...container.querySelectorAll('quiz-card')];
        await waitUntil(() => stub.calls.length === 1, 'the bank is requested while the loader downloads');
        arrive();
        await Promise.all(cards.map(ready));
        expect(stub.calls).to.deep.equal([new URL('/banks/early.json', document.baseURI).href]);
        expect(accepts).to.deep.equal(['application/json, text/markdown;q=0.9, */*;q=0.1']);
        for (const c of cards) expect(part(c, 'title')!.textContent).to.equal('What is overfitting?');
      });

      it('says a failed request as the loader would, and Retry requests again', async () => {
        let online = false;
        const stub = stubFetch(async () => (online ? json(bank) : Promise.reject(new TypeError('Failed to fetch'))));
        restore = stub.restore;
        arrive();
        const el = await card(html`<quiz-card src="/banks/early-fail.json"></quiz-card>`);
        expect(part(el, 'error')!.textContent).to.match(/Could not reach/);
        const failed = stub.calls.length;
        online = true;
        button(el, 'Retry')!.click();
        await waitUntil(() => part(el, 'title'), 'the retry loads the bank');
        expect(stub.calls.length).to.equal(failed + 1);
      });

      it('aborts the request when the card is removed before the loader asks for it', async () => {
        const signals: AbortSignal[] = [];
        const stub = stubFetch((_url, init) => (signals.push(init!.signal!), new Promise<Response>(() => {})));
        restore = stub.restore;
        const container = await fixture(html`<div><quiz-card src="/banks/early-gone.json"></quiz-card></div>`);
        await waitUntil(() => signals.length === 1, 'the bank is requested while the loader downloads');
        container.replaceChildren();
        arrive();
        await waitUntil(() => signals[0]!.aborted, 'the request nobody will read is aborted');
      });
    });

    it('shows only the newest src when src changes while loading', async () => {
      const old = JSON.stringify({ ...bank, questions: [{ ...bank.questions[2]!, title: 'OLD' }] });
      // The old bank's body reads are promise jobs only, so nothing between its arrival and its use waits for a task.
      const oldResponse = Object.assign(json(JSON.parse(old)), { text: async () => old, json: async () => JSON.parse(old) as unknown });
      let releaseOld!: () => void;
      const stub = stubFetch((url) =>
        url.endsWith('old.json') ? new Promise((resolve) => (releaseOld = () => resolve(oldResponse))) : Promise.resolve(json(bank)),
      );
      restore = stub.restore;
      const el = await fixture<QuizCard>(html`<quiz-card src="/old.json"></quiz-card>`);
      el.src = '/new.json';
      await ready(el);
      expect(part(el, 'title')!.textContent).to.equal('What is overfitting?');
      releaseOld();
      // The stale response is handed over: reading, validating and any use of it are promise jobs, all run one task later; then the load task and the render have settled.
      await nextTask();
      await loadSettled(el);
      expect(part(el, 'title')!.textContent).to.equal('What is overfitting?');
    });

    it('resolves images and links in the bank against the bank URL, not the page', async () => {
      const withMedia: Bank = { ...bank, questions: [{ ...bank.questions[0]!, prompt: '![diagram](img/loss.png) [notes](notes.html)' }] };
      const stub = stubFetch(async () => json(withMedia));
      restore = stub.restore;
      const el = await card(html`<quiz-card src="/courses/ml/bank.json" question="overfitting"></quiz-card>`);
      const img = part(el, 'prompt')!.querySelector('img')!;
      expect(img.src).to.equal(new URL('/courses/ml/img/loss.png', document.baseURI).href);
      expect(img.alt).to.equal('diagram');
      expect(img.loading).to.equal('lazy');
      expect(part(el, 'prompt')!.querySelector('a')!.href).to.equal(new URL('/courses/ml/notes.html', document.baseURI).href);
    });

    it('reads an inline JSON script holding a single question', async () => {
      const el = await card(html`<quiz-card>
        <script type="application/json">
          { "id": "inline-q", "title": "Inline question", "prompt": "Inline prompt", "answer": "Inline answer" }
        </script>
      </quiz-card>`);
      expect(part(el, 'title')!.textContent).to.equal('Inline question');
    });

    it('imports an inline markdown script in the browser', async () => {
      const el = await card(html`<quiz-card>
        <script type="text/markdown">
# Notes

### 1. What is a tensor?

**Answer:** A multi-dimensional array.
        </script>
      </quiz-card>`);
      expect(part(el, 'title')!.textContent).to.equal('What is a tensor?');
    });

    it('imports inline markdown indented as HTML is usually written, in any layout', async () => {
      const el = await card(html`<quiz-card>
        <script type="text/markdown">
          ## Networking

          **Q1: What does DNS do?**
          It turns names into addresses.

          **Q2: What is a subnet?**
          A range of addresses.
        </script>
      </quiz-card>`);
      expect(part(el, 'title')!.textContent).to.equal('What does DNS do?');
      expect(part(el, 'header')!.textContent).to.contain('1 / 2');
      expect(part(el, 'prompt'), 'a prompt that only repeats the title is not shown twice').to.equal(null);
    });

    it('shows the prompt when it says more than the title, and not when it only adds code marks to it', async () => {
      const el = await card(html`<quiz-card>
        <script type="text/markdown">
          ### What does \`__init__\` do?

          It sets up a new object.

          ### What is a closure?

          **Question:** Explain what a closure captures, with an example.

          **Answer:** The variables of the scope it was made in.
        </script>
      </quiz-card>`);
      expect(part(el, 'title')!.textContent).to.equal('What does __init__ do?');
      expect(part(el, 'prompt')).to.equal(null);
      button(el, /Next/)!.click();
      await el.updateComplete;
      expect(part(el, 'title')!.textContent).to.equal('What is a closure?');
      await waitUntil(() => part(el, 'prompt')?.textContent?.includes('Explain what a closure captures'), 'the prompt shows under its title');
      await expect(el).to.be.accessible();
    });

    it('imports an inline GIFT script', async () => {
      const el = await card(html`<quiz-card>
        <script type="text/gift">
          ::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}
        </script>
      </quiz-card>`);
      expect(part(el, 'title')!.textContent).to.equal('Capital');
      expect([...el.shadowRoot!.querySelectorAll('[part~="choice"]')].map((c) => c.textContent!.trim())).to.deep.equal(['Paris', 'Lyon', 'Nice']);
    });

    it('loads a bundled bank by id', async () => {
      const el = await card(html`<quiz-card bank="llm-fundamentals" count="3" lang="zh-CN"></quiz-card>`);
      expect(part(el, 'title')!.textContent).to.equal('什么是大模型？');
      expect(part(el, 'header')!.textContent).to.contain('1 / 3');
    });
  });

  describe('errors', () => {
    const cases: [string, () => Promise<Response>, RegExp][] = [
      ['HTTP 404', async () => new Response('missing', { status: 404, statusText: 'Not Found' }), /answered 404/],
      ['network failure', () => Promise.reject(new TypeError('Failed to fetch')), /Could not reach/],
      ['HTML instead of JSON', async () => new Response('<!doctype html><p>404', { headers: { 'content-type': 'text/html' } }), /is not JSON/],
      ['JSON that is not a bank', async () => json({ format: 'quiz-bank/1', id: 'x' }), /is not a question bank/],
      ['a future format', async () => json({ ...bank, format: 'quiz-bank/2' }), /another version of quiz-elements/],
    ];
    for (const [name, respond, message] of cases) {
      it(`shows a specific message for ${name}, fires quiz-error, and is accessible`, async () => {
        const stub = stubFetch(respond);
        restore = stub.restore;
        const el = document.createElement('quiz-card');
        el.src = `/bad-${name.replace(/\W+/g, '-')}.json`;
        const error = oneEvent(el, 'quiz-error') as Promise<QuizErrorEvent>;
        const host = await fixture(html`<div></div>`);
        host.append(el);
        expect((await error).detail.error).to.be.instanceOf(Error);
        await el.updateComplete;
        expect(alert(el)).to.match(message);
        await expect(el).to.be.accessible();
      });
    }

    it('a src with a typo in its scheme is said to be no web address, not blamed on the network, and nothing is fetched', async () => {
      let fetched = 0;
      const stub = stubFetch(async () => (fetched++, json(bank)));
      restore = stub.restore;
      const el = await card(html`<quiz-card src="htp:/not a url"></quiz-card>`);
      expect(alert(el)).to.contain('is not a web address the page can load');
      expect(alert(el)).to.not.match(/network|CORS/);
      expect(fetched).to.equal(0);
      await expect(el).to.be.accessible();
    });

    it('Chinese: the message is in Chinese, and the details are not the same message again in English', async () => {
      const stub = stubFetch(async () => new Response('{"format": "quiz-bank/1", "id": ', { headers: { 'content-type': 'application/json' } }));
      restore = stub.restore;
      const el = await card(html`<quiz-card src="/truncated.json" lang="zh-CN"></quiz-card>`);
      expect(alert(el)).to.contain('不是 JSON');
      const details = el.shadowRoot!.querySelector('[part~="error"] pre')?.textContent ?? '';
      expect(details, 'no English sentence repeating the message').to.not.match(/is not JSON|Check the src URL|returned/);
      const typo = await card(html`<quiz-card src="htp:/not a url" lang="zh-CN"></quiz-card>`);
      expect(alert(typo)).to.contain('不是页面可以加载的网址');
      expect(typo.shadowRoot!.querySelector('[part~="error"] pre'), 'no English details').to.equal(null);
    });

    it('names the bundled banks when the bank id is unknown', async () => {
      const el = await card(html`<quiz-card bank="no-such-bank"></quiz-card>`);
      expect(alert(el)).to.contain('There is no bundled bank "no-such-bank"');
      expect(alert(el)).to.contain('llm-fundamentals');
    });

    it('reports markdown that cannot be imported with file:line details', async () => {
      const el = await card(html`<quiz-card><script type="text/markdown">
# Only prose, no numbered question
</script></quiz-card>`);
      expect(alert(el)).to.contain('The inline source could not be imported:');
      expect(alert(el)).to.contain('inline markdown:1: error: no question found');
      expect(alert(el)).to.match(/:1: error: no question found\. The importer reads questions as headings/);
    });

    it('retries after a failure and shows the bank once the fault clears', async () => {
      let fail = true;
      const stub = stubFetch(async () => (fail ? new Response('', { status: 500, statusText: 'Server Error' }) : json(bank)));
      restore = stub.restore;
      const el = await card(html`<quiz-card src="/flaky.json"></quiz-card>`);
      expect(alert(el)).to.contain('500');
      fail = false;
      button(el, 'Retry')!.click();
      await ready(el);
      await waitUntil(() => part(el, 'title'));
      expect(stub.calls.length).to.equal(2);
    });

    it('gives up after the timeout with a message naming it', async () => {
      const stub = stubFetch((_url, init) => new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason))));
      restore = stub.restore;
      const el = await card(html`<quiz-card src="/hang.json" timeout="100"></quiz-card>`);
      expect(alert(el)).to.contain('did not answer within 0.1 s');
    });

    it('explains a missing source without a Retry button', async () => {
      const el = await card(html`<quiz-card></quiz-card>`);
      expect(alert(el)).to.contain('No question bank');
      expect(button(el, 'Retry')).to.equal(null);
    });

    it('is accessible and busy while loading', async () => {
      const stub = stubFetch(() => new Promise(() => {}));
      restore = stub.restore;
      const el = await fixture<QuizCard>(html`<quiz-card src="/slow.json"></quiz-card>`);
      expect(el.shadowRoot!.querySelector('.card')!.getAttribute('aria-busy')).to.equal('true');
      await expect(el).to.be.accessible();
    });
  });

  describe('code, themes and layout', () => {
    it('shows a coding answer as highlighted Python with a copy button, and stays accessible', async () => {
      const el = await card(html`<quiz-card bank="llm-startup-interview" question="q-1qwoxxz" lang="zh-CN"></quiz-card>`);
      button(el, '显示答案')!.click();
      await el.updateComplete;
      // The code shows at once; its toolbar (a chunk of its own) follows.
      expect(part(el, 'answer')!.querySelector('pre code')!.textContent).to.contain('make_pipeline');
      await waitUntil(() => button(el, '复制代码'), 'the copy button arrives');
      const code = part(el, 'answer')!.querySelector('pre code.language-python')!;
      expect(code.textContent).to.contain('from sklearn.pipeline import make_pipeline');
      expect(part(el, 'answer')!.contains(button(el, '复制代码')), 'in the answer').to.equal(true);
      expect(button(el, '复制代码')!.textContent).to.contain('复制', 'its visible text');
      await waitUntil(() => code.querySelector('[class*="hljs-"]'), 'the highlighter upgrades the block', { timeout: 5000 });
      await expect(el).to.be.accessible();
    });

    it('moves focus to the answer when it is shown, so keyboard users continue there', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting"></quiz-card>`);
      button(el, 'Show answer')!.focus();
      button(el, 'Show answer')!.click();
      await el.updateComplete;
      await waitUntil(() => el.shadowRoot!.activeElement?.getAttribute('data-focus') === 'answer');
    });

    it('passes axe in the dark theme', async () => {
      const el = await card(html`<quiz-card .bank=${bank} question="single" theme="dark"></quiz-card>`);
      expect(getComputedStyle(part(el, 'card')!).backgroundColor).to.equal('rgb(30, 31, 34)');
      await expect(el).to.be.accessible();
    });

    it('fits a 320 px column without horizontal overflow', async () => {
      const host = await fixture(html`<div style="width: 320px"><quiz-card bank="llm-startup-interview" question="q-1qwoxxz"></quiz-card></div>`);
      const el = host.querySelector('quiz-card')!;
      await ready(el);
      button(el, 'Show answer')!.click();
      await el.updateComplete;
      expect(el.getBoundingClientRect().width).to.be.at.most(320);
      expect(part(el, 'card')!.scrollWidth).to.be.at.most(part(el, 'card')!.clientWidth + 2);
    });
  });

  describe('language and safety', () => {
    it('speaks Chinese when an ancestor says zh-CN, and never translates bank text', async () => {
      const host = await fixture(html`<div lang="zh-CN"><quiz-card .bank=${bank} question="overfitting"></quiz-card></div>`);
      const el = host.querySelector('quiz-card')!;
      await ready(el);
      expect(button(el, '显示答案')).to.not.equal(null);
      expect(part(el, 'title')!.textContent).to.equal('What is overfitting?');
    });

    it('follows the document language when nothing closer sets one', async () => {
      const previous = document.documentElement.lang;
      document.documentElement.lang = 'zh-CN';
      try {
        const el = await card(html`<quiz-card .bank=${bank} question="single"></quiz-card>`);
        expect(button(el, '检查')).to.not.equal(null);
        document.documentElement.lang = 'en';
        await waitUntil(() => button(el, 'Check'), 'the card follows a later change of the document language');
      } finally {
        document.documentElement.lang = previous;
      }
    });

    it('renders hostile markdown in every field without running or injecting anything', async () => {
      const payload = '<script>window.__quizPwned = 1</script><img src=x onerror="window.__quizPwned = 2"> [x](javascript:window.__quizPwned=3)';
      const hostile: Bank = {
        ...bank,
        questions: [
          {
            id: 'h', kind: 'concept', title: 'Hostile <b>title</b>', topics: ['training'],
            prompt: payload, answer: payload, explanation: payload, example: payload, hint: payload,
          },
          { id: 'c', kind: 'concept', title: 'Hostile choice', topics: ['training'], prompt: payload, answer: payload, choices: [{ text: payload, correct: true, feedback: payload }, { text: payload, correct: false }] },
        ],
      };
      const el = await card(html`<quiz-card .bank=${hostile} question="h"></quiz-card>`);
      button(el, 'Show hint')!.click();
      await el.updateComplete;
      button(el, 'Show answer')!.click();
      await el.updateComplete;
      el.question = 'c';
      await ready(el);
      el.shadowRoot!.querySelector<HTMLInputElement>('input')!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      // The slowest payload is <img src=x onerror>: had one been made, even detached, it has run its handler by the time a probe image of the same URL has failed.
      const probe = new Image();
      await new Promise((settled) => {
        probe.addEventListener('error', settled, { once: true });
        probe.addEventListener('load', settled, { once: true });
        probe.src = 'x';
      });
      await nextTask();
      expect((window as unknown as { __quizPwned?: number }).__quizPwned).to.equal(undefined);
      expect(el.shadowRoot!.querySelectorAll('script, img[onerror], b').length).to.equal(0);
      for (const link of el.shadowRoot!.querySelectorAll('a')) expect(link.getAttribute('href') ?? '').to.not.match(/javascript:/i);
    });
  });

  describe('learner progress', () => {
    const MINUTE = 60_000;
    const HOUR = 60 * MINUTE;
    const DAY = 24 * HOUR;
    const T0 = new Date(2026, 10, 23, 9, 0).getTime(); // Monday 23 November 2026, 09:00 local time

    /** A store in memory with a fixed clock: nothing leaks between tests, and intervals are exact. */
    const memoryStore = (now = T0) => new ProgressStore({ storage: null, now: () => now });
    /** The calls the card makes to the store's writers and previews from now on, each with its promise. */
    function watchStore(store: ProgressStore) {
      const calls: string[] = [];
      const pending: Promise<unknown>[] = [];
      const watch = <A extends unknown[], R>(name: string, call: (...args: A) => Promise<R>) => (...args: A): Promise<R> => {
        calls.push(`${name} ${String(args[1])}`);
        const result = call(...args);
        pending.push(result);
        return result;
      };
      store.record = watch('record', store.record.bind(store));
      store.undo = watch('undo', store.undo.bind(store));
      store.preview = watch('preview', store.preview.bind(store));
      /** Every call so far has finished (fulfilled or rejected). */
      const settled = async () => void (await Promise.allSettled(pending));
      return { calls, settled };
    }

    const dateText = (at: number, locale: string) =>
      new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit' }).format(at);

    /** Uncaught errors and unhandled rejections while a test runs: none may reach the page. */
    function watchPageErrors() {
      const errors: unknown[] = [];
      const onError = (event: ErrorEvent) => errors.push(event.error ?? event.message);
      const onRejection = (event: PromiseRejectionEvent) => errors.push(event.reason);
      window.addEventListener('error', onError);
      window.addEventListener('unhandledrejection', onRejection);
      return {
        errors,
        stop() {
          window.removeEventListener('error', onError);
          window.removeEventListener('unhandledrejection', onRejection);
        },
      };
    }

    /** Plays the test bank's set of three to the summary: Good on the flashcard, right on both choice questions. */
    async function playSet(el: QuizCard): Promise<void> {
      press(el, ' ');
      await el.updateComplete;
      press(el, '3');
      await el.updateComplete;
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      button(el, /Next/)!.click();
      await el.updateComplete;
      const boxes = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input');
      boxes[0]!.click();
      boxes[1]!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      await waitUntil(() => part(el, 'summary'), 'the set ends with its summary');
    }

    it('a one-off card (question= on the default progress, as on a blog) keeps progress but shows no status, intervals or key list', async () => {
      const before = Object.keys(localStorage).filter((key) => key.startsWith('quiz-elements/progress/default/')).length;
      const previews: Promise<unknown>[] = [];
      const preview = ProgressStore.prototype.preview;
      ProgressStore.prototype.preview = function (this: ProgressStore, ...args: Parameters<ProgressStore['preview']>) {
        const asked = preview.apply(this, args);
        previews.push(asked);
        return asked;
      };
      const el = await card(html`<quiz-card .bank=${bank} question="overfitting"></quiz-card>`);
      try {
        expect(status(el)).to.equal(null);
        expect(part(el, 'keys')).to.equal(null);
        press(el, ' ');
        await el.updateComplete;
        // Intervals come from the recorder chunk asking the store: once it is here, the card has had its promise jobs to ask, any answer has arrived, and the card has rendered.
        await import('./recorder.js');
        await nextTask();
        await Promise.allSettled(previews);
        await el.updateComplete;
        expect(previews.length).to.equal(0, 'no interval is asked for');
        expect(intervals(el)).to.deep.equal([]);
      } finally {
        ProgressStore.prototype.preview = preview;
      }
      press(el, '3');
      await waitUntil(() => Object.keys(localStorage).filter((key) => key.startsWith('quiz-elements/progress/default/')).length > before, 'the grade is recorded');
      // A course page that names its progress keeps the schedule.
      const course = await card(html`<quiz-card .bank=${bank} question="overfitting" progress-key="course-one-off"></quiz-card>`);
      await waitUntil(() => status(course) === 'New', 'the status shows');
      expect(part(course, 'keys')).not.to.equal(null);
    });

    it('shows the next interval on each grade button once the answer is shown, in its accessible name too', async () => {
      const store = memoryStore();
      const el = await card(html`<quiz-card .bank=${bank} count="1" .progressStore=${store}></quiz-card>`);
      expect(intervals(el)).to.deep.equal([], 'no grade buttons before the answer');
      expect(status(el)).to.equal('New');
      press(el, ' ');
      await waitUntil(() => intervals(el).length === 4, 'the intervals appear');
      expect(intervals(el)).to.deep.equal(['1 min', '6 min', '10 min', '8 d']);
      const good = button(el, 'Good')!;
      const spoken = good.querySelector('.visually-hidden')!;
      expect(spoken.textContent!.trim()).to.equal('(next review in 10 minutes)');
      expect(spoken.closest('[aria-hidden]')).to.equal(null, 'read with the button');
      expect(good.hasAttribute('aria-label')).to.equal(false, 'the name comes from the visible text, so it contains it');
      await expect(el).to.be.accessible();
      press(el, '3');
      await waitUntil(() => liveRegion(el).includes('Good'), 'the grade is announced');
      expect(liveRegion(el)).to.contain('(next review in 10 minutes)', 'with when the question comes back');
    });

    it('shows the intervals in Chinese', async () => {
      const el = await card(html`<quiz-card .bank=${bank} count="1" lang="zh-CN" .progressStore=${memoryStore()}></quiz-card>`);
      press(el, ' ');
      await waitUntil(() => intervals(el).length === 4);
      expect(intervals(el)).to.deep.equal(['1 分钟', '6 分钟', '10 分钟', '8 天']);
      expect(status(el)).to.equal('新题');
    });

    it('records every grade, and a checked choice as Good when right and Again when wrong', async () => {
      const store = memoryStore();
      const el = await card(html`<quiz-card .bank=${bank} .progressStore=${store}></quiz-card>`);
      press(el, ' ');
      await el.updateComplete;
      press(el, '2'); // Hard
      await el.updateComplete;
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[1]!.click(); // Dropout: wrong
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      button(el, /Next/)!.click();
      await el.updateComplete;
      const boxes = el.shadowRoot!.querySelectorAll<HTMLInputElement>('input');
      boxes[0]!.click();
      boxes[1]!.click(); // F1 and recall: right
      await el.updateComplete;
      button(el, 'Check')!.click();
      await waitUntil(() => store.all().length === 3, 'three answers recorded');
      expect(store.get('test-bank', 'overfitting')!.reviews).to.deep.equal([{ at: T0, grade: 'hard' }]);
      expect(store.get('test-bank', 'single')!.reviews).to.deep.equal([{ at: T0, grade: 'again', correct: false }]);
      expect(store.get('test-bank', 'multiple')!.reviews).to.deep.equal([{ at: T0, grade: 'good', correct: true }]);
    });

    it('keeps a grade across a reload: a new store over localStorage still has it', async () => {
      const el = await card(html`<quiz-card .bank=${bank} count="1" progress-key="reload-test"></quiz-card>`);
      press(el, ' ');
      await el.updateComplete;
      press(el, '3');
      await waitUntil(() => ProgressStore.shared('reload-test').get('test-bank', 'overfitting'), 'the grade is recorded');
      el.remove();
      const reloaded = new ProgressStore({ progressKey: 'reload-test' }); // not the shared one: read from storage
      await reloaded.ready;
      const progress = reloaded.get('test-bank', 'overfitting')!;
      expect(progress.reviews.map((r) => r.grade)).to.deep.equal(['good']);
      expect(reloaded.status('test-bank', 'overfitting')).to.equal('learning');
      expect(reloaded.persistent).to.equal(true);
      reloaded.close();
      const again = await card(html`<quiz-card .bank=${bank} count="1" progress-key="reload-test"></quiz-card>`);
      expect(status(again)).to.equal('Learning', 'a card on the reloaded page shows it');
    });

    it('stops following the store once removed, even when its answer is recorded afterwards', async () => {
      const store = memoryStore();
      let following = 0;
      const subscribe = store.subscribe.bind(store);
      store.subscribe = (listener) => {
        following++;
        const stop = subscribe(listener);
        return () => {
          following--;
          return stop();
        };
      };
      const el = await card(html`<quiz-card .bank=${bank} count="1" .progressStore=${store}></quiz-card>`);
      expect(following).to.equal(1);
      press(el, ' ');
      await el.updateComplete;
      press(el, '3');
      el.remove(); // while the answer is still being recorded
      await waitUntil(() => store.get('test-bank', 'overfitting'), 'the answer is recorded');
      // The recording asks the card for an update in the promise jobs after its write: all run one task later, then that update has finished.
      await nextTask();
      await el.updateComplete;
      expect(following).to.equal(0, 'a removed card no longer listens');
      document.body.append(el);
      await el.updateComplete;
      expect(following).to.equal(1, 'and listens again when put back');
      el.remove();
    });

    it('undo takes the recorded answer back, for a grade and for a checked choice', async () => {
      const store = memoryStore();
      const el = await card(html`<quiz-card .bank=${bank} .progressStore=${store}></quiz-card>`);
      press(el, ' ');
      await el.updateComplete;
      press(el, '4');
      await waitUntil(() => store.get('test-bank', 'overfitting')?.reviews.length === 1);
      press(el, 'u');
      await waitUntil(() => store.get('test-bank', 'overfitting')!.reviews.length === 0, 'the review is taken back');
      expect(store.status('test-bank', 'overfitting')).to.equal('new');
      await waitUntil(() => status(el) === 'New' && intervals(el).join() === '1 min,6 min,10 min,8 d', 'the card shows the question as new again');

      press(el, '3');
      await el.updateComplete;
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await waitUntil(() => store.get('test-bank', 'single')?.reviews.length === 1);
      button(el, /^Undo/)!.click();
      await waitUntil(() => store.get('test-bank', 'single')!.reviews.length === 0, 'the check is taken back');
      expect(store.get('test-bank', 'overfitting')!.reviews.map((r) => r.grade)).to.deep.equal(['good'], 'the earlier grade stays');
    });

    it('undo of a step recorded with no-progress takes back nothing else', async () => {
      const store = memoryStore();
      const el = await card(html`<quiz-card .bank=${bank} .progressStore=${store}></quiz-card>`);
      press(el, ' ');
      await el.updateComplete;
      press(el, '3');
      await waitUntil(() => store.get('test-bank', 'overfitting')?.reviews.length === 1);
      el.noProgress = true;
      await el.updateComplete;
      const asked = watchStore(store);
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await el.updateComplete;
      button(el, /^Undo/)!.click();
      await el.updateComplete;
      // The recorder is loaded (the grade above went through it), so recording the check or taking a step back are promise jobs of the clicks: all run one task later, then any store write they began has finished.
      await nextTask();
      await asked.settled();
      expect(asked.calls).to.deep.equal([], 'the store is asked to record or take back nothing');
      expect(store.get('test-bank', 'overfitting')!.reviews.length).to.equal(1, 'the earlier, recorded grade stays');
      expect(store.get('test-bank', 'single')).to.equal(undefined);
    });

    it('two cards sharing a store agree: a grade in one updates the status and intervals of the other', async () => {
      const host = await fixture(html`<div>
        <quiz-card .bank=${bank} count="1" progress-key="two-cards"></quiz-card>
        <quiz-card .bank=${bank} count="1" progress-key="two-cards"></quiz-card>
      </div>`);
      const [a, b] = [...host.querySelectorAll('quiz-card')] as [QuizCard, QuizCard];
      await Promise.all([ready(a), ready(b)]);
      press(b, ' ');
      await waitUntil(() => intervals(b).length === 4);
      expect(intervals(b)[2]).to.equal('10 min');
      press(a, ' ');
      await a.updateComplete;
      press(a, '3');
      await waitUntil(() => status(b) === 'Learning', "the other card's status follows");
      await waitUntil(() => intervals(b)[2] === '2 d', "the other card's Good now means 2 days");
      expect(status(a)).to.equal('Learning');
    });

    it('storage throwing on every call: a whole set still finishes, one polite note for two cards, no page error', async () => {
      const fault = () => new DOMException('The operation is insecure.', 'SecurityError');
      const broken: ProgressStorage = {
        keys: () => { throw fault(); },
        get: () => { throw fault(); },
        set: () => { throw fault(); },
        remove: () => { throw fault(); },
        watch: () => { throw fault(); },
      };
      const page = watchPageErrors();
      try {
        const store = new ProgressStore({ storage: broken, now: () => T0 });
        const host = await fixture(html`<div>
          <quiz-card .bank=${bank} .progressStore=${store}></quiz-card>
          <quiz-card .bank=${bank} question="single" .progressStore=${store}></quiz-card>
        </div>`);
        const [a, b] = [...host.querySelectorAll('quiz-card')] as [QuizCard, QuizCard];
        await Promise.all([ready(a), ready(b)]);
        const shown = notices(a, b);
        expect(shown.length).to.equal(1, 'said once on the page');
        expect(shown[0]!.getAttribute('role')).to.equal('status', 'polite, not an alert');
        expect(shown[0]!.textContent).to.contain("Your progress can't be saved in this browser, so it is kept only until you leave this page.");
        await expect(a).to.be.accessible();
        await playSet(a);
        expect(part(a, 'summary')!.textContent).to.contain('Practice complete');
        await waitUntil(() => part(a, 'schedule')?.textContent!.includes('in 10 minutes'), 'scheduled in memory all the same');
        expect(store.all().length).to.equal(3);
        expect(notices(a, b).length).to.equal(1);
        button(a, 'Dismiss')!.click();
        await a.updateComplete;
        expect(notices(a, b).length).to.equal(0, 'dismissed');
        expect(page.errors).to.deep.equal([]);
      } finally {
        page.stop();
      }
    });

    it('localStorage methods throwing (blocked storage): the set goes on in memory, with the note', async () => {
      const proto = Storage.prototype;
      const saved = { getItem: proto.getItem, setItem: proto.setItem, removeItem: proto.removeItem, key: proto.key };
      const length = Object.getOwnPropertyDescriptor(proto, 'length')!;
      const deny = () => {
        throw new DOMException('Access is denied for this document.', 'SecurityError');
      };
      const page = watchPageErrors();
      let el: QuizCard;
      try {
        Object.assign(proto, { getItem: deny, setItem: deny, removeItem: deny, key: deny });
        Object.defineProperty(proto, 'length', { configurable: true, get: deny });
        el = await card(html`<quiz-card .bank=${bank} count="1" progress-key="blocked-storage"></quiz-card>`);
        press(el, ' ');
        await el.updateComplete;
        press(el, '3');
        await waitUntil(() => ProgressStore.shared('blocked-storage').get('test-bank', 'overfitting'), 'recorded in memory');
      } finally {
        Object.assign(proto, saved);
        Object.defineProperty(proto, 'length', length);
        page.stop();
      }
      expect(notices(el).map((n) => n.textContent)).to.have.length(1);
      expect(notices(el)[0]!.textContent).to.contain('kept only until you leave this page');
      expect(button(el, 'Good')!.getAttribute('aria-pressed')).to.equal('true');
      expect(page.errors).to.deep.equal([]);
    });

    it('storage filling up mid-set: the note appears when it happens', async () => {
      const data = new Map<string, string>();
      let full = false;
      const storage: ProgressStorage = {
        keys: (prefix) => [...data.keys()].filter((k) => k.startsWith(prefix)),
        get: (k) => data.get(k) ?? null,
        set: (k, v) => {
          if (full) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
          data.set(k, v);
        },
        remove: (k) => void data.delete(k),
        watch: () => () => undefined,
      };
      const store = new ProgressStore({ storage, now: () => T0 });
      const el = await card(html`<quiz-card .bank=${bank} .progressStore=${store}></quiz-card>`);
      press(el, ' ');
      await el.updateComplete;
      press(el, '3');
      await waitUntil(() => data.size === 1);
      expect(notices(el).length).to.equal(0, 'nothing to say while saving works');
      full = true;
      el.shadowRoot!.querySelectorAll<HTMLInputElement>('input')[0]!.click();
      await el.updateComplete;
      button(el, 'Check')!.click();
      await waitUntil(() => notices(el).length === 1, 'the note appears');
      expect(notices(el)[0]!.textContent).to.contain("this browser's storage for this site is full");
    });

    it('says once when stored records could not be read and were set aside', async () => {
      localStorage.setItem('quiz-elements/progress/set-aside-test/test-bank/overfitting', '{"v":2,"reviews":[');
      const host = await fixture(html`<div>
        <quiz-card .bank=${bank} count="1" progress-key="set-aside-test"></quiz-card>
        <quiz-card .bank=${bank} question="single" progress-key="set-aside-test"></quiz-card>
      </div>`);
      const cards = [...host.querySelectorAll('quiz-card')] as QuizCard[];
      await Promise.all(cards.map(ready));
      const shown = notices(...cards);
      expect(shown.length).to.equal(1);
      expect(shown[0]!.textContent).to.contain('Some saved progress could not be read and was set aside (kept, not deleted).');
      expect(status(cards[0]!)).to.equal('New', 'the unreadable record is not used');
      expect(Object.keys(localStorage).some((k) => k.startsWith('quiz-elements/set-aside/set-aside-test/'))).to.equal(true);
    });

    it('an answer that cannot be recorded (scheduler chunk failed) leaves a note; the set goes on; the buttons show just the grade', async () => {
      const store = memoryStore();
      store.record = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      store.preview = () => Promise.reject(new TypeError('Failed to fetch dynamically imported module'));
      const asked = watchStore(store);
      const page = watchPageErrors();
      const warn = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args);
      try {
        const el = await card(html`<quiz-card .bank=${bank} .progressStore=${store}></quiz-card>`);
        press(el, ' ');
        await el.updateComplete;
        // Intervals could only come from the store's preview: the card has asked for it, the failure is handled in the promise job after it, then the card renders.
        await waitUntil(() => asked.calls.some((call) => call.startsWith('preview')), 'the card asks when each grade would bring the question back');
        await asked.settled();
        await el.updateComplete;
        expect(intervals(el)).to.deep.equal([]);
        expect(button(el, 'Good')!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Good 3');
        press(el, '3');
        // Recording is a chunk of its own: the note comes once it has tried.
        await waitUntil(() => notices(el)[0]?.textContent?.includes('Your last answer could not be recorded'), 'the learner is told');
        expect(notices(el)).to.have.length(1);
        expect(part(el, 'header')!.textContent).to.contain('2 / 3', 'the set moves on');
        expect(page.errors).to.deep.equal([]);
        expect(warnings.map((args) => args[0])).to.deep.equal(['quiz-elements: an answer could not be recorded'], 'developers see why in the console');
      } finally {
        console.warn = warn;
        page.stop();
      }
    });

    it('no-progress records nothing and shows no schedule', async () => {
      const store = memoryStore();
      const asked = watchStore(store);
      const el = await card(html`<quiz-card .bank=${bank} no-progress .progressStore=${store}></quiz-card>`);
      expect(status(el)).to.equal(null);
      press(el, ' ');
      await el.updateComplete;
      // Previews and recording come from the recorder chunk: once it is here, the card has had its promise jobs to ask the store, any answer has arrived, and the card has rendered.
      await import('./recorder.js');
      await nextTask();
      await asked.settled();
      await el.updateComplete;
      expect(intervals(el)).to.deep.equal([]);
      await playSet(el);
      // Recording the set's answers would have been promise jobs of the answers (the recorder is here): all run one task later, and any write has finished.
      await nextTask();
      await asked.settled();
      expect(part(el, 'schedule')).to.equal(null);
      expect(asked.calls).to.deep.equal([], 'the store is never asked');
      expect(store.all()).to.deep.equal([]);
    });

    it('the summary says when each answered question comes back', async () => {
      const store = memoryStore();
      const el = await card(html`<quiz-card .bank=${bank} lang="en-GB" .progressStore=${store}></quiz-card>`);
      await playSet(el);
      const table = part(el, 'schedule')! as HTMLTableElement;
      await waitUntil(() => !table.textContent!.includes('…'), 'every answer recorded');
      expect(table.caption!.textContent).to.equal('When each question comes back');
      expect([...table.tHead!.querySelectorAll('th')].map((th) => [th.textContent, th.getAttribute('scope')])).to.deep.equal([
        ['Question', 'col'], ['Your answer', 'col'], ['Next review', 'col'],
      ]);
      const rows = [...table.tBodies[0]!.rows].map((row) => [...row.cells].map((cell) => cell.textContent!.trim()));
      const soon = `in 10 minutes (${dateText(T0 + 10 * MINUTE, 'en-GB')})`;
      expect(rows).to.deep.equal([
        ['What is overfitting?', 'Good', soon],
        ['Pick one', 'Right', soon],
        ['Pick all', 'Right', soon],
      ]);
      expect(table.querySelector('time')!.getAttribute('datetime')).to.equal(new Date(T0 + 10 * MINUTE).toISOString());
      await expect(el).to.be.accessible();
    });

    describe('mode="review"', () => {
      const reviewBank: Bank = {
        ...bank,
        id: 'review-bank',
        questions: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'].map((id) => ({
          id, kind: 'concept' as const, title: `Question ${id}`, topics: ['training'], prompt: `Prompt ${id}`, answer: `Answer ${id}`,
        })),
      };
      const title = (el: QuizCard) => part(el, 'title')!.textContent;

      async function storeWith(answers: [string, 'again' | 'hard' | 'good' | 'easy', number][]) {
        const store = memoryStore();
        for (const [id, grade, at] of answers) await store.record('review-bank', id, grade, { at });
        return store;
      }

      it('asks the due questions oldest due first, then new ones up to new-per-day (counting those first answered today)', async () => {
        const store = await storeWith([
          ['r5', 'good', T0 - 5 * DAY], // due since 5 days
          ['r3', 'good', T0 - 3 * DAY], // due since 3 days
          ['r2', 'easy', T0 - 3 * DAY], // due in 5 days
          ['r4', 'easy', T0 - HOUR], // new this morning: one of today's two
        ]);
        const el = await card(html`<quiz-card .bank=${reviewBank} mode="review" new-per-day="2" .progressStore=${store}></quiz-card>`);
        expect(part(el, 'header')!.textContent).to.contain('1 / 3');
        expect(part(el, 'header')!.textContent).to.contain('Review: 2 due, 1 new');
        const seen: (string | null)[] = [];
        for (let i = 0; i < 3; i++) {
          seen.push(title(el));
          seen.push(status(el));
          press(el, 'ArrowRight');
          await el.updateComplete;
        }
        expect(seen).to.deep.equal(['Question r5', 'Due', 'Question r3', 'Due', 'Question r1', 'New']);
        press(el, 'ArrowLeft');
        press(el, 'ArrowLeft');
        await el.updateComplete;
        press(el, ' ');
        await el.updateComplete;
        press(el, '3');
        await waitUntil(() => store.get('review-bank', 'r5')!.reviews.length === 2);
        await el.updateComplete;
        expect(part(el, 'header')!.textContent).to.contain('2 / 3', 'the set stays as it was after a grade');
        expect(title(el)).to.equal('Question r3');
      });

      it('keeps its set and keeps listening when moved in the page', async () => {
        const store = await storeWith([['r3', 'good', T0 - 3 * DAY]]);
        const host = await fixture<HTMLElement>(html`<div><div id="from"><quiz-card .bank=${reviewBank} mode="review" .progressStore=${store}></quiz-card></div><div id="to"></div></div>`);
        const el = host.querySelector('quiz-card')!;
        await ready(el);
        press(el, ' ');
        await el.updateComplete;
        press(el, '3');
        await el.updateComplete;
        expect(part(el, 'header')!.textContent).to.contain('2 / 6');
        host.querySelector('#to')!.append(el);
        await el.updateComplete;
        expect(part(el, 'header')!.textContent).to.contain('2 / 6', 'the same set, at the same place');
        expect(status(el)).to.equal('New');
        await store.record('review-bank', 'r1', 'good');
        await waitUntil(() => status(el) === 'Learning', 'changes still reach the card');
      });

      it('with nothing to review, says why and when the next review is, and follows changes of progress', async () => {
        const store = await storeWith([
          ['r1', 'easy', T0 - 2 * DAY], // easy on a new question: 8 days, so due in 6 days
          ['r2', 'easy', T0 - 2 * DAY],
          ['r3', 'easy', T0 - 2 * DAY],
          ['r5', 'easy', T0 - 2 * DAY],
          ['r4', 'easy', T0 - HOUR], // first answered today: today's one new question
        ]);
        const el = await card(html`<quiz-card .bank=${reviewBank} mode="review" new-per-day="1" lang="en-GB" .progressStore=${store}></quiz-card>`);
        const empty = part(el, 'empty')!;
        expect(empty.querySelector('[role="heading"]')!.textContent).to.equal('Nothing to review now');
        expect(empty.textContent).to.contain("Today's limit of 1 new question is reached. Come back tomorrow for more.");
        expect(empty.textContent).to.contain(`Next review: in 6 days (${dateText(T0 + 6 * DAY, 'en-GB')}).`);
        await expect(el).to.be.accessible();

        await store.undo('review-bank', 'r4', { at: T0 - HOUR, grade: 'easy' }); // e.g. from another card
        await waitUntil(() => part(el, 'title'), 'the review rebuilds: a new question may be asked again');
        expect(title(el)).to.equal('Question r4');
        expect(status(el)).to.equal('New');
      });

      it('all new and no new questions allowed: says so, in English and Chinese', async () => {
        const el = await card(html`<quiz-card .bank=${reviewBank} mode="review" new-per-day="0" .progressStore=${memoryStore()}></quiz-card>`);
        expect(part(el, 'empty')!.textContent).to.contain('All questions here are new, and new questions are turned off (new-per-day is 0).');
        expect(part(el, 'empty')!.textContent).to.not.contain('Next review');
        el.lang = 'zh-CN';
        await el.updateComplete;
        expect(part(el, 'empty')!.textContent).to.contain('现在没有要复习的题目');
        el.newPerDay = 2;
        await el.updateComplete;
        expect(part(el, 'header')!.textContent).to.contain('1 / 2');
      });

      it('waits for the store to be ready, honours topic and kind, and caps with count', async () => {
        const store = await storeWith([['r2', 'good', T0 - DAY]]);
        let release!: () => void;
        const slow = Object.assign(Object.create(store) as ProgressStore, { ready: new Promise<void>((r) => (release = r)) });
        const el = await fixture<QuizCard>(html`<quiz-card .bank=${reviewBank} mode="review" count="2" .progressStore=${slow}></quiz-card>`);
        // A set needs the bank and the review views: both are here, the promise jobs and render after them have run, and the store's ready is still held back.
        await loadSettled(el);
        await progressViewsChunk.load();
        await nextTask();
        await el.updateComplete;
        expect(el.shadowRoot!.querySelector('.skeleton')).to.not.equal(null, 'no set before the store is ready');
        release();
        await ready(el);
        expect(part(el, 'header')!.textContent).to.contain('Review: 1 due, 1 new');
        expect(title(el)).to.equal('Question r2');
        el.kind = 'coding';
        await el.updateComplete;
        expect(part(el, 'error')!.textContent).to.contain('"coding"', 'no coding question: the filter is named');
      });
    });
  });
});
