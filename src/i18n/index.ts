import { en } from './en.js';
import type { UiStrings } from './strings.js';
import { LazyChunk } from '../lazy.js';

export type { UiStrings } from './strings.js';

/** The Chinese strings: their own chunk, loaded by the first element that speaks Chinese. */
const zhChunk = new LazyChunk(() => import('./zh-CN.js'), 'the Chinese UI strings (showing English)');

const isChinese = (lang: string | null | undefined) => !!lang && /^zh\b/i.test(lang);

/**
 * Strings for a language tag: any Chinese tag gets Chinese, everything else English. Until the
 * Chinese strings have loaded (`stringsReady`), Chinese tags get English.
 */
export function stringsFor(lang: string | null | undefined): UiStrings {
  return (isChinese(lang) && zhChunk.value?.zhCN) || en;
}

/**
 * Null when `stringsFor(lang)` already gives the language's strings; else a promise that settles
 * when it does. If the Chinese chunk cannot be loaded, the UI stays English and it still settles;
 * the next call tries again, unless `retry` is false (the element that was just told).
 */
export function stringsReady(lang: string | null | undefined, retry = true): Promise<void> | null {
  if (!isChinese(lang) || zhChunk.value || (zhChunk.failed && !retry)) return null;
  return zhChunk.request().then(() => undefined);
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
