/** The catalog of the bundled banks, apart from their loaders: a page with one card never downloads it. */
import catalog from '../../data/banks/index.json' with { type: 'json' };
import type { CatalogEntry } from './types.js';

/** The catalog entries (title, language, questionCount) of the bundled banks, to list them without loading them. */
export const bundledBanks: readonly CatalogEntry[] = Object.freeze(catalog.banks.map((entry) => Object.freeze({ ...entry })));
