import type { ImportOptions, ImportResult } from './markdown.js';

/**
 * Imports a Q&A markdown document in the browser or Node. The importer is loaded on first use,
 * so pages that only show banks never download it.
 */
export async function importMarkdown(source: string, options: ImportOptions = {}): Promise<ImportResult> {
  const { importMarkdown: run } = await import('./markdown.js');
  return run(source, options);
}
