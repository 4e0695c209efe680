/// <reference types="mocha" />
// Issue 7 (see hostile-content.test.ts): Unicode tricks, prototype keys (as text and at every level
// of a bank's JSON) and the renderer's own corpus (test/fixtures/hostile-markdown.ts), in every
// field of every element.
import { bankShapes } from '../fixtures/hostile/index.js';
import { CORPUS_FILES, hostileSuite, tryCategories } from './suite.js';

hostileSuite('hostile content: text and bank shapes', 10_000, (tryText, tryBank) => {
  tryCategories(CORPUS_FILES['hostile-text.test.ts'], tryText);
  describe('bank shapes', () => {
    for (const payload of bankShapes) tryBank(payload);
  });
});
