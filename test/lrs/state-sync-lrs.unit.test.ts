// Progress across devices against a real Learning Record Store (Learning Locker's xapi-service):
// two stores, two devices, grading overlapping questions in interleaved rounds and syncing after
// each one through the Activity State API. At the end the LRS's document holds every review of
// both, and both stores export the same progress.
//
// This LRS does not refuse a stale If-Match on state documents (see README.md): the rule that a
// write between another device's GET and PUT is refused (412) and merged at once is proven against
// the LRS in memory of src/xapi/state-sync.unit.test.ts, which enforces it. Here the devices take
// turns, and when they write at the same time the document may miss a write until that device's
// next round puts it back.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { GRADES } from '../../src/practice/practice-set.js';
import { memoryStorage } from '../../src/progress/memory-storage.js';
import { ProgressStore } from '../../src/progress/store.js';
import type { ProgressExport } from '../../src/progress/types.js';
import { PROGRESS_ACTIVITY, ProgressSync, progressStateId } from '../../src/xapi/state-sync.js';
import { startLrs, type RunningLrs } from './lrs.js';

const AUTH = 'Basic dGVzdDp0ZXN0';
const T0 = Date.UTC(2026, 11, 6, 9, 0);
const BANK = 'lrs-sync';

function device(lrs: RunningLrs, actor: { mbox: string }, progressKey: string, start: number) {
  let clock = start;
  let graded = 0;
  const store = new ProgressStore({ storage: memoryStorage(), progressKey, now: () => clock });
  const sync = new ProgressSync({ store, connection: { endpoint: lrs.endpoint, auth: AUTH }, actor, start: false, debounceMs: 60_000 });
  return {
    store,
    sync,
    async grade(questionId: string) {
      clock += 1000;
      graded++;
      await store.record(BANK, questionId, GRADES[graded % 4]!, { at: clock });
    },
    get graded() {
      return graded;
    },
  };
}

/** The progress document as the LRS holds it. */
async function remoteDocument(lrs: RunningLrs, actor: { mbox: string }, progressKey: string): Promise<ProgressExport> {
  const query = new URLSearchParams({ activityId: PROGRESS_ACTIVITY, agent: JSON.stringify({ objectType: 'Agent', mbox: actor.mbox }), stateId: progressStateId(progressKey) });
  const response = await fetch(`${lrs.endpoint}activities/state?${query}`, { headers: { 'X-Experience-API-Version': '1.0.3', Authorization: AUTH } });
  assert.equal(response.status, 200);
  return (await response.json()) as ProgressExport;
}

const reviewsOf = (file: ProgressExport) => file.questions.flatMap((q) => q.reviews.map((r) => `${q.questionId}@${r.at}:${r.grade}`)).sort();

describe('ProgressSync and a real LRS (Learning Locker xapi-service 3.6.0)', { timeout: 180_000 }, () => {
  let lrs: RunningLrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs?.stop());

  it('two devices grading 24 questions each in interleaved rounds, syncing after each: the document holds every review of both, and both export the same', async () => {
    const actor = { mbox: `mailto:learner-${crypto.randomUUID()}@example.org` };
    const a = device(lrs, actor, 'course', T0);
    const b = device(lrs, actor, 'course', T0 + 500); // its reviews fall between a's
    const rounds = 6;
    for (let round = 0; round < rounds; round++) {
      // a: q0..q23 over the rounds, b: q12..q35; q12..q23 graded on both, some twice on one.
      for (let i = 0; i < 4; i++) await a.grade(`q${round * 4 + i}`);
      for (let i = 0; i < 4; i++) await b.grade(`q${12 + round * 4 + i}`);
      await a.grade(`q${12 + round}`);
      await b.grade(`q${12 + round}`);
      const [first, second] = round % 2 ? [b, a] : [a, b];
      assert.equal((await first.sync.syncNow()).outcome, 'synced');
      assert.equal((await second.sync.syncNow()).outcome, 'synced');
    }
    // The device that synced first in the last round takes in the other's last grades.
    const last = await b.sync.syncNow();
    assert.deepEqual([last.outcome, last.pushed], ['synced', false]);
    await a.sync.syncNow();

    const remote = await remoteDocument(lrs, actor, 'course');
    const graded = a.graded + b.graded;
    assert.equal(graded, rounds * 10);
    assert.equal(remote.questions.length, 36);
    assert.equal(reviewsOf(remote).length, graded, 'every review of both devices');
    assert.deepEqual(reviewsOf(remote), [...new Set([...reviewsOf(a.store.exportData()), ...reviewsOf(b.store.exportData())])].sort());
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
    assert.deepEqual(remote.questions, a.store.exportData().questions);
    a.sync.stop();
    b.sync.stop();
  });

  it('syncing at the same time: this LRS lets a stale write through, and the next rounds of both devices put back what it replaced', async () => {
    const actor = { mbox: `mailto:learner-${crypto.randomUUID()}@example.org` };
    const a = device(lrs, actor, 'course', T0);
    const b = device(lrs, actor, 'course', T0 + 500);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 5; i++) await a.grade(`q${round * 3 + i}`);
      for (let i = 0; i < 5; i++) await b.grade(`q${round * 3 + i + 1}`);
      await Promise.all([a.sync.syncNow(), b.sync.syncNow()]);
    }
    // One more round each, in turn: each finds what the other's stale write replaced, and writes it back.
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    const remote = await remoteDocument(lrs, actor, 'course');
    assert.equal(reviewsOf(remote).length, 50, 'every review of both devices');
    assert.deepEqual(a.store.exportData().questions, b.store.exportData().questions);
    assert.deepEqual(remote.questions, a.store.exportData().questions);
    assert.deepEqual([(await a.sync.syncNow()).pushed, (await b.sync.syncNow()).pushed], [false, false]);
    a.sync.stop();
    b.sync.stop();
  });

  it('measures: 200 questions of progress pushed, pulled by a new device, and a round after 10 more grades', async () => {
    const actor = { mbox: `mailto:learner-${crypto.randomUUID()}@example.org` };
    const a = device(lrs, actor, 'bench', T0);
    for (let i = 0; i < 200; i++) for (let r = 0; r < 3; r++) await a.grade(`q${i}`);
    const timed = async (run: () => Promise<{ requests: number; documentBytes: number; pushed: boolean }>) => {
      const start = performance.now();
      const report = await run();
      return { ...report, ms: Math.round(performance.now() - start) };
    };
    const push = await timed(() => a.sync.syncNow());
    const b = device(lrs, actor, 'bench', T0 + 500);
    const pull = await timed(() => b.sync.pull());
    for (let i = 0; i < 10; i++) await b.grade(`q${i}`);
    const update = await timed(() => b.sync.syncNow());
    const idle = await timed(() => a.sync.pull());
    console.log(
      `real LRS, 200 questions x 3 reviews: first push ${push.requests} requests ${push.ms} ms; new device pull ${pull.requests} requests ${pull.ms} ms; ` +
        `10 grades pushed ${update.requests} requests ${update.ms} ms; pull with nothing new ${idle.requests} request ${idle.ms} ms; document ${push.documentBytes} bytes`,
    );
    assert.deepEqual([push.requests, push.pushed, pull.requests, pull.pushed, update.requests, update.pushed], [2, true, 1, false, 2, true]);
    assert.equal(b.store.all().length, 200);
    assert.equal(reviewsOf(await remoteDocument(lrs, actor, 'bench')).length, 610);
    a.sync.stop();
    b.sync.stop();
  });
});
