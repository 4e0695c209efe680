/**
 * Collecting an import's diagnostics and telling them: kept apart from the diagnostic type and
 * its formatting (diagnostics.ts), which the elements' entry needs, so this stays in the
 * importers' chunks.
 */
import { formatDiagnostic, ImportError, type ImportDiagnostic } from './diagnostics.js';

const SHOWN_WARNINGS = 20;

/**
 * Questions skipped and other import warnings, for the author: in the console, once per load
 * (loads are shared). Learners see the questions that could be read.
 */
export function reportWarnings(file: string, diagnostics: readonly ImportDiagnostic[]): void {
  const warnings = diagnostics.filter((d) => d.severity === 'warning');
  if (warnings.length === 0 || typeof console === 'undefined') return;
  const skipped = warnings.filter((d) => d.skipped).length;
  const lines = warnings.slice(0, SHOWN_WARNINGS).map(formatDiagnostic);
  if (warnings.length > SHOWN_WARNINGS) lines.push(`… and ${warnings.length - SHOWN_WARNINGS} more ("npx quiz-elements import <file>" lists them all)`);
  const counts = `${warnings.length} warning${warnings.length === 1 ? '' : 's'}${skipped ? `, ${skipped} question${skipped === 1 ? '' : 's'} skipped` : ''}`;
  console.warn(`quiz-elements: ${file}: ${counts}:\n${lines.join('\n')}`);
}

/** Collects diagnostics for one document. */
export class Diagnostics {
  readonly list: ImportDiagnostic[] = [];
  constructor(readonly file: string) {}
  warn = (line: number, message: string, skipped = false) => {
    this.list.push({ severity: 'warning', file: this.file, line: Math.max(1, line), message, ...(skipped ? { skipped: true } : {}) });
  };
  fail = (line: number, message: string) => {
    this.list.push({ severity: 'error', file: this.file, line: Math.max(1, line), message });
  };
  /** In line order; with `strict`, every warning counts as an error. */
  finish(strict: boolean): ImportDiagnostic[] {
    const list = strict ? this.list.map((d) => (d.severity === 'warning' ? { ...d, severity: 'error' as const } : d)) : this.list;
    return [...list].sort((a, b) => a.line - b.line);
  }
}

/** The error when every question was skipped: the first reasons, so a page's error message says why. */
export function nothingRead(diagnostics: readonly ImportDiagnostic[]): string {
  const skipped = diagnostics.filter((d) => d.skipped);
  const reasons = skipped.slice(0, 3).map((d) => `line ${d.line}: ${d.message}`);
  if (skipped.length > 3) reasons.push(`and ${skipped.length - 3} more`);
  return `no question could be read: ${skipped.length === 1 ? 'the one question found was skipped' : `all ${skipped.length} questions found were skipped`} (${reasons.join('; ')})`;
}

/** `result` as it is; or, asked to throw (`throwOnError`) and without a bank, an `ImportError` with its diagnostics. */
export function settleImport<R extends { bank: unknown; diagnostics: ImportDiagnostic[] }>(result: R, options: { throwOnError?: boolean }): R {
  if (options.throwOnError && !result.bank) throw new ImportError(result.diagnostics);
  return result;
}
