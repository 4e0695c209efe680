import type { ReactiveController, ReactiveElement } from 'lit';
import { chineseFontStacks } from '../styles/chinese-fonts.js';

/** One sheet per page stack, shared by every element that inherits it. */
const sheets = new Map<string, CSSStyleSheet>();
const ours = new WeakSet<CSSStyleSheet>();

/**
 * Gives the element's Chinese text the platforms' usual Chinese fonts after the page's own (see
 * `styles/chinese-fonts.ts`), unless `--quiz-font-family` is set. On connecting, it reads the
 * stack the element inherits and adds a constructed sheet to its shadow root that sets
 * `--_font-page`, `--_font-hans` and `--_font-hant` for `theme.styles.ts`. Without constructed
 * sheets (or on the server) it does nothing, and the elements use the page's font as before.
 * The stack is read again when the element is connected again, not when the page's font changes.
 */
export class ChineseFontsController implements ReactiveController {
  readonly #host: ReactiveElement;

  constructor(host: ReactiveElement) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {
    const root = this.#host.renderRoot;
    if (!(root instanceof ShadowRoot) || !Array.isArray(root.adoptedStyleSheets) || !('replaceSync' in CSSStyleSheet.prototype)) return;
    // The element's parent in its own tree, or the host of the shadow root it sits in.
    const parent = this.#host.parentElement ?? (this.#host.parentNode instanceof ShadowRoot ? this.#host.parentNode.host : null);
    if (!parent) return;
    const sheet = sheetFor(getComputedStyle(parent).fontFamily);
    const others = root.adoptedStyleSheets.filter((other) => !ours.has(other));
    root.adoptedStyleSheets = sheet ? [...others, sheet] : others;
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
