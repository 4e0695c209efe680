/// <reference types="mocha" />
// demo/types.html: one card per question type, in English and Chinese, from the demo banks that
// are written in the importer's markdown; answered by a learner in each engine, axe after checks.
import { expect, waitUntil } from '@open-wc/testing';
import type { Bank } from '../../src/bank/types.js';
import type { QuizAnswerEvent } from '../../src/events/quiz-answer.js';
import { importMarkdown } from '../../src/import/index.js';
import { cardTitle, describeDemoPage, expectAccessible, shadow, text, type DemoPage } from './demo-page.js';

/** Question id → what shows that the card asks it its own way. */
const CONTROLS: Record<string, string> = {
  token: 'button.primary',
  tokenizer: '[part~="choices"] input[type="radio"]',
  'trained-weights': '[part~="choices"] input[type="checkbox"]',
  'one-token-per-word': '.true-false button',
  'attention-blanks': '[part~="prompt"] input.blank',
  vocabulary: '.fill-in input.blank',
  'context-words': '.numeric input',
  'next-token-steps': 'ol.ordering .handle',
  'model-parts': '.matching select',
};

const BANKS = [
  { markdown: 'question-types.md', json: 'question-types.json', lang: 'en' },
  { markdown: 'question-types.zh-CN.md', json: 'question-types-zh.json', lang: 'zh-CN' },
];

async function fetchBank(file: string): Promise<Bank> {
  return (await fetch(`/demo/banks/${file}`)).json();
}

/** The card of the gallery asking `question` from the bank in `lang`. */
function cardOf(page: DemoPage, question: string, lang: 'en' | 'zh-CN' = 'en'): HTMLElement {
  const cards = [...page.document.querySelectorAll<HTMLElement>(`quiz-card[question="${question}"]`)];
  return cards.find((card) => (card.getAttribute('src') ?? '').includes('-zh') === (lang === 'zh-CN'))!;
}

function feedback(card: HTMLElement): string {
  return text(shadow(card).querySelector('[part~="feedback"] .result'));
}

function checkButton(card: HTMLElement): HTMLButtonElement {
  return [...shadow(card).querySelectorAll('button')].find((b) => /^(Check|检查)$/.test(text(b)))!;
}

/** Types into a field of the card as a learner would (the view listens to `input`), and lets the card render. */
async function type(card: HTMLElement, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  await (card as HTMLElement & { updateComplete: Promise<boolean> }).updateComplete;
}

/** Checks and returns the `quiz-answer` detail once the verdict shows. */
async function check(card: HTMLElement): Promise<QuizAnswerEvent['detail']> {
  const answered = new Promise<QuizAnswerEvent['detail']>((resolve) => card.addEventListener('quiz-answer', (e) => resolve((e as QuizAnswerEvent).detail), { once: true }));
  await waitUntil(() => checkButton(card) && !checkButton(card).disabled, 'Check stayed disabled');
  checkButton(card).click();
  const detail = await answered;
  await waitUntil(() => feedback(card), 'no verdict shown');
  return detail;
}

describe('demo/banks: the question-types banks', () => {
  for (const { markdown, json } of BANKS) {
    it(`${json} is what the importer makes of ${markdown}, with every type and no warning`, async () => {
      const source = await (await fetch(`/demo/banks/${markdown}`)).text();
      const imported = importMarkdown(source, { file: markdown });
      expect(imported.diagnostics, JSON.stringify(imported.diagnostics)).to.deep.equal([]);
      expect(imported.bank).to.deep.equal(await fetchBank(json));
      const types = imported.bank!.questions.map((q) => q.type ?? (q.choices ? 'choice' : 'open'));
      expect(new Set(types)).to.deep.equal(new Set(['open', 'choice', 'true-false', 'fill-in', 'numeric', 'ordering', 'matching']));
    });
  }
});

