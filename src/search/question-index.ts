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
 * copy of their text in search form. Building the index is grouping the titles (by a hash of the
 * normalized title, read from the title without making it) and checking which texts are direct
 * (1–2 ms per 1,000 questions in all), so `createQuestionIndex` does nothing up front:
 * `prepare()` builds in slices that leave the main thread free, and a search that comes first
 * groups what is still missing and checks each text as it searches it, reading it once (see
 * `DirectMatcher.firstHit`), at once (`search`) or within a time budget (`searchWithin`).
 *
 * Ranking, in three tiers, each in index order: questions whose title contains every term, then
 * those whose title contains some term, then the rest.
 *
 * Grouping: questions with the same normalized title (`normalizeTitle`), across all banks, are
 * one result row (`ResultGroup`), whose `variants` the UI can show side by side.
 */
import type { Bank, Question } from '../bank/types.js';
import { normalizeTitle } from '../bank/variants.js';
import { directMatcher, HIT, isDirect, NO_HIT, UNSURE, type DirectMatcher } from './direct-match.js';
import { filterTest, type SearchFilters } from './filters.js';
import { parseQuery, searchForm } from './search-form.js';
import { titleHash } from './title-key.js';

/** A question and the id of the bank it comes from. */
export interface IndexedQuestion {
  bankId: string;
  question: Question;
}

export type { SearchFilters } from './filters.js';

/**
 * One result row: the matching questions that share a title. The index's rows make `key`,
 * `members` and `variants` when first read (getters), so `{ ...row }` lacks them: copy them by name.
 */
export interface ResultGroup {
  /** The normalized title the questions share, unique among the rows. */
  readonly key: string;
  /** The first member: it gives the row its title and place. */
  readonly primary: IndexedQuestion;
  /** The questions of the group that match the query and filters, best first, then in index order. */
  readonly members: readonly IndexedQuestion[];
  /** Every question of the index with this title, matching or not, in index order: what "3 variants" counts. */
  readonly variants: readonly IndexedQuestion[];
  /** Whether the title contains every term (false for an empty query). */
  readonly titleMatch: boolean;
}

/**
 * The rows of an answer, in rank order (see the module comment). A row is made when first read
 * (`at`, or iterating): a large answer has thousands of rows, of which a list shows a few, and
 * making every one of them took longer than the search on a collection's first keystroke.
 */
export interface ResultRows extends Iterable<ResultGroup> {
  readonly length: number;
  /** Row `i` (the same object each time), or undefined when there is no row `i` (no negative indexes, unlike an array's `at`). */
  at(i: number): ResultGroup | undefined;
  /** The `primary` of row `i` (0 ≤ i < length), without making the row. */
  primary(i: number): IndexedQuestion;
  /**
   * One number per row, in order: the same for rows of the same title in every answer of the
   * index, and different for different rows (not a row's `key`, which is its title). Keys for
   * rendering, and a windowed list's items.
   */
  readonly ids: readonly number[];
  /** Where the row of `entry`'s title is (`entry` is among its `variants`, not always its `members`), or -1 (also for undefined). */
  rowOfTitle(entry: IndexedQuestion | undefined): number;
}

