/**
 * Simple HTML as markdown. Authors sprinkle `<br>`, `<b>`, `<code>` and wrapper `<div>`s through
 * markdown, and Moodle exports GIFT text as `[html]`. Bank markdown never renders HTML, so these
 * would show as tags; their markdown twins show what the author meant. Every pattern is bounded,
 * so the time is linear in the text. Nothing here makes HTML: the output is text.
 */

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', ndash: '–', mdash: '—', hellip: '…', laquo: '«', raquo: '»', copy: '©', reg: '®', times: '×', middot: '·', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“' };

/** `&lt;`, `&#39;`, `&#x4e2d;` and a few more named entities, as characters. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z]{2,8});/g, (entity, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
    }
    return NAMED_ENTITIES[name.toLowerCase()] ?? entity;
  });
}

/** A code span for `text`, with a longer backtick run when the text holds backticks. */
function codeSpan(text: string): string {
  const inner = decodeEntities(text);
  if (!inner.includes('`')) return `\`${inner}\``;
  return `\`\` ${inner} \`\``;
}

function attribute(tag: string, name: string): string | undefined {
  const match = new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]{0,2000})"|'([^']{0,2000})'|([^\\s"'>]{1,2000}))`, 'i').exec(tag);
  return match ? decodeEntities(match[1] ?? match[2] ?? match[3] ?? '') : undefined;
}

function image(tag: string): string {
  const src = attribute(tag, 'src');
  return src ? `![${attribute(tag, 'alt') ?? ''}](${src.replace(/[()\s]/g, encodeURIComponent)})` : '';
}

const CODE_ELEMENT = /<(code|tt|kbd|samp)(?:\s[^<>]{0,300})?>([^\n]{0,2000}?)<\/\1\s*>/gi;
const EMPHASIS_ELEMENT = /<(b|strong|i|em)(?:\s[^<>]{0,300})?>([^<>\n]{1,2000}?)<\/\1\s*>/gi;
const LINK_ELEMENT = /<a(\s[^<>]{0,1000})>([^<>\n]{0,2000}?)<\/a\s*>/gi;
const TAG = /<(\/?)([A-Za-z][A-Za-z0-9]{0,20})(\s[^<>\n]{0,1000})?\/?>/g;
/** A code span on one line, as a split separator (kept). */
const CODE_SPAN = /(`[^`\n]*`)/;
/** Tags that only wrap or style text: removed, their content kept. */
const WRAPPERS = new Set(['p', 'div', 'section', 'center', 'span', 'font', 'article', 'main', 'header', 'footer', 'u', 'small', 'big', 'sup', 'sub', 'mark', 'ins', 'del', 's', 'strike', 'figure', 'figcaption', 'nav', 'aside', 'label', 'b', 'strong', 'i', 'em', 'a', 'code', 'tt', 'kbd', 'samp', 'blockquote', 'pre']);

/**
 * One markdown line with simple inline HTML as markdown: `<b>x</b>` → `**x**`, `<code>a<b</code>`
 * → `` `a<b` ``, `<a href>` → a link, `<img>` → an image, `<br>` → a line break, wrapper tags
 * (`<div>`, `<span>`, `<center>`, a lone `<b>` around a whole answer) removed. `<details>` and
 * `<summary>` stay: they are structure. Code spans are left as written. The result may hold
 * `\n` where a `<br>` broke the line.
 */
export function simplifyHtmlLine(text: string): string {
  if (!text.includes('<')) return text;
  const table = text.trimStart().startsWith('|');
  // Code spans are text as written: only what lies between them is converted.
  const pieces = text.split(CODE_SPAN);
  const converted = pieces.map((piece, i) => (i % 2 === 1 ? piece : simplifyOutsideCode(piece, table))).join('');
  if (!converted.includes('\n')) return converted;
  // A break at the start or end of a line breaks nothing.
  return converted.replace(/^\n+/, '').replace(/\n+$/, '');
}

function simplifyOutsideCode(text: string, table: boolean): string {
  if (!text.includes('<')) return text;
  const out = text
    .replace(CODE_ELEMENT, (_, _name: string, inner: string) => codeSpan(inner))
    .replace(LINK_ELEMENT, (_element, attributes: string, inner: string) => {
      const href = attribute(attributes, 'href');
      return href ? `[${inner.trim()}](${href})` : inner;
    })
    .replace(EMPHASIS_ELEMENT, (_element, name: string, inner: string) => {
      const lower = name.toLowerCase();
      const mark = lower === 'b' || lower === 'strong' ? '**' : '*';
      return inner.trim() ? `${mark}${inner.trim()}${mark}` : inner;
    });
  return out.replace(TAG, (match, _closing: string, rawName: string) => {
    const name = rawName.toLowerCase();
    if (name === 'br' || name === 'hr') return table ? ' ' : '\n';
    if (name === 'img') return image(match);
    if (WRAPPERS.has(name)) return '';
    return match;
  });
}

const DETAILS_TAG = /<details(?:\s[^<>]{0,300})?>|<\/details\s*>|<summary(?:\s[^<>]{0,300})?>([^<>]{0,2000})<\/summary\s*>/gi;

/**
 * A line split around `<details>`, `<summary>…</summary>` and `</details>`, so each tag stands on
 * a line of its own as `<details>`, `<summary>text</summary>` or `</details>`. A tag inside a code
 * span is text (`` `<details>` ``); a summary may hold code spans (`What does \`git stash\` do?`).
 */
