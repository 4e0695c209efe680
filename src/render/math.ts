// TeX math -> MathML, a chunk of its own: loaded by ./markdown.ts the first time a field has math
// (`$…$`, `$$…$$`; the syntax is in ./math-syntax.ts). Temml parses the TeX into a MathML tree; we
// copy that tree through an allowlist of MathML Core elements and attributes, as DOM nodes made
// with createElementNS (never an HTML string: pages that enforce Trusted Types need no policy) or,
// for the server, as an escaped MathML string. Browsers lay MathML out themselves: no fonts, no CSS.
// Untrusted TeX: no \href or \url (Temml has neither), `trust: false` refuses \class, \id, \style,
// \data and \includegraphics, macro definitions are refused, lengths are clamped, and a formula
// that fails shows as its source with a visible error style, never as a broken card.
import { isServer } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import temml from 'temml';

/** The markdown syntax of formulas: it comes with the renderer, so pages without math carry neither. */
export { mathLexerOptions } from './math-syntax.js';

/** What the math renderer refuses, so a hostile formula costs little; see docs/bank-authoring.md. */
export const MATH_LIMITS = {
  /** Characters of TeX in one formula (a longer one shows as its source). */
  length: 4_000,
  /** Macro expansions per formula (Temml's `maxExpand`). */
  expansions: 1_000,
  /** Largest length a formula may ask for, in em, either sign (\rule, \hspace, \raisebox…). */
  em: 10,
  /** Nesting of MathML elements (real formulas nest a dozen levels or so). */
  depth: 40,
  /**
   * Fractions inside fractions. WebKitGTK lays them out in time that doubles with each level
   * (16: 0.1 s, 20: 1.7 s, 300 never finished); a continued fraction of 12 levels takes 8 ms.
   */
  fractions: 12,
} as const;

const MATHML = 'http://www.w3.org/1998/Math/MathML';

