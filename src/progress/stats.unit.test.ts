import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { emptyMemory } from './record.js';
import { loadScheduler } from './schedule.js';
import { CALENDAR_WEEKS, FORECAST_DAYS, RETENTION_DAYS, dayIndex, localDayStarts, progressStats, type ProgressStats } from './stats.js';
import { statusOf } from './status.js';
import type { Grade, MemoryState, QuestionProgress } from './types.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Runs the tests of `fn` with the environment's time zone set to `zone` (Node re-reads TZ when it changes). */
function inZone(zone: string, fn: () => void): void {
  describe(`in ${zone}`, () => {
    let saved: string | undefined;
    before(() => {
      saved = process.env.TZ;
      process.env.TZ = zone;
    });
    after(() => {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    });
    fn();
  });
}

interface Shape {
  due?: number;
  state?: MemoryState['state'];
  scheduledDays?: number;
  reviews?: [number, Grade][];
  bankId?: string;
}

/** A record as the store keeps it, with the memory state and reviews given. */
function record(questionId: string, { due = 0, state = 1, scheduledDays = 0, reviews = [], bankId = 'bank' }: Shape = {}): QuestionProgress {
  return {
    bankId,
    questionId,
    reviews: reviews.map(([at, grade]) => ({ at, grade })),
    memory: { ...emptyMemory(0), due, state, scheduledDays, reps: reviews.length, lastReview: reviews.at(-1)?.[0] ?? null },
    updatedAt: reviews.at(-1)?.[0] ?? 0,
  };
}

const counts = (days: ProgressStats['forecast']) => days.map((day) => day.count);
const nonZero = (days: ProgressStats['calendar']) => Object.fromEntries(days.filter((day) => day.count).map((day) => [day.date, day.count]));

