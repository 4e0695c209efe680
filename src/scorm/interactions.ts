/**
 * One answered question as SCORM `cmi.interactions.n.*` values, in each version's vocabulary.
 * The card describes a response in xAPI's form (`InteractionReport`); SCORM 2004 shares its
 * types and `[,]` / `[.]` / `[:]` delimiters, with stricter formats; SCORM 1.2 has single-character
 * identifiers, commas, `t` / `f`, and no ranges (RTE 3.4.2.7). Every value is made to fit, so an
 * LMS does not refuse it: what cannot be said in a version is left out rather than sent wrong.
 */
import type { InteractionReport } from '../interactions/grading.js';
import type { ScormVersion } from './api.js';

/** The self-grades of an open question (a flashcard). */
export type FlashcardGrade = 'again' | 'hard' | 'good' | 'easy';

/** `cmi.interactions.n.<name>` → value, in the order they must be set (id and type first). */
export type InteractionValues = [name: string, value: string][];

/** SCORM 1.2 identifiers for choices, items and pairs' sides: one character each (RTE 3.4.2.7.5). */
const SINGLE_CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
/** SCORM 1.2 CMIString255 and SCORM 2004 characterstring(SPM 250) limits. */
const LIMIT_12 = 255;
const LIMIT_2004 = 250;
/** SCORM 2004 collections: at most 36 choices / items / pairs, 10 blanks (RTE 4.1.6.x, SPMs). */
const MAX_NODES_2004 = 36;
const MAX_BLANKS_2004 = 10;

/**
 * An interaction id SCORM accepts. 1.2 (CMIIdentifier): letters, digits, `-` and `_`, at most
 * 255. 2004 (long_identifier_type, a URI): `urn:quiz-elements:<id>` with other characters
 * percent-encoded. Distinct question ids give distinct interaction ids.
 */
