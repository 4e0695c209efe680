import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import type { Bank, Catalog, Question } from '../bank/types.js';
import { normalizeTitle } from '../bank/variants.js';
import { mulberry32 } from '../practice/practice-set.js';
import { keyHash, titleHash } from './title-key.js';
import { COMMON_ONLY, foldCommon } from './common-text.js';
import { createQuestionIndex, highlightRanges, parseQuery, questionsOf, searchForm, type IndexedQuestion, type SearchFilters, type SearchResult } from './index.js';

const BANKS_DIR = new URL('../../data/banks/', import.meta.url);
const catalog = JSON.parse(readFileSync(new URL('index.json', BANKS_DIR), 'utf8')) as Catalog;
const banks = catalog.banks.map((entry) => JSON.parse(readFileSync(new URL(entry.src, BANKS_DIR), 'utf8')) as Bank);
const entries = questionsOf(banks);
const index = createQuestionIndex(entries);

const idOf = ({ bankId, question }: IndexedQuestion) => `${bankId}/${question.id}`;
const fieldsOf = (q: Question) => [q.title, q.prompt, q.answer, q.explanation ?? '', q.example ?? ''];

/** The questions the result lists, over all rows. */
function found(result: SearchResult): Set<string> {
  return new Set([...result.groups].flatMap((group) => group.members.map(idOf)));
}

/**
 * Computed without the index: every whitespace-separated word, lower-cased, somewhere in the
 * joined fields. With `nfkc`, text and words are NFKC-normalized first (full-width `？` is `?`).
 */
function expected(query: string, keep: (entry: IndexedQuestion) => boolean = () => true, nfkc = true): Set<string> {
  const fold = (text: string) => (nfkc ? text.normalize('NFKC') : text).toLowerCase();
  const words = fold(query).split(/\s+/).filter(Boolean);
  return new Set(
    entries
      .filter(keep)
      .filter(({ question }) => {
        const text = fold(fieldsOf(question).join('\n'));
        return words.every((word) => text.includes(word));
      })
      .map(idOf),
  );
}

function question(id: string, title: string, fields: Partial<Question> = {}): Question {
  return { id, kind: 'concept', title, prompt: title, answer: 'An answer.', topics: ['basics'], ...fields };
}

