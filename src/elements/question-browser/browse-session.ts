import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { loadBundledCollection, type LoadedCollection } from '../../bank/catalog.js';
import { lazyModule, type LoadedBank } from '../../bank/load.js';
import type { Bank } from '../../bank/types.js';
import { LazyChunk } from '../../lazy.js';
import { isUnfiltered, statusesOf, type BrowseFilter, type Statuses } from '../../search/browse-query.js';
import type { QuestionIndex, SearchResult } from '../../search/question-index.js';
import type { QuestionStatus } from '../../progress/types.js';
import type { ProgressController } from '../progress-controller.js';
import { isLoadedBank, loadCollectionOf, type CollectionSource } from '../collection-source.js';
import { readProgress } from '../read-progress.js';
import { dataOf, type BrowserData } from './browser-data.js';

/** What `<question-browser>` loads: the collection, and its two chunks (fetched with the data). */
export interface Loaded {
  collection: LoadedCollection;
  virtualizer: typeof import('./windowing.js');
  search: typeof import('../../search/question-index.js');
}

const windowingChunk = new LazyChunk<Loaded['virtualizer']>(() => import('./windowing.js'), 'the result list');
const searchChunk = new LazyChunk<Loaded['search']>(() => import('../../search/question-index.js'), 'search');

/**
 * Loads what the browser shows: `banks` as they are, else its source, else every bundled bank.
 * Windowing and search are only needed here, so they are chunks of their own, fetched with the data.
 */
export async function loadBrowser(banks: readonly (LoadedBank | Bank)[] | undefined, source: CollectionSource, signal: AbortSignal): Promise<Loaded> {
  const virtualizer = lazyModule(windowingChunk);
  const search = lazyModule(searchChunk);
  let collection: LoadedCollection;
  if (banks) {
    const base = document.baseURI;
    collection = { banks: banks.map((item) => (isLoadedBank(item) ? item : { bank: item, baseUrl: base })), failures: [] };
  } else {
    collection = (await loadCollectionOf(source, signal)) ?? (await loadBundledCollection({ signal, timeout: source.timeout }));
  }
  return { collection, virtualizer: await virtualizer, search: await search };
}

/** Questions whose rows the first render shows before the rest are grouped (a few screens' worth). */
const FIRST_ROWS = 500;
/**
 * A search is answered at once when that takes about SEARCH_BUDGET_MS at most (building what the
 * index still lacks, scanning, grouping); otherwise the rows shown stay until it is answered in
 * slices of SEARCH_SLICE_MS, between which input and rendering go on (50,000 questions). The
 * rendering comes after it in the same task (in the bench's early keystrokes, tasks of up to
 * 57-84 ms at 10,000 and 69 ms at 50,000 on a 2-core VM). 40 rather than 25: a keystroke
 * right after the first screen of 10,000 questions (every title still to group, every text still
 * to read, code not yet optimized) takes 25-35 ms here, and a search cut into slices shows its
 * rows a task and a frame later (bench/results.md, "fifth pass": 77 -> 63 ms median).
 */
export const SEARCH_BUDGET_MS = 40;
export const SEARCH_SLICE_MS = 40;

export interface BrowseSessionOptions {
  /** The host's progress: the store whose statuses rows show and filter by. */
  progress: ProgressController;
  /** A collection was loaded (before its first search). */
  onData(data: BrowserData): void;
  /** The learner's search or filters gave new rows (not the first screen, nor its completion). */
  onNewResult(): void;
}

/**
 * The rows `<question-browser>` shows for its search and filters, kept current from its
 * `willUpdate`: the data of each loaded collection, the index prepared once the first rows are on
 * screen, searches answered at once or in slices (each finished one renders in a task of its
 * own), and the learner statuses of the questions with progress.
 */
export class BrowseSession implements ReactiveController {
  data: BrowserData | null = null;
  /** What `data` was made from. */
  source: Loaded | null = null;
  /** The search's rows, before the status filter. */
  result: SearchResult | null = null;
  /** `result` less the rows without a question of the status filter: what the list shows. */
  shown: SearchResult | null = null;
  /** Statuses of the collection's questions that have progress; null when none has. */
  statuses: Statuses | null = null;
  /** The search is being answered in slices: the rows shown are still the previous search's. */
  searching = false;
  /** The statuses are to be read again before the next search (the store or the time changed them). */
  statusesStale = true;
  #shownStatus: QuestionStatus | undefined;
  #preparing?: AbortController;
  readonly #host: ReactiveControllerHost;
  readonly #options: BrowseSessionOptions;

