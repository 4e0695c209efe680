import {
  collectionFromJsonText,
  collectionFromValue,
  loadBundledCollection,
  loadCollectionFromUrl,
  type LoadedCollection,
} from '../bank/catalog.js';
import { bankFromInlineDocument, loadBundledBank, type LoadedBank } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import type { InlineSource } from './page-context.js';

/** The `bank` attribute value that asks for every bundled bank (the bundled catalog). */
export const ALL_BUNDLED = '*';

/** Where an element that shows several banks (`<topic-list>`, `<quiz-stats>`, `<question-browser>`) gets them. */
export interface CollectionSource {
  src?: string | undefined;
  bank?: string | Bank | Record<string, unknown> | undefined;
  inline: InlineSource | null;
  timeout: number;
}

/**
 * Loads the banks `source` names, in the order of precedence the elements document: a bank or
 * catalog object, `src`, inline markdown, inline JSON, every bundled bank (`*`), one bundled bank.
 * Returns null when the source names nothing, for the element to decide what that means.
 */
export async function loadCollectionOf(source: CollectionSource, signal: AbortSignal): Promise<LoadedCollection | null> {
  const { src, bank, inline, timeout } = source;
  const base = document.baseURI;
  const options = { signal, timeout };
  if (bank && typeof bank === 'object') return collectionFromValue(bank, base, options);
  if (src) return loadCollectionFromUrl(new URL(src, base), options);
  if (inline && inline.type !== 'json') return single(await bankFromInlineDocument(inline.text, inline.type, base));
  if (inline) return collectionFromJsonText(inline.text, base, options);
  if (bank === ALL_BUNDLED) return loadBundledCollection(options);
  if (typeof bank === 'string' && bank) return single(await loadBundledBank(bank, options));
  return null;
}

/** One bank as a collection without a catalog. */
function single(loaded: LoadedBank): LoadedCollection {
  return { banks: [loaded], failures: [] };
}

/** Whether an item of a `banks` property is a loaded bank (with its base URL) rather than a bare bank. */
export function isLoadedBank(value: LoadedBank | Bank): value is LoadedBank {
  return typeof (value as LoadedBank).baseUrl === 'string' && typeof (value as LoadedBank).bank === 'object';
}
