import assert from 'node:assert/strict';
import { describe, it, it as test } from 'node:test';
import type { Bank, Question } from '../bank/types.js';
import { PracticeSession, seededRandom, selectQuestions } from './practice-set.js';

const q = (id: string, extra: Partial<Question> = {}): Question => ({
  id, kind: 'concept', title: `Title ${id}`, prompt: `Prompt ${id}`, answer: `Answer ${id}`, topics: ['t1'], ...extra,
});
const choice = (id: string, correct: number[], n = 3): Question =>
  q(id, { choices: Array.from({ length: n }, (_, i) => ({ text: `c${i}`, correct: correct.includes(i) })) });

const bank: Bank = {
  format: 'quiz-bank/1', id: 'b', title: 'B', language: 'en',
  topics: [{ id: 't1', title: 'T1' }, { id: 't2', title: 'T2' }],
  questions: [
    q('a'), q('b', { topics: ['t2'] }), q('c', { kind: 'coding', topics: ['t1', 't2'] }),
    q('a2', { title: 'Title a？' }), ...Array.from({ length: 12 }, (_, i) => q(`n${i}`)),
  ],
};

describe('selectQuestions', () => {
  it('asks one question per title, default 10', () => {
    const ids = selectQuestions(bank).map((x) => x.id);
    assert.equal(ids.length, 10);
    assert.ok(!ids.includes('a2'), 'the variant of a is not asked separately');
  });

  it('filters by topic and kind', () => {
    assert.deepEqual(selectQuestions(bank, { topics: ['t2'] }).map((x) => x.id), ['b', 'c']);
    assert.deepEqual(selectQuestions(bank, { kind: 'coding' }).map((x) => x.id), ['c']);
    assert.deepEqual(selectQuestions(bank, { topics: ['t2'], kind: 'concept' }).map((x) => x.id), ['b']);
    assert.deepEqual(selectQuestions(bank, { topics: ['nope'] }), []);
  });

  it('shuffles reproducibly with a seed, differently with another seed', () => {
    const one = selectQuestions(bank, { shuffle: true, seed: 'x', count: 0 }).map((x) => x.id);
    assert.deepEqual(selectQuestions(bank, { shuffle: true, seed: 'x', count: 0 }).map((x) => x.id), one);
    assert.notDeepEqual(selectQuestions(bank, { shuffle: true, seed: 'y', count: 0 }).map((x) => x.id), one);
    assert.equal(new Set(one).size, 15);
  });

  it('seededRandom stays in [0, 1)', () => {
    const random = seededRandom('s');
    for (let i = 0; i < 1000; i++) {
      const x = random();
      assert.ok(x >= 0 && x < 1);
    }
  });
});

describe('PracticeSession', () => {
  it('goes prompt → reveal → grade → next question, and finishes with a summary', () => {
    let clock = 1000;
    const session = new PracticeSession([q('a'), q('b')], () => clock);
    assert.equal(session.grade('good'), false, 'cannot grade before the answer is shown');
    assert.equal(session.reveal(), true);
    assert.equal(session.grade('good'), true);
    assert.equal(session.index, 1);
    session.reveal();
    clock = 61_000;
    session.grade('again');
    assert.equal(session.complete, true);
    assert.deepEqual(session.summary(), { total: 2, grades: { again: 1, hard: 0, good: 1, easy: 0 }, right: 0, partial: 0, wrong: 0, score: 0, durationMs: 60_000, missed: ['b'] });
  });

  it('undo takes back the last grade and returns to that question', () => {
    const session = new PracticeSession([q('a'), q('b')]);
    session.reveal();
    session.grade('hard');
    assert.equal(session.undo(), true);
    assert.equal(session.index, 0);
    assert.equal(session.state!.grade, undefined);
    assert.equal(session.state!.revealed, true);
    assert.equal(session.undo(), false);
  });

  it('undo after the last grade leaves the summary', () => {
    const session = new PracticeSession([q('a')]);
    session.reveal();
    session.grade('easy');
    assert.equal(session.complete, true);
    session.undo();
    assert.equal(session.complete, false);
  });

  it('single choice keeps one selection; multiple toggles; check scores exactly-right selections', () => {
    const session = new PracticeSession([choice('s', [1]), choice('m', [0, 2])]);
    session.select(0);
    session.select(1);
    assert.deepEqual(session.state!.selected, [1]);
    assert.equal(session.check(), true);
    session.advance();
    session.select(0);
    session.select(1);
    session.select(1);
    assert.deepEqual(session.state!.selected, [0]);
    assert.equal(session.check(), false, 'missing one correct choice is wrong');
    assert.equal(session.complete, true);
    assert.deepEqual(session.summary().missed, ['m']);
    assert.deepEqual([session.summary().right, session.summary().wrong], [1, 1]);
  });

  it('does not check without a selection, nor twice', () => {
    const session = new PracticeSession([choice('s', [0])]);
    assert.equal(session.check(), null);
    session.select(0);
    assert.equal(session.check(), true);
    assert.equal(session.check(), null);
    session.select(1);
    assert.deepEqual(session.state!.selected, [0], 'selection is frozen after checking');
  });

  it('after grading the last question, returns to a skipped one before finishing', () => {
    const session = new PracticeSession([q('a'), q('b'), q('c')]);
    session.goTo(2);
    session.reveal();
    session.grade('good');
    assert.equal(session.complete, false);
    assert.equal(session.index, 0);
  });
});

