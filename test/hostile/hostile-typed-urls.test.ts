/// <reference types="mocha" />
// Typed questions (see hostile-typed-content.test.ts): javascript:/data:/vbscript: URLs, entity and
// case games, DOM clobbering and template-marker lookalikes in every typed field.
import { CORPUS_FILES } from './suite.js';
import { typedSuite } from './typed-trial.js';

typedSuite('hostile typed questions: URLs and lookalikes', CORPUS_FILES['hostile-urls.test.ts']);
