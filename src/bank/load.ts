/**
 * The one bank loader every element uses: from a URL (JSON, or markdown imported in place), from
 * the bundled banks, or from a value or text on the page. Every failure a page author can cause
 * rejects with a `BankLoadError` whose message says what failed, where, and what to do.
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
import type { ImportDiagnostic } from '../import/diagnostics.js';
import { questionIdFromTitle } from '../import/question-id.js';
import type { DocumentFormat } from '../import/format.js';
import { BankLoadError, type BankLoadErrorDetails } from './load-errors.js';
import { BANK_FORMAT, CATALOG_FORMAT, type Bank, type Catalog } from './types.js';
import { formatIssues, validateBankShape as validateBank, validateCatalog, type BankIssue } from './validate-core.js';
import { LazyChunk } from '../lazy.js';

export { BankLoadError, type BankLoadErrorDetails, type BankLoadErrorKind } from './load-errors.js';

export interface LoadedBank {
  bank: Bank;
  /** Absolute URL that relative links and images in the bank resolve against; for inline and property banks, the page URL passed in. */
  baseUrl: string;
}

/** A catalog loaded from a URL; `catalog.ts` loads the banks it lists. */
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
/** Problems quoted in a message; the error keeps all of them. */
const SHOWN_PROBLEMS = 3;
const ACCEPT = 'application/json, text/markdown;q=0.9, */*;q=0.1';
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

/** Where a failure happened: the bank's URL, or the bundled bank's id. */
type Source = Pick<BankLoadErrorDetails, 'url' | 'bankId'>;

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

/** Downloads a lazy part; one that fails to download is a network failure (the next load tries again), not a bug. */
export async function lazyModule<T>(chunk: LazyChunk<T>, source: Source = {}): Promise<T> {
  try {
    return await chunk.load();
  } catch (error) {
    const message = `Could not download ${chunk.what} (part of quiz-elements). Check the network connection and reload the page.`;
    throw new BankLoadError('network', message, { ...source, cause: error });
  }
}

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

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The validated bank, or the `BankLoadError` that tells the author what to fix in it. */
function checkedBank(value: unknown, baseUrl: string, where: string, source: Source = {}): LoadedBank {
  const result = validateBank(value);
  if (result.ok) return { bank: result.value, baseUrl };
  const { issues } = result;
  const details = { ...source, issues };
  const format = isRecord(value) ? value.format : undefined;

  if (typeof format === 'string' && format !== BANK_FORMAT && format.startsWith('quiz-bank/')) {
    const message =
      `${where} is a bank in format "${format}", but this version of quiz-elements reads only "${BANK_FORMAT}". ` +
      'The bank was probably made for a newer version of quiz-elements: update quiz-elements, or export the bank as "quiz-bank/1".';
    return fail('format', message, details);
  }
  let advice = 'Fix these problems; "npx quiz-elements validate <file>" lists every one.';
  if (format === CATALOG_FORMAT && isRecord(value) && Array.isArray(value.banks)) {
    const first = value.banks.find((entry): entry is { src: string } => isRecord(entry) && typeof entry.src === 'string');
    advice = `Use one of the banks it lists instead${first ? `, such as "${first.src}"` : ''}.`;
  }
  return fail('not-a-bank', `${where} is not a valid quiz bank:\n${formatIssues(issues, SHOWN_PROBLEMS)}\n${advice}`, details);
}

function fail(kind: 'format' | 'not-a-bank', message: string, details: BankLoadErrorDetails & { issues: BankIssue[] }): never {
  throw new BankLoadError(kind, message, details);
}

