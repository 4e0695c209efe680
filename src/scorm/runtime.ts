/**
 * The SCORM side of a packaged card: finds the LMS's API (`findScormApi`) and records a
 * session through it (`ScormRecorder`): resume data, each answer, score, pass/fail, session time.
 * No DOM: the window is passed in, so the whole module runs in Node against scorm-again.
 * Nothing here throws into the page; every refusal of the LMS goes to `onProblem`.
 */
import type { InteractionReport } from '../interactions/grading.js';
import type { FoundScormApi, ScormVersion } from './api.js';
import { flashcardValues, interactionValues, type FlashcardGrade, type InteractionValues } from './interactions.js';
import { LOCATION_LIMIT, SUSPEND_DATA_LIMIT } from './suspend-data.js';

export { findScormApi, type FindScormApiOptions, type FoundScormApi, type Scorm12Api, type Scorm2004Api, type ScormVersion, type ScormWindow } from './api.js';
export { fitSuspendData, fitSuspendDataDetails, readSuspendData, LOCATION_LIMIT, SUSPEND_DATA_LIMIT, type FittedSuspendData } from './suspend-data.js';
export { interactionId, interactionValues, flashcardValues, type FlashcardGrade, type InteractionValues } from './interactions.js';

/** The data model elements that differ between the versions. */
const ELEMENTS = {
  '1.2': {
    suspendData: 'cmi.suspend_data',
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    status: 'cmi.core.lesson_status',
    sessionTime: 'cmi.core.session_time',
    exit: 'cmi.core.exit',
    score: 'cmi.core.score',
    interactions: 'cmi.interactions',
  },
  '2004': {
    suspendData: 'cmi.suspend_data',
    location: 'cmi.location',
    entry: 'cmi.entry',
    status: 'cmi.completion_status',
    sessionTime: 'cmi.session_time',
    exit: 'cmi.exit',
    score: 'cmi.score',
    interactions: 'cmi.interactions',
  },
} as const;

/** SCORM 2004 error 403: "Data Model Element Value Not Initialized", the answer for a value never set. */
const NOT_INITIALIZED_2004 = '403';

export interface ScormRecorderOptions {
  /** Told about every call the LMS refused or could not take, in one English sentence. */
  onProblem?: (message: string) => void;
  /** The clock, in ms since the epoch (tests pass their own). */
  now?: () => number;
}

/** What the LMS kept from the learner's last session. */
export interface ScormStart {
  /** `cmi.suspend_data`: '' on a first launch. */
  suspendData: string;
  /** `cmi.location` / `cmi.core.lesson_location`: '' on a first launch. */
  location: string;
  /** Whether the LMS resumes a suspended attempt (`cmi.entry` is `resume`). */
  resumed: boolean;
}

/** Session time as SCORM wants it: 1.2 CMITimespan `HHHH:MM:SS.SS`, 2004 an ISO 8601 duration. */
export function sessionTime(ms: number, version: ScormVersion): string {
  const centiseconds = Math.max(0, Math.round(ms / 10));
  const hours = Math.min(9999, Math.floor(centiseconds / 360_000));
  const minutes = Math.floor(centiseconds / 6000) % 60;
  const seconds = (centiseconds % 6000) / 100;
  if (version === '2004') return `PT${hours}H${minutes}M${seconds.toFixed(2).replace(/\.?0+$/, '')}S`;
  const two = (n: number) => String(n).padStart(2, '0');
  return `${String(hours).padStart(4, '0')}:${two(minutes)}:${seconds.toFixed(2).padStart(5, '0')}`;
}

/**
 * Records one learner session through an LMS's SCORM API: `start()` once, then `interaction()`,
 * `flashcard()`, `progress()` and `complete()` as the learner works, `finish()` when the page
 * goes away. Every value is checked against the LMS (`GetLastError`); a refusal is reported to
 * `onProblem` with the element, the value's kind and the LMS's own words, and never thrown.
 */
export class ScormRecorder {
  /** The SCORM version of the API in use. */
  readonly version: ScormVersion;
  private readonly found: FoundScormApi;
  private readonly onProblem: (message: string) => void;
  private readonly now: () => number;
  private state: 'new' | 'running' | 'failed' | 'finished' = 'new';
  private startedAt = 0;
  private idleReported = false;

  constructor(found: FoundScormApi, options: ScormRecorderOptions = {}) {
    this.found = found;
    this.version = found.version;
    this.onProblem = options.onProblem ?? (() => {});
    this.now = options.now ?? Date.now;
  }

  /** Whether `start()` succeeded and `finish()` has not been called. */
  get running(): boolean {
    return this.state === 'running';
  }

