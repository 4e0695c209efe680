/** The line above the results: how many there are, and Review due (N) when there is progress. */
import { html, nothing, type TemplateResult } from 'lit';
import type { SearchResult } from '../../../search/question-index.js';
import type { BrowserStrings } from './state-views.js';

/** `due` and `review` only with a progress store; the count waits while a large collection is still being counted. */
export function renderCountRow(result: SearchResult, review: { due: number; start: () => void } | null, s: BrowserStrings): TemplateResult {
  return html`
    <div class="count-row">
      <p part="count" class="count" id="count">${result.complete ? s.resultCount(result.questionCount, result.groups.length) : nothing}</p>
      ${review
        ? html`<button part="button review" class="review" type="button" ?disabled=${review.due === 0} @click=${review.start}>${s.reviewDue(review.due)}</button>`
        : nothing}
    </div>
  `;
}
