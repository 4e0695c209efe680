/** Typed option letters, shared by the markdown and GIFT importers. */

/**
 * Options that all start with a typed letter (`A) …`, `B. …`, in any order: authors reorder
 * options and keep their letters) lose it: the card shows its own list.
 */
export function stripOptionLetters(texts: readonly string[]): string[] {
  const letters = texts.map((text) => /^\s*\(?([A-H])[.)．、:：）]\s+/.exec(text));
  if (texts.length < 2 || letters.some((m) => !m)) return [...texts];
  const found = letters.map((m) => m![1]!);
  const expected = found.map((_, i) => String.fromCharCode(65 + i));
  if (new Set(found).size !== found.length || ![...found].sort().every((letter, i) => letter === expected[i])) return [...texts];
  return texts.map((text, i) => text.slice(letters[i]![0].length));
}
