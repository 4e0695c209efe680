/**
 * The stored form of one question's progress: its storage key, its versioned JSON record, and how
 * two copies of it merge. Parsing never throws and trusts nothing it reads. `record.ts` adds the
 * export file; this part is what the store needs to record an answer (its chunk in the CDN build).
 *
 *   key    quiz-elements/progress/<progressKey>/<bankId>/<questionId>
 *   value  {"v":2,"reviews":[{"at":ms,"grade":"good","correct"?:bool}...],"memory":{...},"updatedAt":ms,
 *           "undone"?:[{"at":ms,"grade":"good"}...]}   (reviews taken back with Undo; optional, so
 *           versions that do not know it read the record as before)
 *   v1     {"v":1,"reviews":[...]}  (no memory state: rebuilt from the reviews, then written as v2)
 *
 * Key segments are `encodeURIComponent`-encoded, so a progress key with a `/` in it cannot read
 * another one's records (bank and question ids are slugs, which encoding leaves as they are).
 */
import { GRADES, type Grade } from '../practice/practice-set.js';
import type { MemoryState, QuestionProgress, Review, UndoneReview } from './types.js';
import { PROGRESS_ROOT, SET_ASIDE_ROOT, progressPrefix } from './keys.js';

export const RECORD_VERSION = 2;
/** Reviews kept per question, newest; the memory state carries what older ones taught. */
export const MAX_REVIEWS = 200;
export const EXPORT_FORMAT = 'quiz-progress/1';
/** Undone reviews remembered per question, newest: enough for any undo that can still meet a stale copy. */
export const MAX_UNDONE = 50;


export { progressPrefix };

export function recordKey(progressKey: string, bankId: string, questionId: string): string {
  return `${progressPrefix(progressKey)}${encodeURIComponent(bankId)}/${encodeURIComponent(questionId)}`;
}

/** The parts of a record key, or null for any other key. */
export function parseRecordKey(key: string): { progressKey: string; bankId: string; questionId: string } | null {
  if (!key.startsWith(PROGRESS_ROOT)) return null;
  const parts = key.slice(PROGRESS_ROOT.length).split('/');
  if (parts.length !== 3 || parts.some((part) => part === '')) return null;
  try {
    const [progressKey, bankId, questionId] = parts.map((part) => (part.includes('%') ? decodeURIComponent(part) : part)) as [string, string, string];
    return { progressKey, bankId, questionId };
  } catch {
    return null; // malformed percent-encoding
  }
}

/** Where a record that cannot be used is copied: `quiz-elements/set-aside/<progressKey>/<bankId>/<questionId>/<at>`. */
export function setAsideKey(key: string, at: number): string {
  const path = key.startsWith(PROGRESS_ROOT) ? key.slice(PROGRESS_ROOT.length) : key;
  return `${SET_ASIDE_ROOT}${path}/${at}`;
}

/** Every set-aside copy of the record at `key` starts with this. */
export function setAsidePrefix(key: string): string {
  return setAsideKey(key, 0).slice(0, -1);
}

/** How `ProgressChange.questions` names a question. */
export function questionRef(bankId: string, questionId: string): string {
  return `${bankId}/${questionId}`;
}

/** The memory state of a question never answered (FSRS's empty card), due at `at`. */
export function emptyMemory(at: number): MemoryState {
  return { due: at, stability: 0, difficulty: 0, scheduledDays: 0, learningSteps: 0, reps: 0, lapses: 0, state: 0, lastReview: null };
}

export function serializeRecord(progress: QuestionProgress): string {
  const { reviews, memory, updatedAt, undone } = progress;
  return JSON.stringify(undone?.length ? { v: RECORD_VERSION, reviews, memory, updatedAt, undone } : { v: RECORD_VERSION, reviews, memory, updatedAt });
}

export type ParsedRecord =
  | {
      ok: true;
      progress: QuestionProgress;
      /** A v1 record: `progress.memory` is empty and must be rebuilt from `progress.reviews` (all kept). */
      needsRebuild: boolean;
    }
  | {
      ok: false;
      /** What is wrong, in English, for `ProgressProblem.message`. */
      reason: string;
      /** Written by a newer version of this library: valid there, so never overwritten here. */
      future: boolean;
    };

