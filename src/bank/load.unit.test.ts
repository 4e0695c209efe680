import assert from 'node:assert/strict';
import { beforeEach, describe, test, type TestContext } from 'node:test';
import {
  BankLoadError,
  bankFromJsonText,
  bankFromDocument,
  bankFromMarkdown,
  bankFromValue,
  clearBankCache,
  loadBankFromUrl,
  type LoadedBank,
} from './load.js';
import { validateBank } from './validate.js';
import { deferred, failsWith, flush, outcome } from '../../test/load-probes.js';

/** A fresh valid bank each time, so a test can break it freely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function goodBank(): Record<string, any> {
  return {
    format: 'quiz-bank/1',
    id: 'tokens',
    title: 'Tokens',
    language: 'en',
    topics: [{ id: 'basics', title: 'Basics' }],
    questions: [
      { id: 'what-is-a-token', kind: 'concept', title: 'What is a token?', prompt: 'What is a token?', answer: 'A unit of text.', topics: ['basics'] },
    ],
  };
}

const MARKDOWN = `# Tokenizer basics

## Questions

### 1. What is a token?

**Question:** What is a token in a language model?

**Answer:** A piece of text the model reads as one unit.
`;

const BROKEN_MARKDOWN = `# Broken

## Questions

### 1. A question without answer

**Question:** What is missing here?
`;

function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string> | undefined) },
  });
}

/** A Response as fetch returns it after redirects: constructed ones have an empty `url`. */
function redirectedTo(response: Response, url: string): Response {
  Object.defineProperty(response, 'url', { value: url });
  return response;
}

interface FetchStub {
  fetch: typeof fetch;
  /** Requested URLs, one per fetch call. */
  urls: string[];
  /** The signal each fetch call received. */
  signals: AbortSignal[];
}

function stubFetch(answer: (url: string, signal: AbortSignal) => Response | Promise<Response>): FetchStub {
  const stub: FetchStub = {
    urls: [],
    signals: [],
    fetch: async (input, init) => {
      const url = String(input);
      stub.urls.push(url);
      stub.signals.push(init!.signal!);
      return answer(url, init!.signal!);
    },
  };
  return stub;
}

/** A server that never answers, but like a real fetch stops when its signal aborts. */
function silentServer(): FetchStub {
  return stubFetch(
    (_url, signal) =>
      new Promise<Response>((_resolve, reject) => {
        signal.addEventListener('abort', () => reject(signal.reason));
      }),
  );
}

/** Timers the loader started and has not cleared yet. */
function liveTimers(t: TestContext): Set<unknown> {
  const live = new Set<unknown>();
  const realSet = globalThis.setTimeout;
  const realClear = globalThis.clearTimeout;
  t.mock.method(globalThis, 'setTimeout', ((run: () => void, ms?: number) => {
    const id = realSet(() => {
      live.delete(id);
      run();
    }, ms);
    live.add(id);
    return id;
  }) as unknown as typeof setTimeout);
  t.mock.method(globalThis, 'clearTimeout', ((id: ReturnType<typeof setTimeout> | undefined) => {
    live.delete(id);
    realClear(id);
  }) as typeof clearTimeout);
  return live;
}

beforeEach(() => clearBankCache());

