/**
 * Progress across devices: a `ProgressStore` kept in step with one xAPI state document
 * (Activity State API, xAPI 1.0.3) per learner and progress key. Offline first: the store and its
 * localStorage stay the learner's copy; the LRS is met in the background.
 *
 * The document
 *   `activities/state?activityId=urn:quiz-elements:progress&agent=<actor>&stateId=<stateId>`
 *   (`&registration=<uuid>` when one is given), `<stateId>` = `quiz-elements/progress/<progressKey>`
 *   (the key `encodeURIComponent`-encoded, as in storage keys), and `<actor>` only the learner's
 *   identifier (mbox, mbox_sha1sum, openid or account; no name), so every device names it alike.
 *   One fixed activity for all banks: progress is per learner, not per bank, as in the store.
 *   Its content is the store's export (`ProgressStore.exportData()`, `application/json`), the same
 *   file as "Export progress": readable by any version that imports progress files, and merged by
 *   the store's own rule (per question the newer copy wins, review logs are united).
 *
 * A round (`syncNow()`): GET the document (404: none yet) → merge it into the store → when the
 * store then holds anything the document lacks, PUT the store's export with `If-Match: <ETag of
 * that GET>` (`If-None-Match: *` when there was none). A 412 or 409 (another device wrote in
 * between) starts the round again, a few times with a short, growing, jittered wait: nothing either
 * device graded is lost, and two devices converge to the same document. The merged document is
 * only PUT when it differs from what was read, so pulling never echoes back what it just pulled.
 *
 * An LRS must send an ETag with the document (xAPI 1.0.3, Communication 1.3; and expose it to CORS,
 * `Access-Control-Expose-Headers: ETag`). Without one (or with an LRS that does not check it) the
 * PUT goes without a condition and the last writer wins: the document may miss what another device
 * wrote between this round's GET and PUT until that device's next round, which finds its progress
 * missing and writes it back. Nothing is lost as long as each device keeps its store.
 *
 * Faults, like `StatementOutbox`: offline, 5xx and 429 keep the store as it is and try again after
 * 1 s, doubling up to 5 min. 401/403: note `unauthorized`, nothing more until `reconnect()`.
 * A document that is not a progress export is never overwritten by the background rounds (see
 * `ProgressSyncNote`); `replaceRemote()` replaces one only after copying it aside.
 *
 * Free of DOM: fetch and timers are passed in. Credentials live in memory only: this class writes
 * nothing to storage (the store writes progress records), and nothing but progress to the LRS.
 */
import { ProgressFileError, parseExport } from '../progress/record.js';
import type { ProgressStore } from '../progress/store.js';
import type { MemoryState, ProgressChange, ProgressExport, QuestionProgress } from '../progress/types.js';
import type { LrsConnection } from './outbox.js';
import { XAPI_VERSION, type XapiAgent } from './statements.js';

/** The activity that every progress document hangs on. */
export const PROGRESS_ACTIVITY = 'urn:quiz-elements:progress';

/** The state id of a progress key's document. */
export function progressStateId(progressKey: string): string {
  return `quiz-elements/progress/${encodeURIComponent(progressKey)}`;
}

/**
 * What the page should tell the learner (null when all is well again):
 * - `unauthorized`: the LRS refused the credentials (401/403); syncing waits for `reconnect()`.
 * - `remote-unreadable`: the document is not a quiz-elements progress export (corrupt, or
 *   something else's). It is left as it is and progress stays on this device; rounds go on
 *   reading it (it may be fixed elsewhere); `replaceRemote()` replaces it after copying it aside.
 * - `remote-newer`: written by a newer version of quiz-elements. Never replaced from here: its
 *   devices hold the progress in a form this version cannot read. Update quiz-elements.
 */
export interface ProgressSyncNote {
  kind: 'unauthorized' | 'remote-unreadable' | 'remote-newer';
  /** A sentence in English for logs; pages show their own localized text by `kind`. */
  message: string;
}

