/**
 * Loading several banks at once, for the elements that show more than one (`<topic-list>`,
 * `<question-browser>`): a source is a bank or a catalog (`quiz-catalog/1`) of banks, from a URL,
 * from the bundled banks, or from a value on the page.
 *
 * Every bank goes through the bank loader (`load.ts`), so requests are shared and cached per URL,
 * and a catalog URL is fetched once however many elements ask for it. Options work as there:
 * `signal` rejects this caller's promise with `signal.reason`; `timeout` limits each request on
 * its own (the catalog, then each of its banks, in parallel), so a catalog with banks waits at
 * most about twice the limit, and a bank that runs out of time is one of `failures`.
 *
 * A catalog's banks fail one by one: those that load are shown, the others are listed in
 * `failures`. Only when none loads does the whole load reject.
 */
import {
  BankLoadError,
  checkedCatalog,
  isCatalogValue,
  lazyModule,
  loadBankFromUrl,
  loadBundledBank,
  loadDocumentFromUrl,
  namedBankFromValue,
  type BankLoadErrorDetails,
  type LoadedBank,
  type LoadOptions,
} from './load.js';
import { CATALOG_FORMAT, type Catalog, type CatalogEntry } from './types.js';
import { LazyChunk } from '../lazy.js';

/** A bank listed in a catalog that could not be loaded. */
export interface CatalogFailure {
  entry: CatalogEntry;
  error: BankLoadError;
}

export interface LoadedCollection {
  /** The banks that loaded, in source order (catalog order for a catalog). Shared with other callers: read-only. */
  banks: LoadedBank[];
  /** Set when the source was a catalog (also for the bundled banks). */
  catalog?: Catalog;
  /** Per-bank failures of a catalog, in catalog order; they don't stop the other banks. */
  failures: CatalogFailure[];
}

/** How one bank of a catalog is loaded: from its URL, or from the bundled banks. */
type LoadEntry = (entry: CatalogEntry) => Promise<LoadedBank>;

/**
 * Loads the bank or catalog at `url` (absolute; elements resolve `src` against the page). For a
 * catalog, the entries' `src` resolve against the catalog's own URL (after redirects) and the
 * banks load in parallel.
 */
export async function loadCollectionFromUrl(url: string | URL, options: LoadOptions = {}): Promise<LoadedCollection> {
  const loaded = await loadDocumentFromUrl(url, options);
  if (!('catalog' in loaded)) return { banks: [loaded], failures: [] };
  const { catalog, baseUrl, url: href } = loaded;
  return loadCatalogBanks(catalog, `the catalog ${href}`, options, (entry) => loadBankFromUrl(entryUrl(entry, baseUrl, href), options));
}

const bundledCatalogChunk = new LazyChunk(() => import('./bundled-catalog.js'), 'the list of bundled banks');

/** Every bundled bank, in the order of the bundled catalog (`data/banks/index.json`). */
export async function loadBundledCollection(options: LoadOptions = {}): Promise<LoadedCollection> {
  if (options.signal?.aborted) throw options.signal.reason;
  const { bundledBanks } = await lazyModule(bundledCatalogChunk);
  if (options.signal?.aborted) throw options.signal.reason;
  const catalog: Catalog = { format: CATALOG_FORMAT, banks: [...bundledBanks] };
  return loadCatalogBanks(catalog, 'the bundled catalog', options, (entry) => loadBundledBank(entry.id, options));
}

/**
 * A collection given as a value (an element's property, or parsed inline JSON): a bank, a single
 * question (see `bankFromValue`), an array of banks, or a catalog object whose entries' `src`
 * resolve against `baseUrl` (the page). Banks are checked at once, so those values return the
 * collection or throw a `BankLoadError`; a catalog returns a promise of its loaded banks.
 */
export function collectionFromValue(value: unknown, baseUrl: string, options: LoadOptions = {}): LoadedCollection | Promise<LoadedCollection> {
  if (isCatalogValue(value)) {
    const where = 'The inline catalog';
    let catalog: Catalog;
    try {
      catalog = checkedCatalog(value, baseUrl, where).catalog;
    } catch (error) {
      return Promise.reject(error);
    }
    return loadCatalogBanks(catalog, 'the inline catalog', options, (entry) => loadBankFromUrl(entryUrl(entry, baseUrl, where), options));
  }
  if (!Array.isArray(value)) return { banks: [namedBankFromValue(value, baseUrl, 'The inline bank', 'The inline question')], failures: [] };
  const banks = value.map((item: unknown, i) => namedBankFromValue(item, baseUrl, `The inline bank [${i}]`, `The inline question [${i}]`));
  const seen = new Map<string, number>();
  banks.forEach(({ bank }, i) => {
    const first = seen.get(bank.id);
    if (first === undefined) seen.set(bank.id, i);
    else {
      const message = `The inline banks [${first}] and [${i}] have the same id "${bank.id}". Give each bank its own id, so progress and topics stay apart.`;
      throw new BankLoadError('not-a-bank', message, { bankId: bank.id });
    }
  });
  return { banks, failures: [] };
}

