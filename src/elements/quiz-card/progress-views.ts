/**
 * The parts of `<quiz-card>` that only exist once learner progress is stored: the review set
 * (`mode="review"`), its empty state, and the summary's table of when each question comes back.
 * A chunk of its own in the CDN build, loaded with the progress store, so a card that is only
 * read downloads none of it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Question } from '../../bank/types.js';
import { stringsFor, type UiStrings } from '../../i18n/index.js';
import { resultStrings } from '../../i18n/results.js';
import { formatDateTime } from '../../i18n/date-time.js';
import type { ReviewQueue } from '../../practice/review-queue.js';

import { selectReviewQuestions, type ReviewFilter } from '../../practice/review-queue.js';
import type { Bank } from '../../bank/types.js';
import type { ProgressStore } from '../../progress/store.js';

/** Dates in the card's own tag when the UI speaks it (en-GB: "Wed 25 Nov"), else in the UI's; null when the store's clock fails. */
export function viewContext(store: ProgressStore, strings: UiStrings, tag: string | null | undefined, headingLevel: number): ViewContext | null {
  let now: number;
  try {
    now = store.now();
  } catch {
    return null;
  }
  const dateLocale = tag && stringsFor(tag) === strings ? tag : strings.lang;
  return { strings, dateLocale, headingLevel, now };
}

/** The review set from the store, or null (with a warning) when the store misbehaves: the card then practises. */
export function reviewSet(bank: Bank, store: ProgressStore, options: ReviewFilter): ReviewQueue | null {
  try {
    return selectReviewQuestions(bank, (id) => store.get(bank.id, id), store.now(), options);
  } catch (error) {
    console.warn('quiz-elements: the review set could not be built from progress; practising instead', error);
    return null;
  }
}

/** With nothing to review: how long until the next question falls due (plus a second), if within a day; else null. */
export function refreshDelay(queue: ReviewQueue, store: ProgressStore): number | null {
  if (queue.nextDue == null) return null;
  const wait = queue.nextDue - store.now();
  return wait > 86_400_000 ? null : Math.max(0, wait) + 1000;
}

/** What the views need from the card. */
export interface ViewContext {
  strings: UiStrings;
  /** Locale of dates: the card's language tag when the UI speaks it (en-GB: "Wed 25 Nov"), else the UI's. */
  dateLocale: string;
  headingLevel: number;
  now: number;
}

/** One answered question of a finished set. */
export interface ScheduleRow {
  question: Question;
  result: string;
  /** When it comes back; null when not recorded (or a new question). */
  due: number | null;
  /** Its recording is still being saved. */
  pending: boolean;
}

/** "in 2 days (Wed 25 Nov, 10:00)" parts for a due time. */
function when(due: number, c: ViewContext): { relative: string; date: string } {
  const s = c.strings;
  return { relative: s.relativeTime(due - c.now), date: formatDateTime(due, c.dateLocale, s.lang, c.now) };
}

/** The summary's "what was scheduled when": each answered question, how it went, and when it comes back. */
export function scheduleTable(rows: readonly ScheduleRow[], bankLanguage: string, c: ViewContext): TemplateResult | typeof nothing {
  if (rows.length === 0) return nothing;
  const s = resultStrings(c.strings.lang);
  return html`
    <table part="schedule" class="schedule">
      <caption>${s.scheduleTitle}</caption>
      <thead>
        <tr><th scope="col">${s.scheduleQuestion}</th><th scope="col">${s.scheduleResult}</th><th scope="col">${s.scheduleNext}</th></tr>
      </thead>
      <tbody>
        ${rows.map(({ question, result, due, pending }) => {
          const at = due === null ? null : when(due, c);
          return html`<tr>
            <th scope="row" lang=${bankLanguage}>${question.title}</th>
            <td>${result}</td>
            <td>${at
              ? html`<time datetime=${new Date(due!).toISOString()}>${s.scheduleWhen(at.relative, at.date)}</time>`
              : pending
                ? '…'
                : s.scheduleNotRecorded}</td>
          </tr>`;
        })}
      </tbody>
    </table>
  `;
}

/** `mode="review"` with nothing to ask: why, and when the next review is. */
export function reviewEmpty(queue: ReviewQueue, c: ViewContext | null, strings: UiStrings, headingLevel: number): TemplateResult {
  const s = strings;
  const own = resultStrings(s.lang);
  const next = queue.nextDue !== null && c ? { ...when(queue.nextDue, c), at: queue.nextDue } : null;
  return html`
    <section part="empty" class="empty" data-focus="question" tabindex="-1" aria-labelledby="empty-title">
      <div class="title" id="empty-title" role="heading" aria-level=${headingLevel}>${s.reviewEmptyTitle}</div>
      ${queue.newHeldBack > 0 ? html`<p class="message">${own.reviewNewLimitReached(queue.newPerDay, queue.allNew)}</p>` : nothing}
      ${next
        ? html`<p class="message">
            <time datetime=${new Date(next.at).toISOString()}>${own.reviewNextDue(next.relative, next.date)}</time>
          </p>`
        : nothing}
    </section>
  `;
}

/** The empty review's styles (adopted by the card with the chunk). */
export const reviewStyles = css`
  .empty {
    display: grid;
    gap: 0.5rem;
  }
`;
