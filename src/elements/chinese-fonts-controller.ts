import { isServer, type ReactiveController, type ReactiveElement } from 'lit';
import { chineseFontStacks } from '../styles/chinese-fonts.js';

/** One sheet per page stack, shared by every element that inherits it. */
const sheets = new Map<string, CSSStyleSheet>();
const ours = new WeakSet<CSSStyleSheet>();

/**
 * Gives the element's Chinese text the platforms' usual Chinese fonts after the page's own (see
 * `styles/chinese-fonts.ts`), unless `--quiz-font-family` is set. On connecting, it reads the
 * element's own font (what the page gives it: a rule on the element, else its parent's) and adds
 * a constructed sheet to its shadow root that sets `--_font-page`, `--_font-hans` and
 * `--_font-hant` for `theme.styles.ts`. Inside another element that set them, it adds nothing:
 * they inherit, so the page's stack stays the page's. Without constructed sheets, and on the
 * server, it does nothing, and the elements use the page's font as before. The stack is read
 * again when the element is connected again, not when the page's font changes.
 */
export class ChineseFontsController implements ReactiveController {
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (isServer || !(root instanceof ShadowRoot) || !Array.isArray(root.adoptedStyleSheets) || !('replaceSync' in CSSStyleSheet.prototype)) return;
    // Without our sheet, the element's font is the page's: the theme's font-family is invalid then, so inherited, unless a page rule sets it.
    const others = root.adoptedStyleSheets.filter((other) => !ours.has(other));
    if (others.length !== root.adoptedStyleSheets.length) root.adoptedStyleSheets = others;
    const style = getComputedStyle(this.#host);
    if (style.getPropertyValue('--_font-page').trim()) return;
    const sheet = sheetFor(style.fontFamily);
    if (sheet) root.adoptedStyleSheets = [...others, sheet];
  }
}

function sheetFor(stack: string): CSSStyleSheet | null {
  if (!stack.trim()) return null;
  let sheet = sheets.get(stack);
  if (!sheet) {
    const { page, hans, hant } = chineseFontStacks(stack);
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`:host { --_font-page: ${page}; --_font-hans: ${hans}; --_font-hant: ${hant}; }`);
    ours.add(sheet);
    sheets.set(stack, sheet);
  }
  return sheet;
}
