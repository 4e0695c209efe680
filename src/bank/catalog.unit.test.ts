import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { beforeEach, describe, test } from 'node:test';
import { collectionFromJsonText, collectionFromValue, loadBundledCollection, loadCollectionFromUrl, type LoadedCollection } from './catalog.js';
import { BankLoadError, clearBankCache, loadBankFromUrl } from './load.js';
import type { Bank, Catalog, CatalogEntry } from './types.js';
import { deferred, failsWith, flush, outcome } from '../../test/load-probes.js';

function bank(id: string, questionCount = 1): Bank {
  return {
    format: 'quiz-bank/1',
    id,
    title: `Bank ${id}`,
    language: 'en',
    topics: [{ id: 'basics', title: 'Basics' }],
    questions: Array.from({ length: questionCount }, (_, i) => ({
      id: `q-${i}`,
      kind: 'concept' as const,
      title: `Question ${i} of ${id}`,
      prompt: 'Why?',
      answer: 'Because.',
      topics: ['basics'],
    })),
  };
}

function entry(id: string, src = `./${id}.json`): CatalogEntry {
  return { id, title: `Bank ${id}`, language: 'en', questionCount: 1, src };
}

function catalog(...entries: CatalogEntry[]): Catalog {
  return { format: 'quiz-catalog/1', banks: entries };
}

