import { normalizeTitle } from '../bank/variants.js';
import { FULL_WIDTH_OFFSET } from './common-text.js';

/** FNV-1a over 16-bit code units: start value (and prime, 0x01000193, written out below). */
const FNV_START = 0x811c9dc5 | 0;
/** Hashes are small integers, which a Map keys fastest. */
const HASH_BITS = 0x3fffffff;

/** A hash of `key` as written (a normalized title, see `titleHash`). */
export function keyHash(key: string): number {
  let hash = FNV_START;
  for (let k = 0; k < key.length; k++) hash = Math.imul(hash ^ key.charCodeAt(k), 0x01000193);
  return hash & HASH_BITS;
}

/**
 * `keyHash(normalizeTitle(title))`, without making the normalized title when every character is
 * common (nearly all titles; the characters of common-text.ts, checked here one by one):
 * it reads the code units as normalizeTitle would leave them (full-width ASCII as ASCII, A-Z as
 * a-z, whitespace runs as one space, end marks and spaces at either end dropped). Grouping 10,000
 * titles by this hash makes no strings; the unit tests check it against normalizeTitle. One loop
 * without calls: the first keystroke runs it before it is optimized, when a call, even a regular
 * expression's, costs more.
 */
export function titleHash(title: string): number {
  // The end marks and whitespace normalizeTitle drops; all common (a common title's only whitespace is ASCII).
  let end = title.length;
  while (end > 0) {
    let unit = title.charCodeAt(end - 1);
    if (unit >= 0xff01 && unit <= 0xff5e) unit -= FULL_WIDTH_OFFSET;
    if (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d) || unit === 0x3f || unit === 0x2e || unit === 0x21 || unit === 0x3002 || unit === 0x3a) end--;
    else break;
  }
  let start = 0;
  while (start < end) {
    const unit = title.charCodeAt(start);
    if (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)) start++;
    else break;
  }
  let hash = FNV_START;
  let space = false;
  for (let k = start; k < end; k++) {
    let unit = title.charCodeAt(k);
    if (unit >= 0x80 && !(unit >= 0x4e00 && unit <= 0x9fff)) {
      // Not ASCII or an ideograph: full-width ASCII, CJK punctuation, the em dash and curly quotes are common too.
      if (unit >= 0xff01 && unit <= 0xff5e) unit -= FULL_WIDTH_OFFSET;
      else if (!((unit >= 0x3001 && unit <= 0x3011) || unit === 0x2014 || unit === 0x2018 || unit === 0x2019 || unit === 0x201c || unit === 0x201d)) return keyHash(normalizeTitle(title));
    }
    if (unit === 0x20 || (unit >= 0x09 && unit <= 0x0d)) {
      if (!space) hash = Math.imul(hash ^ 0x20, 0x01000193);
      space = true;
      continue;
    }
    if (unit >= 0x41 && unit <= 0x5a) unit += 32;
    hash = Math.imul(hash ^ unit, 0x01000193);
    space = false;
  }
  return hash & HASH_BITS;
}
