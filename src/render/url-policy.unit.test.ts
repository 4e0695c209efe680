import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities } from './entities.js';
import { resolveSafeUrl } from './url-policy.js';

const BASE = 'https://banks.example/zh/bank.json';

describe('resolveSafeUrl', () => {
  test('allows http, https and mailto links, resolving relative ones against the base', () => {
    assert.equal(resolveSafeUrl('../a.html', BASE, 'link')?.href, 'https://banks.example/a.html');
    assert.equal(resolveSafeUrl('http://x.example/', BASE, 'link')?.href, 'http://x.example/');
    assert.equal(resolveSafeUrl('mailto:a@x.example', BASE, 'link')?.href, 'mailto:a@x.example');
    assert.equal(resolveSafeUrl('//cdn.example/p.png', BASE, 'image')?.href, 'https://cdn.example/p.png');
  });

  test('refuses script, data, file and other schemes in any disguise', () => {
    for (const destination of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'java\nscript:alert(1)',
      '\u0001javascript:alert(1)',
      '  javascript:alert(1)',
      decodeEntities('&#106;avascript:alert(1)'),
      decodeEntities('javascript&colon;alert(1)'),
      decodeEntities('jav&#x09;ascript:alert(1)'),
      'vbscript:msgbox(1)',
      'data:text/html,<script>alert(1)</script>',
      'DATA:image/png;base64,AAAA',
      'file:///etc/passwd',
      'blob:https://banks.example/uuid',
      'ftp://x.example/',
    ]) {
      assert.equal(resolveSafeUrl(destination, BASE, 'link'), null, JSON.stringify(destination));
      assert.equal(resolveSafeUrl(destination, BASE, 'image'), null, JSON.stringify(destination));
    }
  });

  test('refuses mailto images, empty and unparsable destinations', () => {
    assert.equal(resolveSafeUrl('mailto:a@x.example', BASE, 'image'), null);
    assert.equal(resolveSafeUrl('   ', BASE, 'link'), null);
    assert.equal(resolveSafeUrl('http://[::1', BASE, 'link'), null);
  });

  test('keeps percent-encoded schemes as harmless relative paths', () => {
    assert.equal(resolveSafeUrl('%6Aavascript:alert(1)', BASE, 'link')?.protocol, 'https:');
  });
});
