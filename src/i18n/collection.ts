import { enCollection } from './collection-en.js';
import { zhCNCollection } from './collection-zh-CN.js';
import type { CollectionStrings, UiStrings } from './strings.js';

export type { CollectionStrings } from './strings.js';

const merged = new WeakMap<UiStrings, UiStrings & CollectionStrings>();

/**
 * The strings of `<topic-list>` and `<question-browser>`: the card's strings of `ui`'s language
 * plus their own, which live in their chunks rather than in every card's download.
 */
export function collectionStrings(ui: UiStrings): UiStrings & CollectionStrings {
  let strings = merged.get(ui);
  if (!strings) {
    strings = { ...ui, ...(/^zh\b/i.test(ui.lang) ? zhCNCollection : enCollection) };
    merged.set(ui, strings);
  }
  return strings;
}
