/**
 * The library's one way to load a part of itself lazily (every dynamic `import()` goes through
 * a `LazyChunk`), with one failure policy:
 * - the part is downloaded once and shared by every caller;
 * - a failed download is logged and remembered in `failed`, so the caller can show a visible
 *   note (an element's "could not be loaded" box with Retry, a loader's `BankLoadError`);
 * - it is then forgotten: the next use downloads again.
 *
 * Free of DOM and Lit: data code (bank loading, scheduling) uses it in Node too.
 */
export class LazyChunk<T> {
  /** The module, once downloaded. */
  value: T | undefined;
  /** The last download failed (and nothing has been tried since). */
  failed = false;
  #loading: Promise<T> | undefined;

  /**
   * @param importer - The dynamic import, written where the module lives so the bundler splits it there.
   * @param what - What the part is, for messages: "the summary", "the markdown importer".
   */
  readonly #importer: () => Promise<T>;
  readonly what: string;

  /**
   * @param importer - The dynamic import, written where the module lives so the bundler splits it
   *   there; or, for a part made of other chunks, a function of their `load()`s.
   * @param what - What the part is, for messages: "the summary", "the markdown importer".
   */
  constructor(importer: () => Promise<T>, what: string) {
    this.#importer = importer;
    this.what = what;
  }

  /** The module, downloaded on the first call; rejects with the download's error (and the next call tries again). */
  load(): Promise<T> {
    this.#loading ??= this.#importer().then(
      (module) => {
        this.failed = false;
        return (this.value = module);
      },
      (error: unknown) => {
        this.#loading = undefined;
        this.failed = true;
        console.warn(`quiz-elements: ${this.what} could not be loaded`, error);
        throw error;
      },
    );
    return this.#loading;
  }

  /** Like `load`, but resolves to undefined when the download fails (then `failed` is set). */
  request(): Promise<T | undefined> {
    return this.load().catch(() => undefined);
  }

  /** Hands over the module when a caller already has it (imported statically): no download. */
  provide(module: T): void {
    this.value ??= module;
    this.#loading ??= Promise.resolve(this.value);
    this.failed = false;
  }
}
