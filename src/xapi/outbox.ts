/**
 * The statements on their way to a Learning Record Store: kept in storage first, then sent in
 * batches, so that no statement is lost and none is stored twice.
 * - Each statement has its client-side id: sending it again (a retry, a reload, a second tab
 *   sending the same queue) is harmless. The LRS keeps one statement per id.
 * - A network failure or a 5xx waits and tries again, with a growing delay. A 429 waits too.
 * - A 401/403 keeps the queue and reports `unauthorized` once. The queue is sent again when the
 *   credentials change, or with the next statement.
 * - A batch the LRS refuses (400) is sent one statement at a time. A statement it refuses on its
 *   own can never be stored: it is set aside in storage (`rejected`), never dropped silently.
 * - Storage that cannot be written keeps the queue in memory and reports `not-kept`.
 *
 * Free of DOM: storage, fetch and timers are passed in, so the rules are tested in Node against a
 * fake LRS and the real one. Credentials are never written to storage: only statements are.
 */
import type { XapiStatement } from './statements.js';
import { XAPI_VERSION } from './statements.js';

/** What the outbox keeps its queue in (localStorage, or a stand-in). */
export interface OutboxStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Where statements go: the LRS's xAPI endpoint (ending in `/`) and the Authorization header value. */
export interface LrsConnection {
  endpoint: string;
  /** `Basic …` or `Bearer …`; held in memory only. */
  auth?: string;
}

/** What the learner or page is told: statements are waiting for credentials, or cannot be kept across a reload. */
export type OutboxNote = 'unauthorized' | 'not-kept';

export interface OutboxOptions {
  storage: OutboxStorage | null;
  /** The storage key of the queue (one per LRS endpoint and actor, chosen by the caller). */
  key: string;
  connection: LrsConnection;
  fetch?: typeof fetch;
  /** Most statements per request. Default 50. */
  batchSize?: number;
  /** First wait after a failure, doubled each time up to `maxDelayMs`. Defaults 1 s and 5 min. */
  retryDelayMs?: number;
  maxDelayMs?: number;
  setTimer?: (run: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
  /** Told when a note starts or ends (null: all is well again). */
  onNote?: (note: OutboxNote | null) => void;
}

interface Stored {
  queue: XapiStatement[];
  rejected: { statement: XapiStatement; status: number; reason: string }[];
}

const MAX_REJECTED = 100;

export class StatementOutbox {
  readonly #options: Required<Pick<OutboxOptions, 'key' | 'batchSize' | 'retryDelayMs' | 'maxDelayMs'>> & OutboxOptions;
  #connection: LrsConnection;
  /** The queue and the set-aside statements; storage is read again before each change (another tab may have written). */
  #memory: Stored = { queue: [], rejected: [] };
  #storageWorks = true;
  #sending: Promise<void> | null = null;
  #timer: unknown = null;
  #failures = 0;
  #unauthorized = false;
  #note: OutboxNote | null = null;

  constructor(options: OutboxOptions) {
    this.#options = { batchSize: 50, retryDelayMs: 1000, maxDelayMs: 300_000, ...options };
    this.#connection = options.connection;
    if (!options.storage) this.#setNote('not-kept');
    // A queue left by an earlier page (a reload, a closed tab) goes out first.
    if (this.#read().queue.length) this.#schedule(0);
  }

  /** Statements waiting to be sent (with those of other tabs sharing the storage). */
  get pending(): readonly XapiStatement[] {
    return this.#read().queue;
  }

  /** Statements the LRS refused on their own, kept for the page author. */
  get rejected(): Stored['rejected'] {
    return this.#read().rejected;
  }

  /** Queues statements (kept at once) and sends them soon. */
  enqueue(statements: readonly XapiStatement[]): void {
    if (!statements.length) return;
    this.#update((stored) => {
      const known = new Set(stored.queue.map((s) => s.id));
      stored.queue.push(...statements.filter((s) => !known.has(s.id)));
    });
    this.#unauthorized = false; // new work: the credentials may have been fixed meanwhile
    this.#schedule(0);
  }

  /** New credentials or endpoint (a token refreshed): what waits is sent again. */
  reconnect(connection: LrsConnection): void {
    this.#connection = connection;
    this.#unauthorized = false;
    this.#failures = 0;
    this.#schedule(0);
  }

