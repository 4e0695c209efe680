/// <reference types="mocha" />
// The one rule the browser tests find controls by (controls.ts): names as a screen reader says them.
import { expect, fixture, html } from '@open-wc/testing';
import { accessibleName, buttonNamed } from './controls.js';

describe('finding controls by name', () => {
  it('names a button as it is heard: aria-label first, else its text without aria-hidden or hidden parts', async () => {
    const host = await fixture(html`<div>
      <button id="undo">Undo <kbd aria-hidden="true">U</kbd></button>
      <button id="good"><span>Good</span> <span>10 min</span> <span class="sr">(next review in 10 minutes)</span> <kbd aria-hidden="true">3</kbd></button>
      <button id="labelled" aria-label="Answer 2 of 2">2</button>
      <button id="hidden">Copy<span hidden>Copied</span><span style="display: none">Copy failed</span></button>
    </div>`);
    const name = (id: string) => accessibleName(host.querySelector(`#${id}`)!);
    expect(name('undo')).to.equal('Undo');
    expect(name('good')).to.equal('Good 10 min (next review in 10 minutes)');
    expect(name('labelled')).to.equal('Answer 2 of 2');
    expect(name('hidden')).to.equal('Copy');
  });

  it('a string is the whole name or its first words: "Good" finds "Good 10 min", "Check" never "Checklist"', async () => {
    const host = await fixture(html`<div><button>Checklist</button><button>Good 10 min</button><button>Next →</button></div>`);
    expect(buttonNamed(host, 'Check') === null, 'Check finds Checklist').to.equal(true);
    expect(buttonNamed(host, 'Good')?.textContent).to.equal('Good 10 min');
    expect(buttonNamed(host, 'Next')?.textContent).to.equal('Next →');
    expect(buttonNamed(host, 'Good 10')?.textContent).to.equal('Good 10 min');
    expect(buttonNamed(host, 'Goo') === null, 'part of a word').to.equal(true);
    expect(buttonNamed(host, /^Check/)?.textContent, 'a RegExp is tested against the name').to.equal('Checklist');
  });

  it('an exact name wins over longer ones; equally good matches throw, naming them', async () => {
    const host = await fixture(html`<div><button>Clear search</button><button>Clear search and filters</button><button>Retry</button><button>Retry</button></div>`);
    expect(buttonNamed(host, 'Clear search')?.textContent).to.equal('Clear search');
    expect(buttonNamed(host, 'Clear search and filters')?.textContent).to.equal('Clear search and filters');
    expect(() => buttonNamed(host, /Clear/)).to.throw('2 controls (button, [role="button"]) match /Clear/: "Clear search", "Clear search and filters"');
    expect(() => buttonNamed(host, 'Retry')).to.throw(/2 controls .* match Retry/);
  });

  it("searches an element's shadow root when it has one, and light DOM otherwise", async () => {
    const host = await fixture(html`<div><button>Outside</button></div>`);
    const inner = document.createElement('span');
    const button = document.createElement('button');
    button.textContent = 'Inside';
    inner.attachShadow({ mode: 'open' }).append(button);
    host.append(inner);
    expect(buttonNamed(inner, 'Inside')?.textContent).to.equal('Inside');
    expect(buttonNamed(inner, 'Outside') === null).to.equal(true);
    expect(buttonNamed(host, 'Outside')?.textContent).to.equal('Outside');
  });
});
