/** The script of tab.html: only <quiz-card>, whose store's chunk loads lazily; the test drives the rest. */
import '../../src/elements/quiz-card/quiz-card.js';
import type {} from './tabs.js'; // the Window globals set here

window.tab = {
  storeFetched: () => performance.getEntriesByType('resource').some((entry) => /\/src\/progress\/store\.(js|ts)$/.test(new URL(entry.name).pathname)),
  store: async (progressKey) => (await import('../../src/progress/store.js')).ProgressStore.shared(progressKey),
  storeClass: async () => (await import('../../src/progress/store.js')).ProgressStore,
};
