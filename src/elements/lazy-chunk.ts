/**
 * One lazily downloaded part of the library, with one failure policy: a failed download is
 * reported (the caller shows a visible note from `failed`) and the next use tries again.
 */
export class LazyChunk<T> {
  /** The module, once downloaded. */
  value: T | undefined;
  /** The last download failed (and nothing has been tried since). */
  failed = false;
  private loading: Promise<T | undefined> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly what: string,
  ) {}

  /** Downloads the module once; resolves to undefined (and sets `failed`) when that fails. */
  request(): Promise<T | undefined> {
    this.loading ??= this.load().then(
      (module) => {
        this.failed = false;
        return (this.value = module);
      },
      (error: unknown) => {
        this.loading = undefined;
        this.failed = true;
        console.warn(`quiz-elements: ${this.what} could not be loaded`, error);
        return undefined;
      },
    );
    return this.loading;
  }
}
