/** A problem found while importing, pointing at the line an author has to fix. */
export interface ImportDiagnostic {
  severity: 'error' | 'warning';
  /** The document's name as given to the importer (a path in the CLI, a URL in the browser). */
  file: string;
  /** 1-based line in the original document. */
  line: number;
  message: string;
  /** The warning tells of a question that was left out of the bank. */
  skipped?: boolean;
}

/** `file:line: error: message`, the shape editors and terminals turn into links. */
export function formatDiagnostic(d: ImportDiagnostic): string {
  return `${d.file}:${d.line}: ${d.severity}: ${d.message}`;
}

/**
 * An import that failed, as an exception: what `importMarkdown`, `importGift`, `importDocument`,
 * `importDocuments` and `importMarkdownAsync` throw when called with `throwOnError: true` and the
 * document gives no bank. `message` is the errors, one `file:line: error: message` per line;
 * `diagnostics` holds every diagnostic, warnings too.
 */
export class ImportError extends Error {
  readonly diagnostics: ImportDiagnostic[];

  constructor(diagnostics: ImportDiagnostic[]) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    super(errors.map(formatDiagnostic).join('\n') || 'import failed');
    this.name = 'ImportError';
    this.diagnostics = diagnostics;
  }
}
