/// <reference types="mocha" />
// Issue 7: every payload of the hostile corpus in every text field of every element, used as a
// learner would (answer revealed, hints, choices checked, search, question opened), and the page
// checked after each: no script ran, nothing outside the elements changed, no handler or
// javascript:/data:/vbscript: URL in any shadow root, and the page stayed responsive.
// This file: the self-test of those checks, and markup (scripts, handlers, SVG/MathML, CSS, page
// takeover). The rest of the corpus is in hostile-urls.test.ts and hostile-text.test.ts (one
// file each so every engine runs each file well within a minute), long strings and deep nesting
// in hostile-long.test.ts and hostile-deep.test.ts.
import { expect, waitUntil } from '@open-wc/testing';
import { allPayloads, hostileTexts } from '../fixtures/hostile/index.js';
import { allElements, inspectMarkup, pageSnapshot, snapshotChanges } from './page-guard.js';
import { CORPUS_FILES, hostileSuite, tryCategories } from './suite.js';

hostileSuite('hostile content: markup', 10_000, (tryText, _tryBank, page) => {
  it('the checks catch a live payload, an outside change, a handler and a javascript: URL', async () => {
    const hits = page.hits.length;
    const sink = document.createElement('div');
    page.container.append(sink);
    try {
      // Rendered as HTML, corpus payloads do run: the tripwire sees calls, assignments, dialogs and frames.
      sink.innerHTML = [
        '<img src=x onerror="__pwned()">',
        '<img src=x onerror="window.__pwned=1">',
        '<img src=x onerror="alert(1)">',
        '<iframe srcdoc="<script>parent.__pwned()</script>"></iframe>',
      ].join('');
      await waitUntil(() => page.hits.length - hits >= 4, `the tripwire saw only: ${page.hits.slice(hits).join(', ')}`);
      expect(page.hits.slice(hits)).to.include.members(['__pwned()', '__pwned = 1', 'alert(1)']);
      // The walk finds a handler and a javascript: URL inside a shadow root.
      const host = document.createElement('div');
      host.attachShadow({ mode: 'open' }).innerHTML = '<a href="javascript:void 0" onclick="x()">x</a>';
      sink.append(host);
      const found = inspectMarkup(host, page.allowed);
      expect(found.handlers).to.equal(1);
      expect(found.badUrls).to.equal(1);
      expect(allElements(host)).to.include(host.shadowRoot!.firstElementChild!);
    } finally {
      sink.remove();
      page.hits.splice(hits);
    }
    // The watch sees changes outside the container; the snapshot sees the title and a polluted prototype.
    const outside = page.outside.length;
    const stray = document.createElement('p');
    document.body.append(stray);
    stray.remove();
    expect(page.outside.length - outside).to.equal(2);
    page.outside.splice(outside);
    const before = pageSnapshot();
    const head = [...document.head.children];
    const title = document.title;
    document.title = 'changed';
    (Object.prototype as Record<string, unknown>)['hostilePolluted'] = 'yes';
    try {
      const changed = snapshotChanges(before, pageSnapshot()).map((change) => change.split(':')[0]);
      expect(changed).to.include.members(['title', 'objectPrototype']);
    } finally {
      document.title = title;
      delete (Object.prototype as Record<string, unknown>)['hostilePolluted'];
      // Setting the title creates a <title> when there was none.
      for (const child of document.head.children) if (!head.includes(child)) child.remove();
      page.outside.splice(outside);
    }
    expect(snapshotChanges(before, pageSnapshot())).to.deep.equal([]);
  });

  it('the corpus has unique ids, and each of its categories is tried by one test file', () => {
    const ids = allPayloads.map((payload) => payload.id);
    expect(new Set(ids).size, 'duplicate payload ids').to.equal(ids.length);
    expect(ids.length).to.be.at.least(120);
    const tried = Object.values(CORPUS_FILES).flat();
    expect(new Set(tried).size, 'a category in two files').to.equal(tried.length);
    expect([...new Set(hostileTexts.map((payload) => payload.category))]).to.have.members(tried);
  });

  tryCategories(CORPUS_FILES['hostile-content.test.ts'], tryText);
});
