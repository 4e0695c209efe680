import { CONTINUING } from '../bank/nfkc.js';
import { COMMON_ONLY, foldCommon } from './common-text.js';
import { searchForm } from './search-form.js';

/** A character with what continues it; normalizing these pieces one by one gives the same text as normalizing the whole. */
const PIECE = new RegExp(`[^${CONTINUING}][${CONTINUING}]*|[${CONTINUING}]+`, 'gu');

/**
 * Where `terms` occur in `text`, matched as `QuestionIndex.search` matches them (search form:
 * NFKC, lower case), as `[start, end)` offsets into `text` itself, sorted, with overlapping and
 * touching ranges merged. Normalizing can change the length of text (`İ` lower-cases to two code
 * units, `㎏` becomes `kg`), so matches are mapped back through each original character: a match
 * that covers part of such a character covers all of it. Pass `SearchResult.terms`.
 */
export function highlightRanges(text: string, terms: readonly string[]): [number, number][] {
  const wanted = [...new Set(terms.map(searchForm))].filter((term) => term !== '');
  if (wanted.length === 0 || text === '') return [];
  // Most text is common (common-text.ts): its search form is made position for position.
  if (COMMON_ONLY.test(text)) return merged(rangesIn(foldCommon(text), wanted, null, null));

  // For each code unit of the folded text: the original piece it came from.
  let folded = '';
  const starts: number[] = [];
  const ends: number[] = [];
  for (const match of text.matchAll(PIECE)) {
    const start = match.index;
    const end = start + match[0].length;
    const form = searchForm(match[0]);
    folded += form;
    for (let k = 0; k < form.length; k++) {
      starts.push(start);
      ends.push(end);
    }
  }

  return merged(rangesIn(folded, wanted, starts, ends));
}

/** Every occurrence of `terms` in `folded`, mapped back through `starts`/`ends` (null: the same offsets). */
function rangesIn(folded: string, terms: readonly string[], starts: number[] | null, ends: number[] | null): [number, number][] {
  const ranges: [number, number][] = [];
  for (const term of terms) {
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + 1)) {
      const last = at + term.length - 1;
      ranges.push([starts ? starts[at]! : at, ends ? ends[last]! : last + 1]);
    }
  }
  return ranges;
}

function merged(ranges: [number, number][]): [number, number][] {
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [start, end] of ranges) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}