describe('loadBankFromUrl shares one request per URL', () => {
  test('ten callers of the same URL get one fetch and one parsed bank', async () => {
    const server = stubFetch(() => jsonResponse(goodBank()));
    const url = 'https://banks.example/tokens.json';
    const results = await Promise.all(Array.from({ length: 10 }, () => loadBankFromUrl(url, { fetch: server.fetch })));
    assert.deepEqual(server.urls, [url]);
    assert.ok(results.every((r) => r === results[0]), 'every caller gets the same parsed bank');
    assert.equal(results[0]!.bank.id, 'tokens');
    assert.equal(results[0]!.baseUrl, url);
  });

  test('a later caller gets the cached bank, also for a URL object or another fragment', async () => {
    const server = stubFetch(() => jsonResponse(goodBank()));
    const first = await loadBankFromUrl('https://banks.example/tokens.json', { fetch: server.fetch });
    const again = await loadBankFromUrl(new URL('https://banks.example/tokens.json#q2'), { fetch: server.fetch });
    assert.equal(again, first);
    assert.equal(server.urls.length, 1);
  });

  test('a failed load is forgotten, so trying again refetches, and the success is then cached', async () => {
    let status = 503;
    const server = stubFetch(() => (status === 200 ? jsonResponse(goodBank()) : new Response('busy', { status })));
    const url = 'https://banks.example/flaky.json';
    await failsWith(loadBankFromUrl(url, { fetch: server.fetch }), 'http', '503 Service Unavailable');
    status = 200;
    const loaded = await loadBankFromUrl(url, { fetch: server.fetch });
    assert.equal(loaded.bank.id, 'tokens');
    await loadBankFromUrl(url, { fetch: server.fetch });
    assert.equal(server.urls.length, 2, 'one failed fetch, one successful fetch, then the cache');
  });

  test('relative links resolve against the final URL after redirects', async () => {
    const server = stubFetch(() => redirectedTo(jsonResponse(goodBank()), 'https://cdn.example/v2/tokens.json'));
    const { baseUrl } = await loadBankFromUrl('https://banks.example/tokens.json', { fetch: server.fetch });
    assert.equal(baseUrl, 'https://cdn.example/v2/tokens.json');
    assert.equal(new URL('img/diagram.png', baseUrl).href, 'https://cdn.example/v2/img/diagram.png');
  });
});

