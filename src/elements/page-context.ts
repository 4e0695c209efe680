import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { languageOf, stringsFor, stringsReady, type UiStrings } from '../i18n/index.js';

/** An inline `<script type="application/json">`, `<script type="text/markdown">` or `<script type="text/gift">` child. */
export interface InlineSource {
  type: 'json' | 'markdown' | 'gift';
  text: string;
}

const INLINE_SELECTOR = ':scope > script[type="application/json"], :scope > script[type="text/markdown"], :scope > script[type="text/gift"]';
const INLINE_TYPES: Record<string, InlineSource['type']> = { 'text/markdown': 'markdown', 'text/gift': 'gift' };

/** The inline source of `host`, or null; `previous` is returned when nothing changed, so Task args stay equal. */
export function readInlineSource(host: Element, previous: InlineSource | null): InlineSource | null {
  const script = host.querySelector<HTMLScriptElement>(INLINE_SELECTOR);
  const next: InlineSource | null = script ? { type: INLINE_TYPES[script.type] ?? 'json', text: script.textContent ?? '' } : null;
  return next?.type === previous?.type && next?.text === previous?.text ? previous : next;
}

/**
 * Watches what an element reads from its page: its inline script children (frameworks may
 * render them after the element connects) and the document's language, which can change after
 * load. Returns the function that stops watching.
 */
export function watchPageContext(host: Element, onChildren: () => void, onLanguage: () => void): () => void {
  const children = new MutationObserver(onChildren);
  children.observe(host, { childList: true, subtree: true, characterData: true });
  const language = new MutationObserver(onLanguage);
  language.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  return () => {
    children.disconnect();
    language.disconnect();
  };
}

/**
 * What an element reads from its page, kept current: its inline source and the UI strings of
 * its language (its own `lang`, an ancestor's or the document's). Requests an update of the host
 * when either changes, so a Task can take `inline` among its args.
 */
export class PageContextController implements ReactiveController {
  inline: InlineSource | null = null;
  strings: UiStrings = stringsFor('en');
  /**
   * Set while the strings of the element's language are loading (the Chinese chunk): the host
   * shows no text until then (quiz-card: a bare skeleton, its bank loading meanwhile; topic-list
   * and question-browser hold their updates in `scheduleUpdate`), so no English flashes first.
   */
  stringsPending: Promise<void> | null = null;
  #stopWatching?: () => void;

  readonly #host: ReactiveControllerHost & HTMLElement;
  /** Called when the language changes, before the host updates. */
  readonly #onLanguageChange?: () => void;

  constructor(host: ReactiveControllerHost & HTMLElement, onLanguageChange?: () => void) {
    this.#host = host;
    this.#onLanguageChange = onLanguageChange;
    host.addController(this);
  }

  hostConnected(): void {
    this.#readInline();
    this.updateLanguage();
    this.#stopWatching = watchPageContext(this.#host, () => this.#readInline(), () => this.updateLanguage());
  }

  hostDisconnected(): void {
    this.#stopWatching?.();
  }

  #readInline(): void {
    const inline = readInlineSource(this.#host, this.inline);
    if (inline === this.inline) return;
    this.inline = inline;
    this.#host.requestUpdate();
  }

  /** Re-reads the language; the host calls it when its own `lang` attribute changes (`attributeChangedCallback`; an observer would report it after the next update). */
  updateLanguage(retry = true): void {
    const lang = languageOf(this.#host);
    const pending = stringsReady(lang, retry);
    if (pending) {
      const settled = pending.then(() => {
        if (this.stringsPending === settled) this.stringsPending = null;
        this.updateLanguage(false); // the chunk failed: English now, the next change of language tries again
        this.#host.requestUpdate(); // also when the chunk failed and the strings stay English
      });
      this.stringsPending = settled;
      return;
    }
    this.stringsPending = null;
    const strings = stringsFor(lang);
    if (strings === this.strings) return;
    this.strings = strings;
    this.#onLanguageChange?.();
    this.#host.requestUpdate();
  }
}