describe('PracticeSession: typed questions', () => {
  const typed = (id: string): Question => ({ id, kind: 'concept', type: 'fill-in', title: id, prompt: '___', answer: 'x', topics: ['t'], blanks: [{ accept: ['x'] }] });

  test('a response is kept until the check, which scores it; undo brings the response and the question back', () => {
    const session = new PracticeSession([typed('a'), typed('b'), typed('c')], () => 0);
    session.respond(['y']);
    assert.equal(session.submit({ score: 0.5, correct: false }), 'checked');
    assert.equal(session.submit({ score: 1, correct: true }), null, 'checked once');
    session.respond(['changed']);
    assert.deepEqual(session.states[0]!.response, ['y'], 'a checked response is not changed');
    session.goTo(1);
    session.submit({ score: 1, correct: true });
    session.goTo(2);
    session.submit({ score: 0, correct: false });
    assert.equal(session.complete, true);
    assert.deepEqual([session.summary().right, session.summary().partial, session.summary().wrong], [1, 1, 1]);
    assert.deepEqual(session.summary().missed, ['a', 'c']);
    assert.equal(session.undo(), true);
    assert.equal(session.index, 2);
    assert.equal(session.states[2]!.checked, false);
    assert.equal(session.complete, false);
    session.goTo(0);
    session.undo();
    session.undo();
    assert.deepEqual(session.states[0], { hintShown: false, revealed: false, attempt: '', selected: [], checked: false, variant: 0, response: ['y'] });
  });
});

describe('PracticeSession: attempts and exams', () => {
  const choice = (id: string): Question => ({ id, kind: 'concept', title: id, prompt: '?', answer: 'a', topics: ['t'], choices: [{ text: 'a', correct: true }, { text: 'b', correct: false }] });

  test('max attempts: a wrong check before the last is tried again, unrecorded in history; the last one is final', () => {
    const session = new PracticeSession([choice('a')], () => 0, { maxAttempts: 3 });
    assert.equal(session.attemptsLeft, 2);
    assert.equal(session.submit({ score: 0, correct: false }), 'retry');
    assert.equal(session.attemptsLeft, 1);
    assert.equal(session.submit({ score: 0, correct: false }), 'retry');
    assert.equal(session.canUndo, false, 'a try is not a step to undo');
    assert.equal(session.submit({ score: 0, correct: false }), 'checked');
    assert.equal(session.complete, true);
    const right = new PracticeSession([choice('a')], () => 0, { maxAttempts: 3 });
    assert.equal(right.submit({ score: 1, correct: true }), 'checked', 'a right answer is final at once');
  });

  test('exam: responses are kept, nothing is checked, answered questions count as done; submitAll scores them all at once', async () => {
    const { submitAll } = await import('./exam.js');
    const session = new PracticeSession([choice('a'), choice('b'), { ...choice('c'), choices: undefined }], () => 5, { exam: true });
    session.select(0);
    assert.equal(session.submit({ score: 1, correct: true }), null, 'no checking in an exam');
    assert.equal(session.doneCount, 1, 'answered');
    const scored = submitAll(session, (question, state) => (question.choices ? { score: state.selected.includes(0) ? 1 : 0, correct: state.selected.includes(0) } : null));
    assert.deepEqual(scored, [0, 1]);
    assert.equal(session.complete, true);
    assert.equal(session.states[2]!.revealed, true, 'the open question shows its answer');
    assert.deepEqual([session.summary().right, session.summary().wrong, session.summary().score], [1, 1, 0.5]);
    assert.deepEqual(submitAll(session, () => ({ score: 1, correct: true })), [], 'submitted once');
    session.select(1);
    assert.deepEqual(session.states[0]!.selected, [0], 'answers are fixed after submission');
  });
});

