/// <reference types="mocha" />
// Server-rendered cards (quiz-elements/ssr) in a real browser: what a reader sees before any
// script (the question, the choices, an answer that opens with a native <details>), axe on it,
// then the card taking over in place: nothing below it moves (layout shift 0), an answer the
// reader opened stays open, and the card works. Pages come from test/ssr/page.ts.
import { expect, waitUntil } from '@open-wc/testing';
import type { QuizCard } from '../elements/quiz-card/quiz-card.js';

interface SsrWindow extends Window {
  loadQuizElements(): Promise<unknown>;
  shifts: number;
  PerformanceObserver: typeof PerformanceObserver;
  axe?: { run(context: Element, options: object): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
}

/** axe-core's violations for `element`, run inside the page's own window (axe checks the document it is loaded in). */
async function axeViolations(win: SsrWindow, element: Element): Promise<string[]> {
  if (!win.axe) {
    const script = win.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const loaded = new Promise((resolve, reject) => Object.assign(script, { onload: resolve, onerror: reject }));
    win.document.head.append(script);
    await loaded;
  }
  const { violations } = await win.axe!.run(element, { resultTypes: ['violations'] });
  return violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function openPage(fixture: string, tag = 'quiz-card'): Promise<{ frame: HTMLIFrameElement; win: SsrWindow; card: QuizCard }> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '700px', height: '900px', border: '0' });
  frame.src = `/__ssr/${fixture}.html`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow as SsrWindow;
  // Layout shifts, where the engine reports them (Chromium).
  win.shifts = 0;
  if (PerformanceObserver.supportedEntryTypes?.includes('layout-shift')) {
    new win.PerformanceObserver((list: PerformanceObserverEntryList) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) win.shifts += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  }
  return { frame, win, card: win.document.querySelector(tag) as QuizCard };
}

const text = (card: Element) => card.shadowRoot!.textContent!.replace(/\s+/g, ' ');
const frameCleanup: HTMLIFrameElement[] = [];
afterEach(() => frameCleanup.splice(0).forEach((frame) => frame.remove()));

/** Loads quiz-elements in the page and waits until the card shows its own Show answer button or choices. */
async function takeOver(win: SsrWindow, card: QuizCard): Promise<void> {
  await win.loadQuizElements();
  await waitUntil(() => !card.shadowRoot!.querySelector('.static-answer, [data-server]') && card.shadowRoot!.querySelector('button, input'), 'the card did not take over', { timeout: 10_000 });
  await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
}

