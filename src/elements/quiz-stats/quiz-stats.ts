import { html, nothing, svg, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { LoadedCollection } from '../../bank/catalog.js';
import type { LoadedBank } from '../../bank/load.js';
import type { Bank } from '../../bank/types.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { languageOf, stringsFor, type UiStrings } from '../../i18n/index.js';
import { statsStrings, type StatsStrings } from '../../i18n/stats.js';
import { progressStats, type ProgressStats, type StatsDay } from '../../progress/stats.js';
import * as progressStoreModule from '../../progress/store.js';
import type { ProgressStore } from '../../progress/store.js';
import { QUESTION_STATUSES } from '../../progress/types.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { CollectionElement } from '../collection-element.js';
import { isLoadedBank } from '../collection-source.js';
import { ProgressController, provideStoreModule } from '../progress-controller.js';
import { readProgress } from '../read-progress.js';
import { quizStatsStyles } from './quiz-stats.styles.js';

// The numbers show on the first render: the store's code comes with this element.
provideStoreModule(progressStoreModule);

/** The questions the numbers are about: `bankId/questionId` of each, once. */
type Scope = Set<string>;

/** The review calendar's cells: size and pitch, and the room for weekday and month labels (px). */
const CELL = 13;
const PITCH = 16;
const LEFT = 34;
const TOP = 18;

function scopeOf(source: readonly (LoadedBank | Bank)[] | LoadedCollection): Scope {
  const banks = Array.isArray(source) ? source.map((item: LoadedBank | Bank) => (isLoadedBank(item) ? item.bank : item)) : (source as LoadedCollection).banks.map((loaded) => loaded.bank);
  return new Set(banks.flatMap((bank) => bank.questions.map((question) => `${bank.id}/${question.id}`)));
}

/** First day of the week where `tag` is spoken (Intl week info where the engine has it), else Monday. */
function weekStartOf(tag: string): number {
  try {
    const locale = new Intl.Locale(tag) as Intl.Locale & { getWeekInfo?: () => { firstDay: number }; weekInfo?: { firstDay: number } };
    return ((locale.getWeekInfo?.() ?? locale.weekInfo)?.firstDay ?? 1) % 7;
  } catch {
    return 1;
  }
}

/** Dates and numbers in the element's own tag when the UI speaks its language (en-GB: "Mon 23 Nov"), else in the UI's. */
function formatters(tag: string, lang: string) {
  const locale = stringsFor(tag).lang === lang && tag ? tag : lang;
  const make = <T>(Format: new (locale: string, options: object) => T, options: object): T => {
    try {
      return new Format(locale, options);
    } catch {
      return new Format(lang, options); // a lang attribute that is not a BCP 47 tag
    }
  };
  const date = (options: Intl.DateTimeFormatOptions) => {
    const format = make(Intl.DateTimeFormat, options);
    return (day: StatsDay) => format.format(day.start);
  };
  const percent = make(Intl.NumberFormat, { style: 'percent' });
  return {
    day: date({ weekday: 'short', month: 'short', day: 'numeric' }),
    short: date({ month: 'short', day: 'numeric' }),
    month: date({ month: 'short' }),
    weekday: date({ weekday: 'short' }),
    percent: (share: number) => percent.format(share),
  };
}

/**
 * The learner's progress at a glance, for a bank or catalog: how many of its questions are new,
 * learning, due and mastered; the share of reviews answered Good or Easy in the last 30 days
 * (retention); how many reviews fall due on each of the next 30 days (overdue ones count today);
 * and how many reviews the learner gave on each day of the last 17 weeks, as a calendar.
 *
 * Read from the same progress store as the other elements (the page's for `progress-key`, or
 * `progressStore`), and kept current: a grade in a `<quiz-card>` with the same key shows at once,
 * and the numbers move on at midnight. Days are the learner's local days.
 *
 * The charts are SVG drawn by the element, hidden from screen readers; each is followed by a
 * table with the same numbers, visually hidden, and a sentence that sums it up for everyone.
 *
 * A parent that already holds the banks (such as `<question-browser>`) passes them in `banks`,
 * and nothing is loaded.
 *
 * @summary Progress at a glance: counts per status, retention, a 30-day due forecast and a review calendar.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a catalog, `<script type="text/markdown">` or `<script type="text/gift">`.
 *
 * @attr {string} lang - UI language (`zh-*`: Chinese, else English); without it the nearest ancestor's `lang`, else the document's. Also sets the first day of the calendar's weeks where the browser knows it.
 *
 * @csspart base - The outer box.
 * @csspart label - The heading of the element.
 * @csspart statuses - The counts per status.
 * @csspart count - One status and its count (also `new`, `learning`, `due` or `mastered`).
 * @csspart retention - The retention share, its bar and sentence.
 * @csspart meter - The retention bar.
 * @csspart forecast - The due forecast.
 * @csspart calendar - The review calendar.
 * @csspart chart - Each chart's SVG.
 * @csspart summary - The sentence under each heading that sums up the chart.
 * @csspart empty - The message shown before the first review.
 * @csspart skeleton - The placeholder while loading.
 * @csspart error - The error message box.
 * @csspart button - Every button (Retry).
 *
 * @cssprop --quiz-bg - Background.
 * @cssprop --quiz-fg - Text colour, and the outline of today's calendar cell.
 * @cssprop --quiz-muted - Secondary text, axes and the count of new questions.
 * @cssprop --quiz-border - Borders.
 * @cssprop --quiz-control-border - The outline of the retention bar and of calendar days without reviews.
 * @cssprop --quiz-surface - Skeletons, the retention bar's track and calendar days without reviews.
 * @cssprop --quiz-accent - Forecast bars, calendar days with reviews (more reviews, stronger) and learning questions.
 * @cssprop --quiz-correct - The retention bar and mastered questions.
 * @cssprop --quiz-wrong - Errors and due questions.
 * @cssprop --quiz-focus-ring - Focus outline colour.
 * @cssprop --quiz-radius - Corner radius.
 * @cssprop --quiz-space - Base spacing.
 * @cssprop --quiz-font-family - Font family.
 * @cssprop --quiz-font-size - Base font size.
 * @cssprop --quiz-max-width - Maximum width of the element (default 48rem).
 * @cssprop --quiz-chart-height - Height of the forecast's bars (default 7rem).
 *
 * @fires {QuizErrorEvent} quiz-error - Loading failed, or one bank of a catalog did. Detail: `{ error }`.
 */
@customElement('quiz-stats')
export class QuizStats extends CollectionElement {
  static override styles = [themeStyles, quizStatsStyles];

  /** Whose (or which course's) progress to show: elements with the same key share one store, kept in localStorage. */
  @property({ attribute: 'progress-key' }) progressKey = 'default';

  /** A progress store to read instead of the page's one for `progress-key`. */
  @property({ attribute: false }) progressStore?: ProgressStore;

  /** Visible heading of the element; default "Your progress" in the UI language. */
  @property() label?: string;

  /** Heading level of the element's heading; its charts' headings are one below. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /** For the progress controller: this element always reads progress. @internal */
  readonly noProgress = false;

  private source: unknown = null;
  private scope: Scope | null = null;
  private stats: ProgressStats | null = null;
  private stale = true;
  private readonly progressController = new ProgressController(this, {
    onChange: () => (this.stale = true),
    onReady: () => (this.stale = true),
  });

  protected override get strings() {
    return statsStrings(super.strings);
  }

  protected override languageChanged(): void {
    this.stale = true; // the calendar's weeks start on the language's first day
  }

  protected override willUpdate(): void {
    if (this.progressController.sync() !== 'same') this.stale = true;
    const source = this.shownBanks;
    if (source !== this.source) {
      this.source = source;
      this.scope = source ? scopeOf(source as LoadedCollection) : null;
      this.stale = true;
      for (const failure of (source as LoadedCollection | undefined)?.failures ?? []) this.dispatchEvent(new QuizErrorEvent({ error: failure.error }));
    }
    if (this.stale) this.recount();
  }

  private recount(): void {
    this.stale = false;
    const scope = this.scope;
    this.stats = null;
    if (!scope) return;
    const store = this.progressController.store;
    const progress = readProgress(store);
    let now = progress?.now ?? Date.now();
    try {
      if (!progress && store) now = store.now();
    } catch {
      // a store passed in without a clock: the page's
    }
    const stats = progressStats(progress?.records ?? [], now, {
      includes: (bankId, questionId) => scope.has(`${bankId}/${questionId}`),
      questions: scope.size,
      weekStart: weekStartOf(languageOf(this)),
    });
    this.stats = stats;
    this.progressController.refreshAt(stats.nextChange, () => {
      this.stale = true;
      this.requestUpdate();
    });
  }

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.strings;
    return html`
      <div part="base" class="base" lang=${s.lang} aria-busy=${this.loading ? 'true' : 'false'}>
        <div part="label" class="label" role="heading" aria-level=${this.headingLevel}>${this.label ?? s.statsLabel}</div>
        ${this.renderLoaded(() => this.renderStats(), () => this.renderSkeleton(), s.statsNoSource)}
      </div>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div class="skeleton" part="skeleton">
        <span class="visually-hidden">${this.strings.loading}</span>
        <div class="skeleton-line"></div><div class="skeleton-line"></div><div class="skeleton-line"></div>
      </div>
    `;
  }

  /** A section with its heading (`id`) and the sentence that sums it up. */
  private section(id: string, title: string, summary: string, body: TemplateResult, wide = false): TemplateResult {
    return html`
      <section part=${id} class=${wide ? 'wide' : ''} aria-labelledby=${id}>
        <div class="title" id=${id} role="heading" aria-level=${Math.min(this.headingLevel + 1, 6)}>${title}</div>
        ${summary ? html`<p part="summary" class="summary">${summary}</p>` : nothing}
        ${body}
      </section>
    `;
  }

  private renderStats(): TemplateResult {
    const stats = this.stats;
    if (!stats) return this.renderSkeleton();
    const s = this.strings;
    const format = formatters(languageOf(this), s.lang);
    const statuses = this.section(
      'statuses',
      s.statusTitle,
      '',
      html`<dl>
        ${QUESTION_STATUSES.map((status) => html`<div part="count ${status}" class="count ${status}"><dt>${s.statusLabels[status]}</dt><dd>${stats.statuses[status]}</dd></div>`)}
      </dl>`,
    );
    if (stats.reviews === 0) return html`${statuses}<p part="empty" class="empty">${s.statsEmpty}</p>`;
    return html`${statuses}${this.renderRetention(stats, s, format)}${this.renderForecast(stats, s, format)}${this.renderCalendar(stats, s, format)}`;
  }

  private renderRetention({ retention }: ProgressStats, s: Strings, format: Formatters): TemplateResult {
    const { share, reviews, retained, days } = retention;
    return this.section(
      'retention',
      s.retentionTitle,
      share === null ? s.retentionNone(days) : s.retentionSummary(retained, reviews, days, s.grades.good, s.grades.easy),
      share === null
        ? html``
        : html`<p class="share">${format.percent(share)}</p>
            <svg part="meter" class="meter" viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width=${share * 100} height="1"></rect></svg>`,
    );
  }

  private renderForecast({ forecast }: ProgressStats, s: Strings, format: Formatters): TemplateResult {
    const n = forecast.length;
    const total = forecast.reduce((sum, day) => sum + day.count, 0);
    const max = Math.max(1, ...forecast.map((day) => day.count));
    const dayName = (day: StatsDay, i: number) => (i === 0 ? `${s.today}, ${format.day(day)}` : format.day(day));
    return this.section(
      'forecast',
      s.forecastTitle(n),
      s.forecastSummary(total, forecast[0]?.count ?? 0, n),
      html`
        <div class="plot" aria-hidden="true">
          <div class="scale"><span>${max}</span><span>0</span></div>
          <svg part="chart" class="bars" viewBox="0 0 ${n * 10} 100" preserveAspectRatio="none" focusable="false">
            <line class="grid" x1="0" x2=${n * 10} y1="0.5" y2="0.5" vector-effect="non-scaling-stroke"></line>
            ${forecast.map((day, i) => {
              const height = day.count ? Math.max(2, (day.count / max) * 99) : 0;
              return day.count
                ? svg`<rect class="bar" x=${i * 10 + 1.5} width="7" y=${100 - height} height=${height}><title>${s.dueOn(dayName(day, i), day.count)}</title></rect>`
                : nothing;
            })}
            <line class="axis" x1="0" x2=${n * 10} y1="99.5" y2="99.5" vector-effect="non-scaling-stroke"></line>
          </svg>
          <div class="ticks">${forecast.filter((_, i) => i % 7 === 0 && i + 7 <= n).map((day, i) => html`<span>${i === 0 ? s.today : format.short(day)}</span>`)}</div>
        </div>
        <div class="visually-hidden"><table>
          <caption>${s.forecastTitle(n)}</caption>
          <tr><th scope="col">${s.forecastDay}</th><th scope="col">${s.forecastDue}</th></tr>
          ${forecast.map((day, i) => html`<tr><th scope="row">${dayName(day, i)}</th><td>${day.count}</td></tr>`)}
        </table></div>
      `,
      true,
    );
  }

  private renderCalendar({ calendar }: ProgressStats, s: Strings, format: Formatters): TemplateResult {
    const weeks = Math.ceil(calendar.length / 7);
    const max = Math.max(1, ...calendar.map((day) => day.count));
    const level = (count: number) => (count ? Math.ceil((count / max) * 4) : 0);
    const weekOf = (w: number) => calendar.slice(w * 7, w * 7 + 7);
    const total = calendar.reduce((sum, day) => sum + day.count, 0);
    const active = calendar.filter((day) => day.count > 0).length;
    const width = LEFT + weeks * PITCH;
    // A month's name over the week holding its first day; none in the last column, where it would not fit.
    const months = Array.from({ length: weeks - 1 }, (_, w) => weekOf(w).find((day) => day.date.endsWith('-01')))
      .map((first, w) => (first ? svg`<text x=${LEFT + w * PITCH} y=${TOP - 6}>${format.month(first)}</text>` : nothing));
    const cell = (day: StatsDay, i: number) =>
      svg`<rect class="cell l${level(day.count)}${i === calendar.length - 1 ? ' today' : ''}" x=${LEFT + Math.floor(i / 7) * PITCH} y=${TOP + (i % 7) * PITCH} width=${CELL} height=${CELL} rx="2"><title>${s.reviewsOn(format.day(day), day.count)}</title></rect>`;
    const legend = [0, 1, 2, 3, 4].map((l) => svg`<rect class="cell l${l}" x=${l * PITCH + 0.5} y="0.5" width=${CELL} height=${CELL} rx="2"></rect>`);
    return this.section(
      'calendar',
      s.calendarTitle(weeks),
      s.calendarSummary(total, active),
      html`
        <svg part="chart" class="heatmap" viewBox="0 0 ${width} ${TOP + 7 * PITCH}" width=${width} height=${TOP + 7 * PITCH} aria-hidden="true" focusable="false">
          ${months}
          ${weekOf(0).map((day, row) => (day.weekday % 2 ? svg`<text x=${LEFT - 6} y=${TOP + row * PITCH + 10} text-anchor="end">${format.weekday(day)}</text>` : nothing))}
          ${calendar.map(cell)}
        </svg>
        <div class="legend" aria-hidden="true">
          ${s.fewer}<svg viewBox="0 0 ${5 * PITCH} ${CELL + 1}" width=${5 * PITCH} height=${CELL + 1} focusable="false">${legend}</svg>${s.more}
        </div>
        <div class="visually-hidden"><table>
          <caption>${s.calendarTitle(weeks)}</caption>
          <tr><td></td>${weekOf(0).map((day) => html`<th scope="col">${format.weekday(day)}</th>`)}</tr>
          ${Array.from({ length: weeks }, (_, w) => {
            const days = weekOf(w);
            return html`<tr><th scope="row">${s.weekOf(format.short(days[0]!))}</th>${[0, 1, 2, 3, 4, 5, 6].map((d) => html`<td>${days[d]?.count ?? ''}</td>`)}</tr>`;
          })}
        </table></div>
      `,
      true,
    );
  }
}

type Strings = UiStrings & StatsStrings;
type Formatters = ReturnType<typeof formatters>;

declare global {
  interface HTMLElementTagNameMap {
    'quiz-stats': QuizStats;
  }
}
