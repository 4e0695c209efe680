import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { LoadedBank } from '../../bank/load.js';
import type { Bank, QuestionKind } from '../../bank/types.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { QuizQuestionSelectEvent } from '../../events/quiz-question-select.js';
import type { QuizTopicSelectEvent } from '../../events/quiz-topic-select.js';
import type { ProgressStore } from '../../progress/store.js';
import type { QuestionStatus } from '../../progress/types.js';
import type { BrowseFilter } from '../../search/browse-query.js';
import type { IndexedQuestion, ResultGroup, SearchResult } from '../../search/question-index.js';
import { noticeStyles } from '../../styles/notice.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { collectionStrings } from '../../i18n/collection.js';
import { ChineseFontsController } from '../chinese-fonts-controller.js';
import { ListboxController } from '../listbox-controller.js';
import { QuizElement } from '../quiz-element.js';
import * as progressStoreModule from '../../progress/store.js';
import { ProgressController, provideStoreModule, renderProgressNotes } from '../progress-controller.js';
import '../progress-transfer/progress-transfer.js';
import '../quiz-card/quiz-card.js';
import '../topic-list/topic-list.js';
import { groupHolds, keyOf, miniBankOf, rowStatus, type BrowserData } from './browser-data.js';
import { BrowseSession, loadBrowser, type Loaded } from './browse-session.js';
import { tabMove } from './detail-keys.js';
import { HashSyncController } from './hash-sync-controller.js';
import { questionBrowserStyles } from './question-browser.styles.js';
import { SearchShortcutController } from './search-shortcut.js';
import { NO_FILTER, queryConverter, statusFrom, topicListConverter, topicsFrom, type BrowserState } from './url-state.js';
import { resultsSpanBanks, shortBankLabel } from './bank-label.js';
import { PanelsController } from './panels-controller.js';
import { renderCountRow } from './views/count-view.js';
import { renderDetail } from './views/detail-view.js';
import { renderFilters } from './views/filters-view.js';
import { renderOverview, renderProgressPanel, renderStats } from './views/overview-view.js';
import { renderPanel } from './views/panel-view.js';
import { renderNoResults, renderResults } from './views/results-view.js';
import { renderRow } from './views/row-view.js';
import { renderToolbar } from './views/toolbar-view.js';
import { renderFailures, renderLoadFailed, renderSkeleton } from './views/state-views.js';

// Counts and statuses show on the first render: the store's code comes with this element.
provideStoreModule(progressStoreModule);

/** Rows moved by Page Up / Page Down. */
const PAGE = 10;
/** Quiet time after the last keystroke or filter change before the result count is announced. */
const ANNOUNCE_AFTER_MS = 700;