inZone('Europe/Berlin', () => {
  // Monday 23 November 2026, 09:00 local time.
  const local = (d: number, h = 0, min = 0, month = 10) => new Date(2026, month, d, h, min).getTime();
  const now = local(23, 9);

  test('no records: 30 empty days from today, 17 weeks of calendar ending today, nothing else', () => {
    const stats = progressStats([], now);
    assert.equal(stats.forecast.length, FORECAST_DAYS);
    assert.equal(stats.forecast[0]!.date, '2026-11-23');
    assert.equal(stats.forecast[29]!.date, '2026-12-22');
    assert.deepEqual(new Set(counts(stats.forecast)), new Set([0]));
    // This Monday is the first day of the last week: 16 whole weeks before it, plus today.
    assert.equal(stats.calendar.length, (CALENDAR_WEEKS - 1) * 7 + 1);
    assert.equal(stats.calendar.at(-1)!.date, '2026-11-23');
    assert.equal(stats.calendar[0]!.date, '2026-08-03');
    assert.equal(stats.calendar[0]!.weekday, 1, 'weeks start on Monday');
    assert.deepEqual(stats.retention, { reviews: 0, retained: 0, share: null, days: RETENTION_DAYS });
    assert.deepEqual(stats.statuses, { new: 0, learning: 0, due: 0, mastered: 0 });
    assert.equal(stats.reviews, 0);
    assert.equal(stats.nextChange, local(24), 'the next change is midnight');
  });

  test('without records, every question of the banks is new', () => {
    assert.deepEqual(progressStats([], now, { questions: 12 }).statuses, { new: 12, learning: 0, due: 0, mastered: 0 });
  });

  test('forecast: overdue and later today fold into today; one bar per local day; beyond 30 days and new questions are left out', () => {
    const stats = progressStats(
      [
        record('overdue-a-week', { due: now - 7 * DAY }),
        record('overdue-a-minute', { due: now - 60_000 }),
        record('tonight', { due: local(23, 23, 59) }),
        record('tomorrow-early', { due: local(24, 0, 0) }),
        record('in-29-days', { due: local(22, 23, 0, 11), state: 2, scheduledDays: 29 }),
        record('in-30-days', { due: local(23, 0, 0, 11), state: 2, scheduledDays: 30 }),
        record('new-again', { due: now - DAY, state: 0 }),
      ],
      now,
    );
    assert.equal(stats.forecast[0]!.count, 3);
    assert.equal(stats.forecast[1]!.count, 1);
    assert.equal(stats.forecast[29]!.count, 1);
    assert.equal(counts(stats.forecast).reduce((a, b) => a + b), 5);
    assert.equal(stats.nextChange, local(23, 23, 59), 'the question due tonight changes a status first');
  });

  test('calendar: reviews counted on their local day, in weeks from Monday; a review before the calendar still counts as a review', () => {
    const stats = progressStats(
      [
        record('a', { reviews: [[local(23, 0, 0), 'good'], [local(23, 8, 59), 'again'], [local(22, 23, 59), 'hard']] }),
        record('b', { reviews: [[local(3, 0, 0, 7), 'easy'], [local(2, 23, 59, 7), 'good']] }),
      ],
      now,
    );
    assert.deepEqual(nonZero(stats.calendar), { '2026-08-03': 1, '2026-11-22': 1, '2026-11-23': 2 });
    assert.equal(stats.reviews, 5);
    const sunday = stats.calendar.findIndex((day) => day.date === '2026-11-22');
    assert.equal(sunday % 7, 6, 'Sunday is the last row of its week');
  });

  test('calendar weeks may start on Sunday', () => {
    const stats = progressStats([], now, { weekStart: 0 });
    assert.equal(stats.calendar[0]!.weekday, 0);
    assert.equal(stats.calendar.at(-1)!.date, '2026-11-23');
    assert.equal(stats.calendar.length, (CALENDAR_WEEKS - 1) * 7 + 2, 'Sunday and Monday of this week');
  });

  test('retention: the share of Good and Easy among the reviews of the last 30 local days', () => {
    const firstDay = local(25, 0, 0, 9); // 25 October: 30 local days back, today included
    const stats = progressStats(
      [
        record('a', { reviews: [[firstDay, 'good'], [firstDay - 1, 'again'], [now, 'easy']] }),
        record('b', { reviews: [[local(20), 'again'], [local(21), 'hard'], [local(22), 'good']] }),
      ],
      now,
    );
    assert.deepEqual(stats.retention, { reviews: 5, retained: 3, share: 3 / 5, days: 30 });
    assert.equal(stats.reviews, 6);
  });

  test('statuses follow statusOf; new counts questions without a record', () => {
    const records = [
      record('due', { due: now - HOUR }),
      record('learning', { due: now + HOUR }),
      record('mastered', { due: now + 30 * DAY, state: 2, scheduledDays: 30 }),
      record('review-short', { due: now + 3 * DAY, state: 2, scheduledDays: 3 }),
      record('undone', { due: now, state: 0 }),
    ];
    assert.deepEqual(progressStats(records, now).statuses, { new: 1, learning: 2, due: 1, mastered: 1 });
    assert.deepEqual(progressStats(records, now, { questions: 10 }).statuses, { new: 6, learning: 2, due: 1, mastered: 1 });
    const byStatusOf = { new: 0, learning: 0, due: 0, mastered: 0 };
    for (const r of records) byStatusOf[statusOf(r, now)]++;
    assert.deepEqual(progressStats(records, now).statuses, byStatusOf, 'the same rules as the elements');
  });

  test('only the records `includes` names count', () => {
    const stats = progressStats(
      [record('mine', { due: now - HOUR, reviews: [[now - HOUR, 'good']] }), record('other', { bankId: 'elsewhere', due: now - HOUR, reviews: [[now - HOUR, 'good']] })],
      now,
      { includes: (bankId) => bankId === 'bank', questions: 3 },
    );
    assert.deepEqual(stats.statuses, { new: 2, learning: 0, due: 1, mastered: 0 });
    assert.equal(stats.forecast[0]!.count, 1);
    assert.equal(stats.reviews, 1);
  });

  test('records from a clock ahead: a review later today counts, one tomorrow waits for its day', () => {
    const stats = progressStats([record('a', { due: local(25), reviews: [[local(23, 22), 'good'], [local(24, 1), 'again']] })], now);
    assert.deepEqual(nonZero(stats.calendar), { '2026-11-23': 1 });
    assert.deepEqual(stats.retention, { reviews: 1, retained: 1, share: 1, days: 30 });
    assert.equal(stats.reviews, 1);
    assert.equal(stats.forecast[2]!.count, 1);
  });

  test('corrupt entries are left out, never thrown on', () => {
    const good = record('good', { due: now - HOUR, reviews: [[now - HOUR, 'good']] });
    const entries: unknown[] = [
      null,
      'quiz',
      42,
      { bankId: 'bank' },
      { ...good, questionId: 'no-memory', memory: null },
      { ...good, questionId: 'nan-due', memory: { ...good.memory, due: Number.NaN } },
      { ...good, questionId: 'bad-state', memory: { ...good.memory, state: 7 } },
      { ...good, questionId: 'reviews-object', reviews: { 0: { at: now, grade: 'good' } } },
      { ...good, questionId: 'bad-reviews', memory: { ...good.memory, state: 0 }, reviews: [null, 'good', { at: 'today', grade: 'good' }, { at: now, grade: 'perfect' }, { at: Infinity, grade: 'good' }, { grade: 'easy' }] },
      good,
    ];
    const stats = progressStats(entries, now);
    // good and reviews-object are due, bad-reviews is new again; no-memory, nan-due and bad-state
    // have no status, but their reviews count, as good's does: reviews-object and bad-reviews have none.
    assert.deepEqual(stats.statuses, { new: 1, learning: 0, due: 2, mastered: 0 });
    assert.equal(stats.reviews, 4);
    assert.equal(stats.forecast[0]!.count, 2);
    assert.deepEqual(nonZero(stats.calendar), { '2026-11-23': 4 });
  });

  test('spring forward: 29 March has 23 hours, and each review still lands on its own day', () => {
    const springNow = local(30, 10, 0, 2);
    const starts = localDayStarts(local(28, 12, 0, 2), 3);
    assert.deepEqual(starts.slice(1).map((s, i) => (s - starts[i]!) / HOUR), [24, 23, 24]);
    const stats = progressStats([record('a', { reviews: [[local(29, 0, 30, 2), 'good'], [local(29, 23, 30, 2), 'good'], [local(30, 0, 10, 2), 'good']] })], springNow);
    assert.deepEqual(nonZero(stats.calendar), { '2026-03-29': 2, '2026-03-30': 1 });
  });

  test('fall back: 25 October has 25 hours; a question due at 23:30 that day is in its bar, not the next', () => {
    const autumnNow = local(24, 12, 0, 9);
    const stats = progressStats([record('late', { due: local(25, 23, 30, 9) }), record('next', { due: local(26, 0, 10, 9) })], autumnNow);
    assert.deepEqual(counts(stats.forecast).slice(0, 3), [0, 1, 1]);
    assert.equal(stats.forecast[1]!.date, '2026-10-25');
  });
});

