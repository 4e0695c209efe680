/// <reference types="mocha" />
// Math in the browser: formulas in markdown show as their TeX (code) until the math chunk is here,
// then as MathML that each engine lays out itself; a formula that fails shows its source with an
// error style; hostile TeX renders inert and quickly. math.unit.test.ts covers the syntax in Node.
import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { loadMath, markdownStyles, renderMarkdown } from './markdown.js';
import { HOSTILE_TEX } from '../../test/hostile/math-payloads.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

@customElement('math-test-host')
class MathTestHost extends LitElement {
  static override styles = [markdownStyles];

  /** The rendered markdown. */
  @property({ attribute: false }) content: TemplateResult | undefined;

  override render() {
    return this.content;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'math-test-host': MathTestHost;
  }
}

async function show(markdown: string, onCodeBlocksReady?: () => void): Promise<ShadowRoot> {
  const host = await fixture<MathTestHost>(html`<math-test-host style="display: block; width: 400px" .content=${renderMarkdown(markdown, { onCodeBlocksReady })}></math-test-host>`);
  return host.shadowRoot!;
}

const MATHML = 'http://www.w3.org/1998/Math/MathML';
const HTML_TAGS = new Set('div p span code strong em'.split(' '));
const MATH_TAGS = new Set('math semantics annotation mrow mi mn mo ms mtext mspace msub msup msubsup munder mover munderover mmultiscripts mprescripts none mfrac msqrt mroot mstyle mpadded mphantom mtable mtr mtd merror menclose'.split(' '));
const MATH_ATTRIBUTES = new Set(
  'display displaystyle scriptlevel mathvariant mathcolor mathbackground mathsize dir lspace rspace stretchy symmetric maxsize minsize largeop movablelimits fence separator form accent accentunder linethickness width height depth voffset columnalign rowalign columnspacing rowspacing columnlines rowlines frame framespacing columnspan rowspan notation encoding style'.split(' '),
);

