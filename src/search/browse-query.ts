/**
 * What `<question-browser>` lists for its search and filters, and how many questions are due
 * under its filters: the browser's data logic, without DOM or Lit.
 *
 * The search module itself (`question-index.ts`) is a lazily loaded chunk; this module only
 * takes an index as a value, so it can be imported statically by the element.
 */
import type { QuestionKind } from '../bank/types.js';
import { statusOf } from '../progress/status.js';
import type { QuestionProgress, QuestionStatus } from '../progress/types.js';
import { filterTest, type SearchFilters } from './filters.js';
import type { IndexedQuestion, QuestionIndex, ResultGroup, ResultRows, SearchOptions, SearchResult } from './question-index.js';

/**
 * The browser's search and filters: its URL state (`BrowserState` of `url-state.ts`) without the
 * open question. Values the browser does not know (a `kind` other than concept or coding) filter nothing.
 */
export interface BrowseFilter {
  /** The search text; every word must occur. */
  query: string;
  /** Topic ids, or `bankId/topicId` for a topic of one bank; empty: every topic. */
  topic: readonly string[];
  kind: QuestionKind | undefined;
  /** A bank id. */
  bank: string | undefined;
  /** Learner status; applied after the search, to the questions of each row. */
  status: QuestionStatus | undefined;
}

/** The learner status of every question that has progress; the others are new. */
export type Statuses = ReadonlyMap<IndexedQuestion, QuestionStatus>;

/** What a search depends on: the query and the topic, kind and bank filters. */
function searchKey(filter: BrowseFilter): string {
  return [filter.query, filter.topic.join(','), filter.kind ?? '', filter.bank ?? ''].join('\u0000');
}

/** The topic, kind and bank parts of `filter`, as the index takes them. */
export function searchFiltersOf(filter: BrowseFilter): SearchFilters {
  return {
    topics: filter.topic.length ? new Set(filter.topic) : null,
    kind: filter.kind === 'concept' || filter.kind === 'coding' ? filter.kind : null,
    bankIds: filter.bank ? new Set([filter.bank]) : null,
  };
}

/** Whether `filter` shows every question: no search text, and no topic, kind, bank or status filter. */
export function isUnfiltered(filter: BrowseFilter): boolean {
  return !filter.query.trim() && !filter.topic.length && !filter.kind && !filter.bank && !filter.status;
}

/** The status of `entry`: its own from `statuses`, else new. */
export function statusIn(statuses: Statuses | null, entry: IndexedQuestion): QuestionStatus {
  return statuses?.get(entry) ?? 'new';
}

/** The rows of `result` that hold a question of `status`, each narrowed to those questions (a row opens its first). */
export function withStatus(result: SearchResult, status: QuestionStatus, statuses: Statuses | null): SearchResult {
  const groups: ResultGroup[] = [];
  const ids: number[] = [];
  let questionCount = 0;
  for (let row = 0; row < result.groups.length; row++) {
    const group = result.groups.at(row)!;
    const members = group.members.filter((member) => statusIn(statuses, member) === status);
    if (members.length === 0) continue;
    questionCount += members.length;
    // Not `{ ...group }`: a row's key is a getter (see ResultGroup).
    groups.push(members.length === group.members.length ? group : { key: group.key, primary: members[0]!, members, variants: group.variants, titleMatch: group.titleMatch });
    ids.push(result.groups.ids[row]!);
  }
  return { ...result, groups: listedRows(groups, ids), questionCount };
}

/** Rows made already, with their ids, as `ResultRows`. */
function listedRows(groups: readonly ResultGroup[], ids: readonly number[]): ResultRows {
  return {
    length: groups.length,
    ids,
    at: (i) => groups[i],
    primary: (i) => groups[i]!.primary,
    rowOfTitle: (entry) => groups.findIndex((group) => entry && group.variants.includes(entry)),
    [Symbol.iterator]: () => groups[Symbol.iterator](),
  };
}

/** Due questions under the topic, kind and bank filters of `filter` (not its query or status): what Review due would list. */
export function countDue(statuses: Statuses | null, filter: BrowseFilter): number {
  if (!statuses) return 0;
  const passes = filterTest(searchFiltersOf(filter));
  let count = 0;
  for (const [entry, status] of statuses) if (status === 'due' && passes(entry.bankId, entry.question)) count++;
  return count;
}