inZone('Asia/Shanghai', () => {
  test("the learner's local day, not UTC's: 00:30 in Shanghai is the previous day in UTC", () => {
    const now = new Date(2026, 10, 23, 9).getTime();
    const stats = progressStats([record('a', { reviews: [[Date.UTC(2026, 10, 22, 16, 30), 'good'], [Date.UTC(2026, 10, 22, 15, 59), 'good']] })], now);
    assert.deepEqual(nonZero(stats.calendar), { '2026-11-22': 1, '2026-11-23': 1 });
  });
});

for (const zone of ['America/New_York', 'Australia/Lord_Howe', 'America/Santiago', 'Pacific/Apia', 'UTC']) {
  inZone(zone, () => {
    test('a year of local days: consecutive dates, each once, each review on its own date', () => {
      // Every day of 2026, one review at 00:45 and one at 23:15 local time (or the nearest time that exists).
      const reviews: [number, Grade][] = [];
      for (let day = 1; day <= 365; day++) reviews.push([new Date(2026, 0, day, 0, 45).getTime(), 'good'], [new Date(2026, 0, day, 23, 15).getTime(), 'again']);
      const now = new Date(2026, 11, 31, 12).getTime();
      const stats = progressStats([record('a', { reviews })], now, { calendarWeeks: 54, retentionDays: 365 });
      const inYear = stats.calendar.filter((day) => day.date.startsWith('2026-'));
      assert.equal(inYear.length, 365);
      assert.deepEqual(new Set(inYear.map((day) => day.count)), new Set([2]));
      for (let i = 1; i < stats.calendar.length; i++) {
        assert.equal((stats.calendar[i]!.weekday - stats.calendar[i - 1]!.weekday + 7) % 7, 1, `${stats.calendar[i]!.date} follows ${stats.calendar[i - 1]!.date}`);
      }
      assert.deepEqual(stats.retention, { reviews: 730, retained: 365, share: 0.5, days: 365 });
    });
  });
}

describe('dayIndex', () => {
  test('finds the day of a time; -1 outside the days, or for a time that is not a number', () => {
    const starts = [0, 10, 20, 30];
    assert.deepEqual([0, 9, 10, 29, 30, -1, Number.NaN].map((at) => dayIndex(starts, at)), [0, 0, 1, 2, -1, -1, -1]);
  });
});

test('records made by the scheduler: a forecast and retention that match the store', async () => {
  const scheduler = await loadScheduler();
  const now = Date.UTC(2026, 10, 23, 9);
  const start = now - 20 * DAY;
  const grades: Grade[] = ['good', 'good', 'again', 'good', 'easy'];
  let memory: MemoryState | null = null;
  let at = start;
  const reviews: [number, Grade][] = [];
  for (const grade of grades) {
    memory = scheduler.next(memory, grade, at);
    reviews.push([at, grade]);
    at = Math.min(memory.due, now - HOUR);
  }
  const progress: QuestionProgress = { ...record('q', { reviews }), memory: memory! };
  const stats = progressStats([progress], now);
  assert.equal(stats.retention.reviews, 5);
  assert.equal(stats.retention.retained, 4);
  assert.equal(counts(stats.forecast).reduce((a, b) => a + b), memory!.due - now < FORECAST_DAYS * DAY ? 1 : 0);
  assert.equal(stats.statuses[statusOf(progress, now)], 1);
});
