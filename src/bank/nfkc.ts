// NFKC in time linear in the text. Unicode normalization reorders each run of combining marks by
// their class, and V8 and JavaScriptCore do it in time quadratic in the run's length: 60,000
// marks on one letter blocked a page for minutes. No writing system puts more than a handful on
// one letter; Unicode's stream-safe format (UAX #15) caps a run at 30, and so do we, first.

/**
 * Characters that change only together with the one before them under NFKC and lower-casing:
 * combining marks, Hangul vowel and final jamo, half-width katakana sound marks. A class body for
 * a `u`-flag regular expression (search highlighting cuts text into pieces with it).
 */
export const CONTINUING = String.raw`\p{M}\u1160-\u11FF\uFF9E\uFF9F`;

/** The longest run of continuing characters kept (UAX #15: 30 non-starters). */
export const MAX_CONTINUING_RUN = 30;

const LONG_RUNS = new RegExp(`([${CONTINUING}]{${MAX_CONTINUING_RUN}})[${CONTINUING}]+`, 'gu');

/**
 * `text.normalize('NFKC')`, except that each run of more than 30 continuing characters (see
 * CONTINUING) is cut to its first 30 before normalizing. For comparing and searching text, never
 * for showing it.
 */
export function nfkc(text: string): string {
  // Search highlighting normalizes text a character at a time: most calls are too short for a long run.
  return (text.length > MAX_CONTINUING_RUN ? text.replace(LONG_RUNS, '$1') : text).normalize('NFKC');
}
