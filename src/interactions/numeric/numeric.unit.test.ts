import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Question } from '../../bank/types.js';
import { gradeNumeric, numericAnswerText, parseNumber, reportNumeric, type NumericAnswer } from './numeric.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const question = (numeric: NumericAnswer): Question => ({ id: 'q', kind: 'concept', type: 'numeric', title: 'T', prompt: 'P', answer: 'A', topics: ['t'], numeric });

describe('parseNumber: how learners type numbers', () => {
  const cases: [string, number | null, string?][] = [
    ['42', 42], [' -3.5 ', -3.5], ['3,5', 3.5], ['１２', 12], ['−7', -7], ['1e3', 1000], ['.5', 0.5],
    ['10 000', 10000], ['1,234.5', 1234.5], ['6,000', 6000], ['1,000,000', 1000000], ['3,14', 3.14], ['9.81 m/s²', 9.81, 'm/s²'], ['9.81m/S²', 9.81, 'm/s²'],
    ['', null], ['abc', null], ['4 2', null], ['9.81 kg', null, 'm/s²'], ['1.2.3', null], ['Infinity', null],
  ];
  for (const [text, want, unit] of cases) test(`${JSON.stringify(text)}${unit ? ` (unit ${unit})` : ''} → ${want}`, () => assert.equal(parseNumber(text, unit), want));
});

describe('gradeNumeric', () => {
  test('exact, ± tolerance, percent and range', () => {
    assert.equal(gradeNumeric(question({ value: 42 }), '42').correct, true);
    assert.equal(gradeNumeric(question({ value: 42 }), '42.01').correct, false);
    assert.equal(gradeNumeric(question({ value: 0.3 }), '0.30000000000000004').correct, true, 'rounding noise is not a mistake');
    assert.equal(gradeNumeric(question({ value: 9.81, tolerance: 0.05 }), '9,77').correct, true);
    assert.equal(gradeNumeric(question({ value: 9.81, tolerance: 0.05 }), '9.7').correct, false);
    assert.equal(gradeNumeric(question({ value: 200, tolerancePercent: 5 }), '190').correct, true);
    assert.equal(gradeNumeric(question({ value: 200, tolerancePercent: 5 }), '189').correct, false);
    assert.equal(gradeNumeric(question({ min: 6, max: 12 }), '12').correct, true);
    assert.equal(gradeNumeric(question({ min: 6, max: 12 }), '13').correct, false);
    assert.deepEqual(gradeNumeric(question({ value: 1 }), 'one'), { score: 0, correct: false, parts: [false] });
  });

  test('property: every number in the range is right, and just outside it is wrong', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.double({ min: 0.001, max: 1000, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true }), (value, tolerance, t) => {
        const q = question({ value, tolerance });
        const inside = value - tolerance + 2 * tolerance * t;
        assert.equal(gradeNumeric(q, String(inside)).correct, true);
        assert.equal(gradeNumeric(q, String(value + tolerance * 1.01 + 1e-3)).correct, false);
      }),
      { numRuns: RUNS, seed: 18 },
    );
  });

  test('report: a range pattern, or the value', () => {
    assert.deepEqual(reportNumeric(question({ value: 9.81, tolerance: 0.05 }), '9,8'), { interactionType: 'numeric', correctResponsesPattern: ['9.76[:]9.860000000000001'], response: '9.8' });
    assert.deepEqual(reportNumeric(question({ value: 42 }), '42').correctResponsesPattern, ['42']);
    assert.deepEqual(reportNumeric(question({ min: 6, max: 12 }), 'x').response, 'x');
  });

  test('answer text for older readers', () => {
    assert.equal(numericAnswerText({ value: 9.81, tolerance: 0.05, unit: 'm/s²' }), '9.81 ± 0.05 m/s²');
    assert.equal(numericAnswerText({ value: 200, tolerancePercent: 5 }), '200 ± 5%');
    assert.equal(numericAnswerText({ min: 6, max: 12, unit: 'layers' }), '6 – 12 layers');
    assert.equal(numericAnswerText({ value: 42 }), '42');
  });
});
