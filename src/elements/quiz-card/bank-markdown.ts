import { isServer, nothing, render, type TemplateResult } from 'lit';
import type { LoadedBank } from '../../bank/load.js';
import type { UiStrings } from '../../i18n/index.js';
import { LazyChunk } from '../../lazy.js';

type Renderer = typeof import('../../render/markdown.js');

/** The markdown renderer: loaded in parallel with the card's bank, so the first question is not delayed. */
export const rendererChunk = new LazyChunk<Renderer>(() => import('../../render/markdown.js'), 'the markdown renderer');

/** What the card's load task gives: the bank and the renderer for its text. */
export interface CardLoaded {
  loaded: LoadedBank;
  renderer: Renderer;
}

/**
 * A bank's markdown as the card shows it: each place's text (`prompt`, `choice-2`…) rendered
 * once into an element of its own. Lit leaves a node it saw before alone, where it would walk
 * every nested template of every field on each update of the card (a field at the format
 * limits holds thousands). `clear()` when the bank, language or heading level changes.
 */
export class BankMarkdown {
  readonly #cache = new Map<string, { text: string; element: HTMLElement }>();

  /** @param rerender - Asks the card to render again (a code block's toolbar arrived). */
  readonly #rerender: () => void;

  constructor(rerender: () => void) {
    this.#rerender = rerender;
  }

  clear(): void {
    this.#cache.clear();
  }

  /** `text` rendered for `place`, from the cache while nothing it depends on changes. */
  render(text: string | undefined, place: string, value: CardLoaded | undefined, strings: UiStrings, headingLevel: number): HTMLElement | TemplateResult | typeof nothing {
    if (!text || !value) return nothing;
    const cached = this.#cache.get(place);
    if (cached?.text === text) return cached.element;
    const s = strings;
    const rendered = value.renderer.renderMarkdown(text, {
        baseUrl: value.loaded.baseUrl,
        headingLevel: headingLevel + 1,
        strings: { copy: s.copy, copied: s.copied, copyFailed: s.copyFailed, code: s.code, table: s.table, newTab: s.newTab },
        onCodeBlocksReady: () => {
          this.#cache.clear();
          this.#rerender();
        },
      });
    // The server (SSR) writes the template into the page's HTML: no element, no cache.
    if (isServer) return rendered;
    const element = document.createElement('div');
    render(rendered, element);
    this.#cache.set(place, { text, element });
    return element;
  }
}
