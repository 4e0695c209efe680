/**
 * The page the fault tests build: the fault server's address (test/fault-server.mjs), the three
 * elements that load from a URL, a neighbour that must stay untouched, and the leak probes
 * (unhandled rejections, timers the library leaves pending).
 */
import { expect, fixture, fixtureCleanup, html, waitUntil } from '@open-wc/testing';
import { BankLoadError } from '../../src/bank/load-errors.js';
import '../../src/elements/question-browser/question-browser.js';
import '../../src/elements/quiz-card/quiz-card.js';
import '../../src/elements/topic-list/topic-list.js';

// A variable, so neither TypeScript nor the dev server try to resolve the virtual module.
const FAULT_MODULE = '/__fault-server.js';
let origin: Promise<string> | undefined;

/** Origin of the fault server of this run, e.g. `http://127.0.0.1:40123`. */
export function faultOrigin(): Promise<string> {
  origin ??= (import(FAULT_MODULE) as Promise<{ faultOrigin: string }>).then((module) => module.faultOrigin);
  return origin;
}

export interface RequestStats {
  requests: number;
  faults: number;
  completed: number;
  aborted: number;
  reset: number;
  open: number;
}

/** What the fault server saw of the requests of `key`. */
export async function requestStats(key: string): Promise<RequestStats> {
  const response = await fetch(`${await faultOrigin()}/__stats?key=${encodeURIComponent(key)}`);
  return (await response.json()) as RequestStats;
}

/** Clears the fault of an `/until/<key>/` route: its next requests get the good bank. */
export async function healFault(key: string): Promise<void> {
  await fetch(`${await faultOrigin()}/__heal?key=${encodeURIComponent(key)}`);
}

let keys = 0;
/** A key no other test (or earlier run of this page) uses. */
export function uniqueKey(...parts: string[]): string {
  keys += 1;
  return [...parts, Date.now().toString(36), String(keys)].join('-').replace(/[^\w.-]/g, '_');
}

// --- the elements --------------------------------------------------------------------------

export type LoadingTag = 'quiz-card' | 'topic-list' | 'question-browser';
export const LOADING_TAGS: readonly LoadingTag[] = ['quiz-card', 'topic-list', 'question-browser'];

/** What each element shows of the fault server's good bank once it has loaded it. */
export const SHOWN_TEXT: Record<LoadingTag, string> = {
  'quiz-card': 'What is a timeout?',
  'topic-list': 'Networks',
  'question-browser': 'What is a timeout?',
};

const shownSelector: Record<LoadingTag, string> = {
  'quiz-card': '[part~="title"]',
  'topic-list': '[role="option"] [part~="title"]',
  'question-browser': '[role="option"] [part~="result-title"]',
};

const normalized = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim();

function isVisible(node: Element): boolean {
  const box = node.getBoundingClientRect();
  const style = getComputedStyle(node);
  return box.width > 0 && box.height > 0 && style.visibility !== 'hidden' && style.display !== 'none';
}

/** The element's visible alert text, or '' while it has none. */
export function alertText(el: Element): string {
  const alert = el.shadowRoot?.querySelector('[role="alert"]');
  return alert && isVisible(alert) ? normalized(alert.textContent) : '';
}

/** Whether the element shows `SHOWN_TEXT` in a visible place (the question, topic or row). */
export function showsBank(el: Element, tag: LoadingTag): boolean {
  const shown = [...(el.shadowRoot?.querySelectorAll(shownSelector[tag]) ?? [])];
  return shown.some((node) => isVisible(node) && normalized(node.textContent).includes(SHOWN_TEXT[tag]));
}

export function retryButton(el: Element): HTMLButtonElement | null {
  return [...(el.shadowRoot?.querySelectorAll('button') ?? [])].find((b) => normalized(b.textContent) === 'Retry') ?? null;
}

/** Two frames: long enough for an element to render and for any stray event to fire. */
export async function frames(count = 2): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => requestAnimationFrame(resolve));
}

const NEIGHBOUR_QUESTION = { title: 'A neighbour question', prompt: 'Is this card untouched?', answer: 'Yes.' };

