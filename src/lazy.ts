/**
 * The library's one way to load a part of itself lazily (every dynamic `import()` goes through
 * a `LazyChunk`), with one failure policy:
 * - the part is downloaded once and shared by every caller;
 * - a failed download is logged and remembered in `failed`, so the caller can show a visible
 *   note (an element's "could not be loaded" box with Retry, a loader's `BankLoadError`);
 * - it is then forgotten: the next use downloads again. Some engines (Chromium 150 and older, Firefox
 *   ESR 153) keep a failed module import failed for the page's lifetime: in the CDN build every
 *   `import()` goes through `importChunk`, which then retries with a new URL.
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

/** Chunks whose import failed, by file name: null, or their retry under a new URL (under way or done). */
const retries = new Map<string, Promise<unknown> | null>();
let retryCount = 0;

/**
 * The CDN build's `import()`: rollup.config.js rewrites each `import('./x.js')` of src/ into
 * `importChunk((url) => import(url('./chunks/x-hash.js')))` (source and npm builds never call it).
 * A chunk's first failure is reported as it is. A later import tries the same URL, then, if that
 * fails too (the engine may have cached the failure), a new one: `?retry=1`, `?retry=2`… The
 * same URL first, so engines that retry by themselves keep one module per chunk; callers share
 * a retry, so engines that do not also keep one. A retried chunk's static imports keep their
 * URLs: a shared chunk that failed stays failed there.
 */
export function importChunk<T>(load: (url: (path: string) => string) => Promise<T>): Promise<T> {
  let name = '';
  const attempt = (query = '') => load((path) => ((name = path.replace(/.*\//, '')), path + query));
  return attempt().catch((error: unknown) => {
    if (!retries.has(name)) {
      retries.set(name, null);
      throw error;
    }
    let retry = retries.get(name);
    if (!retry) {
      retries.set(name, (retry = attempt(`?retry=${++retryCount}`)));
      retry.catch(() => retries.set(name, null));
    }
    return retry as Promise<T>;
  });
}
