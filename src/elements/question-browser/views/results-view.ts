/** The windowed results listbox, or the message when nothing matches. */
import { html, type TemplateResult } from 'lit';
import type { ResultGroup, SearchResult } from '../../../search/question-index.js';
import type { BrowserStrings } from './state-views.js';

type Windowing = typeof import('../windowing.js');

export interface ResultsHandlers {
  onKeyDown(event: KeyboardEvent): void;
  onClick(event: MouseEvent): void;
}

/**
 * The rows of `result`, windowed: only those near the view are in the DOM. `searching`: a newer
 * search is still being answered, so these rows are the previous one's (busy, and dimmed).
 */
export function renderResults(
  result: SearchResult,
  { virtualize, flow }: Windowing,
  renderRow: (group: ResultGroup, index: number) => TemplateResult,
  s: BrowserStrings,
  on: ResultsHandlers,
  searching = false,
): TemplateResult {
  return html`
    <div id="results" part="results" class="results" role="listbox" tabindex="0" aria-label=${s.resultsLabel} aria-busy=${searching ? 'true' : 'false'}
      aria-describedby="count results-help"
      @keydown=${on.onKeyDown} @click=${on.onClick}>
      ${virtualize({
        // The rows' ids: a row itself is made only once it is near the view.
        items: result.groups.ids as number[],
        scroller: true,
        layout: flow(),
        keyFunction: (id: number) => id,
        renderItem: (_id: number, index: number) => renderRow(result.groups.at(index)!, index),
      })}
    </div>
    <span id="results-help" class="visually-hidden">${s.resultsKeyboardHelp}</span>
  `;
}

/** Nothing matches: why (the search, or only the status filter), and Clear search and filters. */
export function renderNoResults(message: string, clear: () => void, s: BrowserStrings): TemplateResult {
  return html`
    <div part="empty" class="empty">
      <p>${message}</p>
      <button part="button" type="button" @click=${clear}>${s.clearSearch}</button>
    </div>
  `;
}
