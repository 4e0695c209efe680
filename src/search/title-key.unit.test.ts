import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { Bank, Catalog } from '../bank/types.js';
import { normalizeTitle } from '../bank/variants.js';
import { mulberry32 } from '../practice/practice-set.js';
import { keyHash, titleHash } from './title-key.js';

const BANKS_DIR = new URL('../../data/banks/', import.meta.url);
const catalog = JSON.parse(readFileSync(new URL('index.json', BANKS_DIR), 'utf8')) as Catalog;
const bundledTitles = catalog.banks.flatMap((entry) => (JSON.parse(readFileSync(new URL(entry.src, BANKS_DIR), 'utf8')) as Bank).questions.map((q) => q.title));

test('titleHash is keyHash of normalizeTitle: the bundled titles and titles made to differ only in width, case, spaces and end marks', () => {
  assert.ok(bundledTitles.length > 200);
  for (const title of bundledTitles) assert.equal(titleHash(title), keyHash(normalizeTitle(title)), title);
  for (const title of ['What is a GPU?', 'what is a  GPU', 'WHAT IS A ＧＰＵ？', '\u3000如何优化推理：ＫＶ Cache？ ', 'Tabs\tand\nlines. ', '?!。:！？：', '', '   ', 'Über Café', 'ÀÉÎ naïve', 'x\u00A0y', 'İstanbul', 'e\u0301', 'ﬁle', 'ΟΔΟΣ?']) {
    assert.equal(titleHash(title), keyHash(normalizeTitle(title)), JSON.stringify(title));
  }
});

test('titleHash is keyHash of normalizeTitle on random titles, of common characters only (read without making the key) and of others', () => {
  const next = mulberry32(12);
  // Common characters (whitespace, end marks, full width, case), then some that are not.
  const common = [...'aAzZ09 ?.!。:！？：（）ＡＺａｚ０９、【】—“”中文推理', '\t', '\n', '\r', '\v', '\f', '  '];
  const other = ['\u3000', '\u00A0', 'À', 'ß', 'é', '\u0301', 'ﬁ', 'Σ', '…', '①', '\u2028'];
  for (let round = 0; round < 20000; round++) {
    const pool = round % 4 === 3 ? [...common, ...other] : common;
    const title = Array.from({ length: Math.floor(next() * 10) }, () => pool[Math.floor(next() * pool.length)]!).join('');
    assert.equal(titleHash(title), keyHash(normalizeTitle(title)), JSON.stringify(title));
  }
});

test('titles with the same normalized form have the same hash; different ones almost never do', () => {
  const same = ['What is a GPU?', 'what is a  GPU', 'WHAT IS A ＧＰＵ？', ' What\tis a GPU. ', 'what is a gpu:!'];
  assert.equal(new Set(same.map(titleHash)).size, 1);
  const keys = new Set(bundledTitles.map(normalizeTitle));
  assert.equal(new Set([...keys].map(keyHash)).size, keys.size, 'no two bundled titles meet');
});
