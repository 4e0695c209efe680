import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_REVIEWS, recordKey } from './record.js';
import { loadScheduler } from './schedule.js';
import { ProgressStore } from './store.js';
import type { ProgressChange, ProgressStorage, QuestionProgress, Review } from './types.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const MINUTE = 60_000;
const DAY = 86_400_000;
const BANK = 'llm-basics';
const key = (questionId: string, progressKey = 'default') => recordKey(progressKey, BANK, questionId);

type Fault = (operation: 'keys' | 'get' | 'set' | 'remove' | 'watch', key: string) => unknown;

/**
 * One browser profile's storage, seen by several tabs. Like the `storage` event, a change is told
 * to the other tabs only, later: `deliver()` hands over everything queued so far.
 */
class FakeDisk {
  readonly data = new Map<string, string>();
  private readonly watchers = new Set<{ prefix: string; onChange: (key: string | null, value: string | null) => void; tab: object }>();
  private queue: (() => void)[] = [];

  /** A tab's view; `fault` may return an error for the call to throw. */
  tab(fault: Fault = () => undefined): ProgressStorage {
    const tab = {};
    const check = (operation: Parameters<Fault>[0], key = '') => {
      const error = fault(operation, key);
      if (error) throw error;
    };
    return {
      keys: (prefix) => {
        check('keys', prefix);
        return [...this.data.keys()].filter((k) => k.startsWith(prefix));
      },
      get: (key) => {
        check('get', key);
        return this.data.get(key) ?? null;
      },
      set: (key, value) => {
        check('set', key);
        this.data.set(key, value);
        this.tell(tab, key, value);
      },
      remove: (key) => {
        check('remove', key);
        this.data.delete(key);
        this.tell(tab, key, null);
      },
      watch: (prefix, onChange) => {
        check('watch', prefix);
        const watcher = { prefix, onChange, tab };
        this.watchers.add(watcher);
        return () => this.watchers.delete(watcher);
      },
    };
  }

  /** Clears everything, as another tab calling `localStorage.clear()` would. */
  clear(): void {
    this.data.clear();
    for (const watcher of this.watchers) this.queue.push(() => watcher.onChange(null, null));
  }

  /** Hands queued changes to the other tabs' watchers, and what those cause, until quiet. */
  async deliver(): Promise<void> {
    for (let round = 0; round < 20; round++) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let stores finish async work
      if (!this.queue.length) return;
      const queue = this.queue;
      this.queue = [];
      for (const deliver of queue) deliver();
    }
    throw new Error('the tabs keep writing back and forth');
  }

  private tell(source: object, key: string, value: string | null): void {
    for (const watcher of this.watchers) {
      if (watcher.tab !== source && key.startsWith(watcher.prefix)) this.queue.push(() => watcher.onChange(key, value));
    }
  }
}

function clock(start = T0) {
  const c = { at: start, now: () => c.at };
  return c;
}

function changesOf(store: ProgressStore): ProgressChange[] {
  const changes: ProgressChange[] = [];
  store.subscribe((change) => changes.push(change));
  return changes;
}

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');
const securityError = () => new DOMException('The operation is insecure.', 'SecurityError');

