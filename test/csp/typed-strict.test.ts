/// <reference types="mocha" />
// Typed questions on a strict page: a frame whose Content-Security-Policy allows same-origin script
// only and requires Trusted Types for script sinks shows each question type in <quiz-card> (its
// view a lazy chunk, its styles adopted as a constructable style sheet), takes an answer, checks
// it and undoes the check, and the frame reports no CSP or Trusted Types violation. The policy is
// the one README "Strict pages" documents, then one stricter still (no inline style, nothing
// from other origins, no <base>); each frame is a page of this folder with the policy in a meta element.
import { expect, waitUntil } from '@open-wc/testing';
import type { Bank, Question } from '../../src/bank/types.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { button, part } from '../harness/quiz-card.js';
import { openStrictFrame, POLICIES, type StrictWindow } from './strict-pages.js';


// Markdown with a highlighted code block in every prompt: the renderer's templates and the
// highlighter's chunk go through the policy too.
const CODE = '\n\n```python\nprint("hi")\n```';
const q = (over: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => ({ kind: 'concept', title: over.id, topics: ['t'], prompt: `Is **this** right?${CODE}`, answer: 'Answer.', ...over });
const bank: Bank = {
  format: 'quiz-bank/1', id: 'strict-typed', title: 'Strict', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [
    q({ id: 'true-false', type: 'true-false', isTrue: true }),
    q({ id: 'fill-in', type: 'fill-in', prompt: `**Paris** is the capital of ___.${CODE}`, blanks: [{ accept: ['France'] }] }),
    q({ id: 'numeric', type: 'numeric', numeric: { value: 9.81, tolerance: 0.05, unit: 'm/s²' } }),
    q({ id: 'ordering', type: 'ordering', items: ['**one**', 'two', 'three'] }),
    q({ id: 'matching', type: 'matching', pairs: [{ left: '**BERT**', right: 'Google' }, { left: 'LLaMA', right: 'Meta' }], distractors: ['OpenAI'] }),
  ],
};

type Answer = (root: ShadowRoot, card: QuizCard) => Promise<void>;

const typeInto = (input: HTMLInputElement, value: string) => {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
};

/** How a learner answers each type, and an element its view's own style sheet styles (with the property it sets). */
const TYPES: Record<string, { answer: Answer; styled: [selector: string, property: string, unstyled: string] }> = {
  'true-false': {
    answer: async (_root, card) => button(card, 'True')!.click(),
    styled: ['.true-false', 'display', 'block'],
  },
  'fill-in': {
    answer: async (root) => typeInto(root.querySelector<HTMLInputElement>('input.blank')!, 'France'),
    styled: ['input.blank', 'min-width', 'auto'],
  },
  numeric: {
    answer: async (root) => typeInto(root.querySelector<HTMLInputElement>('#numeric')!, '9,8 m/s²'),
    styled: ['.numeric-row', 'display', 'block'],
  },
  ordering: {
    answer: async (root) => root.querySelectorAll<HTMLButtonElement>('.ordering button.step')[1]!.click(),
    styled: ['.ordering', 'display', 'block'],
  },
  matching: {
    answer: async (root, card) => {
      for (const select of root.querySelectorAll('select')) {
        select.value = [...select.options].find((option) => option.textContent === (select.getAttribute('aria-label') === 'BERT' ? 'Google' : 'Meta'))!.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await card.updateComplete;
      }
    },
    styled: ['.matching', 'display', 'block'],
  },
};

for (const [name, page, policy] of POLICIES) {
  describe(`typed questions on a strict page: ${name}`, function () {
    this.timeout(20_000);
    let frame: HTMLIFrameElement;
    let win: StrictWindow;

    before(async () => {
      ({ frame, win } = await openStrictFrame(page));
      expect(win.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content'), `the policy of ${page}`).to.equal(policy);
      expect(win.violations, 'loading the frame').to.deep.equal([]);
    });

    after(() => frame.remove());

    it('the policy is in force: eval is blocked and reported', async () => {
      // Every other way to run a string or load a plugin is a Trusted Types sink as well; eval is blocked by script-src alone.
      expect(() => (win as unknown as typeof globalThis).eval('1 + 1'), 'eval ran').to.throw();
      await waitUntil(() => win.violations.length > 0, 'no violation reported for eval', { timeout: 5000 });
      expect(win.violations.join('\n')).to.match(/^(script-src|require-trusted-types-for)/m);
      win.violations.length = 0;
    });

    it('Trusted Types are enforced where the engine has them: a string to innerHTML is blocked and reported', async function () {
      if (!('trustedTypes' in win)) this.skip();
      expect(win.tryInnerHtml()).to.equal('blocked');
      await waitUntil(() => win.violations.length > 0, 'no violation reported for innerHTML', { timeout: 5000 });
      expect(win.violations[0]).to.match(/^require-trusted-types-for/);
      win.violations.length = 0;
    });

    for (const [type, { answer, styled }] of Object.entries(TYPES)) {
      it(`${type}: shown with its styles, answered, checked and undone, with no violation`, async () => {
        win.violations.length = 0;
        const card = win.document.createElement('quiz-card') as QuizCard;
        // A bank of the frame's own realm, as the frame's page would have parsed it.
        card.bank = (win as unknown as typeof globalThis).JSON.parse(JSON.stringify(bank)) as Bank;
        card.setAttribute('question', type);
        card.setAttribute('no-progress', '');
        win.document.body.append(card);
        try {
          const root = card.shadowRoot!;
          await waitUntil(() => root.querySelector('.interaction') && root.querySelector('.hljs-built_in, .hljs-string'), `the ${type} view (or its highlighted code) did not show`, { timeout: 10_000 });
          await card.updateComplete;
          expect(root.querySelector('[part~="prompt"] strong, .interaction strong'), 'the prompt or items lost their markdown').to.not.equal(null);
          const [selector, property, unstyled] = styled;
          const element = root.querySelector(selector);
          expect(element, `${selector} is not shown`).to.not.equal(null);
          expect(win.getComputedStyle(element!).getPropertyValue(property), `the view's style sheet does not style ${selector}`).to.not.equal(unstyled);

          await answer(root, card);
          await card.updateComplete;
          const check = button(card, /^Check$/);
          expect(check?.disabled, 'Check is not enabled by the answer').to.equal(false);
          check!.click();
          await card.updateComplete;
          expect(part(card, 'feedback')?.textContent, 'Check shows no verdict').to.match(/Correct|Not quite|Partly right/);
          button(card, /^Undo/)!.click();
          await card.updateComplete;
          expect(part(card, 'feedback') === null, 'Undo leaves the verdict').to.equal(true);
          // Violations are reported in a task of their own.
          await new Promise((resolve) => setTimeout(resolve, 0));
          await new Promise((resolve) => win.requestAnimationFrame(() => resolve(null)));
          expect(win.violations, `violations while asking ${type}:\n  ${win.violations.join('\n  ')}\n`).to.deep.equal([]);
        } finally {
          card.remove();
        }
      });
    }
  });
}
