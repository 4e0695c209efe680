/**
 * Our FSRS (`fsrs.ts`, behind `loadScheduler()`) against the scheduler it replaced: ts-fsrs 5.4
 * with the same parameters, driven exactly as `schedule.ts` drove it (kept below as the reference).
 * Random review histories (fast-check, fixed seeds) must give the same memory state after every
 * review and the same grade previews before it, field for field with no tolerance: `fsrs.ts` does
 * ts-fsrs's floating-point operations in ts-fsrs's order, so the numbers are identical, not close.
 *
 * Raise the runs locally (`FC_RUNS=20000`) to search harder.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type FSRS, type Grade as FsrsGrade } from 'ts-fsrs';
import { reviewOutcomes } from './fsrs.js';
import { byTime, emptyMemory } from './record.js';
import { loadScheduler, type Scheduler } from './schedule.js';
import type { Grade, MemoryState, Review } from './types.js';

const RUNS = Number(process.env.FC_RUNS) || 2000;
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const YEAR = 365.25 * DAY;
const T0 = Date.UTC(2025, 0, 6, 9, 0); // a Monday, 09:00 UTC
const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

/** The scheduler as `schedule.ts` built it on ts-fsrs before `fsrs.ts` (its code, unchanged). */
function tsFsrsScheduler(): Scheduler {
  const engine: FSRS = fsrs(generatorParameters({ enable_fuzz: false }));
  const ratings: Record<Grade, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };
  const cardOf = (memory: MemoryState | null, at: number): Card =>
    memory
      ? {
          due: new Date(memory.due),
          stability: memory.stability,
          difficulty: memory.difficulty,
          elapsed_days: 0,
          scheduled_days: memory.scheduledDays,
          learning_steps: memory.learningSteps,
          reps: memory.reps,
          lapses: memory.lapses,
          state: memory.state,
          last_review: memory.lastReview === null ? undefined : new Date(memory.lastReview),
        }
      : createEmptyCard(new Date(at));
  const reviewTime = (memory: MemoryState | null, at: number) => new Date(Math.max(at, memory?.lastReview ?? at));
  const memoryOf = (card: Card): MemoryState => ({
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  });
  const next = (memory: MemoryState | null, grade: Grade, at: number): MemoryState =>
    memoryOf(engine.next(cardOf(memory, at), reviewTime(memory, at), ratings[grade]).card);
  return {
    next,
    preview(memory, at) {
      const preview = engine.repeat(cardOf(memory, at), reviewTime(memory, at));
      return {
        again: preview[Rating.Again].card.due.getTime(),
        hard: preview[Rating.Hard].card.due.getTime(),
        good: preview[Rating.Good].card.due.getTime(),
        easy: preview[Rating.Easy].card.due.getTime(),
      };
    },
    rebuild(reviews) {
      const inOrder = [...reviews].sort(byTime);
      return inOrder.reduce<MemoryState | null>((memory, review) => next(memory, review.grade, review.at), null) ?? emptyMemory(0);
    },
  };
}

const reference = tsFsrsScheduler();

/** What a call gives: its value, or that it threw (both schedulers refuse the same impossible states). */
function outcome<T>(call: () => T): { value: T } | { threw: true } {
  try {
    return { value: call() };
  } catch {
    return { threw: true };
  }
}

/** Same fields, same values (Object.is: NaN equals NaN, and no tolerance), same key order (records compare as JSON). */
function assertSameMemory(actual: MemoryState, expected: MemoryState, where: string): void {
  assert.deepStrictEqual(actual, expected, where);
  assert.equal(JSON.stringify(actual), JSON.stringify(expected), `${where}: key order`);
}

// --- histories

/** How long after the previous review the next one comes. */
type Gap =
  | { kind: 'after'; ms: number } // the same ms, seconds, minutes, hours, days, years later
  | { kind: 'at-due'; ms: number } // around the due time the previous review set (± 2 min, or ± a day)
  | { kind: 'before'; ms: number }; // out of order: before the previous review (clock changed, another tab)

