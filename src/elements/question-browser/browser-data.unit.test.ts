import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Question } from '../../bank/types.js';
import type { QuestionStatus } from '../../progress/types.js';
import type { IndexedQuestion, ResultGroup } from '../../search/question-index.js';
import { groupHolds, keyOf, rowStatus } from './browser-data.js';
import { tabMove } from './detail-keys.js';
import { clip, excerptOf, rowTitleOf } from './excerpt.js';

const question = (id: string, extra: Partial<Question> = {}): Question => ({ id, kind: 'concept', title: 'What is overfitting?', topics: ['t'], prompt: 'Explain.', answer: 'Because.', ...extra });
const entry = (id: string): IndexedQuestion => ({ bankId: 'ml', question: question(id) });

describe('browser-data', () => {
  const [a, b, c] = [entry('a'), entry('b'), entry('c')];
  const group: ResultGroup = { key: 'what is overfitting?', primary: a, members: [a, b], variants: [a, b, c], titleMatch: true } as ResultGroup;

  test('a row holds every variant of its title, matching or not', () => {
    assert.equal(keyOf(c), 'ml/c');
    assert.equal(groupHolds(group, 'ml/c'), true);
    assert.equal(groupHolds(group, 'ml/d'), false);
    assert.equal(groupHolds(group, undefined), false);
  });

  test("a row's status is the most urgent of its matching questions', new without a record, none without progress", () => {
    const statuses = (pairs: [IndexedQuestion, QuestionStatus][]) => new Map(pairs);
    assert.equal(rowStatus(group, null), null);
    assert.equal(rowStatus(group, statuses([[a, 'mastered']])), 'new');
    assert.equal(rowStatus(group, statuses([[a, 'mastered'], [b, 'learning']])), 'learning');
    assert.equal(rowStatus(group, statuses([[a, 'mastered'], [b, 'mastered'], [c, 'due']])), 'mastered', 'c does not match: not counted');
    assert.equal(rowStatus(group, statuses([[a, 'learning'], [b, 'due']])), 'due');
  });
});

describe('excerpt', () => {
  test('clips without splitting a surrogate pair', () => {
    assert.equal(clip('abcdef', 3, '…'), 'abc…');
    assert.equal(clip('ab😀d', 3), 'ab');
    assert.equal(clip('abc', 3, '…'), 'abc');
    assert.equal(rowTitleOf(question('x', { title: 'x'.repeat(400) })).length, 301);
  });

  test('shows the text around the first match outside the title, else the prompt when it says more', () => {
    const long = question('x', { prompt: `${'filler '.repeat(10)}the model memorises noise in training data.` });
    assert.equal(excerptOf(long, ['noise'], false), '…model memorises noise in training data.', '16 columns before the match, from the start of a word');
    const chinese = question('c', { prompt: `${'无关的文字，'.repeat(6)}模型记住了训练数据里的噪声。` });
    assert.equal(excerptOf(chinese, ['噪声'], false), '…住了训练数据里的噪声。', 'a Chinese character takes two columns');
    const emoji = question('e', { prompt: `${'x'.repeat(30)}😀abcdefghijklm match` });
    assert.equal(excerptOf(emoji, ['match'], false), '…😀abcdefghijklm match', 'an emoji takes two columns, and is never cut in half');
    const longWord = question('w', { prompt: 'abcdefghijklmnopqrstuvwxyzabcdefgh noise' });
    assert.equal(excerptOf(longWord, ['noise'], false), '…tuvwxyzabcdefgh noise', 'inside a long word, the cut keeps the lead');
    const spaced = question('s', { prompt: 'we saw that the model fits noise' });
    assert.equal(excerptOf(spaced, ['noise'], false), '…the model fits noise', 'no space after the ellipsis');
    const accented = question('a', { prompt: 'filler filler filler une idée naïveté noise' });
    assert.equal(excerptOf(accented, ['noise'], false), '…idée naïveté noise', 'accented words are words');
    assert.equal(excerptOf(question('y', { answer: 'It memorises noise.' }), ['noise'], false), 'It memorises noise.');
    assert.equal(excerptOf(long, ['noise'], true), long.prompt.slice(0, 120), 'a title match shows the prompt');
    assert.equal(excerptOf(question('z', { prompt: 'What is overfitting?' }), [], false), '', 'a prompt that only repeats the title');
  });
});

describe('detail-keys', () => {
  test('the variant tabs: Left and Right wrap around, Home and End go to the ends, other keys are not theirs', () => {
    assert.equal(tabMove('ArrowRight', 2, 3), 0);
    assert.equal(tabMove('ArrowLeft', 0, 3), 2);
    assert.equal(tabMove('Home', 2, 3), 0);
    assert.equal(tabMove('End', 0, 3), 2);
    assert.equal(tabMove('Enter', 0, 3), undefined);
  });
});
