import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Question } from '../bank/types.js';
import type { QuestionProgress, QuestionStatus } from '../progress/types.js';
import { BrowseQuery, countDue, isUnfiltered, searchFiltersOf, statusesOf, withStatus, type BrowseFilter, type Statuses } from './browse-query.js';
import { createQuestionIndex, type IndexedQuestion, type SearchResult } from './question-index.js';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 11, 7);

function question(id: string, title: string, fields: Partial<Question> = {}): Question {
  return { id, kind: 'concept', title, prompt: title, answer: 'An answer.', topics: ['basics'], ...fields };
}

// Two banks; "What is a GPU?" is in both (one row with two variants).
const entries: IndexedQuestion[] = [
  { bankId: 'ml', question: question('gpu', 'What is a GPU?', { topics: ['hardware'] }) },
  { bankId: 'ml', question: question('loss', 'Cross-entropy loss', { kind: 'coding', topics: ['training'] }) },
  { bankId: 'ml', question: question('lr', 'Learning rate schedules', { topics: ['training'] }) },
  { bankId: 'llm', question: question('gpu', 'What is a GPU', { answer: 'A processor for many small sums.', topics: ['hardware'] }) },
  { bankId: 'llm', question: question('kv', 'KV cache on the GPU', { kind: 'coding', topics: ['inference'] }) },
];
const [mlGpu, mlLoss, mlLr, llmGpu, llmKv] = entries as [IndexedQuestion, IndexedQuestion, IndexedQuestion, IndexedQuestion, IndexedQuestion];

const all: BrowseFilter = { query: '', topic: [], kind: undefined, bank: undefined, status: undefined };
const filter = (parts: Partial<BrowseFilter>): BrowseFilter => ({ ...all, ...parts });
const ids = (result: SearchResult) => [...result.groups].map((group) => group.members.map((m) => `${m.bankId}/${m.question.id}`).join('+'));

function record(entry: IndexedQuestion, memory: Partial<QuestionProgress['memory']>): QuestionProgress {
  return {
    bankId: entry.bankId,
    questionId: entry.question.id,
    reviews: [{ at: NOW - DAY, grade: 'good' }],
    memory: { due: NOW + DAY, stability: 1, difficulty: 5, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 1, lastReview: NOW - DAY, ...memory },
    updatedAt: NOW - DAY,
  };
}

const byKey = new Map(entries.map((entry) => [`${entry.bankId}/${entry.question.id}`, entry]));

describe('the filter value', () => {
  test('topic, kind and bank become the index filters; unknown kinds filter nothing', () => {
    const filters = searchFiltersOf(filter({ topic: ['training', 'llm/inference'], kind: 'coding', bank: 'ml' }));
    assert.deepEqual([...filters.topics!], ['training', 'llm/inference']);
    assert.equal(filters.kind, 'coding');
    assert.deepEqual([...filters.bankIds!], ['ml']);
    assert.deepEqual(searchFiltersOf(all), { topics: null, kind: null, bankIds: null });
    assert.equal(searchFiltersOf(filter({ kind: 'essay' as never })).kind, null);
  });

  test('unfiltered means no words, topics, kind, bank or status', () => {
    assert.equal(isUnfiltered(all), true);
    assert.equal(isUnfiltered(filter({ query: '  \u3000' })), true, 'only spaces');
    for (const parts of [{ query: 'gpu' }, { topic: ['basics'] }, { kind: 'coding' as const }, { bank: 'ml' }, { status: 'due' as const }]) {
      assert.equal(isUnfiltered(filter(parts)), false, JSON.stringify(parts));
    }
  });
});

describe('statuses and due counts', () => {
  const records = [
    record(mlGpu, { due: NOW - 1 }), // due
    record(llmKv, { due: NOW - DAY }), // due
    record(mlLoss, { due: NOW + 3 * DAY }), // learning
    record(mlLr, { due: NOW + 40 * DAY, state: 2, scheduledDays: 30 }), // mastered
    { ...record(mlGpu, {}), bankId: 'gone', questionId: 'nowhere' }, // not in these banks
  ];
  const { statuses, nextChange } = statusesOf(records, byKey, NOW);

  test('statusesOf: the status of each question with a record, and when the next one changes by itself', () => {
    assert.ok(statuses);
    const named = [...statuses].map(([entry, status]) => `${entry.bankId}/${entry.question.id}=${status}`).sort();
    assert.deepEqual(named, ['llm/kv=due', 'ml/gpu=due', 'ml/loss=learning', 'ml/lr=mastered']);
    assert.equal(nextChange, NOW + 3 * DAY, 'the learning question falls due first');
    assert.deepEqual(statusesOf([], byKey, NOW), { statuses: null, nextChange: null });
    assert.deepEqual(statusesOf([records[4]!], byKey, NOW), { statuses: null, nextChange: null }, 'records of other banks do not count');
  });

  test('countDue counts due questions under topic, kind and bank, whatever the query and status filter', () => {
    assert.equal(countDue(statuses, all), 2);
    assert.equal(countDue(statuses, filter({ query: 'no such words', status: 'mastered' })), 2);
    assert.equal(countDue(statuses, filter({ kind: 'coding' })), 1);
    assert.equal(countDue(statuses, filter({ bank: 'ml' })), 1);
    assert.equal(countDue(statuses, filter({ topic: ['hardware'] })), 1);
    assert.equal(countDue(statuses, filter({ topic: ['inference'] })), 1);
    assert.equal(countDue(statuses, filter({ topic: ['llm/hardware'] })), 0, 'a bank-qualified topic counts in that bank only');
    assert.equal(countDue(statuses, filter({ topic: ['ml/hardware', 'inference'] })), 2);
    assert.equal(countDue(null, all), 0);
  });

  test('withStatus keeps the rows with a question of the status, narrowed to those questions', () => {
    const index = createQuestionIndex(entries);
    const result = index.search('gpu');
    assert.deepEqual(ids(result), ['ml/gpu+llm/gpu', 'llm/kv']);
    const due = withStatus(result, 'due', statuses);
    assert.deepEqual(ids(due), ['ml/gpu', 'llm/kv']);
    assert.equal(due.questionCount, 2);
    assert.equal(due.groups.at(0)!.primary, mlGpu, 'the row opens its due question');
    assert.equal(due.groups.at(0)!.variants.length, 2, 'and still counts every variant');
    const fresh = withStatus(result, 'new', statuses);
    assert.deepEqual(ids(fresh), ['llm/gpu'], 'questions without a record are new');
    assert.equal(fresh.groups.at(0)!.primary, llmGpu);
    assert.deepEqual(ids(withStatus(result, 'new', null)), ids(result), 'without records every question is new');
    assert.equal(withStatus(result, 'mastered', statuses).groups.length, 0);
    assert.deepEqual(result.terms, due.terms);
  });
});

