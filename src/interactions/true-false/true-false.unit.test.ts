import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Question } from '../../bank/types.js';
import { gradeChoice, reportChoice } from '../choice/choice.js';
import { gradeOfScore, questionType } from '../interaction.js';
import { gradeTrueFalse, reportTrueFalse, trueFalseAnswer } from './true-false.js';

const base: Question = { id: 'q', kind: 'concept', title: 'T', prompt: 'P', answer: 'A', topics: ['t'] };

describe('true-false', () => {
  const q: Question = { ...base, type: 'true-false', isTrue: false };
  test('right only for the statement’s truth', () => {
    assert.deepEqual(gradeTrueFalse(q, false), { score: 1, correct: true, parts: [true] });
    assert.equal(gradeTrueFalse(q, true).score, 0);
  });
  test('report and answer text', () => {
    assert.deepEqual(reportTrueFalse(q, true), { interactionType: 'true-false', correctResponsesPattern: ['false'], response: 'true' });
    assert.equal(trueFalseAnswer(true, 'en'), 'True');
    assert.equal(trueFalseAnswer(false, 'zh-CN'), '错误');
  });
});

describe('choice', () => {
  const q: Question = { ...base, choices: [{ text: 'a', correct: true }, { text: 'b', correct: false }, { text: 'c', correct: true }] };
  test('all or nothing, with a result per choice', () => {
    assert.deepEqual(gradeChoice(q, [0, 2]), { score: 1, correct: true, parts: [true, true, true] });
    assert.deepEqual(gradeChoice(q, [0]), { score: 0, correct: false, parts: [true, true, false] });
  });
  test('report', () => {
    const r = reportChoice(q, [1]);
    assert.deepEqual([r.interactionType, r.correctResponsesPattern, r.response], ['choice', ['choice-1[,]choice-3'], 'choice-2']);
  });
});

describe('questionType and grades', () => {
  test('the type, else choice with choices, else open; unknown types are open', () => {
    assert.equal(questionType(base), 'open');
    assert.equal(questionType({ choices: [] }), 'choice');
    assert.equal(questionType({ type: 'numeric' }), 'numeric');
    assert.equal(questionType({ type: 'hotspot' }), 'open');
    assert.equal(questionType({ type: 'hotspot', choices: [] }), 'choice');
  });
  test('all right is Good, partly right is Hard, wrong is Again', () => {
    assert.equal(gradeOfScore(1), 'good');
    assert.equal(gradeOfScore(0.5), 'hard');
    assert.equal(gradeOfScore(0), 'again');
  });
});