describe('PracticeSession: phase', () => {
  const choiceQ = (id: string): Question => ({ id, kind: 'concept', title: id, prompt: '?', answer: 'a', topics: ['t'], choices: [{ text: 'a', correct: true }, { text: 'b', correct: false }] });

  test('one explicit phase: empty, asking, finished; an exam goes on to reviewing and back to its results', async () => {
    const { submitAll } = await import('./exam.js');
    assert.equal(new PracticeSession([]).phase, 'empty');
    const practice = new PracticeSession([choiceQ('a')], () => 0);
    assert.equal(practice.phase, 'asking');
    assert.equal(practice.reviewAnswers(), false, 'nothing to review before the end');
    practice.select(0);
    practice.submit({ score: 1, correct: true });
    assert.equal(practice.phase, 'finished');
    assert.equal(practice.reviewAnswers(), false, 'a practice set has no exam review');
    const exam = new PracticeSession([choiceQ('a'), choiceQ('b')], () => 0, { exam: true });
    exam.move(1);
    submitAll(exam, () => ({ score: 0, correct: false }));
    assert.equal(exam.phase, 'finished');
    assert.equal(exam.move(-1), false, 'no moving on the results');
    assert.equal(exam.reviewAnswers(), true);
    assert.deepEqual([exam.phase, exam.index], ['reviewing', 0]);
    assert.equal(exam.move(1), true);
    assert.equal(exam.move(1), false, 'no question after the last');
    assert.equal(exam.showResults(), true);
    assert.equal(exam.phase, 'finished');
    assert.equal(exam.showResults(), false);
  });

  test('a wrong try with attempts left asks to try again until the answer changes, the learner moves, or the check is undone', () => {
    const session = new PracticeSession([choiceQ('a'), choiceQ('b')], () => 0, { maxAttempts: 3 });
    session.select(1);
    assert.equal(session.submit({ score: 0, correct: false }), 'retry');
    assert.equal(session.state!.tryAgain, true);
    session.select(0);
    assert.equal(session.state!.tryAgain, undefined, 'a new choice');
    session.submit({ score: 0, correct: false });
    session.respond('x');
    assert.equal(session.state!.tryAgain, undefined, 'a new response');
    session.submit({ score: 0, correct: false });
    session.move(1);
    session.move(-1);
    assert.equal(session.state!.tryAgain, undefined, 'moved away and back');
  });

  test('the question a grade moves on to, or an undo returns to, never shows a stale try-again', () => {
    const open: Question = { id: 'o', kind: 'concept', title: 'o', prompt: '?', answer: 'a', topics: ['t'] };
    const session = new PracticeSession([choiceQ('a'), open], () => 0, { maxAttempts: 3 });
    session.select(1);
    assert.equal(session.submit({ score: 0, correct: false }), 'retry');
    session.goTo(1);
    session.reveal();
    session.grade('good'); // moves on to the question left undone: the choice
    assert.equal(session.index, 0);
    assert.equal(session.state!.tryAgain, undefined);
    session.select(1);
    assert.equal(session.submit({ score: 0, correct: false }), 'retry');
    assert.equal(session.undo(), true); // back to the open question's grade: the choice's try-again is over too
    assert.equal(session.index, 1);
    assert.equal(session.states[0]!.tryAgain, undefined);
  });
});

describe('PracticeSession: variants and typed attempts', () => {
  const q = (id: string): Question => ({ id, kind: 'concept', title: id, prompt: '?', answer: 'a', topics: ['t'] });

  test('showVariant switches once, and drops an unchecked response (a variant may be asked another way)', () => {
    const session = new PracticeSession([q('a')], () => 0);
    session.respond(['x']);
    assert.equal(session.showVariant(0), false, 'already shown');
    assert.equal(session.showVariant(1), true);
    assert.equal(session.states[0]!.variant, 1);
    assert.equal(session.states[0]!.response, undefined);
  });

  test('type keeps the attempt until the answer is revealed', () => {
    const session = new PracticeSession([q('a')], () => 0);
    session.type('my try');
    session.reveal();
    session.type('changed after');
    assert.equal(session.states[0]!.attempt, 'my try');
  });
});

