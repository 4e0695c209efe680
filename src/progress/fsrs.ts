/**
 * FSRS-6 scheduling with the default parameters, in the few lines this library needs. It gives
 * exactly the schedules of ts-fsrs 5.4 `fsrs(generatorParameters({ enable_fuzz: false }))` (the
 * basic scheduler: short-term learning steps 1m 10m, relearning step 10m, retention 0.9, no fuzz),
 * down to its rounding and date arithmetic, so records written with ts-fsrs replay the same
 * (fsrs.unit.test.ts compares the two). Formulas: https://github.com/open-spaced-repetition/fsrs4anki/wiki/The-Algorithm
 *
 * Pure and dependency-free: `schedule.ts` loads it lazily, on the first grade.
 */
import type { Grade, MemoryState } from './types.js';

/** FSRS-6 default parameters w0…w20. */
const W = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];
const DECAY = -W[20];
/** 0.9^(1/DECAY) − 1, rounded to 8 places as ts-fsrs does, so that R(S, S) = 0.9. */
const FACTOR = 0.98034649;
const MIN_STABILITY = 0.001;
const MAX_STABILITY = 36500;
const MAX_INTERVAL = 36500;
/** Learning steps for a new question and relearning steps after a lapse, in minutes. */
const LEARNING_STEPS = [1, 10];
const RELEARNING_STEPS = [10];
const MINUTE = 60_000;
const DAY = 86_400_000;

/** Memory states (ts-fsrs `State`) and grades as FSRS numbers them (ts-fsrs `Rating`). */
const NEW = 0;
const LEARNING = 1;
const REVIEW = 2;
const RELEARNING = 3;
const AGAIN = 1;
const HARD = 2;
const GOOD = 3;
const EASY = 4;

interface Memory {
  difficulty: number;
  stability: number;
}

const clamp = (value: number, min: number, max: number) => Math.min(Math.max(value, min), max);
/** ts-fsrs rounds most results to 8 decimal places; the same rounding gives the same schedules. */
const round8 = (value: number) => Math.round(value * 1e8) / 1e8;

/** A time in ms as a `Date` holds it: whole ms, NaN outside the dates JavaScript can represent. */
const asDate = (ms: number) => new Date(ms).getTime();

/** The UTC calendar day of a time, as ts-fsrs counts days (Date.UTC reads the years 0–99 as 1900–1999; kept to match). */
function utcDay(ms: number): number {
  const date = new Date(ms);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
}

/** Retrievability R(t, S) = (1 + FACTOR · t / S)^DECAY. */
const forgettingCurve = (elapsedDays: number, stability: number) => round8(Math.pow(1 + (FACTOR * elapsedDays) / stability, DECAY));

/** Initial difficulty D0(G) = w4 − e^(w5 · (G − 1)) + 1. */
const initialDifficulty = (rating: number) => round8(W[4] - Math.exp((rating - 1) * W[5]) + 1);

/** Next difficulty: D + linear damping of ΔD = −w6 · (G − 3), then mean reversion towards D0(4) by w7. */
function nextDifficulty(difficulty: number, rating: number): number {
  const damped = difficulty + round8((-W[6] * (rating - 3) * (10 - difficulty)) / 9);
  return clamp(round8(W[7] * initialDifficulty(EASY) + (1 - W[7]) * damped), 1, 10);
}

/** The memory state (difficulty, stability) after answering `rating` `elapsedDays` days after the last review. */
function nextMemory(difficulty: number, stability: number, elapsedDays: number, rating: number): Memory {
  if (elapsedDays < 0) throw new RangeError(`FSRS: a review ${elapsedDays} days before the last one`);
  if (difficulty === 0 && stability === 0) {
    // Initial stability S0(G) = w[G − 1]
    return { difficulty: clamp(initialDifficulty(rating), 1, 10), stability: Math.max(W[rating - 1], 0.1) };
  }
  if (difficulty < 1 || stability < MIN_STABILITY) throw new RangeError(`FSRS: invalid memory state (difficulty ${difficulty}, stability ${stability})`);
  const retrievability = forgettingCurve(elapsedDays, stability);
  let next: number;
  if (elapsedDays === 0) {
    // Short-term stability S' = S · S^(−w19) · e^(w17 · (G − 3 + w18)), never lower after a pass
    const increase = Math.pow(stability, -W[19]) * Math.exp(W[17] * (rating - 3 + W[18]));
    next = round8(clamp(stability * (rating >= HARD ? Math.max(increase, 1) : increase), MIN_STABILITY, MAX_STABILITY));
  } else if (rating === AGAIN) {
    // Post-lapse stability S'f = w11 · D^(−w12) · ((S + 1)^w13 − 1) · e^(w14 · (1 − R)), at least S / e^(w17 · w18)
    const forgotten = round8(clamp(W[11] * Math.pow(difficulty, -W[12]) * (Math.pow(stability + 1, W[13]) - 1) * Math.exp((1 - retrievability) * W[14]), MIN_STABILITY, MAX_STABILITY));
    next = clamp(round8(stability / Math.exp(W[17] * W[18])), MIN_STABILITY, forgotten);
  } else {
    // Recall stability S'r = S · (1 + e^w8 · (11 − D) · S^(−w9) · (e^(w10 · (1 − R)) − 1) · w15 (hard) · w16 (easy))
    const bonus = rating === HARD ? W[15] : rating === EASY ? W[16] : 1;
    next = round8(clamp(stability * (1 + Math.exp(W[8]) * (11 - difficulty) * Math.pow(stability, -W[9]) * (Math.exp((1 - retrievability) * W[10]) - 1) * bonus), MIN_STABILITY, MAX_STABILITY));
  }
  return { difficulty: nextDifficulty(difficulty, rating), stability: next };
}

