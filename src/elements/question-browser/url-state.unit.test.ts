import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { hashOf, NO_FILTER, stateFromHash, statusFrom, topicsFrom, type BrowserState } from './url-state.js';

const empty: BrowserState = { query: '', topic: [], kind: undefined, bank: undefined, status: undefined, open: undefined };

describe('url-state', () => {
  test('the status filter goes into the hash and comes back', () => {
    const state: BrowserState = { ...empty, query: '过拟合 GPU', topic: ['ml/training'], kind: 'concept', status: 'due', open: 'ml/q-1' };
    const hash = hashOf(state);
    assert.equal(hash, '#q=%E8%BF%87%E6%8B%9F%E5%90%88%20GPU&topic=ml%2Ftraining&kind=concept&status=due&open=ml%2Fq-1');
    assert.deepEqual(stateFromHash(hash), state);
    for (const status of ['new', 'learning', 'due', 'mastered'] as const) assert.deepEqual(stateFromHash(hashOf({ ...empty, status })), { ...empty, status });
  });

  test('a status alone is a browser state; an unknown status filters nothing', () => {
    assert.deepEqual(stateFromHash('#status=mastered'), { ...empty, status: 'mastered' });
    assert.deepEqual(stateFromHash('#status=overdue'), empty);
    assert.equal(hashOf(empty), '');
    assert.equal(statusFrom('Due'), undefined);
    assert.equal(statusFrom(null), undefined);
  });

  test('topics come from a comma-separated list or an array, blanks dropped', () => {
    assert.deepEqual(topicsFrom(' ml/training, serving ,,'), ['ml/training', 'serving']);
    assert.deepEqual(topicsFrom(['a', ' b ', '']), ['a', 'b']);
    assert.deepEqual(topicsFrom(null), []);
    assert.deepEqual(stateFromHash('#topic=a,%20b'), { ...empty, topic: ['a', 'b'] });
  });

  test('no filter with no open question is an empty hash', () => {
    assert.equal(hashOf({ ...NO_FILTER, open: undefined }), '');
    assert.equal(hashOf({ ...NO_FILTER, open: 'ml/q-1' }), '#open=ml%2Fq-1');
  });
});
