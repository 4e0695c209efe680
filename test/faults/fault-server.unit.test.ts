// The fault server on its own (Node): it answers each fault as documented, only on loopback, and
// stopping it ends every open connection, so a WTR run never hangs on a request that never ends.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

interface KeyStats {
  requests: number;
  faults: number;
  completed: number;
  aborted: number;
  reset: number;
  open: number;
}
interface FaultServer {
  origin: string;
  stats(key: string): KeyStats;
  openSockets(): number;
  close(): Promise<void>;
}
interface FaultServerModule {
  startFaultServer(options?: { host?: string; port?: number }): Promise<FaultServer>;
  GOOD_BANK: { id: string };
  CHANGING_BANK: { v1: { title: string }; v2: { title: string } };
}

// A plain .mjs module (it is loaded by web-test-runner.config.mjs): typed here by what is used.
const { startFaultServer, GOOD_BANK, CHANGING_BANK } = (await import(new URL('../fault-server.mjs', import.meta.url).href)) as FaultServerModule;

const PAGE = 'http://localhost:8000';

describe('fault server', () => {
  let server: FaultServer;
  const get = (path: string, init: RequestInit = {}) => fetch(`${server.origin}${path}`, { ...init, headers: { origin: PAGE } });

  before(async () => {
    server = await startFaultServer();
  });
  after(() => server.close());

  test('listens on 127.0.0.1 only, on a free port', () => {
    assert.match(server.origin, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.notEqual(new URL(server.origin).port, '0');
  });

  test('each fault answers as documented, with CORS except on the cors route', async () => {
    const cases: [string, number, string | null, (body: string) => boolean][] = [
      ['404', 404, PAGE, (body) => body.includes('Not Found')],
      ['500', 500, PAGE, (body) => body.includes('Internal Server Error')],
      ['html', 200, PAGE, (body) => body.startsWith('<!doctype html>')],
      ['truncated', 200, PAGE, (body) => body.startsWith('{') && !isJson(body)],
      ['type-text-plain', 200, PAGE, (body) => JSON.parse(body).id === GOOD_BANK.id],
      ['cors', 200, null, (body) => JSON.parse(body).id === GOOD_BANK.id],
    ];
    for (const [fault, status, allowOrigin, bodyOk] of cases) {
      const response = await get(`/fault/unit-${fault}/${fault}.json`);
      assert.equal(response.status, status, fault);
      assert.equal(response.headers.get('access-control-allow-origin'), allowOrigin, fault);
      assert.equal(response.headers.get('cache-control'), 'no-store', fault);
      assert.ok(bodyOk(await response.text()), `${fault}: body`);
    }
    assert.equal((await get('/fault/unit-type/type-image-png.json')).headers.get('content-type'), 'image/png');
  });

  test('a reset fails the request, and the server counts it', async () => {
    await assert.rejects(get('/fault/unit-reset/reset.json'), TypeError);
    assert.deepEqual(server.stats('unit-reset'), { requests: 1, faults: 1, completed: 0, aborted: 0, reset: 1, open: 0 });
  });

  test('once faults only the first request; until faults until healed; changing serves v1 then v2', async () => {
    assert.equal((await get('/once/unit-once/500.json')).status, 500);
    assert.equal((await get('/once/unit-once/500.json')).status, 200);
    assert.equal((await get('/until/unit-until/500.json')).status, 500);
    assert.equal((await get('/until/unit-until/500.json')).status, 500);
    await get('/__heal?key=unit-until');
    assert.equal((await get('/until/unit-until/500.json')).status, 200);
    assert.equal((await (await get('/changing/unit-changing.json')).json()).title, CHANGING_BANK.v1.title);
    assert.equal((await (await get('/changing/unit-changing.json')).json()).title, CHANGING_BANK.v2.title);
  });

  test('a client that gives up on a hanging answer is counted as aborted', async () => {
    for (const fault of ['never-ends', 'delay']) {
      const key = `unit-abort-${fault}`;
      const response = get(`/fault/${key}/${fault}.json`, { signal: AbortSignal.timeout(150) }).then((r) => r.text());
      await assert.rejects(response, { name: 'TimeoutError' });
      await waitFor(() => server.stats(key).aborted === 1);
      assert.equal(server.stats(key).open, 0);
    }
  });

  test('stopping ends every open connection', async () => {
    const own = await startFaultServer();
    const hanging = fetch(`${own.origin}/fault/unit-stop/never-ends.json`).then((r) => r.text());
    const outcome = hanging.then(
      () => 'completed',
      () => 'ended',
    );
    await waitFor(() => own.openSockets() === 1);
    await own.close();
    assert.equal(await outcome, 'ended');
    assert.equal(own.openSockets(), 0);
  });
});

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

async function waitFor(condition: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
