/**
 * Learner progress: what the elements record and read. The store (`store.ts`) keeps one record
 * per question; scheduling is FSRS (`fsrs.ts`), loaded lazily (`schedule.ts`).
 */
import type { Grade } from '../practice/practice-set.js';

export type { Grade };

/** Where a question stands for the learner at a given time. */
export type QuestionStatus = 'new' | 'learning' | 'due' | 'mastered';
export const QUESTION_STATUSES: readonly QuestionStatus[] = ['new', 'learning', 'due', 'mastered'];

/** A question is mastered once its next review is at least this many days after the last one. */
export const MASTERED_AFTER_DAYS = 21;

/** One answer of the learner. */
export interface Review {
  /** When, in ms since the epoch. */
  at: number;
  grade: Grade;
  /** For choice questions: whether the check was right (right → good, wrong → again). */
  correct?: boolean;
}

/** The FSRS memory state of a question, as stored (the fields of a ts-fsrs `Card`, which wrote it before `fsrs.ts`, with dates as ms). */
export interface MemoryState {
  due: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  /** FSRS state: 0 new, 1 learning, 2 review, 3 relearning. */
  state: 0 | 1 | 2 | 3;
  lastReview: number | null;
}

/** A review taken back with Undo, named by its time and grade. */
export type UndoneReview = Pick<Review, 'at' | 'grade'>;

/** Everything recorded about one question. */
export interface QuestionProgress {
  bankId: string;
  questionId: string;
  /** Oldest first; at most `MAX_REVIEWS` kept (the memory state carries the rest). */
  reviews: Review[];
  memory: MemoryState;
  /** ms since the epoch of the last change; the newest wins when two copies meet (tabs, import). */
  updatedAt: number;
  /**
   * Reviews taken back with Undo, oldest first, the newest `MAX_UNDONE`: when copies meet, a copy
   * that still holds one of them (another tab, an older export) does not bring it back. Absent
   * when there are none.
   */
  undone?: UndoneReview[];
}

/** Something the learner should know about their stored progress; elements show it once. */
export interface ProgressProblem {
  kind: 'unavailable' | 'set-aside' | 'write-failed';
  /** A sentence in English for logs; elements show their own localized text by `kind`. */
  message: string;
  /** The storage key concerned, for set-aside records. */
  key?: string;
}

/** The file written by "Export progress" and read by "Import progress". */
export interface ProgressExport {
  format: 'quiz-progress/1';
  /** The progress key it was exported from. */
  progressKey: string;
  exportedAt: number;
  questions: QuestionProgress[];
}

export interface ImportSummary {
  /** Questions that had no progress here. */
  added: number;
  /** Questions whose imported copy was newer, or brought reviews this copy lacked. */
  updated: number;
  /** Questions whose copy here was as new or newer and already had every imported review. */
  kept: number;
}

/**
 * Where records live: a thin key-value view of Web Storage (or memory, or a test fake). Every
 * method may throw (storage disabled, quota exceeded); the store catches and carries on in memory.
 */
export interface ProgressStorage {
  /** Keys that start with `prefix`. */
  keys(prefix: string): string[];
  get(key: string): string | null;
  set(key: string, value: string): void;
  remove(key: string): void;
  /**
   * Calls `onChange` when another tab (or store) changes a key under `prefix`; returns a stop
   * function. `key` is null when anything may have changed (the storage was cleared); `value` is
   * null when the key was removed.
   */
  watch(prefix: string, onChange: (key: string | null, value: string | null) => void): () => void;
}

/** What changed in a store, for elements to re-render. */
export interface ProgressChange {
  /** `bankId/questionId` of every changed question; empty when everything may have changed (import, reload). */
  questions: string[];
  /** Whether the change came from elsewhere (another tab, another store instance). */
  external: boolean;
  /** Set when the change is (also) a new entry of `ProgressStore.problems`: show it once. */
  problem?: ProgressProblem;
}