const gap: fc.Arbitrary<Gap> = fc.oneof(
  { weight: 2, arbitrary: fc.constant<Gap>({ kind: 'after', ms: 0 }) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: MINUTE - 1 }).map<Gap>((ms) => ({ kind: 'after', ms })) },
  { weight: 4, arbitrary: fc.integer({ min: MINUTE, max: 2 * HOUR }).map<Gap>((ms) => ({ kind: 'after', ms })) },
  { weight: 3, arbitrary: fc.integer({ min: 2 * HOUR, max: 3 * DAY }).map<Gap>((ms) => ({ kind: 'after', ms })) },
  { weight: 4, arbitrary: fc.integer({ min: DAY, max: 400 * DAY }).map<Gap>((ms) => ({ kind: 'after', ms })) },
  { weight: 1, arbitrary: fc.integer({ min: YEAR, max: 40 * YEAR }).map<Gap>((ms) => ({ kind: 'after', ms })) },
  { weight: 6, arbitrary: fc.oneof(fc.integer({ min: -2 * MINUTE, max: 2 * MINUTE }), fc.integer({ min: -DAY, max: DAY })).map<Gap>((ms) => ({ kind: 'at-due', ms })) },
  { weight: 2, arbitrary: fc.oneof(fc.integer({ min: 1, max: HOUR }), fc.integer({ min: 1, max: 60 * DAY })).map<Gap>((ms) => ({ kind: 'before', ms })) },
);

const review = fc.record({ grade: fc.constantFrom(...GRADES), gap });
const history = fc.array(review, { minLength: 1, maxLength: 40, size: 'max' });
/** A first review from 1990 to 2090, at any ms of the day (UTC day boundaries matter to FSRS). */
const start = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });

const counts = { histories: 0, reviews: 0, previews: 0, rebuilds: 0, memories: 0 };

/**
 * Replays `steps` from `first` with both schedulers, comparing the preview before each review,
 * the memory state after it, and at the end the log rebuilt in a shuffled order.
 */
function replay(scheduler: Scheduler, first: MemoryState | null, at: number, steps: readonly { grade: Grade; gap: Gap }[], shuffle: (reviews: Review[]) => Review[]): void {
  let memory = first;
  let previous = at;
  const reviews: Review[] = [];
  steps.forEach((step, i) => {
    at = step.gap.kind === 'after' ? previous + step.gap.ms : step.gap.kind === 'before' ? previous - step.gap.ms : (memory?.due ?? previous) + step.gap.ms;
    const where = `review ${i + 1} (${step.grade} at ${at}) after ${JSON.stringify(memory)}`;
    assert.deepStrictEqual(outcome(() => scheduler.preview(memory, at)), outcome(() => reference.preview(memory, at)), `preview before ${where}`);
    counts.previews++;
    const ours = outcome(() => scheduler.next(memory, step.grade, at));
    const theirs = outcome(() => reference.next(memory, step.grade, at));
    assert.equal('threw' in ours, 'threw' in theirs, `${where}: one threw, the other did not`);
    counts.reviews++;
    if (!('value' in ours && 'value' in theirs)) return;
    assertSameMemory(ours.value, theirs.value, where);
    memory = ours.value;
    previous = at;
    reviews.push({ at, grade: step.grade });
  });
  if (first === null) {
    const shuffled = shuffle(reviews);
    assertSameMemory(scheduler.rebuild(shuffled), reference.rebuild(shuffled), `rebuild of ${JSON.stringify(shuffled)}`);
    counts.rebuilds++;
  }
}

