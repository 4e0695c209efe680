/**
 * Learning records, off by default: `configureLearningRecords` turns them on for the page and
 * downloads the reporter (its own chunk) then. Only this small module is in the entry.
 */
import type { TemplateResult } from 'lit';
import { LazyChunk } from '../lazy.js';
import type { XapiAgent } from '../xapi/statements.js';
import type { LearningRecords } from './reporter.js';

export type { LearningRecords } from './reporter.js';
export type { RecordsNote, RecordsNoteKind } from './notes.js';
export type { XapiAgent } from '../xapi/statements.js';

/** An LRS given in JavaScript. */
export interface LearningRecordsConfig {
  /** The LRS's xAPI endpoint, such as `https://lrs.example.org/data/xAPI/`. */
  endpoint: string;
  /** The `Authorization` header value (`Basic …` or `Bearer …`); held in memory only, never stored. */
  auth?: string;
  /** The learner, as an xAPI Agent with one identifier (mbox, mbox_sha1sum, openid or account). */
  actor: XapiAgent;
  /** A UUID grouping this attempt's statements. */
  registration?: string;
}

export interface LearningRecordsOptions {
  /**
   * Keep the learner's progress (every element's progress store) in step with the LRS through
   * the xAPI Activity State API, so it follows them to other devices. xAPI targets only (an
   * LRS given in JavaScript, or `'launch'`); localStorage stays the local copy.
   */
  syncProgress?: boolean;
}

/**
 * Where learning records go:
 * - a `LearningRecordsConfig`: an LRS given in JavaScript;
 * - `'launch'`: the xAPI launch parameters of the page's URL (`endpoint`, `auth`, `actor`, `registration`);
 * - `'cmi5'`: a cmi5 launch (the page is an assignable unit);
 * - `'scorm'`: the SCORM 1.2 or 2004 API of the LMS window that opened the page.
 */
export type LearningRecordsTarget = LearningRecordsConfig | 'launch' | 'cmi5' | 'scorm';

/** How a card asks whether it shows a note about learning records (set by the reporter). */
export interface RecordsNotes {
  render?: (card: HTMLElement) => TemplateResult | undefined;
}

/** Filled in by the running reporter; cards render `recordsNotes.render?.(card)`. */
export const recordsNotes: RecordsNotes = {};

const reporterChunk = new LazyChunk(() => import('./start.js'), 'learning records');

/**
 * Turns learning records on for every card of the page (a second call replaces the first).
 * Resolves with the running reporter. Rejects when the configuration or launch cannot be used,
 * with a `LaunchError` naming the parameter; the first card also shows the problem, since a
 * learner who expected their results to count should know.
 */
export async function configureLearningRecords(target: LearningRecordsTarget, options: LearningRecordsOptions = {}): Promise<LearningRecords> {
  return (await reporterChunk.load()).startReporting(target, recordsNotes, options);
}