describe('loadBankFromUrl and AbortSignal', () => {
  test('aborting one of two callers rejects only that caller; the shared fetch goes on', async () => {
    const answer = deferred<Response>();
    const server = stubFetch(() => answer.promise);
    const url = 'https://banks.example/shared.json';
    const leaving = new AbortController();
    const first = loadBankFromUrl(url, { fetch: server.fetch, signal: leaving.signal });
    const second = loadBankFromUrl(url, { fetch: server.fetch });
    leaving.abort();
    await assert.rejects(first, { name: 'AbortError' });
    assert.equal(server.signals[0]!.aborted, false, 'the other caller still needs the request');
    answer.resolve(jsonResponse(goodBank()));
    assert.equal((await second).bank.id, 'tokens');
    assert.equal(server.urls.length, 1);
  });

  test('aborting every caller aborts the shared fetch and forgets it', async () => {
    const server = silentServer();
    const url = 'https://banks.example/abandoned.json';
    const a = new AbortController();
    const b = new AbortController();
    const first = loadBankFromUrl(url, { fetch: server.fetch, signal: a.signal });
    const second = loadBankFromUrl(url, { fetch: server.fetch, signal: b.signal });
    a.abort();
    assert.equal(server.signals[0]!.aborted, false);
    b.abort();
    await assert.rejects(first, { name: 'AbortError' });
    await assert.rejects(second, { name: 'AbortError' });
    assert.equal(server.signals[0]!.aborted, true, 'nobody waits any more, so the request stops');
    const retry = loadBankFromUrl(url, { fetch: stubFetch(() => jsonResponse(goodBank())).fetch });
    assert.equal((await retry).bank.id, 'tokens', 'a new caller starts a new request');
  });

  test('an abandoned request that fails late does not disturb the newer request for the same URL', async () => {
    const late = deferred<Response>();
    let calls = 0;
    // The first answer ignores the abort and fails long after; later ones succeed.
    const server = stubFetch(() => (++calls === 1 ? late.promise : jsonResponse(goodBank())));
    const url = 'https://banks.example/stubborn.json';
    const controller = new AbortController();
    const abandoned = loadBankFromUrl(url, { fetch: server.fetch, signal: controller.signal });
    controller.abort();
    await assert.rejects(abandoned, { name: 'AbortError' });
    const fresh = await loadBankFromUrl(url, { fetch: server.fetch });
    assert.equal(server.urls.length, 2, 'the abandoned request is not reused');
    late.resolve(new Response('', { status: 500 }));
    await flush();
    assert.equal(await loadBankFromUrl(url, { fetch: server.fetch }), fresh, 'the newer result stays cached');
    assert.equal(server.urls.length, 2);
  });

  test('changing src while loading: the old call rejects and never resolves, the new one resolves', async () => {
    const slowAnswer = deferred<Response>();
    const server = stubFetch((url) => (url.endsWith('/old.json') ? slowAnswer.promise : jsonResponse({ ...goodBank(), id: 'new' })));
    const old = new AbortController();
    const oldCall = outcome(loadBankFromUrl('https://banks.example/old.json', { fetch: server.fetch, signal: old.signal }));
    old.abort();
    const loaded = await loadBankFromUrl('https://banks.example/new.json', { fetch: server.fetch, signal: new AbortController().signal });
    assert.equal(loaded.bank.id, 'new');
    // The old server answers late, with a valid bank, ignoring the abort.
    slowAnswer.resolve(jsonResponse({ ...goodBank(), id: 'old' }));
    await flush();
    assert.equal(oldCall.state, 'rejected');
    assert.equal((oldCall.value as Error).name, 'AbortError');
    assert.equal(server.signals[0]!.aborted, true);
  });

  test('an abort right after the bank arrived still wins for that caller', async () => {
    const server = stubFetch(() => jsonResponse(goodBank()));
    const url = 'https://banks.example/just-in-time.json';
    await loadBankFromUrl(url, { fetch: server.fetch });
    const controller = new AbortController();
    const call = outcome(loadBankFromUrl(url, { fetch: server.fetch, signal: controller.signal }));
    controller.abort();
    await flush();
    assert.equal(call.state, 'rejected', 'a cached bank must not resolve a caller that already aborted');
  });

  test('a signal aborted before the call rejects with its reason and fetches nothing', async () => {
    const server = stubFetch(() => jsonResponse(goodBank()));
    const reason = new Error('src changed');
    await assert.rejects(loadBankFromUrl('https://banks.example/x.json', { fetch: server.fetch, signal: AbortSignal.abort(reason) }), (e) => e === reason);
    assert.equal(server.urls.length, 0);
  });

  test("the caller's own abort reason is what it gets", async () => {
    const server = silentServer();
    const controller = new AbortController();
    const call = loadBankFromUrl('https://banks.example/x.json', { fetch: server.fetch, signal: controller.signal });
    controller.abort('src changed');
    await assert.rejects(call, (e) => e === 'src changed');
  });

  test('a fetch stopped by something else than the callers is kind "aborted"', async () => {
    const server = stubFetch(() => Promise.reject(new DOMException('The user aborted a request.', 'AbortError')));
    await failsWith(loadBankFromUrl('https://banks.example/x.json', { fetch: server.fetch }), 'aborted', 'https://banks.example/x.json', 'Try again');
  });
});

