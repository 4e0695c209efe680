import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { resolveStrings } from './strings.js';

describe('resolveStrings', () => {
  test('builds the copy button name from copy and code without a space in Chinese', () => {
    assert.equal(resolveStrings({ copy: '复制', code: '代码' }).copyCode, '复制代码');
    assert.equal(resolveStrings({ copy: 'Copy', code: 'Code' }).copyCode, 'Copy Code');
    assert.equal(resolveStrings({ copy: '复制', copyCode: '复制此代码' }).copyCode, '复制此代码');
    assert.equal(resolveStrings(undefined).newTab, '(opens in a new tab)');
  });
});
