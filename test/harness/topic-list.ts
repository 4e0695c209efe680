/**
 * `<topic-list>` as a learner and a screen reader meet it, for its browser tests: the listbox, its
 * options, the keys. Buttons and alerts are found through controls.ts. Types only from the
 * element: the test loads it.
 */
import { fixture, waitUntil, type html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { TopicList } from '../../src/elements/topic-list/topic-list.js';
import { alertText as alertOf, buttonNamed, collapsed } from './controls.js';

export const root = (el: TopicList) => el.shadowRoot!;
export const listbox = (el: TopicList) => root(el).querySelector<HTMLElement>('[role="listbox"]');
export const options = (el: TopicList) => [...root(el).querySelectorAll<HTMLElement>('[role="option"]')];
/** The option of topic `value` (`bank/topic` with several banks; '' is All). */
export const option = (el: TopicList, value: string) => root(el).querySelector<HTMLElement>(`[role="option"][data-value="${value}"]`)!;
export const titleOf = (o: HTMLElement) => collapsed(o.querySelector('[part~="title"]')!.textContent);
/** The visible count of an option (its spoken form, "3 questions", is beside it). */
export const countOf = (o: HTMLElement) => Number(o.querySelector('[part~="count"] [aria-hidden="true"]')!.textContent);
export const selectedValues = (el: TopicList) => options(el).filter((o) => o.getAttribute('aria-selected') === 'true').map((o) => o.dataset.value);
/** The topic of the focused option, if an option has focus. */
export const focused = (el: TopicList) => (root(el).activeElement as HTMLElement | null)?.dataset.value;
export const alertText = (el: TopicList) => alertOf(el);
/** The list's button named `name` (see `nameMatches` in controls.ts). */
export const button = (el: TopicList, name: string | RegExp) => buttonNamed(el, name);

/** Waits until the list has left its loading state and rendered. */
export async function ready(el: TopicList): Promise<void> {
  await waitUntil(() => !root(el).querySelector('.skeleton'), 'the list stays in its loading state', { timeout: 5000 });
  await el.updateComplete;
}

/** A list from `template`, ready. */
export async function list(template: ReturnType<typeof html>): Promise<TopicList> {
  const el = await fixture<TopicList>(template);
  await ready(el);
  return el;
}

/** Collects quiz-topic-select details fired by `el`. */
export function recordSelections(el: TopicList): string[][] {
  const seen: string[][] = [];
  el.addEventListener('quiz-topic-select', (event) => seen.push(event.detail.topics));
  return seen;
}

/** Real key presses through the browser's input pipeline. */
export async function press(el: TopicList, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/**
 * A keydown dispatched on the focused option, for what `sendKeys` cannot send in every engine:
 * Shift+Arrow (WebDriver's sendKeys has no modifiers) and Space.
 */
export async function dispatchKey(el: TopicList, key: string, init: KeyboardEventInit = {}): Promise<void> {
  const target = (root(el).activeElement as HTMLElement | null) ?? listbox(el)!;
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init }));
  await el.updateComplete;
}

/**
 * Types `text` into the focused option. Chromium's driver (puppeteer over CDP) sends characters
 * that are not on a US keyboard, such as 训, as IME text (Input.insertText), which only editable
 * elements receive, so no keydown ever reaches a listbox; when that happens the keydowns are
 * dispatched instead. Firefox and WebKit deliver real keydowns for them.
 */
export async function typeKeys(el: TopicList, text: string): Promise<void> {
  let delivered = 0;
  const count = () => delivered++;
  document.addEventListener('keydown', count, true);
  try {
    await sendKeys({ type: text });
  } finally {
    document.removeEventListener('keydown', count, true);
  }
  if (delivered === 0) for (const char of text) await dispatchKey(el, char);
  await el.updateComplete;
}

/** Focuses the option holding the tab stop, as Tab into the list does. */
export async function focusList(el: TopicList): Promise<void> {
  root(el).querySelector<HTMLElement>('[role="option"][tabindex="0"]')!.focus();
  await el.updateComplete;
}
