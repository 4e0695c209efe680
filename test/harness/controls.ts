/**
 * Finding controls the way a user does: by the name a screen reader says, not by markup. The one
 * rule of every browser test; the per-element harnesses (quiz-card.ts, topic-list.ts) build on it.
 *
 * Realm-free: it works on the shadow roots of elements inside frames too (test/csp), so it never
 * uses `instanceof` or the globals of the test's own window.
 */

/** Where to look: an element's own UI (its shadow root when it has one), a shadow root, or a document. */
export type Scope = Element | ShadowRoot | Document;

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;
const CONTENTLESS = new Set(['script', 'style', 'template', 'noscript']);

function searchRoot(scope: Scope): ParentNode {
  return 'shadowRoot' in scope && scope.shadowRoot ? scope.shadowRoot : scope;
}

/** Text as it reads: whitespace runs collapsed to one space, trimmed. */
export function collapsed(text: string | null | undefined): string {
  return (text ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * Left out of a name: aria-hidden (key hints such as `<kbd aria-hidden="true">`), `hidden`, or not
 * displayed. (Not `visibility`: it is inherited, so it would empty the names of every button in a
 * hidden panel, which tests look for to say they are not shown.)
 */
function isHidden(element: Element): boolean {
  if (element.getAttribute('aria-hidden') === 'true' || element.hasAttribute('hidden')) return true;
  return element.isConnected && element.ownerDocument.defaultView?.getComputedStyle(element).display === 'none';
}

/** What a node adds to the name of the control it is in (the flat tree: slotted content, nested shadow roots). */
function contentName(node: Node): string {
  if (node.nodeType === TEXT_NODE) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT_NODE) return '';
  const element = node as Element;
  if (CONTENTLESS.has(element.localName) || isHidden(element)) return '';
  const label = element.getAttribute('aria-label')?.trim();
  if (label) return ` ${label} `;
  if (element.localName === 'img') return ` ${element.getAttribute('alt') ?? ''} `;
  let children: ArrayLike<Node> = element.shadowRoot?.childNodes ?? element.childNodes;
  if (element.localName === 'slot') {
    const assigned = (element as HTMLSlotElement).assignedNodes({ flatten: true });
    if (assigned.length > 0) children = assigned;
  }
  return Array.from(children, contentName).join('');
}

/**
 * A control's accessible name as a user hears it (WAI-ARIA accname, the parts these elements use):
 * `aria-labelledby`, else `aria-label`, else its content without aria-hidden or hidden parts,
 * else its `title`; whitespace collapsed.
 */
export function accessibleName(element: Element): string {
  const labelledBy = element.getAttribute('aria-labelledby')?.trim();
  if (labelledBy) {
    const root = element.getRootNode() as Document | ShadowRoot;
    const named = labelledBy.split(/\s+/).map((id) => collapsed(root.getElementById(id)?.textContent)).filter(Boolean);
    if (named.length > 0) return named.join(' ');
  }
  const label = collapsed(element.getAttribute('aria-label'));
  if (label) return label;
  return collapsed(Array.from(element.childNodes, contentName).join('')) || collapsed(element.getAttribute('title'));
}

/**
 * Whether a name is the one asked for. A string matches the whole name, or its start followed by a
 * space: "Good" finds "Good 10 min (next review in 10 minutes)", "Next" finds "Next →", but
 * "Check" never finds "Checklist". A RegExp is tested against the name.
 */
export function nameMatches(name: string, wanted: string | RegExp): boolean {
  if (typeof wanted === 'string') return name === wanted || name.startsWith(`${wanted} `);
  wanted.lastIndex = 0; // a /g or /y RegExp keeps state between calls
  return wanted.test(name);
}

/**
 * The one element of `selector` in `scope` named `wanted` (see `nameMatches`), or null. An exact
 * name beats names that only start with it; several equally good matches throw, naming them,
 * so a test says which one it means instead of taking whichever comes first.
 */
export function controlNamed<E extends Element = HTMLElement>(scope: Scope, selector: string, wanted: string | RegExp): E | null {
  const found = Array.from(searchRoot(scope).querySelectorAll<E>(selector), (element) => ({ element, name: accessibleName(element) })).filter(
    ({ name }) => nameMatches(name, wanted),
  );
  const exact = typeof wanted === 'string' ? found.filter(({ name }) => name === wanted) : [];
  const best = exact.length > 0 ? exact : found;
  if (best.length > 1) {
    throw new Error(`${best.length} controls (${selector}) match ${String(wanted)}: ${best.map(({ name }) => JSON.stringify(name)).join(', ')}. Name one more precisely.`);
  }
  return best[0]?.element ?? null;
}

/** The button named `wanted` (a `<button>` or `role="button"`), as a user finds it. */
export function buttonNamed(scope: Scope, wanted: string | RegExp): HTMLButtonElement | null {
  return controlNamed<HTMLButtonElement>(scope, 'button, [role="button"]', wanted);
}

/** The first element exposing the `::part()` name `name` (one of the names in its `part`). */
export function part<E extends Element = HTMLElement>(scope: Scope, name: string): E | null {
  return searchRoot(scope).querySelector<E>(`[part~="${name}"]`);
}

/** Every element exposing the `::part()` name `name`. */
export function parts<E extends Element = HTMLElement>(scope: Scope, name: string): E[] {
  return Array.from(searchRoot(scope).querySelectorAll<E>(`[part~="${name}"]`));
}

/** The text of the first alert (`role="alert"`) as it reads, or '' without one. */
export function alertText(scope: Scope): string {
  return collapsed(searchRoot(scope).querySelector('[role="alert"]')?.textContent);
}
