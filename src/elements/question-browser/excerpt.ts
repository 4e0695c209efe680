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

/** Where an excerpt starts to show EXCERPT_LEAD columns before `at`: never inside a surrogate pair, nor inside a word when a space follows before `at`. */
function leadStart(text: string, at: number): number {
  let start = at;
  for (let columns = 0; start > 0 && columns < EXCERPT_LEAD; ) columns += text.charCodeAt(--start) >= 0x2e80 ? 2 : 1;
  if (/[\uDC00-\uDFFF]/.test(text[start]!)) start++;
  const space = text.indexOf(' ', start);
  return /\w\w/.test(text.slice(start - 1, start + 1)) && space !== -1 && space < at ? space + 1 : start;
}
