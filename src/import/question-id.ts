/**
 * Question ids must stay the same when a document is imported again, because learner progress
 * is stored under them. They are derived from the title (not the position), so reordering or
 * inserting questions keeps every other id; authors who want to rename a title without losing
 * progress pin the id with `{#my-id}` at the end of the heading.
 */

import { fingerprint } from '../bank/fingerprint.js';
import { nfkc } from '../bank/nfkc.js';
import { normalizeTitle } from '../bank/variants.js';

export { normalizeTitle };

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isSlug(text: string): boolean {
  return SLUG.test(text);
}

/** Lower-case ASCII words of `text` joined by hyphens, at most `maxWords` words. */
export function asciiSlug(text: string, maxWords = 6): string {
  const words = nfkc(text).toLowerCase().match(/[a-z0-9]+/g) ?? [];
  return words.slice(0, maxWords).join('-');
}

/** `what-is-fine-tuning-1k2j3h` for English titles, `ai-1k2j3h` or `q-1k2j3h` for Chinese ones. */
export function questionIdFromTitle(title: string): string {
  const hash = fingerprint(normalizeTitle(title)).toString(36).padStart(7, '0');
  const words = asciiSlug(title);
  return `${words || 'q'}-${hash}`;
}

/** Makes ids unique in a bank by numbering repeats (`x`, `x-2`, `x-3`) in document order. */
export function uniqueIds(ids: readonly string[]): string[] {
  const used = new Set<string>();
  // The next number to try for each id, so 10,000 repeats of one title are not 10,000² tries.
  const next = new Map<string, number>();
  return ids.map((id) => {
    let candidate = id;
    let n = next.get(id) ?? 2;
    for (; used.has(candidate); n++) candidate = `${id}-${n}`;
    next.set(id, n);
    used.add(candidate);
    return candidate;
  });
}
