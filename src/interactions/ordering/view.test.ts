/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Question } from '../../bank/types.js';
import { defineInteractionHost, type InteractionHost } from '../../../test/interaction-host.js';
import { gradeOrdering, startingOrder } from './ordering.js';
import { view } from './view.js';

const ITEMS = ['Collect data', 'Clean the data', 'Train a **model**', 'Evaluate it'];

const question = (items = ITEMS, id = 'pipeline'): Question => ({
  id, kind: 'concept', title: 'Order the steps', topics: ['t'], prompt: 'Order the steps.', answer: '', type: 'ordering', items,
});

defineInteractionHost('ordering-view-host', view, () => question());
type OrderingHost = InteractionHost<number[]>;

async function mount(q = question(), lang = 'en'): Promise<OrderingHost> {
  const el = await fixture<OrderingHost>(html`<ordering-view-host .question=${q} .uiLang=${lang}></ordering-view-host>`);
  await el.updateComplete;
  return el;
}

const rows = (el: OrderingHost) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('li')];
const handles = (el: OrderingHost) => [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('.handle')];
const steps = (el: OrderingHost, position: number) => [...rows(el)[position]!.querySelectorAll<HTMLButtonElement>('.step')];
/** The items' text in the order shown. */
const shown = (el: OrderingHost) => rows(el).map((row) => row.querySelector('.item > div')!.textContent!.trim());
const focused = (el: OrderingHost) => el.shadowRoot!.activeElement;
const last = (el: OrderingHost) => el.announcements.at(-1);
const plain = (item: number) => ITEMS[item]!.replace(/\*/g, '');
const center = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};

function pointer(target: Element, type: string, y: number, pointerType = 'touch'): void {
  const x = center(target)[0];
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerId: 7, pointerType, isPrimary: true, button: type === 'pointermove' ? -1 : 0, clientX: x, clientY: y }));
}

