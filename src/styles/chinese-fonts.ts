/**
 * Chinese fonts after the page's own: the font stacks the elements give Chinese text when
 * `--quiz-font-family` is not set. No DOM; `ChineseFontsController` reads the page's stack and
 * hands these to the theme (`theme.styles.ts`).
 *
 * Why: where no font of the page's stack has Chinese glyphs (`system-ui, sans-serif` on most
 * Linux systems), the browser asks the system for a fallback font for every run of Chinese text.
 * In Chromium on Debian that made the first render of `<question-browser>` with 10,000 Chinese
 * questions 15-25 ms slower, and every keystroke's layout 4-8 ms slower (bench/results.md,
 * "fifth pass"). Naming the platforms' usual Chinese fonts after the page's fonts gives the same
 * glyphs the system would pick (PingFang on Apple systems, Microsoft YaHei or JhengHei on Windows,
 * Noto or Source Han or WenQuanYi on Linux) without the lookup. Latin text keeps the page's
 * font, which comes first; Japanese and Korean text keep the page's stack as it is (these
 * fonts would give them Chinese glyph forms).
 */

/** Generic families that end a stack: the Chinese fonts go before one of these. */
const FINAL_GENERICS = new Set(['serif', 'sans-serif', 'monospace', 'cursive', 'fantasy', 'fangsong', 'math']);

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
 * spaces quoted): the Chinese fonts go before its last family when that is a generic one
 * (`sans-serif`, `serif`…), else at its end. Fonts the stack already names are not repeated, so
 * a stack made by this function comes back unchanged (an element inside another one).
 */
export function chineseFontStacks(stack: string): ChineseFontStacks {
  const families = splitFamilies(stack);
  const last = families.at(-1)?.toLowerCase();
  const serif = last === 'serif';
  return {
    page: families.join(', '),
    hans: withFonts(families, serif ? HANS_SERIF : HANS_SANS),
    hant: withFonts(families, serif ? HANT_SERIF : HANT_SANS),
  };
}

function withFonts(families: readonly string[], fonts: readonly string[]): string {
  const named = new Set(families.map((family) => unquote(family).toLowerCase()));
  const added = fonts.filter((font) => !named.has(font.toLowerCase())).map((font) => `"${font}"`);
  const last = families.at(-1);
  const beforeLast = last !== undefined && FINAL_GENERICS.has(last.toLowerCase());
  const head = beforeLast ? families.slice(0, -1) : families;
  return [...head, ...added, ...(beforeLast ? [last] : [])].join(', ');
}

/** The families of a `font-family` value: split at commas outside quotes, trimmed, empty ones left out. */
export function splitFamilies(stack: string): string[] {
  const families: string[] = [];
  let current = '';
  let quote: string | null = null;
  for (let i = 0; i < stack.length; i++) {
    const char = stack[i]!;
    if (quote) {
      current += char;
      if (char === '\\' && i + 1 < stack.length) current += stack[++i];
      else if (char === quote) quote = null;
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
