/// <reference types="mocha" />
// Issue 7, hang guard: 10,000-deep nesting in every field of every element, and a bank of 10,000
// questions made of the corpus. Each element must finish within the ceiling (5 s).
import { deepTexts, manyQuestions } from '../fixtures/hostile/index.js';
import { hostileSuite } from './suite.js';

hostileSuite('hostile deep nesting', 30_000, (tryText, tryBank) => {
  for (const payload of deepTexts) tryText(payload);
  tryBank(manyQuestions);
});
