/**
 * Matching search terms against text as written, without making its search form first.
 *
 * Most question text (Chinese, English, the full-width punctuation of Chinese writing) is made
 * only of *direct* characters: each one has a search form of one code unit, whatever stands
 * around it, and none of them combines with a neighbour under NFKC. For such text the search form
 * is the text with each character replaced by its own form, position for position. So a term is
 * in the search form exactly when the text holds, at some position, a run of characters whose
 * forms spell the term: a regular expression with one class per term character finds that
 * (`Ｇpu` matches `gpu` as `[gGｇＧ][pPｐＰ][uUｕＵ]`). Building the index then only checks which
 * texts are direct (one regular-expression scan, no new strings); only the others get a search form.
 * A text not checked yet can be checked and searched in one reading (`DirectMatcher.firstHit`).
 */
import { COMMON, COMMON_ONLY, FULL_WIDTH_OFFSET } from './common-text.js';

/**
 * Any code unit but the direct ones. Direct are identity characters (their own search form,
 * checked one by one in the unit tests): ASCII but A-Z, Latin-1 symbols and letters, general
 * punctuation, arrows, mathematical operators, box drawing, symbols, CJK punctuation, kana, CJK
 * ideographs (BMP), Hangul syllables, leaving out combining marks and unassigned code points;
 * and mapped characters: A-Z, À-Þ (lower case), the no-break and ideographic spaces (a space),
 * full-width ASCII (ASCII, lower case).
 */
const INDIRECT =
  /[^\0-\x7F\xA0-\xA7\xA9\xAB-\xAE\xB0\xB1\xB6\xB7\xBB\xBF-\xFF\u2010\u2012-\u2016\u2018-\u2023\u2027-\u202E\u2030-\u2032\u2035\u2038-\u203B\u203D\u203F-\u2046\u204A-\u2056\u2058-\u205E\u2190-\u222B\u222E\u2231-\u22FF\u2500-\u26FF\u3000-\u3029\u3030-\u3035\u3037\u303B-\u303F\u3041-\u3096\u309D\u309E\u30A0-\u30FE\u3400-\u4DBF\u4E00-\u9FFF\uAC00-\uD7A3\uFF01-\uFF5E]/;

/** A common character (`common-text.ts`): the direct characters most text is made of. */
const COMMON_UNIT = new RegExp(`[${COMMON}]`);

/** Whether every code unit of `text` is direct, so that `directMatcher` answers for its search form. */
export function isDirect(text: string): boolean {
  return COMMON_ONLY.test(text) || !INDIRECT.test(text);
}

/** The direct code units whose search form is the code unit `form` (none when nothing direct becomes it). */
export function directSources(form: number): number[] {
  const A = 0x41;
  const Z = 0x5a;
  const a = 0x61;
  const z = 0x7a;
  if (form >= A && form <= Z) return []; // upper case is never a search form
  const sources: number[] = [];
  if (!isMapped(form) && !INDIRECT.test(String.fromCharCode(form))) sources.push(form);
  if (form >= a && form <= z) sources.push(form - 32, form + FULL_WIDTH_OFFSET, form - 32 + FULL_WIDTH_OFFSET);
  else if (form >= 0x21 && form <= 0x7e) sources.push(form + FULL_WIDTH_OFFSET);
  else if (form === 0x20) sources.push(0xa0, 0x3000);
  else if (form >= 0xe0 && form <= 0xfe && form !== 0xf7) sources.push(form - 32);
  return sources;
}

/** Direct characters that are not their own search form. */
function isMapped(unit: number): boolean {
  return (
    (unit >= 0x41 && unit <= 0x5a) ||
    (unit >= 0xc0 && unit <= 0xde && unit !== 0xd7) ||
    unit === 0xa0 ||
    unit === 0x3000 ||
    (unit >= 0xff01 && unit <= 0xff5e)
  );
}

/** What `DirectMatcher.firstHit` found: the text is direct and its search form lacks the term, */
export const NO_HIT = 0;
/** the search form holds the term, */
export const HIT = 1;
/** or only the search form can tell. */
export const UNSURE = 2;
export type Hit = typeof NO_HIT | typeof HIT | typeof UNSURE;

/** Tests direct text for a term; see `directMatcher`. */
export interface DirectMatcher {
  test(text: string): boolean;
  /** The term, when direct text holds it exactly as written (`text.includes(plain)` is `test(text)`), else null. */
  readonly plain: string | null;
  /**
   * For any text, direct or not, not checked yet: whether its search form holds the term, read
   * once up to the first match or the first character not common. Checking a text and then
   * searching it reads it twice; a keystroke before `prepare()` is done does this for every question.
   */
  firstHit(text: string): Hit;
}

/** Matches no direct text: the term holds a character that no direct character becomes. */
const NEVER: DirectMatcher = { test: () => false, plain: null, firstHit: () => UNSURE };

/**
 * A test of whether the search form of a direct `text` contains `term` (a term in search form,
 * as `parseQuery` gives). Only for text that `isDirect` accepts.
 */
export function directMatcher(term: string): DirectMatcher {
  let plain = true;
  let source = '';
  for (let k = 0; k < term.length; k++) {
    const unit = term.charCodeAt(k);
    const sources = directSources(unit);
    if (sources.length === 0) return NEVER;
    if (sources.length > 1 || sources[0] !== unit) plain = false;
    const units = sources.map((unit) => `\\u${unit.toString(16).padStart(4, '0')}`).join('');
    source += sources.length > 1 ? `[${units}]` : units;
  }
  // The first of: the term, or a character that is not common. No match: the text is common, so
  // direct, and lacks the term. A match: the text up to it is common and the match direct; with a
  // common character after it (a starter that combines with nothing), nothing later reaches back
  // into it under NFKC, so the search form holds the term. Otherwise the search form has to tell.
  const first = new RegExp(`(${source})|[^${COMMON}]`);
  const firstHit = (text: string): Hit => {
    const found = first.exec(text);
    if (found === null) return NO_HIT;
    if (found[1] === undefined) return UNSURE;
    const after = found.index + term.length;
    return after === text.length || COMMON_UNIT.test(text[after]!) ? HIT : UNSURE;
  };
  // Chinese terms are written as their own form: plain substring search is the fastest.
  if (plain) return { test: (text) => text.includes(term), plain: term, firstHit };
  const pattern = new RegExp(source);
  return { test: (text) => pattern.test(text), plain: null, firstHit };
}