describe('BrowseQuery', () => {
  test('searches with the filter value, as the index does with the same filters', () => {
    const browse = new BrowseQuery(createQuestionIndex(entries));
    assert.deepEqual(ids(browse.search(filter({ query: 'gpu' }))!), ['ml/gpu+llm/gpu', 'llm/kv']);
    assert.deepEqual(ids(browse.search(filter({ query: 'gpu', kind: 'coding' }))!), ['llm/kv']);
    assert.deepEqual(ids(browse.search(filter({ query: 'gpu', bank: 'ml' }))!), ['ml/gpu']);
    assert.deepEqual(ids(browse.search(filter({ topic: ['training'] }))!), ['ml/loss', 'ml/lr']);
    assert.deepEqual(ids(browse.search(filter({ query: 'gpu', status: 'due' }))!), ['ml/gpu+llm/gpu', 'llm/kv'], 'the status filter is not part of the search');
  });

  test('shown and dueCount give the same object and count again until something they depend on changes', () => {
    const browse = new BrowseQuery(createQuestionIndex(entries));
    const statuses: Statuses = new Map<IndexedQuestion, QuestionStatus>([[llmGpu, 'due']]);
    const result = browse.search(filter({ query: 'gpu' }))!;
    assert.equal(browse.shown(result, undefined, statuses), result, 'no status filter: the result itself');
    const due = browse.shown(result, 'due', statuses);
    assert.deepEqual(ids(due), ['llm/gpu']);
    assert.equal(browse.shown(result, 'due', statuses), due);
    const later: Statuses = new Map<IndexedQuestion, QuestionStatus>([[llmGpu, 'learning']]);
    assert.deepEqual(ids(browse.shown(result, 'due', later)), [], 'new statuses, new answer');
    assert.equal(browse.dueCount(all, statuses), 1);
    assert.equal(browse.dueCount(filter({ bank: 'ml' }), statuses), 0);
    assert.equal(browse.dueCount(all, later), 0);
  });

  test('with a budget, a large unprepared index answers later: null now, then searchLater makes the answer ready', async () => {
    const many = Array.from({ length: 500 }, (_, copy) => entries.map(({ bankId, question: q }) => ({ bankId: `${bankId}-${copy}`, question: q }))).flat();
    const index = createQuestionIndex(many);
    const browse = new BrowseQuery(index);
    const gpu = filter({ query: 'gpu' });
    assert.equal(browse.search(gpu, { budgetMs: 0 }), null);
    const first = browse.searchLater(gpu, 5);
    assert.equal(browse.searchLater(filter({ query: 'gpu', status: 'due' }), 5), first, 'the same search (the status filter comes after it) is joined');
    assert.equal(await first, true);
    const answer = browse.search(gpu, { budgetMs: 0 });
    assert.equal(answer?.questionCount, 3 * 500);
    assert.equal(answer, index.search('gpu'), 'the answer is the one search gives');
  });

  test('searchLater for another filter, or stop, ends the running one', async () => {
    const many = Array.from({ length: 500 }, (_, copy) => entries.map(({ bankId, question: q }) => ({ bankId: `${bankId}-${copy}`, question: q }))).flat();
    const browse = new BrowseQuery(createQuestionIndex(many));
    const gpu = browse.searchLater(filter({ query: 'gpu' }), 1);
    const kv = browse.searchLater(filter({ query: 'kv' }), 1);
    assert.equal(await gpu, false, 'replaced');
    assert.equal(await kv, true);
    assert.equal(browse.search(filter({ query: 'kv' }), { budgetMs: 0 })?.questionCount, 500);
    const fresh = new BrowseQuery(createQuestionIndex(many));
    const loss = fresh.searchLater(filter({ query: 'loss' }), 1);
    fresh.stop();
    assert.equal(await loss, false);
    const other = new BrowseQuery(createQuestionIndex(many));
    const rate = other.searchLater(filter({ query: 'rate' }), 1);
    assert.equal(other.search(filter({ query: 'cache' }))?.questionCount, 500, 'answered at once, without a budget');
    assert.equal(await rate, false, 'an answer given now stops the search for an older filter');
  });
});