describe('loadBankFromUrl time limit', () => {
  test('after 15 s by default it rejects with kind "timeout", names the seconds and URL, and stops the fetch', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const server = silentServer();
    const url = 'https://slow.example/bank.json';
    const call = outcome(loadBankFromUrl(url, { fetch: server.fetch }));
    t.mock.timers.tick(14_999);
    await flush();
    assert.equal(call.state, 'pending');
    t.mock.timers.tick(1);
    await flush();
    assert.equal(call.state, 'rejected');
    const error = call.value as BankLoadError;
    assert.equal(error.kind, 'timeout');
    assert.match(error.message, /took longer than 15 seconds/);
    assert.ok(error.message.includes(url));
    assert.equal(error.timeoutMs, 15_000);
    assert.equal(server.signals[0]!.aborted, true, 'the request is stopped, not left running');
    await loadBankFromUrl(url, { fetch: stubFetch(() => jsonResponse(goodBank())).fetch });
  });

  test('a custom limit is named in the message', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const call = loadBankFromUrl('https://slow.example/b.json', { fetch: silentServer().fetch, timeout: 2_500 });
    t.mock.timers.tick(2_500);
    await failsWith(call, 'timeout', 'took longer than 2.5 seconds', 'https://slow.example/b.json');
  });

  test('one caller timing out does not stop the request another caller still waits for', async (t) => {
    t.mock.timers.enable({ apis: ['setTimeout'] });
    const answer = deferred<Response>();
    const server = stubFetch(() => answer.promise);
    const url = 'https://slow.example/shared.json';
    const impatient = loadBankFromUrl(url, { fetch: server.fetch, timeout: 1_000 });
    const patient = loadBankFromUrl(url, { fetch: server.fetch, timeout: 60_000 });
    t.mock.timers.tick(1_000);
    await failsWith(impatient, 'timeout', '1 second');
    assert.equal(server.signals[0]!.aborted, false);
    answer.resolve(jsonResponse(goodBank()));
    assert.equal((await patient).bank.id, 'tokens');
  });

  test('no timer outlives a load: success, failure, abort, or no limit at all', async (t) => {
    const live = liveTimers(t);
    const ok = stubFetch(() => jsonResponse(goodBank()));
    await loadBankFromUrl('https://banks.example/ok.json', { fetch: ok.fetch });
    assert.equal(live.size, 0, 'after success');
    await failsWith(loadBankFromUrl('https://banks.example/404.json', { fetch: stubFetch(() => new Response('', { status: 404 })).fetch }), 'http');
    assert.equal(live.size, 0, 'after failure');
    const controller = new AbortController();
    const aborted = loadBankFromUrl('https://banks.example/slow.json', { fetch: silentServer().fetch, signal: controller.signal });
    assert.equal(live.size, 1, 'the time limit is running');
    controller.abort();
    await assert.rejects(aborted, { name: 'AbortError' });
    assert.equal(live.size, 0, 'after abort');
    const server = stubFetch(() => jsonResponse(goodBank()));
    await loadBankFromUrl('https://banks.example/no-limit.json', { fetch: server.fetch, timeout: 0 });
    assert.equal((globalThis.setTimeout as unknown as { mock: { callCount(): number } }).mock.callCount(), 3, 'timeout 0 starts no timer');
  });
});

