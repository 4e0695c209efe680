/// <reference types="mocha" />
// The frame every demo page shares (demo/tour.ts): the language switch of the elements, kept across
// the pages of the tour; and the page checks themselves (axe in the page really reports).
import { expect, waitUntil } from '@open-wc/testing';
import { LANGUAGE_KEY } from '../../demo/tour-pages.js';
import { axeViolations, button, openDemoPage, shadow, text, type DemoPage } from './demo-page.js';

function languageButton(page: DemoPage, label: string): HTMLButtonElement {
  return [...page.document.querySelectorAll<HTMLButtonElement>('.language-switch button')].find((b) => text(b) === label)!;
}

describe('demo tour: language switch', () => {
  const pages: DemoPage[] = [];
  afterEach(() => {
    for (const page of pages.splice(0)) page.close();
  });
  after(() => localStorage.removeItem(LANGUAGE_KEY));

  it('switches the UI of every element of the page, not the page text', async function () {
    this.timeout(30_000);
    const page = await openDemoPage('course.html');
    pages.push(page);
    const card = page.document.querySelector('quiz-card')!;
    const list = page.document.querySelector('topic-list')!;
    expect(languageButton(page, 'English').getAttribute('aria-pressed')).to.equal('true');
    expect(text(button(shadow(card), /^Show answer/))).to.match(/^Show answer/);

    languageButton(page, '中文').click();
    await waitUntil(() => shadow(card).querySelector('button.primary') && text(shadow(card).querySelector('button.primary')).startsWith('显示答案'), 'the card stayed English');
    expect(text(shadow(list).querySelector('[part~="label"]'))).to.equal('主题');
    expect(languageButton(page, '中文').getAttribute('aria-pressed')).to.equal('true');
    expect(languageButton(page, 'English').getAttribute('aria-pressed')).to.equal('false');
    expect(page.document.documentElement.lang).to.equal('en');
    expect(text(page.document.querySelector('h1'))).to.equal('Practice by topic: large-model fundamentals');
  });

  it('keeps the choice on the next page of the tour', async function () {
    this.timeout(30_000);
    localStorage.setItem(LANGUAGE_KEY, 'zh-CN');
    const page = await openDemoPage('blog.html', { resetLanguage: false });
    pages.push(page);
    for (const card of page.document.querySelectorAll('quiz-card')) expect(card.getAttribute('lang')).to.equal('zh-CN');
    expect(languageButton(page, '中文').getAttribute('aria-pressed')).to.equal('true');

    languageButton(page, 'English').click();
    expect(localStorage.getItem(LANGUAGE_KEY)).to.equal('en');
    for (const card of page.document.querySelectorAll('quiz-card')) expect(card.getAttribute('lang')).to.equal('en');
  });

  it('gives elements a page adds later the chosen language', async function () {
    this.timeout(30_000);
    const page = await openDemoPage('url.html');
    pages.push(page);
    languageButton(page, '中文').click();
    page.document.querySelector<HTMLButtonElement>('button[data-url="/data/schema/bank.schema.json"]')!.click();
    await waitUntil(() => shadow(page.document.querySelector('#result > quiz-card')).querySelector('[part~="error"]'), 'no error shown', { timeout: 10_000 });
    const card = page.document.querySelector('#result > quiz-card')!;
    expect(card.getAttribute('lang')).to.equal('zh-CN');
    expect(text(shadow(card).querySelector('[part~="error"]'))).to.contain('bank.schema.json');
    expect(text(shadow(card).querySelector('[part~="error"]'))).not.to.contain('is not a question bank');
  });
});

describe('demo tour: page checks', () => {
  it('axe run in a demo page reports a violation there (so the page checks cannot pass vacuously)', async function () {
    this.timeout(30_000);
    const page = await openDemoPage('url.html');
    try {
      page.document.querySelector('main')!.append(page.document.createElement('button'));
      const violations = await axeViolations(page);
      expect(violations.some((v) => v.startsWith('button-name'))).to.be.true;
    } finally {
      page.close();
    }
  });
});
