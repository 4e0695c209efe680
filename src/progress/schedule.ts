/**
 * Scheduling with FSRS (`fsrs.ts`), loaded by dynamic import on first need so that pages which
 * only show questions never download it (the CDN build keeps it a separate chunk).
 */
import { LazyChunk } from '../lazy.js';
import { byTime, emptyMemory } from './stored-record.js';
import type { Grade, MemoryState, Review } from './types.js';

export interface Scheduler {
  /** The memory state after answering `grade` at `at` (ms); `null` is a question never answered. */
  next(memory: MemoryState | null, grade: Grade, at: number): MemoryState;
  /** When the question would be due (ms) after each grade answered at `at`, for the grade buttons. */
  preview(memory: MemoryState | null, at: number): Record<Grade, number>;
  /** The memory state after the reviews in order of time, from a question never answered. */
  rebuild(reviews: readonly Review[]): MemoryState;
}

const fsrsChunk = new LazyChunk(() => import('./fsrs.js'), 'scheduling (FSRS)');
let scheduler: Scheduler | undefined;

/** The scheduler, loading FSRS on the first call; later calls share it. A failed load rejects, and the next call tries again. */
export function loadScheduler(): Promise<Scheduler> {
  return fsrsChunk.load().then((module) => (scheduler ??= createScheduler(module)));
}

type FsrsModule = typeof import('./fsrs.js');

function createScheduler({ reviewOutcomes }: FsrsModule): Scheduler {
  // No fuzz in FSRS: the same answers at the same times always give the same schedule (tests, tabs, import).
  // A review before the last one (clock changed, tabs disagree) counts as simultaneous with it.
  const outcomes = (memory: MemoryState | null, at: number) => reviewOutcomes(memory ?? emptyMemory(at), Math.max(at, memory?.lastReview ?? at));

  const next = (memory: MemoryState | null, grade: Grade, at: number): MemoryState => outcomes(memory, at)[grade];

  return {
    next,
    preview(memory, at) {
      const { again, hard, good, easy } = outcomes(memory, at);
      return { again: again.due, hard: hard.due, good: good.due, easy: easy.due };
    },
    rebuild(reviews) {
      const inOrder = [...reviews].sort(byTime);
      return inOrder.reduce<MemoryState | null>((memory, review) => next(memory, review.grade, review.at), null) ?? emptyMemory(0);
    },
  };
}
