/**
 * The one-line summary of a document's import, as the CLI prints it and the authoring page shows
 * it: `notes.md: 93 questions, 2 skipped (lines 40, 212), 4 warnings`.
 */
import type { ImportDiagnostic } from './diagnostics.js';

/** `1 question`, `2 questions`. */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The summary of `file` among `diagnostics` (which may cover several files); `questions` is null when no bank was made. */
export function documentSummary(file: string, questions: number | null, diagnostics: readonly ImportDiagnostic[]): string {
  const own = diagnostics.filter((d) => d.file === file);
  const skipped = own.filter((d) => d.skipped).map((d) => d.line);
  const warnings = own.filter((d) => d.severity === 'warning').length;
  const errors = own.filter((d) => d.severity === 'error').length;
  const parts = [questions === null ? 'not imported' : plural(questions, 'question')];
  if (skipped.length) parts.push(`${skipped.length} skipped (line${skipped.length === 1 ? '' : 's'} ${shortList(skipped)})`);
  parts.push(plural(warnings, 'warning'));
  if (errors) parts.push(plural(errors, 'error'));
  return `${file}: ${parts.join(', ')}`;
}

function shortList(lines: readonly number[]): string {
  return lines.length <= 8 ? lines.join(', ') : `${lines.slice(0, 8).join(', ')}, … ${lines.length - 8} more`;
}