describe('search over the bundled banks', () => {
  test('the test data is what the counts below assume', () => {
    assert.equal(entries.length, 213);
    assert.deepEqual([...new Set(entries.map((e) => e.bankId))], catalog.banks.map((e) => e.id), 'questionsOf keeps bank order');
    assert.equal(index.size, 213);
  });

  for (const query of ['过拟合', '推理 优化', 'GPU', 'Transformer', 'gpu', 'transformer', '大模型', '训练 数据 GPU']) {
    test(`"${query}" finds exactly the questions whose text contains every word`, () => {
      const want = expected(query);
      assert.ok(want.size > 0, 'the bundled banks contain the words');
      assert.deepEqual(expected(query, undefined, false), want, 'plain lower-casing agrees for these words');
      const result = index.search(query);
      assert.deepEqual(found(result), want);
      assert.equal(result.questionCount, want.size);
      assert.deepEqual(result.terms, query.toLowerCase().split(' '));
    });
  }

  test('the words of a query may be in different fields of a question', () => {
    const split = entries.filter(({ question }) => {
      const fields = fieldsOf(question);
      return fields.some((f) => f.includes('推理')) && fields.some((f) => f.includes('优化')) && !fields.some((f) => f.includes('推理') && f.includes('优化'));
    });
    assert.ok(split.length > 0, 'some question has the words only in different fields');
    const result = found(index.search('推理 优化'));
    for (const entry of split) assert.ok(result.has(idOf(entry)), idOf(entry));
  });

  test('case does not matter, and the word order does not either', () => {
    assert.deepEqual(found(index.search('GPU')), found(index.search('gpu')));
    assert.deepEqual(found(index.search('TRANSFORMER')), found(index.search('Transformer')));
    assert.deepEqual(found(index.search('优化 推理')), found(index.search('推理 优化')));
  });

  test('an empty query lists every question once, 139 rows for 213 questions, in bank order', () => {
    const result = index.search('');
    assert.equal(result.questionCount, 213);
    assert.equal(result.groups.length, 139);
    assert.deepEqual(result.terms, []);
    const listed = [...result.groups].flatMap((group) => group.members.map(idOf));
    assert.equal(new Set(listed).size, 213);
    const positions = [...result.groups].map((group) => entries.indexOf(group.primary));
    assert.deepEqual(positions, [...positions].sort((a, b) => a - b), 'rows in the order of their first question');
    const titles = new Set(entries.map(({ question }) => normalizeTitle(question.title)));
    assert.equal(titles.size, 139, 'one row per normalized title');
    assert.ok([...result.groups].every((group) => group.titleMatch === false));
  });

  test('questions sharing a title across banks are one row with their variants', () => {
    const result = index.search('');
    const multi = [...result.groups].filter((group) => group.variants.length > 1);
    assert.ok(multi.length > 0);
    const acrossBanks = multi.filter((group) => new Set(group.variants.map((v) => v.bankId)).size > 1);
    assert.ok(acrossBanks.length > 0, 'some titles repeat in other banks');
    for (const group of result.groups) {
      assert.ok(group.variants.every((v) => normalizeTitle(v.question.title) === group.key));
      assert.deepEqual(group.members, group.variants, 'with no query every variant matches');
      assert.equal(group.primary, group.members[0]);
    }
    const total = [...result.groups].reduce((n, group) => n + group.variants.length, 0);
    assert.equal(total, 213);
  });

  test('variantsOf gives every question with the same title, on a fresh index too', () => {
    const fresh = createQuestionIndex(entries);
    const last = entries[entries.length - 1]!;
    const expected = entries.filter(({ question }) => normalizeTitle(question.title) === normalizeTitle(last.question.title));
    assert.deepEqual(fresh.variantsOf(expected[0]!), expected, 'asking about the first one still finds the later ones');
    assert.deepEqual(fresh.variantsOf({ bankId: 'x', question: last.question }), [], 'an entry not in the index');
  });

  test('ranking: titles with every word, then titles with some word, then the rest, each in bank order', () => {
    for (const query of ['推理 优化', '过拟合', '大模型 训练 数据', 'Transformer']) {
      const result = index.search(query);
      const words = query.toLowerCase().split(' ');
      const tierOf = (entry: IndexedQuestion) => {
        const title = entry.question.title.toLowerCase();
        const hits = words.filter((w) => title.includes(w)).length;
        return hits === words.length ? 0 : hits > 0 ? 1 : 2;
      };
      const order = [...result.groups].map((group) => [tierOf(group.primary), entries.indexOf(group.primary)] as const);
      const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
      assert.deepEqual(order, sorted, query);
      assert.ok(order.some(([tier]) => tier === 0), `${query}: some title matches`);
      for (const group of result.groups) assert.equal(group.titleMatch, tierOf(group.primary) === 0);
    }
    const first = index.search('推理 优化').groups.at(0)!;
    assert.equal(first.primary.question.title, '如何优化大模型的推理速度？');
    assert.equal(first.members.length, 6, 'six variants of that title, all matching');
  });

  test('no match, and a query of only whitespace', () => {
    const none = index.search('这个词不在题库里');
    assert.deepEqual({ ...none, groups: [...none.groups] }, { groups: [], questionCount: 0, terms: ['这个词不在题库里'], complete: true });
    const blank = index.search(' \t\u3000\n ');
    assert.equal(blank.questionCount, 213);
    assert.equal(blank.groups.length, 139);
    assert.deepEqual(blank.terms, []);
  });

  test('a very long query', () => {
    const long = index.search('模型'.repeat(50_000));
    assert.equal(long.questionCount, 0);
    const repeated = index.search('gpu '.repeat(10_000));
    assert.deepEqual(repeated.terms, ['gpu'], 'repeated words count once');
    assert.deepEqual(found(repeated), expected('gpu'));
    // Every word of a whole answer: that question (and its identical variants, if any) still matches.
    const target = entries[7]!;
    const manyWords = index.search(target.question.answer);
    assert.ok(manyWords.terms.length > 1);
    assert.ok(found(manyWords).has(idOf(target)));
    assert.deepEqual(found(manyWords), expected(target.question.answer));
  });

  test('regular expression characters are literal', () => {
    for (const query of ['C++', '(a|b)', '.*', '[', '\\', '^$', '?', '大模型.*训练']) {
      assert.deepEqual(found(index.search(query)), expected(query), query);
    }
    assert.equal(index.search('.*').questionCount, 0, '".*" does not match everything');
    assert.ok(index.search('?').questionCount > 200, 'the full-width question mark of most titles is "?" in search form');
  });
});