  /** Sends everything waiting now; resolves when the queue is empty or sending has to wait. */
  flush(): Promise<void> {
    this.#sending ??= this.#sendAll().finally(() => {
      this.#sending = null;
    });
    return this.#sending;
  }

  /** Stops the retry timer (the element left the page); the queue stays in storage. */
  stop(): void {
    if (this.#timer !== null) (this.#options.clearTimer ?? clearTimeout)(this.#timer as ReturnType<typeof setTimeout>);
    this.#timer = null;
  }

  #schedule(ms: number): void {
    this.stop();
    this.#timer = (this.#options.setTimer ?? setTimeout)(() => {
      this.#timer = null;
      void this.flush();
    }, ms);
  }

  async #sendAll(): Promise<void> {
    while (!this.#unauthorized) {
      const batch = this.#read().queue.slice(0, this.#options.batchSize);
      if (!batch.length) return;
      const outcome = await this.#send(batch);
      if (outcome === 'retry') {
        this.#failures++;
        this.#schedule(Math.min(this.#options.maxDelayMs, this.#options.retryDelayMs * 2 ** (this.#failures - 1)));
        return;
      }
      this.#failures = 0;
      if (outcome === 'unauthorized') {
        this.#unauthorized = true;
        this.#setNote('unauthorized');
        return;
      }
      if (this.#note === 'unauthorized') this.#setNote(null);
    }
  }

  /** Sends one batch and settles each statement in it: stored (dropped from the queue), refused (set aside), or to retry. */
  async #send(batch: XapiStatement[]): Promise<'done' | 'retry' | 'unauthorized'> {
    const { status, reason } = await this.#post(batch);
    if (status === 401 || status === 403) return 'unauthorized';
    if (status !== null && status < 300) {
      this.#settle(batch, []);
      return 'done';
    }
    // 409: an id is already stored (sent before, by this or another tab); 400 or 413: the LRS
    // refuses something in the batch. Each on its own tells which.
    if ((status === 409 || status === 400 || status === 413) && batch.length > 1) return this.#sendOneByOne(batch);
    if (status === 409) {
      this.#settle(batch, []); // that id is stored
      return 'done';
    }
    if (status === 400 || status === 413) {
      this.#settle(batch, [{ statement: batch[0]!, status, reason: await reason }]);
      return 'done';
    }
    // Offline, 5xx, 429, or an endpoint that is not (yet) right (404): keep everything and wait.
    return 'retry';
  }

  async #sendOneByOne(batch: XapiStatement[]): Promise<'done' | 'retry' | 'unauthorized'> {
    for (const statement of batch) {
      const outcome = await this.#send([statement]);
      if (outcome !== 'done') return outcome;
    }
    return 'done';
  }

  /** POSTs statements: the HTTP status (null when the request failed: offline, DNS, CORS) and, for a refusal, the LRS's words. */
  async #post(statements: XapiStatement[]): Promise<{ status: number | null; reason: Promise<string> }> {
    const { endpoint, auth } = this.#connection;
    const headers: Record<string, string> = { 'Content-Type': 'application/json', 'X-Experience-API-Version': XAPI_VERSION };
    if (auth) headers.Authorization = auth;
    try {
      const body = JSON.stringify(statements);
      // keepalive: a send started as the page goes away still arrives (browsers allow 64 KB of such bodies).
      const response = await (this.#options.fetch ?? fetch)(new URL('statements', endpoint).href, { method: 'POST', headers, body, keepalive: body.length < 60_000 });
      if (response.ok) {
        void response.body?.cancel().catch(() => undefined);
        return { status: response.status, reason: Promise.resolve('') };
      }
      return { status: response.status, reason: response.text().then((text) => text.slice(0, 300), () => '') };
    } catch {
      return { status: null, reason: Promise.resolve('') };
    }
  }

  /** Drops the settled statements from the queue; sets aside the refused ones. */
  #settle(done: XapiStatement[], refused: Stored['rejected']): void {
    const ids = new Set(done.map((s) => s.id));
    this.#update((stored) => {
      stored.queue = stored.queue.filter((s) => !ids.has(s.id));
      stored.rejected = [...stored.rejected, ...refused].slice(-MAX_REJECTED);
    });
    for (const { statement, status, reason } of refused) console.warn(`quiz-elements: the LRS refused statement ${statement.id} (${status}) and it was set aside: ${reason}`);
  }

  #read(): Stored {
    const storage = this.#options.storage;
    if (!storage || !this.#storageWorks) return this.#memory;
    try {
      const text = storage.getItem(this.#options.key);
      const value = text ? (JSON.parse(text) as Partial<Stored>) : {};
      return { queue: Array.isArray(value.queue) ? value.queue : [], rejected: Array.isArray(value.rejected) ? value.rejected : [] };
    } catch {
      return this.#memory;
    }
  }

  #update(change: (stored: Stored) => void): void {
    const stored = this.#read();
    change(stored);
    this.#memory = stored;
    const storage = this.#options.storage;
    if (!storage) return;
    try {
      storage.setItem(this.#options.key, JSON.stringify(stored));
      if (!this.#storageWorks || this.#note === 'not-kept') this.#setNote(null);
      this.#storageWorks = true;
    } catch {
      // Full or blocked: the queue lives in this page until it can be written.
      this.#storageWorks = false;
      this.#setNote('not-kept');
    }
  }

  #setNote(note: OutboxNote | null): void {
    if (note === this.#note) return;
    this.#note = note;
    this.#options.onNote?.(note);
  }
}
