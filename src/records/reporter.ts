/**
 * The learning-records reporter (a lazy chunk, loaded by `configureLearningRecords`): it listens
 * to the `quiz-*` events of every card on the page and hands what the learner did to one sink:
 * - `XapiSink`: xAPI statements to a Learning Record Store, through the `StatementOutbox`
 *   (kept in storage first, batched, retried: none lost, none twice);
 * - `Cmi5Sink`: the same inside a cmi5 launch (token handshake, launch data, `initialized`,
 *   `completed`/`passed`/`failed` under cmi5's rules, `terminated` when the page goes);
 * - the SCORM sink (`scorm-sink.ts`): the LMS's SCORM 1.2 or 2004 API in a parent window.
 *
 * Events are read in the capture phase on the window, so a page that stops their propagation
 * does not stop its records. The card an event came from (also inside a `<question-browser>`)
 * is found on the event's composed path; its `loadedBank` gives the question.
 */
import type { Bank, Question } from '../bank/types.js';
import type { QuizAnswerEvent } from '../events/quiz-answer.js';
import type { QuizCompleteEvent } from '../events/quiz-complete.js';
import type { QuizGradeEvent } from '../events/quiz-grade.js';
import type { QuizRevealEvent } from '../events/quiz-reveal.js';
import { languageOf } from '../i18n/index.js';
import { reportChoice } from '../interactions/choice/choice.js';
import type { InteractionReport } from '../interactions/grading.js';
import { interactionViews } from '../interactions/views.js';
import type { Grade, PracticeSummary } from '../practice/practice-set.js';
import type { ProgressStore } from '../progress/store.js';
import { bankIri } from '../xapi/statements.js';
import { LaunchError } from './launch.js';
import { renderRecordsNote, type RecordsNote } from './notes.js';
import type { RecordsNotes } from './learning-records.js';

/** What a reporter needs of a card: `<quiz-card>`'s public side. */
export interface ReportingCard extends HTMLElement {
  readonly loadedBank: Bank | undefined;
  src?: string;
  passMark?: number;
  progressKey: string;
  progressStore?: ProgressStore;
  noProgress?: boolean;
  requestUpdate(): void;
}

/** Where an event happened: the card, its bank and the bank's activity IRI, the UI language, and when. */
export interface Occurrence {
  card: ReportingCard;
  bank: Bank;
  bankIri: string;
  language: string;
  at: number;
}

/** One destination of learning records. Sinks never throw into the page: problems become notes. */
export interface RecordsSink {
  answered(on: Occurrence, question: Question, report: InteractionReport, grading: { score: number; correct: boolean }): void;
  graded(on: Occurrence, question: Question, grade: Grade): void;
  revealed(on: Occurrence, question: Question): void;
  completed(on: Occurrence, summary: PracticeSummary, passMark: number | undefined): void;
  /** Sends what waits; resolves when it is sent or cannot be now. */
  flush(): Promise<void>;
  /** The page is going away (pagehide): last words, sent with keepalive. */
  leave(): void;
  /** The page is back (pageshow from the back-forward cache, online). */
  resume(): void;
  /** New credentials after an `unauthorized` note (xAPI sinks). */
  reconnect?(auth: string): void;
  /** An element with progress is in use (xAPI sinks sync its store with `syncProgress`). */
  watch?(element: ReportingCard): void;
  /** Syncs progress with the LRS now (xAPI sinks with `syncProgress`). */
  syncProgress?(): Promise<void>;
  /** Statements or values still waiting. */
  readonly pending: number;
  stop(): void;
}

/** The running reporter, as `configureLearningRecords` resolves it. */
export interface LearningRecords {
  /** `xapi`, `cmi5`, `scorm-1.2` or `scorm-2004`. */
  readonly kind: string;
  /** The note shown to the learner, if any. */
  readonly note: RecordsNote | null;
  /** Records still waiting to be sent. */
  readonly pending: number;
  /** Sends what waits now; with `syncProgress`, syncs progress too. */
  flush(): Promise<void>;
  /** New credentials (an xAPI `Authorization` value) after the LRS refused the old ones. */
  reconnect(auth: string): void;
  /** Stops listening; what waits in storage goes out with the next reporter on this site. */
  stop(): void;
}

