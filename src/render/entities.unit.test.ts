import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeEntities } from './entities.js';

describe('decodeEntities', () => {
  test('decodes named, decimal and hex references once', () => {
    assert.equal(decodeEntities('&amp;lt; &copy; &#169; &#xA9; &#X4E2D;'), '&lt; © © © 中');
  });

  test('leaves unknown names and bare ampersands alone', () => {
    assert.equal(decodeEntities('AT&T &nosuch; & &#;'), 'AT&T &nosuch; & &#;');
  });

  test('replaces invalid code points with U+FFFD', () => {
    assert.equal(decodeEntities('&#0;&#xD800;&#1114112;'), '\ufffd\ufffd\ufffd');
  });

  test('does not treat inherited object keys as names', () => {
    assert.equal(decodeEntities('&constructor; &toString;'), '&constructor; &toString;');
  });
});
