/**
 * The browser side of the progress store: `localStorage`, and the `storage` event for other tabs.
 * The one file of src/progress/ that touches DOM globals (eslint.config.js exempts it).
 *
 * Why localStorage and not IndexedDB: `node bench/progress-storage.mjs` (headless Chromium 156,
 * 2 busy cores, medians of 7; records of 5 reviews, 398 chars; details in bench/results.md):
 *
 *                                      localStorage               IndexedDB (raw)
 *   write 1,000 records, one key each  23 ms (sync, ~0.02 ms each) 718 ms, one transaction each
 *   read 1,000 records at startup      17 ms (13 ms loading area)  41 ms, async
 *   read 10,000 records at startup     165 ms (113 ms loading)     248 ms, async
 *   fits before QuotaExceededError     5.24 M chars per origin:    a share of the disk
 *                                      11,625 records of 5 reviews, 697 of 200 (MAX_REVIEWS)
 *
 * Writes are one small record per grade and reads are synchronous, so a question's status is
 * known on the first render and the `storage` event reaches other tabs for free. IndexedDB wins
 * only at sizes a learner rarely reaches (thousands of answered questions: it does not block the
 * page, and has no 5 M quota); the store reports a full quota and keeps working in memory.
 */
import type { ProgressStorage } from './types.js';

type Watcher = { prefix: string; onChange: (key: string | null, value: string | null) => void; source: ProgressStorage };

/** Watchers of this page: `storage` events only reach other tabs, so stores in this page are told here. */
const pageWatchers = new Set<Watcher>();

/**
 * Progress storage over `localStorage`, or null where it cannot be used (blocked by the browser's
 * settings or a sandboxed iframe: reading `localStorage` throws a SecurityError; or no DOM at all).
 * A full quota is not checked here: reading still works, and the store reports failed writes.
 */
export function webStorage(): ProgressStorage | null {
  let local: Storage;
  try {
    local = globalThis.localStorage;
    if (!local) return null;
    void local.length; // some browsers throw only on first use
  } catch {
    return null;
  }

  const tellPage = (source: ProgressStorage, key: string, value: string | null) => {
    for (const watcher of pageWatchers) {
      if (watcher.source !== source && key.startsWith(watcher.prefix)) queueMicrotask(() => watcher.onChange(key, value));
    }
  };

  const storage: ProgressStorage = {
    keys(prefix) {
      const keys: string[] = [];
      for (let i = 0; i < local.length; i++) {
        const key = local.key(i);
        if (key !== null && key.startsWith(prefix)) keys.push(key);
      }
      return keys;
    },
    get: (key) => local.getItem(key),
    set(key, value) {
      local.setItem(key, value);
      tellPage(storage, key, value);
    },
    remove(key) {
      local.removeItem(key);
      tellPage(storage, key, null);
    },
    watch(prefix, onChange) {
      const watcher: Watcher = { prefix, onChange, source: storage };
      const onStorage = (event: StorageEvent) => {
        if (event.storageArea !== local) return;
        if (event.key === null) onChange(null, null);
        else if (event.key.startsWith(prefix)) onChange(event.key, event.newValue);
      };
      pageWatchers.add(watcher);
      globalThis.addEventListener?.('storage', onStorage);
      return () => {
        pageWatchers.delete(watcher);
        globalThis.removeEventListener?.('storage', onStorage);
      };
    },
  };
  return storage;
}