export interface SearchResult {
  /** Rows in rank order; see the module comment. */
  groups: ResultRows;
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
   * questions instead of grouping every title first (about 0.5 ms per 1,000 questions), so a
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
   * later searches answer at once; after a search that found a new answer it waits 50 ms, while
   * the answer is shown. Call it right after creating the index. Resolves when done.
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

/** How long `prepare()` waits after a new answer, so that showing it (a frame or two) comes first. */
const PAUSE_AFTER_ANSWER = 50;
/** Questions per step of building; small enough that a step stays far below a slice. */
const STEP = 64;
/** Collections of up to this many questions are searched at once by `searchWithin`, whatever its budget (a few ms). */
const ALWAYS_AT_ONCE = 2000;
/** Candidates per step of a scan, between the checks of a sliced search's clock. */
const SCAN_STEP = 1024;
/** A search under way: its steps yield how long the next one takes (in ms) when that is more than about a millisecond. */
type SearchSteps = Generator<number | undefined, SearchResult, void>;

/** How a question's text is searched: not checked yet, its fields as written, or its search form in `forms`. */
const UNCHECKED = 0;
const DIRECT = 1;
const FORMED = 2;

/** Where a question holds a term (keepMatches); UNSURE (2) from direct-match.ts: not known yet. */
const NOWHERE = 0;
const ELSEWHERE = 1;
const IN_TITLE = 3;

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
  // A group's questions are a list in index order (first, next…, last); its key and its array of
  // variants are made when first needed. Titles are grouped by `titleHash`, keys compared only where hashes meet.
  private readonly groupOf: Int32Array;
  private groupCount = 0;
  private readonly groupFirst: Int32Array;
  private readonly groupLast: Int32Array;
  private readonly nextVariant: Int32Array;
  private readonly groupHash: Int32Array;
  /** Groups by title hash: open addressing, group + 1 per slot (0: free); dropped once every title is grouped. */
  private hashSlots: Int32Array | null;
  private readonly groupKeys: (string | undefined)[] = [];
  /** Each group's variants, once made; frozen once every title is grouped (before, the group may still grow). */
  private readonly groupVariants: (readonly IndexedQuestion[] | undefined)[] = [];
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
  /** When the last search that was not answered from memory was answered (`performance.now()`). */
  private answeredAt = -Infinity;
  /** The search under way, resumed by the next call for the same query, filters and options. */
  private job: { key: string; steps: SearchSteps } | null = null;
  private filtered: { key: string; questions: Int32Array } | null = null;
  private last: LastSearch | null = null;
  /** The answer to the empty query under the filters of `filterKey`. */
  private everything: { filterKey: string; result: SearchResult } | null = null;
  /** Scratch for listing an answer's rows: whether a group has its row yet. */
  private seenInGroup: Uint8Array | null = null;
  /** Rows that hold every variant of a group, by group * 2 + titleMatch; shared between results. */
  private readonly wholeGroups: ResultGroup[] = [];

