/**
 * The learner's progress: one record per question, kept in memory and written through to a
 * `ProgressStorage` (localStorage in the browser), shared by every element of a page
 * (`ProgressStore.shared`) and kept in step with other tabs. Storage faults never reach the
 * caller: the store carries on in memory and reports one problem.
 *
 * Records that cannot be read are set aside (copied to `quiz-elements/set-aside/...`, reported in
 * `problems`) and skipped. A corrupt record's original key is then removed, so a later grade
 * writes a fresh record there. A record written by a newer version of this library (format v3 or
 * later) is valid for that version, so its key is never written or removed here: grades of that
 * question made with this version stay in memory for the session only.
 */
import { GRADES } from '../practice/practice-set.js';
import {
  emptyMemory,
  keepNewest,
  mergeProgress,
  parseRecord,
  progressPrefix,
  questionRef,
  recordKey,
  reviewId,
  serializeRecord,
  setAsideKey,
  setAsidePrefix,
  unitedUndone,
  byTime,
  EXPORT_FORMAT,
  type ParsedRecord,
} from './stored-record.js';
import { LazyChunk } from '../lazy.js';
import { loadScheduler, type Scheduler } from './schedule.js';
import { statusOf } from './status.js';
import type {
  Grade,
  ImportSummary,
  MemoryState,
  ProgressChange,
  ProgressExport,
  ProgressProblem,
  ProgressStorage,
  QuestionProgress,
  QuestionStatus,
  Review,
  UndoneReview,
} from './types.js';
import { webStorage } from './web-storage.js';

export interface ProgressStoreOptions {
  /** Separates learners or courses on one site; default `'default'`. */
  progressKey?: string;
  /**
   * Where records are kept. Omitted: the browser's localStorage (an `unavailable` problem where
   * there is none). `null`: memory only, on purpose (no problem reported).
   */
  storage?: ProgressStorage | null;
  /** The clock, in ms since the epoch; tests pass a fixed one. */
  now?: () => number;
}

export interface RecordOptions {
  /** When the learner answered; default now. */
  at?: number;
  /** For choice questions: whether the answer was right. */
  correct?: boolean;
}

const sharedStores = new Map<string, ProgressStore>();

/** The export file's reader: only importing a file needs it (a chunk of its own in the CDN build). */
const progressFileChunk = new LazyChunk(() => import('./progress-file.js'), 'the progress file reader');

export class ProgressStore {
  /** The store of `progressKey` for this page, over localStorage: every element shares it. */
  static shared(progressKey = 'default'): ProgressStore {
    let store = sharedStores.get(progressKey);
    if (!store) {
      store = new ProgressStore({ progressKey });
      sharedStores.set(progressKey, store);
    }
    return store;
  }

  readonly progressKey: string;
  /** Resolves (never rejects) once stored records are loaded and old formats migrated. */
  readonly ready: Promise<void>;

  private storage: ProgressStorage | null;
  private readonly clock: () => number;
  private readonly prefix: string;
  /** By storage key. Records are replaced, never changed in place, so elements may compare them. */
  private readonly records = new Map<string, QuestionProgress>();
  /** v1 records whose memory state is still to be replayed from their reviews. */
  private readonly pendingRebuild = new Set<string>();
  /** Keys holding a record of a newer format: never written or removed. */
  private readonly foreign = new Set<string>();
  /** Keys whose latest record is not in storage yet (a write failed). */
  private readonly unsaved = new Set<string>();
  private readonly listeners = new Set<(change: ProgressChange) => void>();
  private readonly problemList: ProgressProblem[] = [];
  private readonly setAsideReported = new Set<string>();
  private storageFaultReported = false;
  private isPersistent: boolean;
  private stopWatching: (() => void) | undefined;

  constructor(options: ProgressStoreOptions = {}) {
    this.progressKey = options.progressKey ?? 'default';
    this.clock = options.now ?? Date.now;
    this.prefix = progressPrefix(this.progressKey);
    this.storage = options.storage === undefined ? webStorage() : options.storage;
    this.isPersistent = this.storage !== null;
    if (options.storage === undefined && !this.storage) {
      this.storageFault('unavailable', 'Browser storage (localStorage) cannot be used here. Progress is kept in this page only.');
    }
    this.loadAll();
    try {
      this.stopWatching = this.storage?.watch(this.prefix, (key, value) => this.onExternalChange(key, value));
    } catch {
      // No news from other tabs then; this tab still works.
    }
    this.ready = this.migrate();
  }

