import type { Bank, Question, QuestionKind } from '../bank/types.js';
import { normalizeTitle } from '../bank/variants.js';
import type { QuestionProgress } from '../progress/types.js';
import { DEFAULT_NEW_PER_DAY, seededRandom, shuffled } from './practice-set.js';

export interface ReviewFilter {
  /** Topic ids; a question matches when it has any of them. */
  topics?: readonly string[];
  kind?: QuestionKind;
  /** New questions allowed a day, counted by their first answer on the local day of `now`. */
  newPerDay?: number;
  /** At most this many questions (due ones first); unset or 0: no cap. */
  count?: number;
  /** Shuffle the new questions (due ones always come oldest due first). */
  shuffle?: boolean;
  seed?: string;
}

/** A review set and what the card says about it, above all when it is empty. */
export interface ReviewQueue {
  /** Due questions, oldest due first, then new ones. */
  questions: Question[];
  /** How many of `questions` are due; the rest are new. */
  due: number;
  fresh: number;
  /** Questions (one per title) that match the filter at all. */
  total: number;
  /** Whether none of them has been answered yet. */
  allNew: boolean;
  /** New questions left out because today's limit is used up. */
  newHeldBack: number;
  /** The limit applied. */
  newPerDay: number;
  /** When the next answered question not in the set falls due (ms), or null. */
  nextDue: number | null;
}

/** Midnight at the start of the local day of `at`. */
export function startOfLocalDay(at: number): number {
  const day = new Date(at);
  day.setHours(0, 0, 0, 0);
  return day.getTime();
}

/**
 * The questions a review asks at `now`: those due (oldest due first), then new ones (never
 * answered) while today's `newPerDay` limit lasts, cut to `count` if given.
 *
 * As in practice sets, questions with the same title are one question (variants are offered
 * inside the card). Each variant keeps its own progress, so a title counts as answered when any
 * of its variants was, is due when the earliest-due of those is, and is then asked as that
 * variant. A title counts against today's limit when one of its variants was first answered
 * today. `progressOf` gives a question's progress by id (`store.get(bankId, id)`).
 */
export function selectReviewQuestions(
  bank: Bank,
  progressOf: (questionId: string) => QuestionProgress | undefined,
  now: number,
  filter: ReviewFilter = {},
): ReviewQueue {
  const newPerDay = filter.newPerDay !== undefined && Number.isFinite(filter.newPerDay) && filter.newPerDay >= 0 ? Math.floor(filter.newPerDay) : DEFAULT_NEW_PER_DAY;
  const today = startOfLocalDay(now);
  const topics = filter.topics?.length ? new Set(filter.topics) : null;
  const groups = new Map<string, Question[]>();
  for (const question of bank.questions) {
    if ((topics && !question.topics.some((t) => topics.has(t))) || (filter.kind && question.kind !== filter.kind)) continue;
    const key = normalizeTitle(question.title);
    const group = groups.get(key);
    if (group) group.push(question);
    else groups.set(key, [question]);
  }

  const due: { question: Question; at: number }[] = [];
  const fresh: Question[] = [];
  let nextDue: number | null = null;
  let introducedToday = 0;
  for (const members of groups.values()) {
    let earliest: { question: Question; at: number } | null = null;
    // The title's first answer, over all its variants: new today only if no variant was answered before.
    let firstAnswer = Infinity;
    for (const question of members) {
      const progress = progressOf(question.id);
      if (!progress || progress.memory.state === 0) continue; // never answered, or every answer undone
      if (!earliest || progress.memory.due < earliest.at) earliest = { question, at: progress.memory.due };
      firstAnswer = Math.min(firstAnswer, progress.reviews[0]?.at ?? -Infinity);
    }
    if (firstAnswer !== Infinity && firstAnswer >= today) introducedToday++;
    if (!earliest) fresh.push(members[0]!);
    else if (earliest.at <= now) due.push(earliest);
    else nextDue = nextDue === null ? earliest.at : Math.min(nextDue, earliest.at);
  }

  due.sort((a, b) => a.at - b.at); // stable: bank order among equals
  const newLeft = Math.max(0, newPerDay - introducedToday);
  const ordered = filter.shuffle ? shuffled(fresh, filter.seed !== undefined ? seededRandom(filter.seed) : Math.random) : fresh;
  let questions = [...due.map((d) => d.question), ...ordered.slice(0, newLeft)];
  if (filter.count && filter.count > 0) questions = questions.slice(0, filter.count);
  const dueCount = Math.min(due.length, questions.length);
  return {
    questions,
    due: dueCount,
    fresh: questions.length - dueCount,
    total: groups.size,
    allNew: fresh.length === groups.size,
    newHeldBack: Math.max(0, fresh.length - newLeft),
    newPerDay,
    // A due question cut off by `count` is due now: the set is not empty then anyway.
    nextDue,
  };
}