/** Reads the record stored at `key`. Never throws. */
export function parseRecord(key: string, text: string): ParsedRecord {
  const ids = parseRecordKey(key);
  if (!ids) return { ok: false, reason: `"${key}" is not a progress record key`, future: false };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return { ok: false, reason: `corrupt JSON (${error instanceof Error ? error.message : String(error)})`, future: false };
  }
  try {
    const record = object(value, 'record');
    const { v } = record;
    if (typeof v === 'number' && Number.isInteger(v) && v > RECORD_VERSION) {
      return { ok: false, reason: `record format v${v} is newer than this version of quiz-elements reads (v${RECORD_VERSION})`, future: true };
    }
    const { bankId, questionId } = ids;
    if (v === 1) {
      const reviews = reviewList(record.reviews, 'reviews', Infinity);
      const updatedAt = reviews.at(-1)?.at ?? 0;
      return { ok: true, progress: { bankId, questionId, reviews, memory: emptyMemory(updatedAt), updatedAt }, needsRebuild: true };
    }
    if (v !== RECORD_VERSION) throw new ShapeError('v', 'expected record version 1 or 2');
    const progress: QuestionProgress = { bankId, questionId, reviews: reviewList(record.reviews, 'reviews'), memory: memoryState(record.memory, 'memory'), updatedAt: finite(record.updatedAt, 'updatedAt') };
    const undone = undoneList(record.undone, 'undone');
    if (undone.length) progress.undone = undone;
    return { ok: true, progress, needsRebuild: false };
  } catch (error) {
    if (error instanceof ShapeError) return { ok: false, reason: `wrong shape: ${error.message}`, future: false };
    throw error;
  }
}

export interface MergedProgress {
  progress: QuestionProgress;
  /** Both copies had reviews the other lacks: `progress.memory` must be rebuilt from `progress.reviews`. */
  needsRebuild: boolean;
  /** `progress` differs from the copy here. */
  changedHere: boolean;
  /** `progress` differs from the copy there (write it back where it came from). */
  changedThere: boolean;
}

/**
 * Two copies of one question's progress (tabs, import) meet: the newer `updatedAt` wins (a tie
 * keeps `here`), and the review logs are united on `at` + `grade`, less every review either copy
 * took back with Undo (`undone`, also united). When the result has reviews the newer copy lacks,
 * or lacks some it has, the memory state is replayed from the result, unless that log is longer
 * than `MAX_REVIEWS` (history cut off: then the newer memory state stands).
 */
export function mergeProgress(here: QuestionProgress | undefined, there: QuestionProgress): MergedProgress {
  if (!here) return { progress: there, needsRebuild: false, changedHere: true, changedThere: false };
  const [winner, loser] = there.updatedAt > here.updatedAt ? [there, here] : [here, there];
  const undone = unitedUndone(winner.undone, loser.undone);
  const gone = new Set(undone.map(reviewId));
  const known = new Set(winner.reviews.map(reviewId));
  const extra = loser.reviews.filter((review) => !known.has(reviewId(review)) && !gone.has(reviewId(review)));
  const kept = winner.reviews.filter((review) => !gone.has(reviewId(review)));
  const sameUndone = undone.length === (winner.undone?.length ?? 0) && undone.every((review, i) => reviewId(review) === reviewId(winner.undone![i]!));
  if (extra.length === 0 && kept.length === winner.reviews.length && sameUndone) {
    const same = winner === here ? serializeRecord(here) === serializeRecord(there) : false;
    return { progress: winner, needsRebuild: false, changedHere: winner !== here, changedThere: winner !== there && !same };
  }
  const reviews = [...kept, ...extra].sort(byTime);
  const progress: QuestionProgress = {
    bankId: winner.bankId,
    questionId: winner.questionId,
    reviews: keepNewest(reviews),
    memory: winner.memory,
    updatedAt: Math.max(here.updatedAt, there.updatedAt),
  };
  if (undone.length) progress.undone = undone;
  const reviewsChanged = extra.length > 0 || kept.length !== winner.reviews.length;
  return { progress, needsRebuild: reviewsChanged && reviews.length <= MAX_REVIEWS, changedHere: true, changedThere: true };
}

