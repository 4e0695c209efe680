/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { BeforePaintResizeObserver } from './before-paint-resize-observer.js';

/** Resolves in the first task after the next frame is painted (a task posted from its animation callbacks). */
const frameEnd = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

/** A row of the given height in the test's container (removed after each test). */
function row(height: number, parent: HTMLElement = document.getElementById('rows')!): HTMLElement {
  const element = document.createElement('div');
  element.style.height = `${height}px`;
  parent.append(element);
  return element;
}

/** An observer calling `callback`, once the browser has notified it of a first row: from then on it hands new rows on early. */
async function observerOfShownList(callback: ResizeObserverCallback): Promise<BeforePaintResizeObserver> {
  const shown = row(20);
  let notified = false;
  const observer = new BeforePaintResizeObserver((entries, self) => {
    if (!notified) notified = entries.some((entry) => entry.target === shown);
    else callback(entries, self);
  });
  observer.observe(shown);
  while (!notified) await frameEnd();
  return observer;
}

describe('the result list’s ResizeObserver (BeforePaintResizeObserver)', () => {
  let observer: BeforePaintResizeObserver | null = null;
  beforeEach(() => {
    const rows = document.createElement('div');
    rows.id = 'rows';
    document.body.append(rows);
  });
  afterEach(() => {
    observer?.disconnect();
    observer = null;
    document.getElementById('rows')!.remove();
  });

  it('hands a new row on before the frame that first shows it is painted, and rows added in answer in the same frame', async () => {
    const calls: { targets: Element[]; painted: number }[] = [];
    let painted = 0;
    const first = row(30);
    const added = row(50);
    observer = await observerOfShownList((entries) => {
      calls.push({ targets: entries.map((entry) => entry.target), painted });
      // The virtualizer answers a measurement in a microtask, with rows it has just rendered.
      if (entries.some((entry) => entry.target === first)) queueMicrotask(() => observer!.observe(added));
    });
    observer.observe(first);
    await frameEnd();
    painted++;
    expect(calls.map((call) => [call.targets, call.painted])).to.deep.equal([
      [[first], 0],
      [[added], 0],
    ]);
  });

  it('hands on at most four rounds before one paint; the rows of a fifth wait for the next frame, and a row observed later too', async () => {
    const rounds: number[] = [];
    let painted = 0;
    observer = await observerOfShownList(() => {
      rounds.push(painted);
      // A virtualizer whose every measurement asks for one more row.
      queueMicrotask(() => observer!.observe(row(10)));
    });
    observer.observe(row(10));
    await frameEnd();
    painted++;
    expect(rounds, 'rounds before the first paint').to.deep.equal([0, 0, 0, 0]);
    await frameEnd();
    expect(rounds.slice(4, 5), 'the fifth round').to.deep.equal([1]);
  });

  it('hands each row on once, and not a row removed or unobserved before the frame', async () => {
    const calls: Element[][] = [];
    const kept = row(30);
    const removed = row(30);
    const unobserved = row(30);
    observer = await observerOfShownList((entries) => calls.push(entries.map((entry) => entry.target)));
    observer.observe(kept);
    observer.observe(removed);
    observer.observe(unobserved);
    removed.remove();
    observer.unobserve(unobserved);
    await frameEnd();
    expect(calls.slice(0, 1)).to.deep.equal([[kept]]);
    // The browser's own first notification follows a frame later.
    await frameEnd();
    await frameEnd();
    const before = calls.length;
    // The virtualizer observes every row again after each update: a row it already knows waits for a real change.
    observer.observe(kept);
    await frameEnd();
    await frameEnd();
    expect(calls.length, 'calls for rows already observed').to.equal(before);
  });

  it('leaves a row of a hidden list to the browser’s notification, which comes once it shows', async () => {
    const calls: Element[][] = [];
    const hidden = document.createElement('div');
    hidden.style.display = 'none';
    document.getElementById('rows')!.append(hidden);
    const target = row(30, hidden);
    observer = await observerOfShownList((entries) => calls.push(entries.map((entry) => entry.target)));
    observer.observe(target);
    await frameEnd();
    expect(calls, 'a row measured at 0 × 0').to.deep.equal([]);
    hidden.style.display = '';
    for (let i = 0; i < 3; i++) await frameEnd();
    expect(calls.flat()).to.include(target);
  });

  it('leaves the first rows to the browser’s notification, a frame after they are painted', async () => {
    const calls: { targets: Element[]; painted: number }[] = [];
    let painted = 0;
    const first = row(30);
    observer = new BeforePaintResizeObserver((entries) => calls.push({ targets: entries.map((entry) => entry.target), painted }));
    observer.observe(first);
    await frameEnd();
    painted++;
    expect(calls, 'calls before the first rows are painted').to.deep.equal([]);
    for (let i = 0; i < 3 && calls.length === 0; i++) await frameEnd();
    expect(calls.map((call) => call.targets)).to.deep.equal([[first]]);
  });

  it('reports a row that changes size later, while the callback adds rows as the virtualizer does, with no "ResizeObserver loop" error', async () => {
    const sizes: number[] = [];
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    const target = row(30);
    let added = 0;
    observer = new BeforePaintResizeObserver((entries) => {
      sizes.push(...entries.filter((entry) => entry.target === target).map((entry) => Math.round(entry.target.getBoundingClientRect().height)));
      // The virtualizer renders and observes more rows from its callback.
      if (added++ < 3) observer!.observe(row(10));
    });
    observer.observe(target);
    for (let i = 0; i < 3; i++) await frameEnd();
    target.style.height = '70px';
    for (let i = 0; i < 4; i++) await frameEnd();
    window.removeEventListener('error', onError);
    expect(sizes.at(-1)).to.equal(70);
    expect(errors).to.deep.equal([]);
  });

  it('does nothing after disconnect with a row or a notification it was about to hand on', async () => {
    const calls: Element[][] = [];
    observer = await observerOfShownList((entries) => calls.push(entries.map((entry) => entry.target)));
    const before = calls.length;
    observer.observe(row(30));
    observer.disconnect();
    await frameEnd();
    expect(calls.length, 'a row observed right before').to.equal(before);
    const early = row(30);
    observer.observe(early);
    observer.observe(row(20));
    await frameEnd();
    // Handed on before this frame was painted; the browser's notification of it waits for the next frame.
    expect(calls.at(-1)).to.include(early);
    const handed = calls.length;
    observer.disconnect();
    for (let i = 0; i < 3; i++) await frameEnd();
    expect(calls.length, 'the browser’s notification after disconnect').to.equal(handed);
  });
});