/** First line of the prompt without heading marks and emphasis, cut to a list-friendly length. */
function titleFromPrompt(prompt: unknown): string | undefined {
  if (typeof prompt !== 'string') return undefined;
  const line = prompt.split(/\r\n|\r|\n/).find((l) => l.trim() !== '');
  if (line === undefined) return undefined;
  const text = line.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*|__|`/g, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(text);
  return chars.length > 80 ? `${chars.slice(0, 79).join('').trimEnd()}…` : text || undefined;
}

/** A single question given inline, as a one-question bank; validation reports what is still missing. */
function bankOfQuestion(question: Record<string, unknown>): unknown {
  const title = typeof question.title === 'string' ? question.title : titleFromPrompt(question.prompt);
  const topics = Array.isArray(question.topics) && question.topics.length > 0 ? (question.topics as unknown[]) : ['inline'];
  const topicIds = [...new Set(topics.filter((id): id is string => typeof id === 'string'))];
  return {
    format: BANK_FORMAT,
    id: 'inline',
    title: title ?? 'Inline question',
    language: typeof question.language === 'string' ? question.language : 'und',
    topics: topicIds.map((id) => ({ id, title: id === 'inline' ? (title ?? id) : id })),
    questions: [
      {
        ...question,
        id: question.id ?? (title === undefined ? 'inline' : questionIdFromTitle(title)),
        kind: question.kind ?? 'concept',
        title,
        topics,
      },
    ],
  };
}

function isSingleQuestion(value: unknown): value is Record<string, unknown> {
  // A choice question needs no answer (its correct choices are the answer).
  return isRecord(value) && !('format' in value) && 'prompt' in value && ('answer' in value || 'choices' in value);
}

/**
 * A bank given as a value (an element's `bank` property or parsed inline JSON): a whole bank, or
 * a single question object (`prompt` and `answer` or `choices`, no `format`) that becomes a one-question bank
 * with id `inline`. Throws a `BankLoadError` when it is not valid.
 */
export function bankFromValue(value: unknown, baseUrl: string): LoadedBank {
  return namedBankFromValue(value, baseUrl, 'The inline bank', 'The inline question');
}

/** `bankFromValue` whose messages name the value as given, e.g. one item of a list of banks. */
export function namedBankFromValue(value: unknown, baseUrl: string, bankName: string, questionName: string): LoadedBank {
  if (!isSingleQuestion(value)) return checkedBank(value, baseUrl, bankName);
  const result = validateBank(bankOfQuestion(value));
  if (result.ok) return { bank: result.value, baseUrl };
  // Paths into the one-question wrapper mean nothing to an author who wrote only the question.
  const issues = result.issues.map(({ path, message }) => ({ path: path.replace(/^questions\[0\]\.?/, ''), message }));
  throw new BankLoadError('not-a-bank', `${questionName} is not valid:\n${formatIssues(issues, SHOWN_PROBLEMS)}`, { issues });
}

/** A bank given as JSON text, e.g. the content of an inline `<script type="application/json">`. */
export function bankFromJsonText(text: string, baseUrl: string): LoadedBank {
  const json = text.replace(/^\uFEFF/, '');
  if (!json.trim()) {
    throw new BankLoadError('not-json', 'The inline bank is empty. Put the bank (or a single question) in JSON inside the <script type="application/json"> element.');
  }
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (error) {
    const message = `The inline bank is not valid JSON (${(error as Error).message}). Check the content of the <script type="application/json"> element.`;
    throw new BankLoadError('not-json', message, { cause: error });
  }
  return bankFromValue(value, baseUrl);
}

/**
 * A bank imported from Q&A markdown (any layout the importer reads). The importer is downloaded
 * on first use. `file` names the document in messages and gives the bank id (its slug).
 */
export function bankFromMarkdown(text: string, baseUrl: string, file = 'inline.md'): Promise<LoadedBank> {
  return bankFromDocument(text, baseUrl, file, 'markdown');
}

/** The bank of an inline `<script type="text/markdown">` or `<script type="text/gift">`, named "inline markdown" or "inline GIFT" in messages. */
export function bankFromInlineDocument(text: string, format: DocumentFormat, baseUrl: string): Promise<LoadedBank> {
  return bankFromDocument(text, baseUrl, `inline ${format === 'gift' ? 'GIFT' : 'markdown'}`, format);
}

/** A bank imported from a document in markdown or Moodle GIFT (`format`, else `.gift` in `file` or text that looks like GIFT says GIFT). */
export function bankFromDocument(text: string, baseUrl: string, file = 'inline.md', format?: DocumentFormat): Promise<LoadedBank> {
  return importedBank(text, baseUrl, file, {}, format);
}

function diagnosticLines(diagnostics: readonly ImportDiagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  const lines = errors.slice(0, SHOWN_PROBLEMS).map((d) => `${d.file}:${d.line}: ${d.message}`);
  if (errors.length > SHOWN_PROBLEMS) lines.push(`… and ${errors.length - SHOWN_PROBLEMS} more`);
  return lines.join('\n');
}

/** What both importer chunks export. */
type Importer = Pick<typeof import('../import/markdown.js'), 'importText' | 'reportWarnings' | 'looksLikeGift'>;
const markdownImporter = new LazyChunk<Importer>(() => import('../import/markdown.js'), 'the markdown importer');
const giftImporter = new LazyChunk<Importer>(() => import('../import/gift.js'), 'the GIFT importer');

async function importedBank(text: string, baseUrl: string, file: string, source: Source = {}, format?: DocumentFormat): Promise<LoadedBank> {
  const load = (gift: boolean) => lazyModule<Importer>(gift ? giftImporter : markdownImporter, source);
  const gift = format ? format === 'gift' : /\.gift$/i.test(file);
  let importer = await load(gift);
  // A document that does not say its format (no ".gift", no type given) may still be GIFT; the markdown chunk knows how it looks.
  if (!format && !gift && importer.looksLikeGift(text)) importer = await load(true);
  const { bank, diagnostics } = importer.importText(text, { file });
  if (!bank) {
    const message = `Could not import ${file} as a quiz bank:\n${diagnosticLines(diagnostics)}\nFix the document; "npx quiz-elements import <file>" reports the same problems.`;
    throw new BankLoadError('import', message, { ...source, diagnostics });
  }
  importer.reportWarnings(file, diagnostics);
  return checkedBank(bank, baseUrl, file, source);
}

