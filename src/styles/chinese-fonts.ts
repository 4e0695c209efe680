/**
 * Chinese fonts after the page's own: the font stacks the elements give Chinese text when
 * `--quiz-font-family` is not set. No DOM; `ChineseFontsController` reads the page's stack and
 * hands these to the theme (`theme.styles.ts`).
 *
 * Why: where no font of the page's stack has Chinese glyphs (`system-ui, sans-serif` on most
 * Linux systems), the browser asks the system for a fallback font for every run of Chinese text.
 * In Chromium on Debian, with a named font installed, that made the first render of
 * `<question-browser>` with 10,000 Chinese questions 27-29 ms faster and its first keystroke
 * 11-23 ms faster (medians; bench/results.md, "fifth pass"). Naming the platforms' usual Chinese fonts after the page's fonts gives the same
 * glyphs the system would pick (PingFang on Apple systems, Microsoft YaHei or JhengHei on Windows,
 * Noto or Source Han or WenQuanYi on Linux) without the lookup. Latin text keeps the page's
 * font, which comes first; Japanese and Korean text keep the page's stack as it is (these
 * fonts would give them Chinese glyph forms).
 */

/**
 * Generic families that stand for "any font of this kind": the Chinese fonts go before the first
 * of these, wherever it is (stacks often end `sans-serif, "Apple Color Emoji"`). Not `system-ui`
 * and `ui-*`: those are real fonts with Latin glyphs, which must come before the Chinese ones.
 */
const FINAL_GENERICS = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'fangsong', 'math', 'emoji']);

/** Simplified Chinese (zh, zh-CN, zh-SG, zh-Hans), sans-serif: Apple, Windows, then Linux. */
const HANS_SANS = ['PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Noto Sans SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei'];
/** Traditional Chinese (zh-TW, zh-HK, zh-MO, zh-Hant), sans-serif. */
const HANT_SANS = ['PingFang TC', 'Microsoft JhengHei', 'Noto Sans CJK TC', 'Noto Sans TC', 'Source Han Sans TC'];
/** Serif, for a stack that ends with `serif`. */
const HANS_SERIF = ['Songti SC', 'Noto Serif CJK SC', 'Noto Serif SC', 'Source Han Serif SC', 'SimSun'];
const HANT_SERIF = ['Songti TC', 'Noto Serif CJK TC', 'Noto Serif TC', 'Source Han Serif TC', 'PMingLiU'];

export interface ChineseFontStacks {
  /** The page's stack as given: for text in other languages. */
  page: string;
  /** For Simplified Chinese text. */
  hans: string;
  /** For Traditional Chinese text. */
  hant: string;
}

/**
 * The stacks for `stack`, a computed `font-family` (families separated by commas, names with
 * spaces quoted): the Chinese fonts go before its first generic family (`sans-serif`, `serif`…;
 * serif Chinese fonts before `serif`), else at its end. Fonts the stack already names are not
 * repeated, so `hans` of a `hans` stack is that stack.
 */
export function chineseFontStacks(stack: string): ChineseFontStacks {
  const families = splitFamilies(stack);
  const generic = families.findIndex((family) => FINAL_GENERICS.has(family.toLowerCase()));
  const at = generic === -1 ? families.length : generic;
  const serif = families[at]?.toLowerCase() === 'serif';
  return {
    page: families.join(', '),
    hans: withFonts(families, at, serif ? HANS_SERIF : HANS_SANS),
    hant: withFonts(families, at, serif ? HANT_SERIF : HANT_SANS),
  };
}

/** `families` with those of `fonts` it lacks inserted at `at`. */
function withFonts(families: readonly string[], at: number, fonts: readonly string[]): string {
  const named = new Set(families.map((family) => unquote(family).toLowerCase()));
  const added = fonts.filter((font) => !named.has(font.toLowerCase())).map((font) => `"${font}"`);
  return [...families.slice(0, at), ...added, ...families.slice(at)].join(', ');
}

/** The families of a `font-family` value: split at commas outside quotes, trimmed, empty ones left out. */
export function splitFamilies(stack: string): string[] {
  const families: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < stack.length; i++) {
    const char = stack[i]!;
    if (char === '\\' && i + 1 < stack.length) current += char + stack[++i];
    else if (quote) {
      current += char;
      if (char === quote) quote = null;
    } else if (char === '"' || char === "'") {
      quote = char;
      current += char;
    } else if (char === ',') {
      families.push(current.trim());
      current = '';
    } else current += char;
  }
  families.push(current.trim());
  return families.filter((family) => family.length > 0);
}

function unquote(family: string): string {
  const first = family[0];
  return (first === '"' || first === "'") && family.endsWith(first) ? family.slice(1, -1).replace(/\\(.)/g, '$1') : family;
}