/** A UUID v4 (also where `crypto.randomUUID` is missing: pages served over plain http). */
export function uuid(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The note of the page and the card that shows it: the first reporting card in the document. */
export class NoteBoard {
  #note: RecordsNote | null = null;
  #dismissed = false;
  #card: ReportingCard | null = null;

  constructor(private readonly hook: RecordsNotes) {
    hook.render = (card) => {
      const holder = this.#holder();
      if (!this.#note || this.#dismissed || card !== holder) return undefined;
      return renderRecordsNote(this.#note, languageOf(card), () => {
        this.#dismissed = true;
        holder.requestUpdate();
      });
    };
  }

  get note(): RecordsNote | null {
    return this.#note;
  }

  /** Shows a note (null: all is well again); a new kind of note shows even after a dismissal. */
  set(note: RecordsNote | null): void {
    if (note?.kind === this.#note?.kind && note?.detail === this.#note?.detail) return;
    if (note) {
      console.warn(`quiz-elements: learning records: ${note.kind}${note.detail ? `: ${note.detail}` : ''}`);
      this.#dismissed = false;
    }
    this.#note = note;
    this.#holder()?.requestUpdate();
  }

  /** The card that shows the note: the one that last reported while it is on the page, else the page's first card. */
  #holder(): ReportingCard | null {
    if (this.#card?.isConnected) return this.#card;
    this.#card = document.querySelector<ReportingCard>('quiz-card');
    return this.#card;
  }

  seen(card: ReportingCard): void {
    if (!this.#card?.isConnected) {
      this.#card = card;
      if (this.#note) card.requestUpdate();
    }
  }

  stop(): void {
    this.hook.render = undefined;
    this.#holder()?.requestUpdate();
  }
}

/** The card an event came from: the first element on its composed path with a loaded bank. */
function cardOf(event: Event): ReportingCard | null {
  for (const node of event.composedPath()) {
    if (node instanceof HTMLElement && 'loadedBank' in node) return node as ReportingCard;
  }
  return null;
}

/** Listens to every card's events and hands them to the sink until stopped. */
export class Reporter implements LearningRecords {
  readonly #abort = new AbortController();

  constructor(
    readonly kind: string,
    private readonly sink: RecordsSink,
    private readonly notes: NoteBoard,
  ) {
    const options = { capture: true, signal: this.#abort.signal };
    addEventListener('quiz-answer', (e) => this.#on(e, (on, q) => this.#answered(on, q, e)), options);
    addEventListener('quiz-grade', (e) => this.#on(e, (on, q) => sink.graded(on, q!, e.detail.grade)), options);
    addEventListener('quiz-reveal', (e) => this.#on(e, (on, q) => sink.revealed(on, q!)), options);
    addEventListener('quiz-complete', (e) => this.#on(e, (on) => sink.completed(on, e.detail, on.card.passMark)), options);
    addEventListener('pagehide', () => sink.leave(), options);
    addEventListener('pageshow', (e) => e.persisted && sink.resume(), options);
    addEventListener('online', () => sink.resume(), options);
    document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && sink.resume(), options);
  }

  get note(): RecordsNote | null {
    return this.notes.note;
  }

  get pending(): number {
    return this.sink.pending;
  }

  async flush(): Promise<void> {
    await Promise.all([this.sink.flush(), this.sink.syncProgress?.()]);
  }

  reconnect(auth: string): void {
    this.sink.reconnect?.(auth);
  }

  stop(): void {
    this.#abort.abort();
    this.sink.stop();
    this.notes.stop();
  }

  /**
   * A checked answer, described by its type's report. The type's view reports it: the card has
   * downloaded it to ask the question, so the reporter carries none of the types' code.
   */
  #answered(on: Occurrence, question: Question | undefined, event: QuizAnswerEvent): void {
    const { type, response, score, correct } = event.detail;
    const send = (report: InteractionReport) => this.sink.answered(on, question!, report, { score, correct });
    if (type === 'choice') return send(reportChoice(question!, response as number[]));
    const views = interactionViews[type];
    if (views?.value) return send(views.value.view.report(question!, response));
    void views?.load().then(({ view }) => send(view.report(question!, response)), () => undefined);
  }

  /** Finds the card, its bank and the question (when the event names one), then reports; a record that cannot be made is logged, never thrown into the page. */
  #on(event: QuizAnswerEvent | QuizGradeEvent | QuizRevealEvent | QuizCompleteEvent, report: (on: Occurrence, question: Question | undefined) => void): void {
    const card = cardOf(event);
    const bank = card?.loadedBank;
    if (!card || !bank) return;
    const id = 'questionId' in event.detail ? event.detail.questionId : undefined;
    const question = id === undefined ? undefined : bank.questions.find((q) => q.id === id);
    if (id !== undefined && !question) return;
    this.notes.seen(card);
    this.sink.watch?.(card);
    const src = card.src ? new URL(card.src, document.baseURI).href : undefined;
    try {
      report({ card, bank, bankIri: bankIri(bank.id, src), language: languageOf(card) || bank.language || 'und', at: Date.now() }, question);
    } catch (error) {
      console.error('quiz-elements: a learning record could not be made', error);
    }
  }
}

/** A launch or configuration that cannot be used: a note on the card, and the error for the page's code. */
export function launchProblem(notes: NoteBoard, error: unknown): never {
  if (error instanceof LaunchError && error.parameter === 'scorm-api') notes.set({ kind: 'no-lms' });
  else notes.set({ kind: 'launch', detail: error instanceof LaunchError ? error.message : String((error as Error)?.message ?? error) });
  throw error;
}
