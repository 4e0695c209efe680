import { CATALOG_FORMAT, type Bank, type Catalog, type CatalogEntry } from '../bank/types.js';
import { ImportError, type ImportDiagnostic } from './diagnostics.js';
import { importDocument, type DocumentFormat } from './document.js';
import type { TopicRules } from './topics.js';
import { linkVariantsAcrossBanks } from './variants.js';

export interface SourceDocument {
  /** Name used in diagnostics: a path or URL. */
  file: string;
  source: string;
  /** Bank id for this document; otherwise taken from front matter or the file name. */
  id?: string;
  language?: string;
  /** The bank's `shortTitle` (a word or two); otherwise front matter `shortTitle` (markdown). */
  shortTitle?: string;
  /** Otherwise told by the file name (`.gift`) and the text. */
  format?: DocumentFormat;
}

export interface DocumentsResult {
  /** Empty when any document has errors: a partial set of banks is never returned. */
  banks: Bank[];
  diagnostics: ImportDiagnostic[];
  /** Questions each document gave (null: it gave no bank, or one whose id another document already has), in the order given. */
  counts: { file: string; questions: number | null }[];
}

/**
 * Imports several documents as one set: questions with the same title in different banks are
 * linked as variants (the earliest document wins), and bank ids must not collide. With
 * `throwOnError: true`, a set with errors throws one `ImportError` holding every document's diagnostics.
 */
export function importDocuments(documents: readonly SourceDocument[], topics?: TopicRules, options: { strict?: boolean; throwOnError?: boolean } = {}): DocumentsResult {
  const diagnostics: ImportDiagnostic[] = [];
  const banks: Bank[] = [];
  const firstFileById = new Map<string, string>();
  const counts: DocumentsResult['counts'] = [];
  for (const document of documents) {
    const result = importDocument(document.source, { ...(topics ? { topics } : {}), file: document.file, id: document.id, language: document.language, shortTitle: document.shortTitle, format: document.format, strict: options.strict });
    diagnostics.push(...result.diagnostics);
    counts.push({ file: document.file, questions: result.bank?.questions.length ?? null });
    if (!result.bank) continue;
    const earlier = firstFileById.get(result.bank.id);
    if (earlier !== undefined) {
      counts[counts.length - 1]!.questions = null;
      diagnostics.push({ severity: 'error', file: document.file, line: 1, message: `bank id "${result.bank.id}" is already used by ${earlier}; give one of them another id` });
      continue;
    }
    firstFileById.set(result.bank.id, document.file);
    banks.push(result.bank);
  }
  if (diagnostics.some((d) => d.severity === 'error')) {
    if (options.throwOnError) throw new ImportError(diagnostics);
    return { banks: [], diagnostics, counts };
  }
  linkVariantsAcrossBanks(banks);
  return { banks, diagnostics, counts };
}

/** The catalog entry of a bank stored as `<id>.json` beside the catalog. */
export function catalogEntry(bank: Bank): CatalogEntry {
  return { id: bank.id, title: bank.title, language: bank.language, questionCount: bank.questions.length, src: `./${bank.id}.json` };
}

/** A catalog of `banks`, keeping entries of `previous` that are not replaced, in their order. */
export function buildCatalog(banks: readonly Bank[], previous?: Catalog): Catalog {
  const fresh = new Map(banks.map((bank) => [bank.id, catalogEntry(bank)]));
  const kept = (previous?.banks ?? []).map((entry) => fresh.get(entry.id) ?? entry);
  const added = [...fresh.values()].filter((entry) => !kept.some((k) => k.id === entry.id));
  return { format: CATALOG_FORMAT, banks: [...kept, ...added] };
}

/** The committed form of banks and catalogs: two-space JSON with a final newline, for clean diffs. */
export function toJsonFile(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
