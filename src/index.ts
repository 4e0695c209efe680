/**
 * quiz-elements: the public entry. Importing it registers the custom elements and gives the
 * bank format, its validator, the loader and the event classes. Heavy parts (markdown
 * rendering, highlighting, the importer, bundled banks) load on first use.
 */
export * from './bank/index.js';
export * from './events/index.js';
export { QuizCard } from './elements/quiz-card/quiz-card.js';
export { TopicList, type TopicProgress } from './elements/topic-list/topic-list.js';
export { QuestionBrowser } from './elements/question-browser/question-browser.js';
export { QuizStats } from './elements/quiz-stats/quiz-stats.js';
export { ProgressTransfer } from './elements/progress-transfer/progress-transfer.js';
export { progressStats, FORECAST_DAYS, CALENDAR_WEEKS, RETENTION_DAYS, type ProgressStats, type StatsDay, type StatsOptions, type Retention } from './progress/stats.js';
export type { Grade, PracticeSummary } from './practice/practice-set.js';
export type { ImportDiagnostic, ImportOptions, ImportResult, ImportSuccess, TopicRule, TopicRules } from './import/index.js';
export { ImportError } from './import/diagnostics.js';
export { ProgressStore, ProgressFileError, statusOf, questionRef, memoryStorage, MASTERED_AFTER_DAYS, QUESTION_STATUSES, MAX_REVIEWS } from './progress/index.js';
export type {
  ImportSummary,
  MemoryState,
  ProgressChange,
  ProgressExport,
  ProgressFileProblem,
  ProgressProblem,
  ProgressStorage,
  ProgressStoreOptions,
  QuestionProgress,
  QuestionStatus,
  RecordOptions,
  Review,
} from './progress/index.js';

/** `importMarkdown` here is the deprecated name of `importMarkdownAsync` (warns once; removed in 0.3.0). */
export { importMarkdownAsync, importMarkdown } from './import/lazy.js';
export { configureLearningRecords, type LearningRecords, type LearningRecordsConfig, type LearningRecordsOptions, type LearningRecordsTarget, type RecordsNote, type RecordsNoteKind, type XapiAgent } from './records/learning-records.js';
/** With npm every element is registered on import; these resolve at once (the CDN build loads two elements lazily). */
export { defineAll, discover } from './elements/autoload.js';
