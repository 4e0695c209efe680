import { html, nothing, type TemplateResult } from 'lit';
import { BankLoadError } from '../bank/load-errors.js';
import { formatIssues } from '../bank/validate-core.js';
import type { UiStrings } from '../i18n/index.js';
import { formatDiagnostic } from '../import/diagnostics.js';

/**
 * What a load failure means for the reader, in the element's language: a sentence naming what
 * failed and where, plus technical details (validation paths, file:line) for the page author.
 */
export function describeLoadError(error: unknown, s: UiStrings): { message: string; details: string } {
  if (!(error instanceof BankLoadError)) return { message: s.errors.unknown, details: error instanceof Error ? error.message : String(error) };
  // Named as the author wrote it: the URL, the bundled bank, or the element's own inline source.
  const where = error.url ?? (error.bankId !== undefined ? s.sourceBundled(error.bankId) : s.sourceInline);
  const details = error.issues?.length
    ? formatIssues(error.issues, 5)
    : error.diagnostics?.length
      ? error.diagnostics.filter((d) => d.severity === 'error').slice(0, 5).map(formatDiagnostic).join('\n')
      : '';
  // The loader's own sentence is English: on other pages it would repeat the message in another
  // language, so they get only its technical cause (a JSON parse error) as details.
  const fallback = s.lang.startsWith('en') ? error.message : error.cause instanceof Error ? error.cause.message : '';
  switch (error.kind) {
    case 'http':
      return { message: s.errors.http(where, String(error.status ?? '')), details };
    case 'network':
      return { message: s.errors.network(where), details };
    case 'url':
      return { message: s.errors.url(where), details };
    case 'timeout':
      return { message: s.errors.timeout(where, Math.round((error.timeoutMs ?? 15_000) / 100) / 10), details };
    case 'not-json':
      return { message: s.errors.notJson(where), details: details || fallback };
    case 'not-a-bank':
      return { message: s.errors.notABank(where), details: details || fallback };
    case 'format':
      return { message: s.errors.format(where), details: details || fallback };
    case 'import':
      return { message: s.errors.import(where), details: details || fallback };
    case 'unknown-bundled':
      return { message: s.errors.unknownBundled(error.bankId ?? '', (error.known ?? []).join(', ')), details };
    default:
      return { message: s.errors.unknown, details: error.message };
  }
}

/**
 * The error box every element shows when loading failed: what failed and where, the details for
 * the page author, and Retry. With `noSource` (the page gave no source at all, a mistake Retry
 * cannot fix) that message shows and there is no Retry.
 */
export function renderLoadError(error: unknown, s: UiStrings, { retry, noSource }: { retry: () => void; noSource?: string }): TemplateResult {
  const { message, details } = noSource !== undefined ? { message: noSource, details: '' } : describeLoadError(error, s);
  return html`
    <div part="error" class="error" role="alert">
      <p class="message"><strong>${s.errorTitle}</strong></p>
      <p class="message">${message}</p>
      ${details ? html`<pre>${details}</pre>` : nothing}
    </div>
    ${noSource !== undefined ? nothing : html`<div class="actions"><button part="button" type="button" @click=${retry}>${s.retry}</button></div>`}
  `;
}