/**
 * A collection given as JSON text, e.g. the content of an inline `<script type="application/json">`:
 * anything `collectionFromValue` takes. Always a promise, so broken text rejects like a failed load.
 */
export async function collectionFromJsonText(text: string, baseUrl: string, options: LoadOptions = {}): Promise<LoadedCollection> {
  const json = text.replace(/^\uFEFF/, '');
  if (!json.trim()) {
    const message = 'The inline bank is empty. Put a bank, a single question or a catalog in JSON inside the <script type="application/json"> element.';
    throw new BankLoadError('not-json', message);
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const message = `The inline bank is not valid JSON (${(error as Error).message}). Check the content of the <script type="application/json"> element.`;
    throw new BankLoadError('not-json', message, { cause: error });
  }
  return collectionFromValue(value, baseUrl, options);
}

/** The absolute URL of a catalog entry's bank; an entry whose `src` is no URL fails on its own. */
function entryUrl(entry: CatalogEntry, baseUrl: string, where: string): URL {
  try {
    return new URL(entry.src, baseUrl);
  } catch (error) {
    const message = `${capitalized(where)} lists the bank "${entry.id}" at "${entry.src}", which is not a URL relative to ${baseUrl}. Fix the entry's "src".`;
    throw new BankLoadError('network', message, { bankId: entry.id, cause: error });
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Loads every bank of `catalog` in parallel; see the module comment for how failures count. */
async function loadCatalogBanks(catalog: Catalog, where: string, options: LoadOptions, loadEntry: LoadEntry): Promise<LoadedCollection> {
  const { signal } = options;
  if (signal?.aborted) throw signal.reason;
  // async, so an entry whose src is no URL rejects instead of throwing here.
  const results = await Promise.allSettled(catalog.banks.map(async (entry) => loadEntry(entry)));
  // Every bank load rejects as soon as the caller aborts; the caller gets its reason, not failures.
  if (signal?.aborted) throw signal.reason;

  const banks: LoadedBank[] = [];
  const failures: CatalogFailure[] = [];
  const loadedFrom = new Map<string, CatalogEntry>();
  results.forEach((result, i) => {
    const entry = catalog.banks[i]!;
    if (result.status === 'rejected') {
      // Anything but a BankLoadError is a bug, not a page-author mistake: let it surface.
      if (!(result.reason instanceof BankLoadError)) throw result.reason;
      failures.push({ entry, error: result.reason });
      return;
    }
    const { bank } = result.value;
    const earlier = loadedFrom.get(bank.id);
    if (earlier) {
      const message =
        `${capitalized(where)} lists "${earlier.id}" and "${entry.id}", which both hold the bank "${bank.id}". ` +
        'Give each bank its own id (or list it once), so progress and topics stay apart.';
      failures.push({ entry, error: new BankLoadError('not-a-bank', message, { bankId: bank.id }) });
      return;
    }
    loadedFrom.set(bank.id, entry);
    banks.push(result.value);
  });

  const [first] = failures;
  if (first && banks.length === 0) {
    const count = failures.length === 1 ? 'The only bank' : `None of the ${failures.length} banks`;
    const verb = failures.length === 1 ? 'could not be loaded' : 'could be loaded';
    const message = `${count} of ${where} ${verb}. The first, "${first.entry.title}" (${first.entry.id}), failed: ${first.error.message}`;
    throw new BankLoadError(first.error.kind, message, { ...detailsOf(first.error), cause: first.error });
  }
  return { banks, catalog, failures };
}

/** The details of an error, to pass them on in a new one (the constructor skips absent ones). */
function detailsOf({ url, status, issues, diagnostics, timeoutMs, bankId, known }: BankLoadError): BankLoadErrorDetails {
  return { url, status, issues, diagnostics, timeoutMs, bankId, known };
}