describe('filters', () => {
  const topicOf = (...topics: string[]) => (e: IndexedQuestion) => e.question.topics.some((t) => topics.includes(t) || topics.includes(`${e.bankId}/${t}`));

  test('a plain topic id matches that topic in every bank', () => {
    const filters: SearchFilters = { topics: new Set(['safety-privacy']) };
    const want = expected('', topicOf('safety-privacy'));
    assert.ok(want.size > 0);
    const result = index.search('', filters);
    assert.deepEqual(found(result), want);
    assert.ok(new Set([...result.groups].map((g) => g.primary.bankId)).size > 1, 'from several banks');
  });

  test('bank-id/topic-id matches only in that bank; both forms mix', () => {
    const qualified = index.search('', { topics: new Set(['llm-fundamentals/training']) });
    assert.deepEqual(found(qualified), expected('', (e) => e.bankId === 'llm-fundamentals' && e.question.topics.includes('training')));
    assert.ok(qualified.questionCount > 0);
    const mixed = new Set(['business', 'llm-fundamentals/training']);
    assert.deepEqual(found(index.search('', { topics: mixed })), expected('', topicOf(...mixed)));
  });

  test('kind and bank ids, alone and with a query and topics', () => {
    assert.deepEqual(found(index.search('', { kind: 'coding' })), expected('', (e) => e.question.kind === 'coding'));
    assert.equal(index.search('', { kind: 'coding' }).questionCount, 3);
    assert.equal(index.search('', { bankIds: new Set(['llm-startup-interview']) }).questionCount, 33);
    const filters: SearchFilters = { kind: 'concept', bankIds: new Set(['llm-business-models', 'llm-fundamentals']), topics: new Set(['training', 'inference-deployment']) };
    const keep = (e: IndexedQuestion) => e.question.kind === 'concept' && filters.bankIds!.has(e.bankId) && topicOf('training', 'inference-deployment')(e);
    for (const query of ['', 'GPU', '推理 优化']) {
      const want = expected(query, keep);
      assert.ok(want.size > 0, query);
      assert.ok(want.size < expected(query).size, `${query}: the filters remove something`);
      assert.deepEqual(found(index.search(query, filters)), want, query);
    }
  });

  test('empty sets and null do not filter; changing filters changes the answer to the same query', () => {
    assert.equal(index.search('GPU', { topics: new Set(), bankIds: null, kind: null }).questionCount, expected('GPU').size);
    const all = index.search('GPU');
    const some = index.search('GPU', { bankIds: new Set(['llm-fundamentals']) });
    assert.ok(some.questionCount < all.questionCount);
    assert.deepEqual(found(index.search('GPU')), found(all));
  });

  test('a group lists only the variants that pass the filters, but counts all of them', () => {
    const group = [...index.search('').groups].find((g) => new Set(g.variants.map((v) => v.bankId)).size > 1)!;
    const bankId = group.variants[0]!.bankId;
    const filtered = [...index.search('', { bankIds: new Set([bankId]) }).groups].find((g) => g.key === group.key)!;
    assert.ok(filtered.members.every((m) => m.bankId === bankId));
    assert.ok(filtered.members.length < filtered.variants.length);
    assert.equal(filtered.variants, group.variants);
  });
});

