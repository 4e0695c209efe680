/**
 * The banks that ship with quiz-elements (`data/banks/`). Each bank is a JSON module of its own,
 * imported only when asked for, so bundlers emit one chunk per bank and the core carries none.
 * `bundled.unit.test.ts` fails when this map and `data/banks/index.json` disagree.
 */

import { LazyChunk } from '../lazy.js';

/** A bank's JSON module; `default` is the parsed, not yet validated, bank. */
export type BankModule = { default: unknown };

// Literal paths, because bundlers split dynamic imports into chunks only when they can see the file.
const bank = (id: string, load: () => Promise<BankModule>): [string, LazyChunk<BankModule>] => [id, new LazyChunk(load, `the bundled bank "${id}"`)];

/** Each bundled bank's file, by bank id. */
export const bundledBankImports: ReadonlyMap<string, LazyChunk<BankModule>> = new Map([
  bank('llm-business-models', () => import('../../data/banks/llm-business-models.json', { with: { type: 'json' } })),
  bank('llm-startup-interview', () => import('../../data/banks/llm-startup-interview.json', { with: { type: 'json' } })),
  bank('llm-application-scenarios', () => import('../../data/banks/llm-application-scenarios.json', { with: { type: 'json' } })),
  bank('llm-fundamentals', () => import('../../data/banks/llm-fundamentals.json', { with: { type: 'json' } })),
  bank('llm-product-innovation', () => import('../../data/banks/llm-product-innovation.json', { with: { type: 'json' } })),
]);

/** Ids of the bundled banks, for `loadBundledBank`. */
export const bundledBankIds: readonly string[] = Object.freeze([...bundledBankImports.keys()]);

/** Folder of the bundled bank files: relative links and images in those banks resolve against it. */
export const bundledBanksUrl: string = new URL('../../data/banks/', import.meta.url).href;
