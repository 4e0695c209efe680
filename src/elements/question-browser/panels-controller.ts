import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { revealSelectedTab } from './views/detail-view.js';

/** The widths (in rem of the page) where the browser's container queries change its layout: keep in step with question-browser.styles.ts. */
export const ONE_COLUMN_BELOW_REM = 40;
export const SIDEBAR_FROM_REM = 64;
/**
 * Where the search field has room for its long placeholder (about 17rem of text): in one column
 * from 32rem (the width less two buttons), beside the list and the open question from 76rem (it
 * shares a column of about a third). Elsewhere it gets the short one.
 */
const LONG_PLACEHOLDER_ONE_COLUMN_REM = 32;
const LONG_PLACEHOLDER_COLUMNS_REM = 76;

type Host = ReactiveControllerHost & HTMLElement;

/**
 * The browser's two disclosures and its width: the Filters panel (below 64rem it takes the
 * results' place while open), the Progress panel (it overlays the results), Escape and focus for
 * both; and which layout the container queries chose, for what is loaded only when seen.
 * The layout itself is CSS: nothing here moves a box.
 */
export class PanelsController implements ReactiveController {
  filtersOpen = false;
  progressOpen = false;
  /** The element's width is known (after its first layout). */
  measured = false;
  /** One column: under 40rem. */
  narrow = false;
  /** The filters are a sidebar: 64rem and wider. */
  wide = false;
  /** The search field has room for its long placeholder (see LONG_PLACEHOLDER_ONE_COLUMN_REM and LONG_PLACEHOLDER_COLUMNS_REM). */
  roomySearch = false;
  readonly #host: Host;
  readonly #root: () => ParentNode;
  #observer?: ResizeObserver;
  #focus: string | null = null;

  constructor(host: Host, root: () => ParentNode) {
    this.#host = host;
    this.#root = root;
    host.addController(this);
  }

  hostConnected(): void {
    this.#observer = new ResizeObserver(([entry]) => this.#measure(entry!.contentRect.width));
    this.#observer.observe(this.#host);
    document.addEventListener('pointerdown', this.#onPointerDown, true);
  }

  hostDisconnected(): void {
    this.#observer?.disconnect();
    document.removeEventListener('pointerdown', this.#onPointerDown, true);
  }

  hostUpdated(): void {
    revealSelectedTab(this.#root());
    const focus = this.#focus;
    this.#focus = null;
    if (focus) this.#root().querySelector<HTMLElement>(focus)?.focus();
  }

  #measure(width: number): void {
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    const narrow = width < ONE_COLUMN_BELOW_REM * rem;
    const wide = width >= SIDEBAR_FROM_REM * rem;
    const roomySearch = width >= (narrow ? LONG_PLACEHOLDER_ONE_COLUMN_REM : LONG_PLACEHOLDER_COLUMNS_REM) * rem;
    if (this.measured && narrow === this.narrow && wide === this.wide && roomySearch === this.roomySearch) return;
    Object.assign(this, { measured: true, narrow, wide, roomySearch });
    this.#host.requestUpdate();
  }

  toggleFilters = (): void => {
    this.filtersOpen = !this.filtersOpen;
    this.#host.requestUpdate();
  };

  /** Closes the Filters panel; `focus`: a selector of what gets the keyboard next. */
  closeFilters(focus: string | null = null): void {
    if (!this.filtersOpen) return;
    this.filtersOpen = false;
    this.#focus = focus;
    this.#host.requestUpdate();
  }

  toggleProgress = (): void => {
    this.progressOpen = !this.progressOpen;
    this.#host.requestUpdate();
  };

  closeProgress(focus: string | null = null): void {
    if (!this.progressOpen) return;
    this.progressOpen = false;
    this.#focus = focus;
    this.#host.requestUpdate();
  }

  /** Escape in the Filters panel below 64rem closes it and returns to its button. */
  onFiltersKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape' || this.wide || !this.filtersOpen) return;
    event.preventDefault();
    event.stopPropagation();
    this.closeFilters('.filters-toggle');
  };

  /** Escape in the Progress panel closes it and returns to its button. */
  onProgressKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    event.stopPropagation();
    this.closeProgress('.progress-toggle');
  };

  /** A press outside the Progress panel and its button closes it; focus leaving does not (the file chooser takes it). */
  #onPointerDown = (event: PointerEvent): void => {
    if (!this.progressOpen) return;
    const path = event.composedPath();
    const root = this.#root();
    const inside = ['#progress', '.progress-toggle'].some((selector) => {
      const node = root.querySelector(selector);
      return node !== null && path.includes(node);
    });
    if (!inside) this.closeProgress();
  };
}
