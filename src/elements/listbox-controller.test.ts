/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { LitElement, nothing } from 'lit';
import { ListboxController, type ListboxChoice } from './listbox-controller.js';

const FRUIT = ['Apple', 'Apricot', 'Banana', 'Cherry', 'Date', 'Elderberry', 'Fig', 'Grape', '葡萄', '苹果'];

/** A bare list on the controller: every option 30 px high in a 90 px scroller; `dropped` options are not rendered (as in a windowed list). */
class TestListbox extends LitElement {
  static override properties = { items: { attribute: false }, dropped: { attribute: false } };
  items: string[] = FRUIT;
  dropped: ReadonlySet<number> = new Set();
  chosen: [string, ListboxChoice][] = [];
  readonly list = new ListboxController(this, {
    focus: 'active-descendant',
    count: () => this.items.length,
    listbox: () => this.renderRoot.querySelector<HTMLElement>('[role="listbox"]'),
    label: (index) => this.items[index]!,
    pageSize: 3,
    choose: (index, how) => this.chosen.push([this.items[index]!, how]),
  });

  protected override render() {
    return html`<div role="listbox" tabindex="0" aria-label="Fruit" style="height: 90px; overflow: auto" @keydown=${this.list.onKeyDown}>
      ${this.items.map((item, i) =>
        this.dropped.has(i)
          ? nothing
          : html`<div role="option" id="fruit-${i}" data-index=${i} aria-selected="false" style="height: 30px" class=${i === this.list.active ? 'active' : ''}>${item}</div>`,
      )}
    </div>`;
  }
}
customElements.define('test-listbox', TestListbox);

/** The same list with a roving tab stop, Shift+Arrow choosing, and no Page keys. */
class TestRovingListbox extends LitElement {
  static override properties = { selected: { type: Number } };
  selected = 2;
  chosen: [string, ListboxChoice][] = [];
  readonly list = new ListboxController(this, {
    focus: 'roving',
    count: () => FRUIT.length,
    listbox: () => this.renderRoot.querySelector<HTMLElement>('[role="listbox"]'),
    initial: () => this.selected,
    label: (index) => FRUIT[index]!,
    extendsWithShift: () => true,
    choose: (index, how) => this.chosen.push([FRUIT[index]!, how]),
  });

  protected override render() {
    return html`<div role="listbox" aria-label="Fruit" @keydown=${this.list.onKeyDown} @focusin=${this.list.onFocusIn} @focusout=${this.list.onFocusOut}>
      ${FRUIT.map((item, i) => html`<div role="option" data-index=${i} aria-selected=${i === this.selected ? 'true' : 'false'} tabindex=${this.list.tabIndexOf(i)}>${item}</div>`)}
    </div>`;
  }
}
customElements.define('test-roving-listbox', TestRovingListbox);

const listbox = (el: LitElement) => el.shadowRoot!.querySelector<HTMLElement>('[role="listbox"]')!;
const activeText = (el: TestListbox) => el.shadowRoot!.getElementById(listbox(el).getAttribute('aria-activedescendant') ?? '')?.textContent ?? null;
const focusedText = (el: LitElement) => el.shadowRoot!.activeElement?.textContent ?? null;

async function press(el: LitElement, key: string): Promise<void> {
  await sendKeys({ press: key });
  await el.updateComplete;
}

/** A keydown on the focused element, for what WebDriver's sendKeys cannot send in every engine (modifiers, characters off a US keyboard). */
async function dispatchKey(el: LitElement, key: string, init: KeyboardEventInit = {}): Promise<KeyboardEvent> {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  ((el.shadowRoot!.activeElement as HTMLElement | null) ?? listbox(el)).dispatchEvent(event);
  await el.updateComplete;
  return event;
}

/** Whether option `text` lies inside the scroller's visible box. */
function inView(el: TestListbox, text: string): boolean {
  const option = [...el.shadowRoot!.querySelectorAll('[role="option"]')].find((o) => o.textContent === text)!;
  const box = listbox(el).getBoundingClientRect();
  const rect = option.getBoundingClientRect();
  return rect.top >= box.top - 1 && rect.bottom <= box.bottom + 1;
}

