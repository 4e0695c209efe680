import type { ImportOptions, ImportResult, ImportSuccess } from './markdown.js';
import { LazyChunk } from '../lazy.js';

const importer = new LazyChunk(() => import('./markdown.js'), 'the markdown importer');

/**
 * Imports a Q&A markdown document in the browser or Node, like `importMarkdown` from
 * `quiz-elements/import`, but asynchronously: the importer is loaded on first use, so pages that
 * only show banks never download it. If that download fails, this rejects with its error and the
 * next call tries again. With `throwOnError: true` an import with errors rejects with an `ImportError`.
 */
export function importMarkdownAsync(source: string, options: ImportOptions & { throwOnError: true }): Promise<ImportSuccess>;
export function importMarkdownAsync(source: string, options?: ImportOptions): Promise<ImportResult>;
export async function importMarkdownAsync(source: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { importMarkdown: run } = await importer.load();
  return run(source, options);
}

/** Said once per page or process, the first time the deprecated name is called. Short: it ships in the CDN entry. */
const DEPRECATED =
  "quiz-elements: importMarkdown is deprecated (gone in 0.3.0); use importMarkdownAsync, the same function.";

let warned = false;

/**
 * The asynchronous importer under its old name.
 * @deprecated Since 0.2.0, removed in 0.3.0: the same name is synchronous in `quiz-elements/import`.
 * Use {@link importMarkdownAsync} (same arguments, same result), or the synchronous
 * `importMarkdown` from `quiz-elements/import`.
 */
export function importMarkdown(source: string, options: ImportOptions = {}): Promise<ImportResult> {
  if (!warned) {
    warned = true;
    console.warn(DEPRECATED);
  }
  return importMarkdownAsync(source, options);
}
