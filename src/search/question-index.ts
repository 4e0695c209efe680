/**
 * Search as you type over the questions of loaded banks, for `<question-browser>`.
 *
 * Matching is plain substring search over each question's text in search form (`search-form.ts`):
 * title, prompt, answer, explanation and example. Every term of the query must occur, each in
 * any of those fields. No tokenizer, so Chinese is found character for character (a tokenizer-based
 * index misses most Chinese matches and takes seconds to build; see TOOLCHAIN.md), and scanning
 * 10,000 questions takes a few milliseconds per term.
 *
 * Most text needs no search form at all: when every character of a question is *direct*
 * (`direct-match.ts`: Chinese, English, full-width punctuation…), its fields are matched as written
 * with a pattern made from the term, which gives the same answer. Only the other questions get a
 * copy of their text in search form. Building the index is grouping the titles and checking which
 * texts are direct (about 2 ms per 1,000 questions), so `createQuestionIndex` does nothing up
 * front: `prepare()` builds in slices that leave the main thread free, and a search that comes
 * first builds what is still missing, at once (`search`) or within a time budget (`searchWithin`).
 *
 * Ranking, in three tiers, each in index order: questions whose title contains every term, then
 * those whose title contains some term, then the rest.
 *
 * Grouping: questions with the same normalized title (`normalizeTitle`), across all banks, are
 * one result row (`ResultGroup`), whose `variants` the UI can show side by side.
 */
import type { Bank, Question } from '../bank/types.js';
import { directMatcher, isDirect, type DirectMatcher } from './direct-match.js';
import { filterTest, type SearchFilters } from './filters.js';
import { parseQuery, searchForm } from './search-form.js';
import { titleKey } from './title-key.js';

/** A question and the id of the bank it comes from. */
export interface IndexedQuestion {
  bankId: string;
  question: Question;
}

export type { SearchFilters } from './filters.js';

/** One result row: the matching questions that share a title. */
export interface ResultGroup {
  /** The normalized title the questions share, unique among the rows. */
  key: string;
  /** The first member: it gives the row its title and place. */
  primary: IndexedQuestion;
  /** The questions of the group that match the query and filters, best first, then in index order. */
  members: readonly IndexedQuestion[];
  /** Every question of the index with this title, matching or not, in index order: what "3 variants" counts. */
  variants: readonly IndexedQuestion[];
  /** Whether the title contains every term (false for an empty query). */
  titleMatch: boolean;
}

export interface SearchResult {
  /** Rows in rank order; see the module comment. */
  groups: ResultGroup[];
  /** How many questions match, over all groups. */
  questionCount: number;
  /** The query's terms in search form, for `highlightRanges`. */
  terms: string[];
  /**
   * False for a `firstRows` answer given before every title was grouped: `groups` are then the
   * first rows of the full answer (their variants and the counts may still grow). Search again
   * once `grouped` resolves for the full answer.
   */
  complete: boolean;
}

export interface PrepareOptions {
  /** Stops waiting: the promise then rejects with `signal.reason`. Building goes on for other callers and searches; what is built stays built. */
  signal?: AbortSignal;
  /**
   * Longest stretch of work before giving the event loop a turn, in milliseconds; default 8. A
   * longer one asked for while preparing applies from the next slice on (a search is waiting).
   */
  sliceMs?: number;
}

export interface SearchOptions {
  /**
   * For an empty query only: answer at once with the rows of the first `firstRows` or so
   * questions instead of grouping every title first (about 1 ms per 1,000 questions), so a
   * large collection shows its first screen sooner. The answer says `complete: false`. With
   * `searchWithin`, the full answer when every title can be grouped within the budget.
   */
  firstRows?: number;
}

