/// <reference types="mocha" />
// demo/blog.html: a blog post whose practice cards sit between its paragraphs, one written in
// markdown, two as inline JSON, one taken from a bundled bank.
import { expect, waitUntil } from '@open-wc/testing';
import { button, cardTitle, describeDemoPage, expectAccessible, shadow, text } from './demo-page.js';

describeDemoPage('blog.html', {
  tests: (page) => {
    it('shows each card with its title, between the paragraphs of the article', () => {
      const article = page().document.querySelector('article')!;
      const cards = [...article.querySelectorAll('quiz-card')];
      expect(cards.map(cardTitle)).to.deep.equal([
        'Why do language models split text into subword tokens?',
        'Why are attention scores divided by √d?',
        'Which curve shows overfitting?',
        '如何防止大模型过拟合？',
      ]);
      for (const card of cards) {
        expect(shadow(card).querySelector('[part~="error"]'), cardTitle(card)).to.equal(null);
        // Prose before each card: the cards are part of the post, not a block after it.
        expect(card.closest('.practice')!.previousElementSibling!.tagName, cardTitle(card)).to.equal('P');
      }
    });

    it('fits the cards into the outline: section headings h2, card titles level 3', () => {
      const article = page().document.querySelector('article')!;
      expect([...article.querySelectorAll('h2')].map(text)).to.include.members(['From text to tokens', 'Attention: every token looks at every other', 'When the model learns the noise']);
      for (const card of article.querySelectorAll('quiz-card')) {
        expect(shadow(card).querySelector('[part~="title"]')!.getAttribute('aria-level')).to.equal('3');
      }
    });

    it('keeps the bank question in its own language inside the English post', () => {
      const card = page().document.querySelector('quiz-card[bank="llm-fundamentals"]')!;
      expect(shadow(card).querySelector('[part~="title"]')!.closest('[lang]')!.getAttribute('lang')).to.equal('zh-CN');
      expect(text(button(shadow(card), 'Show answer'))).to.match(/^Show answer/);
    });

    it('checks a choice question of the post and gives its feedback', async () => {
      const card = [...page().document.querySelectorAll('quiz-card')].find((c) => cardTitle(c) === 'Which curve shows overfitting?')!;
      const root = shadow(card);
      const choice = [...root.querySelectorAll<HTMLLabelElement>('[part~="choice"]')].find((c) => text(c) === 'It stops falling and starts to rise')!;
      choice.querySelector('input')!.click();
      await waitUntil(() => !button(root, 'Check').disabled, 'Check stayed disabled');
      button(root, 'Check').click();
      await waitUntil(() => root.querySelector('[part~="feedback"]'), 'no feedback');
      expect(text(root.querySelector('[part~="feedback"]'))).to.match(/^Correct/);
      const chosen = [...root.querySelectorAll('[part~="choice"]')].find((c) => text(c).startsWith('It stops falling'))!;
      expect(text(chosen)).to.contain('The gap between the curves is the overfitting.');
      await expectAccessible(page(), 'a choice question checked');
    });

    it('shows the answer of the markdown card', async () => {
      const card = page().document.querySelector('quiz-card[answer-box]')!;
      button(shadow(card), 'Show answer').click();
      await waitUntil(() => shadow(card).querySelector('[part~="answer"]'), 'no answer');
      expect(text(shadow(card).querySelector('[part~="answer"]'))).to.contain('Subwords keep the vocabulary small');
    });
  },
});
