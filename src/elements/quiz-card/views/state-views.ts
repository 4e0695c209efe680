/** What the card shows around its questions: loading, load errors, a part that could not be downloaded, nothing to ask. */
import { html, nothing, type TemplateResult } from 'lit';
import type { Bank } from '../../../bank/types.js';
import type { UiStrings } from '../../../i18n/index.js';
import type { LazyChunk } from '../../../lazy.js';
import { renderLoadError } from '../../load-error-message.js';
import { MissingSourceError } from '../../quiz-element.js';
import type { QuizCardAttributes } from '../card-attributes.js';

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

/** Why the questions could not be loaded, what to do, and Retry (not for a page without any source). */
export function renderCardLoadError(error: unknown, s: UiStrings, retry: () => void): TemplateResult {
  return renderLoadError(error, s, { retry, noSource: error instanceof MissingSourceError ? s.noSource : undefined });
}

/** A lazy part not here yet: a skeleton while it downloads, or a note with Retry when it could not be. */
export function renderChunkMissing(host: { requestUpdate(): void }, chunk: LazyChunk<unknown>, s: UiStrings): TemplateResult {
  const load = () => chunk.request().then(() => host.requestUpdate());
  if (!chunk.failed) {
    void load();
    return renderSkeleton(s);
  }
  return html`<div class="error" role="alert" part="error"><p class="message">${s.elementCodeFailed('quiz-card')}</p>
    <div class="actions"><button part="button" type="button" @click=${load}>${s.retry}</button></div></div>`;
}

/** No question to ask: the one named is not in the bank, or the filters match none. */
export function renderNoQuestions(card: QuizCardAttributes, bank: Bank, s: UiStrings): TemplateResult {
  const message = card.question ? s.questionNotFound(card.question, bank.id) : s.emptyFilter(describeFilters(card, bank, s));
  return html`<p class="message error" role="alert" part="error">${message}</p>`;
}

function describeFilters(card: QuizCardAttributes, bank: Bank, s: UiStrings): string {
  const parts: string[] = [];
  if (card.topic) {
    const titles = card.topic.split(',').map((id) => {
      const topic = bank.topics.find((t) => t.id === id.trim());
      return topic ? `“${topic.title}” (${topic.id})` : `“${id.trim()}”`;
    });
    parts.push(s.filterTopic(titles.join(', ')));
  }
  if (card.kind) parts.push(s.filterKind(card.kind));
  return parts.join(' + ') || '—';
}
