/**
 * xAPI statements for what a learner does with quiz-elements, built from plain data (no DOM, no
 * Lit, no network): the reporter sends them, the LMS packages reuse them, and Node tests validate
 * them with Learning Locker's validator. xAPI 1.0.3.
 *
 * Activity ids are stable: a bank is its URL when it was loaded from one (without query or
 * fragment), else a URN of its id; a question is its bank's IRI plus `#` and its id. Statements
 * carry no personal data beyond the configured actor.
 */
import type { Question } from '../bank/types.js';
import type { InteractionReport } from '../interactions/grading.js';
import type { Grade, PracticeSummary } from '../practice/practice-set.js';
import { plainText } from '../text/plain-text.js';

export const XAPI_VERSION = '1.0.3';

/** The learner: an xAPI Agent with one inverse functional identifier. */
export interface XapiAgent {
  objectType?: 'Agent';
  name?: string;
  mbox?: string;
  mbox_sha1sum?: string;
  openid?: string;
  account?: { homePage: string; name: string };
}

type LanguageMap = Record<string, string>;

interface Verb {
  id: string;
  display: LanguageMap;
}

/** The ADL verbs quiz-elements uses. */
export const VERBS = {
  answered: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  experienced: { id: 'http://adlnet.gov/expapi/verbs/experienced', display: { 'en-US': 'experienced' } },
  completed: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  passed: { id: 'http://adlnet.gov/expapi/verbs/passed', display: { 'en-US': 'passed' } },
  failed: { id: 'http://adlnet.gov/expapi/verbs/failed', display: { 'en-US': 'failed' } },
  initialized: { id: 'http://adlnet.gov/expapi/verbs/initialized', display: { 'en-US': 'initialized' } },
  terminated: { id: 'http://adlnet.gov/expapi/verbs/terminated', display: { 'en-US': 'terminated' } },
} as const satisfies Record<string, Verb>;

const INTERACTION = 'http://adlnet.gov/expapi/activities/cmi.interaction';
const ASSESSMENT = 'http://adlnet.gov/expapi/activities/assessment';
const QUESTION = 'http://adlnet.gov/expapi/activities/question';
/** The self-grade of a flashcard (Again, Hard, Good, Easy), as a result extension. */
export const GRADE_EXTENSION = 'urn:quiz-elements:xapi:grade';

export interface XapiActivity {
  objectType: 'Activity';
  id: string;
  definition?: {
    type?: string;
    name?: LanguageMap;
    description?: LanguageMap;
    interactionType?: string;
    correctResponsesPattern?: string[];
    choices?: { id: string; description: LanguageMap }[];
    source?: { id: string; description: LanguageMap }[];
    target?: { id: string; description: LanguageMap }[];
  };
}

export interface XapiStatement {
  id: string;
  actor: XapiAgent;
  verb: Verb;
  object: XapiActivity;
  result?: {
    success?: boolean;
    completion?: boolean;
    response?: string;
    duration?: string;
    score?: { scaled: number };
    extensions?: Record<string, unknown>;
  };
  context: {
    registration?: string;
    language: string;
    contextActivities?: Record<string, XapiActivity[]>;
    extensions?: Record<string, unknown>;
  };
  timestamp: string;
}

/** Who, in which registration, in which bank, in which UI language: what every statement shares. */
export interface StatementContext {
  actor: XapiAgent;
  /** The bank's activity IRI (`bankIri`). */
  bankIri: string;
  bankTitle: string;
  /** The bank's language: names and descriptions are in it. */
  bankLanguage: string;
  /** The UI language (an RFC 5646 tag), as the context's language. */
  language: string;
  /** A UUID that groups the statements of one attempt (from a cmi5 or LMS launch). */
  registration?: string;
  /** Extra category activities, such as cmi5's `https://w3id.org/xapi/cmi5/context/categories/moveon`. */
  category?: string[];
  /**
   * What a launch asks every statement's context to carry (cmi5's `contextTemplate`): its
   * context activities (grouping…) are joined with the statement's own, its extensions copied.
   */
  template?: { contextActivities?: Record<string, XapiActivity[] | XapiActivity | undefined>; extensions?: Record<string, unknown> };
}

/** A statement's own fields: its client-side id (a UUID, so a resend is harmless) and when it happened. */
export interface StatementStamp {
  id: string;
  at: number;
}

/** The bank's activity IRI: the URL it was loaded from (no query or fragment), else a URN of its id. */
export function bankIri(bankId: string, url?: string): string {
  if (url && /^https?:\/\//i.test(url)) {
    const iri = new URL(url);
    iri.search = '';
    iri.hash = '';
    return iri.href;
  }
  return `urn:quiz-elements:bank:${encodeURIComponent(bankId)}`;
}

/** A question's activity IRI: its bank's plus `#` and its id. */
export function questionIri(bank: string, questionId: string): string {
  return `${bank}#${encodeURIComponent(questionId)}`;
}

const LONGEST_TEXT = 1000;
const shortText = (markdown: string) => {
  const text = plainText(markdown, { blockMarks: true });
  return text.length > LONGEST_TEXT ? `${text.slice(0, LONGEST_TEXT - 1)}…` : text;
};