  /**
   * Opens the session (Initialize / LMSInitialize) and reads what the LMS kept: suspend data,
   * location and whether this is a resumed attempt. Sets the status to incomplete when the LMS
   * says not attempted (or unknown, in 2004).
   */
  start(): ScormStart {
    const empty = { suspendData: '', location: '', resumed: false };
    if (this.state !== 'new') {
      this.problem(`start() was called again (the session is ${this.state}); ignored`);
      return empty;
    }
    if (!this.call(this.version === '2004' ? 'Initialize' : 'LMSInitialize', () => this.api12or2004('LMSInitialize', 'Initialize'))) {
      this.state = 'failed';
      return empty;
    }
    this.state = 'running';
    this.startedAt = this.now();
    const elements = ELEMENTS[this.version];
    const start = {
      suspendData: this.get(elements.suspendData),
      location: this.get(elements.location),
      resumed: this.get(elements.entry) === 'resume',
    };
    const status = this.get(elements.status);
    if (status === 'not attempted' || status === 'unknown' || status === '') this.set(elements.status, 'incomplete');
    return start;
  }

  /**
   * Appends one answered question as `cmi.interactions.n`: id, type, the learner's response and the
   * correct one in the version's format, result, time, weighting, and (2004) the description.
   */
  interaction(questionId: string, report: InteractionReport, grading: { score: number; correct: boolean }, at: number, description: string): void {
    if (!this.ready('interaction')) return;
    this.append(interactionValues(this.version, questionId, report, grading, at, description), questionId);
  }

  /** Appends a self-graded open question: type other (2004) / performance (1.2), the grade as response, result neutral. */
  flashcard(questionId: string, grade: FlashcardGrade, at: number, description: string): void {
    if (!this.ready('flashcard')) return;
    this.append(flashcardValues(this.version, questionId, grade, at, description), questionId);
  }

  /**
   * Saves where the learner is and their progress (use `fitSuspendData` for it), then commits.
   * A value over the version's limit is not sent (the LMS would refuse or cut it): reported instead.
   */
  progress(location: string, suspendData: string): void {
    if (!this.ready('progress')) return;
    const elements = ELEMENTS[this.version];
    if (location === '') {
      // Nothing to say yet; scorm-again (and some LMSs) refuse an empty cmi.location.
    } else if (location.length > LOCATION_LIMIT[this.version]) {
      this.problem(`${elements.location}: the location is ${location.length} characters, over SCORM ${this.version}'s ${LOCATION_LIMIT[this.version]}; not saved`);
    } else {
      this.set(elements.location, location);
    }
    if (suspendData.length > SUSPEND_DATA_LIMIT[this.version]) {
      this.problem(`${elements.suspendData}: ${suspendData.length} characters, over SCORM ${this.version}'s ${SUSPEND_DATA_LIMIT[this.version]}; not saved (fit it with fitSuspendData)`);
    } else {
      this.set(elements.suspendData, suspendData);
    }
    this.commit();
  }

  /**
   * Reports the result: score 0..1 as raw 0..100 (and scaled in 2004), completed, and passed or
   * failed when a pass mark decided it; then commits.
   */
  complete(result: { score: number; passed?: boolean }): void {
    if (!this.ready('complete')) return;
    const score = Number.isFinite(result.score) ? Math.min(1, Math.max(0, result.score)) : 0;
    if (score !== result.score) this.problem(`complete(): score ${result.score} is not between 0 and 1; sent as ${score}`);
    const elements = ELEMENTS[this.version];
    const raw = String(Math.round(score * 10_000) / 100);
    this.set(`${elements.score}.min`, '0');
    this.set(`${elements.score}.max`, '100');
    this.set(`${elements.score}.raw`, raw);
    if (this.version === '2004') {
      this.set('cmi.score.scaled', String(Math.round(score * 10_000) / 10_000));
      this.set('cmi.completion_status', 'completed');
      if (result.passed !== undefined) this.set('cmi.success_status', result.passed ? 'passed' : 'failed');
    } else {
      this.set('cmi.core.lesson_status', result.passed === undefined ? 'completed' : result.passed ? 'passed' : 'failed');
    }
    this.commit();
  }

  /** Ends the session: session time, exit suspend (so the next launch resumes), commit, Terminate / LMSFinish. Safe to call twice. */
  finish(): void {
    if (this.state !== 'running') return;
    const elements = ELEMENTS[this.version];
    this.set(elements.sessionTime, sessionTime(this.now() - this.startedAt, this.version));
    this.set(elements.exit, 'suspend');
    this.commit();
    this.state = 'finished';
    this.call(this.version === '2004' ? 'Terminate' : 'LMSFinish', () => this.api12or2004('LMSFinish', 'Terminate'));
  }