describe('ordering view', () => {
  afterEach(() => resetMouse());

  it('is accessible unanswered and shows every item, in the starting order, as bank text', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const start = startingOrder(ITEMS.length, 'pipeline');
    expect(shown(el)).to.deep.equal(start.map(plain));
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('Put the items in order');
    expect(el.shadowRoot!.querySelector('.item')!.getAttribute('lang')).to.equal('en');
    expect(el.shadowRoot!.querySelector('.item strong')!.textContent).to.equal('model');
    expect(handles(el).map((h) => h.getAttribute('aria-label'))).to.deep.equal(start.map((i) => `Move: ${plain(i)}`));
    expect(view.ready(el.question, undefined)).to.be.true;
  });

  it('picks an item up with Space, moves it with the arrows keeping focus on it, and drops it with Space', async () => {
    const el = await mount();
    const start = startingOrder(ITEMS.length, 'pipeline');
    const item = start[1]!;
    handles(el)[1]!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(handles(el)[1]!.getAttribute('aria-pressed')).to.equal('true');
    expect(last(el)).to.equal(`Picked up ${plain(item)}, position 2 of 4. Arrow keys move it, Space drops it, Escape cancels.`);

    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    expect(el.response).to.deep.equal([item, start[0], start[2], start[3]]);
    expect(last(el)).to.equal(`${plain(item)}: position 1 of 4`);
    expect(focused(el)).to.equal(handles(el)[0]);
    expect(handles(el)[0]!.getAttribute('aria-label')).to.equal(`Move: ${plain(item)}`);
    expect(handles(el)[0]!.getAttribute('aria-pressed')).to.equal('true');

    await sendKeys({ press: 'ArrowUp' }); // already first: nothing moves
    await el.updateComplete;
    expect(el.response![0]).to.equal(item);

    await sendKeys({ press: ' ' });
    await el.updateComplete;
    expect(last(el)).to.equal(`Dropped ${plain(item)} at position 1 of 4`);
    expect(handles(el)[0]!.getAttribute('aria-pressed')).to.equal('false');
    expect(focused(el)).to.equal(handles(el)[0]);

    // Arrows do nothing while nothing is picked up.
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.response![0]).to.equal(item);
  });

  it('puts a picked-up item back where it was on Escape, and works with Enter too', async () => {
    const el = await mount();
    const start = startingOrder(ITEMS.length, 'pipeline');
    const item = start[0]!;
    handles(el)[0]!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    expect(el.response!.indexOf(item)).to.equal(2);
    expect(focused(el)).to.equal(handles(el)[2]);

    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    expect(el.response).to.deep.equal(start);
    expect(last(el)).to.equal(`Cancelled. ${plain(item)} is back at position 1 of 4`);
    expect(focused(el)).to.equal(handles(el)[0]);
    expect(handles(el)[0]!.getAttribute('aria-pressed')).to.equal('false');

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowDown' });
    await el.updateComplete;
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.response!.indexOf(item)).to.equal(1);
    expect(last(el)).to.equal(`Dropped ${plain(item)} at position 2 of 4`);
  });

  it('moves items with the Move up and Move down buttons, disabled at the ends, and keeps focus on the moved item', async () => {
    const el = await mount();
    const start = startingOrder(ITEMS.length, 'pipeline');
    expect(steps(el, 0)[0]!.disabled).to.be.true;
    expect(steps(el, 0)[1]!.disabled).to.be.false;
    expect(steps(el, 3)[1]!.disabled).to.be.true;
    expect(steps(el, 1).map((b) => b.getAttribute('aria-label'))).to.deep.equal([`Move up: ${plain(start[1]!)}`, `Move down: ${plain(start[1]!)}`]);

    steps(el, 1)[1]!.click();
    await el.updateComplete;
    expect(el.response).to.deep.equal([start[0], start[2], start[1], start[3]]);
    expect(last(el)).to.equal(`${plain(start[1]!)}: position 3 of 4`);
    expect(focused(el)).to.equal(steps(el, 2)[1]);

    // Down to the end: its Move down is disabled now, so focus goes to its Move up.
    steps(el, 2)[1]!.click();
    await el.updateComplete;
    expect(el.response![3]).to.equal(start[1]);
    expect(focused(el)).to.equal(steps(el, 3)[0]);

    steps(el, 3)[0]!.click();
    await el.updateComplete;
    expect(el.response![2]).to.equal(start[1]);
  });

  it('reorders by dragging a handle with the mouse, setting the response on drop', async () => {
    const el = await mount();
    const start = startingOrder(ITEMS.length, 'pipeline');
    const [x, y] = center(handles(el)[0]!);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    const target = center(rows(el)[2]!)[1] + 4;
    await sendMouse({ type: 'move', position: [x, y + 10] });
    await sendMouse({ type: 'move', position: [x, target] });
    await el.updateComplete;
    expect(shown(el)[2]).to.equal(plain(start[0]!));
    expect(rows(el)[2]!.classList.contains('dragging')).to.be.true;
    expect(el.response).to.equal(undefined, 'the response waits for the drop');
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.response).to.deep.equal([start[1], start[2], start[0], start[3]]);
    expect(last(el)).to.equal(`Dropped ${plain(start[0]!)} at position 3 of 4`);
    expect(el.shadowRoot!.querySelector('.dragging')).to.equal(null);
    expect(handles(el).every((h) => h.getAttribute('aria-pressed') === 'false'), 'the click ending a drag picks nothing up').to.be.true;
  });

  it('reorders by a touch drag, which does not scroll the page', async () => {
    const el = await mount();
    const start = startingOrder(ITEMS.length, 'pipeline');
    const handle = handles(el)[3]!;
    expect(getComputedStyle(handle).touchAction).to.equal('none');
    pointer(handle, 'pointerdown', center(handle)[1]);
    pointer(handle, 'pointermove', center(rows(el)[0]!)[1] - 4);
    await el.updateComplete;
    expect(shown(el)[0]).to.equal(plain(start[3]!));
    pointer(handle, 'pointerup', center(rows(el)[0]!)[1] - 4);
    await el.updateComplete;
    expect(el.response).to.deep.equal([start[3], start[0], start[1], start[2]]);
    expect(last(el)).to.equal(`Dropped ${plain(start[3]!)} at position 1 of 4`);
  });

  it('puts the items back when the browser cancels a drag', async () => {
    const el = await mount();
    const start = startingOrder(ITEMS.length, 'pipeline');
    const handle = handles(el)[0]!;
    pointer(handle, 'pointerdown', center(handle)[1]);
    pointer(handle, 'pointermove', center(rows(el)[3]!)[1] + 4);
    await el.updateComplete;
    expect(shown(el)[3]).to.equal(plain(start[0]!));
    pointer(handle, 'pointercancel', center(rows(el)[3]!)[1] + 4);
    await el.updateComplete;
    expect(shown(el)).to.deep.equal(start.map(plain));
    expect(el.response).to.equal(undefined);
  });

  it('marks each item right or wrong after the check, with the place it belongs, and disables the controls', async () => {
    const el = await mount();
    const response = [0, 2, 1, 3];
    el.response = response;
    await el.updateComplete;
    el.grading = gradeOrdering(el.question, response);
    await el.updateComplete;
    expect([...el.shadowRoot!.querySelectorAll('button')].every((b) => b.disabled)).to.be.true;
    const marks = rows(el).map((row) => row.querySelector('.mark')!.textContent!.trim());
    expect(marks).to.deep.equal(['✓ Right place', '✗ Belongs at position 3', '✗ Belongs at position 2', '✓ Right place']);
    expect(rows(el).map((row) => row.classList.contains('right'))).to.deep.equal([true, false, false, true]);
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese in a Chinese card, without English words or spaces after Chinese punctuation', async () => {
    const items = ['收集数据', '清洗数据', '训练模型'];
    const el = await mount(question(items, 'zh-pipeline'), 'zh-CN');
    const start = startingOrder(3, 'zh-pipeline');
    expect(el.shadowRoot!.querySelector('ol')!.getAttribute('aria-label')).to.equal('把各项排成正确的顺序');
    expect(handles(el)[0]!.getAttribute('aria-label')).to.equal(`移动：${items[start[0]!]}`);
    expect(steps(el, 1).map((b) => b.getAttribute('aria-label'))).to.deep.equal([`上移：${items[start[1]!]}`, `下移：${items[start[1]!]}`]);
    handles(el)[1]!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    await sendKeys({ press: 'ArrowUp' });
    await el.updateComplete;
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    handles(el)[0]!.focus();
    await sendKeys({ press: ' ' });
    await el.updateComplete;
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    const picked = items[start[1]!];
    expect(el.announcements).to.deep.equal([
      `已拿起“${picked}”，第 2 位，共 3 项。方向键移动，空格键放下，退出键取消。`,
      `“${picked}”：第 1 位，共 3 项`,
      `已放下“${picked}”，第 1 位，共 3 项`,
      `已拿起“${picked}”，第 1 位，共 3 项。方向键移动，空格键放下，退出键取消。`,
      `已取消，“${picked}”回到第 1 位，共 3 项`,
    ]);
    el.grading = gradeOrdering(el.question, el.response!);
    await el.updateComplete;
    const marks = rows(el).map((row) => row.querySelector('.mark')!.textContent!);
    for (const text of [...el.announcements, ...marks]) {
      expect(text).not.to.match(/[A-Za-z]|[，。：] /);
    }
    expect(marks.some((mark) => mark.includes('应在第'))).to.be.true;
  });

  it('shows hostile item text as text, never as elements', async () => {
    const hostile = ['<img src=x onerror="window.__hacked = 1">', '<script>window.__hacked = 1</script>', 'Fine'];
    const el = await mount(question(hostile, 'hostile'));
    expect(el.shadowRoot!.querySelector('img, script')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include('<img src=x onerror="window.__hacked = 1">');
    expect(el.shadowRoot!.textContent).to.include('<script>');
    expect((window as { __hacked?: number }).__hacked).to.equal(undefined);
    for (const handle of handles(el)) expect(handle.getAttribute('aria-label')!.length).to.be.greaterThan('Move: '.length);
  });

  it('fits a 320 px wide card with targets of at least 24 px', async () => {
    const long = ['A rather long item that has to wrap over several lines on a narrow phone screen', 'Supercalifragilisticexpialidociousandthensomemorewithoutspaces', 'Short'];
    const el = await mount(question(long, 'narrow'));
    el.style.display = 'block';
    el.style.width = '320px';
    await el.updateComplete;
    const list = el.shadowRoot!.querySelector('ol')!;
    expect(list.scrollWidth).to.be.at.most(list.clientWidth);
    for (const button of el.shadowRoot!.querySelectorAll('button')) {
      const box = button.getBoundingClientRect();
      expect(Math.min(box.width, box.height)).to.be.at.least(24);
    }
  });
});