/** An xAPI language map key: the tag as given, or `und` when there is none. */
const languageKey = (tag: string) => (/^[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*$/.test(tag) ? tag : 'und');

function bankActivity(c: StatementContext): XapiActivity {
  return { objectType: 'Activity', id: c.bankIri, definition: { type: ASSESSMENT, name: { [languageKey(c.bankLanguage)]: c.bankTitle } } };
}

/** What every statement has: id, actor, verb, object, the context (registration, language, launch template, parent bank and categories) and its time. */
export function baseStatement(c: StatementContext, stamp: StatementStamp, verb: Verb, object: XapiActivity, parent: boolean): XapiStatement {
  const list = (value: XapiActivity[] | XapiActivity | undefined) => (value ? [value].flat() : []);
  const template = c.template?.contextActivities ?? {};
  const contextActivities: Record<string, XapiActivity[]> = {};
  for (const [key, value] of Object.entries(template)) if (list(value).length) contextActivities[key] = list(value);
  if (parent) contextActivities.parent = [...(contextActivities.parent ?? []), bankActivity(c)];
  const category = [...(contextActivities.category ?? []), ...(c.category ?? []).map((id): XapiActivity => ({ objectType: 'Activity', id }))];
  if (category.length) contextActivities.category = category;
  return {
    id: stamp.id,
    actor: c.actor,
    verb,
    object,
    context: {
      ...(c.registration ? { registration: c.registration } : {}),
      language: languageKey(c.language),
      ...(Object.keys(contextActivities).length ? { contextActivities } : {}),
      ...(c.template?.extensions ? { extensions: { ...c.template.extensions } } : {}),
    },
    timestamp: new Date(stamp.at).toISOString(),
  };
}

/** The question as an activity: a cmi.interaction with its type's definition (from its report), or a plain question for a flashcard. */
function questionActivity(c: StatementContext, question: Question, report?: InteractionReport): XapiActivity {
  const lang = languageKey(c.bankLanguage);
  const map = (text: string): LanguageMap => ({ [lang]: shortText(text) });
  const components = Object.fromEntries(
    Object.entries(report?.components ?? {}).map(([key, items]) => [key, items.map((item) => ({ id: item.id, description: map(item.description) }))]),
  );
  return {
    objectType: 'Activity',
    id: questionIri(c.bankIri, question.id),
    definition: {
      type: report ? INTERACTION : QUESTION,
      name: map(question.title),
      description: map(question.prompt),
      ...(report ? { interactionType: report.interactionType, correctResponsesPattern: report.correctResponsesPattern, ...components } : {}),
    },
  };
}

/** A checked question (any type but open): `answered`, with success, the score and the response. */
export function answeredStatement(c: StatementContext, stamp: StatementStamp, question: Question, report: InteractionReport, grading: { score: number; correct: boolean }): XapiStatement {
  return {
    ...baseStatement(c, stamp, VERBS.answered, questionActivity(c, question, report), true),
    result: { success: grading.correct, completion: true, response: report.response, score: { scaled: clampScore(grading.score) } },
  };
}

/** A flashcard graded by the learner: `answered`, the grade as the response and as an extension (no success: the learner judged it). */
export function gradedStatement(c: StatementContext, stamp: StatementStamp, question: Question, grade: Grade): XapiStatement {
  return {
    ...baseStatement(c, stamp, VERBS.answered, questionActivity(c, question), true),
    result: { completion: true, response: grade, extensions: { [GRADE_EXTENSION]: grade } },
  };
}

/** A flashcard's answer shown: `experienced`. */
export function revealedStatement(c: StatementContext, stamp: StatementStamp, question: Question): XapiStatement {
  return baseStatement(c, stamp, VERBS.experienced, questionActivity(c, question), true);
}

/**
 * A finished set: `completed` with the score and time taken, and with a pass mark (percent) a
 * second statement, `passed` or `failed` (cmi5 and most LMS reports read them apart).
 * `stamps` gives each statement its own id and time.
 */
export function completedStatements(c: StatementContext, stamps: [StatementStamp, StatementStamp], summary: PracticeSummary, passMark?: number): XapiStatement[] {
  const checked = summary.right + summary.partial + summary.wrong;
  const score = checked > 0 ? { score: { scaled: clampScore(summary.score) } } : {};
  const duration = isoDuration(summary.durationMs);
  const completed = { ...baseStatement(c, stamps[0], VERBS.completed, bankActivity(c), false), result: { completion: true, duration, ...score } };
  if (passMark == null) return [completed];
  const passed = Math.round(summary.score * 100) >= passMark;
  const verdict = { ...baseStatement(c, stamps[1], passed ? VERBS.passed : VERBS.failed, bankActivity(c), false), result: { success: passed, completion: true, duration, ...score } };
  return [completed, verdict];
}

export function clampScore(score: number): number {
  return Number.isFinite(score) ? Math.round(Math.min(1, Math.max(0, score)) * 10_000) / 10_000 : 0;
}

/** Milliseconds as an ISO 8601 duration, to the hundredth of a second: `PT1M5.25S`. */
export function isoDuration(ms: number): string {
  const hundredths = Math.max(0, Math.round(ms / 10));
  const hours = Math.floor(hundredths / 360_000);
  const minutes = Math.floor((hundredths % 360_000) / 6000);
  const seconds = (hundredths % 6000) / 100;
  return `PT${hours ? `${hours}H` : ''}${minutes ? `${minutes}M` : ''}${seconds || (!hours && !minutes) ? `${seconds}S` : ''}`;
}
