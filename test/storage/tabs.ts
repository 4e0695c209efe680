/**
 * Pages of the storage tests: other "tabs" (same-origin iframes running tab.html, each with its
 * own module graph and progress store), and the cards in them, driven as a learner would.
 */
import { waitUntil } from '@open-wc/testing';
import type { Bank } from '../../src/bank/types.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import type { ProgressStore } from '../../src/progress/store.js';
import type { Grade } from '../../src/progress/types.js';

declare global {
  interface Window {
    /** Set by tab.ts in each tab. */
    tab?: {
      /** Whether this page has fetched the progress store's chunk. */
      storeFetched(): boolean;
      /** This page's shared store of `progressKey` (loads the chunk: ask once a card has loaded it). */
      store(progressKey: string): Promise<ProgressStore>;
      /** This page's ProgressStore class (loads the chunk). */
      storeClass(): Promise<typeof ProgressStore>;
    };
    /** Uncaught errors and unhandled rejections of the tab (tab.html). */
    pageErrors?: string[];
    /** Reads of `localStorage` refused in a `?blocked` tab (tab.html). */
    storageFaults?: number;
  }
}

export const TIMEOUT = 8000;

export interface Tab {
  frame: HTMLIFrameElement;
  win: Window;
  doc: Document;
}

const open = new Set<HTMLIFrameElement>();

/** A same-origin page with only <quiz-card> loaded; `query` e.g. `?blocked`. */
export async function openTab(query = ''): Promise<Tab> {
  const frame = document.createElement('iframe');
  frame.src = `/test/storage/tab.html${query}`;
  frame.style.cssText = 'width: 700px; height: 500px; border: 0';
  document.body.append(frame);
  open.add(frame);
  return tabReady(frame);
}

/** The tab again after a reload: a new page over the same localStorage. */
export async function reloadTab(tab: Tab): Promise<Tab> {
  const loaded = new Promise((resolve) => tab.frame.addEventListener('load', resolve, { once: true }));
  tab.win.location.reload();
  await loaded;
  return tabReady(tab.frame);
}

async function tabReady(frame: HTMLIFrameElement): Promise<Tab> {
  await waitUntil(() => frame.contentWindow?.tab && frame.contentDocument?.readyState === 'complete', 'the tab loads', { timeout: TIMEOUT });
  const win = frame.contentWindow!;
  await win.customElements.whenDefined('quiz-card');
  return { frame, win, doc: frame.contentDocument! };
}

export function closeTabs(): void {
  for (const frame of open) frame.remove();
  open.clear();
}

/** A card added to `tab` (its own realm: the bank is parsed there). */
export async function cardIn(tab: Tab, bank: Bank, attributes: Record<string, string>, properties: Partial<Pick<QuizCard, 'progressStore'>> = {}): Promise<QuizCard> {
  const el = tab.doc.createElement('quiz-card') as QuizCard;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  Object.assign(el, properties);
  el.bank = (tab.win as Window & typeof globalThis).JSON.parse(JSON.stringify(bank)) as Bank;
  tab.doc.body.append(el);
  await cardReady(el);
  return el;
}

// --- a card, in any realm -----------------------------------------------------------------------

export const part = (el: Element, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
export const statusText = (el: QuizCard) => part(el, 'status')?.textContent!.trim() ?? null;
export const titleText = (el: QuizCard) => part(el, 'title')?.textContent!.trim() ?? null;

export async function cardReady(el: QuizCard, title?: string): Promise<void> {
  await waitUntil(
    () => el.shadowRoot && !el.shadowRoot.querySelector('.skeleton') && (title === undefined ? part(el, 'title') || part(el, 'summary') : titleText(el) === title),
    `the card shows ${title ?? 'its question'}`,
    { timeout: TIMEOUT },
  );
  await el.updateComplete;
}

export function press(el: QuizCard, key: string): void {
  const View = el.ownerDocument.defaultView as Window & typeof globalThis;
  el.shadowRoot!.querySelector('.card')!.dispatchEvent(new View.KeyboardEvent('keydown', { key, bubbles: true, composed: true }));
}

const GRADE_KEYS: Record<Grade, string> = { again: '1', hard: '2', good: '3', easy: '4' };

/** Shows the answer of the open question and waits for the grade buttons. */
export async function reveal(el: QuizCard): Promise<void> {
  press(el, ' ');
  await el.updateComplete;
  await waitUntil(() => el.shadowRoot!.querySelector('button[data-grade]'), 'the grade buttons show', { timeout: TIMEOUT });
}

/** Grades the revealed question with its key (1-4), as a learner at the keyboard. */
export function pressGrade(el: QuizCard, grade: Grade): void {
  press(el, GRADE_KEYS[grade]);
}

/** Shows the answer and grades it. */
export async function answer(el: QuizCard, grade: Grade): Promise<void> {
  await reveal(el);
  pressGrade(el, grade);
  await el.updateComplete;
}

/** Every element matching `selector` in `root` and in every shadow root below it (its own too). */
export function deepAll(root: ParentNode, selector: string): HTMLElement[] {
  const found = [...root.querySelectorAll<HTMLElement>(selector)];
  const hosts = [...root.querySelectorAll('*')];
  if ('shadowRoot' in root) hosts.unshift(root as Element);
  for (const el of hosts) if (el.shadowRoot) found.push(...deepAll(el.shadowRoot, selector));
  return found;
}

/** The storage notes shown anywhere in `root`. */
export const notices = (root: ParentNode) => deepAll(root, '[part~="notice"]');
