/**
 * Scheduling with FSRS through ts-fsrs, loaded by dynamic import on first need so that pages
 * which only show questions never download it (the CDN build keeps it a separate chunk).
 */
import type { Card, FSRS, Grade as FsrsGrade } from 'ts-fsrs';
import { LazyChunk } from '../lazy.js';
import { byTime, emptyMemory } from './record.js';
import type { Grade, MemoryState, Review } from './types.js';

export interface Scheduler {
  /** The memory state after answering `grade` at `at` (ms); `null` is a question never answered. */
  next(memory: MemoryState | null, grade: Grade, at: number): MemoryState;
  /** When the question would be due (ms) after each grade answered at `at`, for the grade buttons. */
  preview(memory: MemoryState | null, at: number): Record<Grade, number>;
  /** The memory state after the reviews in order of time, from a question never answered. */
  rebuild(reviews: readonly Review[]): MemoryState;
}

const fsrsChunk = new LazyChunk(() => import('ts-fsrs'), 'scheduling (FSRS)');
let scheduler: Scheduler | undefined;

/** The scheduler, loading ts-fsrs on the first call; later calls share it. A failed load rejects, and the next call tries again. */
export function loadScheduler(): Promise<Scheduler> {
  return fsrsChunk.load().then((module) => (scheduler ??= createScheduler(module)));
}

type FsrsModule = typeof import('ts-fsrs');

function createScheduler({ fsrs, generatorParameters, createEmptyCard, Rating }: FsrsModule): Scheduler {
  // No fuzz: the same answers at the same times always give the same schedule (tests, tabs, import).
  const engine: FSRS = fsrs(generatorParameters({ enable_fuzz: false }));
  const ratings: Record<Grade, FsrsGrade> = { again: Rating.Again, hard: Rating.Hard, good: Rating.Good, easy: Rating.Easy };

  const cardOf = (memory: MemoryState | null, at: number): Card =>
    memory
      ? {
          due: new Date(memory.due),
          stability: memory.stability,
          difficulty: memory.difficulty,
          elapsed_days: 0, // deprecated in ts-fsrs 5 and recomputed from last_review
          scheduled_days: memory.scheduledDays,
          learning_steps: memory.learningSteps,
          reps: memory.reps,
          lapses: memory.lapses,
          state: memory.state,
          last_review: memory.lastReview === null ? undefined : new Date(memory.lastReview),
        }
      : createEmptyCard(new Date(at));

  // ts-fsrs throws on a review before the last one (clock changed, tabs disagree): count it as simultaneous.
  const reviewTime = (memory: MemoryState | null, at: number) => new Date(Math.max(at, memory?.lastReview ?? at));

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

function memoryOf(card: Card): MemoryState {
  return {
    due: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.getTime() : null,
  };
}
