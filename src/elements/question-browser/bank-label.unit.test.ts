import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resultsSpanBanks, shortBankLabel } from './bank-label.js';

/** Rows whose primaries come from these banks. */
const rows = (...bankIds: string[]) => ({ length: bankIds.length, primary: (i: number) => ({ bankId: bankIds[i]!, question: { id: `q${i}` } }) }) as unknown as Parameters<typeof resultsSpanBanks>[0];

describe('shortBankLabel', () => {
  it('keeps the head of a title up to its first separator when it is 2–12 graphemes', () => {
    assert.equal(shortBankLabel('大模型商业模式：技术驱动与场景驱动'), '大模型商业模式');
    assert.equal(shortBankLabel('Go: concurrency questions'), 'Go');
    assert.equal(shortBankLabel('基础，进阶与实战'), '基础');
    assert.equal(shortBankLabel('Databases — the basics'), 'Databases');
  });
  it('cuts a long title without a usable head to 10 graphemes and an ellipsis', () => {
        assert.equal(shortBankLabel('A very long bank title without a separator'), 'A very lon…');
    assert.equal(shortBankLabel('X: then the rest of a long title'), 'X: then th…');
    assert.equal(shortBankLabel('👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦'), `${'👩‍👩‍👧‍👦'.repeat(10)}…`);
  });
  it("takes the bank's shortTitle when it has one", () => {
    assert.equal(shortBankLabel('大模型创业者的商业模式创新：从技术驱动到场景驱动的面试题', '商业模式'), '商业模式');
    assert.equal(shortBankLabel('Machine learning', '  ML  '), 'ML');
    assert.equal(shortBankLabel('Machine learning', '   '), 'Machine le…', 'a blank one is no name');
    assert.equal(shortBankLabel('Machine learning', 42), 'Machine le…', 'nor is one of another type (banks are untrusted)');
  });
  it('keeps a short title whole', () => {
    assert.equal(shortBankLabel('Databases'), 'Databases');
    assert.equal(shortBankLabel('Machine learning'), 'Machine le…');
    assert.equal(shortBankLabel('商业模式'), '商业模式');
  });
});

describe('resultsSpanBanks', () => {
  it('is true only for results from several banks with no bank chosen', () => {
    assert.equal(resultsSpanBanks(rows('a', 'a'), undefined), false);
    assert.equal(resultsSpanBanks(rows('a', 'a', 'b'), undefined), true);
    assert.equal(resultsSpanBanks(rows('a', 'b'), 'a'), false);
    assert.equal(resultsSpanBanks(rows(), undefined), false);
  });
});
