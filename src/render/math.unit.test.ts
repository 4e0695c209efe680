// Math in Node: where marked finds formulas (math-syntax.ts), and what Temml makes of untrusted
// TeX through our allowlist (math.ts), read from the MathML string the server path writes. Each
// hostile formula must come out inert and fast; the browser side is in math.test.ts.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getDefaults, Lexer, type Token } from 'marked';
import { mathLexerOptions } from './math-syntax.js';
import { MATH_LIMITS, parseMath, renderMathToString } from './math.js';
import { HOSTILE_TEX } from '../../test/hostile/math-payloads.js';
import { exportGift, importGift, importMarkdown } from '../import/index.js';

const lex = (markdown: string) => Lexer.lex(markdown, { ...getDefaults(), gfm: true, ...mathLexerOptions });

/** The formulas marked finds in `markdown`, as `$tex$` (inline) or `$$tex$$` (display), in order. */
function formulas(markdown: string): string[] {
  const found: string[] = [];
  const walk = (tokens: Token[]) => {
    for (const token of tokens) {
      if (token.type === 'math') found.push(token.display ? `$$${token.text}$$` : `$${token.text}$`);
      if ('tokens' in token && token.tokens) walk(token.tokens);
      if (token.type === 'list') for (const item of token.items) walk(item.tokens);
    }
  };
  walk(lex(markdown));
  return found;
}

/** Text a reader sees where there is no formula (emphasis and code shown by their kind). */
function shape(markdown: string): string {
  const show = (tokens: Token[]): string =>
    tokens
      .map((token) => {
        if (token.type === 'math') return '[math]';
        if (token.type === 'em' || token.type === 'strong') return `<${token.type}>${show(token.tokens ?? [])}</${token.type}>`;
        if (token.type === 'codespan') return `<code>${token.text}</code>`;
        if ('tokens' in token && token.tokens) return show(token.tokens);
        return token.type === 'escape' ? token.text : token.raw;
      })
      .join('');
  return show(lex(markdown));
}

describe('math syntax: where formulas are', () => {
  it('finds inline and display formulas, in paragraphs, lists and Chinese text', () => {
    assert.deepEqual(formulas('The loss $L = -\\sum_i y_i \\log p_i$ falls.'), ['$L = -\\sum_i y_i \\log p_i$']);
    assert.deepEqual(formulas('$$\n\\frac{a}{b}\n$$\n\nafter'), ['$$\n\\frac{a}{b}\n$$']);
    assert.deepEqual(formulas('text $$x^2$$ more'), ['$$x^2$$']);
    assert.deepEqual(formulas('- $a$\n- $b$'), ['$a$', '$b$']);
    assert.deepEqual(formulas('函数$f(x)=x^2$的导数是$2x$。'), ['$f(x)=x^2$', '$2x$']);
  });

  it('keeps a display formula with blank lines and list-like lines whole', () => {
    assert.deepEqual(formulas('$$\na\n\n- b\n+ c\n$$'), ['$$\na\n\n- b\n+ c\n$$']);
  });

  it('leaves prices and other dollars as text (pandoc rules, and no letter or digit before)', () => {
    for (const text of ['It costs $5 and $10.', '$5/$6', 'US$5 and 6$', '$ x$', '$x $', '$x$1', 'lit$123456789$ and ?lit$123456789$', 'a \\$x$ b', '$$', '$$$$', '$$ $$']) {
      assert.deepEqual(formulas(text), [], text);
    }
  });

  it('reads \\$ inside a formula as part of the TeX', () => {
    assert.deepEqual(formulas('$a\\$b$'), ['$a\\$b$']);
  });

  it('keeps dollars in code spans and code blocks as code', () => {
    assert.deepEqual(formulas('`$x$` and\n\n```\n$$y$$\n```'), []);
    assert.deepEqual(formulas('It costs $10. `$x$` and $5.'), []);
    assert.equal(shape('`$x$`'), '<code>$x$</code>');
  });

  it('never reads * or _ inside a formula as emphasis', () => {
    assert.equal(shape('$a_1 + b_1$'), '[math]');
    assert.equal(shape('_a $x_1$ b_'), '<em>a [math] b</em>');
    assert.equal(shape('*$a*b$*'), '<em>[math]</em>');
    assert.equal(shape('Let *w* be $x^*$ and $y^*$.'), 'Let <em>w</em> be [math] and [math].');
  });
});

/** Element names in a MathML string. */
const elements = (markup: string) => new Set([...markup.matchAll(/<([a-z][\w-]*)/g)].map((match) => match[1]));
const ALLOWED = new Set('math semantics annotation mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mmultiscripts mprescripts none mfrac msqrt mroot mstyle mpadded mphantom mtable mtr mtd merror menclose span code'.split(' '));

