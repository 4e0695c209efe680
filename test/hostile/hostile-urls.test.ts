/// <reference types="mocha" />
// Issue 7 (see hostile-content.test.ts): javascript:/data:/vbscript: URLs with their evasions,
// entity and case games, DOM clobbering and template-marker lookalikes, in every field of every element.
import { CORPUS_FILES, hostileSuite, tryCategories } from './suite.js';

hostileSuite('hostile content: URLs and lookalikes', 10_000, (tryText) => {
  tryCategories(CORPUS_FILES['hostile-urls.test.ts'], tryText);
});
