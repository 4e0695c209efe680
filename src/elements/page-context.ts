/** An inline `<script type="application/json">` or `<script type="text/markdown">` child. */
export interface InlineSource {
  type: 'json' | 'markdown';
  text: string;
}

const INLINE_SELECTOR = ':scope > script[type="application/json"], :scope > script[type="text/markdown"]';

/** The inline source of `host`, or null; `previous` is returned when nothing changed, so Task args stay equal. */
export function readInlineSource(host: Element, previous: InlineSource | null): InlineSource | null {
  const script = host.querySelector<HTMLScriptElement>(INLINE_SELECTOR);
  const next: InlineSource | null = script ? { type: script.type === 'text/markdown' ? 'markdown' : 'json', text: script.textContent ?? '' } : null;
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
