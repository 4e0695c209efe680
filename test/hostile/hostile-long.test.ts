/// <reference types="mocha" />
// Issue 7, hang guard: a 5 MB string and 1 MB runs (backtracking bait, unbreakable text, combining
// marks) in every field of every element. Each element must finish within the ceiling: not a
// speed claim, a guard against anything quadratic, which would take hours here.
import { longTexts } from '../fixtures/hostile/index.js';
import { hostileSuite } from './suite.js';

hostileSuite('hostile long strings', 60_000, (tryText) => {
  for (const payload of longTexts) tryText(payload);
});
