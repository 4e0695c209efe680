/** The text a result row shows: its title clipped, and one line around the first match. No DOM, no Lit. */
import type { Question } from '../../bank/types.js';
import { highlightRanges } from '../../search/highlight.js';
import { plainText } from '../../text/plain-text.js';

/** Characters of context shown before a match in a row's excerpt. */
const EXCERPT_LEAD = 24;
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
        const start = Math.max(0, ranges[0]![0] - EXCERPT_LEAD);
        return `${start > 0 ? '…' : ''}${plain.slice(start, start + EXCERPT_LENGTH)}`;
      }
    }
  }
  const prompt = plainText(clip(question.prompt, EXCERPT_SCAN), EXCERPT_MARKS);
  return prompt === question.title.trim() ? '' : prompt.slice(0, EXCERPT_LENGTH);
}
