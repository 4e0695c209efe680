// What a learner does with each element, driven through the UI: practise every question of a
// card (hint, answer, grade, every choice checked, summary), pick a topic, search the browser for
// the text, open the question, show its answer and switch to its variant. Each resolves once the
// element has settled.
import type { QuestionBrowser } from '../../src/elements/question-browser/question-browser.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import type { TopicList } from '../../src/elements/topic-list/topic-list.js';

/** How long an element may take to show its content before the flow gives up (a hang guard, not a speed claim). */
const SHOW_TIMEOUT = 20_000;

const buttons = (root: ShadowRoot) => [...root.querySelectorAll<HTMLButtonElement>('button')];
const buttonStarting = (root: ShadowRoot, label: string) => buttons(root).find((b) => !b.disabled && b.textContent!.trim().startsWith(label));

/** Polls `predicate` every few milliseconds (open-wc's waitUntil polls every 50 ms: too slow for 300 trials). */
export async function waitUntil(predicate: () => unknown, message: string, { timeout }: { timeout: number }): Promise<void> {
  const end = performance.now() + timeout;
  while (!predicate()) {
    if (performance.now() > end) throw new Error(`${message} (after ${timeout} ms)`);
    await new Promise((resolve) => setTimeout(resolve, 4));
  }
}

let onStep: ((el: Element) => void) | null = null;

/** Calls `watch` with the element after every step of every flow (each state the learner sees), until called with null. */
export function watchSteps(watch: ((el: Element) => void) | null): void {
  onStep = watch;
}

/** A new task, as the next click of a learner would be (MessageChannel: no 4 ms timer clamp). */
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * Lit renders in a microtask after a change: the DOM is current once `updateComplete` resolves.
 * Then a new task, so the page's heartbeat can tell one long step from a long flow.
 */
async function settle(el: Element & { updateComplete: Promise<unknown> }): Promise<void> {
  await el.updateComplete;
  onStep?.(el);
  await nextTask();
}

/** The card shows something other than its loading skeleton: a question, a summary or an error. */
export async function cardShown(card: QuizCard): Promise<void> {
  await waitUntil(() => card.shadowRoot && !card.shadowRoot.querySelector('.skeleton') && card.shadowRoot.querySelector('[part~="card"]'), 'the card stays in its loading state', {
    timeout: SHOW_TIMEOUT,
  });
  await settle(card);
}

/** Whether the element shows an error box (a refused bank). */
export function showsError(el: Element): boolean {
  return Boolean(el.shadowRoot!.querySelector('[part~="error"], [role="alert"]'));
}

/**
 * Answers every question of the card's set: hint, then answer, then a grade; every choice picked
 * and checked; then waits for the summary and its schedule. Returns the titles the card showed.
 */
export async function practise(card: QuizCard): Promise<string[]> {
  const root = card.shadowRoot!;
  const titles: string[] = [];
  for (let step = 0; step < 24 && !root.querySelector('[part~="summary"]'); step++) {
    const title = root.querySelector('[part~="title"]')?.textContent ?? '';
    titles.push(title);
    buttonStarting(root, 'Show hint')?.click();
    await settle(card);
    buttonStarting(root, 'Show answer')?.click();
    await settle(card);
    const good = root.querySelector<HTMLButtonElement>('button[data-grade="good"]:not([disabled])');
    if (good) {
      good.click();
      await settle(card);
      continue;
    }
    const choices = [...root.querySelectorAll<HTMLInputElement>('[part~="choices"] input:not([disabled])')];
    if (choices.length) {
      // Every choice picked (one render for all), then checked: feedback shows for each.
      for (const input of choices) input.click();
      await settle(card);
      buttonStarting(root, 'Check')?.click();
      await settle(card);
    }
    const next = buttonStarting(root, 'Next');
    if (!next) break;
    next.click();
    await settle(card);
  }
  await waitUntil(() => root.querySelector('[part~="summary"]'), 'the set does not end in a summary', { timeout: SHOW_TIMEOUT });
  // The schedule lists each answered question (by title) once its answer is recorded.
  await waitUntil(() => root.querySelector('[part~="schedule"]'), 'the summary shows no schedule', { timeout: SHOW_TIMEOUT });
  await settle(card);
  return titles;
}

