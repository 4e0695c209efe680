/**
 * `<quiz-card>` as a learner and a screen reader meet it, for its browser tests (and the tests
 * elsewhere that answer cards: learning records, faults, strict pages). Controls are found by
 * name through controls.ts. Types only from the element: a test loads it, in its own realm.
 */
import { fixture, waitUntil, type html } from '@open-wc/testing';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { alertText, buttonNamed, collapsed, part as partOf, parts } from './controls.js';

/** The card's element exposing `::part(name)`. */
export const part = (el: QuizCard, name: string) => partOf(el, name);

/** The card's button named `name` (see `nameMatches` in controls.ts). */
export const button = (el: QuizCard, name: string | RegExp) => buttonNamed(el, name);

/** Everything the card shows, as one line of text. */
export const text = (el: QuizCard) => collapsed(el.shadowRoot!.textContent);

/** The card's alert (load errors, filters that match nothing), as one line; '' without one. */
export const alert = (el: QuizCard) => alertText(el);

/** What the card's live region says now (answer shown, grade recorded, result of a check). */
export const liveRegion = (el: QuizCard) => collapsed(el.shadowRoot!.querySelector('.visually-hidden[role="status"]')!.textContent);

/** The question's title as shown, or null without one. */
export const title = (el: QuizCard) => part(el, 'title')?.textContent?.trim() ?? null;

/** The learner status badge ("New", "Learning", "Due"…), or null when the card shows none. */
export const status = (el: QuizCard) => {
  const badge = part(el, 'status');
  return badge ? collapsed(badge.textContent) : null;
};

/** The next-review intervals shown on the grade buttons ("1 min", "6 min"…), in order. */
export const intervals = (el: QuizCard) => parts(el, 'interval').map((node) => collapsed(node.textContent));

/** The storage and recording notes shown by any of `cards`. */
export const notices = (...cards: QuizCard[]) => cards.flatMap((card) => parts(card, 'notice'));

/** Waits until the card has left its loading state and rendered. */
export async function ready(el: QuizCard): Promise<void> {
  await waitUntil(() => !el.shadowRoot!.querySelector('.skeleton'), 'card stays in its loading state', { timeout: 5000 });
  await el.updateComplete;
}

/** A card from `template`, ready. */
export async function card(template: ReturnType<typeof html>): Promise<QuizCard> {
  const el = await fixture<QuizCard>(template);
  await ready(el);
  return el;
}

/** A key pressed on the card (its shortcuts: Space, 1–4, U, arrows). */
export function press(el: QuizCard, key: string): void {
  el.shadowRoot!.querySelector('.card')!.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

/** Waits until the card's current load (bank and renderer) has finished, loaded or failed, and the card has rendered the outcome. */
export async function loadSettled(el: QuizCard): Promise<void> {
  // The load task is protected: tests wait on it as on any @lit/task (STYLE.md: `task.taskComplete`).
  const { loadTask } = el as unknown as { loadTask: { taskComplete: Promise<unknown> } };
  await loadTask.taskComplete.catch(() => undefined);
  await el.updateComplete;
}
