import { nfkc } from '../bank/nfkc.js';

/**
 * The form text takes for searching: NFKC, so full-width and half-width letters, digits and
 * punctuation are the same (`ＧＰＵ` = `GPU`, `１２` = `12`, `：` = `:`), then lower case. Han
 * characters pass through unchanged, so Chinese text is matched character for character.
 * Two further foldings make lower case work as readers expect: the Greek final sigma `ς` is `σ`,
 * and the dot that `İ` keeps when lower-cased (`i` + U+0307) is dropped, so `istanbul` finds `İstanbul`.
 */
export function searchForm(text: string): string {
  let form = nfkc(text).toLowerCase();
  // Scanning for the rare characters first is much cheaper than replacing in every text.
  if (form.includes('ς')) form = form.replaceAll('ς', 'σ');
  if (form.includes('\u0307')) form = form.replaceAll('i\u0307', 'i');
  return form;
}

/**
 * The terms of a search query in search form: split at any whitespace (also the ideographic
 * space), without repeats, in query order. Every character is literal: `C++`, `(a|b)` and `.*`
 * are searched as written, and quotes are characters like any other.
 */
export function parseQuery(query: string): string[] {
  return [...new Set(searchForm(query).split(/\s+/u).filter((term) => term !== ''))];
}
