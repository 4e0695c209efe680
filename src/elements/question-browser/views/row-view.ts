/** One result row: title, status, kind and variant badges, bank, and the excerpt, with the matches marked. */
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
  /** Several banks are shown: name the row's. */
  showBank: boolean;
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
  return html`
    <div role="option" id="row-${index}" part=${parts} class="row ${active ? 'active' : ''} ${open ? 'open' : ''}" data-index=${index}
      aria-selected=${open ? 'true' : 'false'} aria-setsize=${row.setSize} aria-posinset=${index + 1}>
      <span part="result-title" class="row-title" lang=${bank.language}>${marked(rowTitleOf(question), terms)}</span>
      <span class="row-meta">
        ${status ? html`<span part="badge status" class="badge status" data-status=${status}>${s.statusLabels[status]}</span>` : nothing}
        <span part="badge" class="badge">${question.kind === 'coding' ? s.kindCoding : s.kindConcept}</span>
        ${group.variants.length > 1 ? html`<span part="badge" class="badge variants">${s.variantCount(group.variants.length)}</span>` : nothing}
        ${row.showBank ? html`<span class="row-bank" lang=${bank.language}>${bank.title}</span>` : nothing}
      </span>
      ${excerpt ? html`<span part="excerpt" class="excerpt" lang=${bank.language}>${marked(excerpt, terms)}</span>` : nothing}
    </div>
  `;
}
