/**
 * The CDN build's entry (`dist/cdn/quiz-elements.js`): registers `<quiz-card>` at once and
 * `<topic-list>`, `<question-browser>`, `<quiz-stats>` and `<quiz-progress-transfer>` when the page first uses them (see `autoload.ts`), so a
 * page with one card downloads only what a card needs. Everything the npm entry exports that is
 * small is exported here too; the rest is one `await` away, in lazily loaded chunks:
 *
 *   const { ProgressStore } = await loadProgressApi();
 *   const { loadCollectionFromUrl } = await loadCatalogApi();
 *   const { validateBank } = await loadValidatorApi(); // with every question type's fields
 *
 * `validateBank` and `parseBank` here check everything but the fields particular to a question
 * type (the card checks those when it shows the question): every type's rules would add 0.7 KB
 * to every page. `loadValidatorApi()` gives the complete ones, as the npm package and CLI have.
 */
import { startAutoload } from './elements/autoload.js';

export * from './bank/types.js';
export * from './bank/validate-core.js';
export { validateBankShape as validateBank } from './bank/validate-core.js';
import { validateBankShape, validOrThrow } from './bank/validate-core.js';
import type { Bank } from './bank/types.js';
import { LazyChunk } from './lazy.js';
export { BankLoadError, type BankLoadErrorDetails, type BankLoadErrorKind } from './bank/load-errors.js';
export { bankFromJsonText, bankFromMarkdown, bankFromValue, type LoadedBank } from './bank/load-core.js';
export type { LoadOptions } from './bank/load-url.js';
import { lazyModule, urlLoader, type LoadedBank } from './bank/load-core.js';
import type { LoadOptions } from './bank/load-url.js';
export { bundledBankIds, bundledBanksUrl } from './bank/bundled.js';
export * from './events/index.js';
export { QuizCard } from './elements/quiz-card/quiz-card.js';
export { defineAll, discover } from './elements/autoload.js';
export { importMarkdownAsync, importMarkdown } from './import/lazy.js';
export { configureLearningRecords, type LearningRecords, type LearningRecordsConfig, type LearningRecordsOptions, type LearningRecordsTarget, type RecordsNote, type RecordsNoteKind, type XapiAgent } from './records/learning-records.js';
export type { Grade, PracticeSummary } from './practice/practice-set.js';
export { QUESTION_TYPES, questionType, type CheckedType } from './interactions/interaction.js';
export type { ImportDiagnostic, ImportOptions, ImportResult } from './import/index.js';
export type * from './progress/types.js';

// Loading from a URL or a bundled id is a chunk of its own (`load-url.ts`), fetched on first use:
// pages whose banks are on the page never download it. A chunk that cannot be downloaded rejects
// with a `BankLoadError` of kind `network`.

/** Loads the bank at `url`, shared and cached (see the API reference); the loader's code is downloaded on the first call. */
export function loadBankFromUrl(url: string | URL, options?: LoadOptions): Promise<LoadedBank> {
  if (options?.signal?.aborted) return Promise.reject(options.signal.reason);
  return lazyModule(urlLoader, { url: String(url) }).then((loader) => loader.loadBankFromUrl(url, options));
}

/** Loads one of `bundledBankIds`; the loader's code and the bank's file are downloaded on first use. */
export function loadBundledBank(id: string, options?: LoadOptions): Promise<LoadedBank> {
  if (options?.signal?.aborted) return Promise.reject(options.signal.reason);
  return lazyModule(urlLoader, { bankId: id }).then((loader) => loader.loadBundledBank(id, options));
}

/** Forgets every load, finished or not, so the next call starts afresh. For tests. */
export function clearBankCache(): void {
  urlLoader.value?.clearBankCache();
}

const progressApi = new LazyChunk(() => import('./progress/index.js'), 'the progress API');
/** The learner-progress API (`ProgressStore`, `memoryStorage`, `statusOf`…), loaded on first call (a failed download rejects; the next call tries again). */
export const loadProgressApi = () => progressApi.load();

/** Like `validateBank` (everything but the fields particular to a question type), but throws a `BankFormatError`. */
export function parseBank(input: unknown): Bank {
  return validOrThrow(validateBankShape(input));
}

/** Complete validation (`validateBank`, `parseBank` with every question type's fields), loaded on first call. */
export const loadValidatorApi = () => validatorApi.load();
const validatorApi = new LazyChunk(() => import('./bank/validate.js'), 'the validator');

/** Catalog loading (`loadCollectionFromUrl`, `loadBundledCollection`…), loaded on first call. */
export const loadCatalogApi = () => catalogApi.load();
const catalogApi = new LazyChunk(() => import('./bank/catalog.js'), 'the catalog API');

startAutoload();