describe('FSRS (fsrs.ts) gives the schedules of ts-fsrs', () => {
  test('ts-fsrs parameters are the ones fsrs.ts has as constants', () => {
    const engine = fsrs(generatorParameters({ enable_fuzz: false }));
    assert.deepEqual(engine.parameters.w, [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542]);
    assert.deepEqual([engine.parameters.request_retention, engine.parameters.maximum_interval, engine.parameters.enable_short_term], [0.9, 36500, true]);
    assert.deepEqual([engine.parameters.learning_steps, engine.parameters.relearning_steps], [['1m', '10m'], ['10m']]);
    assert.equal(engine.interval_modifier, 1, 'fsrs.ts takes the interval as the stability itself');
    // FACTOR in fsrs.ts: 0.9^(1/DECAY) − 1 rounded to 8 places, as ts-fsrs computes it.
    assert.equal(Math.round((Math.exp(Math.pow(-0.1542, -1) * Math.log(0.9)) - 1) * 1e8) / 1e8, 0.98034649);
  });

  test(`random review histories (${RUNS}): every preview and every memory state identical, replayed and rebuilt`, async (t) => {
    const scheduler = await loadScheduler();
    fc.assert(
      fc.property(start, history, fc.infiniteStream(fc.nat()), (first, steps, randoms) => {
        counts.histories++;
        replay(scheduler, null, first, steps, (reviews) => {
          const shuffled = [...reviews];
          for (let i = shuffled.length - 1; i > 0; i--) {
            const j = randoms.next().value % (i + 1);
            [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
          }
          return shuffled;
        });
      }),
      { seed: 0x5f5, numRuns: RUNS },
    );
    t.diagnostic(`compared ${counts.histories} histories: ${counts.reviews} reviews, ${counts.previews} previews, ${counts.rebuilds} rebuilds`);
  });

  test(`any stored memory state (${Math.ceil(RUNS / 4)}), then a few reviews: the same results, or both refuse`, async (t) => {
    const scheduler = await loadScheduler();
    const time = fc.integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2090, 0, 1) });
    const stability = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.002, noNaN: true }), fc.double({ min: 0.001, max: 100, noNaN: true }), fc.double({ min: 100, max: 40000, noNaN: true }));
    const difficulty = fc.oneof(fc.constant(0), fc.double({ min: 0, max: 1.1, noNaN: true }), fc.double({ min: 1, max: 10, noNaN: true }), fc.double({ min: 10, max: 12, noNaN: true }));
    const memory = fc.record<MemoryState>({
      due: time,
      stability,
      difficulty,
      scheduledDays: fc.integer({ min: 0, max: 36500 }),
      learningSteps: fc.integer({ min: 0, max: 3 }),
      reps: fc.integer({ min: 0, max: 100 }),
      lapses: fc.integer({ min: 0, max: 20 }),
      state: fc.constantFrom(0, 1, 2, 3),
      lastReview: fc.option(time, { nil: null }),
    });
    fc.assert(
      fc.property(memory, fc.integer({ min: -2 * DAY, max: 30 * DAY }), fc.array(review, { maxLength: 6 }), (stored, offset, steps) => {
        counts.memories++;
        const at = (stored.lastReview ?? stored.due) + offset;
        replay(scheduler, stored, at, [{ grade: 'good', gap: { kind: 'after', ms: 0 } }, ...steps], (reviews) => reviews);
      }),
      { seed: 0xf5e, numRuns: Math.ceil(RUNS / 4) },
    );
    t.diagnostic(`compared ${counts.memories} stored memory states (${counts.reviews} reviews in all so far)`);
  });

  test('times a Date rounds or cannot hold (fractional ms, beyond ±8.64e15): the same as ts-fsrs', async (t) => {
    const scheduler = await loadScheduler();
    const odd = fc.oneof(fc.double({ min: -1e16, max: 1e16, noNaN: true }), fc.integer({ min: -8.64e15, max: 8.64e15 }), fc.constantFrom(8.64e15, -8.64e15, 8.64e15 - DAY / 2));
    fc.assert(
      fc.property(odd, history, (first, steps) => replay(scheduler, null, first, steps.slice(0, 8), (reviews) => reviews)),
      { seed: 0xda7e, numRuns: Math.ceil(RUNS / 10) },
    );
    t.diagnostic(`${counts.reviews} reviews and ${counts.previews} previews compared in all`);
  });
});