describe('search on hand-made questions', () => {
  const made = (questions: Question[], bankId = 'demo') => questions.map((question): IndexedQuestion => ({ bankId, question }));

  test('full-width and half-width letters and digits match each other', () => {
    const small = createQuestionIndex(
      made([
        question('a', '如何用ＧＰＵ加速推理？', { answer: '显存需要１２８ＧＢ。' }),
        question('b', 'GPU 与 CPU', { answer: 'Use 128GB.' }),
        question('c', '其他问题'),
      ]),
    );
    for (const query of ['gpu', 'ＧＰＵ', 'Gpu', '128', '１２８', '128gb']) {
      assert.deepEqual([...found(small.search(query))].sort(), ['demo/a', 'demo/b'], query);
    }
  });

  test('regular expression characters match only themselves', () => {
    const small = createQuestionIndex(made([question('a', 'C++ templates', { answer: 'Match (a|b) or .* literally.' }), question('b', 'C templates', { answer: 'a or b, anything' })]));
    for (const query of ['C++', '(a|b)', '.*', 'c++ (A|B)']) assert.deepEqual([...found(small.search(query))], ['demo/a'], query);
    assert.deepEqual([...found(small.search('c+'))], ['demo/a']);
    assert.equal(small.search('a|b').questionCount, 1);
  });

  test('İ, final sigma and combining accents', () => {
    const small = createQuestionIndex(made([question('a', 'İstanbul ΟΔΟΣ'), question('b', 'Cafe\u0301 notes'), question('c', 'café menu')]));
    assert.deepEqual([...found(small.search('istanbul'))], ['demo/a']);
    assert.deepEqual([...found(small.search('οδοσ'))], ['demo/a']);
    assert.deepEqual([...found(small.search('ΟΔΟΣ'))], ['demo/a']);
    assert.deepEqual([...found(small.search('café'))].sort(), ['demo/b', 'demo/c'], 'composed and decomposed accents match');
  });

  test('a row holds the matching variants and counts all of them; title matches rank first', () => {
    const small = createQuestionIndex([
      ...made([question('other', 'Memory', { answer: 'The GPU holds weights.' }), question('one', 'What is a GPU?', { answer: 'alpha' })], 'x'),
      ...made([question('two', 'what is a  GPU', { answer: 'beta' })], 'y'),
    ]);
    const alpha = small.search('alpha');
    assert.equal(alpha.groups.length, 1);
    assert.equal(alpha.groups.at(0)!.members.length, 1);
    assert.equal(alpha.groups.at(0)!.variants.length, 2, 'the variant in bank y counts');
    assert.equal(alpha.groups.at(0)!.titleMatch, false);
    const gpu = small.search('GPU');
    assert.deepEqual([...gpu.groups].map((g) => [g.key, g.members.length, g.titleMatch]), [
      ['what is a gpu', 2, true],
      ['memory', 1, false],
    ]);
  });

  test('rows are made when read, once each; the id of a row is the same in every answer; any variant finds its row', () => {
    const [a, b, c] = made([question('a', 'What is a GPU?'), question('b', 'Memory', { answer: 'GPU memory' }), question('c', 'what is a gpu')], 'x');
    const small = createQuestionIndex([a!, b!, c!]);
    const gpu = small.search('gpu').groups;
    assert.equal(gpu.length, 2);
    assert.equal(gpu.at(0), gpu.at(0), 'the same row object each time');
    assert.deepEqual([gpu.at(0)!.members, gpu.at(1)!.members], [[a, c], [b]]);
    assert.equal(gpu.at(2), undefined);
    assert.equal(gpu.at(-1), undefined);
    assert.equal(gpu.primary(1), b, 'the primary without the row');
    assert.deepEqual([...gpu], [gpu.at(0), gpu.at(1)]);
    const all = small.search('').groups;
    assert.equal(new Set(all.ids).size, all.length, 'ids differ between rows');
    assert.deepEqual(gpu.ids, [all.ids[all.rowOfTitle(a!)], all.ids[all.rowOfTitle(b!)]], 'and are the same for a title in every answer');
    assert.deepEqual([gpu.rowOfTitle(c!), gpu.rowOfTitle(b!), gpu.rowOfTitle({ bankId: 'x', question: question('d', 'Other') })], [0, 1, -1]);
    assert.equal(small.search('memory').groups.rowOfTitle(a!), -1, 'a question in no row of the answer');
  });

  test('a row whose variants rank differently lists its members in rank order', () => {
    // The same normalized title; only one of them holds the term "basics?" in its title.
    const [plain, asked] = made([question('plain', 'GPU basics', { answer: 'basics? yes' }), question('asked', 'GPU basics?')], 'x');
    const row = createQuestionIndex([plain!, asked!]).search('basics?').groups.at(0)!;
    assert.deepEqual(row.members, [asked, plain]);
    assert.deepEqual(row.variants, [plain, asked]);
    assert.equal(row.primary, asked);
    assert.equal(row.titleMatch, true);
  });

  test('titles are grouped by their normalized form, also when two titles hash alike by chance', () => {
    // Two different keys with the same title hash (found by trying; the hash has 30 bits).
    const seenHash = new Map<number, string>();
    let pair: [string, string] | undefined;
    for (let n = 0; !pair; n++) {
      const title = `Title ${n}`;
      const other = seenHash.get(keyHash(normalizeTitle(title)));
      if (other !== undefined) pair = [other, title];
      else seenHash.set(keyHash(normalizeTitle(title)), title);
    }
    const [a, b] = pair;
    assert.notEqual(normalizeTitle(a), normalizeTitle(b));
    assert.equal(titleHash(a), titleHash(b));
    const titles = [a, b, `${a.toUpperCase()}？`, `  ${b}.`, 'Other', a];
    const small = createQuestionIndex(made(titles.map((title, i) => question(`q${i}`, title))));
    const rows = [...small.search('').groups];
    assert.deepEqual(
      rows.map((row) => [row.key, row.variants.map((v) => v.question.id)]),
      [
        [normalizeTitle(a), ['q0', 'q2', 'q5']],
        [normalizeTitle(b), ['q1', 'q3']],
        ['other', ['q4']],
      ],
    );
    // Random titles: the same rows as grouping by normalizeTitle.
    const next = mulberry32(5);
    const pool = [...'aAbB ?.！？：ＡＢ中文', '\t', '\u3000', 'é', 'e\u0301'];
    const randomTitles = Array.from({ length: 400 }, () => Array.from({ length: 1 + Math.floor(next() * 4) }, () => pool[Math.floor(next() * pool.length)]!).join(''));
    const byKey = new Map<string, string[]>();
    randomTitles.forEach((title, i) => {
      const key = normalizeTitle(title);
      byKey.set(key, [...(byKey.get(key) ?? []), `q${i}`]);
    });
    const random = [...createQuestionIndex(made(randomTitles.map((title, i) => question(`q${i}`, title)))).search('').groups];
    assert.deepEqual(
      random.map((row) => [row.key, row.variants.map((v) => v.question.id)]),
      [...byKey],
    );
  });

  test('typing and deleting give the same answers as a fresh index', () => {
    const typed = createQuestionIndex(entries);
    const steps = ['推', '推理', '推理 ', '推理 优', '推理 优化', '推理 优', '推理', '推理优化', 'g', 'gp', 'gpu', 'gpu 训练', ''];
    const filters: (SearchFilters | undefined)[] = [undefined, { bankIds: new Set(['llm-business-models']) }];
    for (const filter of filters) {
      for (const query of steps) {
        assert.deepEqual(found(typed.search(query, filter)), found(createQuestionIndex(entries).search(query, filter)), `${query} ${filter ? 'filtered' : ''}`);
      }
    }
  });

  test('the same query and filters give the same result object', () => {
    const again = createQuestionIndex(entries);
    const first = again.search('GPU', { kind: 'concept' });
    assert.equal(again.search(' gpu ', { kind: 'concept' }), first);
    assert.notEqual(again.search('GPU'), first);
    const everything = again.search('');
    again.search('推理');
    assert.equal(again.search('  '), everything, 'clearing the field again: the same rows, not grouped anew');
  });

  test('firstRows: the first rows of the full answer at once, completed once every title is grouped', async () => {
    const fresh = createQuestionIndex(entries);
    let grouped = false;
    void fresh.grouped.then(() => (grouped = true));
    const first = fresh.search('', null, { firstRows: 40 });
    assert.equal(first.complete, false);
    const full = createQuestionIndex(entries).search('');
    assert.equal(full.complete, true);
    assert.ok(first.groups.length > 0 && first.groups.length < full.groups.length);
    assert.deepEqual(
      [...first.groups].map((group) => group.key),
      [...full.groups].slice(0, first.groups.length).map((group) => group.key),
      'the same rows in the same order as the full answer starts with',
    );
    await Promise.resolve();
    assert.equal(grouped, false, 'not grouped yet');

    const filtered = fresh.search('', { bankIds: new Set([banks[0]!.id]) }, { firstRows: 40 });
    assert.equal(filtered.complete, false);
    assert.ok([...filtered.groups].every((group) => group.members.every((member) => member.bankId === banks[0]!.id)));

    await fresh.prepare();
    assert.equal(grouped, true);
    const after = fresh.search('', null, { firstRows: 40 });
    assert.equal(after.complete, true, 'once grouped, firstRows changes nothing');
    assert.deepEqual([...after.groups].map((group) => group.key), [...full.groups].map((group) => group.key));
    assert.deepEqual(
      [...after.groups].map((group) => group.variants.length),
      [...full.groups].map((group) => group.variants.length),
    );
    assert.equal(fresh.search('过拟合', null, { firstRows: 40 }).complete, true, 'a query always gets the full answer');
  });

  test('prepare builds in slices and later searches agree; an aborted wait leaves the index usable', async () => {
    const fresh = createQuestionIndex(entries);
    const controller = new AbortController();
    const waiting = fresh.prepare({ signal: controller.signal, sliceMs: 0 });
    controller.abort('closed');
    await assert.rejects(waiting, (reason) => reason === 'closed');
    await fresh.prepare({ sliceMs: 1 });
    assert.deepEqual(found(fresh.search('推理 优化')), expected('推理 优化'));
    await assert.rejects(fresh.prepare({ signal: AbortSignal.abort() }), { name: 'AbortError' });
    assert.equal(createQuestionIndex([]).search('x').questionCount, 0);
    await createQuestionIndex([]).prepare();
  });
});

