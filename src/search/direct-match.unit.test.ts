import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { mulberry32 } from '../practice/practice-set.js';
import { directMatcher, directSources, isDirect } from './direct-match.js';
import { searchForm } from './search-form.js';

const unit = (code: number) => String.fromCharCode(code);
const DIRECT_UNITS: number[] = [];
for (let code = 0; code <= 0xffff; code++) if (isDirect(unit(code))) DIRECT_UNITS.push(code);
/** The direct units outside the big blocks of ideographs and Hangul syllables, whose members all behave alike. */
const VARIED = DIRECT_UNITS.filter((code) => !(code >= 0x3400 && code <= 0x9fff) && !(code >= 0xac00 && code <= 0xd7a3));

describe('direct characters', () => {
  test('the set holds what Chinese and English questions are written with', () => {
    for (const text of ['如何用ＧＰＵ加速推理？', '显存需要１２８ＧＢ，对吗：（是）。', 'What is a KV cache? Use `cache[i] = x;`', '“引号”、‘单引号’——破折号', 'Ünïcödé café × ÷ ±', 'ひらがな カタカナ 한국어', '\t\n\r\u3000\u00A0']) {
      assert.ok(isDirect(text), text);
    }
    for (const text of ['e\u0301', 'ﬁle', 'İstanbul', 'ΟΔΟΣ', 'σ', '㎏', 'ｶﾞ', '𠀀', '\uD800', '…', '①', '\u2126']) {
      assert.ok(!isDirect(text), `${text} needs its search form`);
    }
    assert.ok(DIRECT_UNITS.length > 40_000 && VARIED.length > 1000, `${DIRECT_UNITS.length} direct units, ${VARIED.length} outside the big blocks`);
  });

  test('every direct unit has a search form of one unit, and its form lists it as a source', () => {
    for (const code of DIRECT_UNITS) {
      const form = searchForm(unit(code));
      assert.equal(form.length, 1, `U+${code.toString(16)}`);
      assert.ok(directSources(form.charCodeAt(0)).includes(code), `U+${code.toString(16)} is a source of its form`);
    }
  });

  test('every source of a unit is direct and has that unit as its search form', () => {
    let sources = 0;
    for (let code = 0; code <= 0xffff; code++) {
      for (const source of directSources(code)) {
        sources++;
        assert.ok(isDirect(unit(source)), `U+${source.toString(16)} is direct`);
        assert.equal(searchForm(unit(source)), unit(code), `U+${source.toString(16)} becomes U+${code.toString(16)}`);
      }
    }
    assert.equal(sources, DIRECT_UNITS.length, 'each direct unit is the source of exactly one form');
  });

  test('direct characters do not change their neighbours: the form of a pair is the pair of forms', () => {
    const partners = [...'aZ0 ?(ＡＺ０？（中あアàÀ×·“—→∀■가힣、。〇', unit(0x3000), unit(0xa0), unit(0x7f), unit(0x00)].map((c) => c.charCodeAt(0));
    for (const code of VARIED) {
      for (const partner of partners) {
        for (const pair of [unit(code) + unit(partner), unit(partner) + unit(code)]) {
          assert.equal(searchForm(pair), searchForm(pair[0]!) + searchForm(pair[1]!), `U+${code.toString(16)} next to U+${partner.toString(16)}`);
        }
      }
    }
    for (const code of DIRECT_UNITS) {
      const text = `a${unit(code)}中${unit(code)}가`;
      assert.equal(searchForm(text), [...text].map(searchForm).join(''), `U+${code.toString(16)}`);
    }
  });
});

describe('directMatcher', () => {
  test('finds a term where the search form of direct text has it, in any case and width', () => {
    const text = '如何用ＧＰＵ加速 Transformer 推理？显存１２８ＧＢ (C++)';
    for (const term of ['gpu', 'ｇｐｕ'.normalize('NFKC'), 'transformer', '推理?', '128gb', '(c++)', 'c++', '？'.normalize('NFKC'), 'ｇｐｕ加速'.normalize('NFKC').toLowerCase()]) {
      assert.equal(directMatcher(term).test(text), true, term);
    }
    for (const term of ['gpus', 'transformers', '推理。', '(c+', 'c++)x', 'σ']) {
      assert.equal(directMatcher(term).test(text), searchForm(text).includes(term), term);
    }
    assert.equal(directMatcher('σ').test('σ'), false, 'σ is not direct, so no direct text holds it');
  });

  test('agrees with matching in search form on random direct text', () => {
    const next = mulberry32(20261207);
    const pool = [...'aAbBcCｃＣ1１!！?？ (（)）.*+[]\\^$|中文推理优化、。“”àÀéÉß×—', '\u3000', '\u00A0', 'Ｇ', 'g', 'ｇ'];
    const pick = () => pool[Math.floor(next() * pool.length)]!;
    const text = (length: number) => Array.from({ length }, pick).join('');
    let found = 0;
    for (let round = 0; round < 3000; round++) {
      const haystack = text(5 + Math.floor(next() * 30));
      assert.ok(isDirect(haystack));
      const form = searchForm(haystack);
      // Half the terms come from the text's own form, half are random.
      const start = Math.floor(next() * form.length);
      const term = (next() < 0.5 ? form.slice(start, start + 1 + Math.floor(next() * 4)) : searchForm(text(1 + Math.floor(next() * 3)))).replace(/\s+/gu, '');
      if (term === '') continue;
      const want = form.includes(term);
      if (want) found++;
      assert.equal(directMatcher(term).test(haystack), want, `${JSON.stringify(term)} in ${JSON.stringify(haystack)}`);
    }
    assert.ok(found > 1000, `${found} terms found`);
  });
});
