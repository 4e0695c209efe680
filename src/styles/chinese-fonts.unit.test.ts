import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chineseFontStacks, splitFamilies } from './chinese-fonts.js';

describe('chineseFontStacks', () => {
  it('puts the Chinese fonts before the final generic family, after every font of the page', () => {
    const { page, hans, hant } = chineseFontStacks('system-ui, sans-serif');
    assert.equal(page, 'system-ui, sans-serif');
    assert.equal(hans, 'system-ui, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif');
    assert.match(hant, /^system-ui, "PingFang TC", "Microsoft JhengHei", .*, sans-serif$/);
  });
  it('appends them when the stack ends with a font, not a generic family', () => {
    assert.match(chineseFontStacks('Inter, system-ui').hans, /^Inter, system-ui, "PingFang SC", .*"WenQuanYi Micro Hei"$/);
    assert.match(chineseFontStacks('"Times New Roman"').hans, /^"Times New Roman", "PingFang SC"/);
  });
  it('gives a serif stack serif Chinese fonts', () => {
    const { hans, hant } = chineseFontStacks('Georgia, "Times New Roman", serif');
    assert.equal(hans, 'Georgia, "Times New Roman", "Songti SC", "Noto Serif CJK SC", "Noto Serif SC", "Source Han Serif SC", "SimSun", serif');
    assert.match(hant, /"Songti TC".*"PMingLiU", serif$/);
  });
  it('leaves out fonts the page names already, however quoted or cased, so a made stack comes back unchanged', () => {
    const { hans } = chineseFontStacks(`Inter, 'noto sans cjk sc', "Microsoft YaHei", sans-serif`);
    assert.equal(hans.match(/noto sans cjk sc/gi)?.length, 1);
    assert.equal(hans.match(/Microsoft YaHei/g)?.length, 1);
    assert.ok(hans.startsWith(`Inter, 'noto sans cjk sc', "Microsoft YaHei", "PingFang SC"`));
    const made = chineseFontStacks('system-ui, sans-serif').hans;
    assert.equal(chineseFontStacks(made).hans, made);
  });
  it('keeps commas and quotes inside quoted names', () => {
    assert.deepEqual(splitFamilies(`"A, B", 'C\\'s', D ,, sans-serif`), [`"A, B"`, `'C\\'s'`, 'D', 'sans-serif']);
    assert.match(chineseFontStacks(`"A, B", serif`).hans, /^"A, B", "Songti SC"/);
  });
  it('puts them before the first generic family when fonts follow it (emoji fonts), and reads serif from that family', () => {
    const { hans } = chineseFontStacks('-apple-system, "Segoe UI", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"');
    assert.match(hans, /^-apple-system, "Segoe UI", "PingFang SC", .*"WenQuanYi Micro Hei", sans-serif, "Apple Color Emoji", "Segoe UI Emoji"$/);
    assert.match(chineseFontStacks('Georgia, serif, "Noto Color Emoji"').hans, /^Georgia, "Songti SC", .*"SimSun", serif, "Noto Color Emoji"$/);
  });
  it('keeps system-ui and ui-* fonts before the Chinese fonts: they are fonts with Latin glyphs, not a last resort', () => {
    assert.match(chineseFontStacks('ui-sans-serif, system-ui, sans-serif').hans, /^ui-sans-serif, system-ui, "PingFang SC"/);
  });
  it('keeps an escaped comma outside quotes in its name', () => {
    assert.deepEqual(splitFamilies('A\\,B, serif'), ['A\\,B', 'serif']);
  });
  it('gives only the Chinese fonts for an empty stack', () => {
    assert.equal(chineseFontStacks('').page, '');
    assert.match(chineseFontStacks('').hans, /^"PingFang SC", .*"WenQuanYi Micro Hei"$/);
  });
});
