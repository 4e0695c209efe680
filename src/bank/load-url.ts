/**
 * Loading banks (and catalogs) from a URL or a bundled id: the part of the bank loader (see
 * `load.ts`) that fetches. Every failure a page author can cause rejects with a `BankLoadError`
 * whose message says what failed, where, and what to do. In the CDN build this is a chunk of its
 * own (`urlLoader` in `load-core.ts`): pages whose banks are on the page never download it.
 *
 * Sharing: concurrent and later loads of the same absolute URL (or bundled id) share one request
 * and one parse, and get the same `LoadedBank` object, so treat it as read-only. Successful loads
 * stay cached for the page's lifetime; failed ones are forgotten, so trying again refetches.
 * The first caller's `fetch` option is the one the shared request uses. A URL can also hold a
 * catalog (`quiz-catalog/1`, see `catalog.ts`): it shares the same cache, so a bank loader and a
 * catalog loader asking for one URL still make one request.
 *
 * Aborting: when a caller's `signal` aborts, that caller's promise rejects with `signal.reason`
 * (a DOMException named `AbortError` unless the caller chose another reason), as `fetch` does and
 * as `@lit/task` expects; it never resolves afterwards. The shared request itself is aborted only
 * when every caller waiting for it has aborted or timed out.
 */
import { BANK_ACCEPT as ACCEPT, checkedBank, fail, importedBank, isRecord, lazyModule, SHOWN_PROBLEMS, type LoadedBank, type Source } from './load-core.js';
import { BankLoadError } from './load-errors.js';
import { CATALOG_FORMAT, type Catalog } from './types.js';
import { formatIssues, validateCatalog } from './validate-core.js';
import { LazyChunk } from '../lazy.js';

export interface LoadedCatalog {
  catalog: Catalog;
  /** Absolute URL the entries' `src` resolve against: where the catalog really came from, after redirects. */
  baseUrl: string;
  /** The URL asked for, without fragment, as messages name it. */
  url: string;
}

/** What a URL can hold. */
export type LoadedDocument = LoadedBank | LoadedCatalog;

export interface LoadOptions {
  /** Stops this caller's wait; the promise then rejects with `signal.reason`. */
  signal?: AbortSignal;
  /** Milliseconds this caller waits before rejecting with kind `timeout`; default 15000; 0 or Infinity waits forever. */
  timeout?: number;
  /** For tests and apps; default `globalThis.fetch`. */
  fetch?: typeof fetch;
}

const DEFAULT_TIMEOUT = 15_000;
/** setTimeout fires at once for longer delays, so those count as no limit. */
const LONGEST_TIMER = 2_147_483_647;
const DOCUMENT_PATH = /\.(?:md|markdown|gift|txt)$/i;
const MARKDOWN_TYPE = /^text\/(?:x-)?markdown$/;
const HTML_START = /^\s*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i;

// HTTP/2 answers carry no status text, so the usual ones are named here.
const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  410: 'Gone',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
};

/** A load that callers share; it is aborted when the last of them stops waiting. */
interface SharedLoad<T extends LoadedDocument = LoadedDocument> {
  promise: Promise<T>;
  controller: AbortController;
  waiting: number;
  settled: boolean;
}

/** Keyed by absolute URL without fragment, or `bundled:<id>`. */
const loads = new Map<string, SharedLoad>();

/** Forgets every load, finished or not, so the next call starts afresh. For tests. */
export function clearBankCache(): void {
  loads.clear();
}

function forget(key: string, load: SharedLoad<LoadedDocument>): void {
  // A newer load of the same key may have replaced this one; leave that in place.
  if (loads.get(key) === load) loads.delete(key);
}

// Each key space holds one type: URLs hold documents, `bundled:` keys hold banks.
function share<T extends LoadedDocument>(key: string, start: (signal: AbortSignal) => Promise<T>): SharedLoad<T> {
  const cached = loads.get(key) as SharedLoad<T> | undefined;
  if (cached) return cached;
  const controller = new AbortController();
  const load: SharedLoad<T> = { promise: start(controller.signal), controller, waiting: 0, settled: false };
  load.promise.then(
    () => {
      load.settled = true;
    },
    () => {
      load.settled = true;
      forget(key, load);
    },
  );
  loads.set(key, load);
  return load;
}

function seconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${s} ${s === 1 ? 'second' : 'seconds'}`;
}

/** One caller's wait for a shared load, with its own signal and time limit. */
function wait<T extends LoadedDocument>(
  key: string,
  load: SharedLoad<T>,
  options: LoadOptions,
  timeoutMessage: (limit: string) => string,
  source: Source,
): Promise<T> {
  const { signal, timeout = DEFAULT_TIMEOUT } = options;
  load.waiting++;
  return new Promise<T>((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', onAbort);
    };
    const leave = (reason: unknown) => {
      stop();
      load.waiting--;
      if (load.waiting === 0 && !load.settled) {
        forget(key, load);
        load.controller.abort();
      }
      reject(reason);
    };
    const onAbort = () => leave(signal!.reason);
    signal?.addEventListener('abort', onAbort, { once: true });
    if (timeout > 0 && timeout <= LONGEST_TIMER) {
      const timedOut = () => new BankLoadError('timeout', timeoutMessage(seconds(timeout)), { ...source, timeoutMs: timeout });
      timer = setTimeout(() => leave(timedOut()), timeout);
    }
    load.promise.then(
      (loaded) => {
        stop();
        resolve(loaded);
      },
      (error: unknown) => {
        stop();
        reject(error);
      },
    );
  });
}

/**
 * Loads the bank at `url`: JSON, or a document imported in place: markdown (a `.md`/`.markdown`
 * path or a `text/markdown` answer) or Moodle GIFT (a `.gift` path). Give an absolute URL (elements resolve `src` against
 * `document.baseURI`); the fragment is ignored.
 */
export function loadBankFromUrl(url: string | URL, options: LoadOptions = {}): Promise<LoadedBank> {
  return loadDocumentFromUrl(url, options).then((loaded) => ('catalog' in loaded ? catalogWhereBankExpected(loaded) : loaded));
}

/**
 * Loads the bank or catalog at `url`, shared and cached like `loadBankFromUrl`. A catalog is
 * validated but its banks are not loaded: that is `loadCollectionFromUrl` in `catalog.ts`.
 */
export function loadDocumentFromUrl(url: string | URL, options: LoadOptions = {}): Promise<LoadedDocument> {
  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  let target: URL | undefined;
  try {
    target = new URL(url);
  } catch {
    // Not a URL at all: said as such below, not blamed on the network.
  }
  // A scheme fetch cannot load (`htp:/x`, `mailto:`) is a typo in the src, not a network failure.
  if (!target || !/^(?:https?|blob|data|file|[a-z-]+-extension):$/.test(target.protocol)) {
    const why = target ? 'it is not a web address the page can load. Use a URL starting with https:// or http://, or a path relative to the page' : 'it is not a complete URL. Check the src URL';
    return Promise.reject(new BankLoadError('url', `Could not load "${String(url)}": ${why}.`, { url: String(url) }));
  }
  target.hash = '';
  const href = target.href;
  const fetchBank = options.fetch ?? globalThis.fetch;
  const load = share(href, (signal) => fetchFromUrl(href, fetchBank, signal));
  const timeoutMessage = (limit: string) =>
    `Loading ${href} took longer than ${limit}, so quiz-elements gave up. Check that the server is up and the URL is right, then try again.`;
  return wait(href, load, options, timeoutMessage, { url: href });
}

/** The error a bank loader gives for a catalog: the catalog is fine, but a bank was asked for. */
function catalogWhereBankExpected({ catalog, baseUrl, url }: LoadedCatalog): never {
  // Validating the catalog as a bank words it the same as any other document that is no bank.
  checkedBank(catalog, baseUrl, url, { url });
  throw new Error('unreachable: a catalog passed validation as a bank');
}

/** Loads one of `bundledBankIds`; the bank's file is downloaded on first use. */
export function loadBundledBank(id: string, options: LoadOptions = {}): Promise<LoadedBank> {
  if (options.signal?.aborted) return Promise.reject(options.signal.reason);
  const key = `bundled:${id}`;
  const load = share(key, () => importBundled(id));
  const timeoutMessage = (limit: string) =>
    `Loading the bundled bank "${id}" took longer than ${limit}, so quiz-elements gave up. Check the network connection, then try again.`;
  return wait(key, load, options, timeoutMessage, { bankId: id });
}

async function importBundled(id: string): Promise<LoadedBank> {
  const source = { bankId: id };
  const { bundledBankImports, bundledBanksUrl } = await lazyModule(bundledChunk, source);
  const importBank = bundledBankImports.get(id);
  if (!importBank) {
    const known = [...bundledBankImports.keys()];
    throw new BankLoadError('unknown-bundled', `No bundled bank "${id}". Bundled banks: ${known.join(', ')}.`, { ...source, known });
  }
  const module = await lazyModule(importBank, source);
  return checkedBank(module.default, bundledBanksUrl, `The bundled bank "${id}"`, source);
}

const bundledChunk = new LazyChunk(() => import('./bundled.js'), 'the bundled banks');

function errorName(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'name' in error ? String(error.name) : undefined;
}

/** What a rejected fetch (or body read) means for the page author. */
function fetchFailure(error: unknown, href: string, signal: AbortSignal): unknown {
  // Every caller has left; nobody reads this rejection.
  if (signal.aborted) return signal.reason;
  const name = errorName(error);
  if (name === 'AbortError') {
    const message = `Loading ${href} was stopped before it finished (by the browser or the app's fetch). Try again.`;
    return new BankLoadError('aborted', message, { url: href, cause: error });
  }
  if (name === 'TimeoutError') {
    return new BankLoadError('timeout', `Loading ${href} timed out. Check that the server is up, then try again.`, { url: href, cause: error });
  }
  const message = `Could not reach ${href} (network error or blocked by CORS). Check the URL and that the server sends Access-Control-Allow-Origin.`;
  return new BankLoadError('network', message, { url: href, cause: error });
}

