import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LazyChunk } from './lazy.js';

/** An importer that fails the first `failures` times, counting its calls. */
function flaky<T>(module: T, failures: number) {
  const calls = { count: 0 };
  const importer = () => {
    calls.count++;
    return calls.count <= failures ? Promise.reject(new TypeError('Failed to fetch dynamically imported module')) : Promise.resolve(module);
  };
  return { importer, calls };
}

describe('LazyChunk: one policy for every lazy part', () => {
  it('downloads once, however many ask at the same time or later', async () => {
    const { importer, calls } = flaky({ answer: 42 }, 0);
    const chunk = new LazyChunk(importer, 'the part');
    const [a, b] = await Promise.all([chunk.load(), chunk.request()]);
    assert.equal(a, b);
    assert.equal(await chunk.load(), a);
    assert.equal(calls.count, 1);
    assert.equal(chunk.value, a);
    assert.equal(chunk.failed, false);
  });

  it('a failed download is reported (load rejects, request gives undefined, failed is set) and the next use downloads again', async (t) => {
    t.mock.method(console, 'warn', () => undefined);
    const { importer, calls } = flaky({ answer: 42 }, 2);
    const chunk = new LazyChunk(importer, 'the part');
    await assert.rejects(chunk.load(), /Failed to fetch/);
    assert.equal(chunk.failed, true);
    assert.equal(await chunk.request(), undefined, 'request never rejects');
    assert.equal(chunk.failed, true);
    assert.deepEqual(await chunk.load(), { answer: 42 }, 'the third use gets it');
    assert.equal(chunk.failed, false);
    assert.equal(calls.count, 3);
  });

  it('says which part failed in the console', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    await new LazyChunk(flaky({}, 1).importer, 'the summary').request();
    assert.match(String(warn.mock.calls[0]?.arguments[0]), /quiz-elements: the summary could not be loaded/);
  });

  it('a module handed over (imported statically elsewhere) is never downloaded', async () => {
    const { importer, calls } = flaky({ answer: 1 }, 0);
    const chunk = new LazyChunk(importer, 'the part');
    chunk.provide({ answer: 2 });
    assert.deepEqual(await chunk.load(), { answer: 2 });
    assert.equal(calls.count, 0);
  });

  it('a part made of other chunks retries through them', async (t) => {
    t.mock.method(console, 'warn', () => undefined);
    const inner = new LazyChunk(flaky({ view: 'v' }, 1).importer, 'the view');
    const outer = new LazyChunk(() => inner.load().then((m) => ({ both: m.view })), 'the view and its part');
    assert.equal(await outer.request(), undefined);
    assert.deepEqual(await outer.load(), { both: 'v' });
  });
});
