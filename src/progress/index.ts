/**
 * Learner progress: the store, its record format and scheduling. `status.ts` and the store are
 * light; FSRS (`fsrs.ts`) is loaded by `loadScheduler()` only when a grade is recorded or previewed.
 */
export * from './types.js';
export { statusOf } from './status.js';
export { ProgressStore, type ProgressStoreOptions, type RecordOptions } from './store.js';
export { loadScheduler, type Scheduler } from './schedule.js';
export { MAX_REVIEWS, RECORD_VERSION, EXPORT_FORMAT, ProgressFileError, parseRecord, parseExport, questionRef, recordKey, type ParsedRecord, type ProgressFileProblem } from './record.js';
export { webStorage } from './web-storage.js';
export { memoryStorage } from './memory-storage.js';
