import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { GRADES } from '../practice/practice-set.js';
import { memoryStorage } from '../progress/memory-storage.js';
import { ProgressStore } from '../progress/store.js';
import type { ProgressExport, ProgressStorage } from '../progress/types.js';
import { PROGRESS_ACTIVITY, ProgressSync, progressStateId, type ProgressSyncNote, type ProgressSyncOptions } from './state-sync.js';

const ENDPOINT = 'https://lrs.example.org/xapi/';
const AUTH = 'Basic c2VjcmV0OnRva2Vu';
const ACTOR = { mbox: 'mailto:learner@example.org', name: 'Learner' };
const T0 = Date.UTC(2026, 11, 6, 9, 0);
const BANK = 'llm-basics';

interface StateDocument {
  text: string;
  etag: string;
  contentType: string;
}

/**
 * The Activity State endpoint of an LRS in memory, with xAPI concurrency control as the real one
 * here lacks it: 412 for a stale `If-Match` or `If-None-Match: *` on an existing document, 409
 * for a PUT with neither on an existing one. Each request yields first, so devices interleave.
 */
function fakeStateLrs() {
  const documents = new Map<string, StateDocument>();
  /** One per request, in order: a status to answer, a network failure, or null to pass. */
  const faults: (number | 'network' | null)[] = [];
  const requests: { method: string; stateId: string; status: number | null; auth: string | null; ifMatch: string | null; ifNoneMatch: string | null }[] = [];
  let version = 0;
  const lrs = {
    documents,
    faults,
    requests,
    /** The Authorization value it accepts (401 for any other); null: any. */
    acceptedAuth: null as string | null,
    /** false: like the real LRS of test/lrs, PUTs are stored whatever their If-Match says. */
    enforce: true,
    /** false: GETs answer without an ETag (an LRS that hides it from CORS). */
    etags: true,
    /** Runs before the next PUT is looked at: another device writes in between. */
    beforePut: null as (() => Promise<unknown>) | null,
    fetch: (async (url: string, init: RequestInit) => {
      await new Promise((resolve) => setImmediate(resolve));
      const address = new URL(url);
      assert.equal(address.origin + address.pathname, `${ENDPOINT}activities/state`);
      const query = address.searchParams;
      const headers = init.headers as Record<string, string>;
      const entry = { method: String(init.method), stateId: query.get('stateId')!, status: null as number | null, auth: headers.Authorization ?? null, ifMatch: headers['If-Match'] ?? null, ifNoneMatch: headers['If-None-Match'] ?? null };
      requests.push(entry);
      assert.equal(headers['X-Experience-API-Version'], '1.0.3');
      assert.equal(query.get('activityId'), PROGRESS_ACTIVITY);
      const answer = (status: number, body: string | null = null, extra: Record<string, string> = {}) => {
        entry.status = status;
        return new Response(body, { status, headers: extra });
      };
      const fault = faults.shift();
      if (fault === 'network') throw new TypeError('fetch failed');
      if (fault) return answer(fault, 'fault');
      if (lrs.acceptedAuth !== null && entry.auth !== lrs.acceptedAuth) return answer(401, 'who are you?');
      const key = [query.get('agent'), query.get('stateId'), query.get('registration')].join('|');
      const current = documents.get(key);
      if (init.method === 'GET') return current ? answer(200, current.text, { ...(lrs.etags ? { ETag: current.etag } : {}), 'Content-Type': current.contentType }) : answer(404, '{"message":"No State found"}', { ETag: 'W/"error-text"' });
      assert.equal(init.method, 'PUT');
      if (lrs.beforePut) {
        const other = lrs.beforePut;
        lrs.beforePut = null;
        await other();
      }
      const latest = documents.get(key);
      if (lrs.enforce) {
        if (entry.ifMatch !== null && latest?.etag !== entry.ifMatch) return answer(412, 'stale');
        if (entry.ifNoneMatch === '*' && latest) return answer(412, 'exists');
        if (entry.ifMatch === null && entry.ifNoneMatch === null && latest && lrs.etags) return answer(409, 'say which version');
      }
      documents.set(key, { text: String(init.body), etag: `"v${++version}"`, contentType: headers['Content-Type'] ?? '' });
      return answer(204);
    }) as unknown as typeof fetch,
    /** The progress document of `progressKey` for ACTOR, parsed. */
    progress(progressKey = 'default'): ProgressExport | undefined {
      const found = [...documents.entries()].find(([key]) => key.split('|')[1] === progressStateId(progressKey));
      return found ? (JSON.parse(found[1].text) as ProgressExport) : undefined;
    },
    count: (method: string, status?: number) => requests.filter((r) => r.method === method && (status === undefined || r.status === status)).length,
  };
  return lrs;
}

