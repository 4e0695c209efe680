import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Question } from '../../bank/types.js';
import { gradeMatching, matchingAnswer, reportMatching, targetOrder, targetsOf } from './matching.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const question = (pairs: [string, string][], distractors?: string[]): Question => ({
  id: 'q', kind: 'concept', type: 'matching', title: 'T', prompt: 'P', answer: 'A', topics: ['t'], pairs: pairs.map(([left, right]) => ({ left, right })), distractors,
});

describe('matching', () => {
  const q = question([['BERT', 'Google'], ['LLaMA', 'Meta'], ['GPT', 'OpenAI']], ['IBM']);

  test('targets are the right sides, then the distractors', () => assert.deepEqual(targetsOf(q), ['Google', 'Meta', 'OpenAI', 'IBM']));

  test('each right pair earns its share; a missing or distractor pick is wrong', () => {
    assert.deepEqual(gradeMatching(q, [0, 1, 2]), { score: 1, correct: true, parts: [true, true, true] });
    assert.deepEqual(gradeMatching(q, [0, 3, null]).parts, [true, false, false]);
    assert.equal(gradeMatching(q, [1, 0, 2]).score, 1 / 3);
  });

  test('two items with the same partner: either copy is right', () => {
    const shared = question([['Python', 'interpreted'], ['Ruby', 'interpreted'], ['C', 'compiled']]);
    assert.equal(gradeMatching(shared, [1, 0, 2]).correct, true);
  });

  test('property: the score is the share of right pairs, in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }), { minLength: 3, maxLength: 3 }), (response) => {
        const grading = gradeMatching(q, response);
        assert.ok(grading.score >= 0 && grading.score <= 1);
        assert.equal(grading.score, response.filter((j, i) => j === i).length / 3);
      }),
      { numRuns: RUNS, seed: 20 },
    );
  });

  test('the shown order of targets is a permutation, the same on every visit', () => {
    const order = targetOrder(4, 'q');
    assert.deepEqual([...order].sort(), [0, 1, 2, 3]);
    assert.deepEqual(targetOrder(4, 'q'), order);
  });

  test('report: xAPI matching with source and target ids', () => {
    const r = reportMatching(q, [0, null, 3]);
    assert.equal(r.interactionType, 'matching');
    assert.deepEqual(r.correctResponsesPattern, ['left-1[.]right-1[,]left-2[.]right-2[,]left-3[.]right-3']);
    assert.equal(r.response, 'left-1[.]right-1[,]left-3[.]right-4');
    assert.equal(r.components?.target?.length, 4);
  });

  test('answer text for older readers', () => assert.equal(matchingAnswer([{ left: 'a', right: 'b' }]), '- a → b'));
});