describe('loadBankFromUrl errors say what failed, where, and what to do', () => {
  const load = (answer: () => Response | Promise<Response>, url = 'https://x.example/bank.json') =>
    loadBankFromUrl(url, { fetch: stubFetch(answer).fetch });

  test('404: status, status text and the URL', async () => {
    const error = await failsWith(load(() => new Response('missing', { status: 404, statusText: 'Not Found' })), 'http');
    assert.equal(error.message, 'Could not load https://x.example/bank.json: the server answered 404 Not Found. Check the src URL.');
    assert.equal(error.status, 404);
    assert.equal(error.url, 'https://x.example/bank.json');
  });

  test('an HTML 404 page is an http failure, not a JSON problem', async () => {
    const page = new Response('<!doctype html><h1>Not found</h1>', { status: 404, statusText: 'Not Found', headers: { 'content-type': 'text/html' } });
    const error = await failsWith(load(() => page), 'http', '404 Not Found');
    assert.equal(error.status, 404);
  });

  test('a status without text (HTTP/2) still gets a name, and server errors advise trying later', async () => {
    await failsWith(load(() => new Response('', { status: 500 })), 'http', 'the server answered 500 Internal Server Error', 'try again later');
    await failsWith(load(() => new Response('', { status: 403 })), 'http', '403 Forbidden', 'refuses access');
  });

  test('a src that is not a loadable web address (a typo in the scheme, not a URL at all) is said as such, not blamed on the network, and nothing is fetched', async () => {
    let fetched = 0;
    const fetch = async () => (fetched++, new Response('{}'));
    for (const url of ['htp:/not a url', 'mailto:someone@example.com']) {
      const error = await failsWith(loadBankFromUrl(url, { fetch }), 'url', `"${url}"`, 'not a web address the page can load', 'https://');
      assert.doesNotMatch(error.message, /network|CORS/);
    }
    assert.equal(fetched, 0);
  });

  test('network failure or CORS', async () => {
    const cause = new TypeError('Failed to fetch');
    const error = await failsWith(load(() => Promise.reject(cause)), 'network');
    assert.equal(
      error.message,
      'Could not reach https://x.example/bank.json (network error or blocked by CORS). Check the URL and that the server sends Access-Control-Allow-Origin.',
    );
    assert.equal(error.cause, cause);
  });

  test('a URL that is not absolute fetches nothing', async () => {
    const server = stubFetch(() => jsonResponse(goodBank()));
    await failsWith(loadBankFromUrl('banks/x.json', { fetch: server.fetch }), 'url', '"banks/x.json"', 'not a complete URL');
    assert.equal(server.urls.length, 0);
  });

  test('an HTML page served as text/html', async () => {
    const page = () => new Response('<!doctype html><title>Home</title>', { headers: { 'content-type': 'text/html; charset=utf-8' } });
    const error = await failsWith(load(page), 'not-json');
    assert.equal(error.message, 'https://x.example/bank.json returned an HTML page, not JSON (is the URL right?)');
  });

  test('an HTML page with another content type, after a redirect, names where it ended up', async () => {
    const page = () => redirectedTo(new Response('\n<html><body>Sign in</body></html>', { headers: { 'content-type': 'text/plain' } }), 'https://x.example/login');
    await failsWith(load(page), 'not-json', 'returned an HTML page, not JSON (is the URL right?)', 'redirected to https://x.example/login');
  });

  test('broken JSON quotes the parser', async () => {
    const error = await failsWith(load(() => jsonResponse('{"format": "quiz-bank/1",}')), 'not-json', 'https://x.example/bank.json is not valid JSON');
    assert.ok(error.cause instanceof SyntaxError);
  });

  test('an empty answer', async () => {
    await failsWith(load(() => jsonResponse('  ')), 'not-json', 'returned an empty file');
  });

  test('JSON that is not a bank lists the first validation paths and keeps all issues', async () => {
    const bank = goodBank();
    bank.questions[0].answer = '';
    bank.questions[0].kind = 'essay';
    bank.title = '';
    bank.language = 'en_US';
    const error = await failsWith(
      load(() => jsonResponse(bank)),
      'not-a-bank',
      'https://x.example/bank.json is not a valid quiz bank:',
      'title: expected a non-empty string',
      '… and 1 more',
    );
    assert.equal(error.issues?.length, 4);
    assert.ok(error.issues?.some((issue) => issue.path === 'questions[0].answer'));
  });

  test('a catalog where a bank is expected', async () => {
    const catalog = { format: 'quiz-catalog/1', banks: [{ id: 'a', title: 'A', language: 'en', questionCount: 1, src: './a.json' }] };
    const error = await failsWith(load(() => jsonResponse(catalog)), 'not-a-bank', 'this is a catalog ("quiz-catalog/1"), not a bank', 'such as "./a.json"');
    assert.equal(error.issues?.[0]?.path, 'format');
  });

  test('a bank in a future format version has its own kind', async () => {
    const bank = { ...goodBank(), format: 'quiz-bank/2' };
    const error = await failsWith(load(() => jsonResponse(bank)), 'format', '"quiz-bank/2"', 'reads only "quiz-bank/1"', 'newer version of quiz-elements');
    assert.equal(error.issues?.length, 1);
  });
});

