// Page-level checks for hostile content (issue 7): a tripwire for script that runs, a watch for
// changes outside the elements' container, a snapshot of page state that markup could change,
// a walk of every shadow root for markup that should never be there, and a heartbeat that
// measures how long the main thread was blocked.

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

// ---------------------------------------------------------------------------------------------
// Tripwire: whatever a payload would call or set, counted.

export interface Tripwire {
  /** One entry per call or assignment seen, e.g. `__pwned()`, `alert`, `csp script-src`. */
  hits: string[];
  uninstall(): void;
}

const DIALOGS = ['alert', 'confirm', 'prompt', 'print'] as const;

/** Defines `window.__pwned` (callable and assignable), stubs the dialogs, listens for CSP violations. */
export function installTripwire(): Tripwire {
  const hits: string[] = [];
  const saved = DIALOGS.map((name) => [name, window[name]] as const);
  Object.defineProperty(window, '__pwned', {
    configurable: true,
    get: () => () => hits.push('__pwned()'),
    set: (value: unknown) => hits.push(`__pwned = ${String(value)}`),
  });
  for (const name of DIALOGS) (window as unknown as Record<string, unknown>)[name] = (...args: unknown[]) => hits.push(`${name}(${args.join(',')})`);
  const onViolation = (event: SecurityPolicyViolationEvent) => hits.push(`csp ${event.violatedDirective} ${event.blockedURI}`);
  document.addEventListener('securitypolicyviolation', onViolation);
  return {
    hits,
    uninstall() {
      document.removeEventListener('securitypolicyviolation', onViolation);
      for (const [name, original] of saved) (window as unknown as Record<string, unknown>)[name] = original;
      delete window.__pwned;
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Changes outside the container.

export interface OutsideWatch {
  /** Mutations whose target is not inside the container, described. */
  changes: string[];
  /** Collects pending records (the observer reports asynchronously). */
  flush(): string[];
  stop(): void;
}

function describeNode(node: Node): string {
  return node instanceof Element ? `<${node.localName}${node.id ? `#${node.id}` : ''}>` : node.nodeName;
}

/** Watches the whole document (light DOM: shadow roots are the elements' own business) for changes outside `container`. */
export function watchOutside(container: Element): OutsideWatch {
  const changes: string[] = [];
  const take = (records: MutationRecord[]) => {
    for (const record of records) {
      if (container.contains(record.target)) continue;
      const what = record.type === 'attributes' ? `attribute ${record.attributeName}` : record.type === 'childList' ? `children (+${record.addedNodes.length} -${record.removedNodes.length})` : 'text';
      changes.push(`${what} of ${describeNode(record.target)}`);
    }
  };
  const observer = new MutationObserver(take);
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    changes,
    flush() {
      take(observer.takeRecords());
      return changes;
    },
    stop() {
      take(observer.takeRecords());
      observer.disconnect();
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Page state that markup could change without a DOM mutation the watch sees.

/** Names that clobbering payloads aim at, on window and on document. */
const CLOBBER_TARGETS = ['getElementById', 'cookie', 'body', 'location', 'alert', 'CONFIG', 'defaultView', 'f', 'attributes', 'parentNode', '__proto__', 'url'];

function kind(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return Object.prototype.toString.call(value);
  return typeof value;
}

/** The members of a prototype and the type of each: pollution adds one or replaces a method. */
function shapeOf(prototype: object): string {
  return Object.getOwnPropertyNames(prototype)
    .sort()
    .map((name) => {
      const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
      return `${name}:${'value' in descriptor ? typeof descriptor.value : 'accessor'}`;
    })
    .join(',');
}

/** A comparable picture of the page: title, cookie, URL, head, style sheets and clobberable names. */
export function pageSnapshot(): Record<string, string> {
  const snapshot: Record<string, string> = {
    title: document.title,
    cookie: document.cookie,
    href: location.href,
    head: [...document.head.children].map((child) => child.outerHTML).join('\n'),
    styleSheets: String(document.styleSheets.length),
    adoptedStyleSheets: String(document.adoptedStyleSheets.length),
    forms: String(document.forms.length),
    frames: String(window.frames.length),
    getElementById: String(document.getElementById === Document.prototype.getElementById),
    objectPrototype: shapeOf(Object.prototype),
    arrayPrototype: shapeOf(Array.prototype),
    stringPrototype: shapeOf(String.prototype),
    functionPrototype: shapeOf(Function.prototype),
  };
  for (const name of CLOBBER_TARGETS) {
    snapshot[`window.${name}`] = kind((window as unknown as Record<string, unknown>)[name]);
    snapshot[`document.${name}`] = kind((document as unknown as Record<string, unknown>)[name]);
  }
  return snapshot;
}

/** Keys whose values differ, as `key: before → after`. */
export function snapshotChanges(before: Record<string, string>, after: Record<string, string>): string[] {
  return Object.keys(before)
    .filter((key) => before[key] !== after[key])
    .map((key) => `${key}: ${before[key]!.slice(0, 80)} → ${after[key]!.slice(0, 80)}`);
}

// ---------------------------------------------------------------------------------------------
// Markup inside the elements.

/** `root` (an element) and every element under it, through every open shadow root. */
export function allElements(root: ParentNode): Element[] {
  const found: Element[] = [];
  const visit = (node: ParentNode) => {
    for (const element of node.querySelectorAll('*')) {
      found.push(element);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root instanceof Element) {
    found.push(root);
    if (root.shadowRoot) visit(root.shadowRoot);
  }
  visit(root);
  return found;
}

/** Attributes that hold a URL the browser may load or navigate to. */
const URL_ATTRIBUTES = new Set(['href', 'src', 'xlink:href', 'action', 'formaction', 'data', 'poster', 'srcset', 'background', 'cite', 'ping', 'codebase', 'manifest']);
/** Elements that must never come out of bank text, whatever the baseline holds. */
export const FORBIDDEN_TAGS = new Set(
  'script iframe frame frameset object embed applet base meta link style form svg math foreignobject annotation-xml template noscript xmp plaintext textarea dialog portal body html head title marquee audio video source slot'.split(' '),
);
const SAFE_LINK = new Set(['http:', 'https:', 'mailto:']);
const SAFE_IMAGE = new Set(['http:', 'https:']);
const BAD_STYLE = /url\s*\(|expression|javascript:|@import|binding|behavior/i;
const PLAIN_ID = /^[A-Za-z][\w-]*$/;

/** What the elements render for benign content: tags and attribute names allowed. */
export interface MarkupAllowance {
  tags: Set<string>;
  attributes: Set<string>;
  /**
   * MathML the math renderer builds (src/render/math.ts) is allowed: `math` and MathML Core
   * elements in the MathML namespace, with `MATHML_ATTRIBUTES`. Off everywhere but hostile-math.test.ts,
   * so MathML anywhere else is still forbidden.
   */
  mathml?: boolean;
}

const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
/** The elements src/render/math.ts may create (its allowlist). */
export const MATHML_TAGS = new Set(
  'math semantics annotation mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mmultiscripts mprescripts none mfrac msqrt mroot mstyle mpadded mphantom mtable mtr mtd merror menclose'.split(' '),
);
/** The attributes it may set (presentation attributes, and styles through CSSOM). */
export const MATHML_ATTRIBUTES = new Set(
  'display displaystyle scriptlevel mathvariant mathcolor mathbackground mathsize dir lspace rspace stretchy symmetric maxsize minsize largeop movablelimits fence separator form accent accentunder linethickness width height depth voffset columnalign rowalign columnspacing rowspacing columnlines rowlines frame framespacing columnspan rowspan notation encoding style'.split(' '),
);

const SVG_NS = 'http://www.w3.org/2000/svg';
/**
 * `<quiz-stats>` draws its charts as SVG from counts and dates (never from bank text): in its own
 * shadow root these SVG elements and attributes are its own, everywhere else SVG is forbidden.
 */
export const STATS_SVG_TAGS = new Set('svg rect line text title'.split(' '));
export const STATS_SVG_ATTRIBUTES = new Set(
  'part class viewBox preserveAspectRatio focusable aria-hidden width height x y x1 x2 y1 y2 rx text-anchor vector-effect'.split(' '),
);

/** Whether `element` is SVG that `<quiz-stats>` itself rendered (in its own shadow root). */
function isStatsChart(element: Element): boolean {
  const root = element.getRootNode();
  return element.namespaceURI === SVG_NS && root instanceof ShadowRoot && root.host.localName === 'quiz-stats';
}

/** Tags and attribute names seen under `root`. */
export function markupOf(root: ParentNode): MarkupAllowance {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  for (const element of allElements(root)) {
    // <quiz-stats>'s charts are judged by their own lists, so SVG never becomes allowed elsewhere.
    if (isStatsChart(element)) continue;
    tags.add(element.localName);
    for (const name of element.getAttributeNames()) attributes.add(name);
  }
  return { tags, attributes };
}

export interface MarkupFindings {
  /** Every problem found, described with where it is. */
  problems: string[];
  /** What each problem is, in the order of `problems`. */
  kinds: ('handler' | 'url' | 'other')[];
  /** Attributes named on*. */
  handlers: number;
  /** URL attributes with a javascript:, data: or vbscript: (or any other not allowed) scheme. */
  badUrls: number;
}

function schemeOf(value: string): string {
  try {
    return new URL(value, document.baseURI).protocol;
  } catch {
    return 'unparseable:';
  }
}

/** Walks every element under `root` (shadow roots included) for markup bank text must never produce. */
export function inspectMarkup(root: ParentNode, allowed: MarkupAllowance): MarkupFindings {
  const findings: MarkupFindings = { problems: [], kinds: [], handlers: 0, badUrls: 0 };
  const problem = (element: Element, what: string, kind: 'handler' | 'url' | 'other' = 'other') => {
    findings.problems.push(`<${element.localName}> ${what}`);
    findings.kinds.push(kind);
  };
  for (const element of allElements(root)) {
    const tag = element.localName;
    const math = allowed.mathml === true && element.namespaceURI === MATHML_NS;
    const chart = isStatsChart(element);
    if (math && !MATHML_TAGS.has(tag)) problem(element, 'is not an element the math renderer builds');
    else if (chart && !STATS_SVG_TAGS.has(tag)) problem(element, 'is not an element <quiz-stats> draws');
    else if (math || chart) {
      // allowed: the math renderer's own MathML, <quiz-stats>'s own charts
    } else if (FORBIDDEN_TAGS.has(tag)) problem(element, 'is a forbidden element');
    else if (!allowed.tags.has(tag)) problem(element, 'is not an element the components render');
    for (const name of element.getAttributeNames()) {
      const value = element.getAttribute(name) ?? '';
      if (name.startsWith('on')) {
        findings.handlers += 1;
        problem(element, `has an event handler ${name}=${value.slice(0, 60)}`, 'handler');
        continue;
      }
      if (!(math ? MATHML_ATTRIBUTES : chart ? STATS_SVG_ATTRIBUTES : allowed.attributes).has(name)) problem(element, `has an attribute the components never set: ${name}=${value.slice(0, 60)}`);
      if (URL_ATTRIBUTES.has(name)) {
        const scheme = schemeOf(value);
        const safe = tag === 'img' || name === 'src' ? SAFE_IMAGE : SAFE_LINK;
        // Also the raw value without spaces and control characters, as lenient URL readers see it.
        const squeezed = [...value].filter((char) => char > ' ').join('');
        if (!safe.has(scheme) || /^(javascript|data|vbscript):/i.test(squeezed)) {
          findings.badUrls += 1;
          problem(element, `has ${name}=${value.slice(0, 60)} (${scheme})`, 'url');
        }
      }
      if (name === 'style' && BAD_STYLE.test(value)) problem(element, `has style=${value.slice(0, 60)}`);
      if ((name === 'id' || name === 'name') && !PLAIN_ID.test(value)) problem(element, `has ${name}=${value.slice(0, 60)}, not an id of the components`);
    }
  }
  return findings;
}

// ---------------------------------------------------------------------------------------------
// Responsiveness.

export interface Heartbeat {
  /** Stops beating; resolves to the longest gap between beats (ms): how long the main thread was blocked. */
  stop(): number;
}

/** A chain of setTimeout(0) that records the longest gap between two beats. */
export function startHeartbeat(): Heartbeat {
  let last = performance.now();
  let longest = 0;
  let running = true;
  const beat = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (running) setTimeout(beat, 0);
  };
  setTimeout(beat, 0);
  return {
    stop() {
      running = false;
      return Math.max(longest, performance.now() - last);
    },
  };
}

/** Resolves after two animation frames: long enough for load, error and focus handlers to fire. */
export function twoFrames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

/** Resolves with how late a setTimeout(0) fired, in milliseconds. */
export function macrotaskDelay(): Promise<number> {
  const start = performance.now();
  return new Promise((resolve) => setTimeout(() => resolve(performance.now() - start), 0));
}