function expectInert(root: ShadowRoot, what: string): void {
  for (const element of root.querySelectorAll('*')) {
    const math = element.namespaceURI === MATHML;
    expect((math ? MATH_TAGS : HTML_TAGS).has(element.localName), `${what}: <${element.localName}>`).to.be.true;
    for (const name of element.getAttributeNames()) {
      const allowed = math ? MATH_ATTRIBUTES.has(name) : ['class', 'title', 'style'].includes(name);
      expect(allowed, `${what}: ${name} on <${element.localName}>`).to.be.true;
    }
    const style = element.getAttribute('style') ?? '';
    expect(style, `${what}: style`).not.to.match(/url\s*\(|expression|javascript:/i);
  }
}

const box = (element: Element | null) => element!.getBoundingClientRect();

describe('math in markdown: before and after the math chunk', () => {
  it('shows the TeX as code until the math chunk is here, then asks for a render and shows MathML', async () => {
    let ready = 0;
    const root = await show('Loss $L_1 = |y - \\hat{y}|$ here.', () => ready++);
    // Either still loading (the TeX as code) or, if another test loaded the chunk first, the formula.
    const code = root.querySelector('p code');
    if (code) expect(code.textContent).to.equal('L_1 = |y - \\hat{y}|');
    await loadMath();
    if (code) await waitUntil(() => ready === 1, 'onCodeBlocksReady was not called when math arrived');
    const again = await show('Loss $L_1 = |y - \\hat{y}|$ here.');
    const math = again.querySelector('p > math')!;
    expect(math.namespaceURI).to.equal(MATHML);
    expect(again.querySelector('p')!.textContent).to.match(/^Loss .*L.*1.*here\.$/);
    expect(again.querySelector('em'), 'an underscore in the formula became emphasis').to.equal(null);
  });
});

describe('math in markdown: rendering', () => {
  before(async () => {
    await loadMath();
  });

  it('lays out a fraction, a root and sub/superscripts as math (MathML Core)', async () => {
    const root = await show('$\\frac{a+b}{c}$ and $\\sqrt{x^2}$');
    const [fraction] = root.querySelectorAll('mfrac');
    const [numerator, denominator] = fraction!.children;
    expect(box(numerator!).bottom, 'numerator above the denominator').to.be.at.most(box(denominator!).top + 1);
    const root2 = root.querySelector('msqrt')!;
    expect(box(root2).width, 'the radical sign widens the root').to.be.greaterThan(box(root2.querySelector('msup')).width);
    const power = root.querySelector('msup')!;
    expect(box(power.children[1]!).top, 'the exponent is raised').to.be.lessThan(box(power.children[0]!).top);
  });

  it('centres display math as a block, with limits above and below a sum', async () => {
    const root = await show('Before\n\n$$\n\\sum_{i=1}^{n} x_i\n$$\n\nAfter');
    const block = root.querySelector('.math-display')!;
    expect(getComputedStyle(block).display).to.equal('block');
    const math = block.querySelector('math')!;
    expect(math.getAttribute('display')).to.equal('block');
    const sum = root.querySelector('munderover')!;
    const [operator, under, over] = sum.children;
    expect(box(over!).bottom, 'upper limit above the sum').to.be.at.most(box(operator!).top + 2);
    expect(box(under!).top, 'lower limit below the sum').to.be.at.least(box(operator!).bottom - 2);
  });

  it('scrolls a display formula wider than the card inside itself', async () => {
    const root = await show(`$$${'x_1 + '.repeat(80)}x$$`);
    const block = root.querySelector<HTMLElement>('.math-display')!;
    expect(block.scrollWidth, 'the formula is wider than the card').to.be.greaterThan(block.clientWidth);
    expect(box(block).width).to.be.at.most(401);
    expect(getComputedStyle(block).overflowX).to.equal('auto');
  });

  it('keeps prices, code spans and escaped dollars as text', async () => {
    const root = await show('It costs $5 and $10. `$x$` and \\$y$.');
    // Counts, not elements: chai's message for a MathML element never finishes in Chromium.
    expect(root.querySelectorAll('math').length).to.equal(0);
    expect(root.querySelector('p')!.textContent).to.equal('It costs $5 and $10. $x$ and $y$.');
    expect(root.querySelector('code')!.textContent).to.equal('$x$');
  });

  it('shows a formula that fails as its source, readable, underlined, with the reason as its title', async () => {
    const root = await show('Broken: $\\frac{a}{$ and $\\href{https://example.com}{x}$.');
    const errors = [...root.querySelectorAll<HTMLElement>('code.math-error')];
    expect(errors.map((e) => e.textContent)).to.deep.equal(['$\\frac{a}{$', '$\\href{https://example.com}{x}$']);
    for (const error of errors) {
      expect(error.title).to.match(/\w/);
      expect(box(error).width).to.be.greaterThan(10);
      expect(getComputedStyle(error).textDecorationLine).to.contain('underline');
    }
    expect(root.querySelectorAll('a').length).to.equal(0);
  });

  it('renders Chinese text around formulas without spaces', async () => {
    const root = await show('函数$f(x)=x^2$的导数是$2x$。');
    expect(root.querySelectorAll('math')).to.have.length(2);
    expect(root.querySelector('p')!.textContent!.startsWith('函数')).to.be.true;
  });
});

describe('math in markdown: hostile TeX', () => {
  const times: [string, number][] = [];

  before(async () => {
    await loadMath();
  });

  beforeEach(() => {
    delete window.__pwned;
  });

  for (const [name, tex] of HOSTILE_TEX) {
    it(`renders ${name} inert and quickly`, async () => {
      const markdown = `Inline $${tex}$ and display:\n\n$$${tex}$$\n\n<img src=x onerror="window.__pwned=1">`;
      const start = performance.now();
      const root = await show(markdown);
      times.push([name, performance.now() - start]);
      expectInert(root, name);
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      expect(window.__pwned, name).to.equal(undefined);
      expect(root.textContent!.length, `${name}: nothing shows`).to.be.greaterThan(0);
    });
  }

  after(() => {
    const [name, ms] = times.reduce((worst, entry) => (entry[1] > worst[1] ? entry : worst), ['', 0]);
    console.log(`slowest hostile formula in ${({ Firefox: 'Firefox', Chrome: 'Chromium', Safari: 'WebKit' } as Record<string, string>)[navigator.userAgent.match(/Firefox|Chrome|Safari/)?.[0] ?? ''] ?? 'this browser'}: ${name}, ${ms.toFixed(0)} ms (markdown, Temml and layout)`);
  });
});