function inert(markup: string, what: string): void {
  for (const name of elements(markup)) assert.ok(ALLOWED.has(name!), `${what}: <${name}>`);
  // The TeX itself may show as text (escaped); tags and attributes are what must stay clean.
  // An error's title quotes the TeX (escaped): text for a tooltip, not markup.
  const tags = (markup.match(/<[^>]*>/g) ?? []).join('').replace(/ title="[^"]*"/g, '');
  assert.doesNotMatch(tags, /\s(?:on\w+|href|src|id|xlink:href)=/i, `${what}: a handler or URL attribute`);
  assert.doesNotMatch(tags, /javascript:|url\(/i, `${what}: a URL in an attribute`);
  assert.doesNotMatch(markup, /<script|<img|<a[\s>]|<\/script/i, `${what}: HTML from the TeX`);
}

describe('math rendering: hostile TeX (renderMathToString)', () => {
  const times: [string, number][] = [];
  for (const [name, tex] of HOSTILE_TEX) {
    it(`${name}: inert and fast, inline and display`, () => {
      for (const display of [false, true]) {
        const start = performance.now();
        const markup = renderMathToString(tex, display);
        const ms = performance.now() - start;
        times.push([`${name}${display ? ' (display)' : ''}`, ms]);
        inert(markup, name);
        assert.ok(ms < 1500, `${name}: ${ms.toFixed(0)} ms`);
      }
    });
  }

  it('refuses \\href, \\url, trust-dependent commands, macro definitions and over-long formulas with a reason', () => {
    for (const tex of ['\\href{https://example.com}{x}', '\\url{https://example.com}', '\\htmlClass{a}{b}', '\\class{a}{b}', '\\includegraphics{x.png}', '\\def\\a{b}\\a', 'x'.repeat(MATH_LIMITS.length + 1)]) {
      const result = parseMath(tex, false);
      assert.ok('message' in result && result.message.length > 0, tex.slice(0, 40));
      assert.match(renderMathToString(tex, false), /^<code class="math-error" title="[^"]+">\$/);
    }
  });

  it('renders 12 nested fractions and refuses 13 (WebKit lays each level out twice)', () => {
    const nested = (n: number) => '\\frac{'.repeat(n) + 'x' + '}{y}'.repeat(n);
    assert.ok(!('message' in parseMath(nested(MATH_LIMITS.fractions), false)));
    assert.match((parseMath(nested(MATH_LIMITS.fractions + 1), false) as { message: string }).message, /nested too deeply/);
  });

  it('clamps lengths to MATH_LIMITS.em, either sign', () => {
    const markup = renderMathToString('\\rule{500em}{3cm}\\hspace{-800em}\\raisebox{-90cm}{y}', true);
    for (const [, number, unit] of markup.matchAll(/(-?[\d.]+)(em|pt|cm|mm|in|px)/g)) {
      const em = Number(number) * ({ em: 1, pt: 1 / 12, cm: 6 / 2.54, mm: 0.6 / 2.54, in: 6, px: 1 / 16 } as Record<string, number>)[unit!]!;
      assert.ok(Math.abs(em) <= MATH_LIMITS.em + 1e-9, `${number}${unit}`);
    }
  });

  it('escapes what the TeX says, as text, in the server string', () => {
    const markup = renderMathToString('\\text{<b>"x" \'y\'</b>}', false);
    // (TeX typesets 'y' with typographic quotes.)
    assert.match(markup, /<mtext>&lt;b&gt;&quot;x&quot;\s.y.&lt;\/b&gt;<\/mtext>/);
    const failed = renderMathToString('\\frac{<img src=x onerror=alert(1)>', false);
    assert.match(failed, /^<code class="math-error" title="[^"<>]*">\$\\frac\{&lt;img src=x onerror=alert\(1\)&gt;\$<\/code>$/);
  });

  it('renders ordinary formulas as MathML Core', () => {
    assert.equal(
      renderMathToString('\\frac{a}{b}', false),
      '<math><mfrac><mi>a</mi><mi>b</mi></mfrac></math>',
    );
    const display = renderMathToString('\\sum_{i=1}^n x_i', true);
    assert.match(display, /^<span class="math-display"><math display="block"[^>]*>.*<munderover>/);
    // Blackboard bold as Unicode letters (MathML Core has no mathvariant="double-struck").
    assert.match(renderMathToString('\\mathbb{R}', false), /<mi>ℝ<\/mi>/);
  });

  it('the slowest hostile formula, for bench/results.md', () => {
    const [name, ms] = times.reduce((worst, entry) => (entry[1] > worst[1] ? entry : worst));
    console.log(`slowest hostile formula in Node: ${name}, ${ms.toFixed(1)} ms`);
    assert.ok(ms < 1500);
  });
});

describe('math through the importer: TeX arrives untouched', () => {
  const tex = [
    '$L = -\\sum_i y_i \\log p_i$',
    '$$\n\\frac{a_1 * b_1}{c_{*}}\n$$',
    '\\(x_1^*\\)',
    '\\[y = \\{1, 2\\}\\]',
    '$a \\$5 = b$',
  ];
  const document = `## What is the loss?\n\n${tex.join('\n\nand\n\n')}\n`;

  it('keeps $…$, $$…$$, \\(…\\) and \\[…\\] from markdown', () => {
    const question = importMarkdown(document).bank!.questions[0]!;
    for (const formula of tex) assert.ok(question.answer!.includes(formula), formula);
  });

  it('reads them from GIFT with its escapes (\\{ \\} \\= \\~ \\# \\:) and writes them back the same', () => {
    const gift = '::Loss:: What is $L \\= -\\sum_i y_i$ and $$\\frac\\{a\\}\\{b\\}$$ and \\\\(x\\:y\\\\)? {=It is $a \\= b$ \\~ $\\\\\\{x\\\\\\}$ \\#1}';
    const question = importGift(gift).bank!.questions[0]!;
    assert.equal(question.prompt, 'What is $L = -\\sum_i y_i$ and $$\\frac{a}{b}$$ and \\(x:y\\)?');
    assert.equal(question.answer, 'It is $a = b$ ~ $\\{x\\}$ #1');
    const bank = importMarkdown(document).bank!;
    const again = importGift(exportGift(bank).text).bank!.questions[0]!;
    assert.equal(again.answer, bank.questions[0]!.answer);
  });
});
