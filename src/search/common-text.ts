/**
 * The characters most question text is made of: ASCII, CJK ideographs and punctuation,
 * full-width ASCII, dashes and curly quotes. Each has a search form of one code unit whatever
 * stands around it (itself; A-Z lower-cased; full-width ASCII as ASCII), and none combines with a
 * neighbour under NFKC, so text of only these is searched and marked position for position. The
 * unit tests check every one against `searchForm`. No DOM; shared by the search chunk
 * (`direct-match.ts`) and the rows' highlighting (`highlight.ts`).
 */

/** The common characters as a class body: a few ranges check several times faster than every direct character. */
export const COMMON = String.raw`\0-\x7F\u2014\u2018\u2019\u201C\u201D\u3001-\u3011\u4E00-\u9FFF\uFF01-\uFF5E`;

/** Matches text made only of common characters (matching the whole text is faster than searching it for another character). */
export const COMMON_ONLY = new RegExp(`^[${COMMON}]*$`);

/** Full-width ASCII (U+FF01–U+FF5E) is ASCII (U+0021–U+007E) moved by this much. */
export const FULL_WIDTH_OFFSET = 0xfee0;

const FULL_WIDTH = /[\uFF01-\uFF5E]/g;

/** The search form of text that COMMON_ONLY accepts, made position for position: full-width ASCII as ASCII, then lower case. */
export function foldCommon(text: string): string {
  return text.replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - FULL_WIDTH_OFFSET)).toLowerCase();
}
