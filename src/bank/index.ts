/** Public entry `quiz-elements/bank`: the bank format, its validator and the loaders (banks and catalogs), without any UI. */
export * from './types.js';
export * from './validate.js';
export {
  BankLoadError,
  bankFromJsonText,
  bankFromDocument,
  bankFromMarkdown,
  bankFromValue,
  clearBankCache,
  loadBankFromUrl,
  loadBundledBank,
  type BankLoadErrorDetails,
  type BankLoadErrorKind,
  type LoadedBank,
  type LoadOptions,
} from './load.js';
export type { DocumentFormat } from '../import/format.js';
/** The type of `BankLoadError.diagnostics` (kind `import`). */
export type { ImportDiagnostic } from '../import/diagnostics.js';
export {
  collectionFromJsonText,
  collectionFromValue,
  loadBundledCollection,
  loadCollectionFromUrl,
  type CatalogFailure,
  type LoadedCollection,
} from './catalog.js';
export { bundledBankIds, bundledBanksUrl } from './bundled.js';
export { bundledBanks } from './bundled-catalog.js';
export { QUESTION_TYPES, questionType, type CheckedType, type QuestionType } from '../interactions/interaction.js';
export type { Grading, InteractionReport, InteractionType } from '../interactions/grading.js';