/**
 * Browse, search and practise a whole question bank or catalog: a search field, filters by
 * topic, kind and bank, a result list and a detail pane with the open question in a
 * `<quiz-card>`. With no source at all it shows every bundled bank.
 *
 * Search runs as you type over title, prompt, answer, explanation and example; every word must occur (in any of them), Chinese is
 * matched character for character, case and width do not matter. Title matches come first. Questions with the same title are one
 * row marked with the number of variants; opening it shows them as tabs (one line that scrolls sideways).
 *
 * The element's own width chooses the layout (container queries on `:host`, named `question-browser`): from 64rem, filters and
 * topics | results | the open question; from 40rem, results | the open question, with filters and topics behind a Filters button
 * (the panel takes the results' place while open; changes apply at once); under 40rem one column where the open question replaces
 * the list and Back returns. Search and the count stay above the results at every width. The open question scrolls on its own,
 * with its grades sticky at the bottom. With nothing open, the detail area shows an overview, and `<quiz-stats>` (loaded then) once
 * there is progress. The list is windowed, so 50,000 questions stay usable.
 *
 * Keys: `/` focuses the search field (anywhere on the page, unless typing in a field); Down
 * moves from the field into the results; Up/Down, Home/End, Page Up/Down move in the results;
 * Enter opens; Escape closes the open question and returns to its row.
 *
 * With `sync-url`, the query, filters and open question live in the URL hash (`#q=…&topic=…&status=due&open=bank/question`),
 * so a link opens the same view and Back/Forward step through it. Use it on one browser per page.
 *
 * Learner progress (the store of `progress-key`, or `progressStore`; none with `no-progress`) is
 * shared with the inner topic list (counts per topic) and the open question's card (which records
 * grades). Once any question shown has progress, each row shows its status (a group of variants:
 * the most urgent of its questions, due > learning > new > mastered); the Status filter keeps the
 * questions with that status, after the search. "Review due (N)" counts the due questions under
 * the topic, kind and bank filters; it clears the search, sets the filter to Due and opens the
 * first due question, so the learner answers them one after another from the list. The Progress button opens a panel over the
 * results (so its messages move nothing) with a `<quiz-progress-transfer>`: Export progress saves the store as a JSON file, Import
 * progress merges one in (the newest review wins); its parts are the browser's `progress-tools`, `button` and `error`. Under 40rem
 * the panel also shows `<quiz-stats>`.
 *
 * @summary Search, filter and open the questions of a bank or catalog.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a catalog, `<script type="text/markdown">` holding a Q&A document (any layout the importer reads), or `<script type="text/gift">` holding Moodle GIFT.
 *
 * @attr {string} lang - UI language (`zh-*`: Chinese, else English), also of the inner topic list and card; without it the nearest ancestor's `lang`, else the document's (followed when it changes).
 *
 * @csspart base - The outer box (the grid of the columns).
 * @csspart browse - The results column: toolbar, status line, results (and, from 64rem, the filters sidebar beside them).
 * @csspart toolbar - The search field and the Progress and Filters buttons.
 * @csspart filters-toggle - The Filters button, under 64rem (with `button`).
 * @csspart progress-toggle - The Progress button (with `button`).
 * @csspart progress - The Progress panel over the results: Export and Import progress, then `<quiz-stats>` under 40rem.
 * @csspart panel - Filters and topics: the sidebar from 64rem, the panel behind the Filters button below.
 * @csspart clear-all - The panel's Clear all: every filter, not the search (with `button`).
 * @csspart show-results - The panel's button that closes it and goes to the results (with `button`).
 * @csspart status-line - The line with the count, Clear filters and Review due.
 * @csspart clear-filters - The ✕ that clears the filters, while one is set (with `button`).
 * @csspart bank - A row's short bank label, only when the results span several banks and the Bank filter is All.
 * @csspart detail-header - Back, the variant tabs and "From …": they stay put while the question scrolls.
 * @csspart overview - With `detail`: the detail area with nothing open.
 * @csspart stats - The `<quiz-stats>` of the overview or the Progress panel.
 * @csspart search - The search field.
 * @csspart filters - The row of kind and bank filters.
 * @csspart select - Each filter's select.
 * @csspart topics - The `<topic-list>` of the browser.
 * @csspart count - The number of results.
 * @csspart results - The result list.
 * @csspart result - One result row; the open one also has `result-open`, the keyboard's one `result-active`.
 * @csspart result-open - Added to the row of the open question: style it with `::part(result result-open)`.
 * @csspart result-active - Added to the row the keyboard is on (Up/Down in the results).
 * @csspart result-title - The title of a row.
 * @csspart excerpt - The text around the match, under a row's title.
 * @csspart badge - The Coding, variant-count and status badges of a row.
 * @csspart status - A row's learner-status badge (with `badge`), and the status filter's select (with `select`).
 * @csspart review - The Review due (N) button, beside the result count (with `button`).
 * @csspart progress-tools - Export progress and Import progress in the Progress panel (the `tools` part of the inner `<quiz-progress-transfer>`).
 * @csspart notice - A note about stored progress (not kept, set aside), with a Dismiss button.
 * @csspart mark - A highlighted match.
 * @csspart empty - The message when nothing matches.
 * @csspart detail - The pane with the open question.
 * @csspart tabs - The variant tabs of the open question.
 * @csspart tab - One variant tab.
 * @csspart card - The `<quiz-card>` of the open question.
 * @csspart skeleton - The placeholder while loading.
 * @csspart error - The error message box, also for banks of a catalog that failed and for a progress file that cannot be imported.
 * @csspart button - Every button (Back, Retry, Clear, Review due, Export, Import, Dismiss).
 *
 * @cssprop --quiz-browser-height - Height of the browser; the result list and detail pane scroll inside it. Default 36rem.
 * @cssprop --quiz-browser-sidebar-width - Width of the filters sidebar from 64rem. Default 15rem.
 * @cssprop --quiz-browser-list-width - The results column's grid track. Default `minmax(17rem, 2fr)` at 40–64rem, `minmax(20rem, 1fr)` from 64rem.
 * @cssprop --quiz-highlight - Background of highlighted matches.
 * @cssprop --quiz-bg - Background.
 * @cssprop --quiz-fg - Text colour.
 * @cssprop --quiz-muted - Secondary text colour (counts, excerpts).
 * @cssprop --quiz-border - Border colour.
 * @cssprop --quiz-control-border - Border of the search field and the filter selects (3:1 against the background by default).
 * @cssprop --quiz-surface - Background of skeletons and hovered rows.
 * @cssprop --quiz-accent - The open row and the selected tab.
 * @cssprop --quiz-accent-fg - Text on the accent colour.
 * @cssprop --quiz-correct - The border of a Mastered status badge.
 * @cssprop --quiz-wrong - The border of a Due status badge.
 * @cssprop --quiz-focus-ring - Focus outline colour.
 * @cssprop --quiz-radius - Corner radius.
 * @cssprop --quiz-space - Base spacing.
 * @cssprop --quiz-font-family - Font family.
 * @cssprop --quiz-font-size - Base font size.
 *
 * @fires {QuizQuestionSelectEvent} quiz-question-select - The learner opened a question (a row or a variant tab). Detail: `{ bankId, questionId, variants }`.
 * @fires {QuizTopicSelectEvent} quiz-topic-select - The learner changed the topic filter (from the inner `<topic-list>`). Detail: `{ topics }`.
 * @fires {QuizErrorEvent} quiz-error - Loading failed, or one bank of a catalog did. Detail: `{ error }`.
 * @fires {QuizRevealEvent} quiz-reveal - From the open question's `<quiz-card>`: the learner showed an answer. Detail: `{ bankId, questionId }`.
 * @fires {QuizGradeEvent} quiz-grade - From the open question's `<quiz-card>`: the learner graded it. Detail: `{ bankId, questionId, grade }`.
 * @fires {QuizAnswerEvent} quiz-answer - From the open question's `<quiz-card>`: the learner checked a choice question. Detail: `{ bankId, questionId, correct, selected }`.
 */