describe('FSRS known cases', () => {
  test('a new question: again 1 min, hard 6 min, good 10 min (learning steps); easy graduates to S0(easy) = 8.2956 → 8 days', () => {
    const outcomes = reviewOutcomes(emptyMemory(T0), T0);
    assert.deepEqual(
      GRADES.map((grade) => [outcomes[grade].due - T0, outcomes[grade].state, outcomes[grade].learningSteps, outcomes[grade].stability, outcomes[grade].difficulty]),
      [
        [1 * MINUTE, 1, 0, 0.212, 6.4133], // D0(again) = w4
        [6 * MINUTE, 1, 0, 1.2931, 5.11217071],
        [10 * MINUTE, 1, 1, 2.3065, 2.11810397],
        [8 * DAY, 2, 0, 8.2956, 1], // D0(easy) is below 1: clamped
      ],
    );
    assert.equal(outcomes.easy.scheduledDays, 8);
  });

  test('in learning at the second step: hard repeats it (6 min), good graduates after S days', () => {
    const learning = reviewOutcomes(emptyMemory(T0), T0).good;
    const at = learning.due;
    const outcomes = reviewOutcomes(learning, at);
    assert.deepEqual([outcomes.hard.due - at, outcomes.hard.state, outcomes.hard.learningSteps], [6 * MINUTE, 1, 1]);
    assert.equal(outcomes.good.state, 2);
    assert.equal(outcomes.good.scheduledDays, Math.round(outcomes.good.stability));
    assert.equal(outcomes.good.due - at, outcomes.good.scheduledDays * DAY);
  });

  test('again in review: relearning for 10 min, one lapse; then hard 15 min (1.5 × the only step)', () => {
    let memory = reviewOutcomes(emptyMemory(T0), T0).easy;
    const at = memory.due;
    memory = reviewOutcomes(memory, at).again;
    assert.deepEqual([memory.due - at, memory.state, memory.lapses, memory.reps], [10 * MINUTE, 3, 1, 2]);
    const relearning = reviewOutcomes(memory, memory.due);
    assert.deepEqual([relearning.hard.due - memory.due, relearning.hard.state], [15 * MINUTE, 3]);
    assert.equal(relearning.good.state, 2, 'good ends relearning');
  });

  test('elapsed days are UTC calendar days: 23:59 → 00:01 is a day, 00:01 → 23:59 is the same day', () => {
    const midnight = Date.UTC(2025, 5, 1);
    const inReview = { ...reviewOutcomes(emptyMemory(midnight - 2 * MINUTE), midnight - 2 * MINUTE).easy, due: midnight };
    const nextDay = reviewOutcomes(inReview, midnight + MINUTE).good;
    const sameDay = reviewOutcomes({ ...inReview, lastReview: midnight + MINUTE }, midnight + DAY - MINUTE).good;
    // A same-day review uses short-term stability S · max(1, S^(−w19) · e^(w17 · w18)) for good: the factor is below 1 at S = 8.3, so S stays.
    assert.equal(sameDay.stability, 8.2956);
    assert.ok(nextDay.stability > 8.2956 + 1, `recall stability the next day: ${nextDay.stability}`);
  });

  test('ts-fsrs quirks kept: Date.UTC reads years 0–99 as 1900–1999, and a review state past its relearning steps graduates on again', async () => {
    const scheduler = await loadScheduler();
    // Last review in the year 99 (read as 1999), this one in the year 100: a negative day count, which ts-fsrs refuses.
    const year99 = new Date(0).setUTCFullYear(99, 6, 1);
    const year100 = new Date(0).setUTCFullYear(100, 0, 1);
    const memory = { ...emptyMemory(year99), state: 2 as const, stability: 5, difficulty: 5, lastReview: year99 };
    assert.equal(new Date(year99).getUTCFullYear(), 99);
    assert.throws(() => reference.next(memory, 'good', year100));
    assert.throws(() => scheduler.next(memory, 'good', year100));
    // A stored review state at relearning step 1 (there is only step 0): again lapses and goes straight back to review.
    const stored = { ...emptyMemory(T0), state: 2 as const, stability: 5, difficulty: 5, lastReview: T0 - 5 * DAY, learningSteps: 1 };
    const lapsed = scheduler.next(stored, 'again', T0);
    assert.deepEqual([lapsed.state, lapsed.lapses, lapsed.scheduledDays], [2, 1, Math.round(lapsed.stability)]);
    assertSameMemory(lapsed, reference.next(stored, 'again', T0), 'again past the relearning steps');
  });

  test('good at each due time from new: 10 min, then 2, 11, 46 and 163 days (as schedule.unit.test.ts pins for the scheduler)', () => {
    let memory = reviewOutcomes(emptyMemory(T0), T0).good;
    const intervals: number[] = [];
    for (let i = 0; i < 4; i++) {
      const at = memory.due;
      memory = reviewOutcomes(memory, at).good;
      intervals.push((memory.due - at) / DAY);
    }
    assert.deepEqual(intervals, [2, 11, 46, 163]);
  });
});