  constructor(entries: readonly IndexedQuestion[]) {
    this.entries = Object.freeze([...entries]);
    const size = this.entries.length;
    this.groupOf = new Int32Array(size);
    this.groupFirst = new Int32Array(size);
    this.groupLast = new Int32Array(size);
    this.nextVariant = new Int32Array(size).fill(-1);
    this.groupHash = new Int32Array(size);
    // At most half full, a power of two.
    this.hashSlots = new Int32Array(2 ** Math.ceil(Math.log2(2 * size + 2)));
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
      // Texts not checked yet are checked as they are scanned (keepMatches).
      // A longer query ("过拟" -> "过拟合") can only match what the shorter one matched.
      const last = this.last;
      const narrowing = last !== null && last.filterKey === filterKey && narrows(last.terms, terms);
      ({ matched, titleHits } = yield* this.scan(narrowing ? last.matched : this.allowed(filters, filterKey), terms));
    }
    // Listing the rows takes up to about a microsecond per match (a first search, before its code is optimized).
    yield matched.length / 1000;
    const result = this.group(matched, titleHits, terms);
    this.answeredAt = performance.now();
    this.last = { filterKey, query: queryKey, terms, matched, result };
    if (terms.length === 0) this.everything = { filterKey, result };
    return result;
  }

  variantsOf(entry: IndexedQuestion): readonly IndexedQuestion[] {
    const i = this.entries.indexOf(entry);
    if (i === -1) return [];
    // Later questions may share the title, so every group must be complete.
    this.buildGroups(this.size);
    return this.variantsOfGroup(this.groupOf[i]!);
  }

  /** The questions of `group` grouped so far, in index order: all of them, and a frozen array kept, once every title is grouped. */
  variantsOfGroup(group: number): readonly IndexedQuestion[] {
    const made = this.groupVariants[group];
    if (made) return made;
    const variants: IndexedQuestion[] = [];
    for (let i = this.groupFirst[group]!; i !== -1; i = this.nextVariant[i]!) variants.push(this.entries[i]!);
    if (this.groupedCount < this.size) return variants;
    return (this.groupVariants[group] = Object.freeze(variants));
  }

  /** The normalized title of `group`'s questions. */
  keyOfGroup(group: number): string {
    return (this.groupKeys[group] ??= normalizeTitle(this.entries[this.groupFirst[group]!]!.question.title));
  }

  private async buildInSlices(): Promise<void> {
    while (!this.prepared) {
      // A new answer is about to be shown: its rendering goes first.
      const pause = this.answeredAt + PAUSE_AFTER_ANSWER - performance.now();
      if (pause > 0) await new Promise((resolve) => setTimeout(resolve, pause));
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
    const slots = this.hashSlots;
    if (!slots) return;
    const mask = slots.length - 1;
    for (let i = this.groupedCount; i < stop; i++) {
      const title = this.entries[i]!.question.title;
      const hash = titleHash(title);
      let key: string | undefined;
      let slot = hash & mask;
      let group = -1;
      for (let taken = slots[slot]!; taken !== 0; slot = (slot + 1) & mask, taken = slots[slot]!) {
        // The same hash is the same title (most variants repeat it as written), unless two met by chance.
        if (this.groupHash[taken - 1] !== hash) continue;
        if (title !== this.entries[this.groupFirst[taken - 1]!]!.question.title && this.keyOfGroup(taken - 1) !== (key ??= normalizeTitle(title))) continue;
        group = taken - 1;
        break;
      }
      if (group === -1) {
        group = this.groupCount++;
        slots[slot] = group + 1;
        this.groupHash[group] = hash;
        this.groupFirst[group] = i;
        if (key !== undefined) this.groupKeys[group] = key;
      } else {
        this.nextVariant[this.groupLast[group]!] = i;
      }
      this.groupLast[group] = i;
      this.groupOf[i] = group;
    }
    this.groupedCount = Math.max(this.groupedCount, stop);
    if (this.groupedCount === this.size) {
      this.hashSlots = null;
      this.allGrouped.resolve();
    }
  }

  /** Checks how the text of the questions up to `end` is searched, making the search form of those that need one. */
  private buildTexts(end: number): void {
    const stop = Math.min(end, this.size);
    for (let i = this.checked; i < stop; i++) if (this.textKinds[i] === UNCHECKED) this.checkText(i);
    this.checked = Math.max(this.checked, stop);
  }

  /** Checks how question `i`'s text is searched, making its search form if it needs one. */
  private checkText(i: number): void {
    const { title, prompt, answer, explanation, example } = this.entries[i]!.question;
    if (isDirect(title) && isDirect(prompt) && isDirect(answer) && (!explanation || isDirect(explanation)) && (!example || isDirect(example))) {
      this.textKinds[i] = DIRECT;
      return;
    }
    // One normalize call per question; titles are one line, so the first newline ends the title.
    const form = searchForm(`${title}\n${prompt}\n${answer}\n${explanation ?? ''}\n${example ?? ''}`);
    this.forms[i] = form;
    this.titleEnds[i] = form.indexOf('\n');
    this.textKinds[i] = FORMED;
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
      let where = kinds[i] === UNCHECKED ? this.readOnce(direct, i) : UNSURE;
      if (where === UNSURE) {
        if (kinds[i] === UNCHECKED) this.checkText(i);
        where = kinds[i] === DIRECT ? this.findDirect(direct, i) : this.findFormed(term, i);
      }
      if (where === NOWHERE) continue;
      matched[kept] = i;
      titleHits[kept] = titleHits[k]! + (where === IN_TITLE ? 1 : 0);
      kept++;
    }
    return kept;
  }

  /**
   * Where the unchecked question `i` holds the term, read once field by field (`firstHit`):
   * checking its text first and then searching it would read it twice, for every question on a
   * keystroke before `prepare()` is done. A question read to its end is direct.
   */
  private readOnce(direct: DirectMatcher, i: number): number {
    const { title, prompt, answer, explanation, example } = this.entries[i]!.question;
    const inTitle = direct.firstHit(title);
    if (inTitle !== NO_HIT) return inTitle === HIT ? IN_TITLE : UNSURE;
    let hit = direct.firstHit(prompt);
    if (hit === NO_HIT) hit = direct.firstHit(answer);
    if (hit === NO_HIT && explanation) hit = direct.firstHit(explanation);
    if (hit === NO_HIT && example) hit = direct.firstHit(example);
    if (hit === NO_HIT) this.textKinds[i] = DIRECT;
    return hit === NO_HIT ? NOWHERE : hit === HIT ? ELSEWHERE : UNSURE;
  }

  /** Where the direct question `i` holds the term. */
  private findDirect(direct: DirectMatcher, i: number): number {
    const { title, prompt, answer, explanation, example } = this.entries[i]!.question;
    // Chinese terms are held as written: `includes` straight away (the first keystrokes run this before it is optimized).
    const plain = direct.plain;
    if (plain !== null) {
      if (title.includes(plain)) return IN_TITLE;
      return prompt.includes(plain) || answer.includes(plain) || explanation?.includes(plain) || example?.includes(plain) ? ELSEWHERE : NOWHERE;
    }
    if (direct.test(title)) return IN_TITLE;
    return direct.test(prompt) || direct.test(answer) || (explanation && direct.test(explanation)) || (example && direct.test(example)) ? ELSEWHERE : NOWHERE;
  }

  /** Where the question `i`, which has a search form, holds the term. */
  private findFormed(term: string, i: number): number {
    // The title comes first, so the first occurrence tells both whether and where.
    const at = this.forms[i]!.indexOf(term);
    return at === -1 ? NOWHERE : at < this.titleEnds[i]! ? IN_TITLE : ELSEWHERE;
  }

  /**
   * The rows for `matched` (ascending), ranked by title hits when there are terms: one pass that
   * lists each row's group and first member. Rows are made when read (`rowOf`).
   */
  private group(matched: Int32Array, titleHits: Uint32Array | null, terms: readonly string[]): SearchResult {
    // Sized for every question: there are never more groups.
    const seen = (this.seenInGroup ??= new Uint8Array(this.size));
    const ids: number[] = [];
    // Where in `matched` each row's first member is.
    const firstAt = new Int32Array(matched.length);
    // Rank order: a pass per tier (see `tierOf`); without terms, one pass in index order.
    for (let tier = titleHits ? 0 : 2; tier < 3; tier++) {
      for (let k = 0; k < matched.length; k++) {
        if (titleHits && tierOf(titleHits[k]!, terms.length) !== tier) continue;
        const group = this.groupOf[matched[k]!]!;
        if (seen[group] === 1) continue;
        seen[group] = 1;
        firstAt[ids.length] = k;
        ids.push(group);
      }
    }
    for (const group of ids) seen[group] = 0;
    const firsts = firstAt.slice(0, ids.length);
    const made: ResultGroup[] = [];
    const rows: ResultRows = {
      ids,
      length: ids.length,
      at: (row) => (ids[row] === undefined ? undefined : (made[row] ??= this.rowOf(ids[row], firsts[row]!, matched, titleHits, terms.length))),
      primary: (row) => this.entries[matched[firsts[row]!]!]!,
      // Any question of a row's title is in its group (`groupOf` is known for the questions grouped so far).
      rowOfTitle: (entry) => {
        const i = entry ? this.entries.indexOf(entry) : -1;
        return i === -1 || i >= this.groupedCount ? -1 : ids.indexOf(this.groupOf[i]!);
      },
      *[Symbol.iterator]() {
        for (let row = 0; row < ids.length; row++) yield rows.at(row)!;
      },
    };
    return { groups: rows, questionCount: matched.length, terms: [...terms], complete: true };
  }

  /**
   * The row of `group` in an answer whose matching questions are `matched` (ascending, with their
   * `titleHits` of `terms` terms; `matched[first]` is the row's first member): its members are
   * the group's matching questions in rank order. Most rows hold every variant of their title in
   * index order; once every title is grouped, those are made once and shared between answers.
   */
  private rowOf(group: number, first: number, matched: Int32Array, titleHits: Uint32Array | null, terms: number): ResultGroup {
    // The group's matching questions by tier, each in index order.
    const tiers: number[][] = [[], [], []];
    let variants = 0;
    for (let i = this.groupFirst[group]!; i !== -1; i = this.nextVariant[i]!) {
      variants++;
      const at = indexIn(matched, i);
      if (at !== -1) tiers[titleHits ? tierOf(titleHits[at]!, terms) : 2]!.push(i);
    }
    const order = tiers.flat();
    // Every variant (grouped so far) matched, and rank order is index order: the members are the variants.
    const whole = order.length === variants && order.every((i, k) => k === 0 || order[k - 1]! < i);
    // Once every title is grouped, such a row is made once and shared between answers; before, a row holds
    // the variants grouped so far, and is not kept (its group may grow).
    const complete = this.groupedCount === this.size;
    const primary = this.entries[matched[first]!]!;
    const titleMatch = titleHits?.[first] === terms;
    if (whole && complete) return (this.wholeGroups[group * 2 + (titleMatch ? 1 : 0)] ??= Object.freeze(new Row(this, group, primary, null, null, titleMatch)));
    const members = order.map((i) => this.entries[i]!);
    return Object.freeze(new Row(this, group, primary, members, complete ? null : this.variantsOfGroup(group), titleMatch));
  }
}