export interface QuestionIndex {
  /** How many questions the index holds. */
  readonly size: number;
  /** The questions, in index order. */
  readonly entries: readonly IndexedQuestion[];
  /**
   * The questions matching every term of `query` and the filters, grouped and ranked. An empty
   * query gives every question that passes the filters, in index order. Asking again with the
   * same query and filters returns the same result object: treat it as read-only.
   */
  search(query: string, filters?: SearchFilters | null, options?: SearchOptions): SearchResult;
  /**
   * `search`, if it can be answered in about `budgetMs` now (building what is missing, scanning,
   * grouping); otherwise does that much of it and returns null. The next `searchWithin`,
   * `searchInSlices` or `search` for the same query and filters goes on from there (one search
   * is kept under way; another one starts afresh). Collections of up to 2,000 questions are
   * always answered at once. With `firstRows` and an empty query, never null: the first rows
   * when not every title could be grouped in time.
   */
  searchWithin(budgetMs: number, query: string, filters?: SearchFilters | null, options?: SearchOptions): SearchResult | null;
  /**
   * `search` in slices of at most about `sliceMs` (default 40), each in a task of its own: what
   * is still to build, the scan, then the grouping. The answer is the one `search` gives, and
   * `search` with the same query and filters returns it at once afterwards. Rejects with
   * `signal.reason` once `signal` aborts (checked before each slice); what was built stays built.
   */
  searchInSlices(query: string, filters?: SearchFilters | null, options?: PrepareOptions): Promise<SearchResult>;
  /** Whether every title is grouped and every text checked, so searches build nothing. */
  readonly prepared: boolean;
  /** Resolves once every title is grouped (by `prepare()` or a full search): when an incomplete answer can be completed. */
  readonly grouped: Promise<void>;
  /**
   * Builds what searches need in slices of at most `sliceMs` (the rows of titles first, which an
   * empty query needs, then the searchable text), yielding to the event loop between them, so
   * later searches answer at once. Call it right after creating the index. Resolves when done.
   */
  prepare(options?: PrepareOptions): Promise<void>;
  /** Every question of the index with the same title as `entry` (itself included), in index order; `[]` when `entry` is not in the index. */
  variantsOf(entry: IndexedQuestion): readonly IndexedQuestion[];
}

/** The questions of `banks` in bank order, ready for `createQuestionIndex`. */
export function questionsOf(banks: Iterable<Bank>): IndexedQuestion[] {
  const entries: IndexedQuestion[] = [];
  for (const bank of banks) for (const question of bank.questions) entries.push({ bankId: bank.id, question });
  return entries;
}

/**
 * An index over `entries` (in the order results should keep). Cheap: the work happens in
 * `prepare()` or on the first search. Questions are read as they are now; after changing them,
 * create a new index.
 */
export function createQuestionIndex(entries: readonly IndexedQuestion[]): QuestionIndex {
  return new SubstringIndex(entries);
}

/** Questions per step of building; small enough that a step stays far below a slice. */
const STEP = 64;
/** Collections of up to this many questions are searched at once by `searchWithin`, whatever its budget (a few ms). */
const ALWAYS_AT_ONCE = 2000;
/** Candidates per step of a scan, between the checks of a sliced search's clock. */
const SCAN_STEP = 1024;
/** A search under way: its steps yield how long the next one takes (in ms) when that is more than about a millisecond. */
type SearchSteps = Generator<number | undefined, SearchResult, void>;

/** How a question's text is searched (0: not checked yet): its fields as written, or its search form in `forms`. */
const DIRECT = 1;
const FORMED = 2;

/** What the last search found, to answer the same search again and to narrow a longer one. */
interface LastSearch {
  filterKey: string;
  query: string;
  terms: readonly string[];
  /** Matching questions, ascending. */
  matched: Int32Array;
  result: SearchResult;
}

class SubstringIndex implements QuestionIndex {
  readonly entries: readonly IndexedQuestion[];

  // Group of each question, built from the titles before anything else (an empty query needs it).
  private readonly groupOf: Int32Array;
  private readonly groupKeys: string[] = [];
  private readonly groupVariants: IndexedQuestion[][] = [];
  private groupIds: Map<string, number> | null = new Map();
  private groupedCount = 0;
  private readonly allGrouped = promiseWithResolve();

  // How each question's text is searched (DIRECT or FORMED), known for the first `checked` questions.
  private readonly textKinds: Uint8Array;
  private checked = 0;
  // For FORMED questions: the search form of the fields joined by newlines (which no term contains), and where its title ends.
  private readonly forms: (string | undefined)[];
  private readonly titleEnds: Int32Array;