describe('text matched as written (direct) and in search form', () => {
  /** The same questions, each forced into search form: `①` (search form `1`) is not direct, and no term below holds a `1`. */
  const formed = (list: readonly IndexedQuestion[]) => list.map(({ bankId, question }) => ({ bankId, question: { ...question, example: `${question.example ?? ''}\n①` } }));
  /** Rows and members as ids, with each row's title match: everything the ranking decides. */
  const shape = (result: SearchResult) => [...result.groups].map((group) => `${group.titleMatch ? '+' : '-'}${group.members.map(idOf).join(',')}/${group.variants.length}`);
  const mixed: IndexedQuestion[] = [
    ...entries,
    ...[
      question('m1', 'İstanbul ΟΔΟΣ ＧＰＵ', { answer: 'ﬁle caching on a GPU' }),
      question('m2', 'Cafe\u0301 と ｶﾞ', { answer: '显存 ５㎏ 推理优化' }),
      question('m3', '推理优化：GPU 与 KV Cache？', { explanation: 'Transformer …', example: 'x = 5' }),
      question('m4', '推理优化：gpu 与 kv cache', { answer: 'café' }),
      // A match followed by a character that joins it under NFKC (é, 각), or after one that is not common.
      question('m5', 'cafe\u0301 가\u11A8 过\u0301', { prompt: 'é ＧＰＵ过', answer: '㊀ 过' }),
    ].map((q) => ({ bankId: 'mixed', question: q })),
  ];

  test('the same rows, members, order and title matches either way, for random queries', () => {
    const direct = createQuestionIndex(mixed);
    const reference = createQuestionIndex(formed(mixed));
    const next = mulberry32(7);
    const texts = mixed.flatMap(({ question: q }) => [q.title, q.prompt, q.answer]);
    const piece = () => {
      const text = texts[Math.floor(next() * texts.length)]!;
      const start = Math.floor(next() * text.length);
      const raw = text.slice(start, start + 1 + Math.floor(next() * 4));
      // Sometimes as typed in another case or width.
      return next() < 0.3 ? raw.toUpperCase() : next() < 0.2 ? raw.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : raw;
    };
    let nonEmpty = 0;
    for (let round = 0; round < 400; round++) {
      const query = next() < 0.7 ? piece() : `${piece()} ${piece()}`;
      if (parseQuery(query).some((term) => term.includes('1')) || parseQuery(query).length === 0) continue;
      const want = reference.search(query);
      if (want.questionCount > 0) nonEmpty++;
      assert.deepEqual(shape(direct.search(query)), shape(want), query);
      assert.equal(direct.search(query).questionCount, want.questionCount);
      // On a fresh index the texts are checked while they are searched.
      assert.deepEqual(shape(createQuestionIndex(mixed).search(query)), shape(want), `${query} (fresh)`);
    }
    assert.ok(nonEmpty > 200, `${nonEmpty} queries found something`);
    for (const query of ['istanbul', 'οδοσ', 'gpu', 'file', 'café', 'ｶﾞ', 'ガ', '5kg', '推理优化:gpu', 'kv cache', 'transformer ...', '각', '过', '一']) {
      assert.deepEqual(shape(direct.search(query)), shape(reference.search(query)), query);
      assert.deepEqual(shape(createQuestionIndex(mixed).search(query)), shape(reference.search(query)), `${query} (fresh)`);
      assert.ok(direct.search(query).questionCount > 0, query);
    }
    const m5 = (query: string) => [...createQuestionIndex(mixed).search(query).groups].some((group) => group.members.some((member) => member.question.id === 'm5'));
    assert.equal(m5('cafe'), false, 'cafe + U+0301 is café');
    assert.equal(m5('가'), false, '가 + U+11A8 is 각');
    assert.equal(m5('各'), false);
    assert.deepEqual([m5('café'), m5('각'), m5('gpu'), m5('一'), m5('过')], [true, true, true, true, true]);
  });
});