/** MathML Core elements (and menclose, which Temml uses for \cancel and \boxed); anything else becomes an mrow. */
const ELEMENTS = new Set(
  'math semantics annotation mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mmultiscripts mprescripts none mfrac msqrt mroot mstyle mpadded mphantom mtable mtr mtd merror menclose'.split(' '),
);
/** Presentation attributes; no id, class, href, style or event handler ever comes through. */
const ATTRIBUTES = new Set(
  'display displaystyle scriptlevel mathvariant mathcolor mathbackground mathsize dir lspace rspace stretchy symmetric maxsize minsize largeop movablelimits fence separator form accent accentunder linethickness width height depth voffset columnalign rowalign columnspacing rowspacing columnlines rowlines frame framespacing columnspan rowspan notation encoding'.split(' '),
);
/** Inline styles Temml sets (colours, boxes, the display of block math); written through CSSOM. */
const STYLES = new Set(
  'display color backgroundColor border borderBottom borderTop borderRight borderLeft borderRadius padding paddingLeft paddingRight paddingTop paddingBottom whiteSpace textAlign width height'.split(' '),
);
/** Style values that could load a URL or run anything. */
const UNSAFE_STYLE = /url\s*\(|expression|javascript:|@import|\\/i;
/** User macro definitions: the only way for a short formula to expand into a huge one. */
const DEFINITIONS = /\\(?:[gex]?def|let|futurelet|global|(?:re|provide)?newcommand|newenvironment|renewenvironment|DeclareMathOperator)(?![a-zA-Z])/;
/** A CSS length: number and unit, in em per unit (1em = 16px = 12pt). */
const LENGTH = /(-?(?:\d+\.?\d*|\.\d+))(em|ex|pt|px|pc|bp|in|cm|mm|mu)\b/g;
const EM_PER_UNIT: Record<string, number> = { em: 1, ex: 0.431, pt: 1 / 12, bp: 1 / 12, px: 1 / 16, pc: 1, in: 6, cm: 6 / 2.54, mm: 0.6 / 2.54, mu: 1 / 18 };

/** A node of Temml's MathML tree, as far as we read it. */
interface TemmlNode {
  type?: string;
  text?: string;
  attributes?: Record<string, unknown>;
  style?: Record<string, unknown>;
  children?: TemmlNode[];
}

/** A MathML element (or text) that passed the allowlist. */
export interface SafeMath {
  name: string;
  attributes: [string, string][];
  styles: [string, string][];
  children: (SafeMath | string)[];
}

/** A formula that could not be rendered: its source and why. */
export interface MathError {
  source: string;
  message: string;
}

/** Lengths beyond MATH_LIMITS.em, clamped (Temml caps only positive sizes, and only some). */
function clampLengths(value: string): string {
  return value.replace(LENGTH, (whole, number: string, unit: string) => {
    const em = Number(number) * EM_PER_UNIT[unit]!;
    return Math.abs(em) <= MATH_LIMITS.em ? whole : `${Math.sign(em) * MATH_LIMITS.em}em`;
  });
}

class TooDeep extends Error {}

function sanitize(node: TemmlNode, depth = 0, fractions = 0): SafeMath | string | (SafeMath | string)[] {
  if (node.type === 'mfrac') fractions++;
  if (depth > MATH_LIMITS.depth || fractions > MATH_LIMITS.fractions) {
    throw new TooDeep(`Formula nested too deeply (over ${MATH_LIMITS.depth} levels, or ${MATH_LIMITS.fractions} fractions)`);
  }
  const children = (node.children ?? []).flatMap((child) => sanitize(child, depth + 1, fractions));
  // Text, or a fragment of nodes (no type).
  if (node.type === undefined) return typeof node.text === 'string' ? node.text : children;
  // Temml's HTML wrappers (the span of a failed \ref, an <a> of \eqref, an image) keep only their content.
  if (!ELEMENTS.has(node.type)) return children;
  const attributes: [string, string][] = [];
  for (const [name, value] of Object.entries(node.attributes ?? {})) {
    if (ATTRIBUTES.has(name) && (typeof value === 'string' || typeof value === 'number')) attributes.push([name, clampLengths(String(value))]);
  }
  const styles: [string, string][] = [];
  for (const [name, value] of Object.entries(node.style ?? {})) {
    const text = typeof value === 'string' || typeof value === 'number' ? String(value) : '';
    if (STYLES.has(name) && text && !UNSAFE_STYLE.test(text)) styles.push([name, clampLengths(text)]);
  }
  return { name: node.type, attributes, styles, children };
}

/** Recently rendered formulas: cards render their markdown again on every language or bank change. */
const parsed = new Map<string, SafeMath | MathError>();
const PARSED_LIMIT = 256;

/** `tex` parsed into allowlisted MathML, or why it cannot be shown. */
export function parseMath(tex: string, display: boolean): SafeMath | MathError {
  const key = `${display ? 'D' : 'I'}${tex}`;
  let result = parsed.get(key);
  if (result) return result;
  result = parseUncached(tex, display);
  if (parsed.size >= PARSED_LIMIT) parsed.delete(parsed.keys().next().value!);
  parsed.set(key, result);
  return result;
}

function parseUncached(tex: string, display: boolean): SafeMath | MathError {
  if (tex.length > MATH_LIMITS.length) return { source: tex, message: `Formula longer than ${MATH_LIMITS.length} characters` };
  if (DEFINITIONS.test(tex)) return { source: tex, message: 'Macro definitions are not supported' };
  try {
    const tree = temml.__renderToMathMLTree(tex, {
      displayMode: display,
      throwOnError: true,
      trust: false,
      strict: false,
      // Inline formulas may break across lines after relations and operators, as in TeX.
      wrap: display ? 'none' : 'tex',
      maxSize: [MATH_LIMITS.em, MATH_LIMITS.em * 12],
      maxExpand: MATH_LIMITS.expansions,
    }) as TemmlNode;
    const math = sanitize(tree);
    if (typeof math === 'string' || Array.isArray(math)) return { source: tex, message: 'Not a formula' };
    return math;
  } catch (error) {
    // ParseError for bad TeX; RangeError when nesting runs out of stack.
    // Temml's message ends with the formula, underlined: the source shows beside it anyway.
    const message = (error instanceof Error ? error.message : String(error)).replace(/ at (?:position \d+|end of input):[\s\S]*$/, '');
    return { source: tex, message: message.trim().slice(0, 200) };
  }
}

function isError(math: SafeMath | MathError): math is MathError {
  return 'message' in math;
}

function toNode(math: SafeMath | string): Node {
  if (typeof math === 'string') return document.createTextNode(math);
  const element = document.createElementNS(MATHML, math.name) as MathMLElement;
  for (const [name, value] of math.attributes) element.setAttribute(name, value);
  // CSSOM, not the style attribute: allowed by a Content-Security-Policy without 'unsafe-inline'.
  for (const [name, value] of math.styles) element.style.setProperty(name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`), value);
  for (const child of math.children) element.append(toNode(child));
  return element;
}

/** The source of a formula that failed, readable, underlined as an error, the reason in its title. */
function errorNode(error: MathError, display: boolean): HTMLElement {
  const code = document.createElement('code');
  code.className = display ? 'math-error math-display' : 'math-error';
  code.textContent = display ? `$$${error.source}$$` : `$${error.source}$`;
  code.title = error.message;
  // Longhands: WebKitGTK drops the text-decoration shorthand with a style and colour.
  code.style.setProperty('text-decoration-line', 'underline');
  code.style.setProperty('text-decoration-style', 'wavy');
  code.style.setProperty('text-decoration-color', '#d1242f');
  code.style.setProperty('text-decoration-skip-ink', 'none');
  code.style.setProperty('white-space', 'pre-wrap');
  return code;
}

/**
 * `tex` as DOM nodes for a Lit template: `<math>`, in a horizontally scrolling block for display
 * math, or the source with an error style when it cannot be rendered. On the server (Lit SSR, no
 * DOM) the same MathML as markup from `renderMathToString`, written into the page at build time.
 */
export function renderMath(tex: string, display: boolean): unknown {
  if (isServer) return unsafeHTML(renderMathToString(tex, display));
  const math = parseMath(tex, display);
  if (isError(math)) return errorNode(math, display);
  const node = toNode(math);
  if (!display) return node;
  // A span (display math may sit inside a paragraph) that scrolls a wide formula, never the page.
  const block = document.createElement('span');
  block.className = 'math-display';
  for (const [name, value] of [['display', 'block'], ['overflow-x', 'auto'], ['overflow-y', 'hidden'], ['max-width', '100%'], ['margin-block', '0.5em']]) {
    block.style.setProperty(name!, value!);
  }
  block.append(node);
  return block;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escape = (text: string) => text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);

function toMarkup(math: SafeMath | string): string {
  if (typeof math === 'string') return escape(math);
  const attributes = math.attributes.map(([name, value]) => ` ${name}="${escape(value)}"`).join('');
  const styles = math.styles.map(([name, value]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}:${value}`).join(';');
  return `<${math.name}${attributes}${styles ? ` style="${escape(styles)}"` : ''}>${math.children.map(toMarkup).join('')}</${math.name}>`;
}

/**
 * `tex` as a MathML string, for server-side rendering only, where there is no DOM (build time:
 * static sites, Lit SSR). The same allowlist as `renderMath`; every text and attribute value is
 * escaped. A formula that cannot be rendered gives its source in `<code class="math-error">`.
 * In the browser use `renderMath`: assigning this string to innerHTML would fail on pages that
 * enforce Trusted Types.
 */
export function renderMathToString(tex: string, display: boolean): string {
  const math = parseMath(tex, display);
  if (isError(math)) {
    const source = display ? `$$${math.source}$$` : `$${math.source}$`;
    return `<code class="math-error" title="${escape(math.message)}">${escape(source)}</code>`;
  }
  const markup = toMarkup(math);
  return display ? `<span class="math-display">${markup}</span>` : markup;
}
