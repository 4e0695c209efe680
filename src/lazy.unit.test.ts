import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { importChunk, LazyChunk } from './lazy.js';

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

/**
 * A browser's module map, as far as import() goes: a module per URL, fetched once. An engine that
 * caches failures (Chromium before 156, Firefox ESR 153) also keeps a failed fetch for good.
 */
function moduleMap({ cachesFailures }: { cachesFailures: boolean }) {
  const modules = new Map<string, Promise<{ url: string }>>();
  const requests: string[] = [];
  const down = new Set<string>();
  const importUrl = (url: string) => {
    const known = modules.get(url);
    if (known) return known;
    requests.push(url);
    const file = url.replace(/\?.*/, '').replace(/.*\//, '');
    const result = down.has(file) ? Promise.reject(new TypeError(`Failed to fetch dynamically imported module: ${url}`)) : Promise.resolve({ url });
    if (cachesFailures || !down.has(file)) modules.set(url, result);
    return result;
  };
  /** What rollup.config.js makes of `import('./<file>')` in the CDN build. */
  const site = (file: string) => () => importChunk((url) => importUrl(url(`./chunks/${file}`)));
  return { site, requests, down };
}

describe('importChunk: the CDN build\'s import(), which retries a failed chunk under a new URL', () => {
  it('imports a chunk that loads from its own URL, once', async () => {
    const { site, requests } = moduleMap({ cachesFailures: true });
    const a = await site('fine-1.js')();
    assert.equal(a, await site('fine-1.js')());
    assert.deepEqual(requests, ['./chunks/fine-1.js']);
  });

  it('in an engine that caches failures, the next use after a failure gets the chunk under a new URL, and every later use shares it', async () => {
    const { site, requests, down } = moduleMap({ cachesFailures: true });
    down.add('store-2.js');
    await assert.rejects(site('store-2.js')(), /Failed to fetch/);
    assert.deepEqual(requests, ['./chunks/store-2.js'], 'the first failure is reported at once, with no second request');
    down.delete('store-2.js');
    const store = await site('store-2.js')();
    assert.match(store.url, /^\.\/chunks\/store-2\.js\?retry=\d+$/);
    assert.equal(await site('store-2.js')(), store, 'the same module for every later import');
    assert.equal(requests.length, 2);
  });

  it('in an engine that retries by itself, the next use gets the chunk under its own URL (one module, as static imports of it see)', async () => {
    const { site, requests, down } = moduleMap({ cachesFailures: false });
    down.add('store-3.js');
    await assert.rejects(site('store-3.js')());
    down.delete('store-3.js');
    assert.equal((await site('store-3.js')()).url, './chunks/store-3.js');
    assert.deepEqual(requests, ['./chunks/store-3.js', './chunks/store-3.js']);
  });

  it('a retry that fails too is reported, and the one after tries the own URL first and then another new URL', async () => {
    const { site, requests, down } = moduleMap({ cachesFailures: true });
    down.add('store-4.js');
    await assert.rejects(site('store-4.js')());
    await assert.rejects(site('store-4.js')(), /Failed to fetch/);
    down.delete('store-4.js');
    const store = await site('store-4.js')();
    const retries = requests.filter((url) => url.includes('?retry='));
    assert.equal(retries.length, 2);
    assert.notEqual(retries[0], retries[1], 'a URL whose import failed is not tried again');
    assert.equal(store.url, retries[1]);
  });

  it('two uses at the same time after a failure share one retry (one module)', async () => {
    const { site, requests, down } = moduleMap({ cachesFailures: true });
    down.add('store-5.js');
    await assert.rejects(site('store-5.js')());
    down.delete('store-5.js');
    const [a, b] = await Promise.all([site('store-5.js')(), site('store-5.js')()]);
    assert.equal(a, b);
    assert.equal(requests.filter((url) => url.includes('?retry=')).length, 1);
  });

  it('LazyChunk over importChunk: the note, then the chunk on the next use, in an engine that caches failures', async (t) => {
    t.mock.method(console, 'warn', () => undefined);
    const { site, down } = moduleMap({ cachesFailures: true });
    down.add('summary-6.js');
    const chunk = new LazyChunk(site('summary-6.js'), 'the summary');
    assert.equal(await chunk.request(), undefined);
    assert.equal(chunk.failed, true);
    down.delete('summary-6.js');
    assert.match((await chunk.load()).url, /\?retry=/);
    assert.equal(chunk.failed, false);
  });
});