  /** The store's clock, in ms since the epoch: elements ask it what "now" is, so a store with a fixed clock (tests, demos) sees every answer at its time. */
  now(): number {
    return this.clock();
  }

  /** Whether progress is being kept beyond this page: false once storage failed, or without storage. */
  get persistent(): boolean {
    return this.isPersistent;
  }

  /**
   * What went wrong with stored progress, oldest first, each once. Problems found later are also
   * notified; those found while loading (in the constructor) are only here: read it on subscribe.
   */
  get problems(): readonly ProgressProblem[] {
    return this.problemList;
  }

  /** The progress of one question, or undefined if never answered. Do not change it. */
  get(bankId: string, questionId: string): QuestionProgress | undefined {
    return this.records.get(recordKey(this.progressKey, bankId, questionId));
  }

  /** Every question with progress. */
  all(): QuestionProgress[] {
    return [...this.records.values()];
  }

  status(bankId: string, questionId: string, at: number = this.clock()): QuestionStatus {
    return statusOf(this.get(bankId, questionId), at);
  }

  /**
   * Records an answer: schedules the question's next review, appends the review to its log and
   * writes that question's record. Resolves with the new progress even if storage fails; rejects
   * only for a grade that is not one of GRADES, or if the scheduler cannot be loaded (offline
   * before its chunk was ever fetched), and then nothing is recorded.
   */
  async record(bankId: string, questionId: string, grade: Grade, options: RecordOptions = {}): Promise<QuestionProgress> {
    if (!GRADES.includes(grade)) throw new TypeError(`Unknown grade "${String(grade)}": expected one of ${GRADES.join(', ')}.`);
    const at = options.at ?? this.clock();
    if (!Number.isFinite(at)) throw new TypeError(`The time of an answer must be a finite number of ms, not ${at}.`);
    await this.ready;
    const scheduler = await loadScheduler();
    // From here on synchronous: answers recorded at the same time cannot interleave.
    const key = recordKey(this.progressKey, bankId, questionId);
    const current = this.current(key, scheduler);
    const review: Review = options.correct === undefined ? { at, grade } : { at, grade, correct: options.correct };
    const reviews = [...(current?.reviews ?? []), review].sort(byTime);
    const progress: QuestionProgress = {
      bankId,
      questionId,
      reviews: keepNewest(reviews),
      // A record whose reviews were all undone is new again (state 0).
      memory: scheduler.next(current && current.memory.state !== 0 ? current.memory : null, grade, at),
      // Strictly newer than the copy it replaces, so it wins wherever the two meet.
      updatedAt: Math.max(this.clock(), at, (current?.updatedAt ?? -Infinity) + 1),
    };
    // An answer at the very ms of an undone one (a fixed clock) stands: it must not count as undone.
    const undone = current?.undone?.filter((u) => reviewId(u) !== reviewId(review));
    if (undone?.length) progress.undone = undone;
    this.records.set(key, progress);
    this.write(key);
    this.notify({ questions: [questionRef(bankId, questionId)], external: false });
    return progress;
  }