@customElement('question-browser')
export class QuestionBrowser extends QuizElement<Loaded> {
  static override styles = [themeStyles, noticeStyles, questionBrowserStyles];

  /** URL of a bank JSON, a catalog JSON or a `.md` Q&A document, resolved against the page. */
  @property() src?: string;

  /** Id of a bundled bank or `*` for every bundled bank (attribute), or a bank or catalog object (property). Without any source the browser shows every bundled bank. */
  @property({ attribute: 'bank' }) bank?: string | Bank | Record<string, unknown>;

  /** Banks the page has already loaded (`LoadedBank[]` or `Bank[]`, not validated again): nothing is loaded. */
  @property({ attribute: false }) banks?: readonly (LoadedBank | Bank)[];

  /** The search text; every word must occur. */
  @property({ converter: queryConverter, reflect: true }) query = '';

  #topic: string[] = [];

  /**
   * Topic filter: topic ids, or `bankId/topicId` when several banks are shown; empty = all. Takes a `string[]` or, as `<quiz-card>`'s
   * `topic` does, a comma-separated string; always reads back as a `string[]`. Attribute: comma-separated.
   * @type {string[]}
   */
  @property({ converter: topicListConverter, reflect: true })
  get topic(): string[] {
    return this.#topic;
  }
  set topic(value: string | readonly string[] | null | undefined) {
    const next = topicsFrom(value);
    // The same topics keep the same array: nothing to update, and the topic list is not handed a new selection.
    if (next.length !== this.#topic.length || next.some((id, i) => id !== this.#topic[i])) this.#topic = next;
  }

  /** Show only `concept` or `coding` questions. */
  @property({ reflect: true }) kind?: QuestionKind | undefined;

  /** Show only the questions of this bank id. */
  @property({ attribute: 'bank-filter', reflect: true }) bankFilter?: string | undefined;

  /** The open question as `bankId/questionId`. */
  @property({ reflect: true }) selected?: string | undefined;

  /** Show only questions with this learner status: `new`, `learning`, `due` or `mastered` (ignored with `no-progress`). */
  @property({ reflect: true }) status?: QuestionStatus | undefined;

  /** Which learner's (or course's) progress to show and record: elements with the same key share one store, kept in localStorage. */
  @property({ attribute: 'progress-key' }) progressKey = 'default';

  /** Show and record no progress: no statuses, status filter, review, export or import. */
  @property({ type: Boolean, attribute: 'no-progress' }) noProgress = false;

  /** A progress store to use instead of the page's one for `progress-key`; passed on to the topic list and the open card. */
  @property({ attribute: false }) progressStore?: ProgressStore;

  /** Keep query, filters and open question in the URL hash, for links and Back/Forward. */
  @property({ type: Boolean, attribute: 'sync-url' }) syncUrl = false;

  @state() private announcement = '';

  @query('#results') private resultList?: HTMLElement;

  /** No English flashes before the Chinese strings arrive. */
  protected static override holdsUpdatesForStrings = true;
  private readonly progress = new ProgressController(this, { notes: true, onChange: () => void (this.session.statusesStale = true) });
  /** Chinese fonts after the page's own for Chinese text, unless `--quiz-font-family` is set (rows hold a lot of it). */
  protected readonly fonts = new ChineseFontsController(this);
  /** The rows for the search and filters (the data logic itself is `BrowseQuery`'s). */
  private readonly session = new BrowseSession(this, {
    progress: this.progress,
    onData: (data) => {
      this.list.active = 0;
      for (const failure of data.failures) this.dispatchEvent(new QuizErrorEvent({ error: failure.error }));
      this.revealOpenRow = Boolean(this.selected);
    },
    onNewResult: () => {
      this.list.active = 0;
      this.scheduleAnnouncement();
    },
  });
  /** Review due was pressed: open the first due question once the filter applies. */
  private reviewPending = false;
  /** The result list's keys; the list keeps focus, `aria-activedescendant` names the row. */
  private readonly list = new ListboxController(this, {
    focus: 'active-descendant',
    count: () => this.shown?.groups.length ?? 0,
    listbox: () => this.resultList,
    choose: (index) => this.open(this.shown!.groups.primary(index)),
    pageSize: PAGE,
    scrollIntoView: (index) => this.scrollRowIntoView(index),
  });
  /** The search, filters and open question in the URL hash, with `sync-url`. */
  private readonly hashSync = new HashSyncController(this, {
    enabled: () => this.syncUrl,
    read: () => this.state,
    apply: (state) => (this.state = state),
  });
  /** The search field's focus, and `/` to reach it. */
  private readonly searchField = new SearchShortcutController(this, () => this.renderRoot.querySelector<HTMLInputElement>('#search'));
  private readonly miniBanks = new WeakMap<object, LoadedBank>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  private pendingFocus: 'detail' | 'row' | 'search' | null = null;
  /** A question was open when data arrived (a link or the `selected` attribute): show its row. */
  private revealOpenRow = false;
  /** The Filters and Progress panels, and which layout the width chose. */
  private readonly panels = new PanelsController(this, () => this.renderRoot);
  /** Whether the rows name their bank, for the result set it was decided for. */
  private banksShown: { result: SearchResult | null; spans: boolean } = { result: null, spans: false };

  protected override load(signal: AbortSignal): Promise<Loaded> {
    return loadBrowser(this.banks, { src: this.src, bank: this.bank, inline: this.context.inline, timeout: this.timeout }, signal);
  }

  protected override loadArgs() {
    return [this.banks, this.src, this.bank, this.context.inline, this.timeout];
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
  }

  protected override get strings() {
    return collectionStrings(this.context.strings);
  }

  /** The search, filters and open question as one value: what a link names (`status` as set, even without progress). */
  private get state(): BrowserState {
    return { query: this.query, topic: this.topic, kind: this.kind, bank: this.bankFilter, status: statusFrom(this.status), open: this.selected };
  }

  /** Sets the search, filters and open question (properties only: nothing fires). */
  private set state(next: BrowserState) {
    ({ query: this.query, topic: this.topic, kind: this.kind, bank: this.bankFilter, status: this.status, open: this.selected } = next);
  }

  /** The status filter in force: none without a progress store, or for a value that is not a status. */
  private get statusFilter(): QuestionStatus | undefined {
    return this.progress.store ? statusFrom(this.status) : undefined;
  }

  /** The search and filters in force. */
  private get filter(): BrowseFilter {
    return { ...this.state, status: this.statusFilter };
  }

  // --- data and search ----------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    this.hashSync.sync();
    if (this.progress.sync() !== 'same') this.session.statusesStale = true;
    const loaded = this.loadTask.status === TaskStatus.COMPLETE ? this.loadTask.value ?? null : null;
    const shown = this.session.update(loaded, this.filter, { selected: Boolean(this.selected), statusChanged: changed.has('status') });
    if (!shown) return;
    if (this.reviewPending) {
      this.reviewPending = false;
      this.startReview(shown);
    }
    if (this.revealOpenRow) {
      this.revealOpenRow = false;
      const row = shown.groups.rowOfTitle(this.openEntry);
      if (row >= 0) {
        this.list.active = row;
        this.list.scrollToActive();
      }
    }
    // Fewer rows than before: the keyboard's row is the last (`active` reads clamped).
    const active = this.list.active;
    this.list.active = active;
  }

