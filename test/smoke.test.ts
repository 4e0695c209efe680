/// <reference types="mocha" />
// Proves the browser toolchain in every engine: TypeScript with Lit's decorators compiles, an
// element renders and re-renders, and axe runs (it passes a clean element and catches a broken one).
import { LitElement, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { expect, fixture } from '@open-wc/testing';

@customElement('smoke-greeting')
class SmokeGreeting extends LitElement {
  /** Who to greet. */
  @property() name = 'world';

  override render() {
    return html`<p>Hello, ${this.name}!</p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'smoke-greeting': SmokeGreeting;
  }
}

function greeting(el: SmokeGreeting): string | undefined {
  return el.shadowRoot?.querySelector('p')?.textContent ?? undefined;
}

describe('toolchain smoke test', () => {
  it('renders a decorated Lit element', async () => {
    const el = await fixture<SmokeGreeting>(html`<smoke-greeting></smoke-greeting>`);
    expect(el).to.be.instanceOf(SmokeGreeting);
    expect(greeting(el)).to.equal('Hello, world!');
  });

  it('reads the attribute and re-renders when the property changes', async () => {
    const el = await fixture<SmokeGreeting>(html`<smoke-greeting name="Ada"></smoke-greeting>`);
    expect(greeting(el)).to.equal('Hello, Ada!');
    el.name = 'Grace';
    await el.updateComplete;
    expect(greeting(el)).to.equal('Hello, Grace!');
  });

  it('passes axe', async () => {
    const el = await fixture<SmokeGreeting>(html`<smoke-greeting></smoke-greeting>`);
    await expect(el).to.be.accessible();
  });

  it('lets axe report a violation (so the check above cannot pass vacuously)', async () => {
    // eslint-disable-next-line lit-a11y/accessible-name -- deliberately broken: axe must catch it
    const unnamedButton = await fixture(html`<button></button>`);
    await expect(unnamedButton).not.to.be.accessible();
  });
});
