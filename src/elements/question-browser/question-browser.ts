import { TaskStatus } from '@lit/task';
import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import type { LoadedCollection } from '../../bank/catalog.js';
import { loadBundledCollection } from '../../bank/catalog.js';
import { lazyModule, type LoadedBank } from '../../bank/load.js';
import { LazyChunk } from '../../lazy.js';
import type { Bank, Question, QuestionKind } from '../../bank/types.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { QuizQuestionSelectEvent } from '../../events/quiz-question-select.js';
import type { QuizTopicSelectEvent } from '../../events/quiz-topic-select.js';
import { ProgressFileError } from '../../progress/record.js';
import type { ProgressStore } from '../../progress/store.js';
import { QUESTION_STATUSES, type QuestionStatus } from '../../progress/types.js';
import { highlightRanges } from '../../search/highlight.js';
import { BrowseQuery, isUnfiltered, statusesOf, statusIn, type BrowseFilter, type Statuses } from '../../search/browse-query.js';
import type { IndexedQuestion, QuestionIndex, ResultGroup, SearchResult } from '../../search/question-index.js';
import { noticeStyles } from '../../styles/notice.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { isLoadedBank, loadCollectionOf } from '../collection-source.js';
import { describeLoadError, renderLoadError } from '../load-error-message.js';
import { collectionStrings } from '../../i18n/collection.js';
import { QuizElement } from '../quiz-element.js';
import * as progressStoreModule from '../../progress/store.js';
import { ProgressController, provideStoreModule, renderProgressNotes } from '../progress-controller.js';
import { readProgress } from '../read-progress.js';
import '../quiz-card/quiz-card.js';
import '../topic-list/topic-list.js';
import { questionBrowserStyles } from './question-browser.styles.js';
import { hashOf, stateFromHash, statusFrom, type BrowserState } from './url-state.js';
import { plainText } from '../../text/plain-text.js';

// Counts and statuses show on the first render: the store's code comes with this element.
provideStoreModule(progressStoreModule);

type VirtualizerModule = typeof import('./windowing.js');
const windowingChunk = new LazyChunk<VirtualizerModule>(() => import('./windowing.js'), 'the result list');

/** What the browser shows, made once per loaded collection. */
interface BrowserData {
  banks: readonly LoadedBank[];
  byId: ReadonlyMap<string, LoadedBank>;
  index: QuestionIndex;
  /** Searching, filtering and counting over `index`. */
  browse: BrowseQuery;
  /** `bankId/questionId` → question, for `selected` and deep links; made on first use (not needed to show rows). */
  readonly byKey: ReadonlyMap<string, IndexedQuestion>;
  failures: LoadedCollection['failures'];
}

type SearchModule = typeof import('../../search/question-index.js');
const searchChunk = new LazyChunk<SearchModule>(() => import('../../search/question-index.js'), 'search');

interface Loaded {
  collection: LoadedCollection;
  virtualizer: VirtualizerModule;
  search: SearchModule;
}

/** A row's status when its questions differ: the most urgent first. */
const URGENCY: readonly QuestionStatus[] = ['due', 'learning', 'new', 'mastered'];

/** How long a download's object URL is kept (the browser has started saving it long before). */
const DOWNLOAD_URL_MS = 60_000;

/** Questions whose rows the first render shows before the rest are grouped (a few screens' worth). */
const FIRST_ROWS = 500;
/**
 * A search is answered at once when that takes about SEARCH_BUDGET_MS at most (building what the
 * index still lacks, scanning, grouping); otherwise the rows shown stay until it is answered in
 * slices of SEARCH_SLICE_MS, between which input and rendering go on (50,000 questions). With
 * the rendering after it, no task then takes much over 50 ms.
 */
const SEARCH_BUDGET_MS = 25;
const SEARCH_SLICE_MS = 40;

/** Rows moved by Page Up / Page Down. */
const PAGE = 10;
/** Quiet time after the last keystroke or filter change before the result count is announced. */
const ANNOUNCE_AFTER_MS = 700;
/** Characters of context shown before a match in a row's excerpt. */
const EXCERPT_LEAD = 24;
const EXCERPT_LENGTH = 120;
/**
 * Characters of each field searched for an excerpt, and of a title shown in its row (two lines
 * show far fewer): a bank may hold megabytes in one field, and a row is drawn again on every
 * scroll and key press.
 */
const EXCERPT_SCAN = 4000;
/** Excerpts come from whole fields, so quote, heading and table marks go too. */
const EXCERPT_MARKS = { blockMarks: true };
const ROW_TITLE_LENGTH = 300;

/** `query` as an attribute: removing it empties the search; an empty search removes it. */
const queryConverter = {
  fromAttribute: (value: string | null): string => value ?? '',
  toAttribute: (value: string | undefined): string | null => value || null,
};

const topicListConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | null => (value?.length ? value.join(',') : null),
};

