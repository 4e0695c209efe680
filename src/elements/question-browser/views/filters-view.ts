/** The kind, bank and status filters of the browser, as selects. */
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { LoadedBank } from '../../../bank/load.js';
import { QUESTION_STATUSES } from '../../../progress/types.js';
import type { BrowseFilter } from '../../../search/browse-query.js';
import { statusFrom } from '../url-state.js';
import type { BrowserStrings } from './state-views.js';

/** The learner's change of one filter. */
export type SetFilter = (change: Partial<BrowseFilter>) => void;

const valueOf = (event: Event) => (event.target as HTMLSelectElement).value;

/** The filters for `filter`: kind always, bank with several banks, status with progress. */
export function renderFilters(filter: BrowseFilter, banks: readonly LoadedBank[], withStatus: boolean, s: BrowserStrings, set: SetFilter): TemplateResult {
  const onKind = (event: Event) => {
    const value = valueOf(event);
    set({ kind: value === 'concept' || value === 'coding' ? value : undefined });
  };
  const kind = filter.kind ?? '';
  const bank = filter.bank ?? '';
  const status = filter.status ?? '';
  return html`
    <div part="filters" class="filters">
      <label>
        <span>${s.filterKindLabel}</span>
        <select part="select" @change=${onKind} .value=${live(kind)}>
          <option value="" ?selected=${kind === ''}>${s.kindAll}</option>
          <option value="concept" ?selected=${kind === 'concept'}>${s.kindConcept}</option>
          <option value="coding" ?selected=${kind === 'coding'}>${s.kindCoding}</option>
        </select>
      </label>
      ${banks.length > 1
        ? html`
            <label>
              <span>${s.filterBankLabel}</span>
              <select part="select" @change=${(event: Event) => set({ bank: valueOf(event) || undefined })} .value=${live(bank)}>
                <option value="" ?selected=${bank === ''}>${s.bankAll}</option>
                ${banks.map(({ bank: b }) => html`<option value=${b.id} lang=${b.language} ?selected=${bank === b.id}>${b.title}</option>`)}
              </select>
            </label>
          `
        : nothing}
      ${withStatus
        ? html`
            <label>
              <span>${s.statusFilterLabel}</span>
              <select part="select status" @change=${(event: Event) => set({ status: statusFrom(valueOf(event)) })} .value=${live(status)}>
                <option value="" ?selected=${status === ''}>${s.statusAll}</option>
                ${QUESTION_STATUSES.map((value) => html`<option value=${value} ?selected=${status === value}>${s.statusLabels[value]}</option>`)}
              </select>
            </label>
          `
        : nothing}
    </div>
  `;
}
