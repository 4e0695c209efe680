import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { enCollection } from './collection-en.js';
import { zhCNCollection } from './collection-zh-CN.js';
import { en } from './en.js';
import { formatDateTime } from './date-time.js';
import { intervalParts } from './time.js';
import { zhCN } from './zh-CN.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

describe('intervals (grade buttons, next reviews)', () => {
  const cases: [number, string, string, string][] = [
    [0, '1 min', '1 minute', '1 分钟'],
    [MINUTE, '1 min', '1 minute', '1 分钟'],
    [10 * MINUTE, '10 min', '10 minutes', '10 分钟'],
    [59 * MINUTE + 40_000, '1 h', '1 hour', '1 小时'],
    [3 * HOUR, '3 h', '3 hours', '3 小时'],
    [23 * HOUR + 40 * MINUTE, '1 d', '1 day', '1 天'],
    [3 * DAY, '3 d', '3 days', '3 天'],
    [29 * DAY, '29 d', '29 days', '29 天'],
    [30 * DAY, '1 mo', '1 month', '1 个月'],
    [46 * DAY, '1.5 mo', '1.5 months', '1.5 个月'],
    [163 * DAY, '5.4 mo', '5.4 months', '5.4 个月'],
    [365 * DAY, '1 y', '1 year', '1 年'],
    [548 * DAY, '1.5 y', '1.5 years', '1.5 年'],
    [3650 * DAY, '10 y', '10 years', '10 年'],
  ];
  for (const [ms, short, long, chinese] of cases) {
    test(`${ms} ms: "${short}", "${long}", "${chinese}"`, () => {
      assert.equal(en.interval(ms), short);
      // Spelled out for screen readers, as a time from now (0 is "now").
      if (ms > 0) assert.equal(en.relativeTime(ms), `in ${long}`);
      assert.equal(zhCN.interval(ms), chinese);
      if (ms > 0) assert.equal(zhCN.relativeTime(ms), `${chinese}后`);
    });
  }

  test('units grow at 1 hour, 1 day, 30 days and 365 days', () => {
    const units = [59 * MINUTE, HOUR, 23 * HOUR, DAY, 29 * DAY, 30 * DAY, 364 * DAY, 365 * DAY].map((ms) => intervalParts(ms).unit);
    assert.deepEqual(units, ['minute', 'hour', 'hour', 'day', 'day', 'month', 'month', 'year']);
  });

  test('relative times: "in …" / "…后", and now for a time that has come', () => {
    assert.equal(en.relativeTime(2 * DAY), 'in 2 days');
    assert.equal(zhCN.relativeTime(2 * DAY), '2 天后');
    assert.equal(en.relativeTime(0), 'now');
    assert.equal(en.relativeTime(-5 * MINUTE), 'now');
    assert.equal(zhCN.relativeTime(-1), '现在');
    assert.equal(en.gradeNextReview(en.relativeTime(10 * MINUTE)), '(next review in 10 minutes)');
  });
});

describe('formatDateTime', () => {
  const at = new Date(2026, 10, 25, 10, 0).getTime(); // local time: Wednesday 25 November 2026, 10:00
  const now = new Date(2026, 10, 23, 9, 0).getTime();

  test('weekday, day, month and time in the locale', () => {
    assert.equal(formatDateTime(at, 'en-GB', 'en', now), 'Wed 25 Nov, 10:00');
    assert.equal(formatDateTime(at, 'en', 'en', now), 'Wed, Nov 25, 10:00 AM');
    assert.equal(formatDateTime(at - HOUR + 5 * MINUTE, 'en', 'en', now), 'Wed, Nov 25, 9:05 AM', 'no leading zero on a 12-hour clock');
    assert.equal(formatDateTime(at - HOUR + 5 * MINUTE, 'en-GB', 'en', now), 'Wed 25 Nov, 09:05');
    assert.equal(formatDateTime(at, 'zh-CN', 'zh-CN', now), '11月25日周三 10:00');
  });

  test('the year when it is not this year', () => {
    assert.equal(formatDateTime(new Date(2027, 0, 6, 8, 30).getTime(), 'en-GB', 'en', now), 'Wed, 6 Jan 2027, 08:30');
  });

  test('a lang that is not a language tag falls back instead of throwing', () => {
    assert.equal(formatDateTime(at, 'not a tag!', 'en-GB', now), 'Wed 25 Nov, 10:00');
    assert.equal(formatDateTime(at, '', 'en-GB', now), 'Wed 25 Nov, 10:00');
  });
});

describe('progress strings for the other elements', () => {
  test('summaries and import results read as sentences in both languages', () => {
    const counts = { new: 20, learning: 5, due: 3, mastered: 12 };
    assert.equal(enCollection.progressSummary(counts, 40), '12 of 40 mastered, 3 due, 5 learning, 20 new');
    assert.equal(zhCNCollection.progressSummary(counts, 40), '已掌握 12 / 40，待复习 3，学习中 5，新题 20');
    assert.equal(enCollection.importedProgress({ added: 4, updated: 2, kept: 10 }), 'Imported: 4 added, 2 updated, 10 already up to date');
    assert.equal(enCollection.reviewDue(3), 'Review due (3)');
    assert.equal(zhCNCollection.reviewDue(3), '复习到期题目（3）');
    const message = 'Not a valid progress file: questions[0].bankId: expected a non-empty string.';
    assert.equal(enCollection.importProgressFailed('x.json', message), `Could not import "x.json": ${message} Choose a file made by Export progress.`);
    assert.equal(zhCNCollection.importProgressFailed('x.json', message), `无法导入“x.json”：${message.slice(0, -1)}。请选择由“导出进度”生成的文件。`);
  });
});

describe('the Filters panel button', () => {
  test('names the count once it is known, and no number while the collection is still being counted', () => {
    assert.equal(enCollection.showResults(1), 'Show 1 question');
    assert.equal(enCollection.showResults(12), 'Show 12 questions');
    assert.equal(enCollection.showResults(null), 'Show results');
    assert.equal(zhCNCollection.showResults(12), '显示 12 道题');
    assert.equal(zhCNCollection.showResults(null), '显示结果');
  });
});

describe('the result count', () => {
  test('begins with the questions alone, so the browser can let the titles wrap out of sight where they do not fit', () => {
    for (const strings of [enCollection, zhCNCollection]) {
      for (const [questions, titles] of [[1, 1], [41, 29], [3000, 2000], [2, 1]]) {
        const head = strings.resultCount(questions!, questions!);
        assert.ok(strings.resultCount(questions!, titles!).startsWith(head), `${strings.resultCount(questions!, titles!)} / ${head}`);
      }
    }
    assert.equal(enCollection.resultCount(41, 41), '41 questions');
    assert.equal(enCollection.resultCount(41, 29), '41 questions under 29 titles');
    assert.equal(zhCNCollection.resultCount(41, 29), '41 道题，29 个标题');
  });
});
