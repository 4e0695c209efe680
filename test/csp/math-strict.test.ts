/// <reference types="mocha" />
// Math on a strict page (issue 17): in a frame whose policy allows same-origin script only and
// requires Trusted Types for script sinks (then also no inline style), <quiz-card> shows formulas
// as MathML once the math chunk loads, a broken formula as its source with the error style (set
// through CSSOM, which style-src does not block), and the frame reports no violation.
import { expect, waitUntil } from '@open-wc/testing';
import type { Bank } from '../../src/bank/types.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { openStrictFrame, POLICIES, type StrictWindow } from './strict-pages.js';


const bank: Bank = {
  format: 'quiz-bank/1', id: 'strict-math', title: 'Strict math', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [
    {
      id: 'math', kind: 'concept', title: 'Attention', topics: ['t'],
      prompt: 'Scaled dot-product attention, with $d_k$ the key size:\n\n$$\n\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V\n$$\n\nBroken: $\\frac{a}{$',
      answer: 'It keeps $QK^\\top$ from growing with $d_k$.',
    },
  ],
};

for (const [name, page, policy] of POLICIES) {
  describe(`math on a strict page: ${name}`, function () {
    this.timeout(20_000);
    let frame: HTMLIFrameElement;
    let win: StrictWindow;

    before(async () => {
      ({ frame, win } = await openStrictFrame(page));
      expect(win.document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).to.equal(policy);
      if ('trustedTypes' in win) {
        expect(win.tryInnerHtml(), 'Trusted Types are not enforced in the frame').to.equal('blocked');
        // The probe's own violation is reported in a task of its own: wait for it, then start clean.
        await waitUntil(() => win.violations.length > 0, 'no violation reported for innerHTML', { timeout: 5000 });
      }
      win.violations.length = 0;
    });

    after(() => frame.remove());

    it('shows formulas as MathML and a broken one as its source, with no violation', async () => {
      const card = win.document.createElement('quiz-card') as QuizCard;
      card.bank = (win as unknown as typeof globalThis).JSON.parse(JSON.stringify(bank)) as Bank;
      card.setAttribute('no-progress', '');
      win.document.body.append(card);
      try {
        const root = card.shadowRoot!;
        await waitUntil(() => root.querySelector('[part~="prompt"] math mfrac'), 'the prompt did not show its formulas as MathML', { timeout: 10_000 });
        const prompt = root.querySelector('[part~="prompt"]')!;
        expect(prompt.querySelectorAll('math').length, 'inline and display formulas').to.equal(2);
        const block = prompt.querySelector<HTMLElement>('.math-display')!;
        expect(win.getComputedStyle(block).overflowX, 'the display formula scrolls inside itself (CSSOM style)').to.equal('auto');
        const error = prompt.querySelector<HTMLElement>('code.math-error')!;
        expect(error.textContent).to.equal('$\\frac{a}{$');
        expect(win.getComputedStyle(error).textDecorationLine).to.contain('underline');
        await new Promise((resolve) => setTimeout(resolve, 0));
        await new Promise((resolve) => win.requestAnimationFrame(() => resolve(null)));
        expect(win.violations, `violations:\n  ${win.violations.join('\n  ')}\n`).to.deep.equal([]);
      } finally {
        card.remove();
      }
    });
  });
}
