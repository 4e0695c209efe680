import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { firstChar, isWide, joinWideLines, lastChar } from './cjk.js';

describe('joinWideLines', () => {
  test('removes breaks between Chinese characters and punctuation, keeps others', () => {
    assert.equal(joinWideLines('大模型\n参数，\n很多'), '大模型参数，很多');
    assert.equal(joinWideLines('large\nmodel'), 'large\nmodel');
    assert.equal(joinWideLines('模型\nGPT'), '模型\nGPT');
    assert.equal(joinWideLines('한국어\n문장'), '한국어\n문장');
  });

  test('looks across token edges through before/after', () => {
    assert.equal(joinWideLines('\n参数', '型'), '参数');
    assert.equal(joinWideLines('参数\n', '', '多'), '参数');
    assert.equal(joinWideLines('\n参数', 'a'), '\n参数');
  });

  test('finds whole code points at text edges', () => {
    assert.equal(lastChar('a𠀀'), '𠀀');
    assert.equal(firstChar('𠀀a'), '𠀀');
    assert.ok(isWide('𠀀'));
    assert.ok(!isWide('a'));
  });
});