describe('ProgressStore: recording and scheduling', () => {
  test('a grade is scheduled, kept, written to its own key only, and seen by a store opened later', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const store = new ProgressStore({ storage: disk.tab(), now: time.now });
    await store.ready;
    const changes = changesOf(store);

    const progress = await store.record(BANK, 'q1', 'good');
    assert.equal(progress.memory.due, T0 + 10 * MINUTE);
    assert.deepEqual(progress.reviews, [{ at: T0, grade: 'good' }]);
    assert.deepEqual(changes, [{ questions: [`${BANK}/q1`], external: false }]);
    assert.deepEqual([...disk.data.keys()], ['quiz-elements/progress/default/llm-basics/q1']);
    const stored = JSON.parse(disk.data.get(key('q1'))!);
    assert.equal(stored.v, 2);
    assert.deepEqual(stored.memory, progress.memory);

    const later = new ProgressStore({ storage: disk.tab(), now: time.now });
    await later.ready;
    assert.deepEqual(later.get(BANK, 'q1'), progress);
    assert.equal(later.persistent, true);
    assert.deepEqual(later.problems, []);
  });

  test('status follows the clock: new, learning, due, then mastered after good answers on time', async () => {
    const time = clock();
    const store = new ProgressStore({ storage: null, now: time.now });
    assert.equal(store.status(BANK, 'q1'), 'new');
    await store.record(BANK, 'q1', 'good');
    assert.equal(store.status(BANK, 'q1'), 'learning');
    time.at += 10 * MINUTE;
    assert.equal(store.status(BANK, 'q1'), 'due');
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      time.at = store.get(BANK, 'q1')!.memory.due;
      await store.record(BANK, 'q1', 'good');
      seen.push(`${store.get(BANK, 'q1')!.memory.scheduledDays}d ${store.status(BANK, 'q1')}`);
    }
    assert.deepEqual(seen, ['2d learning', '11d learning', '46d mastered']);
    assert.equal(store.status(BANK, 'q1', time.at + 46 * DAY), 'due');
  });

  test('preview gives the due time of each grade, in order; again means minutes', async () => {
    const store = new ProgressStore({ storage: null, now: () => T0 });
    const fresh = await store.preview(BANK, 'q1');
    assert.deepEqual(fresh, { again: T0 + MINUTE, hard: T0 + 6 * MINUTE, good: T0 + 10 * MINUTE, easy: T0 + 8 * DAY });
    await store.record(BANK, 'q1', 'good');
    await store.record(BANK, 'q1', 'good', { at: T0 + 10 * MINUTE });
    const at = T0 + 2 * DAY + 10 * MINUTE;
    const due = await store.preview(BANK, 'q1', at);
    assert.ok(due.again < due.hard && due.hard < due.good && due.good < due.easy, JSON.stringify(due));
    assert.ok(due.again - at <= 10 * MINUTE);
    assert.ok(due.good - at >= 2 * DAY);
  });

  test('choice answers keep whether they were right; an unknown grade is refused', async () => {
    const store = new ProgressStore({ storage: null, now: () => T0 });
    const progress = await store.record(BANK, 'q1', 'again', { correct: false });
    assert.deepEqual(progress.reviews, [{ at: T0, grade: 'again', correct: false }]);
    await assert.rejects(store.record(BANK, 'q1', 'perfect' as never), /Unknown grade "perfect"/);
    assert.equal(store.get(BANK, 'q1'), progress);
  });

  test('answers recorded together are all kept, in order, and updatedAt only grows', async () => {
    const store = new ProgressStore({ storage: null, now: () => T0 });
    await Promise.all((['good', 'hard', 'easy'] as const).map((grade, i) => store.record(BANK, 'q1', grade, { at: T0 + i })));
    const progress = store.get(BANK, 'q1')!;
    assert.deepEqual(progress.reviews.map((r) => r.grade), ['good', 'hard', 'easy']);
    assert.equal(progress.memory.reps, 3);
    assert.equal(progress.updatedAt, T0 + 2, 'each change is newer than the one before');
  });

  test('unsubscribe stops the notes; a throwing listener does not stop the others', async () => {
    const store = new ProgressStore({ storage: null, now: () => T0 });
    let calls = 0;
    const stop = store.subscribe(() => calls++);
    const original = console.error;
    console.error = () => undefined;
    try {
      const stopBuggy = store.subscribe(() => {
        throw new Error('a listener bug');
      });
      await store.record(BANK, 'q1', 'good');
      stopBuggy();
    } finally {
      console.error = original;
    }
    stop();
    await store.record(BANK, 'q2', 'good');
    assert.equal(calls, 1);
  });

  test('shared() gives one store per progress key', () => {
    assert.equal(ProgressStore.shared(), ProgressStore.shared('default'));
    assert.notEqual(ProgressStore.shared('course-a'), ProgressStore.shared());
    assert.equal(ProgressStore.shared('course-a').progressKey, 'course-a');
  });

  test('progress keys keep learners apart on one storage', async () => {
    const disk = new FakeDisk();
    const ana = new ProgressStore({ progressKey: 'ana', storage: disk.tab(), now: () => T0 });
    await ana.record(BANK, 'q1', 'good');
    const bo = new ProgressStore({ progressKey: 'bo', storage: disk.tab(), now: () => T0 });
    assert.deepEqual(bo.all(), []);
    assert.equal(new ProgressStore({ progressKey: 'ana', storage: disk.tab() }).all().length, 1);
  });
});

