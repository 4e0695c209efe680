/**
 * One entry for every document format the importer reads: GIFT (by its `.gift` name or its
 * look) and markdown (everything else: Q&A notes, quizdown, LiaScript).
 */
import { documentFormat, type DocumentFormat } from './format.js';
import { importGift } from './gift.js';
import { importMarkdown, type ImportOptions, type ImportResult, type ImportSuccess } from './markdown.js';

export { documentFormat, looksLikeGift, type DocumentFormat } from './format.js';

export interface DocumentOptions extends ImportOptions {
  /** The document's format; otherwise from the file name (`.gift`) or the text. */
  format?: DocumentFormat;
}

/** Imports a document in any format the importer reads. With `throwOnError: true`, an import with errors throws an `ImportError`. */
export function importDocument(source: string, options: DocumentOptions & { throwOnError: true }): ImportSuccess;
export function importDocument(source: string, options?: DocumentOptions): ImportResult;
export function importDocument(source: string, options: DocumentOptions = {}): ImportResult {
  const format = options.format ?? documentFormat(source, options.file);
  return format === 'gift' ? importGift(source, options) : importMarkdown(source, options);
}
