import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { emptyMemory } from './record.js';
import { loadScheduler } from './schedule.js';
import { statusOf } from './status.js';
import { MASTERED_AFTER_DAYS, type MemoryState, type QuestionProgress, type Review } from './types.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0); // a Monday, 09:00 UTC
const MINUTE = 60_000;
const DAY = 86_400_000;

describe('scheduling (FSRS scheduling, no fuzz)', () => {
  test('loadScheduler loads once and shares the scheduler', async () => {
    const [a, b] = await Promise.all([loadScheduler(), loadScheduler()]);
    assert.equal(a, b);
    assert.equal(await loadScheduler(), a);
  });

  test('a new question previews again 1 min < hard 6 min < good 10 min < easy 8 d', async () => {
    const scheduler = await loadScheduler();
    const due = scheduler.preview(null, T0);
    assert.deepEqual(
      { again: due.again - T0, hard: due.hard - T0, good: due.good - T0, easy: due.easy - T0 },
      { again: 1 * MINUTE, hard: 6 * MINUTE, good: 10 * MINUTE, easy: 8 * DAY },
    );
  });

  test('good, then good at each due time: 10 min of learning, then 2, 11, 46 and 163 days', async () => {
    const scheduler = await loadScheduler();
    let memory = scheduler.next(null, 'good', T0);
    assert.equal(memory.due, T0 + 10 * MINUTE);
    assert.equal(memory.state, 1, 'learning');
    assert.equal(memory.reps, 1);
    assert.equal(memory.lastReview, T0);
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = memory.due;
      memory = scheduler.next(memory, 'good', at);
      assert.equal(memory.state, 2, 'review');
      intervals.push((memory.due - at) / DAY);
      assert.equal(memory.scheduledDays, intervals.at(-1));
    }
    assert.deepEqual(intervals, [2, 11, 46, 163]);
  });

  test('again on a question in review sends it back for minutes, as a lapse', async () => {
    const scheduler = await loadScheduler();
    let memory = scheduler.next(null, 'good', T0);
    memory = scheduler.next(memory, 'good', memory.due);
    const at = memory.due;
    const lapsed = scheduler.next(memory, 'again', at);
    assert.equal(lapsed.state, 3, 'relearning');
    assert.equal(lapsed.lapses, 1);
    assert.equal(lapsed.due - at, 10 * MINUTE);
    assert.ok(lapsed.stability < memory.stability);
  });

  test('preview of a question in review keeps the grades in order, all in days', async () => {
    const scheduler = await loadScheduler();
    let memory = scheduler.next(null, 'good', T0);
    memory = scheduler.next(memory, 'good', memory.due);
    const at = memory.due;
    const due = scheduler.preview(memory, at);
    assert.ok(due.again < due.hard && due.hard < due.good && due.good < due.easy, JSON.stringify(due));
    assert.equal(due.good, scheduler.next(memory, 'good', at).due, 'preview agrees with next');
    assert.ok(due.hard - at >= DAY);
  });

  test('the same answers at the same times give the same schedule', async () => {
    const scheduler = await loadScheduler();
    const run = () => {
      let memory: MemoryState | null = null;
      let at = T0;
      for (const grade of ['good', 'good', 'hard', 'good', 'easy', 'again', 'good'] as const) {
        memory = scheduler.next(memory, grade, at);
        at = memory.due + 3 * 3_600_000;
      }
      return memory;
    };
    assert.deepEqual(run(), run());
  });

  test('rebuild replays a log in order of time, the same as grading one by one', async () => {
    const scheduler = await loadScheduler();
    const reviews: Review[] = [
      { at: T0, grade: 'good' },
      { at: T0 + 10 * MINUTE, grade: 'good' },
      { at: T0 + 3 * DAY, grade: 'again' },
      { at: T0 + 3 * DAY + 10 * MINUTE, grade: 'good' },
    ];
    let expected: MemoryState | null = null;
    for (const review of reviews) expected = scheduler.next(expected, review.grade, review.at);
    assert.deepEqual(scheduler.rebuild([reviews[2]!, reviews[0]!, reviews[3]!, reviews[1]!]), expected);
    assert.equal(expected!.lapses, 1);
    assert.deepEqual(scheduler.rebuild([]), emptyMemory(0));
  });

  test('an answer dated before the last one counts as simultaneous instead of throwing', async () => {
    const scheduler = await loadScheduler();
    const memory = scheduler.next(null, 'good', T0);
    const earlier = scheduler.next(memory, 'good', T0 - DAY);
    assert.deepEqual(earlier, scheduler.next(memory, 'good', T0));
  });
});

describe('statusOf', () => {
  const progress = (memory: Partial<MemoryState>): QuestionProgress => ({
    bankId: 'b',
    questionId: 'q',
    reviews: [{ at: T0, grade: 'good' }],
    memory: { ...emptyMemory(T0), reps: 1, lastReview: T0, ...memory },
    updatedAt: T0,
  });

  test('new without a record, or with a record never answered', () => {
    assert.equal(statusOf(undefined, T0), 'new');
    assert.equal(statusOf(progress({ state: 0, reps: 0 }), T0 + DAY), 'new');
  });

  test('learning until due, due from the due time on', () => {
    const p = progress({ state: 1, due: T0 + 10 * MINUTE });
    assert.equal(statusOf(p, T0 + 10 * MINUTE - 1), 'learning');
    assert.equal(statusOf(p, T0 + 10 * MINUTE), 'due');
  });

  test(`mastered in review with an interval of ${MASTERED_AFTER_DAYS} days or more, until due`, () => {
    const due = T0 + MASTERED_AFTER_DAYS * DAY;
    assert.equal(statusOf(progress({ state: 2, scheduledDays: MASTERED_AFTER_DAYS, due }), T0 + DAY), 'mastered');
    assert.equal(statusOf(progress({ state: 2, scheduledDays: MASTERED_AFTER_DAYS - 1, due }), T0 + DAY), 'learning');
    assert.equal(statusOf(progress({ state: 3, scheduledDays: MASTERED_AFTER_DAYS, due }), T0 + DAY), 'learning', 'relearning is not mastered');
    assert.equal(statusOf(progress({ state: 2, scheduledDays: MASTERED_AFTER_DAYS, due }), due), 'due');
  });

  test('through the scheduler: good at each due time is mastered after the 46-day interval', async () => {
    const scheduler = await loadScheduler();
    let memory = scheduler.next(null, 'good', T0);
    const statuses: string[] = [];
    for (let i = 0; i < 4; i++) {
      memory = scheduler.next(memory, 'good', memory.due);
      statuses.push(statusOf(progress(memory), memory.lastReview! + 1));
    }
    assert.deepEqual(statuses, ['learning', 'learning', 'mastered', 'mastered']);
  });
});
