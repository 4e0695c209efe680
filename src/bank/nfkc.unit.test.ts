import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_CONTINUING_RUN, nfkc } from './nfkc.js';

describe('nfkc', () => {
  it('is NFKC on text without long runs of combining marks', () => {
    for (const text of ['', 'ＧＰＵ １２：', 'e\u0301', 'Ⅻ ﬁ ㍿', '过拟合', '\u1100\u1161\u11a8', 'ｶﾞ', 'a\u0336\u0310\u0351b', '\u0301 leading mark']) {
      assert.equal(nfkc(text), text.normalize('NFKC'), JSON.stringify(text));
    }
  });

  it('keeps the first 30 marks of a longer run, each run on its own', () => {
    const run = (n: number) => '\u0301'.repeat(n);
    assert.equal(nfkc(`a${run(MAX_CONTINUING_RUN)}`), `a${run(MAX_CONTINUING_RUN)}`.normalize('NFKC'));
    assert.equal(nfkc(`a${run(100)}b${run(31)}c${run(3)}`), `a${run(30)}b${run(30)}c${run(3)}`.normalize('NFKC'));
    assert.equal(nfkc(run(50)), run(30).normalize('NFKC'));
  });

  it('cuts 60,000 marks on one letter to 30 before normalizing (NFKC on the whole run takes about 6 s in Node)', () => {
    const text = `Z${'\u0336\u0310\u0351'.repeat(20_000)}`;
    const form = nfkc(text);
    assert.equal(form.length, 31);
    assert.equal(form, text.slice(0, 31).normalize('NFKC'));
  });
});