/** Both lists of undone reviews, each once, oldest first, the newest `MAX_UNDONE`. */
export function unitedUndone(a: readonly UndoneReview[] = [], b: readonly UndoneReview[] = []): UndoneReview[] {
  const byId = new Map<string, UndoneReview>();
  for (const review of [...a, ...b]) byId.set(reviewId(review), { at: review.at, grade: review.grade });
  const all = [...byId.values()].sort(byTime);
  return all.length > MAX_UNDONE ? all.slice(-MAX_UNDONE) : all;
}

/** The newest `MAX_REVIEWS` of a log in order of time. */
export function keepNewest(reviews: Review[]): Review[] {
  return reviews.length > MAX_REVIEWS ? reviews.slice(-MAX_REVIEWS) : reviews;
}

/** How copies name a review when they meet: two answers with the same grade at the same ms are one. */
export const reviewId = (review: UndoneReview) => `${review.at}:${review.grade}`;

/**
 * Log order: by time, then by grade, so two tabs that answered in the same millisecond put
 * their reviews in the same order, replay the same memory, and agree.
 */
export function byTime(a: UndoneReview, b: UndoneReview): number {
  return a.at - b.at || GRADES.indexOf(a.grade) - GRADES.indexOf(b.grade);
}

// --- shape checks: each returns a clean copy holding only the known fields, or throws ShapeError

/** A value of the wrong shape at `path` (records and export files). */
export class ShapeError extends Error {
  constructor(
    readonly path: string,
    problem: string,
  ) {
    super(`${path}: ${problem}`);
  }
}

export function object(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ShapeError(path, 'expected an object');
  return value as Record<string, unknown>;
}

export function finite(value: unknown, path: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ShapeError(path, 'expected a finite number');
  return value;
}

function nonNegative(value: unknown, path: string): number {
  const n = finite(value, path);
  if (n < 0) throw new ShapeError(path, 'expected a number of at least 0');
  return n;
}

function count(value: unknown, path: string): number {
  const n = nonNegative(value, path);
  if (!Number.isInteger(n)) throw new ShapeError(path, 'expected a whole number');
  return n;
}

function grade(value: unknown, path: string): Grade {
  if (!GRADES.includes(value as Grade)) throw new ShapeError(path, `expected one of ${GRADES.join(', ')}`);
  return value as Grade;
}

/** Reviews in order of time (stable), the newest `limit` of them. */
export function reviewList(value: unknown, path: string, limit = MAX_REVIEWS): Review[] {
  if (!Array.isArray(value)) throw new ShapeError(path, 'expected an array');
  const reviews = value.map((item, i) => {
    const review = object(item, `${path}[${i}]`);
    const copy: Review = { at: finite(review.at, `${path}[${i}].at`), grade: grade(review.grade, `${path}[${i}].grade`) };
    if (review.correct !== undefined) {
      if (typeof review.correct !== 'boolean') throw new ShapeError(`${path}[${i}].correct`, 'expected true or false');
      copy.correct = review.correct;
    }
    return copy;
  });
  reviews.sort(byTime);
  return reviews.length > limit ? reviews.slice(-limit) : reviews;
}

/** The optional list of undone reviews: absent is empty. */
export function undoneList(value: unknown, path: string): UndoneReview[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new ShapeError(path, 'expected an array');
  const list = value.map((item, i) => {
    const review = object(item, `${path}[${i}]`);
    return { at: finite(review.at, `${path}[${i}].at`), grade: grade(review.grade, `${path}[${i}].grade`) };
  });
  return unitedUndone(list);
}

export function memoryState(value: unknown, path: string): MemoryState {
  const memory = object(value, path);
  const { state, lastReview } = memory;
  if (state !== 0 && state !== 1 && state !== 2 && state !== 3) throw new ShapeError(`${path}.state`, 'expected 0, 1, 2 or 3');
  return {
    due: finite(memory.due, `${path}.due`),
    stability: nonNegative(memory.stability, `${path}.stability`),
    difficulty: nonNegative(memory.difficulty, `${path}.difficulty`),
    scheduledDays: nonNegative(memory.scheduledDays, `${path}.scheduledDays`),
    learningSteps: count(memory.learningSteps, `${path}.learningSteps`),
    reps: count(memory.reps, `${path}.reps`),
    lapses: count(memory.lapses, `${path}.lapses`),
    state,
    lastReview: lastReview === null ? null : finite(lastReview, `${path}.lastReview`),
  };
}
