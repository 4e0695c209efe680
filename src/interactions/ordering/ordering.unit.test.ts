import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Question } from '../../bank/types.js';
import { gradeOrdering, orderingAnswer, reportOrdering, startingOrder } from './ordering.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const question = (items: string[]): Question => ({ id: 'q', kind: 'concept', type: 'ordering', title: 'T', prompt: 'P', answer: 'A', topics: ['t'], items });

describe('ordering', () => {
  test('each item in its place earns its share', () => {
    const q = question(['a', 'b', 'c', 'd']);
    assert.deepEqual(gradeOrdering(q, [0, 1, 2, 3]), { score: 1, correct: true, parts: [true, true, true, true] });
    assert.deepEqual(gradeOrdering(q, [0, 1, 3, 2]), { score: 0.5, correct: false, parts: [true, true, false, false] });
    assert.equal(gradeOrdering(q, [3, 2, 1, 0]).score, 0);
  });

  test('property: the score is the share of fixed points of the permutation', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 9 }).chain((n) => fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n })), (order) => {
        const q = question(order.map(String));
        const fixed = order.filter((item, i) => item === i).length;
        const grading = gradeOrdering(q, order);
        assert.equal(grading.score, fixed / order.length);
        assert.equal(grading.correct, fixed === order.length);
      }),
      { numRuns: RUNS, seed: 19 },
    );
  });

  test('the starting order is a permutation, the same for the same question, and never already right', () => {
    for (let n = 2; n < 9; n++)
      for (const seed of ['a', 'b', 'q-1', 'training-steps']) {
        const order = startingOrder(n, seed);
        assert.deepEqual([...order].sort((a, b) => a - b), [...Array(n).keys()]);
        assert.deepEqual(startingOrder(n, seed), order);
        assert.ok(order.some((item, i) => item !== i), `${seed}/${n} starts right`);
      }
  });

  test('report: xAPI sequencing with item ids', () => {
    const r = reportOrdering(question(['Forward', 'Loss']), [1, 0]);
    assert.equal(r.interactionType, 'sequencing');
    assert.deepEqual(r.correctResponsesPattern, ['item-1[,]item-2']);
    assert.equal(r.response, 'item-2[,]item-1');
    assert.deepEqual(r.components?.choices, [{ id: 'item-1', description: 'Forward' }, { id: 'item-2', description: 'Loss' }]);
  });

  test('answer text for older readers', () => assert.equal(orderingAnswer(['a', 'b\nc']), '1. a\n2. b c'));
});
