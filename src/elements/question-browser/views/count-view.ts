/** The one line above the results: how many there are, Clear filters while one is set, and Review due (N) when there is progress. */
import { html, nothing, type TemplateResult } from 'lit';
import type { SearchResult } from '../../../search/question-index.js';
import type { BrowserStrings } from './state-views.js';

/** `due` and `review` only with a progress store; the count waits while a large collection is still being counted. */
export function renderCountRow(
  result: SearchResult,
  review: { due: number; start: () => void } | null,
  s: BrowserStrings,
  clear: (() => void) | null = null,
): TemplateResult {
  return html`
    <div part="status-line" class="count-row status-line">
      <p part="count" class="count" id="count">${result.complete ? s.resultCount(result.questionCount, result.groups.length) : nothing}</p>
      ${clear
        ? html`<button part="button clear-filters" class="clear-filters" type="button" aria-label=${s.clearFilters} title=${s.clearFilters} @click=${clear}>
            <span aria-hidden="true">✕</span></button>`
        : nothing}
      ${review
        ? html`<button part="button review" class="review" type="button" ?disabled=${review.due === 0} @click=${review.start}>${s.reviewDue(review.due)}</button>`
        : nothing}
    </div>
  `;
}
