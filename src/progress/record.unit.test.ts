import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  MAX_REVIEWS,
  MAX_UNDONE,
  mergeProgress,
  parseExport,
  ProgressFileError,
  type ProgressFileProblem,
  parseRecord,
  parseRecordKey,
  recordKey,
  serializeRecord,
  setAsideKey,
} from './record.js';
import type { MemoryState, QuestionProgress, Review } from './types.js';

const T0 = Date.UTC(2025, 0, 6, 9, 0);
const KEY = 'quiz-elements/progress/default/llm-basics/what-is-attention';
const MEMORY: MemoryState = {
  due: T0 + 600_000,
  stability: 2.3065,
  difficulty: 2.118,
  scheduledDays: 0,
  learningSteps: 1,
  reps: 1,
  lapses: 0,
  state: 1,
  lastReview: T0,
};

function progress(reviews: Review[], updatedAt: number, memory: MemoryState = MEMORY): QuestionProgress {
  return { bankId: 'llm-basics', questionId: 'what-is-attention', reviews, memory, updatedAt };
}

describe('record keys', () => {
  test('one key per question under the progress key', () => {
    assert.equal(recordKey('default', 'llm-basics', 'what-is-attention'), KEY);
    assert.deepEqual(parseRecordKey(KEY), { progressKey: 'default', bankId: 'llm-basics', questionId: 'what-is-attention' });
  });

  test('a progress key with a slash cannot reach into another one', () => {
    const key = recordKey('course/a', 'b', 'q');
    assert.equal(key, 'quiz-elements/progress/course%2Fa/b/q');
    assert.deepEqual(parseRecordKey(key), { progressKey: 'course/a', bankId: 'b', questionId: 'q' });
    assert.ok(!key.startsWith('quiz-elements/progress/course/'));
  });

  test('other keys are not record keys', () => {
    for (const key of ['quiz-elements/progress/default/b', 'quiz-elements/progress/default/b/q/x', 'other/default/b/q', 'quiz-elements/progress/default//q', 'quiz-elements/progress/%E0/b/q']) {
      assert.equal(parseRecordKey(key), null, key);
    }
  });

  test('set-aside copies go under quiz-elements/set-aside/, stamped with the time', () => {
    assert.equal(setAsideKey(KEY, 1234), 'quiz-elements/set-aside/default/llm-basics/what-is-attention/1234');
  });
});

