import { en } from './en.js';
import type { UiStrings } from './strings.js';
import { zhCN } from './zh-CN.js';

export type { UiStrings } from './strings.js';

/** Strings for a language tag: any Chinese tag gets Chinese, everything else English. */
export function stringsFor(lang: string | null | undefined): UiStrings {
  return lang && /^zh\b/i.test(lang) ? zhCN : en;
}

/**
 * The language an element speaks: its own `lang`, else the nearest ancestor's (across shadow
 * roots, so an element inside another component follows the page), else the document's.
 */
export function languageOf(element: Element): string {
  let node: Element | null = element;
  while (node) {
    const tagged: Element | null = node.closest('[lang]');
    if (tagged) return tagged.getAttribute('lang') ?? '';
    const root = node.getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return document.documentElement.lang;
}
