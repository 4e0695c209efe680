/**
 * The language of a document, from its script and, for Latin script, its commonest words. Good
 * enough for a bank's `lang` (what screen readers pronounce); front matter `language:` wins.
 */

const STOPWORDS: Record<string, readonly string[]> = {
  en: ['the', 'is', 'and', 'of', 'to', 'what', 'which', 'how', 'in', 'a'],
  de: ['der', 'die', 'das', 'und', 'ist', 'nicht', 'mit', 'ein', 'eine', 'wie', 'sie', 'zu'],
  es: ['el', 'la', 'los', 'las', 'de', 'que', 'y', 'es', 'en', 'un', 'una', 'para', 'del'],
  fr: ['le', 'la', 'les', 'de', 'des', 'et', 'est', 'un', 'une', 'pour', 'dans', 'du'],
  pt: ['o', 'os', 'as', 'de', 'que', 'e', 'não', 'um', 'uma', 'para', 'com', 'do', 'da'],
  it: ['il', 'lo', 'gli', 'di', 'che', 'e', 'è', 'un', 'una', 'per', 'del', 'della'],
};

/** BCP 47 tag for `text`: `zh-CN`, `ja`, `ko`, `ru`, `uk`, `de`, `es`, `fr`, `pt`, `it` or `en`. */
export function detectLanguage(text: string): string {
  const sample = text.length > 20_000 ? text.slice(0, 20_000) : text;
  const han = sample.match(/\p{Script=Han}/gu)?.length ?? 0;
  const kana = sample.match(/[\p{Script=Hiragana}\p{Script=Katakana}]/gu)?.length ?? 0;
  const hangul = sample.match(/\p{Script=Hangul}/gu)?.length ?? 0;
  const cyrillic = sample.match(/\p{Script=Cyrillic}/gu)?.length ?? 0;
  const latin = sample.match(/[A-Za-z\u00C0-\u024F]/g)?.length ?? 0;
  if (kana > 0 && kana + han >= latin * 0.2) return 'ja';
  if (hangul > 0 && hangul >= latin * 0.2) return 'ko';
  if (han > 0 && han >= latin * 0.2) return 'zh-CN';
  if (cyrillic > 0 && cyrillic >= latin * 0.5) return /[іїєґ]/i.test(sample) ? 'uk' : 'ru';
  const counts = new Map<string, number>();
  for (const word of sample.toLowerCase().match(/[\p{L}]+/gu) ?? []) counts.set(word, (counts.get(word) ?? 0) + 1);
  let best = 'en';
  let bestScore = 0;
  for (const [language, words] of Object.entries(STOPWORDS)) {
    const score = words.reduce((sum, word) => sum + (counts.get(word) ?? 0), 0);
    if (score > bestScore) [best, bestScore] = [language, score];
  }
  return best;
}
