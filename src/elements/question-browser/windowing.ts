/**
 * The windowed list of `<question-browser>`: @lit-labs/virtualizer, loaded lazily with the data,
 * with a ResizeObserver of our own (before-paint-resize-observer.ts: no "ResizeObserver loop"
 * errors, and new rows measured before they are painted).
 */
import { FlowLayout } from '@lit-labs/virtualizer/layouts/flow.js';
// The package exports the hook only through its polyfill loader.
import { provideResizeObserver } from '@lit-labs/virtualizer/polyfillLoaders/ResizeObserver.js';
import { BeforePaintResizeObserver } from './before-paint-resize-observer.js';

provideResizeObserver(BeforePaintResizeObserver);

export { virtualize, virtualizerRef } from '@lit-labs/virtualizer/virtualize.js';

/**
 * Rows are kept in the DOM up to this many pixels beyond the list's visible box (the
 * virtualizer's default is 1,000). A keystroke lays out every kept row anew: fewer rows made the
 * first keystroke at 10,000 questions about 5 ms cheaper (bench/results.md). Scrolling at wheel
 * speed still paints one frame partly blank, as with 1,000; a flick of 3,400 px per frame 2 of
 * 242 frames since new rows are measured before their paint (85 before, 75 with 1,000).
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
