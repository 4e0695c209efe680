/**
 * The one bank loader every element uses: from a URL (JSON, or markdown imported in place), from
 * the bundled banks, or from a value or text on the page. Every failure a page author can cause
 * rejects with a `BankLoadError` whose message says what failed, where, and what to do.
 *
 * Two parts, so that a page pays only for what it uses: `load-core.ts` (banks given on the page,
 * validation messages, lazy parts) and `load-url.ts` (URLs and bundled ids: fetching, sharing,
 * caching, time limits, aborting; see there). The elements import `load-url.ts` lazily; this
 * module is the whole loader, as the npm package exports it.
 */
export { BankLoadError, type BankLoadErrorDetails, type BankLoadErrorKind } from './load-errors.js';
export {
  bankFromDocument,
  bankFromInlineDocument,
  bankFromJsonText,
  bankFromMarkdown,
  bankFromValue,
  lazyModule,
  namedBankFromValue,
  type LoadedBank,
} from './load-core.js';
export {
  checkedCatalog,
  clearBankCache,
  isCatalogValue,
  loadBankFromUrl,
  loadBundledBank,
  loadDocumentFromUrl,
  type LoadedCatalog,
  type LoadedDocument,
  type LoadOptions,
} from './load-url.js';