  /** What the browser shows for one loaded collection (`el.data.index`, `el.data.browse`: the benchmarks read them). */
  private get data(): BrowserData | null {
    return this.session.data;
  }

  /** The rows the list shows. */
  private get shown(): SearchResult | null {
    return this.session.shown;
  }

  private scheduleAnnouncement(): void {
    clearTimeout(this.announceTimer);
    this.announceTimer = setTimeout(() => {
      const result = this.shown;
      if (!result) return;
      this.announcement = this.strings.resultAnnouncement(result.questionCount, result.groups.length, this.query.trim());
    }, ANNOUNCE_AFTER_MS);
  }

  private get openEntry(): IndexedQuestion | undefined {
    return this.selected ? this.data?.byKey.get(this.selected) : undefined;
  }

  // --- user actions -------------------------------------------------------------------------

  /** Opens a question as the learner asked, telling the page and the URL. */
  private open(entry: IndexedQuestion, focus: 'detail' | null = 'detail'): void {
    if (keyOf(entry) !== this.selected) {
      this.select(entry);
      this.hashSync.write('push');
    }
    this.pendingFocus = focus;
  }

  /** Makes `entry` the open question and tells the page. */
  private select(entry: IndexedQuestion): void {
    this.selected = keyOf(entry);
    const variants = this.data!.index.variantsOf(entry).length;
    this.dispatchEvent(new QuizQuestionSelectEvent({ bankId: entry.bankId, questionId: entry.question.id, variants }));
  }

