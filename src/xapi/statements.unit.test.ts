import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import validatorModule from '@learninglocker/xapi-validation';
import type { Question } from '../bank/types.js';
import { reportChoice } from '../interactions/choice/choice.js';
import { reportFillIn } from '../interactions/fill-in/fill-in.js';
import { reportMatching } from '../interactions/matching/matching.js';
import { reportNumeric } from '../interactions/numeric/numeric.js';
import { reportOrdering } from '../interactions/ordering/ordering.js';
import { reportTrueFalse } from '../interactions/true-false/true-false.js';
import type { PracticeSummary } from '../practice/practice-set.js';
import { answeredStatement, bankIri, completedStatements, gradedStatement, isoDuration, questionIri, revealedStatement, type StatementContext, type XapiStatement } from './statements.js';

// The package is CommonJS: its default export is the validating function.
const validateStatement = ((validatorModule as unknown as { default?: unknown }).default ?? validatorModule) as (data: unknown) => { name: string; path: string[] }[];
const problems = (statement: unknown) => validateStatement(statement).map((w) => `${w.name} at ${w.path.join('.')}`);

const context: StatementContext = {
  actor: { objectType: 'Agent', name: 'Learner', account: { homePage: 'https://lms.example.org', name: 'learner-42' } },
  bankIri: bankIri('ml-basics', 'https://courses.example.org/banks/ml.json?v=3#top'),
  bankTitle: 'ML basics',
  bankLanguage: 'en',
  language: 'en-GB',
  registration: '5c2b1a3e-8f7d-4e1b-9a0c-2d4e6f8a0b1c',
};
let n = 0;
const stamp = () => ({ id: `6f9619ff-8b86-4011-b42d-00c04fc964${String(++n).padStart(2, '0')}`, at: Date.UTC(2026, 11, 6, 10, 0, n) });
const q = (over: Partial<Question> & Pick<Question, 'id'>): Question => ({ kind: 'concept', title: over.id, prompt: '**Which** one?', answer: 'A.', topics: ['t'], ...over });

const typed: [string, Question, ReturnType<typeof reportChoice>][] = (() => {
  const choice = q({ id: 'choice', choices: [{ text: 'Precision', correct: true }, { text: 'Learning rate', correct: false }] });
  const tf = q({ id: 'tf', type: 'true-false', isTrue: true });
  const fill = q({ id: 'fill', type: 'fill-in', prompt: 'France: ___, Italy: ___.', blanks: [{ accept: ['Paris'] }, { accept: ['Rome', 'Roma'] }] });
  const numeric = q({ id: 'num', type: 'numeric', numeric: { value: 9.81, tolerance: 0.05, unit: 'm/s²' } });
  const ordering = q({ id: 'order', type: 'ordering', items: ['tokenize', 'embed', 'attend'] });
  const matching = q({ id: 'match', type: 'matching', pairs: [{ left: 'BERT', right: 'Google' }, { left: 'LLaMA', right: 'Meta' }], distractors: ['IBM'] });
  return [
    ['choice', choice, reportChoice(choice, [0])],
    ['true-false', tf, reportTrueFalse(tf, false)],
    ['fill-in', fill, reportFillIn(fill, ['Paris', 'roma'])],
    ['numeric', numeric, reportNumeric(numeric, '9,8')],
    ['sequencing', ordering, reportOrdering(ordering, [1, 0, 2])],
    ['matching', matching, reportMatching(matching, [0, 2])],
  ];
})();