  private preparing: Promise<void> | null = null;
  private sliceMs = 8;
  /** The search under way, resumed by the next call for the same query, filters and options. */
  private job: { key: string; steps: SearchSteps } | null = null;
  private filtered: { key: string; questions: Int32Array } | null = null;
  private last: LastSearch | null = null;
  /** The answer to the empty query under the filters of `filterKey`. */
  private everything: { filterKey: string; result: SearchResult } | null = null;
  // Scratch for building rows: members seen per group, and whether they came as the group's variants in order.
  private seenInGroup: Int32Array | null = null;
  private groupInOrder: Uint8Array | null = null;
  /** Rows that hold every variant of a group, by group * 2 + titleMatch; shared between results. */
  private readonly wholeGroups: ResultGroup[] = [];

  constructor(entries: readonly IndexedQuestion[]) {
    this.entries = Object.freeze([...entries]);
    this.groupOf = new Int32Array(this.entries.length);
    this.textKinds = new Uint8Array(this.entries.length);
    this.forms = new Array<string | undefined>(this.entries.length);
    this.titleEnds = new Int32Array(this.entries.length);
  }

  get size(): number {
    return this.entries.length;
  }

  get grouped(): Promise<void> {
    return this.allGrouped.promise;
  }

  get prepared(): boolean {
    return this.groupedCount === this.size && this.checked === this.size;
  }