describe('ListboxController', () => {
  describe('active-descendant', () => {
    it('keeps focus on the list and names the active option; is accessible', async () => {
      const el = await fixture<TestListbox>(html`<test-listbox></test-listbox>`);
      await expect(el).to.be.accessible();
      expect(activeText(el), 'the first option starts active').to.equal('Apple');
      listbox(el).focus();
      await press(el, 'ArrowDown');
      await press(el, 'ArrowDown');
      expect(activeText(el)).to.equal('Banana');
      expect(el.shadowRoot!.activeElement === listbox(el), 'focus stays on the list').to.equal(true);
      await press(el, 'ArrowUp');
      expect(activeText(el)).to.equal('Apricot');
      await press(el, 'End');
      expect(activeText(el)).to.equal('苹果');
      await press(el, 'ArrowDown');
      expect(activeText(el), 'Down stops at the last option').to.equal('苹果');
      await press(el, 'Home');
      await press(el, 'ArrowUp');
      expect(activeText(el), 'Up stops at the first option').to.equal('Apple');
      await press(el, 'PageDown');
      expect(activeText(el)).to.equal('Cherry');
      await press(el, 'PageDown');
      await press(el, 'PageDown');
      await press(el, 'PageDown');
      expect(activeText(el), 'Page Down stops at the last option').to.equal('苹果');
      await press(el, 'PageUp');
      expect(activeText(el)).to.equal('Fig');
      expect(el.chosen, 'moving chooses nothing').to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('chooses with Enter and Space, and prevents only the keys it handles', async () => {
      const el = await fixture<TestListbox>(html`<test-listbox></test-listbox>`);
      listbox(el).focus();
      await press(el, 'ArrowDown');
      await press(el, 'Enter');
      await press(el, 'ArrowDown');
      await press(el, ' ');
      expect(el.chosen).to.deep.equal([
        ['Apricot', 'key'],
        ['Banana', 'key'],
      ]);
      expect((await dispatchKey(el, 'Tab')).defaultPrevented, 'Tab').to.equal(false);
      expect((await dispatchKey(el, 'ArrowDown', { ctrlKey: true })).defaultPrevented, 'Ctrl+Down').to.equal(false);
      expect((await dispatchKey(el, 'ArrowDown', { shiftKey: true })).defaultPrevented, 'Shift+Down moves').to.equal(true);
      expect(el.chosen.length, 'Shift+Down chooses nothing in a list without extendsWithShift').to.equal(2);
      expect((await dispatchKey(el, 'Home')).defaultPrevented).to.equal(true);
    });

    it('jumps by type-ahead, Chinese too, and a repeated letter cycles', async () => {
      const el = await fixture<TestListbox>(html`<test-listbox></test-listbox>`);
      listbox(el).focus();
      await sendKeys({ type: 'c' });
      expect(activeText(el)).to.equal('Cherry');
      await press(el, 'Home'); // ends the burst
      await sendKeys({ type: 'a' });
      expect(activeText(el), 'a first letter moves past the active option').to.equal('Apricot');
      // Two calls: WebKitWebDriver drops the second of two equal characters sent in one.
      await sendKeys({ type: 'a' });
      expect(activeText(el), '"aa" cycles on to the next option starting with a').to.equal('Apple');
      await press(el, 'Home');
      await sendKeys({ type: 'apr' });
      expect(activeText(el), 'a longer search stays on its option').to.equal('Apricot');
      await press(el, 'Home');
      await dispatchKey(el, '苹');
      expect(activeText(el)).to.equal('苹果');
      await press(el, 'Home');
      await sendKeys({ type: 'x' });
      expect(activeText(el), 'no match: stays').to.equal('Apple');
      expect(el.chosen).to.deep.equal([]);
    });

    it('names no option that is not rendered, and names it again once it is', async () => {
      const el = await fixture<TestListbox>(html`<test-listbox></test-listbox>`);
      el.list.active = 4;
      await el.updateComplete;
      expect(activeText(el)).to.equal('Date');
      el.dropped = new Set([4]);
      await el.updateComplete;
      expect(listbox(el).hasAttribute('aria-activedescendant')).to.equal(false);
      // Options added behind the host's back (a windowed list's own rendering) are seen too.
      const option = document.createElement('div');
      Object.assign(option, { id: 'late', textContent: 'Date again' });
      option.setAttribute('role', 'option');
      option.setAttribute('aria-selected', 'false');
      option.dataset.index = '4';
      listbox(el).append(option);
      await waitUntil(() => listbox(el).getAttribute('aria-activedescendant') === 'late', 'the added option is named');
    });

    it('scrolls the active option into view', async () => {
      const el = await fixture<TestListbox>(html`<test-listbox></test-listbox>`);
      listbox(el).focus();
      await press(el, 'End');
      await waitUntil(() => inView(el, '苹果'), 'End scrolls to the last option');
      expect(inView(el, 'Apple')).to.equal(false);
      await press(el, 'Home');
      await waitUntil(() => inView(el, 'Apple'), 'Home scrolls back');
    });
  });

  describe('roving', () => {
    it('is one tab stop on the initial option, and focus follows the keys', async () => {
      const host = await fixture(html`<div><button>before</button><test-roving-listbox></test-roving-listbox><button>after</button></div>`);
      const el = host.querySelector<TestRovingListbox>('test-roving-listbox')!;
      await el.updateComplete;
      host.querySelector('button')!.focus();
      await press(el, 'Tab');
      expect(focusedText(el)).to.equal('Banana');
      await press(el, 'ArrowDown');
      expect(focusedText(el)).to.equal('Cherry');
      await sendKeys({ type: 'g' });
      expect(focusedText(el)).to.equal('Grape');
      expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((o) => o.textContent)).to.deep.equal(['Grape']);
      await dispatchKey(el, 'ArrowUp', { shiftKey: true });
      expect(focusedText(el)).to.equal('Fig');
      expect(el.chosen, 'Shift+Up moves and chooses').to.deep.equal([['Fig', 'extend']]);
      await press(el, 'Tab');
      expect(document.activeElement!.textContent, 'one Tab leaves the list').to.equal('after');
      await el.updateComplete;
      expect([...el.shadowRoot!.querySelectorAll<HTMLElement>('[tabindex="0"]')].map((o) => o.textContent), 'the tab stop goes back to the initial option').to.deep.equal(['Banana']);
      await expect(el).to.be.accessible();
    });
  });
});
