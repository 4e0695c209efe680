import { initialState, TaskStatus } from '@lit/task';
import type { TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { LoadedCollection } from '../bank/catalog.js';
import type { LoadedBank } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { ChineseFontsController } from './chinese-fonts-controller.js';
import { loadCollectionOf } from './collection-source.js';
import { renderLoadError } from './load-error-message.js';
import { MissingSourceError, QuizElement } from './quiz-element.js';

/**
 * What `<topic-list>` and `<quiz-stats>` share: they show a bank or catalog named by `src`, `bank`
 * or an inline source (`loadCollectionOf`), or the `banks` a parent already holds, and then load
 * nothing. Updates wait for the UI strings, so no English flashes before the Chinese. While
 * loading they show a skeleton, and a failed load its reason and Retry (`renderLoaded`).
 */
export abstract class CollectionElement extends QuizElement<LoadedCollection> {
  /** URL of a bank JSON, a catalog JSON or a `.md` Q&A document, resolved against the page. */
  @property() src?: string;

  /** Id of a bundled bank or `*` for every bundled bank (attribute), or a bank or catalog object (property). */
  @property({ attribute: 'bank' }) bank?: string | Bank | Record<string, unknown>;

  /** Banks a parent has already loaded (`LoadedBank[]` or `Bank[]`, not validated again): nothing is loaded. */
  @property({ attribute: false }) banks?: readonly (LoadedBank | Bank)[];

  protected static override holdsUpdatesForStrings = true;

  /** Chinese fonts after the page's own for Chinese text, unless `--quiz-font-family` is set (lists and tables hold a lot of it). */
  protected readonly fonts = new ChineseFontsController(this);

  protected override async load(signal: AbortSignal): Promise<LoadedCollection | typeof initialState> {
    if (this.banks) return initialState;
    const collection = await loadCollectionOf({ src: this.src, bank: this.bank, inline: this.context.inline, timeout: this.timeout }, signal);
    if (!collection) throw new MissingSourceError();
    return collection;
  }

  protected override loadArgs() {
    return [this.banks, this.src, this.bank, this.context.inline, this.timeout];
  }

  /** Banks given as a property need no loading: the server's rendering (quiz-elements/ssr) can go at once. */
  protected override canReplaceServerContent(): boolean {
    return !!this.banks || super.canReplaceServerContent();
  }

  /** The banks to show: `banks`, else the loaded collection, else undefined (loading or failed). */
  protected get shownBanks(): readonly (LoadedBank | Bank)[] | LoadedCollection | undefined {
    return this.banks ?? (this.loadTask.status === TaskStatus.COMPLETE ? this.loadTask.value : undefined);
  }

  /** Whether the banks are loading (`aria-busy`): never with `banks`. */
  protected get loading(): boolean {
    return !this.banks && this.loadTask.status === TaskStatus.PENDING;
  }

  /**
   * `loaded()` once the banks are here (at once with `banks`), `skeleton()` while they load, else
   * why they could not be loaded with Retry; `noSource` is the message for a page that names no source.
   */
  protected renderLoaded(loaded: () => TemplateResult, skeleton: () => TemplateResult, noSource: string): TemplateResult | undefined {
    if (this.banks) return loaded();
    return this.loadTask.render({
      initial: skeleton,
      pending: skeleton,
      error: (error) => renderLoadError(error, this.strings, { retry: () => void this.loadTask.run(), noSource: error instanceof MissingSourceError ? noSource : undefined }),
      complete: loaded,
    });
  }
}