  prepare(options: PrepareOptions = {}): Promise<void> {
    const { signal, sliceMs = 8 } = options;
    if (signal?.aborted) return Promise.reject(signal.reason);
    this.sliceMs = Math.max(this.sliceMs, sliceMs);
    this.preparing ??= this.buildInSlices();
    if (!signal) return this.preparing;
    // Only this caller stops waiting; building goes on for the others and for the next search.
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => reject(signal.reason);
      signal.addEventListener('abort', onAbort, { once: true });
      this.preparing!.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
    });
  }

  searchWithin(budgetMs: number, query: string, filters?: SearchFilters | null, options: SearchOptions = {}): SearchResult | null {
    // A small collection is answered at once, however slow the moment.
    const deadline = this.size <= ALWAYS_AT_ONCE ? Infinity : performance.now() + budgetMs;
    if (options.firstRows !== undefined && parseQuery(query).length === 0) {
      // Every row if every title can be grouped in time (its rows are needed soon anyway), else the first rows.
      if (this.groupedCount < this.size) this.build(deadline, false);
      return this.search(query, filters, this.groupedCount < this.size ? options : {});
    }
    const step = this.run(this.stepsOf(query, filters, options), deadline);
    return step.done ? step.value : null;
  }

  search(query: string, filters?: SearchFilters | null, options: SearchOptions = {}): SearchResult {
    const steps = this.stepsOf(query, filters, options);
    for (;;) {
      const step = this.run(steps, Infinity);
      if (step.done) return step.value;
    }
  }

  async searchInSlices(query: string, filters?: SearchFilters | null, options: PrepareOptions = {}): Promise<SearchResult> {
    const { signal, sliceMs = 40 } = options;
    for (;;) {
      // The caller's task goes on first (it may have searched for a while already, see searchWithin).
      await nextTask();
      if (signal?.aborted) throw signal.reason;
      const step = this.run(this.stepsOf(query, filters, {}), performance.now() + sliceMs);
      if (step.done) return step.value;
    }
  }

  /** The steps of a search: those of the search under way when it is the same, else new ones (which replace it). */
  private stepsOf(query: string, filters: SearchFilters | null | undefined, options: SearchOptions): SearchSteps {
    const key = `${keyOf(filters)}\u0002${parseQuery(query).join('\n')}\u0002${options.firstRows ?? ''}`;
    if (this.job?.key !== key) this.job = { key, steps: this.searching(query, filters, options) };
    return this.job.steps;
  }

  /**
   * Runs `steps` until they are done, or until the next step would end after `deadline` (a
   * `performance.now()` time; a step may yield how long the next one takes, else about a
   * millisecond). At least one step runs. A search left undone is resumed by the next call.
   */
  private run(steps: SearchSteps, deadline: number): IteratorResult<number | undefined, SearchResult> {
    for (;;) {
      const step = steps.next();
      if (step.done) {
        if (this.job?.steps === steps) this.job = null;
        return step;
      }
      if (performance.now() + (step.value ?? 0) >= deadline) return step;
    }
  }

  /** A search as steps of about a millisecond (building, scanning) and the grouping; returns the answer. */
  private *searching(query: string, filters: SearchFilters | null | undefined, options: SearchOptions): SearchSteps {
    const terms = parseQuery(query);
    const filterKey = keyOf(filters);
    const queryKey = terms.join('\n');
    const known = this.last;
    if (known && known.filterKey === filterKey && known.query === queryKey) return known.result;
    // Clearing the field is the most frequent search of all.
    if (terms.length === 0 && this.everything?.filterKey === filterKey) return this.everything.result;

    if (terms.length === 0 && options.firstRows !== undefined && this.groupedCount < this.size) {
      // Rows of the first questions: the full answer's first rows, as groups keep the order of their first member.
      this.buildGroups(Math.max(this.groupedCount, options.firstRows));
      if (this.groupedCount < this.size) {
        const allowed = this.allowed(filters, filterKey);
        const prefix = allowed.subarray(0, upperBound(allowed, this.groupedCount));
        return { ...this.group(prefix, null, terms), complete: false };
      }
    }

    while (this.groupedCount < this.size) {
      this.buildGroups(this.groupedCount + STEP);
      yield;
    }
    let matched: Int32Array;
    let titleHits: Uint32Array | null = null;
    if (terms.length === 0) matched = this.allowed(filters, filterKey);
    else {
      while (this.checked < this.size) {
        this.buildTexts(this.checked + STEP);
        yield;
      }
      // A longer query ("过拟" -> "过拟合") can only match what the shorter one matched.
      const last = this.last;
      const narrowing = last !== null && last.filterKey === filterKey && narrows(last.terms, terms);
      ({ matched, titleHits } = yield* this.scan(narrowing ? last.matched : this.allowed(filters, filterKey), terms));
    }
    // Grouping takes about a microsecond per match (more the first time a row is made).
    yield matched.length / 1000;
    const result = this.group(matched, titleHits, terms);
    this.last = { filterKey, query: queryKey, terms, matched, result };
    if (terms.length === 0) this.everything = { filterKey, result };
    return result;
  }

  variantsOf(entry: IndexedQuestion): readonly IndexedQuestion[] {
    const i = this.entries.indexOf(entry);
    if (i === -1) return [];
    // Later questions may share the title, so every group must be complete.
    this.buildGroups(this.size);
    return this.groupVariants[this.groupOf[i]!]!;
  }

  private async buildInSlices(): Promise<void> {
    while (!this.prepared) {
      this.build(performance.now() + this.sliceMs, true);
      if (!this.prepared) await nextTask();
    }
  }

  /** Builds step by step until `deadline` (a `performance.now()` time) or until done: the groups, then, with `texts`, the text kinds. */
  private build(deadline: number, texts: boolean): void {
    const total = this.size;
    do {
      if (this.groupedCount < total) this.buildGroups(this.groupedCount + STEP);
      else if (texts && this.checked < total) this.buildTexts(this.checked + STEP);
      else return;
    } while (performance.now() < deadline);
  }

  /** Assigns groups to the questions up to `end`. */
  private buildGroups(end: number): void {
    const stop = Math.min(end, this.size);
    const ids = this.groupIds;
    if (!ids) return;
    for (let i = this.groupedCount; i < stop; i++) {
      const entry = this.entries[i]!;
      const key = titleKey(entry.question.title);
      let group = ids.get(key);
      if (group === undefined) {
        group = this.groupKeys.length;
        ids.set(key, group);
        this.groupKeys.push(key);
        this.groupVariants.push([]);
      }
      this.groupOf[i] = group;
      this.groupVariants[group]!.push(entry);
    }
    this.groupedCount = Math.max(this.groupedCount, stop);
    if (this.groupedCount === this.size) {
      this.groupIds = null;
      for (const variants of this.groupVariants) Object.freeze(variants);
      this.allGrouped.resolve();
    }
  }

  /** Checks how the text of the questions up to `end` is searched, making the search form of those that need one. */
  private buildTexts(end: number): void {
    const stop = Math.min(end, this.size);
    for (let i = this.checked; i < stop; i++) {
      const { title, prompt, answer, explanation, example } = this.entries[i]!.question;
      if (isDirect(title) && isDirect(prompt) && isDirect(answer) && (!explanation || isDirect(explanation)) && (!example || isDirect(example))) {
        this.textKinds[i] = DIRECT;
        continue;
      }
      // One normalize call per question; titles are one line, so the first newline ends the title.
      const form = searchForm(`${title}\n${prompt}\n${answer}\n${explanation ?? ''}\n${example ?? ''}`);
      this.forms[i] = form;
      this.titleEnds[i] = form.indexOf('\n');
      this.textKinds[i] = FORMED;
    }
    this.checked = Math.max(this.checked, stop);
  }

  /** The questions that pass `filters`, ascending; the last answer is kept, as filters change rarely. */
  private allowed(filters: SearchFilters | null | undefined, key: string): Int32Array {
    if (this.filtered?.key === key) return this.filtered.questions;
    const passes = filterTest(filters);
    const questions = new Int32Array(this.size);
    let count = 0;
    this.entries.forEach(({ bankId, question }, i) => {
      if (passes(bankId, question)) questions[count++] = i;
    });
    this.filtered = { key, questions: questions.slice(0, count) };
    return this.filtered.questions;
  }

  /** The candidates that contain every term, and in how many of them each title contains a term; in steps of SCAN_STEP candidates. */
  private *scan(candidates: Int32Array, terms: readonly string[]): Generator<undefined, { matched: Int32Array; titleHits: Uint32Array }, void> {
    const matched = candidates.slice();
    const titleHits = new Uint32Array(matched.length);
    let count = matched.length;
    // Longer terms are usually rarer: trying them first shrinks the list soonest.
    for (const term of [...terms].sort((a, b) => b.length - a.length)) {
      const direct = directMatcher(term);
      let kept = 0;
      for (let from = 0; from < count; from += SCAN_STEP) {
        kept = this.keepMatches(term, direct, matched, titleHits, from, Math.min(from + SCAN_STEP, count), kept);
        yield;
      }
      count = kept;
      if (count === 0) break;
    }
    return { matched: matched.slice(0, count), titleHits: titleHits.slice(0, count) };
  }

  /**
   * Of `matched[from..to)`, moves those that contain `term` to the front (from `kept` on), adding
   * one to their `titleHits` when their title holds it; returns the new `kept`.
   */
  private keepMatches(term: string, direct: DirectMatcher, matched: Int32Array, titleHits: Uint32Array, from: number, to: number, kept: number): number {
    const kinds = this.textKinds;
    for (let k = from; k < to; k++) {
      const i = matched[k]!;
      let inTitle: boolean;
      if (kinds[i] === DIRECT) {
        const { title, prompt, answer, explanation, example } = this.entries[i]!.question;
        inTitle = direct.test(title);
        if (!inTitle && !direct.test(prompt) && !direct.test(answer) && !(explanation && direct.test(explanation)) && !(example && direct.test(example))) continue;
      } else {
        // The title comes first, so the first occurrence tells both whether and where.
        const at = this.forms[i]!.indexOf(term);
        if (at === -1) continue;
        inTitle = at < this.titleEnds[i]!;
      }
      matched[kept] = i;
      titleHits[kept] = titleHits[k]! + (inTitle ? 1 : 0);
      kept++;
    }
    return kept;
  }

  /**
   * Rows for `matched` (ascending), ranked by title hits when there are terms. Most rows hold
   * every variant of their title in index order; those rows are made once and reused, so a
   * search that matches thousands of questions allocates little more than the list of rows.
   */
  private group(matched: Int32Array, titleHits: Uint32Array | null, terms: readonly string[]): SearchResult {
    const groupCount = this.groupKeys.length;
    // Sized for the groups known so far: more appear while titles are still being grouped.
    if (!this.seenInGroup || this.seenInGroup.length < groupCount) {
      this.seenInGroup = new Int32Array(groupCount);
      this.groupInOrder = new Uint8Array(groupCount);
    }
    const seen = this.seenInGroup;
    const inOrder = this.groupInOrder!;
    const rows: number[] = [];
    const rowTitleMatch: boolean[] = [];
    ranked(matched, titleHits, terms.length, (i, titleMatch) => {
      const group = this.groupOf[i]!;
      const count = seen[group]!;
      if (count === 0) {
        rows.push(group);
        rowTitleMatch.push(titleMatch);
        inOrder[group] = 1;
      }
      if (inOrder[group] && this.groupVariants[group]![count] !== this.entries[i]) inOrder[group] = 0;
      seen[group] = count + 1;
    });

    const whole = (group: number) => inOrder[group] === 1 && seen[group] === this.groupVariants[group]!.length;
    const members = new Map<number, IndexedQuestion[]>();
    for (const group of rows) if (!whole(group)) members.set(group, []);
    if (members.size > 0) {
      ranked(matched, titleHits, terms.length, (i) => members.get(this.groupOf[i]!)?.push(this.entries[i]!));
    }

    const groups = rows.map((group, row): ResultGroup => {
      const titleMatch = rowTitleMatch[row]!;
      const some = members.get(group);
      if (some) return { key: this.groupKeys[group]!, primary: some[0]!, members: some, variants: this.groupVariants[group]!, titleMatch };
      const slot = group * 2 + (titleMatch ? 1 : 0);
      return (this.wholeGroups[slot] ??= Object.freeze({
        key: this.groupKeys[group]!,
        primary: this.groupVariants[group]![0]!,
        members: this.groupVariants[group]!,
        variants: this.groupVariants[group]!,
        titleMatch,
      }));
    });
    for (const group of rows) seen[group] = 0;
    return { groups, questionCount: matched.length, terms: [...terms], complete: true };
  }
}

