/**
 * Markdown reduced to one line of plain text: what titles, search excerpts and row labels show.
 * One scan with a regular expression whose every branch is bounded or cannot overlap the next
 * match, so the time is linear in the length of the text (a run of `[`, `*` or `<` is scanned
 * once, not once per character): bank text is untrusted, and a quadratic pattern here froze
 * pages on hostile banks.
 */

// In order: a backslash escape (the character itself, never markup); a code span on one line
// (its text as written, tags and marks included); wiki links `[[target|label]]`; links and
// images (their text; no part runs past a bracket or line break it did not open); HTML tags;
// code fences; quote, heading and table marks; emphasis, strike and code marks, with `_` only at
// the edge of a word so `max_tokens` stays whole.
const MARKUP =
  /\\([!-/:-@[-`{-~])|`([^`\n]{1,500})`|\[\[(?:[^[\]\n|]{0,500}\|)?([^[\]\n|]{0,500})\]\]|!?\[([^[\]\n]*)\]\([^()[\]\s]*(?:\s+"[^"\n]*")?\)|<\/?[A-Za-z][A-Za-z0-9-]{0,30}(?:\s[^<>\n]{0,300})?\/?>|```[^\n]*|[>#|]+|[*`~]+|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu;

export interface PlainTextOptions {
  /**
   * Also blank out quote, heading and table marks (`>`, `#`, `|`), as in excerpts of whole
   * fields. Off for titles, where `C#` and `a | b` are text.
   */
  blockMarks?: boolean;
}

/** `markdown` as one line of plain text: marks removed, links and images as their text, white space collapsed. */
export function plainText(markdown: string, options: PlainTextOptions = {}): string {
  const blockMarks = options.blockMarks ?? false;
  return markdown
    .replace(MARKUP, (mark: string, escaped?: string, code?: string, wiki?: string, link?: string) => {
      if (escaped !== undefined) return escaped;
      if (code !== undefined) return code;
      if (wiki !== undefined) return plainText(wiki, options);
      if (link !== undefined) return link;
      const first = mark[0]!;
      if (first === '<') return '';
      if (first === '>' || first === '#' || first === '|') return blockMarks ? ' ' : mark;
      if (mark.startsWith('```')) return ' ';
      return '';
    })
    .replace(/\s+/g, ' ')
    .trim();
}