/** How a round ended. */
export interface SyncReport {
  /**
   * `synced`: the store and the document agree. `retrying`: offline or the LRS failed, the next
   * try is scheduled. `unauthorized`, `remote-unreadable`, `remote-newer`: see `ProgressSyncNote`.
   * `stopped`: after `stop()`.
   */
  outcome: 'synced' | 'retrying' | 'unauthorized' | 'remote-unreadable' | 'remote-newer' | 'stopped';
  /** Whether the store's export was written to the LRS. */
  pushed: boolean;
  /** HTTP requests made in the round. */
  requests: number;
  /** 412/409 answers met (another device wrote between this round's GET and PUT). */
  conflicts: number;
  /** Size in bytes of the last document read or written (0: none). */
  documentBytes: number;
}

export interface ProgressSyncOptions {
  /** The learner's progress on this device; it stays the copy the elements read and write. */
  store: ProgressStore;
  /** The LRS's xAPI endpoint (ending in `/`) and Authorization header value, held in memory only. */
  connection: LrsConnection;
  /** The learner; only the identifier goes into the document's address (a TypeError without one). */
  actor: XapiAgent;
  /** Optional xAPI registration (a UUID): a separate document per enrolment. */
  registration?: string;
  /** Default: the global fetch. */
  fetch?: typeof fetch;
  /** Wait after a local change before pushing; changes within it go in one push. Default 2 s. */
  debounceMs?: number;
  /** First wait after a failure, doubled each time up to `maxDelayMs`. Defaults 1 s and 5 min. */
  retryDelayMs?: number;
  maxDelayMs?: number;
  /** Times a round starts again after 412/409 before it waits like a failure. Default 5. */
  conflictRetries?: number;
  /** First wait before starting again after 412/409, doubled each time, plus up to as much at random. Default 100 ms. */
  conflictDelayMs?: number;
  /** 0 ≤ x < 1; default Math.random. Spreads devices that keep colliding. */
  random?: () => number;
  /** Default setTimeout and clearTimeout; tests run them by hand. */
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Told when a note starts or ends (null: all is well again). */
  onNote?: (note: ProgressSyncNote | null) => void;
  /** Whether to run a first round at once (next tick). Default true. */
  start?: boolean;
}

interface Fetched {
  /** null: the request failed (offline, DNS, CORS). */
  status: number | null;
  etag: string | null;
  text: string;
  contentType: string;
}

const MEMORY_FIELDS: readonly (keyof MemoryState)[] = ['due', 'stability', 'difficulty', 'scheduledDays', 'learningSteps', 'reps', 'lapses', 'state', 'lastReview'];

/** Keeps a `ProgressStore` in step with its xAPI state document; see the module comment. */
export class ProgressSync {
  readonly #options: ProgressSyncOptions & Required<Pick<ProgressSyncOptions, 'debounceMs' | 'retryDelayMs' | 'maxDelayMs' | 'conflictRetries' | 'conflictDelayMs'>>;
  readonly #store: ProgressStore;
  readonly #address: string;
  #connection: LrsConnection;
  #unsubscribe: (() => void) | null;
  #timer: unknown = null;
  /** A background push or retry is already waiting on the timer. */
  #timerKind: 'push' | 'retry' | null = null;
  #failures = 0;
  #unauthorized = false;
  #stopped = false;
  /** Changes the store tells while this round merges the document in are its own: not pushed back. */
  #importing = 0;
  #running: Promise<SyncReport> | null = null;
  #queued: Promise<SyncReport> | null = null;
  #note: ProgressSyncNote | null = null;

