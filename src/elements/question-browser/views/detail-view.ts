/** The pane of the open question: Back, the variant tabs when its title has several, and its `<quiz-card>`. */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedBank } from '../../../bank/load.js';
import type { ProgressStore } from '../../../progress/store.js';
import type { IndexedQuestion } from '../../../search/question-index.js';
import { rowTitleOf } from '../excerpt.js';
import type { BrowserStrings } from './state-views.js';

export interface DetailView {
  entry: IndexedQuestion;
  /** Every question with its title, `entry` among them. */
  variants: readonly IndexedQuestion[];
  /** The bank of `entry`, and the bank with only `entry` that the card shows. */
  loaded: LoadedBank;
  card: LoadedBank;
  theme: 'light' | 'dark' | undefined;
  store: ProgressStore | null;
}

export interface DetailHandlers {
  onKeyDown(event: KeyboardEvent): void;
  close(): void;
  openVariant(variant: IndexedQuestion): void;
  onTabKeyDown(event: KeyboardEvent, variants: readonly IndexedQuestion[], current: number): void;
}

/** Nothing open: a hint where the question will show. */
export function renderEmptyDetail(s: BrowserStrings): TemplateResult {
  return html`<div part="detail" class="detail empty-detail"><p>${s.detailEmpty}</p></div>`;
}

export function renderDetail(view: DetailView, s: BrowserStrings, on: DetailHandlers): TemplateResult {
  const { entry, variants, store } = view;
  const current = Math.max(variants.indexOf(entry), 0);
  const bank = view.loaded.bank;
  // Inner elements get the UI language as their own `lang`: they would miss a change of the page's language read through this shadow root.
  const card = html`<quiz-card part="card" lang=${s.lang} theme=${view.theme ?? nothing} .loaded=${view.card} question=${entry.question.id} heading-level="2"
    .progressStore=${store ?? undefined} ?no-progress=${!store}></quiz-card>`;
  return html`
    <div id="detail" part="detail" class="detail" role="group" tabindex="-1" aria-label=${rowTitleOf(entry.question)} @keydown=${on.onKeyDown}>
      <button part="button" class="back" type="button" @click=${on.close}><span aria-hidden="true">←</span> ${s.backToResults}</button>
      ${variants.length > 1
        ? html`
            <div part="tabs" class="tabs" role="tablist" aria-label=${s.variantTabsLabel}>
              ${variants.map(
                (variant, i) => html`<button part="tab" class="tab" role="tab" type="button" id="tab-${i}" data-index=${i} aria-selected=${i === current ? 'true' : 'false'}
                  aria-controls="panel" tabindex=${i === current ? 0 : -1}
                  @click=${() => on.openVariant(variant)} @keydown=${(event: KeyboardEvent) => on.onTabKeyDown(event, variants, current)}>
                  ${s.variantTab(i + 1)}
                </button>`,
              )}
            </div>
            ${new Set(variants.map((v) => v.bankId)).size > 1 ? html`<p class="variant-source">${s.variantSource} <span lang=${bank.language}>${bank.title}</span></p>` : nothing}
            <div id="panel" role="tabpanel" aria-labelledby="tab-${current}">${card}</div>
          `
        : card}
    </div>
  `;
}