describe('ProgressStore: undo', () => {
  test('undo takes back the newest answer: memory as before, written through, notified, seen by a store opened later', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const store = new ProgressStore({ storage: disk.tab(), now: time.now });
    const first = await store.record(BANK, 'q1', 'good');
    time.at = T0 + 10 * MINUTE;
    const before = store.get(BANK, 'q1');
    await store.record(BANK, 'q1', 'easy');
    assert.equal(store.get(BANK, 'q1')!.memory.state, 2, 'easy moved it to review');
    const changes = changesOf(store);
    time.at = T0 + 11 * MINUTE;

    const after = await store.undo(BANK, 'q1', { at: T0 + 10 * MINUTE, grade: 'easy' }, before);
    assert.deepEqual(after!.reviews, first.reviews);
    assert.deepEqual(after!.memory, first.memory, 'the memory state from before the answer');
    assert.deepEqual(after!.undone, [{ at: T0 + 10 * MINUTE, grade: 'easy' }]);
    assert.equal(after!.updatedAt, T0 + 11 * MINUTE);
    assert.equal(store.get(BANK, 'q1'), after);
    assert.equal(store.status(BANK, 'q1'), 'due', 'due again 10 min after the first good, as before');
    assert.deepEqual(changes, [{ questions: [`${BANK}/q1`], external: false }]);
    const stored = JSON.parse(disk.data.get(key('q1'))!);
    assert.deepEqual(stored.reviews, first.reviews);
    assert.deepEqual(stored.undone, after!.undone);
    assert.deepEqual(new ProgressStore({ storage: disk.tab(), now: time.now }).get(BANK, 'q1'), after);
  });

  test('undo on a log cut to MAX_REVIEWS brings back the oldest review and the memory state exactly', async () => {
    const time = clock();
    const store = new ProgressStore({ storage: null, now: time.now });
    for (let i = 0; i < MAX_REVIEWS; i++) {
      time.at = T0 + i * DAY;
      await store.record(BANK, 'q1', i % 7 === 0 ? 'hard' : 'good');
    }
    const before = store.get(BANK, 'q1')!;
    assert.equal(before.reviews.length, MAX_REVIEWS);
    time.at = T0 + MAX_REVIEWS * DAY;
    await store.record(BANK, 'q1', 'again');
    assert.equal(store.get(BANK, 'q1')!.reviews[0]!.at, T0 + DAY, 'the oldest review was cut');
    const after = await store.undo(BANK, 'q1', { at: T0 + MAX_REVIEWS * DAY, grade: 'again' }, before);
    assert.deepEqual(after!.reviews, before.reviews, 'the oldest review is back');
    assert.deepEqual(after!.memory, before.memory, 'the schedule is as before');
  });

  test('undoing the only answer makes the question new again; the same answer recorded again at the same ms stands', async () => {
    const disk = new FakeDisk();
    const store = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    await store.record(BANK, 'q1', 'again', { correct: false });
    const after = await store.undo(BANK, 'q1', { at: T0, grade: 'again' });
    assert.deepEqual(after!.reviews, []);
    assert.equal(store.status(BANK, 'q1'), 'new');
    assert.deepEqual(await store.preview(BANK, 'q1'), await new ProgressStore({ storage: null, now: () => T0 }).preview(BANK, 'q1'), 'previews as a question never answered');

    const again = await store.record(BANK, 'q1', 'again', { correct: false });
    assert.deepEqual(again.reviews, [{ at: T0, grade: 'again', correct: false }]);
    assert.equal(again.undone, undefined, 'the new answer is not counted as undone');
    assert.equal(again.memory.reps, 1);
    const later = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    assert.deepEqual(later.get(BANK, 'q1')!.reviews, again.reviews);
  });

  test('without the progress from before, or when something changed since, the memory is replayed from the remaining answers', async () => {
    const time = clock();
    const store = new ProgressStore({ storage: null, now: time.now });
    const stale = await store.record(BANK, 'q1', 'good');
    for (const [minutes, grade] of [[10, 'good'], [20, 'hard']] as const) {
      time.at = T0 + minutes * MINUTE;
      await store.record(BANK, 'q1', grade);
    }
    const after = await store.undo(BANK, 'q1', { at: T0 + 10 * MINUTE, grade: 'good' }, stale);
    const remaining: Review[] = [{ at: T0, grade: 'good' }, { at: T0 + 20 * MINUTE, grade: 'hard' }];
    assert.deepEqual(after!.reviews, remaining);
    assert.deepEqual(after!.memory, (await loadScheduler()).rebuild(remaining));
    assert.notDeepEqual(after!.memory, stale.memory, 'the stale copy was not used');
  });

  test('a review that is not in the log, or a question never answered, changes nothing', async () => {
    const store = new ProgressStore({ storage: null, now: () => T0 });
    const progress = await store.record(BANK, 'q1', 'good');
    const changes = changesOf(store);
    assert.equal(await store.undo(BANK, 'q1', { at: T0 + 1, grade: 'good' }), progress);
    assert.equal(await store.undo(BANK, 'q1', { at: T0, grade: 'easy' }), progress);
    assert.equal(await store.undo(BANK, 'q2', { at: T0, grade: 'good' }), undefined);
    assert.deepEqual(changes, []);
  });

  test('an undone answer does not come back from another tab that still has it, nor from an older export', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const a = new ProgressStore({ storage: disk.tab(), now: time.now });
    const b = new ProgressStore({ storage: disk.tab(), now: time.now });
    await a.record(BANK, 'q1', 'good');
    time.at = T0 + 10 * MINUTE;
    const before = a.get(BANK, 'q1');
    await a.record(BANK, 'q1', 'easy');
    await disk.deliver();
    assert.equal(b.get(BANK, 'q1')!.reviews.length, 2);
    const oldExport = a.exportData();

    time.at = T0 + 11 * MINUTE;
    await a.undo(BANK, 'q1', { at: T0 + 10 * MINUTE, grade: 'easy' }, before);
    time.at = T0 + 12 * MINUTE;
    await b.record(BANK, 'q1', 'hard'); // b answers before hearing of the undo
    await disk.deliver();

    const expected: Review[] = [{ at: T0, grade: 'good' }, { at: T0 + 12 * MINUTE, grade: 'hard' }];
    const scheduler = await loadScheduler();
    for (const store of [a, b]) {
      assert.deepEqual(store.get(BANK, 'q1')!.reviews, expected);
      assert.deepEqual(store.get(BANK, 'q1')!.memory, scheduler.rebuild(expected));
    }
    assert.deepEqual(JSON.parse(disk.data.get(key('q1'))!).reviews, expected);

    assert.deepEqual(await a.importData(oldExport), { added: 0, updated: 0, kept: 1 });
    assert.deepEqual(a.get(BANK, 'q1')!.reviews, expected);
    assert.deepEqual(a.exportData().questions[0]!.undone, [{ at: T0 + 10 * MINUTE, grade: 'easy' }], 'exports carry what was undone');
  });

  test('with storage failing, undo still works in memory', async () => {
    const store = new ProgressStore({ storage: new FakeDisk().tab(() => securityError()), now: () => T0 });
    await store.record(BANK, 'q1', 'good');
    await store.undo(BANK, 'q1', { at: T0, grade: 'good' });
    assert.equal(store.status(BANK, 'q1'), 'new');
    assert.equal(store.problems.length, 1);
  });
});