  constructor(options: ProgressSyncOptions) {
    this.#options = { debounceMs: 2000, retryDelayMs: 1000, maxDelayMs: 300_000, conflictRetries: 5, conflictDelayMs: 100, ...options };
    this.#store = options.store;
    this.#connection = options.connection;
    const query = new URLSearchParams({ activityId: PROGRESS_ACTIVITY, agent: JSON.stringify(identifierOf(options.actor)), stateId: progressStateId(this.#store.progressKey) });
    if (options.registration) query.set('registration', options.registration);
    this.#address = `activities/state?${query}`;
    this.#unsubscribe = this.#store.subscribe((change) => this.#onChange(change));
    if (options.start ?? true) this.#schedule('push', 0);
  }

  /** The current note, or null. */
  get note(): ProgressSyncNote | null {
    return this.#note;
  }

  /**
   * One round now (GET, merge, PUT if the store knows more), after the one running if any; calls
   * made while a round waits to start share it. Resolves, never rejects, with how it ended.
   */
  syncNow(): Promise<SyncReport> {
    this.#failures = 0;
    return this.#enqueue();
  }

  /**
   * Takes in what other devices wrote: the same round as `syncNow()` (a PUT follows only if this
   * device knows more). For the page to call on `online`, on `visibilitychange` to visible, and
   * on a timer; it also cuts short a retry wait.
   */
  pull(): Promise<SyncReport> {
    return this.syncNow();
  }

  /** New credentials or endpoint (a token refreshed, the learner signed in again): syncs at once. */
  reconnect(connection: LrsConnection): Promise<SyncReport> {
    this.#connection = connection;
    this.#unauthorized = false;
    return this.syncNow();
  }

  /**
   * Replaces a document that is not a progress export (note `remote-unreadable`) with the store's
   * export, for the page to call once the learner agrees. Nothing is lost: the document is first
   * copied, as it was, to the state id `<stateId>/set-aside/<ms>` of the same activity and agent,
   * and the replacement is conditional on it being unchanged since (`If-Match`). Refuses (outcome
   * `remote-newer`) a document of a newer quiz-elements. A readable document is merged as usual.
   */
  replaceRemote(): Promise<SyncReport> {
    this.#failures = 0;
    return this.#enqueue(true);
  }

  /** Stops syncing (the page is going away): no more timers or requests. The store is untouched. */
  stop(): void {
    this.#stopped = true;
    this.#clearTimer();
    this.#unsubscribe?.();
    this.#unsubscribe = null;
  }

  #onChange(change: ProgressChange): void {
    if (change.problem || this.#importing > 0 || this.#unauthorized || this.#stopped) return;
    // A retry already waits (offline): the change goes with it. A push waiting gathers it too.
    if (this.#timerKind) return;
    this.#schedule('push', this.#options.debounceMs);
  }

  #enqueue(replace = false): Promise<SyncReport> {
    if (replace) return this.#after(() => this.#safeRound(true));
    // A round waiting to start will see every change made so far: share it.
    this.#queued ??= this.#after(() => {
      this.#queued = null;
      return this.#safeRound(false);
    });
    return this.#queued;
  }

  /** A round that never rejects: an unexpected error (a bug, a store that throws) waits like a failure. */
  #safeRound(replace: boolean): Promise<SyncReport> {
    return this.#round(replace).catch((error: unknown) => {
      console.error('quiz-elements: a progress sync round failed', error);
      return this.#failed({ outcome: 'retrying', pushed: false, requests: 0, conflicts: 0, documentBytes: 0 });
    });
  }

  #after(round: () => Promise<SyncReport>): Promise<SyncReport> {
    const previous = this.#running ?? Promise.resolve();
    const next = previous.then(round, round);
    this.#running = next;
    void next.finally(() => {
      if (this.#running === next) this.#running = null;
    });
    return next;
  }

  async #round(replace: boolean): Promise<SyncReport> {
    const report: SyncReport = { outcome: 'synced', pushed: false, requests: 0, conflicts: 0, documentBytes: 0 };
    if (this.#stopped) return { ...report, outcome: 'stopped' };
    if (this.#unauthorized) return { ...report, outcome: 'unauthorized' };
    // This round takes every change made so far, and is the retry a waiting timer was for.
    this.#clearTimer();
    await this.#store.ready;
    for (;;) {
      const got = await this.#request('GET');
      report.requests++;
      if (this.#stopped) return { ...report, outcome: 'stopped' };
      if (got.status === 401 || got.status === 403) return this.#refused(report);
      if (got.status !== 200 && got.status !== 404) return this.#failed(report);
      let remote: ProgressExport | null = null;
      let replacing = false;
      const etag = got.status === 200 ? got.etag : null; // a 404 may carry the ETag of its error text
      if (got.status === 200) {
        report.documentBytes = byteLength(got.text);
        try {
          remote = parseExport(got.text);
        } catch (error) {
          const newer = error instanceof ProgressFileError && error.problem === 'newer-format';
          const reason = error instanceof Error ? error.message : String(error);
          if (!replace || newer || !etag) return this.#unreadable(report, newer, reason);
          const copied = await this.#setAside(got);
          report.requests++;
          if (copied.status === 401 || copied.status === 403) return this.#refused(report);
          if (copied.status === null || copied.status >= 300) return this.#failed(report);
          replacing = true;
        }
        this.#importing++;
        try {
          if (remote) await this.#store.importData(remote);
        } finally {
          this.#importing--;
        }
      }
      if (this.#note && this.#note.kind !== 'unauthorized') this.#setNote(null); // readable (or replaced) now
      const local = this.#store.exportData();
      const agreed = remote ? sameQuestions(local.questions, remote.questions) : !replacing && local.questions.length === 0;
      if (agreed) return this.#succeeded(report);
      const body = JSON.stringify(local);
      // A document read without an ETag (an LRS that does not send it, or hides it from CORS):
      // written without a condition (see the module comment).
      const condition: Record<string, string> = etag ? { 'If-Match': etag } : got.status === 404 ? { 'If-None-Match': '*' } : {};
      const put = await this.#request('PUT', body, condition);
      report.requests++;
      if (put.status === 401 || put.status === 403) return this.#refused(report);
      if (put.status === 412 || put.status === 409) {
        // Another device wrote after our GET: read theirs, merge, try again.
        report.conflicts++;
        if (report.conflicts > this.#options.conflictRetries) return this.#failed(report);
        const base = this.#options.conflictDelayMs * 2 ** (report.conflicts - 1);
        await this.#sleep(base + base * (this.#options.random ?? Math.random)());
        if (this.#stopped) return { ...report, outcome: 'stopped' };
        continue;
      }
      if (put.status === null || put.status >= 300) return this.#failed(report);
      report.pushed = true;
      report.documentBytes = byteLength(body);
      replace = false;
      return this.#succeeded(report);
    }
  }

  #succeeded(report: SyncReport): SyncReport {
    this.#failures = 0;
    if (this.#note?.kind === 'unauthorized') this.#setNote(null);
    return report;
  }

  /** Offline, 5xx, 429, or a conflict that kept coming back: the store keeps everything; try again later. */
  #failed(report: SyncReport): SyncReport {
    this.#failures++;
    this.#schedule('retry', Math.min(this.#options.maxDelayMs, this.#options.retryDelayMs * 2 ** (this.#failures - 1)));
    return { ...report, outcome: 'retrying' };
  }

  #refused(report: SyncReport): SyncReport {
    this.#unauthorized = true;
    this.#clearTimer();
    this.#setNote({ kind: 'unauthorized', message: 'The Learning Record Store refused the credentials (401/403): progress is kept on this device and synced again once new credentials are given.' });
    return { ...report, outcome: 'unauthorized' };
  }

  #unreadable(report: SyncReport, newer: boolean, reason: string): SyncReport {
    const where = `the progress document on the Learning Record Store (${this.#address})`;
    this.#setNote(
      newer
        ? { kind: 'remote-newer', message: `${reason} It was written by a newer version of quiz-elements: ${where} is left as it is and progress here is not synced until quiz-elements is updated.` }
        : { kind: 'remote-unreadable', message: `${where} cannot be read: ${reason} It is left as it is and progress stays on this device; replaceRemote() replaces it after copying it aside.` },
    );
    return { ...report, outcome: newer ? 'remote-newer' : 'remote-unreadable' };
  }

  /** Copies a document that is about to be replaced to `<stateId>/set-aside/<ms>`, as it was. */
  #setAside(got: Fetched): Promise<Fetched> {
    const aside = new URLSearchParams(this.#address.slice(this.#address.indexOf('?') + 1));
    aside.set('stateId', `${aside.get('stateId')}/set-aside/${this.#store.now()}`);
    return this.#request('PUT', got.text, { 'Content-Type': got.contentType || 'application/octet-stream', 'If-None-Match': '*' }, `activities/state?${aside}`);
  }

  async #request(method: 'GET' | 'PUT', body?: string, extra: Record<string, string> = {}, address = this.#address): Promise<Fetched> {
    const { endpoint, auth } = this.#connection;
    const headers: Record<string, string> = { 'X-Experience-API-Version': XAPI_VERSION };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    Object.assign(headers, extra);
    if (auth) headers.Authorization = auth;
    try {
      // no-store: the LRS sends Last-Modified, and a heuristically cached GET would hide other devices' writes.
      const response = await (this.#options.fetch ?? fetch)(new URL(address, endpoint).href, { method, headers, body, cache: 'no-store' });
      const text = method === 'GET' && response.status === 200 ? await response.text() : '';
      if (!text) void response.body?.cancel().catch(() => undefined);
      return { status: response.status, etag: response.headers.get('ETag'), text, contentType: response.headers.get('Content-Type') ?? '' };
    } catch {
      return { status: null, etag: null, text: '', contentType: '' };
    }
  }

  #sleep(ms: number): Promise<void> {
    return new Promise((resolve) => (this.#options.setTimer ?? setTimeout)(resolve, ms));
  }

  #schedule(kind: 'push' | 'retry', ms: number): void {
    if (this.#stopped) return;
    this.#clearTimer();
    this.#timerKind = kind;
    this.#timer = (this.#options.setTimer ?? setTimeout)(() => {
      this.#timer = null;
      this.#timerKind = null;
      void this.#enqueue();
    }, ms);
  }

  #clearTimer(): void {
    if (this.#timer !== null) (this.#options.clearTimer ?? clearTimeout)(this.#timer as ReturnType<typeof setTimeout>);
    this.#timer = null;
    this.#timerKind = null;
  }

  #setNote(note: ProgressSyncNote | null): void {
    if (note?.kind === this.#note?.kind && note?.message === this.#note?.message) return;
    this.#note = note;
    this.#options.onNote?.(note);
  }
}

