/**
 * How a typed answer is compared with the accepted ones: forgiving what a reader would not call a
 * mistake. Case, extra or missing spaces, full-width and half-width forms (NFKC), Chinese and ASCII
 * punctuation, a decimal comma for a point, and a full stop at the end are all the same answer.
 */
import { nfkc } from '../../bank/nfkc.js';

/** Chinese punctuation NFKC leaves alone, as the ASCII a learner on another keyboard types. */
const PUNCTUATION: Record<string, string> = {
  '。': '.', '、': ',', '“': '"', '”': '"', '‘': "'", '’': "'", '「': '"', '」': '"', '『': '"', '』': '"',
  '《': '<', '》': '>', '〈': '<', '〉': '>', '【': '[', '】': ']', '〔': '(', '〕': ')', '—': '-', '–': '-', '－': '-', '·': '.', '・': '.',
};
const PUNCTUATION_RE = new RegExp(`[${Object.keys(PUNCTUATION).join('')}]`, 'g');
/** Han, kana and Hangul: scripts written without spaces between words. */
const CJK = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}`;
const SPACE_BY_CJK = new RegExp(`\\s+(?=[${CJK}])|(?<=[${CJK}])\\s+`, 'gu');
/** Spaces around punctuation ("a , b", "f( x )") are not part of an answer either. */
const SPACE_BY_PUNCTUATION = /\s+(?=[.,;:!?)\]}'"])|(?<=[([{'"])\s+/g;

export interface NormalizeOptions {
  /** Keep upper and lower case apart. */
  caseSensitive?: boolean;
}

/** The comparable form of an answer (never shown). */
export function normalizeAnswer(text: string, options: NormalizeOptions = {}): string {
  let out = nfkc(text).replace(PUNCTUATION_RE, (c) => PUNCTUATION[c]!);
  // A decimal comma ("3,14"), but not a list of numbers ("1,2,3").
  out = out.replace(/(^|[^\d,])(\d+),(\d+)(?![\d,])/g, '$1$2.$3');
  if (!options.caseSensitive) out = out.toLowerCase();
  out = out.replace(/\s+/g, ' ').trim().replace(SPACE_BY_CJK, '').replace(SPACE_BY_PUNCTUATION, '').replace(/([,;:]) /g, '$1');
  const trimmed = out.replace(/[.!?;]+$/, '');
  // An answer that is only punctuation ("?", "。") keeps it.
  return trimmed || out;
}

/** Optimal string alignment distance (Levenshtein with swaps of neighbours), stopping early past `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const x = [...a];
  const y = [...b];
  if (Math.abs(x.length - y.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = y.map((_, j) => j + 1);
  previous.unshift(0);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    let best = i;
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) d = Math.min(d, before[j - 2]! + 1);
      current.push(d);
      best = Math.min(best, d);
    }
    if (best > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[y.length]!;
}

/** Typos forgiven in an answer of this many characters: none under 4, one up to 7, two from 8. Numbers must be exact. */
export function typosAllowed(answer: string): number {
  const length = [...answer].length;
  if (/\d/.test(answer) || length < 4) return 0;
  return length < 8 ? 1 : 2;
}

/** Whether `response` is one of `accepted`, as normalizeAnswer() sees them, allowing typos when asked. */
export function matchesAnswer(response: string, accepted: readonly string[], options: NormalizeOptions & { typos?: boolean } = {}): boolean {
  const given = normalizeAnswer(response, options);
  if (!given) return false;
  return accepted.some((answer) => {
    const wanted = normalizeAnswer(answer, options);
    if (given === wanted) return true;
    const allowed = options.typos ? typosAllowed(wanted) : 0;
    return allowed > 0 && editDistance(given, wanted, allowed) <= allowed;
  });
}
