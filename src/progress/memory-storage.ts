import type { ProgressStorage } from './types.js';

/**
 * Progress storage in a Map, for tests, demos and stories: records last as long as the object and
 * reach no other store. Unlike `storage: null`, a store over it counts as persistent, so elements
 * show no "progress will not be kept" note.
 */
export function memoryStorage(): ProgressStorage {
  const data = new Map<string, string>();
  return {
    keys: (prefix) => [...data.keys()].filter((key) => key.startsWith(prefix)),
    get: (key) => data.get(key) ?? null,
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
    watch: () => () => undefined,
  };
}
