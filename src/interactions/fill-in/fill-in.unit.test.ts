import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import type { Question } from '../../bank/types.js';
import { blanksInPrompt, fillInAnswer, gradeFillIn, reportFillIn, splitAtBlanks } from './fill-in.js';
import { editDistance, matchesAnswer, normalizeAnswer } from './normalize.js';

const RUNS = Number(process.env.FC_RUNS ?? 300);
const question = (over: Partial<Question>): Question => ({ id: 'q', kind: 'concept', type: 'fill-in', title: 'T', prompt: 'A ___ B ___.', answer: 'x', topics: ['t'], ...over });

describe('normalizeAnswer: what a reader would not call a mistake', () => {
  const same: [string, string][] = [
    ['Paris', 'paris'],
    ['  New   York ', 'new york'],
    ['ＰＡＲＩＳ', 'paris'],
    ['３．１４', '3.14'],
    ['3,14', '3.14'],
    ['Paris.', 'Paris'],
    ['机器 学习', '机器学习'],
    ['你好，世界。', '你好,世界'],
    ['“引号”', '"引号"'],
    ['a , b', 'a, b'],
    ['f( x )', 'f(x)'],
    ['《红楼梦》', '<红楼梦>'],
    ['a,b', 'a, b'],
    ['1,2,3', '1, 2, 3'],
  ];
  for (const [a, b] of same) test(`${JSON.stringify(a)} is ${JSON.stringify(b)}`, () => assert.equal(normalizeAnswer(a), normalizeAnswer(b)));

  test('different answers stay different', () => {
    assert.notEqual(normalizeAnswer('Paris'), normalizeAnswer('Pari'));
    assert.notEqual(normalizeAnswer('3.14'), normalizeAnswer('314'));
    assert.notEqual(normalizeAnswer('Rome', { caseSensitive: true }), normalizeAnswer('rome', { caseSensitive: true }));
  });

  test('property: idempotent, and blind to case, outer spaces and width', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (text) => {
        const once = normalizeAnswer(text);
        assert.equal(normalizeAnswer(once), once);
        assert.equal(normalizeAnswer(`  ${text.toUpperCase()} `), normalizeAnswer(text.toUpperCase()));
      }),
      { numRuns: RUNS, seed: 15 },
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[a-z0-9 ]{0,20}$/), (ascii) => {
        const wide = [...ascii].map((c) => (c === ' ' ? '\u3000' : String.fromCodePoint(c.codePointAt(0)! + 0xfee0))).join('');
        assert.equal(normalizeAnswer(wide), normalizeAnswer(ascii));
        assert.equal(normalizeAnswer(ascii.toUpperCase()), normalizeAnswer(ascii));
      }),
      { numRuns: RUNS, seed: 16 },
    );
  });
});

describe('editDistance and typos', () => {
  test('counts edits, a swap of neighbours as one', () => {
    assert.equal(editDistance('paris', 'paris'), 0);
    assert.equal(editDistance('paris', 'pari'), 1);
    assert.equal(editDistance('paris', 'praxs'), 2);
    assert.equal(editDistance('paris', 'apris'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('abcdefgh', 'zzzzzzzz', 2), 3);
  });
  test('property: symmetric, zero only for equal strings, at most the longer length', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), fc.string({ maxLength: 12 }), (a, b) => {
        const d = editDistance(a, b);
        assert.equal(d, editDistance(b, a));
        assert.equal(d === 0, a === b);
        assert.ok(d <= Math.max([...a].length, [...b].length));
      }),
      { numRuns: RUNS, seed: 17 },
    );
  });
  test('typos are forgiven only when asked, only in words of 4 letters or more, never in numbers', () => {
    assert.equal(matchesAnswer('Pariss', ['Paris']), false);
    assert.equal(matchesAnswer('Pariss', ['Paris'], { typos: true }), true);
    assert.equal(matchesAnswer('Roam', ['Rome'], { typos: true }), false, 'two edits in a four-letter word');
    assert.equal(matchesAnswer('cta', ['cat'], { typos: true }), false);
    assert.equal(matchesAnswer('1954', ['1945'], { typos: true }), false);
    assert.equal(matchesAnswer('Transfromer', ['Transformer'], { typos: true }), true);
    assert.equal(matchesAnswer('', ['x'], { typos: true }), false, 'an empty blank is never right');
    assert.equal(matchesAnswer('。', ['。']), true, 'an answer that is only punctuation can be right');
    assert.equal(matchesAnswer('?', ['。']), false);
  });
});

describe('fill-in blanks', () => {
  test('blanks are runs of three or more underscores outside code', () => {
    assert.deepEqual(splitAtBlanks('The capital of France is ___.'), ['The capital of France is ', '.']);
    assert.equal(blanksInPrompt('A ___ and _____ but not __init__ or `a___b` or\n```\nx___y\n```\n'), 2);
    assert.equal(blanksInPrompt('No blanks here.'), 0);
  });

  test('each blank gets its own result, and the score is the share of right blanks', () => {
    const q = question({ blanks: [{ accept: ['Paris'] }, { accept: ['Rome', 'Roma'], caseSensitive: true }] });
    assert.deepEqual(gradeFillIn(q, ['paris', 'Roma']), { score: 1, correct: true, parts: [true, true] });
    assert.deepEqual(gradeFillIn(q, ['PARIS', 'rome']), { score: 0.5, correct: false, parts: [true, false] });
    assert.deepEqual(gradeFillIn(q, ['', '']), { score: 0, correct: false, parts: [false, false] });
    assert.deepEqual(gradeFillIn(q, []), { score: 0, correct: false, parts: [false, false] });
  });

  test('report: xAPI fill-in with case_matters and the [,] list', () => {
    const q = question({ blanks: [{ accept: ['Paris'] }, { accept: ['Rome'] }] });
    assert.deepEqual(reportFillIn(q, ['paris', 'Rom']), { interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=false}Paris[,]Rome'], response: 'paris[,]Rom' });
    assert.equal(reportFillIn(q, ['a[,]b']).response, 'a,b', 'a delimiter typed by the learner cannot split the response');
  });

  test('answer text for older readers', () => {
    assert.equal(fillInAnswer([{ accept: ['Paris', 'paris'] }]), 'Paris');
    assert.equal(fillInAnswer([{ accept: ['Paris'] }, { accept: ['Rome'] }]), '1. Paris\n2. Rome');
  });
});
