import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, test } from 'node:test';
import { bundledBankIds, bundledBankImports, bundledBanksUrl } from './bundled.js';
import { bundledBanks } from './bundled-catalog.js';
import { BankLoadError, clearBankCache, loadBundledBank } from './load.js';
import type { Catalog } from './types.js';
import { validateBank, validateCatalog } from './validate.js';

const BANKS_DIR = new URL('../../data/banks/', import.meta.url);
const catalog = JSON.parse(readFileSync(new URL('index.json', BANKS_DIR), 'utf8')) as Catalog;
const catalogIds = catalog.banks.map((entry) => entry.id);

beforeEach(() => clearBankCache());

describe('the bundled banks are registered', () => {
  test('the import map lists exactly the banks of data/banks/index.json, in its order', () => {
    assert.ok(validateCatalog(catalog).ok);
    assert.deepEqual([...bundledBankImports.keys()], catalogIds, 'register each bank of index.json in src/bank/bundled.ts');
    assert.deepEqual(bundledBankIds, catalogIds);
  });

  test('every bank file in data/banks/ is in the catalog', () => {
    const files = readdirSync(fileURLToPath(BANKS_DIR)).filter((name) => name.endsWith('.json') && name !== 'index.json');
    assert.deepEqual(files.map((name) => `./${name}`).sort(), catalog.banks.map((entry) => entry.src).sort());
  });

  test('the catalog entries are there to list the banks without loading them', () => {
    assert.deepEqual(bundledBanks, catalog.banks);
    assert.ok(bundledBanks.every((entry) => entry.title && entry.language && entry.questionCount > 0));
  });

  test('the base URL is the folder of the bank files', () => {
    assert.equal(bundledBanksUrl, BANKS_DIR.href);
    for (const id of bundledBankIds) assert.ok(existsSync(new URL(`${id}.json`, bundledBanksUrl)), id);
  });
});

describe('loadBundledBank', () => {
  for (const entry of catalog.banks) {
    test(`loads and validates ${entry.id}`, async () => {
      const { bank, baseUrl } = await loadBundledBank(entry.id);
      assert.ok(validateBank(bank).ok);
      assert.equal(bank.id, entry.id);
      assert.equal(bank.title, entry.title);
      assert.equal(bank.questions.length, entry.questionCount);
      assert.equal(baseUrl, bundledBanksUrl);
    });
  }

  test('a second call gets the same bank without importing it again', async () => {
    const id = bundledBankIds[0]!;
    assert.equal(await loadBundledBank(id), await loadBundledBank(id));
  });

  test('an unknown id names every bundled bank', async () => {
    await assert.rejects(loadBundledBank('llm-basics'), (error) => {
      assert.ok(error instanceof BankLoadError);
      assert.equal(error.kind, 'unknown-bundled');
      assert.equal(error.message, `No bundled bank "llm-basics". Bundled banks: ${catalogIds.join(', ')}.`);
      assert.equal(error.bankId, 'llm-basics');
      assert.deepEqual(error.known, catalogIds);
      return true;
    });
  });

  test('an ordinary object key is not a bank id', async () => {
    await assert.rejects(loadBundledBank('constructor'), { kind: 'unknown-bundled' });
  });

  test("a caller's abort rejects with its reason", async () => {
    const controller = new AbortController();
    const call = loadBundledBank(bundledBankIds[1]!, { signal: controller.signal });
    controller.abort();
    await assert.rejects(call, { name: 'AbortError' });
  });
});