/**
 * Timers run by the test. Short waits (below `autoBelow` ms: the waits after a 412) run by
 * themselves; the others (debounce, retry backoff) wait for `run()`, which fires them in order.
 */
function manualTimers(autoBelow = 50) {
  const pending = new Set<{ run: () => void; ms: number }>();
  const delays: number[] = [];
  return {
    delays,
    pending,
    setTimer: (run: () => void, ms: number) => {
      if (ms < autoBelow) return setTimeout(run, ms);
      const timer = { run, ms };
      pending.add(timer);
      delays.push(ms);
      return timer;
    },
    clearTimer: (timer: unknown) => {
      if (!pending.delete(timer as { run: () => void; ms: number })) clearTimeout(timer as ReturnType<typeof setTimeout>);
    },
    /** Fires waiting timers one at a time, letting each round finish, until none is left. */
    async run(rounds = 50) {
      for (let i = 0; i < rounds && pending.size; i++) {
        const [next] = pending;
        pending.delete(next!);
        next!.run();
        await idle();
      }
    },
  };
}

/** Lets pending requests and rounds finish (the fake LRS yields once per request). */
async function idle(turns = 40) {
  for (let i = 0; i < turns; i++) await new Promise((resolve) => setTimeout(resolve, 0));
}

/** Storage that remembers every value ever written, to look for credentials in it. */
function recordingStorage(): ProgressStorage & { written: string[] } {
  const inner = memoryStorage();
  const written: string[] = [];
  return { ...inner, written, set: (key, value) => (written.push(key, value), inner.set(key, value)) };
}

/** One device: a store with its own storage and clock, and its sync. */
function device(lrs: ReturnType<typeof fakeStateLrs>, options: Partial<ProgressSyncOptions> & { progressKey?: string; storage?: ProgressStorage } = {}) {
  let clock = T0;
  const storage = options.storage ?? memoryStorage();
  const store = new ProgressStore({ storage, progressKey: options.progressKey ?? 'default', now: () => clock });
  const timers = manualTimers();
  const notes: (ProgressSyncNote | null)[] = [];
  const sync = new ProgressSync({
    store,
    connection: { endpoint: ENDPOINT, auth: AUTH },
    actor: ACTOR,
    fetch: lrs.fetch,
    setTimer: timers.setTimer,
    clearTimer: timers.clearTimer,
    conflictDelayMs: 1,
    random: () => 0.5,
    onNote: (note) => notes.push(note),
    start: false,
    ...options,
  });
  let graded = 0;
  return {
    store,
    sync,
    timers,
    notes,
    storage,
    /** Grades a question at this device's next ms (so no two reviews of the test share a time). */
    async grade(questionId: string, offset = 0) {
      clock += 1000 + offset;
      graded++;
      await store.record(BANK, questionId, GRADES[graded % 4]!, { at: clock });
    },
    get graded() {
      return graded;
    },
  };
}

const reviewCount = (file: ProgressExport | undefined) => file?.questions.reduce((sum, q) => sum + q.reviews.length, 0) ?? 0;
const reviewsOf = (file: ProgressExport | undefined) => (file?.questions ?? []).flatMap((q) => q.reviews.map((r) => `${q.questionId}@${r.at}:${r.grade}`)).sort();

