/**
 * The ResizeObserver `<question-browser>` gives @lit-labs/virtualizer (see windowing.ts), for both
 * of its observers: the rows, and the list with its ancestors.
 *
 * The virtualizer places new rows where it estimates they go, then moves them (and adds or drops
 * rows) where they really go once its observer reports their sizes. Two things about that observer:
 * - The virtualizer adds rows from the observer's callback, which makes browsers report
 *   "ResizeObserver loop completed with undelivered notifications" as a window error: harmless,
 *   but it reaches the page's error handlers and trackers. So the browser's notifications are
 *   handed on in the next animation frame, which ends the loop.
 * - Measured that late, new rows were painted once at their estimated places and moved a frame
 *   later, or the rows kept below the visible box came a frame later (at 10,000 questions, 132 of
 *   480 early keystrokes changed the list after their first frame; a fast scroll painted 85 of 241
 *   frames partly blank). So a row new to the observer, once the list has been painted, is also
 *   handed on in the animation callbacks of the coming frame, before it is painted, and so are the
 *   rows the virtualizer adds in answer (up to ROUNDS_BEFORE_PAINT rounds; more wait a frame).
 *   Rows it only moves or reuses, and rows whose size changes later, still wait for the browser's
 *   notification, a frame later. The list's first rows do too: painting them first, by estimate,
 *   matters more (measuring them before the first paint made its p90 16-18 ms later).
 */

/** Rounds of new rows handed on before one paint at most (each round's rows may show that more are needed). */
const ROUNDS_BEFORE_PAINT = 4;

export class BeforePaintResizeObserver extends ResizeObserver {
  readonly #callback: ResizeObserverCallback;
  #observed = new WeakSet<Element>();
  /** Rows observed and not handed on yet. */
  #unmeasured: Element[] = [];
  /** The round being handed on (1 in the frame's animation callbacks, more in the microtasks after), or 0. */
  #round = 0;
  /** The browser has notified once: the list's first rows have been painted. */
  #notified = false;
  /** Counts disconnections, so that frame callbacks asked for before one do nothing. */
  #generation = 0;

  constructor(callback: ResizeObserverCallback) {
    super((entries, observer) => {
      const generation = this.#generation;
      requestAnimationFrame(() => {
        if (generation !== this.#generation) return;
        this.#notified = true;
        callback(entries, observer);
      });
    });
    this.#callback = callback;
  }

  /** Observes `target`; a target new to this observer is also handed on before the next paint (see the module comment). */
  override observe(target: Element, options?: ResizeObserverOptions): void {
    super.observe(target, options);
    // The virtualizer observes every row after each update: only the rows new to the observer are handed on early.
    if (this.#observed.has(target)) return;
    this.#observed.add(target);
    if (!this.#notified || this.#unmeasured.push(target) > 1) return;
    const round = this.#round;
    const generation = this.#generation;
    if (round > 0 && round < ROUNDS_BEFORE_PAINT) queueMicrotask(() => this.#handOn(round + 1, generation));
    else requestAnimationFrame(() => this.#handOn(1, generation));
  }

  override unobserve(target: Element): void {
    super.unobserve(target);
    this.#observed.delete(target);
  }

  override disconnect(): void {
    super.disconnect();
    this.#generation++;
    this.#observed = new WeakSet();
    this.#unmeasured = [];
    this.#notified = false;
  }

  /**
   * Hands on the rows observed since the last round that are still observed and laid out (a row in
   * a hidden list measures 0 × 0: the browser's notification tells when it shows), as
   * notifications: the virtualizer reads only their targets and measures them itself.
   */
  #handOn(round: number, generation: number): void {
    if (generation !== this.#generation) return;
    const targets = this.#unmeasured.filter((target) => this.#observed.has(target) && target.isConnected && target.getClientRects().length > 0);
    this.#unmeasured = [];
    if (targets.length === 0) return;
    this.#round = round;
    try {
      this.#callback(
        targets.map((target) => ({ target }) as ResizeObserverEntry),
        this,
      );
    } finally {
      // The virtualizer answers in a microtask it queued in the callback, so before the first of
      // these; the rows it adds there start the next round, which changes #round before the
      // second. Without new rows, the round ends here, and later rows wait for a frame.
      queueMicrotask(() =>
        queueMicrotask(() => {
          if (this.#round === round) this.#round = 0;
        }),
      );
    }
  }
}
