/** The one line above the results: how many there are, Clear filters while one is set, and Review due (N) when there is progress. */
import { html, nothing, type TemplateResult } from 'lit';
import type { SearchResult } from '../../../search/question-index.js';
import type { BrowserStrings } from './state-views.js';

/**
 * The count in two pieces, the questions and then their titles ("41 questions" " under 29 titles"):
 * where both do not fit beside the buttons, the titles wrap to a second line that is clipped
 * (screen readers still read them). `resultCount(n, n)` is the questions alone, which every
 * language's longer form starts with (src/i18n/time.unit.test.ts checks it).
 */
function countPieces(questions: number, titles: number, s: BrowserStrings): TemplateResult {
  const head = s.resultCount(questions, questions);
  return html`<span>${head}</span><span>${s.resultCount(questions, titles).slice(head.length)}</span>`;
}

/** `due` and `review` only with a progress store; the count waits while a large collection is still being counted. */
export function renderCountRow(
  result: SearchResult,
  review: { due: number; start: () => void } | null,
  s: BrowserStrings,
  clear: (() => void) | null = null,
): TemplateResult {
  return html`
    <div part="status-line" class="count-row status-line">
      <p part="count" class="count" id="count">${result.complete ? countPieces(result.questionCount, result.groups.length, s) : nothing}</p>
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