  /**
   * Takes back one recorded review (the learner pressed Undo): removes it from the question's log
   * (the newest with that time and grade), remembers it as undone so that a copy still holding it
   * (another tab, an older export) does not bring it back, restores the memory state from before
   * it, writes the record and notifies. A question left without reviews is new again.
   *
   * `previous` is what `get()` gave just before that `record()`: when nothing else changed since,
   * its memory state comes back exactly (even for a log cut to `MAX_REVIEWS`); otherwise the
   * memory state is replayed from the remaining reviews. Resolves with the progress after the
   * undo; a review that is not in the log changes nothing. Rejects only when a replay is needed
   * and the scheduler cannot be loaded, and then nothing changes.
   */
  async undo(bankId: string, questionId: string, review: UndoneReview, previous?: QuestionProgress): Promise<QuestionProgress | undefined> {
    await this.ready;
    let scheduler: Scheduler | null = null;
    let loadError: unknown = null;
    try {
      scheduler = await loadScheduler();
    } catch (error) {
      loadError = error; // needed only for a replay
    }
    // From here on synchronous, as in record().
    const key = recordKey(this.progressKey, bankId, questionId);
    const current = scheduler ? this.current(key, scheduler) : this.records.get(key);
    const index = current ? current.reviews.findLastIndex((r) => r.at === review.at && r.grade === review.grade) : -1;
    if (!current || index < 0) return current;
    let reviews = current.reviews.filter((_, i) => i !== index);
    let memory: MemoryState;
    // Nothing changed since `previous` when recording the undone review onto it gives the log here
    // (cut to MAX_REVIEWS, which may have dropped the oldest review: that one comes back too).
    const unchangedSince =
      previous !== undefined &&
      !this.pendingRebuild.has(key) &&
      JSON.stringify(keepNewest([...previous.reviews, current.reviews[index]!].sort(byTime))) === JSON.stringify(current.reviews);
    if (unchangedSince) {
      reviews = previous.reviews.map((r) => ({ ...r }));
      memory = previous.memory;
    } else if (reviews.length === 0) memory = emptyMemory(review.at);
    else if (scheduler) memory = scheduler.rebuild(reviews);
    else throw loadError;
    const progress: QuestionProgress = {
      bankId,
      questionId,
      reviews,
      memory,
      updatedAt: Math.max(this.clock(), current.updatedAt + 1),
      undone: unitedUndone(current.undone, [review]),
    };
    this.records.set(key, progress);
    this.pendingRebuild.delete(key);
    this.write(key);
    this.notify({ questions: [questionRef(bankId, questionId)], external: false });
    return progress;
  }

  /** When the question would next be due (ms) after each grade, for the grade buttons. */
  async preview(bankId: string, questionId: string, at: number = this.clock()): Promise<Record<Grade, number>> {
    await this.ready;
    const scheduler = await loadScheduler();
    const current = this.current(recordKey(this.progressKey, bankId, questionId), scheduler);
    return scheduler.preview(current?.memory ?? null, at);
  }

