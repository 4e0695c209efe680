/**
 * quiz-elements: the public entry. Importing it gives the bank format, its validator and the
 * Markdown importer's types; the custom elements register themselves from their own modules.
 */
export * from './bank/index.js';
export { formatDiagnostic, ImportError, type ImportDiagnostic, type ImportOptions, type ImportResult } from './import/index.js';

/**
 * Imports a Q&A markdown document in the browser or Node. The importer is loaded on first use,
 * so pages that only show banks never download it.
 */
export async function importMarkdown(source: string, options: import('./import/markdown.js').ImportOptions) {
  const { importMarkdown: run } = await import('./import/markdown.js');
  return run(source, options);
}
