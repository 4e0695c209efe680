/** The line above the results at every width: the search field, and the Progress and Filters toggles. */
import { html, nothing, type TemplateResult } from 'lit';
import { renderSearchField, type SearchFieldHandlers } from './search-view.js';
import type { BrowserStrings } from './state-views.js';

export interface ToolbarView {
  query: string;
  hasResults: boolean;
  /** The field is too narrow for the long placeholder: the short one. */
  compact: boolean;
  /** Progress is kept: the Progress toggle shows. */
  withProgress: boolean;
  progressOpen: boolean;
  filtersOpen: boolean;
  /** How many filters are set (topic, kind, bank, status). */
  activeFilters: number;
}

export interface ToolbarHandlers extends SearchFieldHandlers {
  toggleProgress(): void;
  toggleFilters(): void;
}

export function renderToolbar(view: ToolbarView, s: BrowserStrings, on: ToolbarHandlers): TemplateResult {
  const active = view.activeFilters;
  return html`
    <div part="toolbar" class="toolbar">
      ${renderSearchField(view.query, view.hasResults, view.compact, s, on)}
      ${view.withProgress
        ? html`<button part="button progress-toggle" class="progress-toggle" type="button" aria-expanded=${view.progressOpen ? 'true' : 'false'}
            aria-controls="progress" @click=${on.toggleProgress}>${s.progressToggle}</button>`
        : nothing}
      <button part="button filters-toggle" class="filters-toggle" type="button" aria-expanded=${view.filtersOpen ? 'true' : 'false'}
        aria-controls="filters-panel" @click=${on.toggleFilters}>
        ${s.filtersToggle}${active ? html`<span class="toggle-badge" aria-hidden="true">${active}</span><span class="visually-hidden">, ${s.filtersActive(active)}</span>` : nothing}
      </button>
    </div>
  `;
}
