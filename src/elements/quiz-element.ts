import { Task, type initialState } from '@lit/task';
import { isServer, LitElement, ReactiveElement, type PropertyDeclarations, type PropertyValues } from 'lit';
import { QuizErrorEvent } from '../events/quiz-error.js';
import { stringsFor, type UiStrings } from '../i18n/index.js';
import { abortWhenRemoved } from './abort-when-removed.js';
import { PageContextController } from './page-context.js';

/**
 * What `<quiz-card>`, `<topic-list>` and `<question-browser>` share:
 * - the UI language: the element's own `lang` (followed as it changes), else its page's, and the strings of that language;
 * - the inline source children (`context.inline`);
 * - `theme` and `timeout`, and updates held while the UI strings load (`holdsUpdatesForStrings`);
 * - the load task: `load()` runs when `loadArgs()` change, is aborted when the element leaves
 *   the page, and a failure fires `quiz-error` (never for an abort).
 */
export abstract class QuizElement<Loaded> extends LitElement {
  static override properties: PropertyDeclarations = {
    timeout: { type: Number },
    theme: { reflect: true },
  };

  /** Milliseconds before a hanging load gives up. */
  timeout = 15_000;

  /** Force `light` or `dark`; by default the element follows the system preference. */
  declare theme?: 'light' | 'dark';

  /** The inline source and the UI strings of the element's language, kept current. */
  protected readonly context = new PageContextController(this, () => this.languageChanged());

  /** Loads what the element shows (see `load`). */
  protected readonly loadTask = abortWhenRemoved(
    this,
    new Task<readonly unknown[], Loaded>(this, {
      task: (_args, { signal }) => this.load(signal),
      args: () => this.loadArgs(),
      onError: (error) => {
        if ((error as Error)?.name !== 'AbortError') this.dispatchEvent(new QuizErrorEvent({ error }));
      },
    }),
  );

  /** Loads what the element shows, from its current properties and `context.inline` (`initialState`: nothing to load). */
  protected abstract load(signal: AbortSignal): Promise<Loaded | typeof initialState>;

  /** The values `load` reads: it runs again when one changes. */
  protected abstract loadArgs(): readonly unknown[];

  /** The UI strings of the element's language. */
  protected get strings(): UiStrings {
    // On the server (quiz-elements/ssr) no controller runs: the element's own `lang` decides.
    return isServer ? stringsFor(this.getAttribute('lang')) : this.context.strings;
  }

  /**
   * Hold updates while the UI strings of the element's language load, so no English flashes
   * first (topic-list, question-browser). `<quiz-card>` renders a bare skeleton instead, so its
   * bank loads meanwhile.
   */
  protected static holdsUpdatesForStrings = false;

  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = (this.constructor as typeof QuizElement).holdsUpdatesForStrings && this.context.stringsPending;
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Called when the UI language changes, before the update that shows it. */
  protected languageChanged(): void {}

  /**
   * What the server rendered (`quiz-elements/ssr`: a declarative shadow root the page's parser
   * attached before this element was defined). It stays on screen, and `render()` adds nothing,
   * until the load task has settled; then it goes in the same update that draws the element's own
   * content, so nothing flashes or shifts.
   */
  protected serverRendered: ChildNode[] | null = this.shadowRoot ? [...this.shadowRoot.childNodes] : null;

  protected override createRenderRoot(): HTMLElement | DocumentFragment {
    const root = super.createRenderRoot();
    // Lit renders before the root's first child, which would be the server's content that goes: after it instead.
    if (this.serverRendered) this.renderOptions.renderBefore = null;
    return root;
  }

  protected override update(changed: PropertyValues): void {
    const server = this.serverRendered;
    if (server) {
      // Until the element can draw what the server drew, the server's content stays and nothing is
      // rendered: ReactiveElement's update (attributes, bookkeeping) without LitElement's render, as
      // Lit's own server renderer does.
      if (!this.canReplaceServerContent()) return (ReactiveElement.prototype as unknown as { update(changed: PropertyValues): void }).update.call(this, changed);
      this.takeOver();
      for (const node of server) node.remove();
      this.serverRendered = null;
    }
    super.update(changed);
  }

  /** Whether the element has what it needs to replace the server's content: by default, once its load task has settled. */
  protected canReplaceServerContent(): boolean {
    return this.loadTask.status > 1;
  }

  /** Just before the server's content (`serverRendered`) goes: carry over what the learner did with it (an opened answer). */
  protected takeOver(): void {}

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    // An observer of the attribute would report it after the next update: re-read it now.
    if (name === 'lang') this.context.updateLanguage();
  }
}

/** No src, bank or inline source: a page-author mistake, reported without a Retry button. */
export class MissingSourceError extends Error {
  constructor() {
    super('no question source');
    this.name = 'MissingSourceError';
  }
}