/**
 * The status of every question of `byKey` (`bankId/questionId` → question) that has a record, at
 * time `now`, and the earliest time one of them will change by itself (a learning or mastered
 * question becoming due), or null. O(records); `statuses` is null when no record is for these questions.
 */
export function statusesOf(
  records: Iterable<QuestionProgress>,
  byKey: ReadonlyMap<string, IndexedQuestion>,
  now: number,
): { statuses: Statuses | null; nextChange: number | null } {
  const statuses = new Map<IndexedQuestion, QuestionStatus>();
  let nextChange: number | null = null;
  for (const record of records) {
    const entry = byKey.get(`${record.bankId}/${record.questionId}`);
    if (!entry) continue;
    const status = statusOf(record, now);
    statuses.set(entry, status);
    if ((status === 'learning' || status === 'mastered') && (nextChange === null || record.memory.due < nextChange)) nextChange = record.memory.due;
  }
  return { statuses: statuses.size ? statuses : null, nextChange };
}

/**
 * One browser's queries over one index, each answer remembered until what it depends on changes,
 * so rendering again with the same search, filters and statuses costs nothing.
 */
export class BrowseQuery {
  private searched: { result: SearchResult; status: QuestionStatus | undefined; statuses: Statuses | null; shown: SearchResult } | null = null;
  private due: { key: string; statuses: Statuses | null; count: number } | null = null;
  private running: { key: string; controller: AbortController; done: Promise<boolean> } | null = null;

  constructor(readonly index: QuestionIndex) {}

  /**
   * The rows for `filter`'s query, topics, kind and bank, before the status filter (see
   * `QuestionIndex.search`). With `budgetMs`, null when answering takes longer than about that:
   * the index has done that much of it (`QuestionIndex.searchWithin`), and `searchLater`
   * finishes it without long tasks. An answer stops the search `searchLater` runs.
   */
  search(filter: BrowseFilter, options: SearchOptions & { budgetMs?: number } = {}): SearchResult | null {
    const { budgetMs, ...searchOptions } = options;
    const filters = searchFiltersOf(filter);
    const result = budgetMs === undefined ? this.index.search(filter.query, filters, searchOptions) : this.index.searchWithin(budgetMs, filter.query, filters, searchOptions);
    // A search answered now makes the one running in slices, for an older filter, pointless.
    if (result) this.stop();
    return result;
  }

  /**
   * Answers `filter`'s search in slices of at most `sliceMs` (`QuestionIndex.searchInSlices`),
   * so that `search` then returns it at once. One at a time: asking for another filter stops the
   * running one, asking again for the same one joins it. Resolves true once the answer is there,
   * false when it was stopped.
   */
  searchLater(filter: BrowseFilter, sliceMs: number): Promise<boolean> {
    const key = searchKey(filter);
    if (this.running?.key === key) return this.running.done;
    this.stop();
    const controller = new AbortController();
    const done = this.index.searchInSlices(filter.query, searchFiltersOf(filter), { sliceMs, signal: controller.signal }).then(
      () => true,
      () => false,
    );
    const running = { key, controller, done };
    this.running = running;
    void done.then(() => {
      if (this.running === running) this.running = null;
    });
    return done;
  }

  /** Stops the search `searchLater` runs, if any (its promise resolves false). */
  stop(): void {
    this.running?.controller.abort();
    this.running = null;
  }

  /** `result` with the status filter of `status` applied: what the list shows (the same object while nothing changed). */
  shown(result: SearchResult, status: QuestionStatus | undefined, statuses: Statuses | null): SearchResult {
    const last = this.searched;
    if (last && last.result === result && last.status === status && last.statuses === statuses) return last.shown;
    const shown = status ? withStatus(result, status, statuses) : result;
    this.searched = { result, status, statuses, shown };
    return shown;
  }

  /** `countDue`, remembered for the same topic, kind and bank filters and statuses. */
  dueCount(filter: BrowseFilter, statuses: Statuses | null): number {
    const key = `${filter.topic.join(',')}\u0000${filter.kind ?? ''}\u0000${filter.bank ?? ''}`;
    if (this.due && this.due.key === key && this.due.statuses === statuses) return this.due.count;
    const count = countDue(statuses, filter);
    this.due = { key, statuses, count };
    return count;
  }
}
