import { en } from './en.js';
import type { UiStrings } from './strings.js';

export type { UiStrings } from './strings.js';

/** The Chinese strings: their own chunk, loaded by the first element that speaks Chinese. */
let zhCN: UiStrings | undefined;
let zhLoading: Promise<void> | undefined;
let zhFailed = false;

const isChinese = (lang: string | null | undefined) => !!lang && /^zh\b/i.test(lang);

/**
 * Strings for a language tag: any Chinese tag gets Chinese, everything else English. Until the
 * Chinese strings have loaded (`stringsReady`), Chinese tags get English.
 */
export function stringsFor(lang: string | null | undefined): UiStrings {
  return isChinese(lang) && zhCN ? zhCN : en;
}

/**
 * Null when `stringsFor(lang)` already gives the language's strings; else a promise that settles
 * when it does (if the Chinese chunk cannot be loaded, the UI stays English on this page and it still settles).
 */
export function stringsReady(lang: string | null | undefined): Promise<void> | null {
  if (!isChinese(lang) || zhCN || zhFailed) return null;
  zhLoading ??= import('./zh-CN.js').then(
    (module) => {
      zhCN = module.zhCN;
    },
    (error: unknown) => {
      zhFailed = true;
      console.warn('quiz-elements: the Chinese UI strings could not be loaded; showing English', error);
    },
  );
  return zhLoading;
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