describe('xAPI statements', () => {
  it('the validator is strict enough to catch a broken statement (so the checks below can fail)', () => {
    const [, question, report] = typed[0]!;
    const good = answeredStatement(context, stamp(), question, report, { score: 1, correct: true });
    assert.deepEqual(problems(good), []);
    assert.notDeepEqual(problems({ ...good, actor: {} }), [], 'an actor without an identifier');
    assert.notDeepEqual(problems({ ...good, result: { score: { scaled: 2 } } }), [], 'a scaled score over 1');
  });

  for (const [interactionType, question, report] of typed) {
    it(`answered, ${interactionType}: a valid statement with the interaction definition, success, score and response`, () => {
      const statement = answeredStatement(context, stamp(), question, report, { score: 0.5, correct: false });
      assert.deepEqual(problems(statement), []);
      assert.equal(statement.object.definition?.interactionType, interactionType);
      assert.deepEqual(statement.object.definition?.correctResponsesPattern, report.correctResponsesPattern);
      assert.equal(statement.result?.response, report.response);
      assert.deepEqual([statement.result?.success, statement.result?.score?.scaled], [false, 0.5]);
      assert.equal(statement.object.id, `https://courses.example.org/banks/ml.json#${question.id}`);
      assert.deepEqual(statement.context.contextActivities?.parent?.map((a) => a.id), ['https://courses.example.org/banks/ml.json']);
      assert.equal(statement.context.registration, context.registration);
      assert.equal(statement.context.language, 'en-GB');
    });
  }

  it('flashcards: the answer shown is experienced; a self-grade is answered, the grade as response and extension, no success', () => {
    const card = q({ id: 'open', title: 'What is overfitting?' });
    const revealed = revealedStatement(context, stamp(), card);
    const graded = gradedStatement(context, stamp(), card, 'hard');
    assert.deepEqual([...problems(revealed), ...problems(graded)], []);
    assert.equal(revealed.verb.id, 'http://adlnet.gov/expapi/verbs/experienced');
    assert.equal(graded.result?.response, 'hard');
    assert.equal(graded.result?.success, undefined);
    assert.equal(graded.object.definition?.interactionType, undefined);
  });

  const summary: PracticeSummary = { total: 4, grades: { again: 0, hard: 1, good: 0, easy: 0 }, right: 2, partial: 0, wrong: 1, score: 2 / 3, durationMs: 65_250, missed: ['x'] };

  it('a finished set: completed with score and duration; with a pass mark, passed or failed as a second statement', () => {
    const [completed] = completedStatements(context, [stamp(), stamp()], summary);
    assert.deepEqual(problems(completed), []);
    assert.equal(completed!.object.id, 'https://courses.example.org/banks/ml.json');
    assert.deepEqual(completed!.result, { completion: true, duration: 'PT1M5.25S', score: { scaled: 0.6667 } });
    const [, passed] = completedStatements(context, [stamp(), stamp()], summary, 67);
    const [, failed] = completedStatements(context, [stamp(), stamp()], summary, 70);
    assert.deepEqual([...problems(passed), ...problems(failed)], []);
    assert.deepEqual([passed!.verb.id, passed!.result?.success], ['http://adlnet.gov/expapi/verbs/passed', true]);
    assert.deepEqual([failed!.verb.id, failed!.result?.success], ['http://adlnet.gov/expapi/verbs/failed', false]);
  });

  it('stable IRIs: a bank from a URL is that URL, any other bank a URN of its id; a question adds #id', () => {
    assert.equal(bankIri('ml', 'https://x.example/b.json?cache=1#frag'), 'https://x.example/b.json');
    assert.equal(bankIri('llm-fundamentals'), 'urn:quiz-elements:bank:llm-fundamentals');
    assert.equal(bankIri('ml', 'data:application/json,{}'), 'urn:quiz-elements:bank:ml');
    assert.equal(questionIri('urn:quiz-elements:bank:b', 'q 1/é'), 'urn:quiz-elements:bank:b#q%201%2F%C3%A9');
    const statement = gradedStatement({ ...context, bankIri: bankIri('中文 题库') }, stamp(), q({ id: '题目-1' }), 'good');
    assert.deepEqual(problems(statement), []);
  });

  it('carries no personal data beyond the actor: no response text of flashcards, no attempt, no storage keys', () => {
    const card = q({ id: 'open' });
    const statements: XapiStatement[] = [revealedStatement(context, stamp(), card), gradedStatement(context, stamp(), card, 'good')];
    const text = JSON.stringify(statements);
    assert.doesNotMatch(text, /attempt|progress|localStorage/i);
    const allowed = new Set(['actor', 'context', 'id', 'object', 'result', 'timestamp', 'verb']);
    for (const statement of statements) {
      assert.deepEqual(Object.keys(statement).filter((key) => !allowed.has(key)), [], 'no field beyond these');
      assert.equal(statement.actor, context.actor, 'the configured actor, nothing added');
      assert.deepEqual(Object.keys(statement.context).sort(), ['contextActivities', 'language', 'registration']);
    }
  });

  it('Chinese banks: names in the bank language, plain text from markdown, long prompts cut', () => {
    const zh = { ...context, bankLanguage: 'zh-CN', bankTitle: '大模型基础' };
    const statement = revealedStatement(zh, stamp(), q({ id: 'zh', title: '什么是**注意力**？', prompt: `${'很长的题目。'.repeat(400)}` }));
    assert.deepEqual(problems(statement), []);
    assert.equal(statement.object.definition?.name?.['zh-CN'], '什么是注意力？');
    assert.equal(statement.object.definition!.description!['zh-CN']!.length, 1000);
  });

  it('durations in ISO 8601', () => {
    assert.deepEqual([0, 999, 61_000, 3_600_000, 3_725_500].map(isoDuration), ['PT0S', 'PT1S', 'PT1M1S', 'PT1H', 'PT1H2M5.5S']);
  });
});