describe('ProgressStore: migration and records that cannot be read', () => {
  test('a v1 record is rebuilt from its reviews and written back as v2', async () => {
    const disk = new FakeDisk();
    const reviews: Review[] = [
      { at: T0, grade: 'good' },
      { at: T0 + 10 * MINUTE, grade: 'good' },
      { at: T0 + 3 * DAY, grade: 'again' },
    ];
    disk.data.set(key('q1'), JSON.stringify({ v: 1, reviews }));
    const store = new ProgressStore({ storage: disk.tab(), now: () => T0 + 4 * DAY });
    await store.ready;
    const scheduler = await loadScheduler();
    const expected: QuestionProgress = { bankId: BANK, questionId: 'q1', reviews, memory: scheduler.rebuild(reviews), updatedAt: T0 + 3 * DAY };
    assert.deepEqual(store.get(BANK, 'q1'), expected);
    assert.equal(expected.memory.lapses, 1);
    assert.deepEqual(JSON.parse(disk.data.get(key('q1'))!), { v: 2, reviews, memory: expected.memory, updatedAt: T0 + 3 * DAY });
    assert.deepEqual(store.problems, []);
  });

  test('corrupt, wrong-shape and v3 records are set aside and reported once; the others load', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const ok = new ProgressStore({ storage: disk.tab(), now: time.now });
    await ok.record(BANK, 'fine', 'good');
    const corrupt = '{"v":2,"reviews":[{"at":';
    const wrongShape = JSON.stringify({ v: 2, reviews: [{ at: T0, grade: 'superb' }], memory: {}, updatedAt: T0 });
    const future = JSON.stringify({ v: 3, cards: { fsrs7: true } });
    disk.data.set(key('corrupt'), corrupt);
    disk.data.set(key('shape'), wrongShape);
    disk.data.set(key('future'), future);
    time.at = T0 + DAY;

    const store = new ProgressStore({ storage: disk.tab(), now: time.now });
    await store.ready;
    assert.deepEqual(store.all().map((p) => p.questionId), ['fine']);
    assert.deepEqual(store.problems.map((p) => [p.kind, p.key]), [
      ['set-aside', key('corrupt')],
      ['set-aside', key('shape')],
      ['set-aside', key('future')],
    ]);
    assert.match(store.problems[0]!.message, /corrupt JSON/);
    assert.match(store.problems[1]!.message, /reviews\[0\]\.grade/);
    assert.match(store.problems[2]!.message, /v3 is newer/);
    assert.equal(store.persistent, true);
    const aside = (q: string) => `quiz-elements/set-aside/default/${BANK}/${q}/${T0 + DAY}`;
    assert.equal(disk.data.get(aside('corrupt')), corrupt, 'kept word for word');
    assert.equal(disk.data.get(aside('shape')), wrongShape);
    assert.equal(disk.data.get(aside('future')), future);
    assert.equal(disk.data.has(key('corrupt')), false, 'a corrupt original goes once copied');
    assert.equal(disk.data.get(key('future')), future, 'a newer version keeps its record');

    // Answering those questions: a fresh record replaces the corrupt one, the v3 record is left alone.
    await store.record(BANK, 'corrupt', 'good');
    await store.record(BANK, 'future', 'good');
    assert.equal(JSON.parse(disk.data.get(key('corrupt'))!).v, 2);
    assert.equal(disk.data.get(key('future')), future);
    assert.equal(store.get(BANK, 'future')!.reviews.length, 1, 'kept in memory for the page');

    // The next page: the v3 record is reported again but not copied again.
    time.at = T0 + 2 * DAY;
    const next = new ProgressStore({ storage: disk.tab(), now: time.now });
    assert.deepEqual(next.problems.map((p) => p.key), [key('future')]);
    assert.equal([...disk.data.keys()].filter((k) => k.startsWith('quiz-elements/set-aside/')).length, 3);
    assert.deepEqual(next.all().map((p) => p.questionId).sort(), ['corrupt', 'fine']);
  });

  test('a record that cannot be copied aside stays where it is and is not overwritten', async () => {
    const disk = new FakeDisk();
    disk.data.set(key('corrupt'), 'not json');
    const store = new ProgressStore({ storage: disk.tab((op) => (op === 'set' ? quotaError() : undefined)), now: () => T0 });
    assert.match(store.problems[0]!.message, /left where it is/);
    await store.record(BANK, 'corrupt', 'good');
    assert.equal(disk.data.get(key('corrupt')), 'not json');
  });
});

