import { isServer, type CSSResult } from 'lit';

/**
 * On the server (quiz-elements/ssr), the styles of lazily loaded parts a render used: the
 * renderer writes them into the shadow root it outputs, as the browser would adopt them.
 */
export const serverAdoptedStyles = new Set<CSSResult>();

/**
 * Adds the styles of a lazily loaded part to a shadow root, once. Constructable style sheets,
 * as Lit's own: allowed under a strict CSP. A browser without them keeps the element's styles.
 */
export function adoptStyles(root: ShadowRoot | null, styles: CSSResult): void {
  if (isServer) {
    serverAdoptedStyles.add(styles);
    return;
  }
  const sheet = styles.styleSheet;
  if (root && sheet && !root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}
