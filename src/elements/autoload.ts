/**
 * Loads `<topic-list>`, `<question-browser>`, `<quiz-stats>` and `<quiz-progress-transfer>` on first use, for the CDN build: a page with only
 * quiz-cards never downloads them. Watches the document for their tags (like Shoelace's
 * autoloader); properties set on an element before its code arrives are kept by Lit.
 *
 * Elements inside a shadow root are not seen by the document's observer: call `discover(root)`
 * for that root, or `defineAll()`. With npm (`import 'quiz-elements'`) every element is
 * registered at once and both are no-ops.
 */
import { languageOf, stringsFor } from '../i18n/index.js';
import { LazyChunk } from '../lazy.js';

/** The lazily defined tags and the chunk of each. */
const LAZY_ELEMENTS: Readonly<Record<string, LazyChunk<unknown>>> = {
  'topic-list': new LazyChunk(() => import('./topic-list/topic-list.js'), 'the code of <topic-list>'),
  'question-browser': new LazyChunk(() => import('./question-browser/question-browser.js'), 'the code of <question-browser>'),
  'quiz-stats': new LazyChunk(() => import('./quiz-stats/quiz-stats.js'), 'the code of <quiz-stats>'),
  'quiz-progress-transfer': new LazyChunk(() => import('./progress-transfer/progress-transfer.js'), 'the code of <quiz-progress-transfer>'),
};
const LAZY_TAGS = Object.keys(LAZY_ELEMENTS);
const SELECTOR = LAZY_TAGS.join(',');

let observer: MutationObserver | undefined;

/** Loads and defines `tag` once; a failed load shows a note with Retry in each such element, and the next try fetches again. */
function define(tag: string): Promise<void> {
  if (customElements.get(tag)) return Promise.resolve();
  return LAZY_ELEMENTS[tag]!.load().then(
    () => undefined,
    (error: unknown) => {
      showLoadFailure(tag);
      throw error;
    },
  );
}

/**
 * The element's code could not be downloaded (offline, a CDN missing the chunk): say so in each
 * such element, with a Retry button. Lit renders into this same shadow root once the code arrives.
 */
function showLoadFailure(tag: string): void {
  for (const element of document.querySelectorAll(tag)) {
    const s = stringsFor(languageOf(element));
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const box = document.createElement('p');
    box.setAttribute('role', 'alert');
    box.setAttribute('part', 'error');
    const retry = document.createElement('button');
    retry.type = 'button';
    retry.textContent = s.retry;
    retry.addEventListener('click', () => {
      root.replaceChildren();
      void define(tag).catch(() => undefined);
    });
    box.append(s.elementCodeFailed(tag), ' ', retry);
    root.replaceChildren(box);
  }
}

/** Defines every lazy element used in `root` (and `root` itself when it is one). */
export function discover(root: ParentNode = document): Promise<void> {
  const tags = new Set<string>();
  if (root instanceof Element && LAZY_TAGS.includes(root.localName)) tags.add(root.localName);
  for (const element of root.querySelectorAll(SELECTOR)) tags.add(element.localName);
  return Promise.all([...tags].map((tag) => define(tag))).then(() => undefined);
}

/** Loads and defines every element now (for apps that create them inside their own shadow roots). */
export function defineAll(): Promise<void> {
  return Promise.all(LAZY_TAGS.map((tag) => define(tag))).then(() => undefined);
}

/** Starts watching the document; stops once every lazy element is defined. */
export function startAutoload(): void {
  if (observer || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
  const scan = (root: ParentNode) => void discover(root).catch(() => undefined);
  observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) if (node instanceof Element) scan(node);
    }
    if (LAZY_TAGS.every((tag) => customElements.get(tag))) {
      observer?.disconnect();
    }
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
  scan(document);
}
