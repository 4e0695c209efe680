/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import type { Bank } from '../bank/types.js';
import './question-browser/question-browser.js';
import './quiz-card/quiz-card.js';
import './topic-list/topic-list.js';
import type { QuestionBrowser } from './question-browser/question-browser.js';
import type { QuizCard } from './quiz-card/quiz-card.js';
import type { TopicList } from './topic-list/topic-list.js';
import { part, ready as cardReady } from '../../test/harness/quiz-card.js';
import { ready as listReady, root as listRoot } from '../../test/harness/topic-list.js';
import { openCard, ready as browserReady, rows } from '../../test/harness/question-browser.js';

const bankIn = (language: string, title: string, topic: string): Bank => ({
  format: 'quiz-bank/1',
  id: `fonts-${language.toLowerCase()}`,
  title: 'Fonts',
  language,
  topics: [{ id: 't', title: topic }],
  questions: [{ id: 'q', kind: 'concept', title, topics: ['t'], prompt: 'p', answer: 'a' }],
});
const zhCN = bankIn('zh-CN', '什么是过拟合', '训练');
const zhTW = bankIn('zh-TW', '什麼是過擬合', '訓練');
const en = bankIn('en', 'What is overfitting?', 'Training');
const ja = bankIn('ja', '過学習とは', '学習');

/** The families of an element's computed font-family, unquoted (engines quote them differently). */
const families = (el: Element): string[] =>
  getComputedStyle(el)
    .fontFamily.split(',')
    .map((family) => family.trim().replace(/^["']|["']$/g, ''));

/** `el` (made by `template`) inside a box whose font is `font`: the page's font, to the element, which reads it on connecting. */
async function inBox<T extends HTMLElement>(font: string, template: ReturnType<typeof html>): Promise<T> {
  const box = await fixture<HTMLDivElement>(html`<div>${template}</div>`);
  box.style.fontFamily = font;
  const el = box.firstElementChild as T;
  box.append(el);
  return el;
}

async function topicList(font: string, lang: string, ...banks: Bank[]): Promise<TopicList> {
  const el = await inBox<TopicList>(font, html`<topic-list lang=${lang} .banks=${banks} no-progress></topic-list>`);
  await listReady(el);
  return el;
}

/** The title of the topic of `bank` in `el` (it carries the bank's language). */
const topicTitle = (el: TopicList, bank: Bank) => [...listRoot(el).querySelectorAll('[part~="title"]')].find((title) => title.textContent!.includes(bank.topics[0]!.title))!;
const base = (el: TopicList) => listRoot(el).querySelector('[part~="base"]')!;

describe('Chinese fonts after the page font', () => {
  it('gives Chinese text the page fonts first, then Chinese fonts, then the generic family', async () => {
    const el = await topicList('Georgia, "Page Sans", sans-serif', 'zh-CN', zhCN);
    const title = families(topicTitle(el, zhCN));
    expect(title.slice(0, 3)).to.deep.equal(['Georgia', 'Page Sans', 'PingFang SC']);
    expect(title).to.include('Microsoft YaHei').and.include('Noto Sans CJK SC').and.include('WenQuanYi Micro Hei');
    expect(title.at(-1)).to.equal('sans-serif');
    // The Chinese UI around it too.
    expect(families(base(el))[2]).to.equal('PingFang SC');
  });

  it('gives Traditional Chinese text Traditional Chinese fonts', async () => {
    const el = await topicList('"Page Sans", sans-serif', 'zh-TW', zhTW);
    const title = families(topicTitle(el, zhTW));
    expect(title.slice(0, 2)).to.deep.equal(['Page Sans', 'PingFang TC']);
    expect(title).to.include('Microsoft JhengHei').and.not.include('PingFang SC');
  });

  it('leaves English and Japanese text in the page font, also in a Chinese list, and gives a serif page serif Chinese fonts', async () => {
    const el = await topicList('"Page Serif", serif', 'zh-CN', zhCN, en, ja);
    expect(families(topicTitle(el, en))).to.deep.equal(['Page Serif', 'serif']);
    expect(families(topicTitle(el, ja))).to.deep.equal(['Page Serif', 'serif']);
    expect(families(topicTitle(el, zhCN))).to.include('Songti SC').and.not.include('PingFang SC');
    const english = await topicList('"Page Sans", sans-serif', 'en', ja);
    expect(families(base(english))).to.deep.equal(['Page Sans', 'sans-serif']);
  });

  it("takes a font the page sets on the element itself, not only its parent's", async () => {
    const el = await topicList('"Parent Sans", sans-serif', 'zh-CN', zhCN, en);
    el.style.fontFamily = '"Own Sans", sans-serif';
    // Read on connecting: connect it again.
    el.parentElement!.append(el);
    await el.updateComplete;
    expect(families(topicTitle(el, zhCN)).slice(0, 2)).to.deep.equal(['Own Sans', 'PingFang SC']);
    expect(families(topicTitle(el, en))).to.deep.equal(['Own Sans', 'sans-serif']);
  });

  it('leaves the page stack to Japanese and Simplified text in a topic list inside a Traditional Chinese browser', async () => {
    const browser = await inBox<QuestionBrowser>('"Page Sans", sans-serif', html`<question-browser lang="zh-TW" .banks=${[zhCN, ja]} no-progress></question-browser>`);
    await browserReady(browser);
    const inner = browser.shadowRoot!.querySelector<TopicList>('topic-list')!;
    await listReady(inner);
    expect(families(topicTitle(inner, ja))).to.deep.equal(['Page Sans', 'sans-serif']);
    expect(families(topicTitle(inner, zhCN)).slice(0, 2)).to.deep.equal(['Page Sans', 'PingFang SC']);
  });

  it('uses --quiz-font-family as it is when the page sets it', async () => {
    const el = await topicList('"Page Sans", sans-serif', 'zh-CN', zhCN);
    el.style.setProperty('--quiz-font-family', '"Brand Sans", "Brand CJK", sans-serif');
    expect(families(topicTitle(el, zhCN))).to.deep.equal(['Brand Sans', 'Brand CJK', 'sans-serif']);
    expect(families(base(el))).to.deep.equal(['Brand Sans', 'Brand CJK', 'sans-serif']);
  });

  it("gives the browser's rows and its open card the Chinese fonts, and leaves a card on its own in the page font", async () => {
    const browser = await inBox<QuestionBrowser>('"Page Sans", sans-serif', html`<question-browser lang="zh-CN" .banks=${[zhCN]} no-progress></question-browser>`);
    await browserReady(browser);
    const rowTitle = rows(browser)[0]!.querySelector('[part~="result-title"]')!;
    expect(families(rowTitle).slice(0, 2)).to.deep.equal(['Page Sans', 'PingFang SC']);
    rows(browser)[0]!.click();
    await browserReady(browser);
    const card = await openCard(browser);
    expect(families(part(card, 'title')!).slice(0, 2)).to.deep.equal(['Page Sans', 'PingFang SC']);
    const alone = await inBox<QuizCard>('"Page Sans", sans-serif', html`<quiz-card lang="zh-CN" .bank=${zhCN} no-progress></quiz-card>`);
    await cardReady(alone);
    expect(families(part(alone, 'title')!)).to.deep.equal(['Page Sans', 'sans-serif']);
  });
});
