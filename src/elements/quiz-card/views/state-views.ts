/** What the card shows around its questions: loading, load errors, a part that could not be downloaded, nothing to ask. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Bank } from '../../../bank/types.js';
import type { UiStrings } from '../../../i18n/index.js';
import { LazyChunk } from '../../../lazy.js';
import { MissingSourceError } from '../../quiz-element.js';
import { topicsOf, type QuizCardAttributes } from '../card-attributes.js';

/** The placeholder while the questions load (no text while the UI strings themselves load). */
export function renderSkeleton(strings: UiStrings, withText = true): TemplateResult {
  return html`
    <div class="skeleton" part="skeleton">
      ${withText ? html`<span class="visually-hidden">${strings.loading}</span>` : nothing}
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
      <div class="skeleton-line"></div>
    </div>
  `;
}

/**
 * What a load failure means and what to do (`load-error-message.ts`): only a card whose load
 * failed needs it, so it is a chunk, downloaded before the failure shows (`loadErrorShown`).
 */
export const loadErrorChunk = new LazyChunk(() => import('../../load-error-message.js'), 'the load error messages');

/** Waits until the error messages are here, or cannot be downloaded (offline): then the failure can show. */
export function loadErrorShown(): Promise<unknown> {
  return loadErrorChunk.request();
}

/** Why the questions could not be loaded, what to do, and Retry (not for a page without any source). */
export function renderCardLoadError(error: unknown, s: UiStrings, retry: () => void): TemplateResult {
  const noSource = error instanceof MissingSourceError ? s.noSource : undefined;
  const messages = loadErrorChunk.value;
  if (messages) return messages.renderLoadError(error, s, { retry, noSource });
  // Its chunk could not be downloaded either (offline): the loader's own sentence (English), and Retry.
  const message = noSource ?? (s.lang.startsWith('en') && error instanceof Error ? error.message : s.errors.unknown);
  return errorNote(s, [html`<strong>${s.errorTitle}</strong>`, message], noSource === undefined ? retry : undefined);
}

/** A lazy part not here yet: a skeleton while it downloads, or a note with Retry when it could not be. */
export function renderChunkMissing(host: { requestUpdate(): void }, chunk: LazyChunk<unknown>, s: UiStrings): TemplateResult {
  const load = () => chunk.request().then(() => host.requestUpdate());
  if (!chunk.failed) {
    void load();
    return renderSkeleton(s);
  }
  return errorNote(s, [s.elementCodeFailed('quiz-card')], load);
}

/** The card's own error box: its lines, and Retry when there is something to retry. */
function errorNote(s: UiStrings, lines: unknown[], retry?: () => void): TemplateResult {
  return html`<div class="error" role="alert" part="error">${lines.map((line) => html`<p class="message">${line}</p>`)}
    ${retry ? html`<div class="actions"><button part="button" type="button" @click=${retry}>${s.retry}</button></div>` : nothing}</div>`;
}

/** No question to ask: the one named is not in the bank, or the filters match none. */
export function renderNoQuestions(card: QuizCardAttributes, bank: Bank, s: UiStrings): TemplateResult {
  const message = card.question ? s.questionNotFound(card.question, bank.id) : s.emptyFilter(describeFilters(card, bank, s));
  return html`<p class="message error" role="alert" part="error">${message}</p>`;
}

function describeFilters(card: QuizCardAttributes, bank: Bank, s: UiStrings): string {
  const parts: string[] = [];
  const ids = topicsOf(card);
  if (ids?.length) {
    const titles = ids.map((id) => {
      const topic = bank.topics.find((t) => t.id === id);
      return topic ? `“${topic.title}” (${topic.id})` : `“${id}”`;
    });
    parts.push(s.filterTopic(titles.join(', ')));
  }
  if (card.kind) parts.push(s.filterKind(card.kind));
  return parts.join(' + ') || '—';
}