function json(body: unknown): Response {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

function redirectedTo(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

interface Server {
  fetch: typeof fetch;
  /** Requested URLs, one per fetch call, in call order. */
  urls: string[];
  signals: Map<string, AbortSignal>;
}

/** Answers from `files` by URL (404 when missing); a function answer may be a promise that never settles. */
function server(files: Record<string, unknown | ((signal: AbortSignal) => Response | Promise<Response>)>): Server {
  const stub: Server = {
    urls: [],
    signals: new Map(),
    fetch: async (input, init) => {
      const url = String(input);
      stub.urls.push(url);
      stub.signals.set(url, init!.signal!);
      const file = files[url];
      if (file === undefined) return new Response('missing', { status: 404 });
      return typeof file === 'function' ? file(init!.signal!) : json(file);
    },
  };
  return stub;
}

/** A server that never answers, but like a real fetch stops when its signal aborts. */
function silent(signal: AbortSignal): Promise<Response> {
  return new Promise((_resolve, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
}

const ids = (collection: LoadedCollection) => collection.banks.map((loaded) => loaded.bank.id);

const CATALOG = 'https://banks.example/sets/index.json';

beforeEach(() => clearBankCache());

describe('loadCollectionFromUrl', () => {
  test('a bank URL gives a collection of that one bank, without catalog', async () => {
    const site = server({ 'https://banks.example/a.json': bank('a') });
    const collection = await loadCollectionFromUrl('https://banks.example/a.json', { fetch: site.fetch });
    assert.deepEqual(ids(collection), ['a']);
    assert.equal(collection.catalog, undefined);
    assert.deepEqual(collection.failures, []);
  });

  test("a catalog's banks resolve against the catalog URL, load in parallel, and keep catalog order", async () => {
    const slowA = deferred<Response>();
    const site = server({
      [CATALOG]: catalog(entry('a'), entry('b', '../shared/b.json'), entry('c', 'https://other.example/c.json')),
      'https://banks.example/sets/a.json': () => slowA.promise,
      'https://banks.example/shared/b.json': bank('b'),
      'https://other.example/c.json': bank('c'),
    });
    const call = loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    await flush();
    assert.deepEqual(site.urls, [CATALOG, 'https://banks.example/sets/a.json', 'https://banks.example/shared/b.json', 'https://other.example/c.json'], 'all banks are requested before the first one answers');
    slowA.resolve(json(bank('a')));
    const collection = await call;
    assert.deepEqual(ids(collection), ['a', 'b', 'c'], 'catalog order, not arrival order');
    assert.deepEqual(collection.catalog?.banks.map((e) => e.id), ['a', 'b', 'c']);
    assert.equal(collection.banks[1]!.baseUrl, 'https://banks.example/shared/b.json');
    assert.deepEqual(collection.failures, []);
  });

  test('entries resolve against where the catalog really is, after redirects', async () => {
    const site = server({
      [CATALOG]: () => redirectedTo(json(catalog(entry('a'))), 'https://cdn.example/v2/index.json'),
      'https://cdn.example/v2/a.json': bank('a'),
    });
    const collection = await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    assert.deepEqual(ids(collection), ['a']);
  });

  test('one request per URL: several elements loading one catalog, and a card loading one of its banks', async () => {
    const site = server({ [CATALOG]: catalog(entry('a'), entry('b')), 'https://banks.example/sets/a.json': bank('a'), 'https://banks.example/sets/b.json': bank('b') });
    const [first, second, card, third] = await Promise.all([
      loadCollectionFromUrl(CATALOG, { fetch: site.fetch }),
      loadCollectionFromUrl(new URL(`${CATALOG}#topics`), { fetch: site.fetch }),
      loadBankFromUrl('https://banks.example/sets/a.json', { fetch: site.fetch }),
      loadCollectionFromUrl(CATALOG, { fetch: site.fetch }),
    ]);
    assert.deepEqual([...site.urls].sort(), ['https://banks.example/sets/a.json', 'https://banks.example/sets/b.json', CATALOG]);
    assert.equal(first.banks[0], card, 'the same parsed bank');
    assert.equal(second.banks[1], third.banks[1]);
    await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    assert.equal(site.urls.length, 3, 'a later load is served from the cache');
  });

  test('a bank loader pointed at a catalog already loaded says it is a catalog, without fetching again', async () => {
    const site = server({ [CATALOG]: catalog(entry('a')), 'https://banks.example/sets/a.json': bank('a') });
    await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    await failsWith(loadBankFromUrl(CATALOG, { fetch: site.fetch }), 'not-a-bank', 'this is a catalog ("quiz-catalog/1"), not a bank', 'such as "./a.json"');
    assert.equal(site.urls.length, 2);
  });

  test('banks that fail are listed in catalog order with their errors; the others load', async () => {
    const site = server({
      [CATALOG]: catalog(entry('a'), entry('gone'), entry('b'), entry('broken')),
      'https://banks.example/sets/a.json': bank('a'),
      'https://banks.example/sets/b.json': bank('b'),
      'https://banks.example/sets/broken.json': () => new Response('{"format": "quiz-bank/1",', { headers: { 'content-type': 'application/json' } }),
    });
    const collection = await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    assert.deepEqual(ids(collection), ['a', 'b']);
    assert.deepEqual(
      collection.failures.map(({ entry, error }) => [entry.id, error.kind, error.url]),
      [
        ['gone', 'http', 'https://banks.example/sets/gone.json'],
        ['broken', 'not-json', 'https://banks.example/sets/broken.json'],
      ],
    );
    assert.equal(collection.failures[0]!.error.status, 404);
  });

  test('when every bank fails: the first failure in catalog order decides the kind, and the message says so', async () => {
    const site = server({
      [CATALOG]: catalog(entry('x'), entry('y'), entry('z')),
      'https://banks.example/sets/x.json': () => new Response('', { status: 403 }),
      'https://banks.example/sets/y.json': () => Promise.reject(new TypeError('Failed to fetch')),
    });
    const error = await failsWith(
      loadCollectionFromUrl(CATALOG, { fetch: site.fetch }),
      'http',
      `None of the 3 banks of the catalog ${CATALOG} could be loaded`,
      'The first, "Bank x" (x), failed: Could not load https://banks.example/sets/x.json: the server answered 403 Forbidden',
    );
    assert.equal(error.status, 403);
    assert.equal(error.url, 'https://banks.example/sets/x.json');
    assert.ok(error.cause instanceof BankLoadError);
  });

  test('a catalog of one bank that fails', async () => {
    const site = server({ [CATALOG]: catalog(entry('x')) });
    await failsWith(loadCollectionFromUrl(CATALOG, { fetch: site.fetch }), 'http', `The only bank of the catalog ${CATALOG} could not be loaded`, '404 Not Found');
  });

  test('an empty catalog is an empty collection, not an error', async () => {
    const collection = await loadCollectionFromUrl(CATALOG, { fetch: server({ [CATALOG]: catalog() }).fetch });
    assert.deepEqual(collection, { banks: [], catalog: catalog(), failures: [] });
  });

  test('the catalog itself failing rejects as the bank loader does', async () => {
    await failsWith(loadCollectionFromUrl(CATALOG, { fetch: server({}).fetch }), 'http', `Could not load ${CATALOG}: the server answered 404 Not Found`);
    const page = () => new Response('<!doctype html><p>Home</p>', { headers: { 'content-type': 'text/html' } });
    await failsWith(loadCollectionFromUrl(CATALOG, { fetch: server({ [CATALOG]: page }).fetch }), 'not-json', 'returned an HTML page');
  });

  test('an invalid catalog lists its problems; a newer catalog format has its own kind', async () => {
    const invalid = { format: 'quiz-catalog/1', banks: [{ ...entry('a'), src: '' }, entry('a')] };
    const error = await failsWith(
      loadCollectionFromUrl(CATALOG, { fetch: server({ [CATALOG]: invalid }).fetch }),
      'not-a-bank',
      `${CATALOG} is not a valid catalog of quiz banks:`,
      'banks[0].src: expected a non-empty string',
    );
    assert.deepEqual(error.issues?.map((issue) => issue.path), ['banks[0].src']);
    assert.equal(error.url, CATALOG, 'the UI names the file');
    clearBankCache();
    const future = { format: 'quiz-catalog/2', shelves: [] };
    await failsWith(loadCollectionFromUrl(CATALOG, { fetch: server({ [CATALOG]: future }).fetch }), 'format', '"quiz-catalog/2"', 'reads only "quiz-catalog/1"');
  });

  test('two entries holding the same bank id: the second is a failure, so progress and topics stay apart', async () => {
    const site = server({
      [CATALOG]: catalog(entry('a'), entry('a-copy', './a.json'), entry('b')),
      'https://banks.example/sets/a.json': bank('a'),
      'https://banks.example/sets/b.json': bank('b'),
    });
    const collection = await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    assert.deepEqual(ids(collection), ['a', 'b']);
    assert.deepEqual(collection.failures.map((f) => [f.entry.id, f.error.kind]), [['a-copy', 'not-a-bank']]);
    assert.match(collection.failures[0]!.error.message, /lists "a" and "a-copy", which both hold the bank "a"/);
    assert.equal(site.urls.length, 3, 'the file listed twice is fetched once');
  });

  test('an entry whose src is not a URL fails alone', async () => {
    const site = server({ [CATALOG]: catalog(entry('a'), entry('bad', 'https://[broken/x.json')), 'https://banks.example/sets/a.json': bank('a') });
    const collection = await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    assert.deepEqual(ids(collection), ['a']);
    const [failure] = collection.failures;
    assert.equal(failure?.error.kind, 'network');
    assert.match(failure!.error.message, /lists the bank "bad" at "https:\/\/\[broken\/x.json", which is not a URL/);
  });

  test('a markdown bank in a catalog is imported like any markdown URL', async () => {
    const markdown = '# Notes\n\n## Questions\n\n### 1. What is a token?\n\n**Question:** What is a token?\n\n**Answer:** A piece of text.\n';
    const site = server({ [CATALOG]: catalog(entry('notes', './notes.md')), 'https://banks.example/sets/notes.md': () => new Response(markdown) });
    const collection = await loadCollectionFromUrl(CATALOG, { fetch: site.fetch });
    assert.deepEqual(ids(collection), ['notes']);
  });
});

describe('loadCollectionFromUrl: abort and time limit', () => {
  test('aborting while the catalog loads rejects with the reason and stops the request', async () => {
    const site = server({ [CATALOG]: silent });
    const controller = new AbortController();
    const call = loadCollectionFromUrl(CATALOG, { fetch: site.fetch, signal: controller.signal });
    await flush();
    controller.abort();
    await assert.rejects(call, { name: 'AbortError' });
    assert.equal(site.signals.get(CATALOG)?.aborted, true);
  });

  test('aborting while the banks load rejects with the reason, stops their requests, and never resolves afterwards', async () => {
    const lateB = deferred<Response>();
    const site = server({ [CATALOG]: catalog(entry('a'), entry('b')), 'https://banks.example/sets/a.json': bank('a'), 'https://banks.example/sets/b.json': () => lateB.promise });
    const controller = new AbortController();
    const call = outcome(loadCollectionFromUrl(CATALOG, { fetch: site.fetch, signal: controller.signal }));
    await flush();
    assert.equal(site.urls.length, 3);
    controller.abort('src changed');
    lateB.resolve(json(bank('b')));
    await flush();
    assert.equal(call.state, 'rejected');
    assert.equal(call.value, 'src changed', 'the caller gets its own reason, not failures');
    assert.equal(site.signals.get('https://banks.example/sets/b.json')?.aborted, true, 'nobody else waits for b');
  });

  test('a signal aborted before the call fetches nothing', async () => {
    const site = server({ [CATALOG]: catalog() });
    await assert.rejects(loadCollectionFromUrl(CATALOG, { fetch: site.fetch, signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(site.urls.length, 0);
  });

  test('a catalog that never answers times out like a bank', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const call = outcome(loadCollectionFromUrl(CATALOG, { fetch: server({ [CATALOG]: silent }).fetch, timeout: 5_000 }));
    await flush();
    t.mock.timers.tick(5_000);
    await flush();
    assert.equal(call.state, 'rejected');
    assert.equal((call.value as BankLoadError).kind, 'timeout');
    assert.match((call.value as BankLoadError).message, new RegExp(`Loading ${CATALOG} took longer than 5 seconds`));
  });

  test('a bank that never answers is a timeout failure; the other banks still show', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const site = server({ [CATALOG]: catalog(entry('a'), entry('slow')), 'https://banks.example/sets/a.json': bank('a'), 'https://banks.example/sets/slow.json': silent });
    const call = outcome(loadCollectionFromUrl(CATALOG, { fetch: site.fetch, timeout: 2_000 }));
    await flush();
    t.mock.timers.tick(1_999);
    await flush();
    assert.equal(call.state, 'pending');
    t.mock.timers.tick(1);
    await flush();
    assert.equal(call.state, 'resolved');
    const collection = call.value as LoadedCollection;
    assert.deepEqual(ids(collection), ['a']);
    assert.deepEqual(collection.failures.map((f) => [f.entry.id, f.error.kind, f.error.timeoutMs]), [['slow', 'timeout', 2_000]]);
    assert.equal(site.signals.get('https://banks.example/sets/slow.json')?.aborted, true);
  });
});

describe('loadBundledCollection', () => {
  const bundled = JSON.parse(readFileSync(new URL('../../data/banks/index.json', import.meta.url), 'utf8')) as Catalog;

  test('every bundled bank, in catalog order, with the bundled catalog', async () => {
    const collection = await loadBundledCollection();
    assert.deepEqual(ids(collection), bundled.banks.map((e) => e.id));
    assert.deepEqual(collection.catalog, bundled);
    assert.deepEqual(collection.failures, []);
    assert.equal(collection.banks.reduce((n, loaded) => n + loaded.bank.questions.length, 0), 213);
  });

  test('shares the banks with loadBundledBank callers, and aborts like them', async () => {
    assert.equal((await loadBundledCollection()).banks[2], (await loadBundledCollection()).banks[2]);
    const controller = new AbortController();
    clearBankCache();
    const call = loadBundledCollection({ signal: controller.signal });
    controller.abort();
    await assert.rejects(call, { name: 'AbortError' });
  });
});

describe('collectionFromValue and collectionFromJsonText', () => {
  const page = 'https://page.example/course/lesson.html';

  test('a bank, a single question, and an array of banks are checked at once', () => {
    assert.deepEqual(ids(collectionFromValue(bank('a'), page) as LoadedCollection), ['a']);
    const question = collectionFromValue({ prompt: 'What is a token?', answer: 'A piece of text.' }, page) as LoadedCollection;
    assert.deepEqual(ids(question), ['inline']);
    const list = collectionFromValue([bank('a'), bank('b')], page) as LoadedCollection;
    assert.deepEqual(ids(list), ['a', 'b']);
    assert.equal(list.banks[0]!.baseUrl, page);
    assert.equal(list.catalog, undefined);
    assert.deepEqual(collectionFromValue([], page), { banks: [], failures: [] });
  });

  test('an invalid item of an array is named by its index; repeated bank ids are refused', async () => {
    const broken = { ...bank('b'), title: '' };
    const error = await failsWith(() => collectionFromValue([bank('a'), broken], page), 'not-a-bank', 'The inline bank [1] is not a valid quiz bank', 'title: expected a non-empty string');
    assert.equal(error.issues?.length, 1);
    await failsWith(() => collectionFromValue([{ prompt: 'Why?', answer: '' }], page), 'not-a-bank', 'The inline question [0] is not valid', 'answer:');
    await failsWith(() => collectionFromValue([bank('a'), bank('b'), bank('a')], page), 'not-a-bank', 'The inline banks [0] and [2] have the same id "a"');
    await failsWith(() => collectionFromValue(null, page), 'not-a-bank', 'The inline bank is not a valid quiz bank');
  });

  test('a catalog object loads its banks relative to the page', async () => {
    const site = server({ 'https://page.example/banks/a.json': bank('a'), 'https://page.example/course/b.json': bank('b') });
    const result = collectionFromValue(catalog(entry('a', '/banks/a.json'), entry('b')), page, { fetch: site.fetch });
    assert.ok(result instanceof Promise);
    const collection = await result;
    assert.deepEqual(ids(collection), ['a', 'b']);
    assert.equal(collection.catalog?.banks.length, 2);
  });

  test('a catalog object whose banks all fail, and an invalid catalog object, reject', async () => {
    await failsWith(Promise.resolve(collectionFromValue(catalog(entry('a')), page, { fetch: server({}).fetch })), 'http', 'The only bank of the inline catalog could not be loaded');
    await failsWith(Promise.resolve(collectionFromValue({ format: 'quiz-catalog/1', banks: {} }, page)), 'not-a-bank', 'The inline catalog is not a valid catalog of quiz banks', 'banks: expected an array');
  });

  test('JSON text: a bank, a catalog, broken or empty text', async () => {
    assert.deepEqual(ids(await collectionFromJsonText(`\uFEFF${JSON.stringify([bank('a'), bank('b')])}`, page)), ['a', 'b']);
    const site = server({ 'https://page.example/course/a.json': bank('a') });
    assert.deepEqual(ids(await collectionFromJsonText(JSON.stringify(catalog(entry('a'))), page, { fetch: site.fetch })), ['a']);
    await failsWith(collectionFromJsonText('{"format": ', page), 'not-json', 'The inline bank is not valid JSON', '<script type="application/json">');
    await failsWith(collectionFromJsonText(' \n', page), 'not-json', 'The inline bank is empty');
  });
});