describe('searchWithin and prepared', () => {
  // More questions than a search builds whatever its budget: copies of the bundled ones.
  const many = Array.from({ length: 12 }, (_, copy) => entries.map(({ bankId, question: q }) => ({ bankId: `${bankId}-${copy}`, question: q }))).flat();

  test('within no time, a search of many questions goes a step further on each call until it answers, as search does', () => {
    const fresh = createQuestionIndex(many);
    assert.equal(fresh.prepared, false);
    assert.equal(fresh.searchWithin(0, '推理 优化'), null, 'not built yet');
    let answer = null;
    let calls = 1;
    for (; answer === null && calls < many.length; calls++) answer = fresh.searchWithin(0, '推理 优化');
    assert.ok(answer, 'each call goes on where the last one stopped, until it can answer');
    assert.ok(calls > 10, `${calls} calls`);
    assert.equal(fresh.prepared, false, 'texts read up to a match are left for prepare() to check');
    assert.deepEqual(found(answer), found(createQuestionIndex(many).search('推理 优化')));
    assert.equal(fresh.searchWithin(0, '推理 优化'), answer, 'asked again: the same answer at once');
    assert.equal(fresh.searchWithin(10_000, 'gpu'), fresh.search('gpu'), 'with time enough, the answer search gives');
  });

  test('a search left undone is resumed by search and searchInSlices; another query starts afresh', async () => {
    const fresh = createQuestionIndex(many);
    assert.equal(fresh.searchWithin(0, 'gpu'), null);
    assert.equal(fresh.searchWithin(0, 'kv'), null);
    assert.deepEqual(found(fresh.search('gpu')), found(createQuestionIndex(many).search('gpu')));
    assert.equal(fresh.searchWithin(0, 'transformer'), null);
    assert.deepEqual(found(await fresh.searchInSlices('transformer')), found(createQuestionIndex(many).search('transformer')));
  });

  test('an empty query needs the titles grouped only; firstRows answers at once', async () => {
    const fresh = createQuestionIndex(many);
    const first = fresh.searchWithin(0, '', null, { firstRows: 40 });
    assert.ok(first && !first.complete, 'no time to group every title: the first rows');
    const whole = createQuestionIndex(many).searchWithin(10_000, '', null, { firstRows: 40 });
    assert.ok(whole?.complete, 'time enough: every row, complete');
    assert.equal(whole.questionCount, many.length);
    assert.equal(fresh.searchWithin(0, ''), null);
    let empty = null;
    while (empty === null) empty = fresh.searchWithin(0, '');
    assert.equal(empty.questionCount, many.length);
    assert.equal(fresh.prepared, false, 'the texts are not checked yet');
    assert.equal(fresh.searchWithin(0, 'gpu'), null);
    await fresh.prepare();
    assert.ok(fresh.searchWithin(10_000, 'gpu'));
  });

  test('a small collection, or a long enough budget, is answered at once', async () => {
    assert.ok(createQuestionIndex(entries).searchWithin(0, '推理 优化'), '213 questions are built whatever the budget');
    assert.ok(createQuestionIndex(many).searchWithin(10_000, '推理 优化'));
  });

  test('searchInSlices gives the answer search gives, and search then returns it at once', async () => {
    const fresh = createQuestionIndex(many);
    const sliced = await fresh.searchInSlices('推理 优化', { kind: 'concept' }, { sliceMs: 1 });
    assert.equal(fresh.search('推理 优化', { kind: 'concept' }), sliced);
    assert.deepEqual(found(sliced), found(createQuestionIndex(many).search('推理 优化', { kind: 'concept' })));
    assert.deepEqual(
      [...sliced.groups].map((group) => group.key),
      [...createQuestionIndex(many).search('推理 优化', { kind: 'concept' }).groups].map((group) => group.key),
      'in the same order',
    );
    const narrower = await fresh.searchInSlices('推理 优化 gpu', null, { sliceMs: 0 });
    assert.deepEqual(found(narrower), found(createQuestionIndex(many).search('推理 优化 gpu')));
  });

  test('searchInSlices stops between slices when its signal aborts; the index stays usable', async () => {
    const fresh = createQuestionIndex(many);
    const controller = new AbortController();
    const stopped = fresh.searchInSlices('gpu', null, { sliceMs: 0, signal: controller.signal });
    controller.abort('newer keystroke');
    await assert.rejects(stopped, (reason) => reason === 'newer keystroke');
    assert.equal(fresh.prepared, false, 'stopped before building everything');
    assert.deepEqual(found(fresh.search('gpu')), found(createQuestionIndex(many).search('gpu')));
  });

  test('a longer slice asked for while preparing speeds the rest up; prepare resolves for every caller', async () => {
    const fresh = createQuestionIndex(many);
    const slow = fresh.prepare({ sliceMs: 0 });
    const fast = fresh.prepare({ sliceMs: 50 });
    await Promise.all([slow, fast]);
    assert.equal(fresh.prepared, true);
    assert.deepEqual(found(fresh.search('gpu')), found(createQuestionIndex(many).search('gpu')));
  });
});

