/**
 * Learning records as xAPI statements: `XapiSink` for an LRS configured in JavaScript or by an
 * xAPI launch, `Cmi5Sink` for a cmi5 launch. Both queue through a `StatementOutbox` in
 * localStorage, one queue per endpoint and learner, so a reload or another tab never loses or
 * doubles a statement.
 */
import type { Question } from '../bank/types.js';
import type { InteractionReport } from '../interactions/grading.js';
import type { Grade, PracticeSummary } from '../practice/practice-set.js';
import { LazyChunk } from '../lazy.js';
import type { ProgressStore } from '../progress/store.js';
import { StatementOutbox, type OutboxNote, type OutboxStorage } from '../xapi/outbox.js';
import type { ProgressSync } from '../xapi/state-sync.js';
import {
  answeredStatement,
  completedStatements,
  gradedStatement,
  revealedStatement,
  type StatementContext,
  type StatementStamp,
  type XapiAgent,
  type XapiStatement,
} from '../xapi/statements.js';
import { cmi5Outcome, cmi5Statement, startCmi5, type Cmi5Session, type Cmi5Verb } from './cmi5.js';
import type { Cmi5Launch, XapiLaunch } from './launch.js';
import type { NoteBoard, Occurrence, RecordsSink, ReportingCard } from './reporter.js';
import { uuid } from './reporter.js';

function localStorageOrNull(): OutboxStorage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

/** The outbox's storage key: one queue per LRS and learner (never the credentials). */
export function outboxKey(endpoint: string, actor: XapiAgent): string {
  const who = actor.mbox ?? actor.mbox_sha1sum ?? actor.openid ?? (actor.account ? `${actor.account.homePage}|${actor.account.name}` : '');
  return `quiz-elements/xapi-outbox/${endpoint}|${who}`;
}

/** Progress sync and the store, for pages that ask for it (`syncProgress`). */
const syncChunk = new LazyChunk(
  () => Promise.all([import('../xapi/state-sync.js'), import('../progress/store.js')]).then(([sync, store]) => ({ ...sync, ...store })),
  'progress sync',
);

const NOTES: Record<OutboxNote, 'unauthorized' | 'not-kept'> = { unauthorized: 'unauthorized', 'not-kept': 'not-kept' };

/** Statements to an LRS. */
export class XapiSink implements RecordsSink {
  #outbox: StatementOutbox | null = null;
  /** With `syncProgress`: one sync per progress store the page's elements use. */
  /** By the element's own store, else its progress key. */
  readonly #syncs = new Map<ProgressStore | string, Promise<ProgressSync | null>>();
  #auth: string | undefined;

  /**
   * `deferred`: no outbox until `connect` (a cmi5 AU gets its token later). `syncProgress`: the
   * progress of the page's elements is kept in step with the LRS (Activity State API).
   */
  constructor(
    protected readonly launch: Pick<XapiLaunch, 'endpoint' | 'auth' | 'actor' | 'registration'>,
    protected readonly notes: NoteBoard,
    private readonly options: { fetch?: typeof fetch; deferred?: boolean; syncProgress?: boolean } = {},
  ) {
    if (options.deferred) return;
    this.connect(launch.auth);
    // Progress from other devices arrives before the learner answers: every element there is now.
    for (const element of document.querySelectorAll<ReportingCard>('quiz-card, topic-list, question-browser')) this.watch(element);
  }

