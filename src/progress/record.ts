/**
 * The stored form of progress: one storage key per question and a versioned JSON record as its
 * value (`stored-record.ts`), and the export file (`progress-file.ts`). Two modules, so that the
 * store records answers without the export file's reader, which it loads only to import a file.
 */
export {
  RECORD_VERSION,
  MAX_REVIEWS,
  EXPORT_FORMAT,
  MAX_UNDONE,
  progressPrefix,
  recordKey,
  parseRecordKey,
  setAsideKey,
  setAsidePrefix,
  questionRef,
  emptyMemory,
  serializeRecord,
  parseRecord,
  mergeProgress,
  unitedUndone,
  keepNewest,
  reviewId,
  byTime,
  type ParsedRecord,
  type MergedProgress,
} from './stored-record.js';
export { ProgressFileError, parseExport, type ProgressFileProblem } from './progress-file.js';