const options = (list: TopicList) => [...list.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];

/** Waits for the topic list's options (or its error). */
export async function topicsShown(list: TopicList): Promise<void> {
  await waitUntil(() => options(list).length > 0 || showsError(list), 'the topic list shows no topics', { timeout: SHOW_TIMEOUT });
  await settle(list);
}

/** Picks the first topic after All and returns the titles of the topics shown. */
export async function pickTopic(list: TopicList): Promise<string[]> {
  const shown = options(list);
  shown[1]?.click();
  await settle(list);
  return shown.slice(1).map((option) => option.querySelector('[part~="title"]')?.textContent ?? '');
}

const rows = (browser: QuestionBrowser) => [...browser.shadowRoot!.querySelectorAll<HTMLElement>('[role="option"]')];

/** Waits for the browser's rows (or its error or empty message). */
export async function rowsShown(browser: QuestionBrowser): Promise<void> {
  const shown = () =>
    !browser.shadowRoot!.querySelector('.skeleton') &&
    // A search answered in slices keeps the previous rows, busy, until it is done.
    !browser.shadowRoot!.querySelector('[role="listbox"][aria-busy="true"]') &&
    (rows(browser).length > 0 || browser.shadowRoot!.querySelector('[part~="empty"]') || showsError(browser));
  await settle(browser);
  await waitUntil(shown, 'the browser shows no results', { timeout: SHOW_TIMEOUT });
  await settle(browser);
  if (shown()) return;
  // Rows were there when it looked, and are gone without a message: the windowed list between two
  // renderings of its rows (seen once in WebKit on a loaded machine). Wait for it once more, and say so.
  console.warn('the browser showed neither rows nor a message for a moment; waiting for the list to settle');
  await waitUntil(shown, 'the browser shows no results', { timeout: SHOW_TIMEOUT });
  await settle(browser);
}

/**
 * A search query made of `text`: its first whitespace-separated words, up to about 100 characters,
 * so every term occurs in the question (search matches each term anywhere in it).
 */
export function queryFor(text: string): string {
  const words = text.split(/\s+/u).filter(Boolean);
  let query = '';
  for (const word of words) {
    if (query && query.length + word.length > 100) break;
    // Cut by code points: half a surrogate pair would be a character the text does not hold.
    query = query ? `${query} ${word}` : Array.from(word).slice(0, 50).join('');
  }
  return query;
}

/**
 * Types `query` into the search field, opens the first row, shows the answer in its card and
 * switches to the next variant tab. Returns how many rows the search found.
 */
export async function searchAndOpen(browser: QuestionBrowser, query: string): Promise<number> {
  const root = browser.shadowRoot!;
  const field = root.querySelector<HTMLInputElement>('#search')!;
  field.value = query;
  field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: query, inputType: 'insertText' }));
  await rowsShown(browser);
  const found = rows(browser).length;
  if (found === 0) {
    // Say what the browser showed instead, for the assertion that follows.
    const shown = browser.shadowRoot!.querySelector('[part~="empty"], [part~="error"], [role="alert"]')?.textContent?.trim().slice(0, 200);
    console.warn(`searching for "${query.slice(0, 60)}" showed no rows: ${shown ?? 'no message either'}`);
    return 0;
  }
  rows(browser)[0]!.click();
  await settle(browser);
  await waitUntil(() => root.querySelector('#detail quiz-card'), 'no card opens', { timeout: SHOW_TIMEOUT });
  const card = root.querySelector<QuizCard>('#detail quiz-card')!;
  await cardShown(card);
  // The answer comes with the hint, the explanation and the example.
  buttonStarting(card.shadowRoot!, 'Show answer')?.click();
  await settle(card);
  root.querySelector<HTMLButtonElement>('[role="tab"][aria-selected="false"]')?.click();
  await settle(browser);
  const next = root.querySelector<QuizCard>('#detail quiz-card');
  if (next) await cardShown(next);
  return found;
}