describe('ProgressStore: storage faults never reach the page', () => {
  test('quota exceeded mid-session: no grade lost in memory, one problem, one note; later writes catch up', async () => {
    const disk = new FakeDisk();
    let full = false;
    const time = clock();
    const store = new ProgressStore({ storage: disk.tab((op) => (op === 'set' && full ? quotaError() : undefined)), now: time.now });
    const changes = changesOf(store);
    await store.record(BANK, 'q1', 'good');
    full = true;
    for (const [i, q] of ['q1', 'q2', 'q3'].entries()) {
      time.at = T0 + (i + 1) * MINUTE;
      await store.record(BANK, q, 'hard');
    }
    assert.deepEqual(store.all().map((p) => [p.questionId, p.reviews.length]), [['q1', 2], ['q2', 1], ['q3', 1]]);
    assert.equal(store.persistent, false);
    assert.deepEqual(store.problems.map((p) => p.kind), ['write-failed']);
    assert.match(store.problems[0]!.message, /QuotaExceededError/);
    assert.equal(changes.filter((c) => c.problem).length, 1);
    assert.equal(changes.filter((c) => c.questions.length).length, 4, 'every grade still notified');
    assert.equal(JSON.parse(disk.data.get(key('q1'))!).reviews.length, 1, 'what was written before stays');
    assert.equal(disk.data.has(key('q2')), false);

    full = false; // the learner freed some space
    await store.record(BANK, 'q4', 'good');
    assert.deepEqual([...disk.data.keys()].sort(), ['q1', 'q2', 'q3', 'q4'].map((q) => key(q)));
    assert.equal(JSON.parse(disk.data.get(key('q1'))!).reviews.length, 2);
    assert.equal(store.problems.length, 1);
  });

  test('storage throwing on every call: recording and previews still work, in memory', async () => {
    const store = new ProgressStore({ storage: new FakeDisk().tab(() => securityError()), now: () => T0 });
    await store.ready;
    assert.equal(store.persistent, false);
    assert.deepEqual(store.problems.map((p) => p.kind), ['unavailable']);
    assert.match(store.problems[0]!.message, /SecurityError/);
    const changes = changesOf(store);
    for (const q of ['q1', 'q2', 'q3']) await store.record(BANK, q, 'good');
    await store.record(BANK, 'q1', 'easy', { at: T0 + 10 * MINUTE });
    assert.equal(store.get(BANK, 'q1')!.reviews.length, 2);
    assert.equal(store.all().length, 3);
    assert.equal((await store.preview(BANK, 'q4')).good, T0 + 10 * MINUTE, 'a new question');
    assert.equal((await store.preview(BANK, 'q2')).good, T0 + 2 * DAY, 'the second good leaves learning');
    assert.equal(changes.length, 4);
    assert.equal(store.problems.length, 1);
  });

  test('storage that reads but fails to write with a SecurityError: one problem, then memory only', async () => {
    let sets = 0;
    const store = new ProgressStore({
      storage: new FakeDisk().tab((op) => (op === 'set' ? (sets++, securityError()) : undefined)),
      now: () => T0,
    });
    const changes = changesOf(store);
    await store.record(BANK, 'q1', 'good');
    await store.record(BANK, 'q2', 'good');
    assert.equal(sets, 1, 'not tried again');
    assert.deepEqual(store.problems.map((p) => p.kind), ['unavailable']);
    assert.deepEqual(changes.map((c) => c.problem?.kind ?? c.questions.join()), ['unavailable', `${BANK}/q1`, `${BANK}/q2`]);
  });

  test('without a storage option where there is no localStorage (Node): memory only, reported', async () => {
    const store = new ProgressStore({ now: () => T0 });
    assert.equal(store.persistent, false);
    assert.deepEqual(store.problems.map((p) => p.kind), ['unavailable']);
    await store.record(BANK, 'q1', 'good');
    assert.equal(store.all().length, 1);
  });

  test('storage: null is memory only on purpose: no problem', () => {
    const store = new ProgressStore({ storage: null });
    assert.equal(store.persistent, false);
    assert.deepEqual(store.problems, []);
  });
});

