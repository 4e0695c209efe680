/** The text a result row shows: its title clipped, and one line around the first match. No DOM, no Lit. */
import type { Question } from '../../bank/types.js';
import { highlightRanges } from '../../search/highlight.js';
import { plainText } from '../../text/plain-text.js';

/**
 * Context shown before a match in a row's excerpt, in columns: a wide character (Chinese,
 * Japanese, Korean, full-width) takes two. A row on a 375 px phone shows about 40 columns of
 * excerpt, so the match stays in view there (8 Chinese characters or about 3 English words before it).
 */
const EXCERPT_LEAD = 16;
const EXCERPT_LENGTH = 120;
/**
 * Characters of each field searched for an excerpt, and of a title shown in its row (two lines
 * show far fewer): a bank may hold megabytes in one field, and a row is drawn again on every
 * scroll and key press.
 */
const EXCERPT_SCAN = 4000;
/** Excerpts come from whole fields, so quote, heading and table marks go too. */
const EXCERPT_MARKS = { blockMarks: true };
export const ROW_TITLE_LENGTH = 300;

/** The first `length` code units of `text` (one fewer rather than half a surrogate pair), `more` added if cut. */
export function clip(text: string, length: number, more = ''): string {
  if (text.length <= length) return text;
  const end = /[\uD800-\uDBFF]/.test(text[length - 1]!) ? length - 1 : length;
  return text.slice(0, end) + more;
}

/** A title as a row or a pane's label shows it: at most ROW_TITLE_LENGTH characters. */
export function rowTitleOf(question: Question): string {
  return clip(question.title, ROW_TITLE_LENGTH, '…');
}

/**
 * One line of text for a row: around the first match outside the title when the title does not
 * hold every term, else the start of the prompt (when it says more than the title).
 */
export function excerptOf(question: Question, terms: readonly string[], titleMatch: boolean): string {
  const fields = [question.prompt, question.answer, question.explanation ?? '', question.example ?? ''];
  if (terms.length && !titleMatch) {
    for (const field of fields) {
      const plain = plainText(clip(field, EXCERPT_SCAN), EXCERPT_MARKS);
      const ranges = highlightRanges(plain, terms);
      if (ranges.length) {
        const start = leadStart(plain, ranges[0]![0]);
        return `${start > 0 ? '…' : ''}${plain.slice(start, start + EXCERPT_LENGTH)}`;
      }
    }
  }
  const prompt = plainText(clip(question.prompt, EXCERPT_SCAN), EXCERPT_MARKS);
  return prompt === question.title.trim() ? '' : prompt.slice(0, EXCERPT_LENGTH);
}

/**
 * Where an excerpt starts to show EXCERPT_LEAD columns before `at`: not inside a surrogate pair,
 * not on a space, and not inside a Latin word when the next word still leaves a few columns before `at`.
 */
function leadStart(text: string, at: number): number {
  let start = at;
  for (let columns = 0; start > 0 && columns < EXCERPT_LEAD; ) {
    const unit = text.charCodeAt(--start);
    // Wide characters (CJK, full-width) take two columns; a surrogate pair counts once, by its high half.
    columns += isLowSurrogate(unit) ? 0 : unit >= 0x2e80 ? 2 : 1;
  }
  if (isLowSurrogate(text.charCodeAt(start))) start++;
  if (start > 0 && LATIN_WORD.test(text[start - 1]!) && LATIN_WORD.test(text[start]!)) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space + 1 + MIN_LEAD <= at) start = space + 1;
  }
  while (start < at && text[start] === ' ') start++;
  return start;
}

/** Columns of context an excerpt keeps when it moves its start to a word's. */
const MIN_LEAD = 4;
const LATIN_WORD = /[\w\u00C0-\u024F]/;
const isLowSurrogate = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;
