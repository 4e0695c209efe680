import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { collectionStrings } from '../../i18n/collection.js';
import { ProgressFileError } from '../../progress/record.js';
import * as progressStoreModule from '../../progress/store.js';
import type { ProgressStore } from '../../progress/store.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { PageContextController } from '../page-context.js';
import { ProgressController, provideStoreModule } from '../progress-controller.js';
import { exportFileName } from './export-file.js';
import { progressTransferStyles } from './progress-transfer.styles.js';

// Export and import need the store at once: its code comes with this element.
provideStoreModule(progressStoreModule);

/** How long a download's object URL is kept (the browser has started saving it long before). */
const DOWNLOAD_URL_MS = 60_000;

/**
 * Export progress and Import progress: the learner saves the progress store as a JSON file
 * (`quiz-progress-<key>-<date>.json`), to keep it or to carry it to another browser, and merges
 * such a file back in (per question the newest review wins; nothing is lost on either side). The
 * elements that show progress follow the store, so they show the imported progress at once.
 *
 * What the last export or import did is said politely under the buttons, on a line kept free for
 * it so nothing moves when it appears. A file that is not a progress export changes nothing: an
 * alert names the file and why (what part of it is wrong stays in English: it names fields), with
 * a Dismiss button.
 *
 * `<question-browser>` shows one under its results. With `no-progress`, or when the page's
 * storage cannot be used at all, it shows nothing.
 *
 * @summary Save learner progress to a file, and merge a saved file back in.
 *
 * @attr {string} lang - UI language (`zh-*`: Chinese, else English); without it the nearest ancestor's `lang`, else the document's (followed when it changes).
 *
 * @csspart base - The outer box.
 * @csspart tools - The row of the two buttons.
 * @csspart button - Every button (Export progress, Import progress, Dismiss).
 * @csspart message - The line saying what the last export or import did.
 * @csspart error - The alert when a file cannot be imported.
 *
 * @cssprop --quiz-fg - Text colour.
 * @cssprop --quiz-bg - Background of the buttons.
 * @cssprop --quiz-muted - The message's colour.
 * @cssprop --quiz-border - Border of the buttons.
 * @cssprop --quiz-wrong - Border of the alert.
 * @cssprop --quiz-focus-ring - Focus outline colour.
 * @cssprop --quiz-radius - Corner radius.
 * @cssprop --quiz-font-family - Font family.
 * @cssprop --quiz-font-size - Base font size.
 */
@customElement('quiz-progress-transfer')
export class ProgressTransfer extends LitElement {
  static override styles = [themeStyles, progressTransferStyles];

  /** Whose (or which course's) progress to export and import into: elements with the same key share one store, kept in localStorage. */
  @property({ attribute: 'progress-key' }) progressKey = 'default';

  /** A progress store to use instead of the page's one for `progress-key`. */
  @property({ attribute: false }) progressStore?: ProgressStore;

  /** Show nothing (as the other elements' `no-progress`). */
  @property({ type: Boolean, attribute: 'no-progress' }) noProgress = false;

  /** Force `light` or `dark`; by default the element follows the system preference. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** What the last export or import did, read out politely. */
  @state() private message = '';
  /** Why the last import failed, shown as an alert. */
  @state() private importError = '';

  @query('input[type="file"]') private fileInput?: HTMLInputElement;

  private readonly context = new PageContextController(this);
  private readonly progress = new ProgressController(this, { eager: () => true });

  private get strings() {
    return collectionStrings(this.context.strings);
  }

  /** No English flashes before the Chinese strings arrive. */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = this.context.stringsPending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.context.updateLanguage();
  }

  protected override willUpdate(): void {
    this.progress.sync();
  }

  /** Saves the store as a JSON file: `quiz-progress-<key>-<date>.json`. */
  private exportProgress = (): void => {
    const store = this.progress.store;
    if (!store) return;
    try {
      const data = store.exportData();
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = exportFileName(data.progressKey, data.exportedAt);
      link.hidden = true;
      this.renderRoot.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), DOWNLOAD_URL_MS);
      this.importError = '';
      this.say(this.strings.exportedProgress(data.questions.length));
    } catch (error) {
      console.warn('quiz-elements: progress could not be exported', error);
    }
  };

  private chooseFile = (): void => {
    this.fileInput?.click();
  };

  /** Why an import failed, in the UI language; what part of the file is wrong stays in English (it names fields). */
  private failureReason(error: unknown): string {
    if (!(error instanceof ProgressFileError)) return error instanceof Error ? error.message : String(error);
    const reason = this.strings.progressFileProblems[error.problem];
    return error.problem === 'invalid' ? `${reason}: ${error.message.replace(/^Not a valid progress file: /, '').replace(/\.$/, '')}` : reason;
  }

  /** Merges the chosen file into the store; a file that is not a progress export changes nothing and says why. */
  private onFileChosen = async (event: Event): Promise<void> => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    const store = this.progress.store;
    if (!file || !store) return;
    const s = this.strings;
    this.importError = '';
    try {
      const summary = await store.importData(await file.text());
      this.say(s.importedProgress(summary));
    } catch (error) {
      this.message = '';
      this.importError = s.importProgressFailed(file.name, this.failureReason(error));
    } finally {
      input.value = ''; // the same file again is a new choice
    }
  };

  /** A polite message; cleared first, so the same message is read again. */
  private say(message: string): void {
    this.message = '';
    void this.updateComplete.then(() => {
      this.message = message;
    });
  }

  protected override render(): TemplateResult | typeof nothing {
    if (!this.progress.store) return nothing;
    const s = this.strings;
    return html`
      <div part="base" class="base" lang=${s.lang}>
        <div part="tools" class="tools">
          <button part="button" type="button" @click=${this.exportProgress}>${s.exportProgress}</button>
          <button part="button" type="button" @click=${this.chooseFile}>${s.importProgress}</button>
          <input type="file" accept=".json,application/json" hidden aria-label=${s.importProgress} @change=${this.onFileChosen} />
        </div>
        <p part="message" class="message" role="status">${this.message || nothing}</p>
        ${this.importError
          ? html`<div part="error" class="error" role="alert">
              <p>${this.importError}</p>
              <button part="button" type="button" @click=${() => (this.importError = '')}>${s.dismiss}</button>
            </div>`
          : nothing}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quiz-progress-transfer': ProgressTransfer;
  }
}