  /** Closes the open question; the keyboard goes back to its row. */
  private close = (): void => {
    if (!this.selected) return;
    const row = this.shown?.groups.rowOfTitle(this.openEntry) ?? -1;
    if (row >= 0) this.list.active = row;
    this.selected = undefined;
    this.hashSync.write('push');
    this.pendingFocus = 'row';
  };

  private setQuery = (value: string): void => {
    if (value === this.query) return;
    this.query = value;
    // Typing brings the results back in place of the Filters panel (below 64rem).
    this.panels.closeFilters();
    this.hashSync.write('replace');
  };

  private onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || !this.shown?.groups.length) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.list.active = 0;
      this.resultList?.focus();
      this.list.scrollToActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.open(this.shown.groups.primary(this.list.active));
    }
  };

  /** A filter select changed: the learner's choice, recorded as a step of its own in the URL. */
  private setFilter(change: Partial<BrowseFilter>): void {
    // The status as set, unless changed: a filter of another kind leaves it alone.
    this.state = { ...this.state, status: this.status, ...change };
    this.hashSync.write('push');
  }

  private onTopicSelect = (event: QuizTopicSelectEvent): void => {
    // The event goes on to the page: it is the learner's choice of topic in this browser too.
    this.setFilter({ topic: event.detail.topics });
  };

  private clearSearch = (): void => {
    this.setFilter(NO_FILTER);
    this.pendingFocus = 'search';
  };

  /** Clears the topic, kind, bank and status filters; the search stays. */
  private clearFilters = (): void => {
    this.setFilter({ ...NO_FILTER, query: this.query });
  };

  /** How many filters are set: the Filters button says it. */
  private get activeFilters(): number {
    return [this.topic.length > 0, this.kind, this.bankFilter, this.statusFilter].filter(Boolean).length;
  }

  /** Review due: the due questions under the topic, kind and bank filters, the first one open. */
  private reviewDue = (): void => {
    if (this.session.dueCount(this.filter) === 0) return;
    this.query = '';
    this.status = 'due';
    this.reviewPending = true;
  };

  /** Opens the first row of the due list (from `willUpdate`, once the filter applies) and records the view in the URL. */
  private startReview(shown: SearchResult): void {
    const first = shown.groups.at(0)?.primary;
    this.list.active = 0;
    if (first && keyOf(first) !== this.selected) this.select(first);
    this.pendingFocus = first ? 'detail' : null;
    this.hashSync.write('push');
  }

  /** The list's keys (`ListboxController`), and two of the browser's own: Up from the first row goes back to the search field, Escape closes the open question. */
  private onResultsKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || !this.shown?.groups.length) return;
    if (event.key === 'ArrowUp' && this.list.active === 0) this.searchField.focus();
    else if (event.key === 'Escape' && this.selected) this.close();
    else return void this.list.handleKey(event);
    event.preventDefault();
  };

  private onResultsClick = (event: MouseEvent): void => {
    const index = this.list.indexOf(event);
    if (index === undefined) return;
    this.list.active = index;
    this.open(this.shown!.groups.primary(index));
  };

  private onTabKeyDown = (event: KeyboardEvent, variants: readonly IndexedQuestion[], current: number): void => {
    const next = tabMove(event.key, current, variants.length);
    if (next === undefined) return;
    event.preventDefault();
    this.open(variants[next]!, null);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role="tab"][data-index="${next}"]`)?.focus());
  };

  /** Brings row `index` into view: the windowed list renders it first. */
  private scrollRowIntoView(index: number): void {
    const list = this.resultList as (HTMLElement & Record<symbol, { element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined }>) | undefined;
    const ref = this.session.source?.virtualizer.virtualizerRef;
    if (list && ref) list[ref]?.element(index)?.scrollIntoView({ block: 'nearest' });
  }

  protected override updated(): void {
    const focus = this.pendingFocus;
    this.pendingFocus = null;
    if (focus === 'detail') this.renderRoot.querySelector<HTMLElement>('#detail')?.focus();
    else if (focus === 'search') this.searchField.focus();
    else if (focus === 'row' && this.resultList) {
      this.resultList.focus();
      this.list.scrollToActive();
    }
  }

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.strings;
    const busy = this.loadTask.status === TaskStatus.PENDING;
    return html`
      <div part="base" class="base ${this.openEntry ? 'open' : ''}" lang=${s.lang} aria-busy=${busy ? 'true' : 'false'}>
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${this.loadTask.render({
          initial: () => renderSkeleton(s),
          pending: () => (this.data ? this.renderBrowser() : renderSkeleton(s)),
          error: (error) => renderLoadFailed(error, s, () => void this.loadTask.run()),
          complete: () => this.renderBrowser(),
        })}
      </div>
    `;
  }

  private renderBrowser(): TemplateResult {
    const { data, shown: result, panels } = this;
    const s = this.strings;
    if (!data || !result) return renderSkeleton(s);
    const store = this.progress.store;
    const theme = this.theme ?? nothing;
    // Inner elements get the UI language as their own `lang`: they would miss a change of the page's language read through this shadow root.
    const topics = html`<topic-list part="topics" class="topics" lang=${s.lang} theme=${theme} .banks=${data.banks} .selected=${this.topic}
      .progressStore=${store ?? undefined} ?no-progress=${!store} @quiz-topic-select=${this.onTopicSelect}></topic-list>`;
    const filters = renderFilters(this.filter, data.banks, Boolean(store), s, (change) => this.setFilter(change));
    const toolbar = { query: this.query, hasResults: result.groups.length > 0, compact: !panels.roomySearch, withProgress: Boolean(store), progressOpen: panels.progressOpen, filtersOpen: panels.filtersOpen, activeFilters: this.activeFilters };
    return html`
      <div class="banners">${renderProgressNotes(this.progress.notes, s, () => this.progress.dismissNotes())}${renderFailures(data.failures, s, () => void this.loadTask.run())}</div>
      <div part="browse" class="browse ${panels.filtersOpen ? 'filters-open' : ''}">
        ${renderToolbar(toolbar, s, { setQuery: this.setQuery, onKeyDown: this.onSearchKeyDown, toggleProgress: panels.toggleProgress, toggleFilters: panels.toggleFilters })}
        ${store
          ? renderProgressPanel(panels.progressOpen, panels.progressOpen && panels.narrow ? this.renderStats() : nothing, html`<quiz-progress-transfer class="progress-footer"
              exportparts="tools: progress-tools, button, error" lang=${s.lang} theme=${theme} .progressStore=${store}></quiz-progress-transfer>`, s, { onKeyDown: panels.onProgressKeyDown })
          : nothing}
        ${renderCountRow(result, store ? { due: this.session.dueCount(this.filter), start: this.reviewDue } : null, s, this.activeFilters ? this.clearFilters : null)}
        ${renderPanel(filters, topics, result.complete ? result.questionCount : null, s, {
          onKeyDown: panels.onFiltersKeyDown,
          clearAll: this.clearFilters,
          showResults: () => panels.closeFilters(result.groups.length ? '#results' : '#search'),
        })}
        ${result.groups.length
          ? renderResults(result, this.session.source!.virtualizer, (group, index) => this.renderRow(group, index, result), s, { onKeyDown: this.onResultsKeyDown, onClick: this.onResultsClick }, this.session.searching)
          : renderNoResults(this.noResultsMessage(), this.clearSearch, s)}
      </div>
      ${this.renderDetail()}
    `;
  }

  /** The progress at a glance, once there is progress: `<quiz-stats>` loads only then (and only when it shows). */
  private renderStats(): TemplateResult | typeof nothing {
    const store = this.progress.store;
    if (!store) return nothing;
    if (!this.session.statuses?.size) return html`<p class="progress-none">${this.strings.progressNone}</p>`;
    return renderStats({ banks: this.data!.banks, store, lang: this.strings.lang, theme: this.theme });
  }

  /** Why nothing shows: the search found questions, but none has the status (then not "try fewer words"). */
  private noResultsMessage(): string {
    const status = this.statusFilter;
    const s = this.strings;
    return status && this.session.result?.groups.length ? s.noStatusResults(s.statusLabels[status]) : s.noResults(this.query.trim());
  }

  private renderRow(group: ResultGroup, index: number, result: SearchResult): TemplateResult {
    const bank = this.data!.byId.get(group.primary.bankId)!.bank;
    if (this.banksShown.result !== result) this.banksShown = { result, spans: resultsSpanBanks(result.groups, this.bankFilter) };
    const row = {
      index,
      bank,
      terms: result.terms,
      setSize: result.complete ? result.groups.length : -1,
      open: groupHolds(group, this.selected),
      active: index === this.list.active,
      status: rowStatus(group, this.session.statuses),
      bankLabel: this.banksShown.spans ? shortBankLabel(bank.title, bank.shortTitle) : null,
    };
    return renderRow(group, row, this.strings);
  }

  private renderDetail(): TemplateResult {
    const entry = this.openEntry;
    const s = this.strings;
    if (!entry) {
      const { data, panels } = this;
      const store = this.progress.store;
      const named = this.loadTask.value?.collection.catalog?.title;
      const title = typeof named === 'string' ? named : data!.banks.length === 1 ? data!.banks[0]!.bank.title : '';
      // Shown from 40rem: on one column the detail area is hidden with nothing open, and the Progress panel holds the numbers.
      const stats = panels.measured && !panels.narrow ? this.renderStats() : nothing;
      return renderOverview({ title, questions: data!.index.size, banks: data!.banks.length, due: store ? this.session.dueCount(NO_FILTER) : null, stats }, s);
    }
    const data = this.data!;
    const view = {
      entry,
      variants: data.index.variantsOf(entry),
      loaded: data.byId.get(entry.bankId)!,
      card: miniBankOf(data, entry, this.miniBanks),
      theme: this.theme,
      store: this.progress.store,
    };
    return renderDetail(view, s, { close: this.close, openVariant: (variant) => this.open(variant, null), onTabKeyDown: this.onTabKeyDown });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'question-browser': QuestionBrowser;
  }
}
