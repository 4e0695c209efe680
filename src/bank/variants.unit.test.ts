import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bank, Question } from './types.js';
import { normalizeTitle, variantsOf } from './variants.js';

/** The plain definition that normalizeTitle computes faster. */
function reference(title: string): string {
  return title
    .normalize('NFKC')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .replace(/[\s?.!。！？:：]+$/u, '')
    .trim();
}

describe('normalizeTitle', () => {
  it('makes titles that differ in width, case, spacing and end marks equal', () => {
    assert.equal(normalizeTitle('  什么是 ＧＰＵ 显存？'), normalizeTitle('什么是 gpu 显存'));
    assert.equal(normalizeTitle('What is  KV\tcache?'), 'what is kv cache');
    assert.equal(normalizeTitle('过拟合。'), '过拟合');
    assert.notEqual(normalizeTitle('过拟合'), normalizeTitle('欠拟合'));
  });

  it('agrees with the plain definition on awkward titles', () => {
    const titles = [
      '',
      ' ',
      '?',
      '。。。',
      'a ?',
      'a ? ',
      '  leading',
      'trailing  ',
      'mid  dle',
      'tab\there',
      'new\nline',
      'nbsp\u00a0here\u00a0',
      'ideographic\u3000space\u3000',
      'bom\ufeff',
      'ｆｕｌｌ ｗｉｄｔｈ！',
      'Ⅻ ﬁ ㍿',
      'Title: ',
      'Title：',
      '问题？！',
      'İstanbul',
      'ends with ...',
      'a\u2028b',
      '\u200bzero width',
    ];
    for (const title of titles) assert.equal(normalizeTitle(title), reference(title), JSON.stringify(title));
  });
});

describe('variantsOf', () => {
  const question = (id: string, title: string) => ({ id, title }) as Question;
  const questions = [question('a', 'What is a GPU?'), question('b', 'Overfitting'), question('c', 'what is a ＧＰＵ'), question('d', 'overfitting.')];
  const bank = { questions } as unknown as Bank;

  it('gives the questions with the same normalized title, in bank order, the asked one included', () => {
    assert.deepEqual(variantsOf(bank, questions[2]!).map((q) => q.id), ['a', 'c']);
    assert.deepEqual(variantsOf(bank, questions[1]!).map((q) => q.id), ['b', 'd']);
  });

  it('hands out copies: changing one does not change the next answer', () => {
    variantsOf(bank, questions[0]!).pop();
    assert.deepEqual(variantsOf(bank, questions[0]!).map((q) => q.id), ['a', 'c']);
  });

  it('gives the bank\'s questions with the title of a question that is not in the bank', () => {
    assert.deepEqual(variantsOf(bank, question('x', 'OVERFITTING')).map((q) => q.id), ['b', 'd']);
    assert.deepEqual(variantsOf(bank, question('y', 'elsewhere')), []);
  });

  it('normalizes the bank\'s titles once, then only the title asked about', () => {
    let reads = 0;
    const counted = Array.from({ length: 1000 }, (_, i) => {
      const q = { id: `q${i}` } as Question;
      Object.defineProperty(q, 'title', { get: () => ((reads += 1), `title ${i % 10}`) });
      return q;
    });
    const big = { questions: counted } as unknown as Bank;
    for (const q of counted.slice(0, 100)) assert.equal(variantsOf(big, q).length, 100);
    assert.equal(reads, 1000 + 100);
  });
});
