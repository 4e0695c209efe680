/**
 * Matching items as authors write them in markdown: a list under a question that asks to match,
 * each item `left -> right` (also `→`, `=>`, `⟶`); an item with nothing on the left
 * (`- -> IBM`) is a distractor. The importer's list walker (`src/import/choices.ts`) finds the list.
 */

/** The arrow of a matching item, outside code spans: `->`, `→`, `=>`, `⟶`. */
const ARROW = /\s*(?:->|→|=>|⟶)\s*/;

/** `left -> right` (left may be empty: a distractor), or null. */
export function arrowPair(text: string): { left: string; right: string } | null {
  if (text.includes('\n')) return null;
  let at = -1;
  let length = 0;
  const parts = text.split(/(`+[^`]*`+)/);
  let offset = 0;
  for (let i = 0; i < parts.length && at < 0; i++) {
    const part = parts[i]!;
    const match = i % 2 === 0 ? ARROW.exec(part) : null;
    if (match) {
      at = offset + match.index;
      length = match[0].length;
    }
    offset += part.length;
  }
  if (at < 0) return null;
  const left = text.slice(0, at).trim();
  const right = text.slice(at + length).trim();
  return right && !ARROW.test(right) ? { left, right } : null;
}
