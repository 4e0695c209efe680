/// <reference types="mocha" />
// Typed questions (see hostile-typed-content.test.ts): Unicode tricks, prototype keys as text and
// the renderer's own corpus in every typed field.
import { CORPUS_FILES } from './suite.js';
import { typedSuite } from './typed-trial.js';

typedSuite('hostile typed questions: text', CORPUS_FILES['hostile-text.test.ts']);