describe('parseRecord', () => {
  test('reads what serializeRecord wrote (v2)', () => {
    const p = progress([{ at: T0, grade: 'good' }, { at: T0 + 1, grade: 'again', correct: false }], T0 + 1);
    const text = serializeRecord(p);
    assert.deepEqual(JSON.parse(text), { v: 2, reviews: p.reviews, memory: MEMORY, updatedAt: T0 + 1 });
    assert.deepEqual(parseRecord(KEY, text), { ok: true, progress: p, needsRebuild: false });
  });

  test('v1 (reviews only) is read with an empty memory state, flagged for rebuilding', () => {
    const reviews = [{ at: T0 + 5, grade: 'hard' }, { at: T0, grade: 'good' }];
    const parsed = parseRecord(KEY, JSON.stringify({ v: 1, reviews }));
    assert.ok(parsed.ok);
    assert.equal(parsed.needsRebuild, true);
    assert.deepEqual(parsed.progress.reviews, [reviews[1], reviews[0]], 'in order of time');
    assert.equal(parsed.progress.memory.state, 0);
    assert.equal(parsed.progress.updatedAt, T0 + 5);
  });

  test('v1 keeps every review for the rebuild; v2 keeps the newest MAX_REVIEWS', () => {
    const reviews: Review[] = Array.from({ length: MAX_REVIEWS + 50 }, (_, i) => ({ at: T0 + i, grade: 'good' }));
    const v1 = parseRecord(KEY, JSON.stringify({ v: 1, reviews }));
    assert.ok(v1.ok);
    assert.equal(v1.progress.reviews.length, MAX_REVIEWS + 50);
    const v2 = parseRecord(KEY, JSON.stringify({ v: 2, reviews, memory: MEMORY, updatedAt: T0 }));
    assert.ok(v2.ok);
    assert.equal(v2.progress.reviews.length, MAX_REVIEWS);
    assert.equal(v2.progress.reviews[0]!.at, T0 + 50, 'the oldest are dropped');
  });

  test('corrupt JSON', () => {
    const parsed = parseRecord(KEY, '{"v":2,"reviews":[');
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && parsed.reason.startsWith('corrupt JSON') && !parsed.future);
  });

  const good = { v: 2, reviews: [{ at: T0, grade: 'good' }], memory: MEMORY, updatedAt: T0 };
  const wrongShapes: [string, unknown, string][] = [
    ['not an object', [1, 2], 'record: expected an object'],
    ['null', null, 'record: expected an object'],
    ['no version', { ...good, v: undefined }, 'v: expected record version 1 or 2'],
    ['version as text', { ...good, v: '2' }, 'v: expected record version 1 or 2'],
    ['version 0', { ...good, v: 0 }, 'v: expected record version 1 or 2'],
    ['unknown grade', { ...good, reviews: [{ at: T0, grade: 'meh' }] }, 'reviews[0].grade: expected one of again, hard, good, easy'],
    ['time as text', { ...good, reviews: [{ at: String(T0), grade: 'good' }] }, 'reviews[0].at: expected a finite number'],
    ['reviews not a list', { ...good, reviews: {} }, 'reviews: expected an array'],
    ['correct as text', { ...good, reviews: [{ at: T0, grade: 'good', correct: 'yes' }] }, 'reviews[0].correct: expected true or false'],
    ['no memory', { ...good, memory: undefined }, 'memory: expected an object'],
    ['state 4', { ...good, memory: { ...MEMORY, state: 4 } }, 'memory.state: expected 0, 1, 2 or 3'],
    ['negative stability', { ...good, memory: { ...MEMORY, stability: -1 } }, 'memory.stability: expected a number of at least 0'],
    ['fractional reps', { ...good, memory: { ...MEMORY, reps: 1.5 } }, 'memory.reps: expected a whole number'],
    ['due missing', { ...good, memory: { ...MEMORY, due: null } }, 'memory.due: expected a finite number'],
    ['updatedAt missing', { ...good, updatedAt: undefined }, 'updatedAt: expected a finite number'],
    ['undone not a list', { ...good, undone: 'x' }, 'undone: expected an array'],
    ['undone with a bad grade', { ...good, undone: [{ at: T0, grade: 'nope' }] }, 'undone[0].grade: expected one of again, hard, good, easy'],
  ];
  for (const [name, value, reason] of wrongShapes) {
    test(`wrong shape: ${name}`, () => {
      assert.deepEqual(parseRecord(KEY, JSON.stringify(value) ?? 'undefined'), { ok: false, reason: `wrong shape: ${reason}`, future: false });
    });
  }

  test('an infinite number in JSON (1e999) is not finite', () => {
    const text = JSON.stringify(good).replace(`"updatedAt":${T0}`, '"updatedAt":1e999');
    assert.deepEqual(parseRecord(KEY, text), { ok: false, reason: 'wrong shape: updatedAt: expected a finite number', future: false });
  });

  test('a newer version is foreign, not corrupt', () => {
    const parsed = parseRecord(KEY, JSON.stringify({ v: 3, anything: 'goes' }));
    assert.equal(parsed.ok, false);
    assert.ok(!parsed.ok && parsed.future && parsed.reason.includes('v3'));
  });

  test('never throws, whatever the text', () => {
    for (const text of ['', 'null', '[]', '"x"', '1', 'true', '{}', '{"v":2}', '{"v":1}', '{"__proto__":{"v":2}}', '\u0000']) {
      assert.equal(parseRecord(KEY, text).ok, false, text);
    }
    assert.equal(parseRecord('not/a/key', JSON.stringify(good)).ok, false);
  });

  test('undone reviews round-trip, sorted, each once; none written when there are none', () => {
    const p: QuestionProgress = { ...progress([{ at: T0, grade: 'good' }], T0 + 5), undone: [{ at: T0 + 2, grade: 'easy' }] };
    const text = serializeRecord(p);
    assert.deepEqual(JSON.parse(text).undone, [{ at: T0 + 2, grade: 'easy' }]);
    assert.deepEqual(parseRecord(KEY, text), { ok: true, progress: p, needsRebuild: false });
    assert.equal('undone' in JSON.parse(serializeRecord(progress([], T0))), false);
    const many = Array.from({ length: MAX_UNDONE + 5 }, (_, i) => ({ at: T0 + MAX_UNDONE + 5 - i, grade: 'good' }));
    const parsed = parseRecord(KEY, JSON.stringify({ ...good, undone: [...many, many[0]] }));
    assert.ok(parsed.ok);
    assert.equal(parsed.progress.undone!.length, MAX_UNDONE, 'the newest kept');
    assert.deepEqual(parsed.progress.undone![0], { at: T0 + 6, grade: 'good' });
    assert.deepEqual(parsed.progress.undone!.at(-1), { at: T0 + MAX_UNDONE + 5, grade: 'good' });
  });

  test('extra fields are dropped, not kept', () => {
    const parsed = parseRecord(KEY, JSON.stringify({ ...good, extra: 1, reviews: [{ at: T0, grade: 'good', note: 'x' }], memory: { ...MEMORY, more: 2 } }));
    assert.ok(parsed.ok);
    assert.deepEqual(parsed.progress, progress([{ at: T0, grade: 'good' }], T0));
  });
});