export function splitDetailsTags(text: string): string[] {
  const lines = text.split('\n');
  if (!/<\/?(details|summary)/i.test(text)) return lines;
  const out: string[] = [];
  for (const line of lines) {
    // Every piece keeps the line's indentation: a <details> inside a list item stays in the item.
    const indent = /^[ \t]*/.exec(line)![0];
    const code = codeSpanRanges(line);
    let at = 0;
    DETAILS_TAG.lastIndex = 0;
    for (let match = DETAILS_TAG.exec(line); match; match = DETAILS_TAG.exec(line)) {
      const start = match.index;
      if (code.some(([from, to]) => start > from && start < to)) continue;
      const before = line.slice(at, match.index);
      if (before.trim()) out.push(at === 0 ? before : indent + before.trimStart());
      const tag = match[0].toLowerCase();
      out.push(indent + (tag.startsWith('</') ? '</details>' : tag.startsWith('<details') ? '<details>' : `<summary>${match[1]!.trim()}</summary>`));
      at = match.index + match[0].length;
    }
    const after = line.slice(at);
    if (at === 0) out.push(after);
    else if (after.trim()) out.push(indent + after.trimStart());
  }
  return out;
}

/** Where the code spans of a line are: [index of the opening backtick, index of the closing one]. */
function codeSpanRanges(line: string): [number, number][] {
  if (!line.includes('`')) return [];
  return [...line.matchAll(/`[^`\n]*`/g)].map((m) => [m.index!, m.index! + m[0].length - 1]);
}

/**
 * HTML text (GIFT `[html]`, Moodle's export format) as markdown: paragraphs, line breaks, lists,
 * emphasis, code, links and images; every other tag removed, entities decoded.
 */
export function htmlToMarkdown(html: string): string {
  // Text between tags is text: characters markdown would read as marks are escaped first.
  const escaped = html.replace(/(<[^<>]{0,1000}>)|[\\`*_[\]]/g, (match, tag: string | undefined) => tag ?? `\\${match}`);
  const text = escaped
    .replace(/<(script|style)(?:\s[^<>]{0,300})?>[\s\S]{0,100000}?<\/\1\s*>/gi, '')
    .replace(/<pre(?:\s[^<>]{0,300})?>([\s\S]{0,100000}?)<\/pre\s*>/gi, (_, code: string) => `\n\n\`\`\`\n${decodeEntities(code.replace(/<[^<>]{0,300}>/g, ''))}\n\`\`\`\n\n`)
    .replace(/<\/?(p|div|h[1-6]|ul|ol|table|tr|blockquote)(?:\s[^<>]{0,300})?>/gi, '\n\n')
    .replace(/<li(?:\s[^<>]{0,300})?>/gi, '\n- ')
    .replace(/<\/li\s*>|<\/?(td|th)(?:\s[^<>]{0,300})?>/gi, ' ')
    .replace(/<br\s*\/?>/gi, '\n');
  return text
    .split('\n')
    .map((line) => simplifyHtmlLine(line).replace(/<\/?[A-Za-z][A-Za-z0-9]{0,20}(?:\s[^<>]{0,1000})?\/?>/g, ''))
    .map((line) => decodeEntities(line).replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