describe('parseQuery and searchForm', () => {
  test('words split at any whitespace, in search form, without repeats', () => {
    assert.deepEqual(parseQuery('  推理\u3000优化\tGPU  推理 '), ['推理', '优化', 'gpu']);
    assert.deepEqual(parseQuery('ＧＰＵ　Ｔｒａｎｓｆｏｒｍｅｒ'), ['gpu', 'transformer']);
    assert.deepEqual(parseQuery('C++ (a|b) .*'), ['c++', '(a|b)', '.*']);
    assert.deepEqual(parseQuery(''), []);
  });

  test('search form keeps Han characters and folds width and case', () => {
    assert.equal(searchForm('大模型：ＧＰＵ（１２８）'), '大模型:gpu(128)');
    assert.equal(searchForm('İ'), 'i');
    assert.equal(searchForm('ΟΔΟΣ'), 'οδοσ');
  });
});

describe('highlightRanges', () => {
  /** The highlighted pieces of `text`. */
  const pieces = (text: string, terms: string[]) => highlightRanges(text, terms).map(([start, end]) => text.slice(start, end));

  test('ranges on the original text, every occurrence, case-insensitive', () => {
    assert.deepEqual(highlightRanges('Transformer 与 TRANSFORMER', ['transformer']), [
      [0, 11],
      [14, 25],
    ]);
    assert.deepEqual(pieces('大模型如何防止过拟合？过拟合很常见。', ['过拟合']), ['过拟合', '过拟合']);
  });

  test('full-width text', () => {
    assert.deepEqual(highlightRanges('用ＧＰＵ训练', ['gpu']), [[1, 4]]);
    assert.deepEqual(pieces('显存１２８ＧＢ，不是128GB', parseQuery('128gb')), ['１２８ＧＢ', '128GB']);
  });

  test('characters whose normal form has another length map back whole', () => {
    // 'İ' lower-cases to two code units: offsets after it must not shift.
    assert.deepEqual(highlightRanges('İİ GPU', ['gpu']), [[3, 6]]);
    assert.deepEqual(pieces('İstanbul', ['istanbul']), ['İstanbul']);
    assert.deepEqual(pieces('5㎏ of weights, 5kg', ['kg']), ['㎏', 'kg']);
    assert.deepEqual(pieces('a ㎏ b', ['k']), ['㎏'], 'part of an expanded character marks all of it');
    assert.deepEqual(pieces('ﬁne-tuning', ['fine']), ['ﬁne']);
    assert.deepEqual(pieces('𠀀𠀀 GPU', ['gpu']), ['GPU'], 'characters outside the BMP');
    assert.deepEqual(pieces('Cafe\u0301 and café', ['café']), ['Cafe\u0301', 'café'], 'decomposed and composed accents');
  });

  test('common text is searched and marked position for position: each common character folds to one code unit, as foldCommon says', () => {
    let checked = 0;
    for (let unit = 0; unit <= 0xffff; unit++) {
      const char = String.fromCharCode(unit);
      if (!COMMON_ONLY.test(char)) continue;
      checked++;
      assert.equal(searchForm(char), foldCommon(char), `U+${unit.toString(16)}`);
      assert.equal(foldCommon(char).length, 1, `U+${unit.toString(16)}`);
    }
    assert.ok(checked > 20_000, 'ASCII and the CJK ideographs are in it');
    assert.ok(!COMMON_ONLY.test('İ') && !COMMON_ONLY.test('e\u0301') && !COMMON_ONLY.test('㎏'), 'İ, combining marks and compatibility characters take the general path');
    assert.deepEqual(pieces('【GPU】显存：用 ｇｐｕ（Ｇpu）训练', ['gpu', '显存']), ['GPU', '显存', 'ｇｐｕ', 'Ｇpu']);
    // Whole texts too: no two common characters combine or change each other's case.
    const pool = [...'aZ09 _-.\t\n？，：（）ＡｚＺ０【】、。“”‘’—过拟合GPU'];
    const random = mulberry32(7);
    for (let n = 0; n < 2000; n++) {
      let text = '';
      for (let k = Math.floor(random() * 12); k >= 0; k--) text += pool[Math.floor(random() * pool.length)];
      assert.ok(COMMON_ONLY.test(text));
      assert.equal(foldCommon(text), searchForm(text), JSON.stringify(text));
    }
  });

  test('overlapping and touching ranges merge; regex characters are literal', () => {
    assert.deepEqual(highlightRanges('推理优化', ['推理', '理优']), [[0, 3]]);
    assert.deepEqual(highlightRanges('推理优化', ['推理', '优化']), [[0, 4]]);
    assert.deepEqual(highlightRanges('aaaa', ['aa']), [[0, 4]]);
    assert.deepEqual(pieces('C++ or (a|b) or .*', ['c++', '(a|b)', '.*']), ['C++', '(a|b)', '.*']);
    assert.deepEqual(highlightRanges('abc', ['.*']), []);
  });

  test('a letter with 60,000 combining marks is one piece: the search finds it and marks it whole', () => {
    const marks = '\u0336\u0310\u0351'.repeat(20_000);
    const text = `Z${marks} overfitting`;
    assert.deepEqual(highlightRanges(text, ['z']), [[0, 1 + marks.length]]);
    assert.deepEqual(pieces(text, ['overfitting']), ['overfitting']);
    const index = createQuestionIndex([{ bankId: 'b', question: { id: 'q', kind: 'concept', title: text, topics: ['t'], prompt: 'p', answer: 'a' } }]);
    assert.equal(index.search('z overfitting').questionCount, 1);
  });

  test('direct text is marked where the search form holds the terms, as text that needs the piece by piece mapping', () => {
    // `①` is not direct (its search form is `1`): with it appended, the same text takes the piece-by-piece path.
    const next = mulberry32(9);
    const texts = [...entries.flatMap(({ question: q }) => [q.title, q.prompt]), 'ＧＰＵ与GPU、Ｇｐｕ：ÀB àb', '显存１２８ＧＢ'];
    for (let round = 0; round < 300; round++) {
      const text = texts[Math.floor(next() * texts.length)]!;
      const start = Math.floor(next() * text.length);
      const terms = parseQuery(`${text.slice(start, start + 1 + Math.floor(next() * 3))} ${next() < 0.3 ? 'gpu' : ''}`).filter((term) => !term.includes('1'));
      assert.deepEqual(highlightRanges(text, terms), highlightRanges(`${text} ①`, terms), `${text} / ${terms.join(' ')}`);
    }
  });

  test('nothing to mark', () => {
    assert.deepEqual(highlightRanges('GPU', []), []);
    assert.deepEqual(highlightRanges('GPU', ['']), []);
    assert.deepEqual(highlightRanges('', ['gpu']), []);
    assert.deepEqual(highlightRanges('CPU', ['gpu']), []);
  });

  test('on the bundled banks, every marked piece is a search term in search form, and every match is marked', () => {
    const terms = parseQuery('GPU 推理 Transformer 模型');
    for (const { question } of entries) {
      for (const field of fieldsOf(question)) {
        const ranges = highlightRanges(field, terms);
        for (const [start, end] of ranges) assert.ok(terms.some((t) => searchForm(field.slice(start, end)).includes(t)), field.slice(start, end));
        const marked = ranges.reduce((n, [start, end]) => n + (end - start), 0);
        const containsAny = terms.some((t) => searchForm(field).includes(t));
        assert.equal(marked > 0, containsAny);
      }
    }
  });
});
