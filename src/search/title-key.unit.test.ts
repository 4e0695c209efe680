import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Bank, Catalog } from '../bank/types.js';
import { normalizeTitle } from '../bank/variants.js';
import { mulberry32 } from '../practice/practice-set.js';
import { titleKey } from './title-key.js';

const BANKS_DIR = new URL('../../data/banks/', import.meta.url);
const catalog = JSON.parse(readFileSync(new URL('index.json', BANKS_DIR), 'utf8')) as Catalog;
const bundledTitles = catalog.banks.flatMap((entry) => (JSON.parse(readFileSync(new URL(entry.src, BANKS_DIR), 'utf8')) as Bank).questions.map((q) => q.title));

test('titleKey is normalizeTitle: the bundled titles and titles made to differ only in width, case, spaces and end marks', () => {
  assert.ok(bundledTitles.length > 200);
  for (const title of bundledTitles) assert.equal(titleKey(title), normalizeTitle(title), title);
  for (const title of ['What is a GPU?', 'what is a  GPU', 'WHAT IS A ＧＰＵ？', '\u3000如何优化推理：ＫＶ Cache？ ', 'Tabs\tand\nlines. ', '?!。:！？：', '', '   ', 'Über Café', 'ÀÉÎ naïve', 'x\u00A0y', 'İstanbul', 'e\u0301', 'ﬁle', 'ΟΔΟΣ?']) {
    assert.equal(titleKey(title), normalizeTitle(title), JSON.stringify(title));
  }
});

test('titleKey is normalizeTitle on random titles of direct and other characters', () => {
  const next = mulberry32(11);
  const pool = [...'aAzZ09 ?.!。:！？：（）ＡＺａｚ０９中文推理', '\t', '\n', '\u3000', '\u00A0', 'À', 'ß', 'é', '\u0301', 'ﬁ', 'Σ', '…', '①'];
  for (let round = 0; round < 5000; round++) {
    const title = Array.from({ length: Math.floor(next() * 12) }, () => pool[Math.floor(next() * pool.length)]!).join('');
    assert.equal(titleKey(title), normalizeTitle(title), JSON.stringify(title));
  }
});