describe('ProgressStore: two tabs on one storage', () => {
  test('one tab records, the other sees it and notifies, marked external', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const a = new ProgressStore({ storage: disk.tab(), now: time.now });
    const b = new ProgressStore({ storage: disk.tab(), now: time.now });
    const changes = changesOf(b);
    const progress = await a.record(BANK, 'q1', 'good');
    assert.equal(b.get(BANK, 'q1'), undefined, 'not before the event arrives');
    await disk.deliver();
    assert.deepEqual(b.get(BANK, 'q1'), progress);
    assert.deepEqual(changes, [{ questions: [`${BANK}/q1`], external: true }]);
    assert.equal(b.status(BANK, 'q1'), 'learning');
  });

  test('both tabs answer the same question before hearing of each other: both end with every answer', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const a = new ProgressStore({ storage: disk.tab(), now: time.now });
    const b = new ProgressStore({ storage: disk.tab(), now: time.now });
    await a.record(BANK, 'q1', 'good');
    await disk.deliver();
    time.at = T0 + 10 * MINUTE;
    await a.record(BANK, 'q1', 'good');
    time.at = T0 + 11 * MINUTE;
    await b.record(BANK, 'q1', 'again');
    await disk.deliver();

    const reviews = [
      { at: T0, grade: 'good' },
      { at: T0 + 10 * MINUTE, grade: 'good' },
      { at: T0 + 11 * MINUTE, grade: 'again' },
    ];
    const scheduler = await loadScheduler();
    for (const store of [a, b]) {
      assert.deepEqual(store.get(BANK, 'q1')!.reviews, reviews);
      assert.deepEqual(store.get(BANK, 'q1')!.memory, scheduler.rebuild(reviews as Review[]));
    }
    assert.deepEqual(JSON.parse(disk.data.get(key('q1'))!).reviews, reviews);
  });

  test('an older copy written elsewhere does not win: the newer one here is put back', async () => {
    const disk = new FakeDisk();
    const time = clock();
    const a = new ProgressStore({ storage: disk.tab(), now: time.now });
    const stale = await a.record(BANK, 'q1', 'good');
    const staleText = disk.data.get(key('q1'))!;
    time.at = T0 + 10 * MINUTE;
    const newer = await a.record(BANK, 'q1', 'good');
    const changes = changesOf(a);
    disk.tab().set(key('q1'), staleText); // a tab that missed the second answer
    await disk.deliver();
    assert.equal(stale.reviews.length, 1);
    assert.equal(a.get(BANK, 'q1'), newer);
    assert.deepEqual(JSON.parse(disk.data.get(key('q1'))!).reviews, newer.reviews);
    assert.deepEqual(changes, []);
  });

  test('a record removed or storage cleared in another tab is gone here too', async () => {
    const disk = new FakeDisk();
    const a = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    await a.record(BANK, 'q1', 'good');
    await a.record(BANK, 'q2', 'good');
    const b = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    const changes = changesOf(b);
    disk.tab().remove(key('q1'));
    await disk.deliver();
    assert.deepEqual(b.all().map((p) => p.questionId), ['q2']);
    disk.clear();
    await disk.deliver();
    assert.deepEqual(b.all(), []);
    assert.deepEqual(changes, [{ questions: [`${BANK}/q1`], external: true }, { questions: [], external: true }]);
  });

  test('a corrupt record written by another tab is set aside, not taken in', async () => {
    const disk = new FakeDisk();
    const b = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    const other = disk.tab();
    other.set(key('q1'), '{oops');
    await disk.deliver();
    assert.deepEqual(b.all(), []);
    assert.deepEqual(b.problems.map((p) => p.kind), ['set-aside']);
    assert.equal(disk.data.get(`quiz-elements/set-aside/default/${BANK}/q1/${T0}`), '{oops');
  });

  test('close() stops listening to other tabs', async () => {
    const disk = new FakeDisk();
    const a = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    const b = new ProgressStore({ storage: disk.tab(), now: () => T0 });
    b.close();
    await a.record(BANK, 'q1', 'good');
    await disk.deliver();
    assert.equal(b.get(BANK, 'q1'), undefined);
  });
});