/**
 * Browse, search and practise a whole question bank or catalog: a search field, filters by
 * topic, kind and bank, a result list and a detail pane with the open question in a
 * `<quiz-card>`. With no source at all it shows every bundled bank.
 *
 * Search runs as you type over title, prompt, answer, explanation and example; every word must
 * occur (in any of them), Chinese is matched character for character, case and width do not
 * matter. Title matches come first. Questions with the same title are one row marked with the
 * number of variants; opening it shows them as tabs.
 *
 * Two columns when the element is at least 640 px wide, else one column where the open question
 * replaces the list and a Back button returns. The list is windowed, so 50,000 questions stay usable.
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
 * first due question, so the learner answers them one after another from the list. Export
 * progress saves the store as a JSON file; Import progress merges one in (newest review wins).
 *
 * @summary Search, filter and open the questions of a bank or catalog.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a catalog, `<script type="text/markdown">` holding a Q&A document (any layout the importer reads), or `<script type="text/gift">` holding Moodle GIFT.
 *
 * @attr {string} lang - UI language (`zh-*`: Chinese, else English), also of the inner topic list and card; without it the nearest ancestor's `lang`, else the document's (followed when it changes).
 *
 * @csspart base - The outer box (the grid of the two columns).
 * @csspart browse - The column with search, filters and results.
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
 * @csspart badge - The kind, variant-count and status badges of a row.
 * @csspart status - A row's learner-status badge (with `badge`), and the status filter's select (with `select`).
 * @csspart review - The Review due (N) button, beside the result count (with `button`).
 * @csspart progress-tools - Export progress and Import progress, under the results.
 * @csspart notice - A note about stored progress (not kept, set aside), with a Dismiss button.
 * @csspart mark - A highlighted match.
 * @csspart empty - The message when nothing matches.
 * @csspart detail - The pane with the open question.
 * @csspart tabs - The variant tabs of the open question.
 * @csspart tab - One variant tab.
 * @csspart card - The `<quiz-card>` of the open question.
 * @csspart skeleton - The placeholder while loading.
 * @csspart error - The error message box, also for banks of a catalog that failed.
 * @csspart button - Every button (Back, Retry, Clear, Review due, Export, Import, Dismiss).
 *
 * @cssprop --quiz-browser-height - Height of the browser; the result list and detail pane scroll inside it. Default 36rem.
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

  /** Topic filter: topic ids, or `bankId/topicId` when several banks are shown; empty = all. Attribute: comma-separated. */
  @property({ converter: topicListConverter, reflect: true }) topic: string[] = [];

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



  @state() private activeIndex = 0;
  @state() private announcement = '';
  /** The outcome of the last export or import, shown and read out politely. */
  @state() private progressMessage = '';
  /** Why the last import failed, shown as an alert. */
  @state() private importError = '';

  @query('#search') private searchField?: HTMLInputElement;
  @query('#results') private resultList?: HTMLElement;


  /** No English flashes before the Chinese strings arrive. */
  protected static override holdsUpdatesForStrings = true;
  private data: BrowserData | null = null;
  private dataSource: Loaded | null = null;
  private result: SearchResult | null = null;
  /** `result` less the rows without a question of the status filter: what the list shows. */
  private shown: SearchResult | null = null;
  private shownStatus: QuestionStatus | undefined;
  /** Statuses of the collection's questions that have progress; null when none has. */
  private statuses: Statuses | null = null;
  private statusesStale = true;
  /** Review due was pressed: open the first due question once the filter applies. */
  private reviewPending = false;
  private readonly progress = new ProgressController(this, {
    notes: true,
    onChange: () => {
      this.statusesStale = true;
    },
  });
  private readonly miniBanks = new WeakMap<Question, LoadedBank>();
  private announceTimer?: ReturnType<typeof setTimeout>;
  private preparing?: AbortController;
  private pendingFocus: 'detail' | 'row' | 'search' | null = null;
  /** A question was open when data arrived (a link or the `selected` attribute): show its row. */
  private revealOpenRow = false;
  /** The state the element had before the URL said anything: where an empty hash goes back to. */
  private initialState: BrowserState | null = null;

  protected override async load(signal: AbortSignal): Promise<Loaded> {
    // Windowing and search are only needed here, so they are chunks of their own, fetched with the data.
    const virtualizer = lazyModule(windowingChunk);
    const search = lazyModule(searchChunk);
    const { banks, timeout } = this;
    let collection: LoadedCollection;
    if (banks) {
      const base = document.baseURI;
      collection = { banks: banks.map((item) => (isLoadedBank(item) ? item : { bank: item, baseUrl: base })), failures: [] };
    } else {
      collection = (await loadCollectionOf({ src: this.src, bank: this.bank, inline: this.context.inline, timeout }, signal)) ?? (await loadBundledCollection({ signal, timeout }));
    }
    return { collection, virtualizer: await virtualizer, search: await search };
  }

  protected override loadArgs() {
    return [this.banks, this.src, this.bank, this.context.inline, this.timeout];
  }

  override connectedCallback(): void {
    super.connectedCallback();
    document.addEventListener('keydown', this.onDocumentKeyDown);
    if (this.syncUrl) this.startUrlSync();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    document.removeEventListener('keydown', this.onDocumentKeyDown);
    this.stopUrlSync();
    clearTimeout(this.announceTimer);
    this.preparing?.abort();
    this.data?.browse.stop();
    this.rowsObserver?.observer.disconnect();
    this.rowsObserver = undefined;
  }

  protected override get strings() {
    return collectionStrings(this.context.strings);
  }

  // --- data and search ----------------------------------------------------------------------

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('syncUrl') && this.isConnected) {
      if (this.syncUrl) this.startUrlSync();
      else this.stopUrlSync();
    }
    if (this.progress.sync() !== 'same') this.statusesStale = true;
    const loaded = this.loadTask.status === TaskStatus.COMPLETE ? this.loadTask.value ?? null : null;
    if (loaded !== this.dataSource) {
      this.dataSource = loaded;
      this.data = loaded ? dataOf(loaded.collection, loaded.search) : null;
      this.result = null;
      this.shown = null;
      this.statusesStale = true;
      this.activeIndex = 0;
      for (const failure of this.data?.failures ?? []) this.dispatchEvent(new QuizErrorEvent({ error: failure.error }));
      if (this.data) this.prepareIndex(this.data.index);
      this.revealOpenRow = Boolean(this.selected);
    }
    if (!this.data) return;
    if (this.statusesStale) this.readStatuses();
    const { index, browse } = this.data;
    const filter = this.filter;
    const status = filter.status;
    // The first screen of a large collection comes before every title is grouped; the rest follows.
    // Only unfiltered: the first questions may hold none of a filter's matches (an empty screen, for a moment).
    const unfiltered = isUnfiltered(filter);
    const firstRows = this.result === null && !this.selected && unfiltered ? FIRST_ROWS : undefined;
    const result = browse.search(filter, firstRows === undefined ? { budgetMs: SEARCH_BUDGET_MS } : { firstRows }) ?? this.searchLater(filter);
    if (!result) return;
    if (!result.complete) {
      const data = this.data;
      void index.grouped.then(() => this.updateAfterIndexWork(data));
    }
    if (result !== this.result || (changed.has('status') && this.shown !== null && status !== this.shownStatus)) {
      // Completing the first screen's answer is not a new search: keep the place, say nothing.
      // (A search or filter the learner set meanwhile is one: it is no longer unfiltered.)
      const first = this.result === null || (result !== this.result && !this.result.complete && unfiltered);
      this.result = result;
      if (!first) {
        this.activeIndex = 0;
        this.scheduleAnnouncement();
      }
    }
    // The status filter applies after the search, and again when progress changes (rows may leave).
    const shown = (this.shown = browse.shown(result, status, this.statuses));
    this.shownStatus = status;
    if (this.reviewPending) {
      this.reviewPending = false;
      this.startReview(shown);
    }
    if (this.revealOpenRow) {
      this.revealOpenRow = false;
      const row = shown.groups.findIndex((group) => group.variants.some((v) => keyOf(v) === this.selected));
      if (row >= 0) {
        this.activeIndex = row;
        this.scrollToActive();
      }
    }
    this.activeIndex = Math.min(this.activeIndex, Math.max(shown.groups.length - 1, 0));
  }

  /** The status filter in force: none without a progress store, or for a value that is not a status. */
  private get statusFilter(): QuestionStatus | undefined {
    return this.progress.store ? statusFrom(this.status) : undefined;
  }

  /** The search and filters in force, as one value. */
  private get filter(): BrowseFilter {
    return { query: this.query, topic: this.topic, kind: this.kind, bank: this.bankFilter, status: this.statusFilter };
  }

  /**
   * A search the index cannot answer at once: answered in slices, then shown by an update; until
   * then the rows shown so far stay (null before the first). A newer search stops it.
   */
  private searchLater(filter: BrowseFilter): SearchResult | null {
    const data = this.data!;
    void data.browse.searchLater(filter, SEARCH_SLICE_MS).then((done) => {
      if (done) this.updateAfterIndexWork(data);
    });
    return this.result;
  }

  /** Renders what the index has done for `data`, in a task of its own: not after the slice of work that finished it. */
  private updateAfterIndexWork(data: BrowserData): void {
    setTimeout(() => {
      if (this.data === data) this.requestUpdate();
    });
  }

  /**
   * The status of every question with progress, from the store's records: O(records), plus one
   * pass over the questions the first time (the `bankId/questionId` map). Nothing at all is done
   * for a store without records. Again when the store changes, or when a status changes with time.
   */
  private readStatuses(): void {
    this.statusesStale = false;
    const progress = readProgress(this.progress.store);
    const { statuses, nextChange } = progress ? statusesOf(progress.records, this.data!.byKey, progress.now) : { statuses: null, nextChange: null };
    this.statuses = statuses;
    this.progress.refreshAt(nextChange, () => {
      this.statusesStale = true;
      this.requestUpdate();
    });
  }

  /** A row's status: its question's, or the most urgent of its questions'; null while no question of the collection has progress. */
  private rowStatus(group: ResultGroup): QuestionStatus | null {
    if (!this.statuses) return null;
    let best = URGENCY.length - 1;
    for (const member of group.members) {
      best = Math.min(best, URGENCY.indexOf(statusIn(this.statuses, member)));
      if (best === 0) break;
    }
    return URGENCY[best]!;
  }

  /** Due questions under the topic, kind and bank filters (not the search or the status filter): what Review due asks. */
  private get dueCount(): number {
    return this.data?.browse.dueCount(this.filter, this.statuses) ?? 0;
  }

  /** Prepares the index in short slices once the first rows are on screen, so later keystrokes build nothing. */
  private prepareIndex(index: QuestionIndex): void {
    this.preparing?.abort();
    const controller = (this.preparing = new AbortController());
    // Started after the rows are painted: preparing earlier delays the first rows by its slices.
    void this.updateComplete
      .then(afterPaint)
      .then(() => index.prepare({ signal: controller.signal }))
      .catch(() => undefined);
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

  /** The bank of a question with only that question: what the detail card shows, made once per question. */
  private miniBank(entry: IndexedQuestion): LoadedBank {
    let mini = this.miniBanks.get(entry.question);
    if (!mini) {
      const loaded = this.data!.byId.get(entry.bankId)!;
      mini = { bank: { ...loaded.bank, questions: [entry.question] }, baseUrl: loaded.baseUrl };
      this.miniBanks.set(entry.question, mini);
    }
    return mini;
  }

  // --- user actions -------------------------------------------------------------------------

  /** Opens a question as the learner asked, telling the page and the URL. */
  private open(entry: IndexedQuestion, focus: 'detail' | null = 'detail'): void {
    const key = keyOf(entry);
    if (key !== this.selected) {
      this.selected = key;
      const variants = this.data!.index.variantsOf(entry).length;
      this.dispatchEvent(new QuizQuestionSelectEvent({ bankId: entry.bankId, questionId: entry.question.id, variants }));
      this.writeUrl('push');
    }
    this.pendingFocus = focus;
  }

  private close(): void {
    if (!this.selected) return;
    this.lastClosed = this.selected;
    this.selected = undefined;
    this.writeUrl('push');
    this.pendingFocus = 'row';
  }

  private onSearchInput = (event: InputEvent): void => {
    // While an input method composes (pinyin), the text is not what the learner means yet.
    if (event.isComposing) return;
    this.setQuery((event.target as HTMLInputElement).value);
  };

  private onCompositionEnd = (event: CompositionEvent): void => {
    this.setQuery((event.target as HTMLInputElement).value);
  };

  private setQuery(value: string): void {
    if (value === this.query) return;
    this.query = value;
    this.writeUrl('replace');
  }

  private onSearchKeyDown = (event: KeyboardEvent): void => {
    if (event.isComposing || !this.shown?.groups.length) return;
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      this.activeIndex = 0;
      this.resultList?.focus();
      this.scrollToActive();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      this.open(this.shown.groups[this.activeIndex]!.primary);
    }
  };

  private onKindChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    this.kind = value === 'concept' || value === 'coding' ? value : undefined;
    this.writeUrl('push');
  };

  private onBankChange = (event: Event): void => {
    this.bankFilter = (event.target as HTMLSelectElement).value || undefined;
    this.writeUrl('push');
  };

  private onStatusChange = (event: Event): void => {
    this.status = statusFrom((event.target as HTMLSelectElement).value);
    this.writeUrl('push');
  };

  /** Review due: the due questions under the topic, kind and bank filters, the first one open. */
  private reviewDue = (): void => {
    if (this.dueCount === 0) return;
    this.query = '';
    this.status = 'due';
    this.reviewPending = true;
  };

  /** Opens the first row of the due list (from `willUpdate`, once the filter applies) and records the view in the URL. */
  private startReview(shown: SearchResult): void {
    const first = shown.groups[0]?.primary;
    this.activeIndex = 0;
    if (first && keyOf(first) !== this.selected) {
      this.selected = keyOf(first);
      this.dispatchEvent(new QuizQuestionSelectEvent({ bankId: first.bankId, questionId: first.question.id, variants: this.data!.index.variantsOf(first).length }));
    }
    this.pendingFocus = first ? 'detail' : null;
    this.writeUrl('push');
  }

  /** Saves the store as a JSON file: `quiz-progress-<key>-<date>.json`. */
  private exportProgress = (): void => {
    const store = this.progress.store;
    if (!store) return;
    const s = this.strings;
    try {
      const data = store.exportData();
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName(data.progressKey, data.exportedAt);
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_MS);
      this.importError = '';
      this.say(s.exportedProgress(data.questions.length));
    } catch (error) {
      console.warn('quiz-elements: progress could not be exported', error);
    }
  };

  private chooseImportFile = (): void => {
    this.renderRoot.querySelector<HTMLInputElement>('#import-file')?.click();
  };

  /** Why an import failed, in the UI language; what part of the file is wrong stays in English (it names fields). */
  private importFailureReason(error: unknown): string {
    const s = this.strings;
    if (!(error instanceof ProgressFileError)) return error instanceof Error ? error.message : String(error);
    const reason = s.progressFileProblems[error.problem];
    return error.problem === 'invalid' ? `${reason}: ${error.message.replace(/^Not a valid progress file: /, '').replace(/\.$/, '')}` : reason;
  }

  /** Merges the chosen file into the store; a file that is not a progress export changes nothing and says why. */
  private async importProgress(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const store = this.progress.store;
    if (!file || !store) return;
    const s = this.strings;
    this.importError = '';
    try {
      const summary = await store.importData(await file.text());
      this.say(s.importedProgress(summary));
    } catch (error) {
      this.progressMessage = '';
      this.importError = s.importProgressFailed(file.name, this.importFailureReason(error));
    } finally {
      input.value = ''; // the same file again is a new choice
    }
  }

  /** A polite message under the progress tools; cleared first, so the same message is read again. */
  private say(message: string): void {
    this.progressMessage = '';
    void this.updateComplete.then(() => {
      this.progressMessage = message;
    });
  }

  private onTopicSelect = (event: QuizTopicSelectEvent): void => {
    // The event goes on to the page: it is the learner's choice of topic in this browser too.
    this.topic = [...event.detail.topics];
    this.writeUrl('push');
  };

  private clearSearch = (): void => {
    this.query = '';
    this.topic = [];
    this.kind = undefined;
    this.bankFilter = undefined;
    this.status = undefined;
    this.writeUrl('push');
    this.pendingFocus = 'search';
  };

  private onResultsKeyDown = (event: KeyboardEvent): void => {
    const groups = this.shown?.groups ?? [];
    if (event.altKey || event.ctrlKey || event.metaKey || groups.length === 0) return;
    const last = groups.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: this.activeIndex + 1,
      ArrowUp: this.activeIndex - 1,
      Home: 0,
      End: last,
      PageDown: this.activeIndex + PAGE,
      PageUp: this.activeIndex - PAGE,
    };
    if (event.key in moves) {
      if (event.key === 'ArrowUp' && this.activeIndex === 0) this.searchField?.focus();
      else {
        this.activeIndex = Math.min(Math.max(moves[event.key]!, 0), last);
        this.scrollToActive();
      }
    } else if (event.key === 'Enter' || event.key === ' ') {
      this.open(groups[this.activeIndex]!.primary);
    } else if (event.key === 'Escape' && this.selected) {
      this.close();
    } else return;
    event.preventDefault();
  };

  private onResultsClick = (event: MouseEvent): void => {
    const row = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.getAttribute('role') === 'option');
    const index = Number(row?.dataset.index);
    const group = this.shown?.groups[index];
    if (!group) return;
    this.activeIndex = index;
    this.open(group.primary);
  };

  private onDetailKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      this.close();
      return;
    }
    // Focus lands on the pane when a question opens: its card's shortcuts (Space, 1–4, U) work from there too.
    const pane = event.currentTarget as HTMLElement;
    if (event.composedPath()[0] !== pane) return;
    const card = pane.querySelector('quiz-card');
    if (!card) return;
    const { key, code, shiftKey, altKey, ctrlKey, metaKey, repeat } = event;
    const forwarded = new KeyboardEvent('keydown', { key, code, shiftKey, altKey, ctrlKey, metaKey, repeat, cancelable: true });
    card.dispatchEvent(forwarded);
    if (forwarded.defaultPrevented) event.preventDefault();
  };

  private onTabKeyDown = (event: KeyboardEvent, variants: readonly IndexedQuestion[], current: number): void => {
    const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: variants.length - 1 };
    if (!(event.key in moves)) return;
    event.preventDefault();
    const next = (moves[event.key]! + variants.length) % variants.length;
    this.open(variants[next]!, null);
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`[role="tab"][data-index="${next}"]`)?.focus());
  };

  /** `/` anywhere on the page (outside a text field) focuses the search field, as on GitHub or MDN. */
  private onDocumentKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || !this.searchField) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    this.searchField.focus();
    this.searchField.select();
  };

  /** Brings the keyboard's row into view, once the list has been laid out (it may have just been shown). */
  private scrollToActive(): void {
    requestAnimationFrame(() => this.scrollToActiveNow());
  }

  private scrollToActiveNow(): void {
    if (!this.resultList?.isConnected || this.resultList.offsetParent === null) return;
    const list = this.resultList as (HTMLElement & Record<symbol, { element(index: number): { scrollIntoView(options?: ScrollIntoViewOptions): void } | undefined }>) | undefined;
    const ref = this.dataSource?.virtualizer.virtualizerRef;
    if (list && ref) list[ref]?.element(this.activeIndex)?.scrollIntoView({ block: 'nearest' });
  }

  /**
   * `aria-activedescendant` names the active row only while the windowed list has it in the DOM
   * (not while the browser is off-screen or the list is scrolled past it): a name with no element
   * behind it is invalid. Set here, and again whenever the list adds or drops rows.
   */
  private syncActiveDescendant = (): void => {
    const list = this.resultList;
    if (!list) return;
    const id = `row-${this.activeIndex}`;
    if (this.renderRoot.querySelector(`#${id}`)) list.setAttribute('aria-activedescendant', id);
    else list.removeAttribute('aria-activedescendant');
  };

  private rowsObserver?: { list: HTMLElement; observer: MutationObserver };

  private watchRows(): void {
    const list = this.resultList;
    if (this.rowsObserver?.list === list) return;
    this.rowsObserver?.observer.disconnect();
    this.rowsObserver = undefined;
    if (!list) return;
    const observer = new MutationObserver(this.syncActiveDescendant);
    observer.observe(list, { childList: true });
    this.rowsObserver = { list, observer };
  }

  protected override updated(): void {
    this.watchRows();
    this.syncActiveDescendant();
    const focus = this.pendingFocus;
    this.pendingFocus = null;
    if (focus === 'detail') this.renderRoot.querySelector<HTMLElement>('#detail')?.focus();
    else if (focus === 'search') this.searchField?.focus();
    else if (focus === 'row' && this.resultList) {
      const entry = this.shown?.groups.findIndex((group) => group.variants.some((v) => keyOf(v) === this.lastClosed));
      if (entry !== undefined && entry >= 0) this.activeIndex = entry;
      this.resultList.focus();
      this.scrollToActive();
    }
  }

  // --- URL hash ---------------------------------------------------------------------------------

  private urlSyncing = false;
  /** The question closed last, whose row gets the keyboard back. */
  private lastClosed?: string;

  private startUrlSync(): void {
    if (this.urlSyncing) return;
    this.urlSyncing = true;
    this.initialState ??= this.currentState();
    window.addEventListener('popstate', this.onUrlChange);
    window.addEventListener('hashchange', this.onUrlChange);
    this.applyState(stateFromHash(location.hash) ?? this.initialState);
  }

  private stopUrlSync(): void {
    if (!this.urlSyncing) return;
    this.urlSyncing = false;
    window.removeEventListener('popstate', this.onUrlChange);
    window.removeEventListener('hashchange', this.onUrlChange);
  }

  private onUrlChange = (): void => {
    this.applyState(stateFromHash(location.hash) ?? this.initialState!);
  };

  private currentState(): BrowserState {
    return { query: this.query, topic: [...this.topic], kind: this.kind, bank: this.bankFilter, status: statusFrom(this.status), open: this.selected };
  }

  private applyState(next: BrowserState): void {
    this.query = next.query;
    this.topic = [...next.topic];
    this.kind = next.kind;
    this.bankFilter = next.bank;
    this.status = next.status;
    this.selected = next.open;
  }

  /** Records a change the learner made: typing replaces the history entry, other changes add one. */
  private writeUrl(mode: 'push' | 'replace'): void {
    if (!this.urlSyncing) return;
    const hash = hashOf(this.currentState());
    if (hash === location.hash || (hash === '' && location.hash === '')) return;
    const url = `${location.pathname}${location.search}${hash || '#'}`;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.strings;
    const busy = this.loadTask.status === TaskStatus.PENDING;
    const open = Boolean(this.openEntry);
    return html`
      <div part="base" class="base ${open ? 'open' : ''}" lang=${s.lang} aria-busy=${busy ? 'true' : 'false'}>
        <div class="visually-hidden" role="status">${this.announcement}</div>
        ${this.loadTask.render({
          initial: () => this.renderSkeleton(),
          pending: () => (this.data ? this.renderBrowser() : this.renderSkeleton()),
          error: (error) => this.renderError(error),
          complete: () => this.renderBrowser(),
        })}
      </div>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div class="skeleton" part="skeleton">
        <span class="visually-hidden">${this.strings.loading}</span>
        ${[90, 40, 75, 60, 80, 55].map((width) => html`<div class="skeleton-line" style="width: ${width}%"></div>`)}
      </div>
    `;
  }

  private renderError(error: unknown): TemplateResult {
    // In a block of its own: the base is a grid of the browser's height, which would stretch the box.
    return html`<div class="load-failed">${renderLoadError(error, this.strings, { retry: () => void this.loadTask.run() })}</div>`;
  }

  private renderBrowser(): TemplateResult {
    const data = this.data;
    const result = this.shown;
    if (!data || !result) return this.renderSkeleton();
    const store = this.progress.store;
    return html`
      <div part="browse" class="browse">
        ${renderProgressNotes(this.progress.notes, this.strings, () => this.progress.dismissNotes())}
        ${this.renderFailures(data)}
        <div class="search" role="search">
          <label for="search" class="visually-hidden">${this.strings.searchLabel}</label>
          <input id="search" part="search" type="search" autocomplete="off" spellcheck="false" enterkeyhint="search"
            placeholder=${this.strings.searchPlaceholder} .value=${live(this.query)} aria-controls=${result.groups.length ? 'results' : nothing}
            @input=${this.onSearchInput} @compositionend=${this.onCompositionEnd} @keydown=${this.onSearchKeyDown} />
        </div>
        ${this.renderFilters(data)}
        <topic-list part="topics" class="topics" lang=${this.strings.lang} theme=${this.theme ?? nothing} .banks=${data.banks} .selected=${this.topic}
          .progressStore=${store ?? undefined} ?no-progress=${!store} @quiz-topic-select=${this.onTopicSelect}></topic-list>
        <div class="count-row">
          <p part="count" class="count" id="count">${result.complete ? this.strings.resultCount(result.questionCount, result.groups.length) : nothing}</p>
          ${store ? this.renderReviewButton() : nothing}
        </div>
        ${result.groups.length ? this.renderResults(result) : this.renderNoResults()}
        ${store ? this.renderProgressTools() : nothing}
      </div>
      ${this.renderDetail()}
    `;
  }

  private renderFailures(data: BrowserData): TemplateResult | typeof nothing {
    if (data.failures.length === 0) return nothing;
    const s = this.strings;
    return html`
      <div part="error" class="error" role="status">
        <p class="message">${s.browserFailures(data.failures.length)}</p>
        <ul>
          ${data.failures.map(({ entry, error }) => html`<li><span lang=${entry.language}>${entry.title}</span>: ${describeLoadError(error, s).message}</li>`)}
        </ul>
        <button part="button" type="button" @click=${() => this.loadTask.run()}>${s.retry}</button>
      </div>
    `;
  }

  private renderFilters(data: BrowserData): TemplateResult {
    const s = this.strings;
    const kind = this.kind ?? '';
    const bank = this.bankFilter ?? '';
    return html`
      <div part="filters" class="filters">
        <label>
          <span>${s.filterKindLabel}</span>
          <select part="select" @change=${this.onKindChange} .value=${live(kind)}>
            <option value="" ?selected=${kind === ''}>${s.kindAll}</option>
            <option value="concept" ?selected=${kind === 'concept'}>${s.kindConcept}</option>
            <option value="coding" ?selected=${kind === 'coding'}>${s.kindCoding}</option>
          </select>
        </label>
        ${data.banks.length > 1
          ? html`
              <label>
                <span>${s.filterBankLabel}</span>
                <select part="select" @change=${this.onBankChange} .value=${live(bank)}>
                  <option value="" ?selected=${bank === ''}>${s.bankAll}</option>
                  ${data.banks.map(({ bank: b }) => html`<option value=${b.id} lang=${b.language} ?selected=${bank === b.id}>${b.title}</option>`)}
                </select>
              </label>
            `
          : nothing}
        ${this.progress.store ? this.renderStatusFilter() : nothing}
      </div>
    `;
  }

  private renderStatusFilter(): TemplateResult {
    const s = this.strings;
    const status = this.statusFilter ?? '';
    return html`
      <label>
        <span>${s.statusFilterLabel}</span>
        <select part="select status" @change=${this.onStatusChange} .value=${live(status)}>
          <option value="" ?selected=${status === ''}>${s.statusAll}</option>
          ${QUESTION_STATUSES.map((value) => html`<option value=${value} ?selected=${status === value}>${s.statusLabels[value]}</option>`)}
        </select>
      </label>
    `;
  }

  private renderReviewButton(): TemplateResult {
    const due = this.dueCount;
    return html`<button part="button review" class="review" type="button" ?disabled=${due === 0} @click=${this.reviewDue}>${this.strings.reviewDue(due)}</button>`;
  }

  /** Export and Import, with what the last export or import did. */
  private renderProgressTools(): TemplateResult {
    const s = this.strings;
    return html`
      <div class="progress-footer">
        <div part="progress-tools" class="progress-tools">
          <button part="button" type="button" @click=${this.exportProgress}>${s.exportProgress}</button>
          <button part="button" type="button" @click=${this.chooseImportFile}>${s.importProgress}</button>
          <input id="import-file" type="file" accept=".json,application/json" hidden aria-label=${s.importProgress}
            @change=${(event: Event) => void this.importProgress(event.target as HTMLInputElement)} />
        </div>
        <p class="progress-message" role="status">${this.progressMessage || nothing}</p>
        ${this.importError
          ? html`<div part="error" class="error import-error" role="alert">
              <p class="message">${this.importError}</p>
              <button part="button" type="button" @click=${() => (this.importError = '')}>${s.dismiss}</button>
            </div>`
          : nothing}
      </div>
    `;
  }

  private renderNoResults(): TemplateResult {
    const query = this.query.trim();
    const status = this.statusFilter;
    // The search found questions, but none has the status: say that, not "try fewer words".
    const message = status && this.result?.groups.length ? this.strings.noStatusResults(this.strings.statusLabels[status]) : this.strings.noResults(query);
    return html`
      <div part="empty" class="empty">
        <p>${message}</p>
        <button part="button" type="button" @click=${this.clearSearch}>${this.strings.clearSearch}</button>
      </div>
    `;
  }

  private renderResults(result: SearchResult): TemplateResult {
    const { virtualize, flow } = this.dataSource!.virtualizer;
    return html`
      <div id="results" part="results" class="results" role="listbox" tabindex="0" aria-label=${this.strings.resultsLabel}
        aria-describedby="count results-help"
        @keydown=${this.onResultsKeyDown} @click=${this.onResultsClick}>
        ${virtualize({
          items: result.groups,
          scroller: true,
          layout: flow(),
          keyFunction: (group: ResultGroup) => group.key,
          renderItem: (group: ResultGroup, index: number) => this.renderRow(group, index, result),
        })}
      </div>
      <span id="results-help" class="visually-hidden">${this.strings.resultsKeyboardHelp}</span>
    `;
  }

  private renderRow(group: ResultGroup, index: number, result: SearchResult): TemplateResult {
    const s = this.strings;
    const { bankId, question } = group.primary;
    const bank = this.data!.byId.get(bankId)!.bank;
    const isOpen = this.selected !== undefined && group.variants.some((v) => keyOf(v) === this.selected);
    const isActive = index === this.activeIndex;
    const parts = ['result', isOpen ? 'result-open' : '', isActive ? 'result-active' : ''].filter(Boolean).join(' ');
    const excerpt = excerptOf(question, result.terms, group.titleMatch);
    const status = this.rowStatus(group);
    return html`
      <div role="option" id="row-${index}" part=${parts} class="row ${isActive ? 'active' : ''} ${isOpen ? 'open' : ''}" data-index=${index}
        aria-selected=${isOpen ? 'true' : 'false'} aria-setsize=${result.complete ? result.groups.length : -1} aria-posinset=${index + 1}>
        <span part="result-title" class="row-title" lang=${bank.language}>${marked(clip(question.title, ROW_TITLE_LENGTH, '…'), result.terms)}</span>
        <span class="row-meta">
          ${status ? html`<span part="badge status" class="badge status" data-status=${status}>${s.statusLabels[status]}</span>` : nothing}
          <span part="badge" class="badge">${question.kind === 'coding' ? s.kindCoding : s.kindConcept}</span>
          ${group.variants.length > 1 ? html`<span part="badge" class="badge variants">${s.variantCount(group.variants.length)}</span>` : nothing}
          ${this.data!.banks.length > 1 ? html`<span class="row-bank" lang=${bank.language}>${bank.title}</span>` : nothing}
        </span>
        ${excerpt ? html`<span part="excerpt" class="excerpt" lang=${bank.language}>${marked(excerpt, result.terms)}</span>` : nothing}
      </div>
    `;
  }

  private renderDetail(): TemplateResult {
    const s = this.strings;
    const entry = this.openEntry;
    if (!entry) return html`<div part="detail" class="detail empty-detail"><p>${s.detailEmpty}</p></div>`;
    const variants = this.data!.index.variantsOf(entry);
    const current = Math.max(variants.indexOf(entry), 0);
    const several = variants.length > 1;
    const banksDiffer = new Set(variants.map((v) => v.bankId)).size > 1;
    const bank = this.data!.byId.get(entry.bankId)!.bank;
    const store = this.progress.store;
    // Inner elements get the UI language as their own \`lang\`: they would miss a change of the page's language read through this shadow root.
    const card = html`<quiz-card part="card" lang=${this.strings.lang} theme=${this.theme ?? nothing} .loaded=${this.miniBank(entry)} question=${entry.question.id} heading-level="2"
      .progressStore=${store ?? undefined} ?no-progress=${!store}></quiz-card>`;
    return html`
      <div id="detail" part="detail" class="detail" role="group" tabindex="-1" aria-label=${clip(entry.question.title, ROW_TITLE_LENGTH, '…')} @keydown=${this.onDetailKeyDown}>
        <button part="button" class="back" type="button" @click=${() => this.close()}><span aria-hidden="true">←</span> ${s.backToResults}</button>
        ${several
          ? html`
              <div part="tabs" class="tabs" role="tablist" aria-label=${s.variantTabsLabel}>
                ${variants.map((variant, i) => {
                  return html`<button part="tab" class="tab" role="tab" type="button" id="tab-${i}" data-index=${i} aria-selected=${i === current ? 'true' : 'false'}
                    aria-controls="panel" tabindex=${i === current ? 0 : -1}
                    @click=${() => this.open(variant, null)} @keydown=${(event: KeyboardEvent) => this.onTabKeyDown(event, variants, current)}>
                    ${s.variantTab(i + 1)}
                  </button>`;
                })}
              </div>
              ${banksDiffer ? html`<p class="variant-source">${s.variantSource} <span lang=${bank.language}>${bank.title}</span></p>` : nothing}
              <div id="panel" role="tabpanel" aria-labelledby="tab-${current}">${card}</div>
            `
          : card}
      </div>
    `;
  }
}

