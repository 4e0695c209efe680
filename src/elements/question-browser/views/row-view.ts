/** One result row: title and status, then (when there is any) Coding, the variant count and the short bank label, then the excerpt, with the matches marked. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Bank } from '../../../bank/types.js';
import type { QuestionStatus } from '../../../progress/types.js';
import { highlightRanges } from '../../../search/highlight.js';
import type { ResultGroup } from '../../../search/question-index.js';
import { excerptOf, rowTitleOf } from '../excerpt.js';
import type { BrowserStrings } from './state-views.js';

/** What a row shows besides its group. */
export interface RowView {
  index: number;
  /** The row's bank. */
  bank: Bank;
  /** The search's terms, to mark. */
  terms: readonly string[];
  /** `aria-setsize`: the number of rows, or -1 while they are still being counted. */
  setSize: number;
  /** It holds the open question. */
  open: boolean;
  /** The keyboard is on it. */
  active: boolean;
  status: QuestionStatus | null;
  /** The results span several banks (and no bank is chosen): the row's short bank label, else null. */
  bankLabel: string | null;
}

/** `text` with the matches of `terms` in `<mark>`. */
export function marked(text: string, terms: readonly string[]): TemplateResult | string {
  const ranges = highlightRanges(text, terms);
  if (ranges.length === 0) return text;
  const pieces: (TemplateResult | string)[] = [];
  let at = 0;
  for (const [start, end] of ranges) {
    pieces.push(text.slice(at, start), html`<mark part="mark">${text.slice(start, end)}</mark>`);
    at = end;
  }
  pieces.push(text.slice(at));
  return html`${pieces}`;
}

/** An option of the results listbox (`row-<index>`, for `aria-activedescendant`). */
export function renderRow(group: ResultGroup, row: RowView, s: BrowserStrings): TemplateResult {
  const { question } = group.primary;
  const { index, bank, terms, open, active, status } = row;
  const parts = ['result', open ? 'result-open' : '', active ? 'result-active' : ''].filter(Boolean).join(' ');
  const excerpt = excerptOf(question, terms, group.titleMatch);
  // "Concept" is the default kind and would sit on nearly every row: only "Coding" is said.
  const coding = question.kind === 'coding';
  const variants = group.variants.length > 1;
  return html`
    <div role="option" id="row-${index}" part=${parts} class="row ${active ? 'active' : ''} ${open ? 'open' : ''}" data-index=${index}
      aria-selected=${open ? 'true' : 'false'} aria-setsize=${row.setSize} aria-posinset=${index + 1}>
      <span class="row-head">
        <span part="result-title" class="row-title" lang=${bank.language}>${marked(rowTitleOf(question), terms)}</span>
        ${status ? html`<span part="badge status" class="badge status" data-status=${status}>${s.statusLabels[status]}</span>` : nothing}
      </span>
      ${coding || variants || row.bankLabel
        ? html`<span class="row-meta">
            ${coding ? html`<span part="badge" class="badge">${s.kindCoding}</span>` : nothing}
            ${variants ? html`<span part="badge" class="badge variants">${s.variantCount(group.variants.length)}</span>` : nothing}
            ${row.bankLabel ? html`<span part="bank" class="row-bank" lang=${bank.language} title=${bank.title}>${row.bankLabel}</span>` : nothing}
          </span>`
        : nothing}
      ${excerpt ? html`<span part="excerpt" class="excerpt" lang=${bank.language}>${marked(excerpt, terms)}</span>` : nothing}
    </div>
  `;
}
