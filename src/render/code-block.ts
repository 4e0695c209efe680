// A fenced code block: a keyboard-scrollable <pre>, a copy button that reports through a polite
// live region, and highlighting that arrives later from the lazily imported ./highlight.js.
import { html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { RenderStrings } from './strings.js';

type Highlighter = typeof import('./highlight.js');

let highlighter: Highlighter | undefined;
let loadingHighlighter: Promise<Highlighter | undefined> | undefined;

/** Imports the highlighter once; resolves to undefined (code stays plain) if the chunk fails. */
function loadHighlighter(): Promise<Highlighter | undefined> {
  loadingHighlighter ??= import('./highlight.js').then(
    (module) => (highlighter = module),
    () => undefined,
  );
  return loadingHighlighter;
}

/** Renders code as plain text now and swaps in highlighted tokens once the highlighter is loaded. */
class HighlightedCode extends AsyncDirective {
  private code = '';
  private language = '';

  render(code: string, language: string): unknown {
    this.code = code;
    this.language = language;
    if (language === '') return code;
    if (highlighter) return highlighter.highlight(code, language) ?? code;
    void loadHighlighter().then((loaded) => {
      // Skip if this part was re-rendered with other code, or left the page, meanwhile.
      if (loaded && this.isConnected && this.code === code && this.language === language) {
        this.setValue(loaded.highlight(code, language) ?? code);
      }
    });
    return code;
  }

  protected override reconnected(): void {
    if (highlighter && this.language !== '') {
      this.setValue(highlighter.highlight(this.code, this.language) ?? this.code);
    }
  }
}

const highlightedCode = directive(HighlightedCode);

/** How long the button shows "Copied"/"Copy failed" before it reads "Copy" again. */
const FEEDBACK_MS = 2500;
const feedbackTimers = new WeakMap<HTMLElement, ReturnType<typeof setTimeout>>();

async function copyCode(event: Event, code: string, strings: RenderStrings): Promise<void> {
  // currentTarget is gone after the first await: read the DOM first.
  const button = event.currentTarget as HTMLButtonElement;
  const block = button.closest('.code-block');
  const status = block?.querySelector<HTMLElement>('.code-status');
  let copied = false;
  try {
    // Absent in insecure contexts and some embedded webviews.
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(code);
      copied = true;
    }
  } catch {
    copied = false;
  }
  if (!copied) {
    // Select the code so the reader can copy it with the keyboard instead.
    const codeElement = block?.querySelector('code');
    if (codeElement) getSelection()?.selectAllChildren(codeElement);
  }
  button.dataset['state'] = copied ? 'copied' : 'failed';
  if (status) announce(status, copied ? strings.copied : strings.copyFailed);
  clearTimeout(feedbackTimers.get(button));
  feedbackTimers.set(
    button,
    setTimeout(() => {
      button.dataset['state'] = 'idle';
      if (status) status.textContent = '';
    }, FEEDBACK_MS),
  );
}

/** How long a live region stays empty before a repeated message, so screen readers speak it again. */
const REANNOUNCE_MS = 100;

/** Sets a live region's text; empties it first so the same message is announced again. */
function announce(status: HTMLElement, message: string): void {
  status.textContent = '';
  setTimeout(() => {
    status.textContent = message;
  }, REANNOUNCE_MS);
}

/** Turns a fenced block's info string into a language name safe to show and to use as a class. */
export function codeLanguage(info: string | undefined): string {
  const first = (info ?? '').trim().split(/\s/, 1)[0] ?? '';
  return first
    .toLowerCase()
    .replace(/[^\w#+.-]/g, '')
    .slice(0, 32);
}

/** A code block; `language` must come from {@link codeLanguage}. */
export function renderCodeBlock(code: string, language: string, strings: RenderStrings): TemplateResult {
  const label = language === '' ? strings.code : `${strings.code} (${language})`;
  // The status element is rendered empty and filled later: a live region must exist before it speaks.
  return html`<div class="code-block">
    <div class="code-toolbar">
      ${language === '' ? nothing : html`<span class="code-language" aria-hidden="true">${language}</span>`}
      <button
        type="button"
        class="copy"
        data-state="idle"
        aria-label=${strings.copyCode}
        @click=${(event: Event) => copyCode(event, code, strings)}
      >
        <span class="copy-idle">${strings.copy}</span><span class="copy-done">${strings.copied}</span
        ><span class="copy-failed">${strings.copyFailed}</span>
      </button>
      <span class="code-status visually-hidden" role="status"></span>
    </div>
    <pre tabindex="0" role="group" aria-label=${label}><code class=${language === '' ? nothing : `language-${language}`}>${highlightedCode(code, language)}</code></pre>
  </div>`;
}