export function interactionId(questionId: string, version: ScormVersion): string {
  if (version === '1.2') {
    // Slugs never hold `_`, so `_` + hex code keeps the mapping one-to-one.
    const safe = questionId.replace(/[^A-Za-z0-9-]/g, (c) => `_${c.codePointAt(0)!.toString(16)}`) || '_';
    return safe.length <= LIMIT_12 ? safe : `${safe.slice(0, LIMIT_12 - 9)}_${hash(questionId)}`;
  }
  const safe = [...questionId].map((c) => (/[A-Za-z0-9()+,\-.:=@;$!*'/_]/.test(c) ? c : encodeURIComponent(c))).join('');
  return `urn:quiz-elements:${safe || '_'}`;
}

/** 8 hex digits (FNV-1a), to keep a shortened id distinct. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

/** One line of text of at most `max` characters, not starting with `{` (SCORM 2004 reads that as a delimiter). */
function line(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim().replace(/^\{+\s*/, '');
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/** A decimal in the form both versions accept (no exponent), or null. */
export function scormDecimal(value: number | string): string | null {
  const n = typeof value === 'number' ? value : Number(value.trim());
  if (typeof value === 'string' && !/^\s*-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?\s*$/i.test(value)) return null;
  if (!Number.isFinite(n)) return null;
  let text = String(n);
  if (/e/i.test(text)) text = n.toFixed(18).replace(/0+$/, '').replace(/\.$/, '');
  if (text === '-0') text = '0';
  return /^-?\d{1,10}(\.\d{1,18})?$/.test(text) ? text : null;
}

/** `hh:mm:ss` local time (SCORM 1.2 CMITime) or ISO 8601 in UTC (SCORM 2004 time(second,10,0)). */
function timestamp(at: number, version: ScormVersion): string {
  const date = new Date(at);
  if (version === '2004') return date.toISOString().replace(/\.(\d)\d\dZ$/, '.$1Z');
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

const split = (xapi: string, delimiter: string): string[] => (xapi === '' ? [] : xapi.split(delimiter));

/** SCORM 1.2 single characters for the ids in `lists`, by their number (`choice-3` → `c`) or first appearance. */
function singleCharacters(ids: string[]): Map<string, string> | null {
  const map = new Map<string, string>();
  const numbered = ids.every((id) => /-(\d+)$/.test(id));
  for (const id of ids) {
    if (map.has(id)) continue;
    const index = numbered ? Number(/-(\d+)$/.exec(id)![1]) - 1 : map.size;
    const char = SINGLE_CHARACTERS[index];
    if (char === undefined || index < 0) return null;
    map.set(id, char);
  }
  return new Set(map.values()).size === map.size ? map : null;
}

interface Converted {
  type: string;
  response?: string;
  pattern?: string;
}

/** The xAPI report in SCORM 2004 form (RTE 4.1.6.2, 4.1.6.9 learner_response, 4.1.6.5 correct_responses). */
function for2004(report: InteractionReport): Converted {
  const pattern = report.correctResponsesPattern[0];
  const response = report.response;
  switch (report.interactionType) {
    case 'true-false':
      return {
        type: 'true-false',
        ...(/^(true|false)$/.test(response) ? { response } : {}),
        ...(pattern !== undefined && /^(true|false)$/.test(pattern) ? { pattern } : {}),
      };
    case 'choice':
    case 'sequencing': {
      const ok = (list: string[]) => list.length > 0 && list.length <= MAX_NODES_2004 && list.every((id) => /^[\w\-().+:=@;$!*'%/#]{1,250}$/.test(id) && /\w/.test(id));
      const unique = (list: string[]) => report.interactionType !== 'choice' || new Set(list).size === list.length;
      const answer = split(response, '[,]');
      const right = pattern === undefined ? [] : split(pattern, '[,]');
      return {
        type: report.interactionType,
        ...(ok(answer) && unique(answer) ? { response: answer.join('[,]') } : {}),
        ...(ok(right) && new Set(right).size === right.length ? { pattern: right.join('[,]') } : {}),
      };
    }
    case 'matching': {
      const pairOk = (pair: string) => {
        const sides = pair.split('[.]');
        return sides.length === 2 && sides.every((id) => /^[\w\-().+:=@;$!*'%/#]{1,250}$/.test(id) && /\w/.test(id));
      };
      const ok = (list: string[]) => list.length > 0 && list.length <= MAX_NODES_2004 && list.every(pairOk);
      const answer = split(response, '[,]');
      const right = pattern === undefined ? [] : split(pattern, '[,]');
      return {
        type: 'matching',
        ...(ok(answer) ? { response: answer.join('[,]') } : {}),
        ...(ok(right) && new Set(right).size === right.length ? { pattern: right.join('[,]') } : {}),
      };
    }
    case 'numeric': {
      const value = scormDecimal(response);
      let range: string | null = null;
      if (pattern?.includes('[:]')) {
        // An open end stays empty: `5[:]` is "5 or more".
        const [low, high] = pattern.split('[:]').map((end) => (end === '' ? '' : scormDecimal(end)));
        if (low !== null && high !== null && low !== undefined && high !== undefined && (low !== '' || high !== '')) range = `${low}[:]${high}`;
      } else if (pattern !== undefined) {
        range = scormDecimal(pattern);
      }
      return { type: 'numeric', ...(value !== null ? { response: value } : {}), ...(range !== null ? { pattern: range } : {}) };
    }
    case 'fill-in': {
      const prefix = /^((?:\{(?:case_matters|order_matters)=(?:true|false)\})*)/.exec(pattern ?? '')![1]!;
      const answers = split(response, '[,]').map((part) => line(part, LIMIT_2004));
      const right = split((pattern ?? '').slice(prefix.length), '[,]').map((part) => line(part, LIMIT_2004));
      if (answers.length > MAX_BLANKS_2004 || right.length > MAX_BLANKS_2004) {
        // More blanks than a fill-in holds: the whole response as one long text.
        return { type: 'long-fill-in', ...(answers.length ? { response: line(answers.join(', '), 4000) } : {}) };
      }
      return {
        type: 'fill-in',
        ...(answers.length ? { response: answers.join('[,]') } : {}),
        // LMSs refuse a fill-in pattern that names the same text twice.
        ...(right.length && new Set(right).size === right.length ? { pattern: `${prefix}${right.join('[,]')}` } : {}),
      };
    }
  }
}

/** The xAPI report in SCORM 1.2 form (RTE 3.4.2.7.3 correct_responses, 3.4.2.7.7 student_response). */
function for12(report: InteractionReport): Converted {
  const pattern = report.correctResponsesPattern[0];
  const response = report.response;
  switch (report.interactionType) {
    case 'true-false': {
      const tf = (value: string | undefined) => (value === 'true' ? 't' : value === 'false' ? 'f' : null);
      const answer = tf(response);
      const right = tf(pattern);
      return { type: 'true-false', ...(answer ? { response: answer } : {}), ...(right ? { pattern: right } : {}) };
    }
    case 'choice':
    case 'sequencing': {
      const answer = split(response, '[,]');
      const right = pattern === undefined ? [] : split(pattern, '[,]');
      const chars = singleCharacters([...right, ...answer]);
      if (!chars) return performance12(report);
      return {
        type: report.interactionType,
        ...(answer.length ? { response: answer.map((id) => chars.get(id)).join(',') } : {}),
        ...(right.length ? { pattern: right.map((id) => chars.get(id)).join(',') } : {}),
      };
    }
    case 'matching': {
      const pairs = (text: string | undefined) => split(text ?? '', '[,]').map((pair) => pair.split('[.]') as [string, string?]);
      const answer = pairs(response);
      const right = pairs(pattern);
      if ([...answer, ...right].some((pair) => pair.length !== 2)) return performance12(report);
      const left = singleCharacters([...right, ...answer].map(([l]) => l));
      const target = singleCharacters([...right, ...answer].map(([, r]) => r!));
      if (!left || !target) return performance12(report);
      const join = (list: [string, string?][]) => list.map(([l, r]) => `${left.get(l)}.${target.get(r!)}`).join(',');
      return { type: 'matching', ...(answer.length ? { response: join(answer) } : {}), ...(right.length ? { pattern: join(right) } : {}) };
    }
    case 'numeric': {
      const value = scormDecimal(response);
      // 1.2 has no ranges: only an exact answer is a correct response.
      const right = pattern !== undefined && !pattern.includes('[:]') ? scormDecimal(pattern) : null;
      return { type: 'numeric', ...(value !== null ? { response: value } : {}), ...(right !== null ? { pattern: right } : {}) };
    }
    case 'fill-in': {
      const prefix = /^((?:\{(?:case_matters|order_matters)=(?:true|false)\})*)/.exec(pattern ?? '')![1]!;
      const text = (xapi: string) => line(split(xapi, '[,]').join(','), LIMIT_12);
      return {
        type: 'fill-in',
        ...(response !== '' ? { response: text(response) } : {}),
        ...(pattern !== undefined && pattern.length > prefix.length ? { pattern: text(pattern.slice(prefix.length)) } : {}),
      };
    }
  }
}

/** More choices than 1.2's 36 single characters: the xAPI response as free text. */
function performance12(report: InteractionReport): Converted {
  return { type: 'performance', ...(report.response ? { response: line(report.response, LIMIT_12) } : {}) };
}

/**
 * The `cmi.interactions.n.*` values for one answered question, in the order to set them.
 * `description` (the question's title) is sent in 2004 only: 1.2 has no such element.
 */
export function interactionValues(
  version: ScormVersion,
  questionId: string,
  report: InteractionReport,
  grading: { score: number; correct: boolean },
  at: number,
  description: string,
): InteractionValues {
  const converted = version === '2004' ? for2004(report) : for12(report);
  const values: InteractionValues = [
    ['id', interactionId(questionId, version)],
    ['type', converted.type],
    [version === '2004' ? 'timestamp' : 'time', timestamp(at, version)],
    ['weighting', '1'],
  ];
  if (converted.pattern !== undefined) values.push(['correct_responses.0.pattern', converted.pattern]);
  if (converted.response !== undefined) values.push([version === '2004' ? 'learner_response' : 'student_response', converted.response]);
  values.push(['result', grading.correct ? 'correct' : version === '2004' ? 'incorrect' : 'wrong']);
  if (version === '2004') {
    const text = line(description, LIMIT_2004);
    if (text) values.push(['description', text]);
  }
  return values;
}

/**
 * A self-graded open question: 2004 `other` with the grade as the response, 1.2 `performance`
 * (free text). Its result is `neutral`: the learner judged it, nothing was checked.
 */
export function flashcardValues(version: ScormVersion, questionId: string, grade: FlashcardGrade, at: number, description: string): InteractionValues {
  const values: InteractionValues = [
    ['id', interactionId(questionId, version)],
    ['type', version === '2004' ? 'other' : 'performance'],
    [version === '2004' ? 'timestamp' : 'time', timestamp(at, version)],
    [version === '2004' ? 'learner_response' : 'student_response', grade],
    ['result', 'neutral'],
  ];
  if (version === '2004') {
    const text = line(description, LIMIT_2004);
    if (text) values.push(['description', text]);
  }
  return values;
}
