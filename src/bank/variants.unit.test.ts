import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeTitle } from './variants.js';

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
