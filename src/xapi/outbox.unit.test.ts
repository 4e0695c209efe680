import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { StatementOutbox, type OutboxNote, type OutboxStorage } from './outbox.js';
import type { XapiStatement } from './statements.js';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const AUTH = 'Basic c2VjcmV0OnRva2Vu';

const statement = (i: number): XapiStatement => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  actor: { mbox: 'mailto:learner@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/answered', display: { 'en-US': 'answered' } },
  object: { objectType: 'Activity', id: `urn:quiz-elements:bank:b#q${i}` },
  context: { language: 'en' },
  timestamp: new Date(Date.UTC(2026, 11, 6, 0, 0, i)).toISOString(),
});

/** An LRS in memory: stores statements by id (409 for an id it has), answers with the scripted faults first. */
function fakeLrs() {
  const stored = new Map<string, XapiStatement>();
  const faults: (number | 'network')[] = [];
  const requests: { ids: string[]; auth: string | null; version: string | null }[] = [];
  let refuse: (s: XapiStatement) => boolean = () => false;
  const fetch = (async (url: string, init: RequestInit) => {
    assert.equal(url, `${ENDPOINT}statements`);
    const body = JSON.parse(String(init.body)) as XapiStatement[];
    const headers = init.headers as Record<string, string>;
    requests.push({ ids: body.map((s) => s.id), auth: headers.Authorization ?? null, version: headers['X-Experience-API-Version'] ?? null });
    const fault = faults.shift();
    if (fault === 'network') throw new TypeError('fetch failed');
    if (fault) return new Response('fault', { status: fault });
    if (body.some(refuse)) return new Response('invalid statement', { status: 400 });
    if (body.some((s) => stored.has(s.id))) return new Response('conflict', { status: 409 });
    for (const s of body) stored.set(s.id, s);
    return new Response(JSON.stringify(body.map((s) => s.id)), { status: 200 });
  }) as unknown as typeof globalThis.fetch;
  return { stored, faults, requests, fetch, refuseWhen: (rule: (s: XapiStatement) => boolean) => (refuse = rule) };
}

function memoryStorage(): OutboxStorage & { data: Map<string, string>; full: boolean } {
  const data = new Map<string, string>();
  return {
    data,
    full: false,
    getItem: (key) => data.get(key) ?? null,
    setItem(key, value) {
      if (this.full) throw new DOMException('quota', 'QuotaExceededError');
      data.set(key, value);
    },
  };
}

/** Timers run by the test: `run()` fires what is due, in order, until nothing is left. */
function manualTimers() {
  const pending = new Set<{ run: () => void; ms: number }>();
  const delays: number[] = [];
  return {
    delays,
    setTimer: (run: () => void, ms: number) => {
      const timer = { run, ms };
      pending.add(timer);
      delays.push(ms);
      return timer;
    },
    clearTimer: (timer: unknown) => void pending.delete(timer as { run: () => void; ms: number }),
    async run(rounds = 100) {
      for (let i = 0; i < rounds && pending.size; i++) {
        const [next] = pending;
        pending.delete(next!);
        next!.run();
        await new Promise((resolve) => setImmediate(resolve));
        await new Promise((resolve) => setImmediate(resolve));
      }
    },
  };
}

function outbox(lrs: ReturnType<typeof fakeLrs>, storage: OutboxStorage | null, timers = manualTimers(), notes: (OutboxNote | null)[] = []) {
  const box = new StatementOutbox({ storage, key: 'quiz-xapi:test', connection: { endpoint: ENDPOINT, auth: AUTH }, fetch: lrs.fetch, setTimer: timers.setTimer, clearTimer: timers.clearTimer, onNote: (note) => notes.push(note) });
  return { box, timers, notes };
}

/** Statements sent that the LRS does not have (it keeps one per id, so none can be there twice). */
const lostAndDuplicated = (lrs: ReturnType<typeof fakeLrs>, sent: XapiStatement[]) => ({ lost: sent.filter((s) => !lrs.stored.has(s.id)).length });

