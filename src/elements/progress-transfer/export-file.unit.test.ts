import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { exportFileName } from './export-file.js';

describe('exportFileName', () => {
  const at = new Date(2026, 0, 5, 23, 30).getTime(); // local time: the learner's day

  test('names the key and the local day', () => {
    assert.equal(exportFileName('default', at), 'quiz-progress-default-2026-01-05.json');
    assert.equal(exportFileName('course ml/2026', at), 'quiz-progress-course-ml-2026-2026-01-05.json');
  });

  test('keeps letters of any script and replaces what a file name should not hold', () => {
    assert.equal(exportFileName('机器学习 课程', at), 'quiz-progress-机器学习-课程-2026-01-05.json');
    assert.equal(exportFileName('../a:b*?"<>|', at), 'quiz-progress-..-a-b-2026-01-05.json');
    assert.equal(exportFileName('///', at), 'quiz-progress-default-2026-01-05.json');
    assert.equal(exportFileName('', at), 'quiz-progress-default-2026-01-05.json');
  });
});
