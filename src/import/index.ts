export { importMarkdown, type ImportOptions, type ImportResult } from './markdown.js';
export { importDocument, documentFormat, looksLikeGift, type DocumentFormat, type DocumentOptions } from './document.js';
export { exportGift, importGift, type GiftAnswer, type GiftExport, type GiftNumber, type GiftRecord } from './gift.js';
export { formatDiagnostic, ImportError, type ImportDiagnostic } from './diagnostics.js';
export { assignTopics, checkTopicRules, type TopicRule, type TopicRules } from './topics.js';
export { linkVariantsAcrossBanks, linkVariantsInBank } from './variants.js';
export { normalizeTitle, questionIdFromTitle } from './question-id.js';
export { buildCatalog, catalogEntry, importDocuments, toJsonFile, type DocumentsResult, type SourceDocument } from './documents.js';
