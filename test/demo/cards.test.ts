/// <reference types="mocha" />
// demo/cards.html: the card gallery (every way to give a card its questions), the catalog listing
// and the markdown importer running in the page.
import { expect, waitUntil } from '@open-wc/testing';
import { cardTitle, describeDemoPage, expectAccessible, shadow, text } from './demo-page.js';

describeDemoPage('cards.html', {
  tests: (page) => {
    it('shows every card with a question, none with an error', () => {
      const cards = [...page().document.querySelectorAll('quiz-card')];
      expect(cards).to.have.length(5);
      for (const card of cards) {
        expect(shadow(card).querySelector('[part~="error"]'), card.outerHTML).to.equal(null);
        expect(cardTitle(card), card.outerHTML).not.to.equal('');
      }
      expect(cardTitle(cards[3]!)).to.equal('Which curve shows overfitting?');
      expect(cardTitle(cards[4]!)).to.equal('What does a learning rate control?');
    });

    it('keeps the language written on a card, whatever the switch says', () => {
      const card = page().document.querySelector('quiz-card[bank="llm-fundamentals"]')!;
      expect(card.getAttribute('lang')).to.equal('zh-CN');
      expect(card.hasAttribute('data-tour-lang')).to.be.false;
    });

    it('lists the bundled banks', async () => {
      const status = page().document.getElementById('catalog-status')!;
      await waitUntil(() => text(status) !== 'Loading the catalog…', 'the catalog did not load');
      expect(text(status)).to.equal('5 banks, 213 questions.');
      expect(page().document.querySelectorAll('#banks details')).to.have.length(5);
    });

    it('imports the pasted markdown in the page', async function () {
      this.timeout(20_000);
      const doc = page().document;
      doc.getElementById('import')!.click();
      const output = doc.getElementById('import-result')!;
      await waitUntil(() => /^Imported|^Import failed/.test(text(output)), 'the import did not finish', { timeout: 10_000 });
      expect(text(output.querySelector('p'))).to.equal('Imported 1 question(s).');
      expect(text(output.querySelector('pre'))).to.contain('"title": "What is overfitting?"');
      await expectAccessible(page(), 'markdown imported');
    });
  },
});