describe('quiz-elements/ssr: server-rendered cards', function () {
  this.timeout(30_000);

  it('before any script: the question and a native answer control are in the page, and pass axe', async () => {
    const { frame, win, card } = await openPage('open');
    frameCleanup.push(frame);
    expect(win.customElements.get('quiz-card'), 'no script of the library has run').to.equal(undefined);
    expect(card.shadowRoot, 'a declarative shadow root').to.not.equal(null);
    expect(text(card)).to.contain('What is the CAP theorem?').and.to.contain('Explain CAP in one sentence.');
    const details = card.shadowRoot!.querySelector('details')!;
    const answer = card.shadowRoot!.querySelector<HTMLElement>('[part~="answer"]')!;
    expect(details.open || answer.checkVisibility(), 'the answer is closed').to.equal(false);
    card.shadowRoot!.querySelector<HTMLElement>('summary')!.click();
    expect(details.open).to.equal(true);
    expect(answer.checkVisibility(), 'the answer opens without JavaScript').to.equal(true);
    expect(text(card)).to.contain('at most two of consistency');
    const keys = card.shadowRoot!.querySelector<HTMLElement>('[part~="keys"]');
    expect(keys !== null && keys.checkVisibility({ visibilityProperty: true }), 'the key list keeps its place but is hidden: no key works yet').to.equal(false);
    expect(keys !== null && keys.getBoundingClientRect().height > 0, 'the key list keeps its place').to.equal(true);
    expect(await axeViolations(win, card)).to.deep.equal([]);
  });

  it('choices are listed before any script, none chosen', async () => {
    const { frame, card } = await openPage('choice');
    frameCleanup.push(frame);
    const inputs = [...card.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    expect(inputs.map((input) => input.closest('label')!.textContent!.trim())).to.deep.equal(['Dropout', 'Softmax']);
    expect(inputs.some((input) => input.checked), 'nothing is chosen').to.equal(false);
    // Check needs the script: a reader without it opens the answer instead.
    card.shadowRoot!.querySelector<HTMLElement>('details.static-answer > summary')!.click();
    expect(card.shadowRoot!.querySelector<HTMLElement>('[part~="answer"]')?.checkVisibility(), 'the answer opens without JavaScript').to.equal(true);
    expect(text(card)).to.contain('Dropout.');
  });

  it('a typed question (ordering): its view, styled, before any script; the card takes over with it in place', async () => {
    const { frame, win, card } = await openPage('ordering');
    frameCleanup.push(frame);
    const items = () => [...card.shadowRoot!.querySelectorAll('.ordering .item')].map((item) => item.textContent!.trim());
    const before = items();
    expect(before.slice().sort()).to.deep.equal(['Backward pass', 'Forward pass', 'Loss', 'Update']);
    const list = card.shadowRoot!.querySelector('.ordering')!;
    expect(win.getComputedStyle(list).listStyleType, "the view's own styles are in the server's HTML").to.equal('none');
    expect(await axeViolations(win, card)).to.deep.equal([]);
    card.shadowRoot!.querySelector<HTMLElement>('details.static-answer > summary')!.click();
    expect(text(card)).to.contain('Forward pass, loss, backward pass, update.');
    card.shadowRoot!.querySelector<HTMLElement>('details.static-answer > summary')!.click(); // closed again
    const after = win.document.getElementById('after')!;
    const top = after.getBoundingClientRect().top;
    await takeOver(win, card);
    await waitUntil(() => [...card.shadowRoot!.querySelectorAll('button')].some((b) => b.textContent!.trim() === 'Check'), 'no Check button after taking over', { timeout: 10_000 });
    expect(items(), 'the same order as the server drew').to.deep.equal(before);
    expect(after.getBoundingClientRect().top, 'the text after the card did not move').to.be.closeTo(top, 0.5);
    expect(win.shifts, 'cumulative layout shift').to.equal(0);
    // It works: move the first item down by its button.
    card.shadowRoot!.querySelector<HTMLButtonElement>('.ordering .row:first-child button[aria-label^="Move down"]')!.click();
    await card.updateComplete;
    expect(items()[1]).to.equal(before[0]);
    expect(await axeViolations(win, card)).to.deep.equal([]);
  });

  it('the card takes over in place: nothing moves, and it works', async () => {
    const { frame, win, card } = await openPage('open');
    frameCleanup.push(frame);
    const after = win.document.getElementById('after')!;
    const before = after.getBoundingClientRect().top;
    await takeOver(win, card);
    expect(after.getBoundingClientRect().top, 'the text after the card did not move').to.be.closeTo(before, 0.5);
    expect(win.shifts, 'cumulative layout shift').to.equal(0);
    expect(card.shadowRoot!.querySelector<HTMLElement>('[part~="keys"]')?.checkVisibility({ visibilityProperty: true }), 'the key list shows once the keys work').to.equal(true);
    const showAnswer = [...card.shadowRoot!.querySelectorAll('button')].find((b) => /Show answer/.test(b.textContent!))!;
    showAnswer.click();
    await card.updateComplete;
    expect(text(card)).to.contain('at most two of consistency');
    expect([...card.shadowRoot!.querySelectorAll('button')].some((b) => /Good/.test(b.textContent!)), 'grades after the answer').to.equal(true);
    expect(await axeViolations(win, card)).to.deep.equal([]);
  });

  it('an answer opened before the script loaded stays open when the card takes over', async () => {
    const { frame, win, card } = await openPage('open');
    frameCleanup.push(frame);
    card.shadowRoot!.querySelector<HTMLElement>('summary')!.click();
    await takeOver(win, card);
    expect(text(card)).to.contain('at most two of consistency');
    expect([...card.shadowRoot!.querySelectorAll('button')].some((b) => /Good/.test(b.textContent!)), 'the grades show').to.equal(true);
  });

  it('a topic list: its topics before any script, then the list takes over in place and works by keyboard', async () => {
    const { frame, win, card: list } = await openPage('topics', 'topic-list');
    frameCleanup.push(frame);
    expect(text(list)).to.contain('Theory').and.to.contain('Practice');
    expect(await axeViolations(win, list)).to.deep.equal([]);
    const after = win.document.getElementById('after')!;
    const before = after.getBoundingClientRect().top;
    await win.loadQuizElements();
    await waitUntil(() => !list.shadowRoot!.querySelector('style + style') && (list as unknown as { hasUpdated: boolean }).hasUpdated && list.shadowRoot!.querySelectorAll('[role="option"]').length === 3, 'the list did not take over', { timeout: 10_000 });
    await new Promise((resolve) => win.requestAnimationFrame(() => win.requestAnimationFrame(resolve)));
    expect(after.getBoundingClientRect().top, 'the text after the list did not move').to.be.closeTo(before, 0.5);
    expect(win.shifts, 'cumulative layout shift').to.equal(0);
    const theory = [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')].find((o) => o.textContent!.includes('Theory'))!;
    const selected = new Promise<CustomEvent>((resolve) => list.addEventListener('quiz-topic-select', (e) => resolve(e as CustomEvent), { once: true }));
    theory.click();
    expect((await selected).detail.topics).to.deep.equal(['t']);
    expect(await axeViolations(win, list)).to.deep.equal([]);
  });

  it('Chinese: the UI strings are rendered on the server too', async () => {
    const { frame, card } = await openPage('zh');
    frameCleanup.push(frame);
    expect(text(card)).to.contain('显示答案').and.to.contain('概念题');
  });
});
