/**
 * The windowed list of `<question-browser>`: @lit-labs/virtualizer, loaded lazily with the data.
 *
 * The virtualizer measures rows with a ResizeObserver and adds rows from its callback, which makes
 * browsers report "ResizeObserver loop completed with undelivered notifications" as a window
 * error: harmless, but it reaches the page's error handlers and trackers. Handing it an observer
 * that delivers in the next animation frame ends the loop; rows are measured one frame later.
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
// The package exports the hook only through its polyfill loader.
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';

class NextFrameResizeObserver extends ResizeObserver {
  constructor(callback: ResizeObserverCallback) {
    super((entries, observer) => {
      requestAnimationFrame(() => callback(entries, observer));
    });
  }
}

provideResizeObserver(NextFrameResizeObserver);

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