/**
 * A result row. Its key (the normalized title) and, for a row of every variant, its variants are
 * made when first read: most rows of a large answer are never shown, and making them all took as
 * long as the rest of the search. They are getters of the class, so a copy made with
 * `{ ...row }` lacks them.
 */
class Row implements ResultGroup {
  readonly #index: SubstringIndex;
  readonly #group: number;
  readonly #members: readonly IndexedQuestion[] | null;
  readonly #variants: readonly IndexedQuestion[] | null;

  /**
   * `members` null: every variant, in index order; `variants` null: read from the index when asked
   * (every title is grouped). `primary` is the first member.
   */
  constructor(
    index: SubstringIndex,
    group: number,
    readonly primary: IndexedQuestion,
    members: readonly IndexedQuestion[] | null,
    variants: readonly IndexedQuestion[] | null,
    readonly titleMatch: boolean,
  ) {
    this.#index = index;
    this.#group = group;
    this.#members = members;
    this.#variants = variants;
  }

  get key(): string {
    return this.#index.keyOfGroup(this.#group);
  }

  get variants(): readonly IndexedQuestion[] {
    return this.#variants ?? this.#index.variantsOfGroup(this.#group);
  }

  get members(): readonly IndexedQuestion[] {
    return this.#members ?? this.variants;
  }
}

/**
 * The tier of a matching question whose title holds `hits` of the query's `terms` terms: 0 for
 * every term, 1 for some, 2 for none. Answers list tier 0, then 1, then 2, each in index order.
 */
function tierOf(hits: number, terms: number): number {
  return hits === terms ? 0 : hits > 0 ? 1 : 2;
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

/** Where `value` is in the ascending `values`, or -1. */
function indexIn(values: Int32Array, value: number): number {
  const at = upperBound(values, value);
  return at < values.length && values[at] === value ? at : -1;
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