  // --- calls ------------------------------------------------------------------------------------

  private ready(method: string): boolean {
    if (this.state === 'running') return true;
    if (!this.idleReported) {
      this.idleReported = true;
      const why = this.state === 'new' ? 'start() was not called' : this.state === 'failed' ? 'the LMS did not start the session' : 'finish() was already called';
      this.problem(`${method}(): not recorded, ${why} (further calls are dropped silently)`);
    }
    return false;
  }

  private append(values: InteractionValues, questionId: string): void {
    const base = ELEMENTS[this.version].interactions;
    const count = Number(this.get(`${base}._count`));
    const n = Number.isInteger(count) && count >= 0 ? count : 0;
    for (const [name, value] of values) {
      // Without an id the LMS refuses every other element of the interaction: one report is enough.
      if (!this.set(`${base}.${n}.${name}`, value, `question ${questionId}`) && name === 'id') return;
    }
    this.commit();
  }

  private api12or2004(name12: string, name2004: string): unknown {
    const api = this.found.api as unknown as Record<string, (parameter: string) => unknown>;
    return this.version === '2004' ? api[name2004]!('') : api[name12]!('');
  }

  private get(element: string): string {
    let value: unknown;
    try {
      value = this.version === '2004' ? (this.found.api as { GetValue(e: string): string }).GetValue(element) : (this.found.api as { LMSGetValue(e: string): string }).LMSGetValue(element);
    } catch (error) {
      this.problem(`reading ${element} threw: ${error instanceof Error ? error.message : String(error)}`);
      return '';
    }
    const code = this.lastError();
    if (code !== '0' && !(this.version === '2004' && code === NOT_INITIALIZED_2004)) {
      this.problem(`reading ${element} failed: ${this.describe(code)}`);
      return '';
    }
    return value == null ? '' : String(value);
  }

  private set(element: string, value: string, context?: string): boolean {
    let result: unknown;
    try {
      result = this.version === '2004'
        ? (this.found.api as { SetValue(e: string, v: string): unknown }).SetValue(element, value)
        : (this.found.api as { LMSSetValue(e: string, v: string): unknown }).LMSSetValue(element, value);
    } catch (error) {
      this.problem(`setting ${element}${context ? ` (${context})` : ''} threw: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const code = this.lastError();
    if (String(result) !== 'true' || code !== '0') {
      const shown = value.length > 80 ? `${JSON.stringify(value.slice(0, 80))}… (${value.length} characters)` : JSON.stringify(value);
      this.problem(`the LMS refused ${element} = ${shown}${context ? ` (${context})` : ''}: ${this.describe(code)}`);
      return false;
    }
    return true;
  }

  private commit(): void {
    this.call(this.version === '2004' ? 'Commit' : 'LMSCommit', () => this.api12or2004('LMSCommit', 'Commit'));
  }

  /** Runs a call that answers "true" / "false"; reports a "false", a throw or an error code. */
  private call(name: string, run: () => unknown): boolean {
    let result: unknown;
    try {
      result = run();
    } catch (error) {
      this.problem(`${name} threw: ${error instanceof Error ? error.message : String(error)}`);
      return false;
    }
    const code = this.lastError();
    if (String(result) !== 'true' || code !== '0') {
      this.problem(`${name} failed: ${this.describe(code)}`);
      return false;
    }
    return true;
  }

  private lastError(): string {
    try {
      const code = this.version === '2004' ? (this.found.api as { GetLastError(): unknown }).GetLastError() : (this.found.api as { LMSGetLastError(): unknown }).LMSGetLastError();
      return String(code ?? '0').trim() || '0';
    } catch {
      return 'unknown';
    }
  }

  /** "error 405 Incorrect Data Type (diagnostic)", in the LMS's words. */
  private describe(code: string): string {
    if (code === '0') return 'the LMS answered "false" without an error code';
    let text = '';
    let diagnostic = '';
    try {
      const api = this.found.api as unknown as Record<string, (code: string) => unknown>;
      text = String(api[this.version === '2004' ? 'GetErrorString' : 'LMSGetErrorString']!(code) ?? '');
      diagnostic = String(api[this.version === '2004' ? 'GetDiagnostic' : 'LMSGetDiagnostic']!(code) ?? '');
    } catch {
      // The words are a courtesy; the code is enough.
    }
    const extra = diagnostic && diagnostic !== text ? ` (${diagnostic})` : '';
    return `error ${code}${text ? ` ${text}` : ''}${extra}`;
  }

  private problem(message: string): void {
    try {
      this.onProblem(`SCORM ${this.version}: ${message}`);
    } catch {
      // A failing listener must not break the page either.
    }
  }
}
