import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { hashOf, stateFromHash, type BrowserState } from './url-state.js';

/** The parts of `window` the hash lives in (a test passes its own). */
export interface HashWindow {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'state' | 'pushState' | 'replaceState'>;
  addEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
  removeEventListener(type: 'hashchange' | 'popstate', listener: () => void): void;
}

export interface HashSyncOptions {
  /** Whether the host keeps its state in the hash now (`sync-url`). */
  enabled(): boolean;
  /** The host's state now. */
  read(): BrowserState;
  /** Sets the host's state from the URL: properties only, so nothing fires. */
  apply(state: BrowserState): void;
  /** Where the hash lives; default the page's `window`. */
  window?: HashWindow;
}

/** Typing replaces the history entry; other changes add one, so Back steps through them. */
export type HashWrite = 'push' | 'replace';

/** The URL to write for `state` at `location`, or null when its hash already says that (an empty state and an empty hash too). */
export function urlFor(location: HashWindow['location'], state: BrowserState): string | null {
  const hash = hashOf(state);
  if (hash === location.hash || (hash === '' && location.hash === '')) return null;
  return `${location.pathname}${location.search}${hash || '#'}`;
}

/** The state a hash gives the host: what it describes, else (an empty hash or a page anchor) the state from before the URL said anything. */
export function stateAt(hash: string, initial: BrowserState): BrowserState {
  return stateFromHash(hash) ?? initial;
}

/**
 * Keeps a `<question-browser>`'s search, filters and open question in the URL hash, for links
 * and Back/Forward. While enabled and the host is in the page, it reads the hash when it starts
 * and on every `hashchange` and `popstate`, and the host calls `write()` after each change the
 * learner makes. Reading sets properties only, so nothing fires for it; code setting properties
 * writes nothing (only `write()` does). The host calls `sync()` from `willUpdate`, so turning
 * `sync-url` on reads the hash in the same update.
 */
export class HashSyncController implements ReactiveController {
  readonly #options: HashSyncOptions;
  #connected = false;
  #listening = false;
  /** The host's state before the URL said anything: where an empty hash goes back to. Taken once. */
  #initial: BrowserState | null = null;

  constructor(host: ReactiveControllerHost, options: HashSyncOptions) {
    this.#options = options;
    host.addController(this);
  }

  /** Whether the hash is being followed now. */
  get active(): boolean {
    return this.#listening;
  }

  get #window(): HashWindow {
    return this.#options.window ?? window;
  }

  hostConnected(): void {
    this.#connected = true;
    this.sync();
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stop();
  }

  /** Starts or stops following the hash as `enabled()` says; call from `willUpdate`. */
  sync(): void {
    if (this.#connected && this.#options.enabled()) this.#start();
    else this.#stop();
  }

  /** Records the host's state after a change the learner made (nothing when not following, or when the hash already says it). */
  write(mode: HashWrite): void {
    if (!this.#listening) return;
    const { location, history } = this.#window;
    const url = urlFor(location, this.#options.read());
    if (url === null) return;
    if (mode === 'push') history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }

  #start(): void {
    if (this.#listening) return;
    this.#listening = true;
    this.#initial ??= this.#options.read();
    this.#window.addEventListener('popstate', this.#onUrlChange);
    this.#window.addEventListener('hashchange', this.#onUrlChange);
    this.#onUrlChange();
  }

  #stop(): void {
    if (!this.#listening) return;
    this.#listening = false;
    this.#window.removeEventListener('popstate', this.#onUrlChange);
    this.#window.removeEventListener('hashchange', this.#onUrlChange);
  }

  readonly #onUrlChange = (): void => {
    this.#options.apply(stateAt(this.#window.location.hash, this.#initial!));
  };
}
