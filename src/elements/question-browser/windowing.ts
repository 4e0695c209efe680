/**
 * The windowed list of `<question-browser>`: @lit-labs/virtualizer, loaded lazily with the data.
 *
 * The virtualizer measures rows with a ResizeObserver and adds rows from its callback, which makes
 * browsers report "ResizeObserver loop completed with undelivered notifications" as a window
 * error: harmless, but it reaches the page's error handlers and trackers. Handing it an observer
 * that delivers in the next animation frame ends the loop; rows are measured one frame later.
 */
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
// Passed explicitly, so the virtualizer does not fetch its default layout as a third chunk in a row.
export { flow } from '@lit-labs/virtualizer/layouts/flow.js';