describe('loadBankFromUrl imports markdown', () => {
  test('a .md URL is imported: id from the file name, base URL from the answer', async () => {
    const server = stubFetch(() => new Response(MARKDOWN, { headers: { 'content-type': 'text/plain' } }));
    const url = 'https://docs.example/banks/Tokenizer%20Basics.md?v=3';
    const { bank, baseUrl } = await loadBankFromUrl(url, { fetch: server.fetch });
    assert.equal(bank.id, 'tokenizer-basics');
    assert.equal(bank.title, 'Tokenizer basics');
    assert.deepEqual(
      bank.questions.map((q) => q.title),
      ['What is a token?'],
    );
    assert.equal(baseUrl, url);
    assert.ok(validateBank(bank).ok);
  });

  test('text/markdown at any URL is imported too', async () => {
    const server = stubFetch(() => new Response(MARKDOWN, { headers: { 'content-type': 'text/markdown; charset=utf-8' } }));
    const { bank } = await loadBankFromUrl('https://api.example/bank?id=7', { fetch: server.fetch });
    assert.equal(bank.questions.length, 1);
  });

  test('a .markdown URL with errors: kind "import", file:line lines, every diagnostic kept', async () => {
    const server = stubFetch(() => new Response(BROKEN_MARKDOWN));
    const url = 'https://docs.example/broken.markdown';
    const error = await failsWith(loadBankFromUrl(url, { fetch: server.fetch }), 'import', `Could not import ${url} as a quiz bank`, `${url}:1: no question could be read: the one question found was skipped (line 5: question 1 "A question without answer" is skipped: it has no answer`);
    assert.ok(error.diagnostics?.some((d) => d.severity === 'warning' && d.skipped && d.line === 5));
    assert.equal(error.url, url);
  });

  test("a .md URL that answers with a code host's web page", async () => {
    const page = () => new Response('<!DOCTYPE html><html>…</html>', { headers: { 'content-type': 'text/html' } });
    await failsWith(loadBankFromUrl('https://code.example/x/blob/main/q.md', { fetch: stubFetch(page).fetch }), 'not-json', 'not a markdown or GIFT document', '"raw" URL');
  });

  test('bankFromMarkdown imports text from the page, with section topics (no topic rules in the browser)', async () => {
    const { bank, baseUrl } = await bankFromMarkdown(MARKDOWN, 'https://page.example/quiz.html');
    assert.equal(bank.id, 'inline');
    assert.equal(baseUrl, 'https://page.example/quiz.html');
    assert.deepEqual(bank.topics, [{ id: 'general', title: 'General' }], 'a "Questions" section names no topic; the neutral one, not a rule file about large models');
    const networking = await bankFromMarkdown('# Notes\n\n## Networking\n\n### What is a subnet?\n\nA range of addresses.\n', 'https://page.example/');
    assert.deepEqual(networking.bank.topics, [{ id: 'networking', title: 'Networking' }]);
    await failsWith(bankFromMarkdown(BROKEN_MARKDOWN, 'https://page.example/', 'notes.md'), 'import', 'notes.md:1: no question could be read', 'line 5: question 1');
  });

  test('a .gift URL, and GIFT inline, are imported as GIFT', async () => {
    const gift = '::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}\n\n::Sky:: The sky is blue. {TRUE}\n';
    const server = stubFetch(() => new Response(gift, { headers: { 'content-type': 'application/octet-stream' } }));
    const { bank } = await loadBankFromUrl('https://docs.example/geo.gift', { fetch: server.fetch });
    assert.equal(bank.id, 'geo');
    assert.deepEqual(bank.questions.map((q) => [q.title, q.type ?? 'choice', q.choices?.find((c) => c.correct)?.text ?? q.isTrue]), [['Capital', 'choice', 'Paris'], ['Sky', 'true-false', true]]);
    const inline = await bankFromDocument(gift, 'https://page.example/', 'inline GIFT', 'gift');
    assert.equal(inline.bank.questions.length, 2);
  });

  test('GIFT saved as .txt or .md is read as GIFT, and a .txt of markdown as markdown', async () => {
    const gift = '::Capital:: What is the capital of France? {=Paris ~Lyon ~Nice}\n\n::Sky:: The sky is blue. {TRUE}\n';
    const documents: Record<string, string> = { '/geo.txt': gift, '/geo.md': gift, '/notes.txt': '## What is a subnet?\n\nA range of addresses.\n' };
    const server = stubFetch((url) => new Response(documents[new URL(url).pathname] ?? '', { headers: { 'content-type': 'text/plain' } }));
    for (const path of ['/geo.txt', '/geo.md']) {
      const { bank } = await loadBankFromUrl(`https://docs.example${path}`, { fetch: server.fetch });
      assert.deepEqual(bank.questions.map((q) => [q.title, q.type ?? 'choice', q.choices?.find((c) => c.correct)?.text ?? q.isTrue]), [['Capital', 'choice', 'Paris'], ['Sky', 'true-false', true]], path);
    }
    const notes = await loadBankFromUrl('https://docs.example/notes.txt', { fetch: server.fetch });
    assert.deepEqual(notes.bank.questions.map((q) => [q.title, q.answer]), [['What is a subnet?', 'A range of addresses.']]);
  });
});

