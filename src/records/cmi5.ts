/**
 * cmi5 for an assignable unit (AU): the launch handshake and the statements cmi5 defines.
 * - `startCmi5` fetches the one-time auth token from the launch's `fetch` URL and reads
 *   `LMS.LaunchData` from the LRS's state API (the context template, launch mode, mastery score).
 * - `cmi5Statement` builds `initialized`, `completed`, `passed`, `failed` and `terminated` with
 *   the AU's activity id as object, the cmi5 category (and `moveon` for the three that count
 *   toward it), the mastery score, and the context template every statement must carry.
 *
 * Free of DOM: fetch is passed in. The token is held in memory only, never stored, so a reload
 * cannot report until the learner opens the AU again from the LMS (statements queued meanwhile
 * wait in storage and go out on that next launch).
 */
import type { Cmi5Launch } from './launch.js';
import { LaunchError } from './launch.js';
import { baseStatement, clampScore, isoDuration, VERBS, XAPI_VERSION, type StatementContext, type StatementStamp, type XapiStatement } from '../xapi/statements.js';

export const CMI5_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
export const MOVEON_CATEGORY = 'https://w3id.org/xapi/cmi5/context/categories/moveon';
export const MASTERY_EXTENSION = 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore';

/** What the LMS put in `LMS.LaunchData` that this AU uses. */
export interface Cmi5LaunchData {
  contextTemplate: NonNullable<StatementContext['template']>;
  launchMode: 'Normal' | 'Browse' | 'Review';
  /** 0..1; when set, passed/failed is judged against it (not the card's pass mark). */
  masteryScore?: number;
  moveOn?: string;
  returnURL?: string;
}

export interface Cmi5Session {
  launch: Cmi5Launch;
  /** `Basic <token>`: memory only. */
  auth: string;
  data: Cmi5LaunchData;
}

const stateUrl = (launch: Cmi5Launch, stateId: string) =>
  `${launch.endpoint}activities/state?${new URLSearchParams({ activityId: launch.activityId, agent: JSON.stringify(launch.actor), registration: launch.registration, stateId })}`;

/** The handshake: token, then launch data. Rejects with a `LaunchError` saying what to do. */
export async function startCmi5(launch: Cmi5Launch, fetchFn: typeof fetch = fetch): Promise<Cmi5Session> {
  let token: unknown;
  try {
    const response = await fetchFn(launch.fetch, { method: 'POST' });
    token = await response.json();
  } catch (error) {
    throw new LaunchError(`The learning platform did not give this lesson its access token (${(error as Error)?.message ?? error}). Reopen the lesson from your learning platform.`, 'fetch');
  }
  const record = (token ?? {}) as Record<string, unknown>;
  if (typeof record['auth-token'] !== 'string') {
    const why = record['error-text'] ? `: ${String(record['error-text'])}` : '';
    // The fetch URL works once: a reload of the lesson lands here.
    throw new LaunchError(`The learning platform refused this lesson an access token${why}. Reopen the lesson from your learning platform (a reloaded lesson cannot report).`, 'fetch');
  }
  const auth = `Basic ${record['auth-token']}`;
  let data: unknown;
  try {
    const response = await fetchFn(stateUrl(launch, 'LMS.LaunchData'), { headers: { Authorization: auth, 'X-Experience-API-Version': XAPI_VERSION } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    data = await response.json();
  } catch (error) {
    throw new LaunchError(`The lesson's launch data (LMS.LaunchData) could not be read from the learning record store (${(error as Error)?.message ?? error}). Reopen the lesson from your learning platform.`, 'LMS.LaunchData');
  }
  return { launch, auth, data: launchDataOf(data) };
}

/** Checks the launch data document. */
export function launchDataOf(value: unknown): Cmi5LaunchData {
  const data = (value ?? {}) as Record<string, unknown>;
  const template = data.contextTemplate;
  if (!template || typeof template !== 'object') {
    throw new LaunchError('The lesson\'s launch data has no contextTemplate, which cmi5 requires. The learning platform is not cmi5-conformant.', 'LMS.LaunchData');
  }
  const mode = data.launchMode === 'Browse' || data.launchMode === 'Review' ? data.launchMode : 'Normal';
  const mastery = typeof data.masteryScore === 'number' && data.masteryScore >= 0 && data.masteryScore <= 1 ? data.masteryScore : undefined;
  return {
    contextTemplate: template as Cmi5LaunchData['contextTemplate'],
    launchMode: mode,
    ...(mastery != null ? { masteryScore: mastery } : {}),
    ...(typeof data.moveOn === 'string' ? { moveOn: data.moveOn } : {}),
    ...(typeof data.returnURL === 'string' ? { returnURL: data.returnURL } : {}),
  };
}

export type Cmi5Verb = 'initialized' | 'completed' | 'passed' | 'failed' | 'terminated';

/**
 * A cmi5-defined statement about the AU. `durationMs` is required by cmi5 on all but
 * `initialized`; `score` (0..1) goes on passed and failed.
 */
export function cmi5Statement(c: StatementContext, session: Cmi5Session, stamp: StatementStamp, verb: Cmi5Verb, outcome: { durationMs?: number; score?: number } = {}): XapiStatement {
  const moveOn = verb === 'completed' || verb === 'passed' || verb === 'failed';
  const context: StatementContext = {
    ...c,
    registration: session.launch.registration,
    category: [CMI5_CATEGORY, ...(moveOn ? [MOVEON_CATEGORY] : [])],
    template: session.data.contextTemplate,
  };
  const statement = baseStatement(context, stamp, VERBS[verb], { objectType: 'Activity', id: session.launch.activityId }, false);
  if (verb === 'initialized') return statement;
  const duration = isoDuration(outcome.durationMs ?? 0);
  const judged = verb === 'passed' || verb === 'failed';
  if (judged && session.data.masteryScore != null) {
    statement.context.extensions = { ...statement.context.extensions, [MASTERY_EXTENSION]: session.data.masteryScore };
  }
  statement.result = {
    duration,
    ...(verb === 'completed' ? { completion: true } : {}),
    ...(judged ? { success: verb === 'passed' } : {}),
    ...(judged && outcome.score != null ? { score: { scaled: clampScore(outcome.score) } } : {}),
  };
  return statement;
}

/**
 * What a finished set reports under cmi5's rules: `completed` once per registration (Normal
 * mode only), and with a mastery score (else the card's pass mark) `passed` once, or `failed`
 * until it is passed. Browse and Review launches report neither.
 */
export function cmi5Outcome(session: Cmi5Session, sent: { completed: boolean; passed: boolean }, score: number, passMark?: number): Cmi5Verb[] {
  if (session.data.launchMode !== 'Normal') return [];
  const verbs: Cmi5Verb[] = [];
  if (!sent.completed) verbs.push('completed');
  const mark = session.data.masteryScore ?? (passMark != null ? passMark / 100 : undefined);
  if (mark != null && !sent.passed) verbs.push(Math.round(score * 100) >= Math.round(mark * 100) ? 'passed' : 'failed');
  return verbs;
}
