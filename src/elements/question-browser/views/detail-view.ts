/** The pane of the open question: Back, the variant tabs when its title has several, and its `<quiz-card>`. */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedBank } from '../../../bank/load.js';
import type { ProgressStore } from '../../../progress/store.js';
import type { IndexedQuestion } from '../../../search/question-index.js';
import { forwardToCard } from '../detail-keys.js';
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
  /** Closes the open question (Back, Escape). */
  close(): void;
  openVariant(variant: IndexedQuestion): void;
  onTabKeyDown(event: KeyboardEvent, variants: readonly IndexedQuestion[], current: number): void;
}

export function renderDetail(view: DetailView, s: BrowserStrings, on: DetailHandlers): TemplateResult {
  const { entry, variants, store } = view;
  const current = Math.max(variants.indexOf(entry), 0);
  const bank = view.loaded.bank;
  const several = variants.length > 1;
  // Inner elements get the UI language as their own `lang`: they would miss a change of the page's language read through this shadow root.
  const card = html`<quiz-card part="card" lang=${s.lang} theme=${view.theme ?? nothing} .loaded=${view.card} question=${entry.question.id} heading-level="2"
    .progressStore=${store ?? undefined} ?no-progress=${!store}></quiz-card>`;
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key !== 'Escape') return forwardToCard(event);
    event.preventDefault();
    on.close();
  };
  // The header stays put; the body scrolls, with the card's grades sticky at its bottom (the browser's styles).
  return html`
    <div id="detail" part="detail" class="detail" role="group" tabindex="-1" aria-label=${rowTitleOf(entry.question)} @keydown=${onKeyDown}>
      <div part="detail-header" class="detail-header">
        <button part="button" class="back" type="button" @click=${on.close}><span aria-hidden="true">←</span> ${s.backToResults}</button>
        ${several
          ? html`<div part="tabs" class="tabs" role="tablist" aria-label=${s.variantTabsLabel}>
              ${variants.map(
                (variant, i) => html`<button part="tab" class="tab" role="tab" type="button" id="tab-${i}" data-index=${i} aria-selected=${i === current ? 'true' : 'false'}
                  aria-controls="panel" tabindex=${i === current ? 0 : -1}
                  @click=${() => on.openVariant(variant)} @keydown=${(event: KeyboardEvent) => on.onTabKeyDown(event, variants, current)}>
                  ${s.variantTab(i + 1)}
                </button>`,
              )}
            </div>`
          : nothing}
        ${several && new Set(variants.map((v) => v.bankId)).size > 1 ? html`<p class="variant-source">${s.variantSource} <span lang=${bank.language}>${bank.title}</span></p>` : nothing}
      </div>
      <div class="detail-body">
        ${several ? html`<div id="panel" role="tabpanel" aria-labelledby="tab-${current}">${card}</div>` : card}
      </div>
    </div>
  `;
}

/** Brings the selected tab into its strip's view (the strip scrolls sideways); not `scrollIntoView`, which may scroll the page too. */
export function revealSelectedTab(root: ParentNode): void {
  const strip = root.querySelector<HTMLElement>('.tabs');
  const tab = strip?.querySelector<HTMLElement>('[aria-selected="true"]');
  if (!strip || !tab) return;
  const start = tab.offsetLeft; // the strip is positioned: offsets are within it
  const end = start + tab.offsetWidth;
  if (start < strip.scrollLeft) strip.scrollLeft = start;
  else if (end > strip.scrollLeft + strip.clientWidth) strip.scrollLeft = Math.ceil(end - strip.clientWidth);
}
