// A fenced code block: a keyboard-scrollable <pre>, a copy button that reports through a polite
// live region, and highlighting that arrives later from the lazily imported ./highlight.js.
import { html, nothing, type TemplateResult } from 'lit';
import { AsyncDirective, directive } from 'lit/async-directive.js';
import type { ChildPart } from 'lit/directive.js';
import { codeBlockStyles } from './code-block.styles.js';
import type { RenderStrings } from './strings.js';
import { LazyChunk } from '../lazy.js';

type Highlighter = typeof import('./highlight.js');

/** Highlighting: a chunk of its own, loaded on the first code block that names a language (code stays plain while it cannot be). */
const highlighterChunk = new LazyChunk<Highlighter>(() => import('./highlight.js'), 'code highlighting');

/** Shadow roots (or the document) that already have the code-block styles. */
const styled = new WeakSet<Document | ShadowRoot>();

/** Adds the toolbar and token styles to the root a code block is rendered in, once. */
function adoptStyles(node: Node | undefined, retry = true): void {
  const root = node?.getRootNode();
  // Lit fills a template before inserting it: look again once it is in place.
  if (retry && node && !node.isConnected) return queueMicrotask(() => adoptStyles(node, false));
  if (!(root instanceof ShadowRoot || root instanceof Document) || styled.has(root)) return;
  const sheet = codeBlockStyles.styleSheet;
  if (sheet) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  styled.add(root);
}

/** Renders code as plain text now and swaps in highlighted tokens once the highlighter is loaded. */
class HighlightedCode extends AsyncDirective {
  private code = '';
  private language = '';

  override update(part: ChildPart, [code, language]: [string, string]): unknown {
    adoptStyles(part.parentNode);
    return this.render(code, language);
  }

  render(code: string, language: string): unknown {
    this.code = code;
    this.language = language;
    if (language === '') return code;
    if (highlighterChunk.value) return highlighterChunk.value.highlight(code, language) ?? code;
    void highlighterChunk.request().then((loaded) => {
      // Skip if this part was re-rendered with other code, or left the page, meanwhile.
      if (loaded && this.isConnected && this.code === code && this.language === language) {
        this.setValue(loaded.highlight(code, language) ?? code);
      }
    });
    return code;
  }

  protected override reconnected(): void {
    const highlighter = highlighterChunk.value;
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

/** A code block; `language` must come from `codeLanguage` (markdown.ts), which loads this module on the first block. */
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
