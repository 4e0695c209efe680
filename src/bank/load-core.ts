/**
 * The part of the bank loader every page needs (see `load.ts`): banks given on the page (a value,
 * JSON text, a markdown or GIFT document), their validation messages, and the download of lazy
 * parts. Loading from a URL or a bundled id (fetching, sharing, caching, time limits) is
 * `load-url.ts`, a chunk of its own in the CDN build (`urlLoader`): a page whose banks are all
 * on the page never downloads it.
 */
import type { ImportDiagnostic } from '../import/diagnostics.js';
import { questionIdFromTitle } from '../import/question-id.js';
import type { DocumentFormat } from '../import/format.js';
import { BankLoadError, type BankLoadErrorDetails } from './load-errors.js';
import { BANK_FORMAT, CATALOG_FORMAT, type Bank } from './types.js';
import { formatIssues, validateBankShape as validateBank, type BankIssue } from './validate-core.js';
import { LazyChunk } from '../lazy.js';

export interface LoadedBank {
  bank: Bank;
  /** Absolute URL that relative links and images in the bank resolve against; for inline and property banks, the page URL passed in. */
  baseUrl: string;
}

/** Where a failure happened: the bank's URL, or the bundled bank's id. */
export type Source = Pick<BankLoadErrorDetails, 'url' | 'bankId'>;

/** Problems quoted in a message; the error keeps all of them. */
export const SHOWN_PROBLEMS = 3;

/** Loading from URLs and bundled ids (`load-url.ts`), downloaded on first use; see `lazyModule` for its failure. */
export const urlLoader = new LazyChunk<typeof import('./load-url.js')>(() => import('./load-url.js'), 'the bank loader');

/** What `load-url.ts` asks servers for; the early request below asks the same. */
export const BANK_ACCEPT = 'application/json, text/markdown;q=0.9, */*;q=0.1';

/** Bank requests started before the URL loader arrived, by URL (without fragment); each is taken once. */
const earlyRequests = new Map<string, [response: Promise<Response>, controller: AbortController]>();

/**
 * Loads the bank at `url` through the URL loader chunk. While that chunk is still downloading,
 * the bank's own request starts at once, so the two travel together instead of one after the
 * other (one round trip less for a `src` card); the loader then takes it as its fetch. A request
 * the loader does not take (the same URL is loading already, or the card was removed meanwhile) is
 * aborted; a failed one is forgotten, so trying again fetches again.
 */
export async function bankFromUrl(url: URL, options: { signal?: AbortSignal; timeout?: number } = {}): Promise<LoadedBank> {
  const href = url.href.split('#')[0]!;
  if (!urlLoader.value && /^https?:$/.test(url.protocol) && !earlyRequests.has(href)) {
    const controller = new AbortController();
    const entry: [Promise<Response>, AbortController] = [fetch(href, { signal: controller.signal, headers: { accept: BANK_ACCEPT } }), controller];
    entry[0].catch(() => earlyRequests.get(href) === entry && earlyRequests.delete(href));
    earlyRequests.set(href, entry);
  }
  const loader = await lazyModule(urlLoader, { url: url.href });
  const early = earlyRequests.get(href);
  earlyRequests.delete(href);
  let taken = false;
  const takeEarly = (_input: unknown, init?: RequestInit) => {
    taken = true;
    init?.signal?.addEventListener('abort', () => early![1].abort(), { once: true });
    return early![0];
  };
  // The loader asks for the bank at once, or not at all.
  const loading = loader.loadBankFromUrl(url, early ? { ...options, fetch: takeEarly } : options);
  if (early && !taken) early[1].abort();
  return loading;
}

/** Downloads a lazy part; one that fails to download is a network failure (the next load tries again), not a bug. */
export async function lazyModule<T>(chunk: LazyChunk<T>, source: Source = {}): Promise<T> {
  try {
    return await chunk.load();
  } catch (error) {
    const message = `Could not download ${chunk.what} (part of quiz-elements). Check the network connection and reload the page.`;
    throw new BankLoadError('network', message, { ...source, cause: error });
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The validated bank, or the `BankLoadError` that tells the author what to fix in it. */
export function checkedBank(value: unknown, baseUrl: string, where: string, source: Source = {}): LoadedBank {
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

export function fail(kind: 'format' | 'not-a-bank', message: string, details: BankLoadErrorDetails & { issues: BankIssue[] }): never {
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

/** The bank of a document (markdown or GIFT, from the page or a URL), imported and validated; `file` names it in messages. */
export async function importedBank(text: string, baseUrl: string, file: string, source: Source = {}, format?: DocumentFormat): Promise<LoadedBank> {
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
