/**
 * A stable 32-bit fingerprint of text (FNV-1a over UTF-16 code units): tiny, synchronous and
 * identical in Node and browsers. Question ids and practice-set seeds are built from it.
 */
export function fingerprint(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}