describeDemoPage('types.html', {
  tests: (page) => {
    it('asks every question of both banks, each in its own way, with its title', async () => {
      for (const { json, lang } of BANKS) {
        const bank = await fetchBank(json);
        for (const question of bank.questions) {
          const card = cardOf(page(), question.id, lang as 'en' | 'zh-CN');
          expect(card, `${json} ${question.id}`).to.exist;
          expect(shadow(card).querySelector('[part~="error"]'), question.id).to.equal(null);
          expect(cardTitle(card)).to.equal(question.title);
          expect(shadow(card).querySelector(CONTROLS[question.id]!), `${lang} ${question.id}: ${CONTROLS[question.id]}`).not.to.equal(null);
        }
      }
    });

    it('keeps the Chinese cards Chinese, and asks a type it does not know as a flashcard', () => {
      const chinese = cardOf(page(), 'one-token-per-word', 'zh-CN');
      expect(chinese.getAttribute('lang')).to.equal('zh-CN');
      expect(text(shadow(chinese).querySelector('.true-false'))).to.contain('正确').and.to.contain('错误');
      const unknown = page().document.querySelector('#unknown quiz-card')!;
      expect(cardTitle(unknown)).to.equal('Where is the encoder?');
      expect(text(shadow(unknown).querySelector('button.primary'))).to.match(/^Show answer/);
    });

    it('true/false: F answers from the keyboard, Check says Correct and shows the explanation', async () => {
      const card = cardOf(page(), 'one-token-per-word');
      const button = shadow(card).querySelector<HTMLButtonElement>('.true-false button')!;
      button.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', bubbles: true, composed: true }));
      await waitUntil(() => shadow(card).querySelectorAll('.true-false button')[1]!.getAttribute('aria-pressed') === 'true', 'F did not choose False');
      const detail = await check(card);
      expect(detail).to.deep.include({ bankId: 'question-types', questionId: 'one-token-per-word', type: 'true-false', response: false, score: 1, correct: true });
      expect(feedback(card)).to.equal('Correct.');
      expect(text(shadow(card).querySelector('[part~="explanation"]'))).to.contain('Rare words become several tokens');
    });

    it('fill-in: one blank of two right is partly right, and the other blank shows its answer', async () => {
      const card = cardOf(page(), 'attention-blanks');
      const [first, second] = [...shadow(card).querySelectorAll<HTMLInputElement>('input.blank')];
      await type(card, first!, 'query');
      await type(card, second!, 'value');
      const detail = await check(card);
      expect(detail).to.deep.include({ type: 'fill-in', score: 0.5, correct: false });
      expect(detail.response).to.deep.equal(['query', 'value']);
      expect(feedback(card)).to.equal('Partly right (50%). The correct answer is marked.');
      expect(text(shadow(card).querySelector('[part~="prompt"]'))).to.contain('key');
    });

    it('numeric: a decimal comma and the unit are accepted within the tolerance', async () => {
      const card = cardOf(page(), 'context-words');
      await type(card, shadow(card).querySelector<HTMLInputElement>('.numeric input')!, '6200,5 words');
      const detail = await check(card);
      expect(detail).to.deep.include({ type: 'numeric', response: '6200,5 words', score: 1, correct: true });
      expect(feedback(card)).to.equal('Correct.');
    });

    it('short answer: a wrong word is wrong, and the accepted answer is shown', async () => {
      const card = cardOf(page(), 'vocabulary');
      await type(card, shadow(card).querySelector<HTMLInputElement>('input.blank')!, 'dictionary');
      const detail = await check(card);
      expect(detail).to.deep.include({ type: 'fill-in', score: 0, correct: false });
      expect(feedback(card)).to.match(/^Not quite\./);
      expect(text(shadow(card).querySelector('.fill-in'))).to.contain('vocabulary');
    });

    it('ordering: the Move buttons put the steps in order', async () => {
      const card = cardOf(page(), 'next-token-steps');
      const bank = await fetchBank('question-types.json');
      const items = bank.questions.find((q) => q.id === 'next-token-steps')!.items!;
      // Move each step up to its place, first step first, with the buttons a learner would press.
      for (const [place, item] of items.entries()) {
        for (;;) {
          const rows = [...shadow(card).querySelectorAll('ol.ordering li')];
          const at = rows.findIndex((row) => text(row.querySelector('.item')) === item);
          if (at === place) break;
          shadow(card).querySelector<HTMLButtonElement>(`button[aria-label="Move up: ${item}"]`)!.click();
          await waitUntil(() => text(shadow(card).querySelectorAll('ol.ordering li')[at - 1]?.querySelector('.item')) === item, `${item} did not move up`);
        }
      }
      const detail = await check(card);
      expect(detail).to.deep.include({ type: 'ordering', score: 1, correct: true });
      expect(detail.response).to.deep.equal([0, 1, 2, 3, 4]);
    });

    it('matching in Chinese: the distractor chosen for one row is partly right, in the card’s language', async () => {
      const card = cardOf(page(), 'model-parts', 'zh-CN');
      const choose = async (row: number, words: string) => {
        const select = shadow(card).querySelectorAll<HTMLSelectElement>('.matching select')[row]!;
        select.value = [...select.options].find((option) => option.text.includes(words))!.value;
        select.dispatchEvent(new Event('change', { bubbles: true }));
        await waitUntil(() => shadow(card).querySelectorAll<HTMLSelectElement>('.matching select')[row]!.value === select.value, 'the choice did not stay');
      };
      await choose(0, '切分');
      await choose(1, '保存训练数据');
      await choose(2, '概率');
      const detail = await check(card);
      expect(detail).to.deep.include({ bankId: 'question-types-zh', type: 'matching', correct: false });
      expect(detail.score).to.be.closeTo(2 / 3, 0.001);
      expect(feedback(card)).to.match(/^部分正确（67%）/);
      expect(text(shadow(card).querySelectorAll('.matching .row')[1])).to.contain('把每个词元变成向量');
    });

    it('passes axe with every kind of verdict on the page', async function () {
      this.timeout(30_000);
      await expectAccessible(page(), 'checked: right, partly right, wrong');
    });
  },
});