  /** Sends with these credentials from now on (the outbox is made on the first call: a queue left by an earlier page goes out then). */
  protected connect(auth: string | undefined): StatementOutbox {
    this.#auth = auth;
    const connection = { endpoint: this.launch.endpoint, auth };
    void this.#eachSync((sync) => sync.reconnect(connection));
    if (this.#outbox) this.#outbox.reconnect(connection);
    else {
      this.#outbox = new StatementOutbox({
        storage: localStorageOrNull(),
        key: outboxKey(this.launch.endpoint, this.launch.actor),
        connection,
        fetch: this.options.fetch,
        onNote: (note) => this.notes.set(note ? { kind: NOTES[note] } : null),
      });
    }
    return this.#outbox;
  }

  /** Keeps the progress store of an element in step with the LRS (with `syncProgress`, once per store). */
  watch(element: ReportingCard): void {
    if (!this.options.syncProgress || element.noProgress) return;
    const key = element.progressStore ?? (element.progressKey || 'default');
    if (this.#syncs.has(key)) return;
    const sync = syncChunk.load().then(
      ({ ProgressSync, ProgressStore }) =>
        new ProgressSync({
          store: typeof key === 'string' ? ProgressStore.shared(key) : key,
          connection: { endpoint: this.launch.endpoint, auth: this.#auth },
          actor: this.launch.actor,
          fetch: this.options.fetch,
          onNote: (note) => this.notes.set(note ? { kind: note.kind === 'unauthorized' ? 'unauthorized' : 'sync', detail: note.message } : null),
        }),
      (error: unknown) => {
        this.#syncs.delete(key); // the next element or event tries again
        this.notes.set({ kind: 'sync', detail: `The progress sync could not be downloaded (${(error as Error)?.message ?? error}).` });
        return null;
      },
    );
    this.#syncs.set(key, sync);
  }

  /** Runs `act` on every progress sync (once each has loaded). */
  #eachSync(act: (sync: ProgressSync) => unknown): Promise<unknown> {
    return Promise.all([...this.#syncs.values()].map((sync) => sync.then((loaded) => loaded && act(loaded))));
  }

  /** The context every statement of this occurrence shares. */
  protected context(on: Occurrence): StatementContext {
    return {
      actor: this.launch.actor,
      bankIri: on.bankIri,
      bankTitle: on.bank.title,
      bankLanguage: on.bank.language ?? 'und',
      language: on.language,
      ...(this.launch.registration ? { registration: this.launch.registration } : {}),
    };
  }

  protected send(statements: XapiStatement[]): void {
    this.#outbox?.enqueue(statements);
  }

  /** A new statement's id and time. */
  protected stamp(at: number): StatementStamp {
    return { id: uuid(), at };
  }

  answered(on: Occurrence, question: Question, report: InteractionReport, grading: { score: number; correct: boolean }): void {
    this.send([answeredStatement(this.context(on), this.stamp(on.at), question, report, grading)]);
  }

  graded(on: Occurrence, question: Question, grade: Grade): void {
    this.send([gradedStatement(this.context(on), this.stamp(on.at), question, grade)]);
  }

  revealed(on: Occurrence, question: Question): void {
    this.send([revealedStatement(this.context(on), this.stamp(on.at), question)]);
  }

  completed(on: Occurrence, summary: PracticeSummary, passMark: number | undefined): void {
    this.send(completedStatements(this.context(on), [this.stamp(on.at), this.stamp(on.at)], summary, passMark));
  }

  get pending(): number {
    return this.#outbox?.pending.length ?? 0;
  }

  async flush(): Promise<void> {
    await this.#outbox?.flush();
  }

  leave(): void {
    void this.flush();
    void this.#eachSync((sync) => sync.syncNow());
  }

  resume(): void {
    void this.flush();
    void this.#eachSync((sync) => sync.pull());
  }

  /** Progress synced to the LRS now (tests, and pages that want to be sure before moving on). */
  async syncProgress(): Promise<void> {
    await this.#eachSync((sync) => sync.syncNow());
  }

  reconnect(auth: string): void {
    this.connect(auth);
  }

  stop(): void {
    this.#outbox?.stop();
    void this.#eachSync((sync) => sync.stop());
  }
}

/** What a cmi5 AU has sent in its registration that cmi5 allows once: kept in storage (no credentials). */
function sentOnce(registration: string) {
  const key = `quiz-elements/cmi5/${registration}`;
  const storage = localStorageOrNull();
  let memory = { completed: false, passed: false };
  const read = () => {
    try {
      return { ...memory, ...(JSON.parse(storage?.getItem(key) ?? '{}') as object) };
    } catch {
      return memory;
    }
  };
  return {
    read,
    mark(verb: Cmi5Verb) {
      memory = { ...read(), ...(verb === 'completed' ? { completed: true } : verb === 'passed' ? { passed: true } : {}) };
      try {
        storage?.setItem(key, JSON.stringify(memory));
      } catch {
        // Memory only: at worst a later launch repeats a completed statement, which the LMS ignores.
      }
    },
  };
}

/**
 * A cmi5 assignable unit. Until the handshake is done, what the learner does waits in memory
 * (statements need the launch data's context template); if the handshake fails, the note says
 * so and nothing is reported, while progress is still kept by the card.
 */
export class Cmi5Sink extends XapiSink {
  readonly #ready: Promise<Cmi5Session | null>;
  #session: Cmi5Session | null = null;
  readonly #started = Date.now();
  readonly #sent;
  #waiting: (() => void)[] = [];
  #terminated = false;
  /** The time of the last statement: cmi5 statements of a session get strictly increasing times, so `initialized` is first and `terminated` last even on clocks with coarse precision. */
  #last = 0;

  constructor(launch: Cmi5Launch, notes: NoteBoard, options: { fetch?: typeof fetch; language: string } ) {
    // The token arrives with the handshake: the outbox (and a queue earlier pages left) waits for it.
    super(launch, notes, { ...options, deferred: true });
    this.#sent = sentOnce(launch.registration);
    this.#ready = startCmi5(launch, options.fetch).then(
      (session) => {
        this.#session = session;
        const outbox = this.connect(session.auth);
        outbox.enqueue([cmi5Statement(this.#auContext(options.language), session, this.stamp(this.#started), 'initialized')]);
        for (const run of this.#waiting.splice(0)) run();
        return session;
      },
      (error: unknown) => {
        this.#waiting = [];
        notes.set({ kind: 'launch', detail: (error as Error)?.message ?? String(error) });
        return null;
      },
    );
  }

  /** Resolves with the session once the handshake is done (null if it failed). */
  get ready(): Promise<Cmi5Session | null> {
    return this.#ready;
  }

  get session(): Cmi5Session | null {
    return this.#session;
  }

  #auContext(language: string): StatementContext {
    return { actor: this.launch.actor, bankIri: '', bankTitle: '', bankLanguage: 'und', language, registration: this.launch.registration };
  }

  protected override context(on: Occurrence): StatementContext {
    return { ...super.context(on), template: this.#session?.data.contextTemplate };
  }

  protected override send(statements: XapiStatement[]): void {
    if (this.#terminated) return this.#ended();
    super.send(statements);
  }

  /** Back on a page whose session ended (the back-forward cache): cmi5 allows nothing after `terminated`, so the learner is told. */
  override resume(): void {
    if (this.#terminated) this.#ended();
    else super.resume();
  }

  #ended(): void {
    this.notes.set({ kind: 'launch', detail: 'This lesson\'s session ended when you left the page. Reopen it from your learning platform to record more.' });
  }

  protected override stamp(at: number): StatementStamp {
    this.#last = Math.max(at, this.#last + 1);
    return super.stamp(this.#last);
  }

  override get pending(): number {
    return super.pending + this.#waiting.length;
  }

  override async flush(): Promise<void> {
    await this.#ready;
    await super.flush();
  }

  /** Runs once the handshake is done (at once if it is). */
  #whenReady(run: () => void): void {
    if (this.#session) run();
    else this.#waiting.push(run);
  }

  override answered(...args: Parameters<XapiSink['answered']>): void {
    this.#whenReady(() => super.answered(...args));
  }

  override graded(...args: Parameters<XapiSink['graded']>): void {
    this.#whenReady(() => super.graded(...args));
  }

  override revealed(...args: Parameters<XapiSink['revealed']>): void {
    this.#whenReady(() => super.revealed(...args));
  }

  /** cmi5's completed and passed/failed about the AU (not the bank), once where cmi5 allows once. */
  override completed(on: Occurrence, summary: PracticeSummary, passMark: number | undefined): void {
    this.#whenReady(() => {
      const session = this.#session!;
      const verbs = cmi5Outcome(session, this.#sent.read(), summary.score, passMark);
      this.send(verbs.map((verb) => cmi5Statement(this.#auContext(on.language), session, this.stamp(on.at), verb, { durationMs: summary.durationMs, score: summary.score })));
      for (const verb of verbs) this.#sent.mark(verb);
    });
  }

  /** The page goes: `terminated` (once, after what the learner did), then the queue is sent with keepalive. */
  override leave(): void {
    const at = Date.now();
    this.#whenReady(() => {
      if (this.#terminated) return;
      super.send([cmi5Statement(this.#auContext(document.documentElement.lang || 'und'), this.#session!, this.stamp(at), 'terminated', { durationMs: at - this.#started })]);
      this.#terminated = true;
      super.leave();
    });
  }
}