function httpError(response: Response, href: string): BankLoadError {
  const { status } = response;
  const text = response.statusText || STATUS_TEXT[status] || '';
  const answer = text ? `${status} ${text}` : String(status);
  const advice =
    status === 401 || status === 403
      ? 'The server refuses access: make the file public, or serve it from a server the page may read.'
      : status === 408 || status === 429 || status >= 500
        ? 'The server is busy or failing: try again later.'
        : 'Check the src URL.';
  return new BankLoadError('http', `Could not load ${href}: the server answered ${answer}. ${advice}`, { url: href, status });
}

function mediaType(response: Response): string {
  return (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
}

/** The URL without query or fragment, decoded, as an author names the file in messages. */
function fileOf(href: string): string {
  const url = new URL(href);
  const path = `${url.origin === 'null' ? `${url.protocol}` : url.origin}${url.pathname}`;
  try {
    return decodeURI(path);
  } catch {
    return path;
  }
}

async function fetchFromUrl(href: string, fetchBank: typeof fetch, signal: AbortSignal): Promise<LoadedDocument> {
  let response: Response;
  try {
    response = await fetchBank(href, { signal, headers: { accept: ACCEPT } });
  } catch (error) {
    throw fetchFailure(error, href, signal);
  }
  if (!response.ok) throw httpError(response, href);
  let text: string;
  try {
    text = await response.text();
  } catch (error) {
    throw fetchFailure(error, href, signal);
  }

  // Relative links in the bank resolve against where it really came from, after redirects.
  const baseUrl = response.url || href;
  const redirected = baseUrl !== href ? ` (redirected to ${baseUrl})` : '';
  const type = mediaType(response);

  if (MARKDOWN_TYPE.test(type) || DOCUMENT_PATH.test(new URL(href).pathname)) {
    // A markdown URL that answers with a web page is usually a code host's viewer page.
    if (type === 'text/html' || HTML_START.test(text)) {
      const message = `${href} returned an HTML page, not a markdown or GIFT document (is the URL right?)${redirected}. For a file on a code host, use its "raw" URL.`;
      throw new BankLoadError('not-json', message, { url: href });
    }
    return importedBank(text, baseUrl, fileOf(href), { url: href });
  }

  if (type === 'text/html' || text.trimStart().startsWith('<')) {
    throw new BankLoadError('not-json', `${href} returned an HTML page, not JSON (is the URL right?)${redirected}`, { url: href });
  }
  if (!text.trim()) {
    throw new BankLoadError('not-json', `${href} returned an empty file, not a bank in JSON. Check the src URL.`, { url: href });
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    const message = `${href} is not valid JSON (${(error as Error).message}). Fix the file; "npx quiz-elements validate <file>" shows where the problem is.`;
    throw new BankLoadError('not-json', message, { url: href, cause: error });
  }
  if (isCatalogValue(value)) return checkedCatalog(value, baseUrl, href, { url: href });
  return checkedBank(value, baseUrl, href, { url: href });
}

/** JSON that says it is a catalog, of any version. */
export function isCatalogValue(value: unknown): value is Record<string, unknown> {
  return isRecord(value) && typeof value.format === 'string' && value.format.startsWith('quiz-catalog/');
}

/**
 * The validated catalog, or the `BankLoadError` that tells the author what to fix in it.
 * `where` names it in messages: a URL, or "The inline catalog".
 */
export function checkedCatalog(value: Record<string, unknown>, baseUrl: string, where: string, source: Source = {}): LoadedCatalog {
  const result = validateCatalog(value);
  if (result.ok) return { catalog: result.value, baseUrl, url: source.url ?? where };
  const details = { ...source, issues: result.issues };
  if (value.format !== CATALOG_FORMAT) {
    const message =
      `${where} is a catalog in format "${String(value.format)}", but this version of quiz-elements reads only "${CATALOG_FORMAT}". ` +
      'The catalog was probably made for a newer version of quiz-elements: update quiz-elements.';
    return fail('format', message, details);
  }
  const message = `${where} is not a valid catalog of quiz banks:\n${formatIssues(result.issues, SHOWN_PROBLEMS)}\nFix these problems; "npx quiz-elements validate <file>" lists every one.`;
  return fail('not-a-bank', message, details);
}
