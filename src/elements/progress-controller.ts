import { html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { UiStrings } from '../i18n/index.js';
import { progressPrefix, setAsideRootOf } from '../progress/keys.js';
import type { ProgressStore } from '../progress/store.js';
import type { ProgressChange, ProgressProblem } from '../progress/types.js';
import { LazyChunk } from '../lazy.js';

type StoreModule = typeof import('../progress/store.js');

/**
 * The store's code (with records and scheduling) is a chunk of its own in the CDN build: a card
 * on a page whose learner has no stored progress yet needs none of it until the first answer.
 * Elements that always need it (topic-list, question-browser) import it and call
 * `provideStoreModule`, so their controllers have it at once.
 */
const storeChunk = new LazyChunk<StoreModule>(() => import('../progress/store.js'), 'the progress code (answers are not recorded)');
/** Controllers waiting for the store's code, told when it arrives (whoever loaded it). */
const waitingForModule = new Set<ProgressController>();

export function provideStoreModule(module: StoreModule): void {
  storeChunk.provide(module);
  for (const controller of waitingForModule) controller.moduleArrived();
  waitingForModule.clear();
}

/** The store's code; undefined when its chunk failed (the next answer tries again). */
function loadStoreModule(): Promise<StoreModule | undefined> {
  return storeChunk.request().then((module) => (module && provideStoreModule(module), module));
}


/**
 * Whether this page's storage may hold progress (or set-aside records) for `progressKey`: then
 * the store is loaded at once, for statuses and notes. Storage that cannot be read counts as yes,
 * so the store's "not saved" note shows before the first answer.
 */
function mayHoldProgress(progressKey: string): boolean {
  try {
    const local = globalThis.localStorage;
    if (!local) return true;
    const prefixes = [progressPrefix(progressKey), setAsideRootOf(progressKey)];
    for (let i = 0; i < local.length; i++) {
      const key = local.key(i);
      if (key && prefixes.some((prefix) => key.startsWith(prefix))) return true;
    }
    return false;
  } catch {
    return true;
  }
}

/** A note about stored progress: not kept, storage full, records set aside, an answer not recorded. */
export type ProgressNote = 'not-saved' | 'storage-full' | 'set-aside' | 'record-failed';

/** What an element that follows learner progress exposes: the attributes every such element has. */
export interface ProgressHost extends ReactiveControllerHost, HTMLElement {
  progressKey: string;
  noProgress: boolean;
  progressStore?: ProgressStore | undefined;
}

export interface ProgressControllerOptions {
  /** Show the store's one-time notes (storage unavailable or full, records set aside) in this element. */
  notes?: boolean;
  /** After every change of the store in use, before the host updates. */
  onChange?: (change: ProgressChange) => void;
  /** The store in use has loaded and migrated its records (`ready`). */
  onReady?: () => void;
  /** Load the store's code at once even with no stored progress (review mode needs it to pick questions). */
  eager?: () => boolean;
}

/** How `sync()` found the store: the same, the same again after the host came back into the page, or another one (or none). */
export type StoreSync = 'same' | 'resumed' | 'changed';

/**
 * Storage notes already shown on this page, per store: the first element to learn of a problem
 * shows it and the others stay quiet, so a browser and the card inside it do not both say it.
 */
const notesShown = new WeakMap<ProgressStore, Set<'storage' | 'set-aside'>>();

/** Stores whose `ready` has resolved: a review set is built only from migrated records. */
const readyStores = new WeakSet<ProgressStore>();

/** Status moves with time (learning → due): elements look again when the next change is at most this far. */
const REFRESH_WITHIN_MS = 86_400_000;

function noteFor(problem: ProgressProblem): ProgressNote {
  return problem.kind === 'set-aside' ? 'set-aside' : problem.kind === 'write-failed' ? 'storage-full' : 'not-saved';
}

/**
 * The learner-progress store an element uses, resolved from its `no-progress`, `progressStore` and
 * `progress-key` (in that order), with the subscription to it and the store's one-time notes.
 * The host calls `sync()` in `willUpdate`; the subscription ends when the host leaves the page
 * and resumes when it comes back. A store passed in that misbehaves never breaks the host.
 */
export class ProgressController implements ReactiveController {
  /** Notes this host shows, claimed once per page and store (only with `notes: true`). */
  notes: ProgressNote[] = [];
  #subscription: { store: ProgressStore; stop: (() => void) | null } | null = null;
  #connected = false;
  #timer: ReturnType<typeof setTimeout> | undefined;
  /**
   * Progress is wanted, but the store's code is not loaded: none was stored for this key when the
   * host looked, so every question is new. The code loads on `load()` (the learner's first answer)
   * or when another element or tab stores progress.
   */
  deferred = false;
  #deferredKey: string | undefined;
  #stopWatchingStorage: (() => void) | undefined;

  readonly #host: ProgressHost;
  readonly #options: ProgressControllerOptions;

  constructor(host: ProgressHost, options: ProgressControllerOptions = {}) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** The store in use once synced; null with `no-progress`. */
  get store(): ProgressStore | null {
    return this.#subscription?.store ?? null;
  }

  /** Whether the store in use has loaded and migrated its records. */
  get ready(): boolean {
    const store = this.store;
    return store !== null && readyStores.has(store);
  }

  hostConnected(): void {
    this.#connected = true;
    this.#host.requestUpdate(); // subscribes again after a move in the page
  }

  hostDisconnected(): void {
    this.#connected = false;
    this.#stopDeferring();
    // The store is kept, so a host moved in the page keeps its state; it only stops listening.
    this.#subscription?.stop?.();
    if (this.#subscription) this.#subscription.stop = null;
    clearTimeout(this.#timer);
  }

  /**
   * The store's code, loaded if needed, then the store the host asks for (null with `no-progress`,
   * or if the code cannot be loaded). For learner actions that record.
   */
  async load(): Promise<ProgressStore | null> {
    if (this.deferred) {
      await loadStoreModule();
      this.#host.requestUpdate();
    }
    return this.#wanted();
  }

  /** Called by `provideStoreModule`: sync again, now with the store. */
  moduleArrived(): void {
    this.#stopDeferring();
    this.#host.requestUpdate();
  }

  #stopDeferring(): void {
    waitingForModule.delete(this);
    this.#stopWatchingStorage?.();
    this.#stopWatchingStorage = undefined;
  }

  /** The store the host asks for: none with `no-progress`, else `progressStore`, else the page's for `progress-key`. */
  #wanted(): ProgressStore | null {
    const host = this.#host;
    const deferredFor = this.deferred ? this.#deferredKey : undefined;
    this.deferred = false;
    if (host.noProgress) return null;
    if (host.progressStore) return host.progressStore;
    const progressKey = host.progressKey || 'default';
    if (!storeChunk.value) {
      // Storage is scanned once per key, not on every update.
      if (this.#options.eager?.() || (deferredFor !== progressKey && mayHoldProgress(progressKey))) {
        void loadStoreModule();
      }
      this.#defer(progressKey);
      return null;
    }
    try {
      return storeChunk.value.ProgressStore.shared(progressKey);
    } catch (error) {
      console.warn('quiz-elements: no progress store', error);
      return null;
    }
  }

  /** Waits for the store's code; another tab storing progress for `progressKey` loads it. */
  #defer(progressKey: string): void {
    this.deferred = true;
    if (this.#deferredKey !== progressKey) this.#stopDeferring();
    this.#deferredKey = progressKey;
    if (!this.#connected) return;
    waitingForModule.add(this);
    if (this.#stopWatchingStorage || typeof window === 'undefined') return;
    const onStorage = (event: StorageEvent) => {
      if (event.key?.startsWith(progressPrefix(progressKey))) void loadStoreModule();
    };
    window.addEventListener('storage', onStorage);
    this.#stopWatchingStorage = () => window.removeEventListener('storage', onStorage);
  }

  /** Subscribes to the wanted store (and leaves the old one). Call from `willUpdate`. */
  sync(): StoreSync {
    const store = this.#wanted();
    const current = this.#subscription;
    if (current && current.store === store) {
      // Lit also updates a host out of the page (an answer recorded after it was removed): that must not listen again.
      if (current.stop || !this.#connected) return 'same';
      // Back in the page: listen again, and catch up on problems found meanwhile.
      current.stop = this.#listen(store);
      this.#readNotes(store);
      return 'resumed';
    }
    if (!current && !store) return 'same';
    current?.stop?.();
    clearTimeout(this.#timer);
    this.#subscription = null;
    this.notes = [];
    if (!store) return 'changed';
    this.#subscription = { store, stop: this.#connected ? this.#listen(store) : null };
    if (this.#connected) this.#readNotes(store);
    if (!readyStores.has(store)) {
      void Promise.resolve(store.ready)
        .catch(() => undefined) // documented never to reject; a store passed in might
        .then(() => {
          readyStores.add(store);
          if (this.#subscription?.store !== store) return;
          this.#options.onReady?.();
          this.#host.requestUpdate();
        });
    }
    return 'changed';
  }

  /** Hides the notes (the learner pressed Dismiss); they are not shown again on this page. */
  dismissNotes(): void {
    this.notes = [];
    this.#host.requestUpdate();
  }

  /**
   * Calls `onTime` when the store's clock reaches `at` (plus a second), if that is within a day:
   * statuses change with time alone (a learning question falls due). Replaces an earlier call.
   */
  refreshAt(at: number | null, onTime: () => void): void {
    clearTimeout(this.#timer);
    const store = this.store;
    if (at === null || !store || !this.#subscription?.stop) return;
    let wait: number;
    try {
      wait = at - store.now();
    } catch {
      return;
    }
    if (!(wait <= REFRESH_WITHIN_MS)) return;
    this.#timer = setTimeout(onTime, Math.max(0, wait) + 1000);
  }

  #listen(store: ProgressStore): () => void {
    try {
      const unsubscribe = store.subscribe((change) => this.#onStoreChange(store, change));
      return () => void unsubscribe();
    } catch (error) {
      console.warn('quiz-elements: cannot follow progress changes', error);
      return () => undefined;
    }
  }

  #onStoreChange(store: ProgressStore, change: ProgressChange): void {
    if (this.#subscription?.store !== store) return;
    if (change.problem) this.#claimNotes(store, [noteFor(change.problem)]);
    this.#options.onChange?.(change);
    this.#host.requestUpdate();
  }

  /** Problems found before this host subscribed (loading, another element's answers) are not notified again: read them. */
  #readNotes(store: ProgressStore): void {
    if (!this.#options.notes) return;
    try {
      const kinds: ProgressNote[] = [];
      const problems = store.problems;
      if (!store.persistent) kinds.push(problems.some((p) => p.kind === 'write-failed') ? 'storage-full' : 'not-saved');
      if (problems.some((p) => p.kind === 'set-aside')) kinds.push('set-aside');
      this.#claimNotes(store, kinds);
    } catch {
      // a store passed in without these: nothing to say
    }
  }

  /** Shows the notes of `kinds` that no element of the page has shown yet for this store. */
  #claimNotes(store: ProgressStore, kinds: ProgressNote[]): void {
    if (!this.#options.notes) return;
    let shown = notesShown.get(store);
    if (!shown) notesShown.set(store, (shown = new Set()));
    const fresh = kinds.filter((kind) => {
      const group = kind === 'set-aside' ? 'set-aside' : 'storage';
      if (shown.has(group) || this.notes.includes(kind)) return false;
      shown.add(group);
      return true;
    });
    if (fresh.length) {
      this.notes = [...this.notes, ...fresh];
      this.#host.requestUpdate();
    }
  }
}

/** The notes about stored progress, politely (role=status), with a Dismiss button; `part="notice"`. */
export function renderProgressNotes(notes: readonly ProgressNote[], s: UiStrings, onDismiss: () => void): TemplateResult | typeof nothing {
  if (notes.length === 0) return nothing;
  const text: Record<ProgressNote, string> = {
    'not-saved': s.progressNotSaved,
    'storage-full': s.progressStorageFull,
    'set-aside': s.progressSetAside,
    'record-failed': s.progressRecordFailed,
  };
  return html`
    <div part="notice" class="notice" role="status">
      ${notes.map((note) => html`<p class="message" data-note=${note}>${text[note]}</p>`)}
      <button part="button" type="button" @click=${onDismiss}>${s.dismiss}</button>
    </div>
  `;
}
