/**
 * True/false written as choices (`- [x] True` / `- [ ] False`, `正确`/`错误`) or as a written
 * answer under a question that says it is one ("True or False? …" answered "True"). Only pairs
 * that cannot mean anything else count: Yes/No answers a question, it does not judge a statement.
 */
import { nfkc } from '../../bank/nfkc.js';

/** Words for true and for false, pair by pair, as written in the languages the importer reads. */
const PAIRS: readonly (readonly [string, string])[] = [
  ['true', 'false'],
  ['t', 'f'],
  ['正确', '错误'],
  ['对', '错'],
  ['wahr', 'falsch'],
  ['richtig', 'falsch'],
  ['verdadero', 'falso'],
  ['vrai', 'faux'],
  ['vero', 'falso'],
  ['верно', 'неверно'],
  ['правда', 'ложь'],
];

/** A choice's text as compared with the words: NFKC, lower case, no marks around it. */
const word = (text: string) =>
  nfkc(text)
    .toLowerCase()
    .replace(/^[\s*_`"'“”(（]+|[\s*_`"'“”)）.。!！]+$/g, '');

/** Whether two choices are a true/false pair; `isTrue` of the first one, or null. */
export function trueFalsePair(texts: readonly string[]): { first: boolean } | null {
  if (texts.length !== 2) return null;
  const [a, b] = texts.map(word) as [string, string];
  for (const [yes, no] of PAIRS) {
    if (a === yes && b === no) return { first: true };
    if (a === no && b === yes) return { first: false };
  }
  return null;
}

/** A prompt that says it asks for true or false ("True or False?", "判断对错", "Richtig oder falsch?"). */
const ASKS_TRUE_FALSE = /\btrue\s*(?:or|\/)\s*false\b|\bT\/F\b|判断(?:题|对错|正误)|对还是错|正确还是错误|是否正确|\b(?:richtig|wahr)\s+oder\s+falsch\b|\bverdadero\s+o\s+falso\b|\bvrai\s+ou\s+faux\b|\bверно\s+(?:или|ли)\b/i;

/** Whether the question's words say it is a true/false question. */
export const asksTrueFalse = (text: string): boolean => ASKS_TRUE_FALSE.test(text);

/**
 * A written answer that is a verdict ("True", "False.", "错误。因为…"): whether it says true, and the
 * text after the verdict (an explanation), or null.
 */
export function writtenVerdict(answer: string): { isTrue: boolean; rest: string } | null {
  const match = /^\s*(?:\*\*)?([^\s.。!！,，:：;；*]+)(?:\*\*)?\s*(?:[.。!！,，:：;；]|$|\n)/u.exec(answer);
  if (!match) return null;
  const said = word(match[1]!);
  for (const [yes, no] of PAIRS) {
    if (yes === 't') continue;
    if (said === yes || said === no) return { isTrue: said === yes, rest: answer.slice(match[0].length).trim() };
  }
  return null;
}
