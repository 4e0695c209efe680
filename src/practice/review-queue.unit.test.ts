import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bank, Question } from '../bank/types.js';
import { emptyMemory } from '../progress/record.js';
import type { QuestionProgress } from '../progress/types.js';
import { selectReviewQuestions, startOfLocalDay } from './review-queue.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const NOW = new Date(2026, 10, 23, 15, 0).getTime(); // local 15:00
const TODAY = startOfLocalDay(NOW);

const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id, kind: 'concept', title: `Title ${id}`, prompt: `Prompt ${id}`, answer: `Answer ${id}`, topics: ['t1'], ...extra,
});

const bank: Bank = {
  format: 'quiz-bank/1', id: 'b', title: 'B', language: 'en',
  topics: [{ id: 't1', title: 'T1' }, { id: 't2', title: 'T2' }],
  questions: [q('a'), q('b'), q('c', { topics: ['t2'] }), q('d', { kind: 'coding' }), q('e'), q('f'), q('a2', { title: 'Title a?' })],
};

/** Progress first answered at `first`, next due at `due` (learning state). */
function answered(id: string, first: number, due: number): QuestionProgress {
  return { bankId: 'b', questionId: id, reviews: [{ at: first, grade: 'good' }], memory: { ...emptyMemory(0), state: 1, reps: 1, due, lastReview: first }, updatedAt: first };
}

function progressOf(records: QuestionProgress[]) {
  const byId = new Map(records.map((p) => [p.questionId, p]));
  return (id: string) => byId.get(id);
}

const ids = (questions: Question[]) => questions.map((x) => x.id);

describe('selectReviewQuestions', () => {
  it('asks due questions oldest due first, then new ones in bank order; not-yet-due ones wait', () => {
    const records = [answered('b', NOW - 3 * DAY, NOW - HOUR), answered('e', NOW - 3 * DAY, NOW - 2 * DAY), answered('f', NOW - 3 * DAY, NOW + 2 * DAY)];
    const queue = selectReviewQuestions(bank, progressOf(records), NOW);
    assert.deepEqual(ids(queue.questions), ['e', 'b', 'a', 'c', 'd']);
    assert.deepEqual({ due: queue.due, fresh: queue.fresh, total: queue.total, nextDue: queue.nextDue, allNew: queue.allNew }, { due: 2, fresh: 3, total: 6, nextDue: NOW + 2 * DAY, allNew: false });
  });

  it('a title answered before in another variant is not new today when a variant is first answered today', () => {
    // a and a2 share a title: a2 answered weeks ago, a for the first time today.
    const records = [answered('a2', NOW - 20 * DAY, NOW + DAY), answered('a', TODAY + HOUR, NOW + DAY)];
    const queue = selectReviewQuestions(bank, progressOf(records), NOW, { newPerDay: 1 });
    assert.deepEqual(ids(queue.questions), ['b'], "the day's one new question is still free");
  });

  it('counts new questions first answered today (local day) against new-per-day', () => {
    const records = [answered('a', TODAY + HOUR, NOW + DAY), answered('b', TODAY - HOUR, NOW + DAY)];
    const queue = selectReviewQuestions(bank, progressOf(records), NOW, { newPerDay: 2 });
    assert.deepEqual(ids(queue.questions), ['c'], 'a was new today: one new left of two; b was new yesterday');
    assert.equal(queue.newHeldBack, 3);
    assert.equal(selectReviewQuestions(bank, progressOf(records), NOW, { newPerDay: 1 }).questions.length, 0);
    assert.equal(selectReviewQuestions(bank, progressOf(records), NOW + DAY, { newPerDay: 1 }).fresh, 1, 'a new day, a new allowance');
  });

  it('an empty queue says why: all new and no allowance, or when the next one is due', () => {
    const none = selectReviewQuestions(bank, progressOf([]), NOW, { newPerDay: 0 });
    assert.deepEqual({ n: none.questions.length, allNew: none.allNew, held: none.newHeldBack, next: none.nextDue }, { n: 0, allNew: true, held: 6, next: null });
    const all = bank.questions.map((x) => answered(x.id, NOW - DAY, NOW + (x.id === 'c' ? HOUR : DAY)));
    const later = selectReviewQuestions(bank, progressOf(all), NOW);
    assert.deepEqual({ n: later.questions.length, next: later.nextDue, held: later.newHeldBack }, { n: 0, next: NOW + HOUR, held: 0 });
  });

  it('honours topic and kind, and caps with count (due ones kept first)', () => {
    const records = [answered('e', NOW - 3 * DAY, NOW - HOUR)];
    assert.deepEqual(ids(selectReviewQuestions(bank, progressOf(records), NOW, { topics: ['t2'] }).questions), ['c']);
    assert.deepEqual(ids(selectReviewQuestions(bank, progressOf(records), NOW, { kind: 'coding' }).questions), ['d']);
    const capped = selectReviewQuestions(bank, progressOf(records), NOW, { count: 2 });
    assert.deepEqual(ids(capped.questions), ['e', 'a']);
    assert.deepEqual([capped.due, capped.fresh], [1, 1]);
  });

  it('a title is one question: a due variant is asked as that variant, and the title is not also new', () => {
    const records = [answered('a2', NOW - 3 * DAY, NOW - HOUR)];
    const queue = selectReviewQuestions(bank, progressOf(records), NOW, { newPerDay: 0 });
    assert.deepEqual(ids(queue.questions), ['a2']);
    assert.equal(queue.total, 6);
  });

  it('a question whose answers were all undone is new again; an unusable limit means 20', () => {
    const undone: QuestionProgress = { ...answered('a', NOW, NOW), reviews: [], memory: emptyMemory(NOW) };
    const queue = selectReviewQuestions(bank, progressOf([undone]), NOW, { newPerDay: Number.NaN });
    assert.equal(queue.newPerDay, 20);
    assert.equal(queue.questions[0]!.id, 'a');
    assert.equal(queue.due, 0);
  });

  it('shuffles only the new questions, reproducibly with a seed', () => {
    const records = [answered('f', NOW - 3 * DAY, NOW - HOUR)];
    const one = ids(selectReviewQuestions(bank, progressOf(records), NOW, { shuffle: true, seed: 's' }).questions);
    assert.equal(one[0], 'f');
    assert.deepEqual(ids(selectReviewQuestions(bank, progressOf(records), NOW, { shuffle: true, seed: 's' }).questions), one);
    assert.deepEqual([...one].sort(), ['a', 'b', 'c', 'd', 'e', 'f']);
    assert.notDeepEqual(one, ['f', 'a', 'b', 'c', 'd', 'e'], 'the new ones are not in bank order');
  });
});
