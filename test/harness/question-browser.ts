/**
 * `<question-browser>` as a learner and a screen reader meet it, for its browser tests: the search
 * field, the result listbox and its rows, the open question's pane, the filters, and the progress
 * tools of its inner `<quiz-progress-transfer>`. Buttons and alerts are found through
 * controls.ts. Types only from the element: the test loads it.
 */
import { fixture, waitUntil, type html } from '@open-wc/testing';
import type { QuestionBrowser } from '../../src/elements/question-browser/question-browser.js';
import type { QuizQuestionSelectEvent } from '../../src/events/quiz-question-select.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { alertText as alertOf, buttonNamed, collapsed, controlNamed, part } from './controls.js';

export const root = (el: QuestionBrowser) => el.shadowRoot!;
export const search = (el: QuestionBrowser) => root(el).querySelector<HTMLInputElement>('#search')!;
/** The result listbox, or null while nothing matches. */
export const results = (el: QuestionBrowser) => root(el).querySelector<HTMLElement>('#results');
/** The rows the windowed list has rendered, in list order. */
export const rows = (el: QuestionBrowser) =>
  [...root(el).querySelectorAll<HTMLElement>('[role="option"]')].sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index));
export const rowTitle = (row: HTMLElement) => row.querySelector('[part~="result-title"]')!.textContent!.trim();
/** A row's learner-status badge ("Due", "Learning"…), or null without one. */
export const rowStatus = (row: HTMLElement) => row.querySelector('[part~="status"]')?.textContent!.trim() ?? null;
export const countText = (el: QuestionBrowser) => root(el).querySelector('[part~="count"]')?.textContent?.trim() ?? '';
/** The number of questions the count line gives (NaN while it gives none). */
export const questionCount = (el: QuestionBrowser) => Number(/^(\d+)/.exec(countText(el))?.[1] ?? NaN);
/** The pane of the open question, or null while none is open. */
export const detail = (el: QuestionBrowser) => root(el).querySelector<HTMLElement>('#detail');
export const tabs = (el: QuestionBrowser) => [...root(el).querySelectorAll<HTMLElement>('[role="tab"]')];
export const focused = (el: QuestionBrowser) => root(el).activeElement as HTMLElement | null;
/** The browser's own button named `name` (see `nameMatches` in controls.ts); not those of its topic list, card or progress tools. */
export const button = (el: QuestionBrowser, name: string | RegExp) => buttonNamed(el, name);
export const isShown = (node: Element | null) => node !== null && (node as HTMLElement).offsetParent !== null && getComputedStyle(node).display !== 'none';
export const statusSelect = (el: QuestionBrowser) => root(el).querySelector<HTMLSelectElement>('select[part~="status"]');

/** The inner `<quiz-progress-transfer>` (Export and Import progress), or null without progress. */
export const transfer = (el: QuestionBrowser) => root(el).querySelector('quiz-progress-transfer');
/** The row of Export progress and Import progress (`::part(progress-tools)` of the browser), or null. */
export const progressTools = (el: QuestionBrowser) => {
  const tools = transfer(el);
  return tools ? part(tools, 'tools') : null;
};
/** A progress button: Review due (N) beside the count, or Export / Import progress under the results. */
export const tool = (el: QuestionBrowser, name: string | RegExp) => {
  const tools = transfer(el);
  return controlNamed<HTMLButtonElement>(el, 'button[part~="review"]', name) ?? (tools ? buttonNamed(tools, name) : null);
};
/** The polite line under the progress tools: what the last export or import did. */
export const progressLine = (el: QuestionBrowser) => part(transfer(el)!, 'message')!;
export const progressMessage = (el: QuestionBrowser) => collapsed(progressLine(el).textContent);
/** The first alert, the browser's own or its progress tools' (a file that cannot be imported), as one line; '' without one. */
export const alertText = (el: QuestionBrowser) => {
  const tools = transfer(el);
  return alertOf(el) || (tools ? alertOf(tools) : '');
};
/** Dismiss on the alert about a file that cannot be imported. */
export const dismissImportError = (el: QuestionBrowser) => controlNamed<HTMLButtonElement>(transfer(el)!, '[role="alert"] button', 'Dismiss');

/** After an update, the windowed list renders its rows in the next frames. */
export async function settled(el: QuestionBrowser): Promise<void> {
  await el.updateComplete;
  for (let i = 0; i < 3; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
  await el.updateComplete;
}

/** Waits until the browser has left its loading state and shows rows, an empty result or an alert. */
export async function ready(el: QuestionBrowser): Promise<void> {
  await settled(el);
  await waitUntil(() => !root(el).querySelector('.skeleton') && (rows(el).length > 0 || root(el).querySelector('[part~="empty"], [role="alert"]')), 'the browser shows no results', {
    timeout: 8000,
  });
  await el.updateComplete;
}

/** A browser from `template`, ready. */
export async function browser(template: ReturnType<typeof html>): Promise<QuestionBrowser> {
  const el = await fixture<QuestionBrowser>(template);
  await ready(el);
  return el;
}

/** Types into the search field as the input event of a keyboard or an input method would. */
export async function typeQuery(el: QuestionBrowser, text: string): Promise<void> {
  search(el).value = text;
  search(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, data: text, inputType: 'insertText' }));
  await settled(el);
}

/** The Filters button (by its English name), shown under 64rem where the filters fold into a panel; null from 64rem, where they are a sidebar. */
export const filtersButton = (el: QuestionBrowser) => {
  const toggle = button(el, /^Filters\b/);
  return toggle && isShown(toggle) ? (toggle as HTMLButtonElement) : null;
};

/** Shows the filters as the learner does: the Filters button, when they are folded (under 64rem); from 64rem they always show. */
export async function openFilters(el: QuestionBrowser): Promise<void> {
  const toggle = filtersButton(el);
  if (!toggle || toggle.getAttribute('aria-expanded') === 'true') return;
  toggle.click();
  await settled(el);
}

/** Folds the Filters panel again with its button (under 64rem), back to the results. */
export async function closeFilters(el: QuestionBrowser): Promise<void> {
  const toggle = filtersButton(el);
  if (toggle?.getAttribute('aria-expanded') !== 'true') return;
  toggle.click();
  await settled(el);
}

/** Picks `value` in the status filter, as the learner does. */
export async function chooseStatus(el: QuestionBrowser, value: string): Promise<void> {
  const select = statusSelect(el)!;
  select.value = value;
  select.dispatchEvent(new Event('change', { bubbles: true }));
  await settled(el);
}

/** Collects the quiz-question-select details fired by `el`. */
export function recordOpens(el: QuestionBrowser): QuizQuestionSelectEvent['detail'][] {
  const seen: QuizQuestionSelectEvent['detail'][] = [];
  el.addEventListener('quiz-question-select', (event) => seen.push(event.detail));
  return seen;
}

/** Hands `text` to Import progress as if the learner picked a file named `name`, and waits until the browser says how it went. */
export async function importFile(el: QuestionBrowser, name: string, text: string): Promise<void> {
  const input = transfer(el)!.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await waitUntil(() => progressMessage(el) !== '' || alertText(el) !== '', 'the import says how it went');
  await settled(el);
}

/** The open question's card, once it shows its question. */
export async function openCard(el: QuestionBrowser): Promise<QuizCard> {
  const card = detail(el)!.querySelector('quiz-card')!;
  await waitUntil(() => card.shadowRoot?.querySelector('[part~="title"]'), 'the open card shows its question');
  return card;
}