describe('banks given on the page', () => {
  const page = 'https://page.example/lesson.html';

  test('a whole bank is validated and keeps the page URL as base', () => {
    const loaded: LoadedBank = bankFromValue(goodBank(), page);
    assert.equal(loaded.bank.title, 'Tokens');
    assert.equal(loaded.baseUrl, page);
  });

  test('a single question becomes a one-question bank with what it lacks filled in', () => {
    const { bank } = bankFromValue({ prompt: '## What is **attention**?\n\nExplain briefly.', answer: 'Weighting tokens by relevance.' }, page);
    assert.equal(bank.id, 'inline');
    assert.equal(bank.language, 'und');
    const [question] = bank.questions;
    assert.equal(question!.title, 'What is attention?');
    assert.equal(bank.title, 'What is attention?');
    assert.equal(question!.kind, 'concept');
    assert.deepEqual(question!.topics, ['inline']);
    assert.deepEqual(bank.topics.map((topic) => topic.id), ['inline']);
    assert.match(question!.id, /^what-is-attention-[0-9a-z]+$/);
  });

  test('a single choice question needs no answer: its correct choices are the answer', () => {
    const { bank } = bankFromValue({ prompt: 'Which is a metric?', choices: [{ text: 'F1', correct: true }, { text: 'Dropout', correct: false }] }, page);
    assert.equal(bank.questions[0]!.answer, '- F1');
  });

  test("a single question keeps its own id, title, kind, topics and language", () => {
    const { bank } = bankFromValue(
      { id: 'softmax', kind: 'coding', title: 'Write softmax', prompt: 'Implement softmax.', answer: '```py\n...\n```', topics: ['math'], language: 'en' },
      page,
    );
    assert.equal(bank.language, 'en');
    assert.equal(bank.title, 'Write softmax');
    assert.deepEqual(bank.topics.map((topic) => topic.id), ['math']);
    assert.deepEqual({ ...bank.questions[0], answer: undefined }, {
      id: 'softmax', kind: 'coding', title: 'Write softmax', prompt: 'Implement softmax.', answer: undefined, topics: ['math'], language: 'en',
    });
  });

  test('an invalid single question reports paths of the question, not of the wrapper bank', async () => {
    const error = await failsWith(() => bankFromValue({ prompt: 'What?', answer: '', kind: 'essay' }, page), 'not-a-bank', 'The inline question is not valid:', '\nkind: expected');
    assert.ok(error.issues?.some((issue) => issue.path === 'answer'));
    assert.ok(!error.message.includes('questions[0]'));
  });

  test('a catalog, a future format, and things that are no bank at all', async () => {
    await failsWith(() => bankFromValue({ format: 'quiz-catalog/1', banks: [] }, page), 'not-a-bank', 'The inline bank is not a valid quiz bank', 'this is a catalog');
    await failsWith(() => bankFromValue({ ...goodBank(), format: 'quiz-bank/3' }, page), 'format', 'The inline bank', '"quiz-bank/3"');
    await failsWith(() => bankFromValue(null, page), 'not-a-bank', 'expected a JSON object, got null');
    await failsWith(() => bankFromValue([goodBank()], page), 'not-a-bank', 'got an array');
  });

  test('inline JSON text: valid (with a byte order mark), broken, empty', async () => {
    assert.equal(bankFromJsonText(`\uFEFF${JSON.stringify(goodBank())}`, page).bank.id, 'tokens');
    assert.equal(bankFromJsonText(JSON.stringify({ prompt: 'Why?', answer: 'Because.' }), page).bank.questions.length, 1);
    await failsWith(() => bankFromJsonText('{ "prompt": "Why?", }', page), 'not-json', 'The inline bank is not valid JSON', '<script type="application/json">');
    await failsWith(() => bankFromJsonText('\n  \n', page), 'not-json', 'The inline bank is empty');
  });
});
