/** The search field of the browser. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BrowserStrings } from './state-views.js';

export interface SearchFieldHandlers {
  onInput(event: InputEvent): void;
  onCompositionEnd(event: CompositionEvent): void;
  onKeyDown(event: KeyboardEvent): void;
}

/** The field, labelled for screen readers; it controls the result list while there is one. */
export function renderSearchField(query: string, hasResults: boolean, s: BrowserStrings, on: SearchFieldHandlers): TemplateResult {
  return html`
    <div class="search" role="search">
      <label for="search" class="visually-hidden">${s.searchLabel}</label>
      <input id="search" part="search" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search"
        placeholder=${s.searchPlaceholder} .value=${live(query)} aria-controls=${hasResults ? 'results' : nothing}
        @input=${on.onInput} @compositionend=${on.onCompositionEnd} @keydown=${on.onKeyDown} />
    </div>
  `;
}
