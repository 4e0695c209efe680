/** The filters and topics: a sidebar at 64rem and wider, a panel behind the Filters button below. */
import { html, type TemplateResult } from 'lit';
import type { BrowserStrings } from './state-views.js';

export interface PanelHandlers {
  onKeyDown(event: KeyboardEvent): void;
  clearAll(): void;
  showResults(): void;
}

/** `filters` and `topics` as rendered by the browser; `count`: the questions the filters keep (null while still being counted). */
export function renderPanel(filters: TemplateResult, topics: TemplateResult, count: number | null, s: BrowserStrings, on: PanelHandlers): TemplateResult {
  return html`
    <div part="panel" id="filters-panel" class="panel" role="group" aria-labelledby="panel-label" @keydown=${on.onKeyDown}>
      <span id="panel-label" class="panel-label">${s.filtersToggle}</span>
      ${filters} ${topics}
      <div class="panel-footer">
        <button part="button clear-all" type="button" @click=${on.clearAll}>${s.clearAll}</button>
        <button part="button show-results" class="primary" type="button" @click=${on.showResults}>${s.showResults(count)}</button>
      </div>
    </div>
  `;
}