describe('ProgressStore: export and import', () => {
  async function storeWith(answers: [string, 'again' | 'hard' | 'good' | 'easy', number][], storage: ProgressStorage | null = null) {
    const time = clock();
    const store = new ProgressStore({ storage, now: time.now });
    for (const [q, grade, at] of answers) {
      time.at = at;
      await store.record(BANK, q, grade);
    }
    return { store, time };
  }

  test('export → JSON → import into an empty store gives the same progress, written to storage', async () => {
    const { store } = await storeWith([['q1', 'good', T0], ['q2', 'again', T0 + MINUTE], ['q1', 'good', T0 + 10 * MINUTE]]);
    const file = store.exportData();
    assert.equal(file.format, 'quiz-progress/1');
    assert.equal(file.progressKey, 'default');
    assert.deepEqual(file.questions.map((q) => q.questionId), ['q1', 'q2']);

    const disk = new FakeDisk();
    const other = new ProgressStore({ storage: disk.tab(), now: () => T0 + DAY });
    const changes = changesOf(other);
    assert.deepEqual(await other.importData(JSON.stringify(file)), { added: 2, updated: 0, kept: 0 });
    assert.deepEqual(other.exportData().questions, file.questions);
    assert.equal(disk.data.size, 2);
    assert.deepEqual(changes, [{ questions: [`${BANK}/q1`, `${BANK}/q2`], external: false }]);
    assert.deepEqual(await other.importData(file), { added: 0, updated: 0, kept: 2 }, 'again: nothing new');
    assert.equal(other.now(), T0 + DAY, 'now() is the clock it was given');
    assert.equal(changes.length, 1);
  });

  test('merge: per question the newer copy wins, review logs are united, nothing local is deleted', async () => {
    const { store: here } = await storeWith([
      ['newer-here', 'good', T0],
      ['newer-here', 'easy', T0 + 2 * DAY],
      ['newer-there', 'good', T0],
      ['only-here', 'hard', T0],
    ]);
    const { store: there } = await storeWith([
      ['newer-here', 'good', T0],
      ['newer-there', 'good', T0],
      ['newer-there', 'hard', T0 + 3 * DAY],
      ['only-there', 'again', T0 + DAY],
      ['both-answered', 'good', T0 + DAY],
    ]);
    await here.record(BANK, 'both-answered', 'easy', { at: T0 + 4 * DAY });

    const summary = await here.importData(there.exportData());
    assert.deepEqual(summary, { added: 1, updated: 2, kept: 1 });
    assert.deepEqual(here.all().map((p) => p.questionId).sort(), ['both-answered', 'newer-here', 'newer-there', 'only-here', 'only-there']);
    assert.deepEqual(here.get(BANK, 'newer-there'), there.get(BANK, 'newer-there'));
    assert.deepEqual(here.get(BANK, 'newer-here')!.reviews.map((r) => r.grade), ['good', 'easy']);
    assert.deepEqual(here.get(BANK, 'only-there'), there.get(BANK, 'only-there'));
    const both = here.get(BANK, 'both-answered')!;
    assert.deepEqual(both.reviews, [{ at: T0 + DAY, grade: 'good' }, { at: T0 + 4 * DAY, grade: 'easy' }]);
    assert.deepEqual(both.memory, (await loadScheduler()).rebuild(both.reviews), 'replayed from both logs');
  });

  test('a bad file is refused with what is wrong, and changes nothing', async () => {
    const { store } = await storeWith([['q1', 'good', T0]]);
    const file = store.exportData();
    const before = store.exportData();
    const broken = { ...file, questions: [...file.questions, { ...file.questions[0], questionId: 'q2', reviews: [{ at: T0, grade: 'great' }] }] };
    await assert.rejects(store.importData(broken), { message: 'Not a valid progress file: questions[1].reviews[0].grade: expected one of again, hard, good, easy.' });
    await assert.rejects(store.importData('not json'), /Not a progress file: the JSON cannot be read/);
    await assert.rejects(store.importData({ format: 'something-else' }), /format: expected "quiz-progress\/1"/);
    assert.deepEqual(store.exportData(), before);
  });
});
