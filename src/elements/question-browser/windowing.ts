/**
 * The windowed list of `<question-browser>`: @lit-labs/virtualizer, loaded lazily with the data.
 *
 * The virtualizer places new rows where it estimates they go, measures them with a
 * ResizeObserver, then moves them (and adds or drops rows) where they really go. Two things about
 * that observer:
 * - It adds rows from the observer's callback, which makes browsers report "ResizeObserver loop
 *   completed with undelivered notifications" as a window error: harmless, but it reaches the
 *   page's error handlers and trackers. So the observer's own notifications are handed on in the
 *   next animation frame, which ends the loop.
 * - Measured that late, new rows were painted once at their estimated places and moved a frame
 *   later (2-15 px on a search at 10,000 questions), and the list was final only in the second
 *   frame after a keystroke. So a row the virtualizer starts to observe is also handed on in the
 *   animation callbacks of the coming frame, before it is painted: measured, placed and completed
 *   in the first frame it shows in. (Its own notification follows a frame later and changes nothing.)
 *   Not the list's first rows, until the browser has notified once: painting them first, by
 *   estimate, matters more (measuring them before the first paint made its p90 16-18 ms later).
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
// The package exports the hook only through its polyfill loader.
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

/** Rounds of new rows measured before one paint at most (each round's rows may show that more are needed). */
const ROUNDS_BEFORE_PAINT = 4;

/** The virtualizer's ResizeObserver (exported for its tests). */
export class BeforePaintResizeObserver extends ResizeObserver {
  readonly #callback: ResizeObserverCallback;
  #observed = new WeakSet<Element>();
  #new: Element[] = [];
  /** Rounds handed on in this frame's animation callbacks so far; 0 outside them. */
  #rounds = 0;
  /** The browser has notified once: the first rows have been painted. */
  #notified = false;

  constructor(callback: ResizeObserverCallback) {
    super((entries, observer) => {
      requestAnimationFrame(() => {
        this.#notified = true;
        callback(entries, observer);
      });
    });
    this.#callback = callback;
  }

  override observe(target: Element, options?: ResizeObserverOptions): void {
    super.observe(target, options);
    // The virtualizer observes every row after each update: only the rows new to the observer are measured early.
    if (this.#observed.has(target)) return;
    this.#observed.add(target);
    if (!this.#notified || this.#new.push(target) > 1) return;
    // Rows added in answer to a round (in the microtasks after it) are measured before the same paint.
    if (this.#rounds > 0 && this.#rounds < ROUNDS_BEFORE_PAINT) queueMicrotask(() => this.#handOnNew(this.#rounds));
    else requestAnimationFrame(() => this.#handOnNew(0));
  }

  override unobserve(target: Element): void {
    super.unobserve(target);
    this.#observed.delete(target);
  }

  override disconnect(): void {
    super.disconnect();
    this.#observed = new WeakSet();
    this.#new = [];
    this.#notified = false;
  }

  /** The rows observed since the last round, still in the document, as notifications (the virtualizer reads only their targets). */
  #handOnNew(rounds: number): void {
    const targets = this.#new.filter((target) => target.isConnected);
    this.#new = [];
    if (targets.length === 0) return;
    const round = (this.#rounds = rounds + 1);
    const entries = targets.map((target) => ({ target, contentRect: target.getBoundingClientRect() }) as unknown as ResizeObserverEntry);
    this.#callback(entries, this);
    // The virtualizer answers in a microtask queued before these: once it has added no rows (no next round), new rows wait for a frame again.
    queueMicrotask(() =>
      queueMicrotask(() => {
        if (this.#rounds === round) this.#rounds = 0;
      }),
    );
  }
}

provideResizeObserver(BeforePaintResizeObserver);

export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

/**
 * Rows are kept in the DOM up to this many pixels beyond the list's visible box (the
 * virtualizer's default is 1,000). A keystroke lays out every kept row anew: fewer rows made the
 * first keystroke at 10,000 questions about 5 ms cheaper (bench/results.md). Scrolling at wheel
 * speed still paints one frame partly blank, as with 1,000; a flick of 3,400 px per frame 85 of
 * 241 frames (75 with 1,000).
 */
const OVERHANG_PX = 400;

class NearFlowLayout extends FlowLayout {
  constructor(...args: ConstructorParameters<typeof FlowLayout>) {
    super(...args);
    this._overhang = OVERHANG_PX;
  }
}

/**
 * The flow layout, keeping fewer rows beyond the visible box. Passed explicitly, so the
 * virtualizer does not fetch its default layout as a third chunk in a row.
 */
export const flow = () => ({ type: NearFlowLayout });
