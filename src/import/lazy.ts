import type { ImportOptions, ImportResult } from './markdown.js';
import { LazyChunk } from '../lazy.js';

const importer = new LazyChunk(() => import('./markdown.js'), 'the markdown importer');

/**
 * Imports a Q&A markdown document in the browser or Node. The importer is loaded on first use,
 * so pages that only show banks never download it; if that fails, this rejects and the next call tries again.
 */
export async function importMarkdown(source: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { importMarkdown: run } = await importer.load();
  return run(source, options);
}