describe('ProgressSync: one xAPI state document per learner and progress key', () => {
  it('addresses activities/state by activity, agent identifier (no name) and a state id from the progress key, with the xAPI version and credentials', async () => {
    const lrs = fakeStateLrs();
    const urls: string[] = [];
    const a = device(lrs, { progressKey: 'course/7', fetch: ((url: string, init: RequestInit) => (urls.push(url), lrs.fetch(url, init))) as typeof fetch, registration: 'c4c8f7a0-4bd5-4f3c-9a43-6c0e4c0e2b11' });
    await a.grade('q1');
    const report = await a.sync.syncNow();
    assert.deepEqual(report, { outcome: 'synced', pushed: true, requests: 2, conflicts: 0, documentBytes: report.documentBytes });
    const query = new URL(urls[0]!).searchParams;
    assert.deepEqual(Object.fromEntries(query), {
      activityId: 'urn:quiz-elements:progress',
      agent: '{"objectType":"Agent","mbox":"mailto:learner@example.org"}',
      stateId: 'quiz-elements/progress/course%2F7',
      registration: 'c4c8f7a0-4bd5-4f3c-9a43-6c0e4c0e2b11',
    });
    assert.deepEqual(lrs.requests.map((r) => [r.method, r.status, r.auth, r.ifNoneMatch]), [['GET', 404, AUTH, null], ['PUT', 204, AUTH, '*']]);
    const stored = lrs.progress('course/7')!;
    assert.equal(stored.format, 'quiz-progress/1');
    assert.deepEqual(stored.questions, a.store.exportData().questions);
    assert.equal(report.documentBytes, new TextEncoder().encode(JSON.stringify(a.store.exportData())).length);
  });

  it('two devices grading different and the same questions, pushing in turns: both end with every review of both, and the same export', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    for (let round = 0; round < 4; round++) {
      for (let i = 0; i < 5; i++) await a.grade(`q${round * 3 + i}`); // overlaps b's questions
      for (let i = 0; i < 5; i++) await b.grade(`q${round * 3 + i + 2}`, 7);
      await a.sync.syncNow();
      await b.sync.syncNow();
    }
    await a.sync.syncNow(); // takes in b's last round
    const doc = lrs.progress();
    assert.equal(reviewCount(doc), a.graded + b.graded, 'no review lost');
    assert.equal(a.graded + b.graded, 40);
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
    assert.deepEqual(doc!.questions, a.store.exportData().questions);
    // Converged: another round on either side reads and writes nothing new.
    const puts = lrs.count('PUT');
    assert.equal((await a.sync.syncNow()).pushed, false);
    assert.equal((await b.sync.syncNow()).pushed, false);
    assert.equal(lrs.count('PUT'), puts);
  });

  it('two devices syncing at the same time: the PUT that comes second gets 412, merges the other write and tries again; nothing lost', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    for (let round = 0; round < 6; round++) {
      // Both grade question `shared` and one of their own, then both sync at once.
      await a.grade('shared');
      await a.grade(`a${round}`);
      await b.grade('shared', 3);
      await b.grade(`b${round}`, 3);
      await Promise.all([a.sync.syncNow(), b.sync.syncNow()]);
    }
    await Promise.all([a.sync.syncNow(), b.sync.syncNow()]);
    assert.ok(lrs.count('PUT', 412) >= 3, `concurrent writes were refused (${lrs.count('PUT', 412)} times) and retried`);
    assert.equal(reviewCount(lrs.progress()), 24, 'every review of both devices');
    assert.equal(lrs.progress()!.questions.find((q) => q.questionId === 'shared')!.reviews.length, 12);
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
    assert.deepEqual(lrs.progress()!.questions, a.store.exportData().questions);
  });

  it('a write between this round\'s GET and PUT: 412, then GET, merge and a conditional PUT of both', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    await a.grade('q1');
    await a.sync.syncNow();
    await b.grade('q1', 5);
    await b.grade('q2', 5);
    await a.grade('q3');
    lrs.beforePut = () => a.sync.syncNow(); // a writes while b's PUT is on its way
    const report = await b.sync.syncNow();
    assert.deepEqual([report.outcome, report.conflicts, report.pushed, report.requests], ['synced', 1, true, 4]);
    // a's first PUT; b's PUT (answered after a's second one went through); a's; b's again.
    const puts = lrs.requests.filter((r) => r.method === 'PUT');
    assert.deepEqual(puts.map((r) => [r.status, r.ifMatch]), [[204, null], [412, '"v1"'], [204, '"v1"'], [204, '"v2"']]);
    assert.deepEqual(reviewsOf(lrs.progress()), reviewsOf(b.store.exportData()));
    assert.equal(reviewCount(lrs.progress()), 4);
    await a.sync.syncNow();
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
  });

  it('the same question graded at the same ms with different grades on two devices: both reviews kept, one memory state on both', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    await a.store.record(BANK, 'q1', 'good', { at: T0 });
    await b.store.record(BANK, 'q1', 'again', { at: T0 });
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    assert.deepEqual(a.store.get(BANK, 'q1')!.reviews.map((r) => r.grade), ['again', 'good']);
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
    assert.equal(lrs.count('PUT', 204), 2, 'a pushed, b pushed the union, a had nothing new');
  });

  it('a conflict that keeps coming back waits like a failure after 5 retries, then succeeds', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    await a.grade('q1');
    // The first 6 PUTs are refused as if another device always wrote first.
    let refusals = 6;
    const fetch = (async (url: string, init: RequestInit) => {
      if (init.method === 'PUT' && refusals-- > 0) return new Response('stale', { status: 412 });
      return lrs.fetch(url, init);
    }) as typeof globalThis.fetch;
    const again = device(lrs, { fetch, storage: a.storage });
    const report = await again.sync.syncNow();
    assert.deepEqual([report.outcome, report.conflicts], ['retrying', 6]);
    assert.deepEqual(again.timers.delays, [1000]);
    await again.timers.run();
    assert.equal(reviewCount(lrs.progress()), 1);
  });

  it('an LRS that lets a stale write through (as the real one here does): the overwritten device writes its progress back on its next round', async () => {
    const lrs = fakeStateLrs();
    lrs.enforce = false;
    const a = device(lrs);
    const b = device(lrs);
    await a.sync.syncNow(); // nothing yet on either side
    await a.grade('q1');
    await b.grade('q2', 5);
    lrs.beforePut = () => a.sync.syncNow(); // a writes q1; b's stale PUT then replaces it
    await b.sync.syncNow();
    assert.deepEqual(reviewsOf(lrs.progress()).map((r) => r.split('@')[0]), ['q2'], 'q1 is missing from the document for now');
    assert.equal((await a.sync.pull()).pushed, true, 'a finds q1 missing and writes it back');
    await b.sync.pull();
    assert.equal(reviewCount(lrs.progress()), 2);
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
  });

  it('a document read without an ETag is written back without a condition (not If-None-Match, which would fail for ever)', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    await a.grade('q1');
    await a.sync.syncNow();
    lrs.etags = false;
    await b.grade('q2');
    const report = await b.sync.syncNow();
    assert.deepEqual([report.outcome, report.pushed], ['synced', true]);
    assert.deepEqual(lrs.requests.filter((r) => r.method === 'PUT').map((r) => [r.ifMatch, r.ifNoneMatch]), [[null, '*'], [null, null]]);
    assert.equal(reviewCount(lrs.progress()), 2);
  });

  it('409 (an LRS that wants a version) is a conflict too: read again, merge, PUT again', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    await a.grade('q1');
    lrs.faults.push(null, 409);
    const report = await a.sync.syncNow();
    assert.deepEqual([report.outcome, report.conflicts, report.pushed, report.requests], ['synced', 1, true, 4]);
    assert.equal(reviewCount(lrs.progress()), 1);
  });

  it('an undo on one device reaches the other: the review taken back does not come back from the other copy', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    await a.grade('q1');
    await a.grade('q1');
    await a.sync.syncNow();
    await b.sync.pull();
    const [, second] = a.store.get(BANK, 'q1')!.reviews;
    await a.store.undo(BANK, 'q1', second!);
    await b.grade('q2');
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.pull();
    assert.equal(b.store.get(BANK, 'q1')!.reviews.length, 1);
    assert.equal(reviewCount(lrs.progress()), 2);
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
  });

  it('offline and 5xx: the store keeps its progress, retries wait 1, 2, 4, 8 s; back online the document gets everything', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    lrs.faults.push('network', 'network', 503, 500);
    await a.grade('q1');
    await a.grade('q2');
    assert.deepEqual(a.timers.delays, [2000], 'one push for both grades, after the debounce');
    await a.timers.run();
    assert.deepEqual(a.timers.delays, [2000, 1000, 2000, 4000, 8000]);
    assert.equal(lrs.count('PUT'), 1);
    assert.equal(reviewCount(lrs.progress()), 2);
    assert.equal(reviewCount(a.store.exportData()), 2);
    assert.equal(a.timers.pending.size, 0);
  });

  it('grades made while offline wait for the retry; pull() (the page saw `online`) goes at once and cuts the wait short', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    lrs.faults.push('network');
    await a.grade('q1');
    await a.timers.run(1);
    assert.deepEqual(a.timers.delays, [2000, 1000]);
    await a.grade('q2');
    assert.deepEqual(a.timers.delays, [2000, 1000], 'no new timer: the retry takes it');
    const report = await a.sync.pull();
    assert.equal(report.outcome, 'synced');
    assert.equal(a.timers.pending.size, 0, 'the retry is no longer needed');
    assert.equal(reviewCount(lrs.progress()), 2);
  });

  it('401: one `unauthorized` note, no requests until reconnect(); then everything is synced and the note ends', async () => {
    const lrs = fakeStateLrs();
    lrs.acceptedAuth = 'Bearer fresh';
    const a = device(lrs);
    await a.grade('q1');
    assert.equal((await a.sync.syncNow()).outcome, 'unauthorized');
    await a.grade('q2');
    await a.timers.run();
    assert.equal((await a.sync.pull()).outcome, 'unauthorized');
    assert.equal(lrs.requests.length, 1, 'no request after the refusal');
    assert.deepEqual(a.notes.map((n) => n?.kind ?? null), ['unauthorized']);
    const report = await a.sync.reconnect({ endpoint: ENDPOINT, auth: 'Bearer fresh' });
    assert.deepEqual([report.outcome, report.pushed], ['synced', true]);
    assert.deepEqual(a.notes.map((n) => n?.kind ?? null), ['unauthorized', null]);
    assert.equal(reviewCount(lrs.progress()), 2);
    assert.equal(lrs.requests.at(-1)!.auth, 'Bearer fresh');
  });

  it('never writes credentials: not to storage, not into the document', async () => {
    const lrs = fakeStateLrs();
    const storage = recordingStorage();
    const a = device(lrs, { storage });
    await a.grade('q1');
    await a.sync.syncNow();
    await a.sync.reconnect({ endpoint: ENDPOINT, auth: 'Bearer sekrit-token' });
    await a.grade('q2');
    await a.sync.syncNow();
    assert.ok(storage.written.length > 0);
    const everything = [...storage.written, ...[...lrs.documents.values()].map((d) => d.text)].join('\n');
    for (const secret of [AUTH, 'c2VjcmV0OnRva2Vu', 'sekrit-token', ENDPOINT]) assert.ok(!everything.includes(secret), `"${secret}" was written`);
  });

  it('does not loop: pulling the other device\'s progress pushes nothing back, and a pull with nothing new is one GET', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    const b = device(lrs);
    for (let i = 0; i < 5; i++) await a.grade(`q${i}`);
    await a.sync.syncNow();
    assert.equal(lrs.count('PUT'), 1);
    const pulled = await b.sync.pull();
    assert.deepEqual([pulled.outcome, pulled.pushed, pulled.requests], ['synced', false, 1]);
    await b.timers.run(); // the import told b's listeners: no push may follow
    assert.equal(b.timers.delays.length, 0, 'no push scheduled by the import');
    assert.equal(lrs.count('PUT'), 1);
    assert.equal(reviewCount(b.store.exportData()), 5);
    const again = await a.sync.pull();
    assert.deepEqual([again.pushed, again.requests], [false, 1]);
  });

  it('local changes are pushed in the background, debounced: many grades, one GET and one PUT', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    for (let i = 0; i < 8; i++) await a.grade(`q${i % 3}`);
    assert.deepEqual(a.timers.delays, [2000]);
    await a.timers.run();
    assert.deepEqual([lrs.count('GET'), lrs.count('PUT')], [1, 1]);
    assert.equal(reviewCount(lrs.progress()), 8);
    // syncNow calls made before a round starts share it; those made while it runs share the next one.
    await a.grade('q9');
    const first = a.sync.syncNow();
    assert.equal(a.sync.syncNow(), first);
    await new Promise((resolve) => setImmediate(resolve));
    const second = a.sync.syncNow();
    assert.equal(a.sync.syncNow(), second);
    assert.notEqual(second, first);
    assert.deepEqual([(await first).pushed, (await second).pushed], [true, false]);
    assert.deepEqual([lrs.count('GET'), lrs.count('PUT')], [3, 2]);
  });

  it('starts by itself: a new device with progress from before and a document from elsewhere merges both', async () => {
    const lrs = fakeStateLrs();
    const other = device(lrs);
    await other.grade('q1');
    await other.sync.syncNow();
    const storage = memoryStorage();
    const before = new ProgressStore({ storage, now: () => T0 });
    await before.record(BANK, 'q2', 'good', { at: T0 - 5000 });
    const timers = manualTimers(0);
    const store = new ProgressStore({ storage, now: () => T0 });
    const sync = new ProgressSync({ store, connection: { endpoint: ENDPOINT }, actor: ACTOR, fetch: lrs.fetch, setTimer: timers.setTimer, clearTimer: timers.clearTimer });
    assert.deepEqual(timers.delays, [0]);
    await timers.run();
    assert.deepEqual(store.all().map((q) => q.questionId).sort(), ['q1', 'q2']);
    assert.equal(reviewCount(lrs.progress()), 2);
    sync.stop();
  });

  describe('a document that is not a progress export', () => {
    const seed = (lrs: ReturnType<typeof fakeStateLrs>, text: string) =>
      lrs.documents.set([JSON.stringify({ objectType: 'Agent', mbox: ACTOR.mbox }), progressStateId('default'), null].join('|'), { text, etag: '"theirs"', contentType: 'application/json' });

    it('is left as it is, with a `remote-unreadable` note saying what is wrong; progress stays here; it is read again later', async () => {
      const lrs = fakeStateLrs();
      seed(lrs, '{"score": 3, "bookmark": "page-7"}');
      const a = device(lrs);
      await a.grade('q1');
      const report = await a.sync.syncNow();
      assert.deepEqual([report.outcome, report.pushed], ['remote-unreadable', false]);
      assert.equal(lrs.count('PUT'), 0);
      assert.equal([...lrs.documents.values()][0]!.text, '{"score": 3, "bookmark": "page-7"}');
      assert.equal(a.notes.length, 1);
      assert.equal(a.notes[0]!.kind, 'remote-unreadable');
      assert.match(a.notes[0]!.message, /format: expected "quiz-progress\/1"/);
      assert.equal(reviewCount(a.store.exportData()), 1);
      assert.equal(a.timers.pending.size, 0, 'no retry loop');
      // Fixed elsewhere (another device wrote a real export): syncing resumes and the note ends.
      const b = device(lrs);
      await b.grade('q2');
      seed(lrs, JSON.stringify(b.store.exportData()));
      assert.deepEqual([(await a.sync.syncNow()).pushed, a.notes.at(-1)], [true, null]);
      assert.equal(reviewCount(lrs.progress()), 2);
    });

    it('replaceRemote() copies it aside first, then replaces it only if unchanged', async () => {
      const lrs = fakeStateLrs();
      seed(lrs, 'not json at all');
      const a = device(lrs);
      await a.grade('q1');
      assert.equal((await a.sync.syncNow()).outcome, 'remote-unreadable');
      const report = await a.sync.replaceRemote();
      assert.deepEqual([report.outcome, report.pushed], ['synced', true]);
      const puts = lrs.requests.filter((r) => r.method === 'PUT');
      assert.deepEqual(puts.map((r) => [r.stateId, r.ifMatch, r.ifNoneMatch]), [
        [`${progressStateId('default')}/set-aside/${a.store.now()}`, null, '*'],
        [progressStateId('default'), '"theirs"', null],
      ]);
      assert.ok([...lrs.documents.values()].some((d) => d.text === 'not json at all'), 'the old document is kept');
      assert.equal(reviewCount(lrs.progress()), 1);
      assert.equal(a.notes.at(-1), null);
    });

    it('written by a newer quiz-elements: `remote-newer`, never replaced, not even by replaceRemote()', async () => {
      const lrs = fakeStateLrs();
      const newer = JSON.stringify({ format: 'quiz-progress/2', questions: [] });
      seed(lrs, newer);
      const a = device(lrs);
      await a.grade('q1');
      assert.equal((await a.sync.syncNow()).outcome, 'remote-newer');
      assert.equal((await a.sync.replaceRemote()).outcome, 'remote-newer');
      assert.equal(lrs.count('PUT'), 0);
      assert.equal([...lrs.documents.values()][0]!.text, newer);
      assert.deepEqual(a.notes.map((n) => n?.kind), ['remote-newer']);
      assert.match(a.notes[0]!.message, /newer version of quiz-elements/);
    });
  });

  it('stop(): no timers, no requests; the store goes on by itself', async () => {
    const lrs = fakeStateLrs();
    const a = device(lrs);
    a.sync.stop();
    await a.grade('q1');
    assert.equal(a.timers.pending.size, 0);
    assert.equal((await a.sync.syncNow()).outcome, 'stopped');
    assert.equal(lrs.requests.length, 0);
    assert.equal(reviewCount(a.store.exportData()), 1);
  });
});
