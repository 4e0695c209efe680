// Chinese and Japanese are written without spaces between words, so a line break in the markdown
// source between two such characters must vanish rather than become a space (CSS Text 3
// "segment break transformation"; only Firefox does part of it natively). Korean uses spaces.

const WIDE = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Bopomofo}\u3000-\u303f\uff00-\uffef`;
const WIDE_CHAR = new RegExp(`^[${WIDE}]$`, 'u');
const BREAK_BETWEEN_WIDE = new RegExp(`(?<=[${WIDE}])[ \\t]*\\n[ \\t]*(?=[${WIDE}])`, 'gu');

/** Whether `char` (one code point) is a Han, kana or full-width character. */
export function isWide(char: string | undefined): boolean {
  return char !== undefined && WIDE_CHAR.test(char);
}

/**
 * Removes soft line breaks that sit between two wide characters. `before` and `after` are the
 * characters just outside `text` (from neighbouring inline tokens), so breaks at its edges count too.
 */
export function joinWideLines(text: string, before = '', after = ''): string {
  if (!text.includes('\n')) return text;
  const joined = (before + text + after).replace(BREAK_BETWEEN_WIDE, '');
  return joined.slice(before.length, joined.length - after.length);
}

/** The last code point of `text`, or ''. */
export function lastChar(text: string): string {
  const last = text.codePointAt(text.length - 1);
  if (last === undefined) return '';
  // A trailing low surrogate belongs to an astral character (e.g. CJK Extension B).
  return last >= 0xdc00 && last <= 0xdfff && text.length > 1 ? text.slice(-2) : text.slice(-1);
}

/** The first code point of `text`, or ''. */
export function firstChar(text: string): string {
  const first = text.codePointAt(0);
  return first === undefined ? '' : String.fromCodePoint(first);
}
