/** The search field of the browser. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { BrowserStrings } from './state-views.js';

export interface SearchFieldHandlers {
  /** The learner's search text, once an input method (pinyin) has finished composing it. */
  setQuery(value: string): void;
  onKeyDown(event: KeyboardEvent): void;
}

/**
 * The field, labelled for screen readers; it controls the result list while there is one.
 * `compact`: the field is too narrow for the long placeholder (panels-controller.ts, LONG_PLACEHOLDER_ONE_COLUMN_REM and LONG_PLACEHOLDER_COLUMNS_REM).
 */
export function renderSearchField(query: string, hasResults: boolean, compact: boolean, s: BrowserStrings, on: SearchFieldHandlers): TemplateResult {
  // While an input method composes, the text is not what the learner means yet: compositionend sends it.
  const onInput = (event: InputEvent) => event.isComposing || on.setQuery((event.target as HTMLInputElement).value);
  const onCompositionEnd = (event: CompositionEvent) => on.setQuery((event.target as HTMLInputElement).value);
  return html`
    <div class="search" role="search">
      <label for="search" class="visually-hidden">${s.searchLabel}</label>
      <input id="search" part="search" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search"
        placeholder=${compact ? s.searchPlaceholderShort : s.searchPlaceholder} .value=${live(query)} aria-controls=${hasResults ? 'results' : nothing}
        @input=${onInput} @compositionend=${onCompositionEnd} @keydown=${on.onKeyDown} />
    </div>
  `;
}
