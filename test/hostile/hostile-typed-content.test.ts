/// <reference types="mocha" />
// Issue 7 for typed questions: each payload of the corpus in every field a question type brings to
// the DOM (fill-in prompt and accepted answers, numeric unit, ordering items, matching pairs and
// distractors), each question asked in a real <quiz-card> in every state (unanswered, checked
// wrong, undone, checked right; an ordering item moved by keyboard; matching selects chosen with
// the pool shown), and the page checked after each payload as trial.ts does. This file: markup
// (scripts, handlers, SVG/MathML, CSS, page takeover); the rest in hostile-typed-urls/-text.
import { CORPUS_FILES } from './suite.js';
import { typedSuite } from './typed-trial.js';

typedSuite('hostile typed questions: markup', CORPUS_FILES['hostile-content.test.ts']);
