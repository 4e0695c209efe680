import type { ImportDiagnostic } from '../import/diagnostics.js';
import type { BankIssue } from './validate.js';

/**
 * Why a bank could not be loaded, so the UI can pick its wording:
 * - `http`: the server answered with an error status (`status` is set);
 * - `network`: no answer at all (offline, DNS, CORS, an invalid URL, a lazy chunk that failed);
 * - `timeout`: no complete answer within the caller's time limit;
 * - `not-json`: the answer is not JSON (an HTML page, an empty file, broken JSON);
 * - `not-a-bank`: JSON that is not a valid `quiz-bank/1` bank (`issues` lists why);
 * - `format`: a bank in another `quiz-bank/N` format, probably made for a newer quiz-elements;
 * - `import`: a markdown document the importer could not turn into a bank (`diagnostics`);
 * - `unknown-bundled`: no bundled bank has that id;
 * - `aborted`: the request was stopped by something other than the caller's own signal
 *   (a caller whose signal aborts gets `signal.reason` instead, see `load.ts`).
 */
export type BankLoadErrorKind =
  | 'http'
  | 'network'
  | 'url'
  | 'timeout'
  | 'not-json'
  | 'not-a-bank'
  | 'format'
  | 'import'
  | 'unknown-bundled'
  | 'aborted';

export interface BankLoadErrorDetails {
  url?: string;
  status?: number;
  issues?: BankIssue[];
  diagnostics?: ImportDiagnostic[];
  timeoutMs?: number;
  bankId?: string;
  known?: string[];
  cause?: unknown;
}

/** Every expected loading failure; `message` says what failed, where, and what to do about it. */
export class BankLoadError extends Error {
  readonly kind: BankLoadErrorKind;
  /** The bank's URL, for failures of a URL load. */
  readonly url?: string;
  /** The HTTP status, for `http` failures. */
  readonly status?: number;
  /** Every validation problem, for `not-a-bank` and `format` failures. */
  readonly issues?: BankIssue[];
  /** Every importer message (errors and warnings), for `import` failures. */
  readonly diagnostics?: ImportDiagnostic[];
  /** The time limit that ran out, for `timeout` failures. */
  readonly timeoutMs?: number;
  /** The id asked for, for failures of a bundled bank. */
  readonly bankId?: string;
  /** The ids that do exist, for `unknown-bundled` failures. */
  readonly known?: string[];

  constructor(kind: BankLoadErrorKind, message: string, details: BankLoadErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'BankLoadError';
    this.kind = kind;
    if (details.url !== undefined) this.url = details.url;
    if (details.status !== undefined) this.status = details.status;
    if (details.issues !== undefined) this.issues = details.issues;
    if (details.diagnostics !== undefined) this.diagnostics = details.diagnostics;
    if (details.timeoutMs !== undefined) this.timeoutMs = details.timeoutMs;
    if (details.bankId !== undefined) this.bankId = details.bankId;
    if (details.known !== undefined) this.known = details.known;
  }
}