  /** Calls `listener` after every change (this store, other tabs, problems); returns an unsubscribe function. */
  subscribe(listener: (change: ProgressChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Everything, as the object to save as a JSON file. */
  exportData(): ProgressExport {
    const questions = this.all()
      .map(({ bankId, questionId, reviews, memory, updatedAt, undone }): QuestionProgress => ({
        bankId,
        questionId,
        reviews: reviews.map((review) => ({ ...review })),
        memory: { ...memory },
        updatedAt,
        ...(undone?.length ? { undone: undone.map((review) => ({ ...review })) } : {}),
      }))
      .sort((a, b) => (a.bankId === b.bankId ? compare(a.questionId, b.questionId) : compare(a.bankId, b.bankId)));
    return { format: EXPORT_FORMAT, progressKey: this.progressKey, exportedAt: this.clock(), questions };
  }

  /**
   * Merges an export (the object or its JSON text) into this store: per question the newer copy
   * wins and review logs are united. Never deletes anything. Throws an Error saying what is
   * wrong with a file that is not a valid export, before changing anything (or the download
   * error of the file reader's code, when it cannot be downloaded).
   */
  async importData(value: unknown): Promise<ImportSummary> {
    const file = (await progressFileChunk.load()).parseExport(value);
    await this.ready;
    const keyOf = (q: QuestionProgress) => recordKey(this.progressKey, q.bankId, q.questionId);
    let scheduler: Scheduler | null = null;
    const needsScheduler = file.questions.some((q) => this.pendingRebuild.has(keyOf(q)) || mergeProgress(this.records.get(keyOf(q)), q).needsRebuild);
    if (needsScheduler) scheduler = await loadScheduler().catch(() => null); // without it, the newer memory state stands
    const summary: ImportSummary = { added: 0, updated: 0, kept: 0 };
    const changed: string[] = [];
    for (const incoming of file.questions) {
      const key = keyOf(incoming);
      const here = scheduler ? this.current(key, scheduler) : this.records.get(key);
      const merged = this.merge(here, incoming, scheduler);
      if (!here) summary.added++;
      else if (merged.changedHere) summary.updated++;
      else summary.kept++;
      if (merged.changedHere) {
        this.adopt(key, here, merged.progress);
        this.write(key);
        changed.push(questionRef(incoming.bankId, incoming.questionId));
      }
    }
    if (changed.length) this.notify({ questions: changed, external: false });
    return summary;
  }

  /** Stops listening to other tabs (the store keeps working by itself). */
  close(): void {
    this.stopWatching?.();
    this.stopWatching = undefined;
  }

  // --- loading ------------------------------------------------------------------------------

  private loadAll(): void {
    const storage = this.storage;
    if (!storage) return;
    let keys: string[];
    try {
      keys = storage.keys(this.prefix);
    } catch (error) {
      this.storageFailed(error);
      return;
    }
    for (const key of keys) {
      let text: string | null;
      try {
        text = storage.get(key);
      } catch (error) {
        this.storageFailed(error);
        return;
      }
      if (text === null) continue;
      const parsed = parseRecord(key, text);
      if (!parsed.ok) this.setAside(key, text, parsed);
      else {
        this.records.set(key, parsed.progress);
        if (parsed.needsRebuild) this.pendingRebuild.add(key);
      }
    }
  }

  /** Replays v1 records into memory states and writes them back as v2. */
  private async migrate(): Promise<void> {
    if (!this.pendingRebuild.size) return;
    let scheduler: Scheduler;
    try {
      scheduler = await loadScheduler();
    } catch {
      return; // they stay pending; record() and preview() try again
    }
    const changed = [...this.pendingRebuild].map((key) => this.current(key, scheduler)).filter((p) => p !== undefined);
    this.notify({ questions: changed.map((p) => questionRef(p.bankId, p.questionId)), external: false });
  }

  /** The record at `key`, its memory state rebuilt first if it came from a v1 record. */
  private current(key: string, scheduler: Scheduler): QuestionProgress | undefined {
    const progress = this.records.get(key);
    if (!progress || !this.pendingRebuild.has(key)) return progress;
    const rebuilt = { ...progress, reviews: keepNewest(progress.reviews), memory: scheduler.rebuild(progress.reviews) };
    this.pendingRebuild.delete(key);
    this.records.set(key, rebuilt);
    this.write(key);
    return rebuilt;
  }

  /** Merges a copy from elsewhere into the one here, replaying the memory state when both had reviews the other lacks. */
  private merge(here: QuestionProgress | undefined, there: QuestionProgress, scheduler: Scheduler | null) {
    const merged = mergeProgress(here, there);
    if (merged.needsRebuild && scheduler) merged.progress = { ...merged.progress, memory: scheduler.rebuild(merged.progress.reviews) };
    return merged;
  }

  private adopt(key: string, here: QuestionProgress | undefined, progress: QuestionProgress): void {
    this.records.set(key, progress);
    if (progress.memory !== here?.memory) this.pendingRebuild.delete(key);
  }

  // --- other tabs -----------------------------------------------------------------------------

  private onExternalChange(key: string | null, value: string | null): void {
    if (key === null) {
      this.reloadAll();
      return;
    }
    if (!key.startsWith(this.prefix)) return;
    let text = value;
    try {
      if (this.storage) text = this.storage.get(key); // the latest, if several events are queued
    } catch {
      // the event's value then
    }
    const changed = this.absorb(key, text);
    if (changed) this.notify({ questions: [changed], external: true });
  }

  /** Storage was cleared or replaced elsewhere: read every key again. */
  private reloadAll(): void {
    let keys: string[];
    try {
      keys = this.storage ? this.storage.keys(this.prefix) : [];
    } catch {
      return;
    }
    const present = new Set(keys);
    for (const key of [...this.records.keys()]) if (!present.has(key)) this.absorb(key, null);
    for (const key of keys) {
      let text: string | null;
      try {
        text = this.storage?.get(key) ?? null;
      } catch {
        return;
      }
      this.absorb(key, text);
    }
    this.notify({ questions: [], external: true });
  }

  /** Takes in what another tab left at `key`; returns the question's ref if the copy here changed. */
  private absorb(key: string, text: string | null): string | null {
    const here = this.records.get(key);
    if (text === null) {
      this.foreign.delete(key);
      if (!here || this.unsaved.has(key)) return null; // never stored: nothing to take back
      this.records.delete(key);
      this.pendingRebuild.delete(key);
      return questionRef(here.bankId, here.questionId);
    }
    const parsed = parseRecord(key, text);
    if (!parsed.ok) {
      this.setAside(key, text, parsed);
      return null;
    }
    this.foreign.delete(key);
    const merged = mergeProgress(here, parsed.progress);
    if (parsed.needsRebuild || merged.needsRebuild) {
      // An old tab wrote v1, or both tabs answered: replay with the scheduler, then merge again.
      void loadScheduler().then(
        (scheduler) => {
          const latest = this.records.get(key);
          const incoming = parsed.needsRebuild ? { ...parsed.progress, reviews: keepNewest(parsed.progress.reviews), memory: scheduler.rebuild(parsed.progress.reviews) } : parsed.progress;
          const again = this.merge(latest, incoming, scheduler);
          if (again.changedHere) this.adopt(key, latest, again.progress);
          if (again.changedThere || parsed.needsRebuild) this.write(key);
          if (again.changedHere) this.notify({ questions: [questionRef(incoming.bankId, incoming.questionId)], external: true });
        },
        () => undefined, // scheduler unavailable: keep what is here
      );
      return null;
    }
    if (merged.changedHere) this.adopt(key, here, merged.progress);
    if (merged.changedThere) this.write(key); // this tab knew more: put it back for everyone
    return merged.changedHere ? questionRef(merged.progress.bankId, merged.progress.questionId) : null;
  }

  // --- writing and faults -------------------------------------------------------------------

  /** Writes the record at `key`, and any earlier ones whose write failed. */
  private write(key: string): void {
    if (this.foreign.has(key) || !this.storage) return;
    this.unsaved.delete(key);
    for (const next of [key, ...this.unsaved]) {
      const progress = this.records.get(next);
      if (!this.storage || !progress) {
        this.unsaved.delete(next);
        continue;
      }
      try {
        this.storage.set(next, serializeRecord(progress));
        this.unsaved.delete(next);
      } catch (error) {
        this.unsaved.add(next);
        this.storageFailed(error);
        return;
      }
    }
  }

  /**
   * Storage threw. A full quota may clear up: later writes still try. Anything else (blocked,
   * SecurityError) stops its use for the rest of the page. Either way one problem, once.
   */
  private storageFailed(error: unknown): void {
    const detail = isNamed(error) ? [error.name, (error as { message?: unknown }).message].filter(Boolean).join(': ') : String(error);
    if (isQuotaError(error)) {
      this.storageFault('write-failed', `Progress could not be saved: browser storage is full (${detail}). It is kept in this page only.`);
      return;
    }
    this.storage = null;
    this.close();
    this.storageFault('unavailable', `Browser storage failed (${detail}). Progress is kept in this page only.`);
  }

  private storageFault(kind: 'unavailable' | 'write-failed', message: string): void {
    this.isPersistent = false;
    if (this.storageFaultReported) return;
    this.storageFaultReported = true;
    this.report({ kind, message });
  }

  /** Copies an unreadable record to a set-aside key and reports it; removes a corrupt original once copied. */
  private setAside(key: string, text: string, parsed: Extract<ParsedRecord, { ok: false }>): void {
    let copy: string | null = null;
    const storage = this.storage;
    if (storage) {
      try {
        const earlier = storage.keys(setAsidePrefix(key));
        copy = earlier.find((k) => storage.get(k) === text) ?? null; // set aside before: once is enough
        if (!copy) {
          let at = this.clock();
          while (earlier.includes(setAsideKey(key, at))) at++;
          storage.set(setAsideKey(key, at), text);
          copy = setAsideKey(key, at);
        }
        if (!parsed.future) storage.remove(key);
      } catch {
        // Not copied (or not removed): the original stays, and must not be overwritten.
      }
    }
    if (parsed.future || !copy) this.foreign.add(key);
    if (this.setAsideReported.has(key)) return;
    this.setAsideReported.add(key);
    const where = copy ? `copied to "${copy}"` : 'left where it is';
    this.report({ kind: 'set-aside', key, message: `The progress record "${key}" was set aside (${where}): ${parsed.reason}.` });
  }

  private report(problem: ProgressProblem): void {
    this.problemList.push(problem);
    this.notify({ questions: [], external: false, problem });
  }

  private notify(change: ProgressChange): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(change);
      } catch (error) {
        console.error('quiz-elements: a progress listener threw', error);
      }
    }
  }
}

function isNamed(error: unknown): error is { name: string } {
  return typeof error === 'object' && error !== null && typeof (error as { name?: unknown }).name === 'string';
}

/** DOMException QuotaExceededError, as Chromium, WebKit and Firefox (old and new) name it. */
function isQuotaError(error: unknown): boolean {
  if (!isNamed(error)) return false;
  const code = (error as { code?: unknown }).code;
  return error.name === 'QuotaExceededError' || error.name === 'NS_ERROR_DOM_QUOTA_REACHED' || code === 22 || code === 1014;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