describe('StatementOutbox', () => {
  it('sends in batches of 50 with the xAPI version and Authorization headers, and empties the queue', async () => {
    const lrs = fakeLrs();
    const { box, timers } = outbox(lrs, memoryStorage());
    const sent = Array.from({ length: 120 }, (_, i) => statement(i));
    box.enqueue(sent);
    await timers.run();
    assert.deepEqual(lrs.requests.map((r) => r.ids.length), [50, 50, 20]);
    assert.ok(lrs.requests.every((r) => r.auth === AUTH && r.version === '1.0.3'));
    assert.equal(lostAndDuplicated(lrs, sent).lost, 0);
    assert.equal(box.pending.length, 0);
  });

  it('network failures and 5xx: keeps everything, waits longer each time (1, 2, 4 s…), and stores every statement once', async () => {
    const lrs = fakeLrs();
    lrs.faults.push('network', 503, 'network', 500, 502);
    const { box, timers } = outbox(lrs, memoryStorage());
    const sent = Array.from({ length: 7 }, (_, i) => statement(i));
    box.enqueue(sent);
    await timers.run();
    assert.deepEqual(timers.delays, [0, 1000, 2000, 4000, 8000, 16_000]);
    assert.deepEqual({ lost: lostAndDuplicated(lrs, sent).lost, stored: lrs.stored.size, pending: box.pending.length }, { lost: 0, stored: 7, pending: 0 });
  });

  it('survives a reload: a queue left by a page that closed while offline is sent by the next one', async () => {
    const lrs = fakeLrs();
    const storage = memoryStorage();
    lrs.faults.push('network');
    const first = outbox(lrs, storage);
    const sent = [statement(1), statement(2)];
    first.box.enqueue(sent);
    await first.timers.run(1);
    first.box.stop(); // the page is closed
    assert.equal(JSON.parse(storage.data.get('quiz-xapi:test')!).queue.length, 2);
    const second = outbox(lrs, storage);
    await second.timers.run();
    assert.equal(lostAndDuplicated(lrs, sent).lost, 0);
    assert.equal(second.box.pending.length, 0);
  });

  it('401/403: one note, the queue kept, no requests in a loop; new credentials send it and end the note', async () => {
    const lrs = fakeLrs();
    lrs.faults.push(401);
    const { box, timers, notes } = outbox(lrs, memoryStorage());
    box.enqueue([statement(1)]);
    await timers.run();
    assert.deepEqual(notes, ['unauthorized']);
    assert.equal(lrs.requests.length, 1, 'no retry loop');
    assert.equal(box.pending.length, 1);
    box.reconnect({ endpoint: ENDPOINT, auth: 'Bearer fresh' });
    await timers.run();
    assert.deepEqual(notes, ['unauthorized', null]);
    assert.equal(lrs.requests.at(-1)!.auth, 'Bearer fresh');
    assert.equal(lrs.stored.size, 1);
  });

  it('two tabs sending the same queue at once: every statement stored exactly once, none lost', async () => {
    const lrs = fakeLrs();
    const storage = memoryStorage();
    const a = outbox(lrs, storage);
    const b = outbox(lrs, storage);
    const sent = Array.from({ length: 30 }, (_, i) => statement(i));
    a.box.enqueue(sent.slice(0, 20));
    b.box.enqueue(sent.slice(10));
    await Promise.all([a.box.flush(), b.box.flush()]);
    await Promise.all([a.timers.run(), b.timers.run()]);
    assert.equal(lostAndDuplicated(lrs, sent).lost, 0);
    assert.equal(lrs.stored.size, 30, 'one per id');
    assert.equal(a.box.pending.length + b.box.pending.length, 0);
  });

  it('a statement the LRS refuses is set aside (kept, with the reason), and the rest of its batch is stored', async (t) => {
    const warn = t.mock.method(console, 'warn', () => undefined);
    const lrs = fakeLrs();
    lrs.refuseWhen((s) => s.id === statement(3).id);
    const { box, timers } = outbox(lrs, memoryStorage());
    const sent = Array.from({ length: 5 }, (_, i) => statement(i));
    box.enqueue(sent);
    await timers.run();
    assert.equal(lrs.stored.size, 4);
    assert.equal(box.pending.length, 0);
    assert.deepEqual(box.rejected.map((r) => [r.statement.id, r.status, r.reason]), [[statement(3).id, 400, 'invalid statement']]);
    assert.match(String(warn.mock.calls[0]?.arguments[0]), /refused statement .* set aside/);
  });

  it('storage full or missing: the queue is kept in the page, said once, and still sent', async () => {
    const lrs = fakeLrs();
    const storage = memoryStorage();
    storage.full = true;
    lrs.faults.push(503);
    const { box, timers, notes } = outbox(lrs, storage);
    box.enqueue([statement(1), statement(2)]);
    assert.deepEqual(notes, ['not-kept']);
    assert.equal(box.pending.length, 2);
    await timers.run();
    assert.equal(lrs.stored.size, 2);
    const none = outbox(lrs, null);
    assert.deepEqual(none.notes, ['not-kept']);
  });

  it('never writes credentials to storage', async () => {
    const lrs = fakeLrs();
    const storage = memoryStorage();
    lrs.faults.push(401);
    const { box, timers } = outbox(lrs, storage);
    box.enqueue([statement(1)]);
    await timers.run();
    for (const value of storage.data.values()) assert.ok(!value.includes(AUTH) && !value.includes('c2VjcmV0'), 'no Authorization in storage');
  });

  it('statements queued twice (the same id) are queued once', () => {
    const { box } = outbox(fakeLrs(), memoryStorage());
    box.enqueue([statement(1)]);
    box.enqueue([statement(1), statement(2)]);
    assert.equal(box.pending.length, 2);
    box.stop();
  });
});