/** The learner's inverse functional identifier only: a name that differs between devices must not make another document. */
function identifierOf(actor: XapiAgent): XapiAgent {
  const { mbox, mbox_sha1sum, openid, account } = actor;
  if (mbox) return { objectType: 'Agent', mbox };
  if (mbox_sha1sum) return { objectType: 'Agent', mbox_sha1sum };
  if (openid) return { objectType: 'Agent', openid };
  if (account) return { objectType: 'Agent', account: { homePage: account.homePage, name: account.name } };
  throw new TypeError('The actor needs an identifier (mbox, mbox_sha1sum, openid or account) to name its progress document.');
}

/** Whether two lists of questions hold the same progress (order and key order aside). */
function sameQuestions(a: readonly QuestionProgress[], b: readonly QuestionProgress[]): boolean {
  if (a.length !== b.length) return false;
  const there = new Map(b.map((q) => [`${q.bankId}\u0000${q.questionId}`, fingerprint(q)]));
  return a.every((q) => there.get(`${q.bankId}\u0000${q.questionId}`) === fingerprint(q));
}

function fingerprint(q: QuestionProgress): string {
  return JSON.stringify([q.reviews.map((r) => [r.at, r.grade, r.correct ?? null]), MEMORY_FIELDS.map((field) => q.memory[field]), q.updatedAt, (q.undone ?? []).map((u) => [u.at, u.grade])]);
}

function byteLength(text: string): number {
  return new TextEncoder().encode(text).length;
}
