import type { CSSResult } from 'lit';

/**
 * Adds the styles of a lazily loaded part to a shadow root, once. Constructable style sheets,
 * as Lit's own: allowed under a strict CSP. A browser without them keeps the element's styles.
 */
export function adoptStyles(root: ShadowRoot | null, styles: CSSResult): void {
  const sheet = styles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