describe('mergeProgress', () => {
  const a = { at: T0, grade: 'good' } as const;
  const b = { at: T0 + 1000, grade: 'hard' } as const;
  const c = { at: T0 + 2000, grade: 'again' } as const;

  test('nothing here: take theirs', () => {
    const there = progress([a], T0);
    assert.deepEqual(mergeProgress(undefined, there), { progress: there, needsRebuild: false, changedHere: true, changedThere: false });
  });

  test('the newer copy wins when it has every review of the older one', () => {
    const here = progress([a], T0);
    const there = progress([a, b], T0 + 1000, { ...MEMORY, reps: 2 });
    assert.deepEqual(mergeProgress(here, there), { progress: there, needsRebuild: false, changedHere: true, changedThere: false });
    assert.deepEqual(mergeProgress(there, here), { progress: there, needsRebuild: false, changedHere: false, changedThere: true });
  });

  test('equal copies change nothing; on a tie of updatedAt the copy here wins', () => {
    const here = progress([a], T0);
    assert.deepEqual(mergeProgress(here, progress([a], T0)), { progress: here, needsRebuild: false, changedHere: false, changedThere: false });
    const other = progress([a], T0, { ...MEMORY, reps: 7 });
    const merged = mergeProgress(here, other);
    assert.equal(merged.progress, here);
    assert.equal(merged.changedThere, true);
  });

  test('each side answered: review logs united in order of time, memory to be rebuilt', () => {
    const here = progress([a, c], T0 + 2000);
    const there = progress([a, b], T0 + 1000);
    const merged = mergeProgress(here, there);
    assert.deepEqual(merged.progress.reviews, [a, b, c]);
    assert.equal(merged.progress.updatedAt, T0 + 2000);
    assert.equal(merged.needsRebuild, true);
    assert.ok(merged.changedHere && merged.changedThere);
  });

  test('an undone review in the newer copy is not brought back by an older copy that still has it', () => {
    const older = progress([a, b], T0 + 1000);
    const newer: QuestionProgress = { ...progress([a], T0 + 3000), undone: [b] };
    assert.deepEqual(mergeProgress(older, newer), { progress: newer, needsRebuild: false, changedHere: true, changedThere: false });
    assert.deepEqual(mergeProgress(newer, older), { progress: newer, needsRebuild: false, changedHere: false, changedThere: true });
  });

  test('an undone review in the older copy is dropped from the newer one, whose memory must be rebuilt', () => {
    const undoneHere: QuestionProgress = { ...progress([a], T0 + 3000), undone: [b] };
    const answeredThere = progress([a, b, c], T0 + 4000); // answered c before hearing of the undo
    const merged = mergeProgress(undoneHere, answeredThere);
    assert.deepEqual(merged.progress.reviews, [a, c]);
    assert.deepEqual(merged.progress.undone, [b]);
    assert.equal(merged.progress.updatedAt, T0 + 4000);
    assert.equal(merged.needsRebuild, true);
    assert.ok(merged.changedHere && merged.changedThere);
  });

  test('undone lists are united even when the reviews agree', () => {
    const here: QuestionProgress = { ...progress([a], T0 + 3000), undone: [b] };
    const there: QuestionProgress = { ...progress([a], T0 + 1000), undone: [c] };
    const merged = mergeProgress(here, there);
    assert.deepEqual(merged.progress.undone, [b, c]);
    assert.deepEqual(merged.progress.reviews, [a]);
    assert.equal(merged.needsRebuild, false, 'no review changed');
    assert.ok(merged.changedHere && merged.changedThere);
  });

  test('a united log longer than MAX_REVIEWS keeps the newest and the newer memory state', () => {
    const many = (from: number) => Array.from({ length: MAX_REVIEWS }, (_, i): Review => ({ at: from + i * 2, grade: 'good' }));
    const newer = progress(many(T0), T0 + 10_000, { ...MEMORY, reps: 200 });
    const merged = mergeProgress(newer, progress(many(T0 + 1), T0));
    assert.equal(merged.progress.reviews.length, MAX_REVIEWS);
    assert.equal(merged.progress.reviews.at(-1)!.at, T0 + 1 + (MAX_REVIEWS - 1) * 2);
    assert.equal(merged.needsRebuild, false);
    assert.equal(merged.progress.memory, newer.memory);
  });
});