/**
 * Calls `visit` for each matching question in rank order: titles with every term, titles with
 * some, then the rest, each in index order. Without terms, index order.
 */
function ranked(matched: Int32Array, titleHits: Uint32Array | null, terms: number, visit: (i: number, titleMatch: boolean) => void): void {
  if (titleHits === null) {
    for (const i of matched) visit(i, false);
    return;
  }
  for (let k = 0; k < matched.length; k++) if (titleHits[k] === terms) visit(matched[k]!, true);
  for (let k = 0; k < matched.length; k++) if (titleHits[k]! > 0 && titleHits[k]! < terms) visit(matched[k]!, false);
  for (let k = 0; k < matched.length; k++) if (titleHits[k] === 0) visit(matched[k]!, false);
}

/** Whether every question matching `after` also matches `before`: each earlier term is part of a later one. */
function narrows(before: readonly string[], after: readonly string[]): boolean {
  return before.every((old) => after.some((term) => term.includes(old)));
}

/** The filters as a string, equal for filters that select the same questions. */
function keyOf(filters: SearchFilters | null | undefined): string {
  if (!filters) return '';
  const list = (set: ReadonlySet<string> | null | undefined) => (set?.size ? [...set].sort().join('\u0001') : '');
  const key = `${filters.kind ?? ''}\u0000${list(filters.bankIds)}\u0000${list(filters.topics)}`;
  return key === '\u0000\u0000' ? '' : key;
}

/** How many of the ascending `values` are below `limit`. */
function upperBound(values: Int32Array, limit: number): number {
  let low = 0;
  let high = values.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (values[middle]! < limit) low = middle + 1;
    else high = middle;
  }
  return low;
}

function promiseWithResolve(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

// Yielding through a message channel: unlike nested timers, no 4 ms clamp between slices.
let channel: MessageChannel | null = null;
const waiting: (() => void)[] = [];

/** Resolves in a task of its own, after what the event loop has queued (input, rendering). */
function nextTask(): Promise<void> {
  if (typeof MessageChannel === 'undefined') return new Promise((resolve) => setTimeout(resolve, 0));
  if (!channel) {
    const opened = (channel = new MessageChannel());
    opened.port1.onmessage = () => {
      waiting.shift()?.();
      // Closed when idle, so an open port never keeps a Node process alive.
      if (waiting.length === 0 && channel === opened) {
        opened.port1.close();
        channel = null;
      }
    };
  }
  const ready = new Promise<void>((resolve) => waiting.push(resolve));
  channel.port2.postMessage(null);
  return ready;
}
