/**
 * Which importer a document needs, decided without loading either: small enough for the entry
 * chunk, so a page downloads only the importer its document needs.
 */

export type DocumentFormat = 'markdown' | 'gift';

/** Whether `source` reads as Moodle GIFT: `::title::` questions or `$CATEGORY` lines with answer blocks (`{=right ~wrong}`, `{TRUE}`). */
export function looksLikeGift(source: string): boolean {
  // GIFT quoted in a markdown code block is an example, not the document.
  const sample = source.slice(0, 50_000).replace(/^[ \t]*(`{3,}|~{3,})[^\n]*\n[\s\S]*?^[ \t]*\1[ \t]*$/gm, '');
  const titled = sample.match(/^[ \t]*::[^:\n]{1,300}::/gm)?.length ?? 0;
  const blocks = sample.match(/\{[ \t\r\n]*(?:[=~#]|(?:T|F|TRUE|FALSE)[ \t\r\n]*\})/g)?.length ?? 0;
  const categories = /^[ \t]*\$CATEGORY:/m.test(sample);
  const headings = sample.match(/^#{1,6}[ \t]/gm)?.length ?? 0;
  return (titled >= 1 && blocks >= 1) || (categories && blocks >= 1) || (blocks >= 2 && headings === 0);
}

/** The format of a document named `file` (a path or URL) holding `source`: `.gift`, else what the text looks like (GIFT pasted as notes.md is GIFT). */
export function documentFormat(source: string, file = ''): DocumentFormat {
  if (/\.gift$/i.test(file)) return 'gift';
  return looksLikeGift(source) ? 'gift' : 'markdown';
}