/** Resolves once two more frames have been painted, or after 200 ms where no frames come (a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const fallback = setTimeout(resolve, 200);
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        clearTimeout(fallback);
        setTimeout(resolve, 0);
      }),
    );
  });
}

/** `quiz-progress-<key>-YYYY-MM-DD.json`, the date local; characters a file name should not hold become `-`. */
function exportFileName(progressKey: string, at: number): string {
  const date = new Date(at);
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const key = progressKey.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'default';
  return `quiz-progress-${key}-${day}.json`;
}

function keyOf(entry: IndexedQuestion): string {
  return `${entry.bankId}/${entry.question.id}`;
}

function dataOf(collection: LoadedCollection, { createQuestionIndex, questionsOf }: SearchModule): BrowserData {
  const banks = collection.banks;
  const index = createQuestionIndex(questionsOf(banks.map((loaded) => loaded.bank)));
  let byKey: Map<string, IndexedQuestion> | undefined;
  return {
    banks,
    byId: new Map(banks.map((loaded) => [loaded.bank.id, loaded])),
    index,
    browse: new BrowseQuery(index),
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (const entry of index.entries) byKey.set(keyOf(entry), entry);
      }
      return byKey;
    },
    failures: collection.failures,
  };
}

/** `text` with the matches of `terms` in `<mark>`. */
function marked(text: string, terms: readonly string[]): TemplateResult | string {
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

/**
 * One line of text for a row: around the first match outside the title when the title does not
 * hold every term, else the start of the prompt (when it says more than the title).
 */
function excerptOf(question: Question, terms: readonly string[], titleMatch: boolean): string {
  const fields = [question.prompt, question.answer, question.explanation ?? '', question.example ?? ''];
  if (terms.length && !titleMatch) {
    for (const field of fields) {
      const plain = plainText(clip(field, EXCERPT_SCAN), EXCERPT_MARKS);
      const ranges = highlightRanges(plain, terms);
      if (ranges.length) {
        const start = Math.max(0, ranges[0]![0] - EXCERPT_LEAD);
        return `${start > 0 ? '…' : ''}${plain.slice(start, start + EXCERPT_LENGTH)}`;
      }
    }
  }
  const prompt = plainText(clip(question.prompt, EXCERPT_SCAN), EXCERPT_MARKS);
  return prompt === question.title.trim() ? '' : prompt.slice(0, EXCERPT_LENGTH);
}

/** The first `length` code units of `text` (one fewer rather than half a surrogate pair), `more` added if cut. */
function clip(text: string, length: number, more = ''): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text[length - 1]!) ? length - 1 : length;
  return text.slice(0, end) + more;
}

declare global {
  interface HTMLElementTagNameMap {
    'question-browser': QuestionBrowser;
  }
}
