/** What the browser shows around its results: loading, a failed load, and the banks of a catalog that failed. */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedCollection } from '../../../bank/catalog.js';
import type { CollectionStrings, UiStrings } from '../../../i18n/strings.js';
import { describeLoadError, renderLoadError } from '../../load-error-message.js';

/** The browser's strings: the card's and the collection elements' own. */
export type BrowserStrings = UiStrings & CollectionStrings;

/** The placeholder while the collection loads. */
export function renderSkeleton(s: BrowserStrings): TemplateResult {
  return html`
    <div class="skeleton" part="skeleton">
      <span class="visually-hidden">${s.loading}</span>
      ${[90, 40, 75, 60, 80, 55].map((width) => html`<div class="skeleton-line" style="width: ${width}%"></div>`)}
    </div>
  `;
}

/** Why nothing could be loaded, with Retry; in a block of its own: the base is a grid of the browser's height, which would stretch the box. */
export function renderLoadFailed(error: unknown, s: BrowserStrings, retry: () => void): TemplateResult {
  return html`<div class="load-failed">${renderLoadError(error, s, { retry })}</div>`;
}

/** The banks of a catalog that could not be loaded (the others show), with Retry. */
export function renderFailures(failures: LoadedCollection['failures'], s: BrowserStrings, retry: () => void): TemplateResult | typeof nothing {
  if (failures.length === 0) return nothing;
  return html`
    <div part="error" class="error" role="status">
      <p class="message">${s.browserFailures(failures.length)}</p>
      <ul>
        ${failures.map(({ entry, error }) => html`<li><span lang=${entry.language}>${entry.title}</span>: ${describeLoadError(error, s).message}</li>`)}
      </ul>
      <button part="button" type="button" @click=${retry}>${s.retry}</button>
    </div>
  `;
}
