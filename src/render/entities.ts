// Character references in markdown text, link destinations and titles (CommonMark 2.5).
// marked leaves named references for an HTML renderer to decode; we build DOM text, so we decode
// here. Numeric references are complete; named ones cover the ones people actually type, because
// the full HTML table costs ~10 KB and the browser's own decoder (innerHTML) is a Trusted Types sink.
// An unknown name stays as written, which is what a reader sees for a typo anyway.

const NAMED: Readonly<Record<string, string>> = {
  amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', colon: ':', Tab: '\t',
  NewLine: '\n', sol: '/', bsol: '\\', lpar: '(', rpar: ')', lsqb: '[', rsqb: ']', lbrack: '[',
  rbrack: ']', lcub: '{', rcub: '}', ast: '*', lowbar: '_', grave: '`', vert: '|', num: '#',
  excl: '!', quest: '?', semi: ';', comma: ',', period: '.', equals: '=', plus: '+', percnt: '%',
  dollar: '$', commat: '@', Hat: '^', tilde: '~',
  copy: '©', reg: '®', trade: '™', hellip: '…', mdash: '—', ndash: '–', minus: '−',
  lsquo: '‘', rsquo: '’', ldquo: '“', rdquo: '”', laquo: '«', raquo: '»', middot: '·',
  bull: '•', times: '×', divide: '÷', deg: '°', plusmn: '±', le: '≤', ge: '≥', ne: '≠',
  asymp: '≈', infin: '∞', sum: '∑', prod: '∏', radic: '√', larr: '←', rarr: '→', uarr: '↑',
  darr: '↓', harr: '↔', rArr: '⇒', lArr: '⇐', hArr: '⇔', para: '¶', sect: '§', euro: '€',
  pound: '£', yen: '¥', cent: '¢', frac12: '½', frac14: '¼', frac34: '¾', sup2: '²', sup3: '³',
  micro: 'µ', alpha: 'α', beta: 'β', gamma: 'γ', delta: 'δ', epsilon: 'ε', lambda: 'λ', mu: 'μ',
  pi: 'π', sigma: 'σ', theta: 'θ', omega: 'ω', Delta: 'Δ', Sigma: 'Σ', Omega: 'Ω',
  ensp: '\u2002', emsp: '\u2003', thinsp: '\u2009', zwj: '\u200d', zwnj: '\u200c', shy: '\u00ad',
};

const REFERENCE = /&(?:#(\d{1,7})|#[xX]([\da-fA-F]{1,6})|([A-Za-z][A-Za-z\d]{1,31}));/g;

function fromCodePoint(code: number): string {
  // CommonMark: 0, surrogates and anything past U+10FFFF become the replacement character.
  if (code === 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(code);
}

/** Decodes `&name;`, `&#123;` and `&#x1F;` references in one pass (no double decoding). */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(REFERENCE, (whole, decimal?: string, hex?: string, name?: string) => {
    if (decimal !== undefined) return fromCodePoint(Number.parseInt(decimal, 10));
    if (hex !== undefined) return fromCodePoint(Number.parseInt(hex, 16));
    return Object.hasOwn(NAMED, name!) ? NAMED[name!]! : whole;
  });
}