  constructor(host: ReactiveControllerHost, options: BrowseSessionOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.#preparing?.abort();
    this.data?.browse.stop();
  }

  /**
   * The rows for `filter` from `loaded`, or null before the first answer. `selected`: a question
   * is open (the first screen is then not cut short); `statusChanged`: the host's status filter
   * was just set (a new list, even over the same search).
   */
  update(loaded: Loaded | null, filter: BrowseFilter, { selected, statusChanged }: { selected: boolean; statusChanged: boolean }): SearchResult | null {
    if (loaded !== this.source) {
      this.source = loaded;
      this.data = loaded ? dataOf(loaded.collection, loaded.search) : null;
      this.result = null;
      this.shown = null;
      this.statusesStale = true;
      if (this.data) {
        this.#prepare(this.data.index);
        this.#options.onData(this.data);
      }
    }
    if (!this.data) return null;
    if (this.statusesStale) this.#readStatuses();
    const { index, browse } = this.data;
    const status = filter.status;
    // The first screen of a large collection comes before every title is grouped; the rest follows.
    // Only unfiltered: the first questions may hold none of a filter's matches (an empty screen, for a moment).
    const unfiltered = isUnfiltered(filter);
    const firstRows = this.result === null && !selected && unfiltered ? FIRST_ROWS : undefined;
    const answered = browse.search(filter, firstRows === undefined ? { budgetMs: SEARCH_BUDGET_MS } : { firstRows });
    this.searching = !answered;
    const result = answered ?? this.#searchLater(filter);
    if (!result) return null;
    if (!result.complete) {
      const data = this.data;
      void index.grouped.then(() => this.#updateAfterIndexWork(data));
    }
    if (result !== this.result || (statusChanged && this.shown !== null && status !== this.#shownStatus)) {
      // Completing the first screen's answer is not a new search: keep the place, say nothing.
      // (A search or filter the learner set meanwhile is one: it is no longer unfiltered.)
      const first = this.result === null || (result !== this.result && !this.result.complete && unfiltered);
      this.result = result;
      if (!first) this.#options.onNewResult();
    }
    // The status filter applies after the search, and again when progress changes (rows may leave).
    this.shown = browse.shown(result, status, this.statuses);
    this.#shownStatus = status;
    return this.shown;
  }

  /** Due questions under the topic, kind and bank filters of `filter` (not its search or status): what Review due asks. */
  dueCount(filter: BrowseFilter): number {
    return this.data?.browse.dueCount(filter, this.statuses) ?? 0;
  }

  /**
   * A search the index cannot answer at once: answered in slices, then shown by an update; until
   * then the rows shown so far stay (null before the first). A newer search stops it.
   */
  #searchLater(filter: BrowseFilter): SearchResult | null {
    const data = this.data!;
    void data.browse.searchLater(filter, SEARCH_SLICE_MS).then((done) => {
      if (done) this.#updateAfterIndexWork(data);
    });
    return this.result;
  }

  /** Renders what the index has done for `data`, in a task of its own: not after the slice of work that finished it. */
  #updateAfterIndexWork(data: BrowserData): void {
    setTimeout(() => {
      if (this.data === data) this.#host.requestUpdate();
    });
  }

  /**
   * The status of every question with progress, from the store's records: O(records), plus one
   * pass over the questions the first time (the `bankId/questionId` map). Nothing at all is done
   * for a store without records. Again when the store changes, or when a status changes with time.
   */
  #readStatuses(): void {
    this.statusesStale = false;
    const { progress } = this.#options;
    const read = readProgress(progress.store);
    const { statuses, nextChange } = read ? statusesOf(read.records, this.data!.byKey, read.now) : { statuses: null, nextChange: null };
    this.statuses = statuses;
    progress.refreshAt(nextChange, () => {
      this.statusesStale = true;
      this.#host.requestUpdate();
    });
  }

  /** Prepares the index in short slices once the first rows are on screen, so later keystrokes build nothing. */
  #prepare(index: QuestionIndex): void {
    this.#preparing?.abort();
    const controller = (this.#preparing = new AbortController());
    // Started after the rows are painted: preparing earlier delays the first rows by its slices.
    void this.#host.updateComplete
      .then(afterPaint)
      .then(() => index.prepare({ signal: controller.signal }))
      .catch(() => undefined);
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