/** Interval I(r, S) = S days at the requested retention 0.9 (ts-fsrs's interval modifier is exactly 1), rounded, 1 to 36500. */
const interval = (stability: number) => Math.min(Math.max(1, Math.round(stability)), MAX_INTERVAL);

/**
 * The next learning or relearning step as [minutes, step], or undefined when the question
 * graduates to review (ts-fsrs `BasicLearningStepsStrategy`).
 */
function learningStep(state: MemoryState['state'], step: number, rating: number): [number, number] | undefined {
  const steps = state >= REVIEW ? RELEARNING_STEPS : LEARNING_STEPS;
  if (step >= steps.length) return undefined;
  if (rating === AGAIN) return [steps[0], 0];
  if (state === REVIEW) return undefined;
  if (rating === HARD) return [Math.round(steps.length === 1 ? steps[0] * 1.5 : (steps[0] + steps[1]) / 2), step];
  if (rating === GOOD && steps[step + 1]) return [steps[step + 1], step + 1];
  return undefined;
}

/**
 * The memory state after each grade, answered at `at` (ms, not before `memory.lastReview`): what
 * ts-fsrs `repeat(card, at)` gives, with dates as ms.
 */
export function reviewOutcomes(memory: MemoryState, at: number): Record<Grade, MemoryState> {
  const now = asDate(at);
  const { state, lastReview } = memory;
  // Elapsed days count calendar days in UTC: two reviews on one day are a same-day (short-term) review.
  const elapsedDays = state !== NEW && lastReview !== null ? Math.floor((utcDay(now) - utcDay(lastReview)) / DAY) : 0;
  const [again, hard, good, easy] = [AGAIN, HARD, GOOD, EASY].map((rating) => nextMemory(memory.difficulty, memory.stability, elapsedDays, rating)) as Memory[];

  const outcome = (next: Memory, nextState: MemoryState['state'], learningSteps: number, scheduledDays: number, due: number, lapses = memory.lapses): MemoryState => ({
    due: asDate(due),
    stability: next.stability,
    difficulty: next.difficulty,
    scheduledDays,
    learningSteps,
    reps: memory.reps + 1,
    lapses,
    state: nextState,
    lastReview: now,
  });
  const inDays = (next: Memory, days: number, lapses?: number) => outcome(next, REVIEW, 0, days, now + days * DAY, lapses);
  // The next (re)learning step, in minutes, or graduation to review.
  const stepOrReview = (next: Memory, rating: number, learningState: MemoryState['state'], lapses?: number) => {
    const step = learningStep(state, memory.learningSteps || 0, rating);
    return step ? outcome(next, learningState, step[1], 0, now + step[0] * MINUTE, lapses) : inDays(next, interval(next.stability), lapses);
  };

  if (state === REVIEW) {
    // Hard ≤ good < easy, a day apart at least.
    const hardDays = Math.min(interval(hard.stability), interval(good.stability));
    const goodDays = Math.max(interval(good.stability), hardDays + 1);
    return {
      again: stepOrReview(again, AGAIN, RELEARNING, memory.lapses + 1),
      hard: inDays(hard, hardDays),
      good: inDays(good, goodDays),
      easy: inDays(easy, Math.max(interval(easy.stability), goodDays + 1)),
    };
  }
  const learningState = state === NEW ? LEARNING : state;
  return {
    again: stepOrReview(again, AGAIN, learningState),
    hard: stepOrReview(hard, HARD, learningState),
    good: stepOrReview(good, GOOD, learningState),
    easy: stepOrReview(easy, EASY, learningState),
  };
}
