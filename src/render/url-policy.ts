// Which URLs from untrusted markdown may become an href or a src. The check runs on the URL the
// WHATWG parser produces (it strips tabs, newlines and control characters and lower-cases the
// scheme), and the caller binds that parsed URL's href, so the browser can never read the
// attribute differently from how it was checked.

const LINK_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:', 'mailto:']);
const IMAGE_SCHEMES: ReadonlySet<string> = new Set(['http:', 'https:']);

/** What the URL will be used for: images may not use mailto:. */
export type UrlUse = 'link' | 'image';

/**
 * Resolves `destination` (already entity-decoded) against `base` and returns it only when its
 * scheme is allowed for `use`; `null` means "render without the URL".
 */
export function resolveSafeUrl(destination: string, base: string, use: UrlUse): URL | null {
  const trimmed = destination.trim();
  if (trimmed === '') return null;
  let url: URL;
  try {
    url = new URL(trimmed, base);
  } catch {
    return null;
  }
  return (use === 'link' ? LINK_SCHEMES : IMAGE_SCHEMES).has(url.protocol) ? url : null;
}