/** A page with text, a working inline card, then the element under test; remembers what must not change. */
export interface FaultPage<E extends HTMLElement = HTMLElement> {
  el: E;
  /** Every `quiz-error` seen on window (the element's bubble there). */
  errors: unknown[];
  expectUnaffected(): void;
}

/**
 * Builds the page and adds `<tag>` with `attributes`; returns at once (the element is loading).
 * Call inside a `LeakProbe` window so timers the element starts are tracked.
 */
export async function faultPage<E extends HTMLElement = HTMLElement>(tag: LoadingTag, attributes: Record<string, string>): Promise<FaultPage<E>> {
  const container = await fixture<HTMLDivElement>(html`<div>
    <p class="before">Text of the page before the element.</p>
    <div class="neighbour"></div>
    <div class="slot"></div>
    <p class="after">Text of the page after the element.</p>
  </div>`);
  const neighbour = document.createElement('quiz-card');
  neighbour.setAttribute('no-progress', '');
  const script = document.createElement('script');
  script.type = 'application/json';
  script.textContent = JSON.stringify(NEIGHBOUR_QUESTION);
  neighbour.append(script);
  container.querySelector('.neighbour')!.append(neighbour);
  await waitUntil(() => neighbour.shadowRoot?.querySelector('[part~="title"]'), 'the neighbour card shows its question', { interval: 10, timeout: 5000 });

  const bodyBefore = [...document.body.children];
  const titleBefore = document.title;
  const errors: unknown[] = [];
  const onError = (event: Event) => errors.push((event as CustomEvent<{ error: unknown }>).detail.error);
  window.addEventListener('quiz-error', onError);
  cleanups.push(() => window.removeEventListener('quiz-error', onError));

  const el = document.createElement(tag) as unknown as E;
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  container.querySelector('.slot')!.append(el);

  return {
    el,
    errors,
    expectUnaffected() {
      expect(normalized(container.querySelector('.before')!.textContent)).to.equal('Text of the page before the element.');
      expect(normalized(container.querySelector('.after')!.textContent)).to.equal('Text of the page after the element.');
      expect(normalized(neighbour.shadowRoot!.querySelector('[part~="title"]')?.textContent)).to.equal(NEIGHBOUR_QUESTION.title);
      expect(neighbour.shadowRoot!.querySelector('[role="alert"]'), 'the neighbour card shows no error').to.equal(null);
      const body = [...document.body.children];
      expect(body.length === bodyBefore.length && body.every((child, i) => child === bodyBefore[i]), 'nothing added to or removed from the page outside the element').to.equal(true);
      expect(document.title).to.equal(titleBefore);
    },
  };
}

const cleanups: (() => void)[] = [];

// --- leak probes -----------------------------------------------------------------------------

/** URLs of the library's own modules, as they appear in stack traces. */
const LIBRARY = `${location.origin}/src/`;

interface TrackedTimer {
  delay: number;
  stack: string;
  state: 'pending' | 'fired' | 'cleared';
}

type TimerFunctions = {
  setTimeout: (handler: unknown, delay?: number, ...args: unknown[]) => number;
  clearTimeout: (id?: number) => void;
};

/** Counts for the README's reliability table, per test file; sent to the fault server at the end. */
export const counts = { injected: 0, recovered: 0, unhandled: 0, stray: 0 };
const reported = { ...counts };

/**
 * Watches one test: unhandled promise rejections on window, and every timer created through
 * window.setTimeout while it runs. Timers whose creation stack passes through the page's `/src/` are the
 * library's; `strayTimers()` lists those still pending.
 */
export class LeakProbe {
  readonly unhandled: unknown[] = [];
  private readonly timers = new Map<number, TrackedTimer>();
  private readonly original: TimerFunctions;
  private readonly onUnhandled = (event: PromiseRejectionEvent) => this.unhandled.push(event.reason);

  constructor() {
    const win = window as unknown as TimerFunctions;
    this.original = { setTimeout: win.setTimeout, clearTimeout: win.clearTimeout };
  }