describe('parseExport', () => {
  const file = { format: 'quiz-progress/1', progressKey: 'default', exportedAt: T0, questions: [progress([{ at: T0, grade: 'good' }], T0)] };

  test('reads an export object or its JSON text', () => {
    assert.deepEqual(parseExport(file), file);
    assert.deepEqual(parseExport(JSON.stringify(file)), file);
  });

  const bad: [string, unknown, ProgressFileProblem, string][] = [
    ['not JSON', '{"format":', 'not-json', 'Not a progress file: the JSON cannot be read'],
    ['another format', { ...file, format: 'anki' }, 'not-progress', 'Not a valid progress file: format: expected "quiz-progress/1" (is this a quiz-elements progress export?).'],
    ['a newer format', { ...file, format: 'quiz-progress/2' }, 'newer-format', 'Not a valid progress file: format: "quiz-progress/2" is a newer progress format'],
    ['no questions', { ...file, questions: undefined }, 'invalid', 'Not a valid progress file: questions: expected an array.'],
    ['a bad due date', { ...file, questions: [{ ...file.questions[0], memory: { ...MEMORY, due: 'soon' } }] }, 'invalid', 'Not a valid progress file: questions[0].memory.due: expected a finite number.'],
    ['no bank id', { ...file, questions: [{ ...file.questions[0], bankId: '' }] }, 'invalid', 'Not a valid progress file: questions[0].bankId: expected a non-empty string.'],
    ['a bank', { id: 'b', title: 'A bank', questions: [] }, 'not-progress', 'Not a valid progress file: format:'],
    ['an array', [], 'not-progress', 'Not a valid progress file: file: expected an object.'],
  ];
  for (const [name, value, problem, message] of bad) {
    test(`says what is wrong: ${name}`, () => {
      assert.throws(
        () => parseExport(value),
        (error: unknown) =>
          (error instanceof ProgressFileError && error.problem === problem && error.message.startsWith(message)) || assert.fail(String(error)),
      );
    });
  }
});
