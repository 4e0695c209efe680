/**
 * The bank format holds at most 100,000 characters (code points) in a string. An imported field
 * longer than that is cut at a line break before the limit, with a code fence it leaves open
 * closed, instead of making the whole bank invalid.
 */

export const FIELD_LIMIT = 100_000;

/** `text` within FIELD_LIMIT code points; `onCut` hears the original length when it had to be cut. */
export function fitField(text: string, onCut: (length: number) => void): string {
  if (text.length <= FIELD_LIMIT) return text; // code units ≥ code points
  const points = [...text];
  if (points.length <= FIELD_LIMIT) return text;
  onCut(points.length);
  let cut = points.slice(0, FIELD_LIMIT - 10).join('');
  const lineEnd = cut.lastIndexOf('\n');
  if (lineEnd > cut.length / 2) cut = cut.slice(0, lineEnd);
  const fences = cut.match(/^\s*(```|~~~)/gm)?.length ?? 0;
  return `${cut.trimEnd()}\n${fences % 2 === 1 ? '```\n' : ''}…`;
}
