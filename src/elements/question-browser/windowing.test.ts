/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import { BeforePaintResizeObserver } from './windowing.js';

/** Resolves in the first task after the next frame is painted (a task posted from its animation callbacks). */
const frameEnd = () =>
  new Promise<void>((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );

/** An observer calling `callback`, once the browser has notified it of a first row (from then on it hands new rows on early). */
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

/** A row of the given height in a fresh container (removed after each test). */
function row(height: number): HTMLElement {
  const element = document.createElement('div');
  element.style.height = `${height}px`;
  document.getElementById('rows')!.append(element);
  return element;
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

  it('hands each row on once, and not a row removed before the frame', async () => {
    const calls: Element[][] = [];
    const kept = row(30);
    const removed = row(30);
    observer = await observerOfShownList((entries) => calls.push(entries.map((entry) => entry.target)));
    observer.observe(kept);
    observer.observe(removed);
    removed.remove();
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

  it('leaves the first rows to the browser’s notification, a frame after they are painted', async () => {
    const calls: { targets: Element[]; painted: number }[] = [];
    let painted = 0;
    const first = row(30);
    observer = new BeforePaintResizeObserver((entries) => calls.push({ targets: entries.map((entry) => entry.target), painted }));
    observer.observe(first);
    await frameEnd();
    painted++;
    expect(calls, 'calls before the first rows are painted').to.deep.equal([]);
    await frameEnd();
    expect(calls).to.deep.equal([{ targets: [first], painted: 1 }]);
  });

  it('still reports a row that changes size later, a frame after the change (no "ResizeObserver loop" error)', async () => {
    const sizes: number[] = [];
    const errors: string[] = [];
    const onError = (event: ErrorEvent) => errors.push(event.message);
    window.addEventListener('error', onError);
    const target = row(30);
    observer = new BeforePaintResizeObserver((entries) => sizes.push(...entries.map((entry) => Math.round(entry.target.getBoundingClientRect().height))));
    observer.observe(target);
    for (let i = 0; i < 3; i++) await frameEnd();
    target.style.height = '70px';
    for (let i = 0; i < 3; i++) await frameEnd();
    window.removeEventListener('error', onError);
    expect(sizes.at(-1)).to.equal(70);
    expect(errors).to.deep.equal([]);
  });
});