  start(): void {
    window.addEventListener('unhandledrejection', this.onUnhandled);
    const win = window as unknown as TimerFunctions;
    const { setTimeout: set, clearTimeout: clear } = this.original;
    const timers = this.timers;
    win.setTimeout = function trackedSetTimeout(handler: unknown, delay = 0, ...args: unknown[]): number {
      const timer: TrackedTimer = { delay, stack: new Error().stack ?? '', state: 'pending' };
      const run =
        typeof handler === 'function'
          ? (...callArgs: unknown[]) => {
              timer.state = 'fired';
              (handler as (...a: unknown[]) => void)(...callArgs);
            }
          : handler;
      const id = set.call(window, run, delay, ...args);
      timers.set(id, timer);
      return id;
    };
    win.clearTimeout = function trackedClearTimeout(id?: number): void {
      const timer = id === undefined ? undefined : timers.get(id);
      if (timer?.state === 'pending') timer.state = 'cleared';
      clear.call(window, id);
    };
  }

  stop(): void {
    const win = window as unknown as TimerFunctions;
    win.setTimeout = this.original.setTimeout;
    win.clearTimeout = this.original.clearTimeout;
    window.removeEventListener('unhandledrejection', this.onUnhandled);
  }

  /** Library timers created while watching that have neither fired nor been cleared. */
  strayTimers(): TrackedTimer[] {
    return [...this.timers.values()].filter((t) => t.state === 'pending' && t.stack.includes(LIBRARY));
  }

  /** Waits up to `graceMs` for the library's timers to end; returns those still pending. */
  async strayTimersAfter(graceMs = 300): Promise<TrackedTimer[]> {
    const deadline = performance.now() + graceMs;
    while (this.strayTimers().length > 0 && performance.now() < deadline) await frames(1);
    return this.strayTimers();
  }
}

/** One line per stray timer: its delay and the first library frame that created it. */
export function describeTimers(timers: TrackedTimer[]): string {
  return timers.map((t) => `${t.delay} ms from ${t.stack.split('\n').find((line) => line.includes(LIBRARY))?.trim() ?? '?'}`).join('\n');
}

/**
 * Mocha hooks for a fault suite: each test runs inside a LeakProbe. A test ends with
 * `removeAndCheck()`: the page is removed, and the test fails on an unhandled rejection or a
 * library timer still pending after a grace period. The file's counts go to the fault server,
 * which prints their sum once per run.
 */
export function watchForLeaks(): { probe(): LeakProbe; removeAndCheck(): Promise<void> } {
  let probe: LeakProbe | null = null;
  const finish = async () => {
    const watched = probe;
    if (!watched) return { unhandled: [], stray: [] };
    probe = null;
    fixtureCleanup();
    for (const cleanup of cleanups.splice(0)) cleanup();
    const stray = await watched.strayTimersAfter();
    await frames(1); // let a late rejection surface
    watched.stop();
    counts.unhandled += watched.unhandled.length;
    counts.stray += stray.length;
    return { unhandled: watched.unhandled, stray };
  };
  beforeEach(() => {
    probe = new LeakProbe();
    probe.start();
  });
  afterEach(finish);
  after(async () => {
    // Only what is new since the last report, should a file watch several suites.
    const delta = Object.entries(counts).map(([name, value]) => [name, String(value - reported[name as keyof typeof counts])]);
    Object.assign(reported, counts);
    await fetch(`${await faultOrigin()}/__report?${new URLSearchParams(delta)}`);
  });
  return {
    probe: () => {
      if (!probe) throw new Error('no LeakProbe outside a test, or after removeAndCheck()');
      return probe;
    },
    async removeAndCheck() {
      const { unhandled, stray } = await finish();
      expect(unhandled.map(String), 'unhandled promise rejections').to.deep.equal([]);
      expect(stray.length, `library timers still pending after the page was removed:\n${describeTimers(stray)}`).to.equal(0);
    },
  };
}

/** The error a `quiz-error` carried, as a BankLoadError (fails the test otherwise). */
export function loadError(error: unknown): BankLoadError {
  expect(error).to.be.instanceOf(BankLoadError);
  return error as BankLoadError;
}
