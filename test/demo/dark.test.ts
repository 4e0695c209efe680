/// <reference types="mocha" />
// demo/dark.html: a dark page whose elements are dark too (theme="dark", and a palette of --quiz-*
// custom properties), with readable contrast everywhere, code highlighting included.
import { expect, waitUntil } from '@open-wc/testing';
import { button, contrastRatio, describeDemoPage, expectAccessible, shadow, type DemoPage } from './demo-page.js';

/** Text colour and background of an element, as computed in its page. */
function colours(page: DemoPage, element: Element): { color: string; background: string } {
  const style = page.window.getComputedStyle(element);
  return { color: style.color, background: style.backgroundColor };
}

function luminanceOf(colour: string): number {
  // Contrast against black, turned back into the relative luminance of the colour.
  return contrastRatio(colour, 'rgb(0, 0, 0)') * 0.05 - 0.05;
}

describeDemoPage('dark.html', {
  tests: (page) => {
    it('is a dark page with light text, whatever the system prefers', () => {
      const doc = page().document;
      const background = page().window.getComputedStyle(doc.documentElement).backgroundColor;
      const { color } = colours(page(), doc.body);
      expect(luminanceOf(background)).to.be.below(0.05);
      expect(contrastRatio(color, background)).to.be.at.least(7);
      const link = doc.querySelector('main a, .site-footer a')!;
      expect(contrastRatio(colours(page(), link).color, background)).to.be.at.least(4.5);
    });

    it('gives every element a dark surface with readable text', () => {
      const doc = page().document;
      const boxes: [string, Element][] = [
        ['theme="dark" card', shadow(doc.getElementById('dark-card')).querySelector('[part~="card"]')!],
        ['question browser', shadow(doc.getElementById('dark-browser')).querySelector('[part~="base"]')!],
        ['palette card', shadow(doc.getElementById('midnight-card')).querySelector('[part~="card"]')!],
      ];
      for (const [name, box] of boxes) {
        const { color, background } = colours(page(), box);
        expect(luminanceOf(background), `${name} background ${background}`).to.be.below(0.05);
        expect(contrastRatio(color, background), `${name}: ${color} on ${background}`).to.be.at.least(7);
      }
    });

    it('uses the custom palette on the restyled card', () => {
      const card = shadow(page().document.getElementById('midnight-card')).querySelector('[part~="card"]')!;
      const { color, background } = colours(page(), card);
      expect(background).to.equal('rgb(16, 25, 43)'); // --quiz-bg: #10192b
      expect(color).to.equal('rgb(231, 236, 245)'); // --quiz-fg: #e7ecf5
    });

    it('shows the highlighted code of the answer in dark colours, readable', async function () {
      this.timeout(20_000);
      const root = shadow(page().document.getElementById('dark-card'));
      button(root, 'Show answer').click();
      await waitUntil(() => root.querySelector('[part~="answer"] .hljs-keyword'), 'the answer code was not highlighted', { timeout: 10_000 });
      const code = root.querySelector('[part~="answer"] pre')!;
      const codeBackground = colours(page(), code).background;
      expect(luminanceOf(codeBackground)).to.be.below(0.05);
      const keyword = root.querySelector('[part~="answer"] .hljs-keyword')!;
      expect(contrastRatio(colours(page(), keyword).color, codeBackground)).to.be.at.least(4.5);
      await expectAccessible(page(), 'answer with code shown');
    });

    it('question-browser: aria-activedescendant names a rendered row, also while the browser is off-screen', () => {
      const root = shadow(page().document.getElementById('dark-browser'));
      const results = root.querySelector('[part~="results"]')!;
      const active = results.getAttribute('aria-activedescendant');
      if (active) expect(root.getElementById(active), `#${active}`).to.exist;
    });
  },
});
