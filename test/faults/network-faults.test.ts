/// <reference types="mocha" />
// Every network fault of test/fault-server.mjs against every element that loads from a URL: the
// element shows the message for that fault (the UI string of src/i18n/en.ts, naming the URL),
// fires one quiz-error of the right kind, Retry works once the fault clears, the rest of the page
// is untouched, and nothing leaks (watchForLeaks).
import { expect, waitUntil } from '@open-wc/testing';
import type { BankLoadErrorKind } from '../../src/bank/load-errors.js';
import { en } from '../../src/i18n/en.js';
import {
  LOADING_TAGS,
  alertText,
  counts,
  faultOrigin,
  faultPage,
  frames,
  healFault,
  loadError,
  requestStats,
  retryButton,
  showsBank,
  uniqueKey,
  watchForLeaks,
} from './fault-page.js';

/** Short enough to keep the run fast, long enough for a loopback answer in a loaded CI machine. */
const TIMEOUT_MS = 400;

interface FaultCase {
  fault: string;
  what: string;
  kind: BankLoadErrorKind;
  /** The sentence the element shows, from the English UI strings. */
  message: (url: string) => string;
  status?: number;
  /** The element gives up on its own (timeout): the server must see the request aborted. */
  timesOut?: boolean;
  /**
   * Browsers may resend the request on their own (Firefox does after a reset), so the fault stays
   * until the test clears it (`/until/` + `/__heal`) instead of clearing after one request (`/once/`).
   */
  browserRetries?: boolean;
}

const FAULTS: FaultCase[] = [
  { fault: '404', what: 'a 404', kind: 'http', status: 404, message: (url) => en.errors.http(url, '404') },
  { fault: '500', what: 'a 500', kind: 'http', status: 500, message: (url) => en.errors.http(url, '500') },
  { fault: 'html', what: 'an HTML error page with status 200', kind: 'not-json', message: en.errors.notJson },
  { fault: 'truncated', what: 'truncated JSON', kind: 'not-json', message: en.errors.notJson },
  { fault: 'type-text-html', what: 'a good bank served as text/html', kind: 'not-json', message: en.errors.notJson },
  { fault: 'type-text-markdown', what: 'a good bank served as text/markdown', kind: 'import', message: en.errors.import },
  { fault: 'never-ends', what: 'a body that never ends', kind: 'timeout', timesOut: true, message: (url) => en.errors.timeout(url, TIMEOUT_MS / 1000) },
  { fault: 'delay', what: 'an answer later than the timeout', kind: 'timeout', timesOut: true, message: (url) => en.errors.timeout(url, TIMEOUT_MS / 1000) },
  { fault: 'reset', what: 'a connection reset', kind: 'network', browserRetries: true, message: en.errors.network },
  { fault: 'cors', what: 'an answer without Access-Control-Allow-Origin', kind: 'network', message: en.errors.network },
];

describe('network faults', () => {
  const leaks = watchForLeaks();

  for (const tag of LOADING_TAGS) {
    describe(`<${tag} src>`, () => {
      for (const c of FAULTS) {
        it(`${c.fault}: on ${c.what} it says so (kind ${c.kind}), fires quiz-error once, and Retry recovers`, async () => {
          const key = uniqueKey(tag, c.fault);
          const src = `${await faultOrigin()}/${c.browserRetries ? 'until' : 'once'}/${key}/${c.fault}.json`;
          const attributes: Record<string, string> = { src };
          if (c.timesOut) attributes.timeout = String(TIMEOUT_MS);
          const page = await faultPage(tag, attributes);
          const { el } = page;

          await waitUntil(() => alertText(el), `<${tag}> shows no error for ${c.what}`, { interval: 10, timeout: 5000 });
          counts.injected += 1;
          const text = alertText(el);
          expect(text).to.include(en.errorTitle);
          expect(text).to.include(c.message(src));
          expect(text).to.include(src);
          expect(retryButton(el), 'a Retry button').to.not.equal(null);

          await frames();
          expect(page.errors, 'quiz-error events').to.have.length(1);
          const error = loadError(page.errors[0]);
          expect(error.kind).to.equal(c.kind);
          expect(error.url).to.equal(src);
          if (c.status !== undefined) expect(error.status).to.equal(c.status);
          if (c.timesOut) {
            expect(error.timeoutMs).to.equal(TIMEOUT_MS);
            await waitUntil(async () => (await requestStats(key)).aborted === 1, 'the server never saw the request aborted', { interval: 20, timeout: 3000 });
          }
          // One request so far: no silent second try behind the element's back (but the browser's own).
          const requests = (await requestStats(key)).requests;
          if (c.browserRetries) expect(requests).to.be.at.least(1);
          else expect(requests).to.equal(1);
          page.expectUnaffected();
          if (c.fault === '404') await expect(el).to.be.accessible();

          if (c.browserRetries) await healFault(key);
          retryButton(el)!.click();
          await waitUntil(() => showsBank(el, tag), `Retry did not bring the bank into <${tag}>`, { interval: 10, timeout: 5000 });
          counts.recovered += 1;
          expect(alertText(el)).to.equal('');
          expect((await requestStats(key)).requests).to.equal(requests + 1);
          await frames();
          expect(page.errors, 'no further quiz-error').to.have.length(1);
          page.expectUnaffected();
          await leaks.removeAndCheck();
        });
      }
    });
  }

  describe('content types (src/bank/load.ts reads JSON whatever the type, except HTML and markdown)', () => {
    for (const tag of LOADING_TAGS) {
      for (const type of ['text-plain', 'image-png', 'application-octet-stream']) {
        it(`<${tag}> loads a good bank served as ${type.replace('-', '/')}`, async () => {
          const src = `${await faultOrigin()}/fault/${uniqueKey(tag, type)}/type-${type}.json`;
          const page = await faultPage(tag, { src });
          await waitUntil(() => showsBank(page.el, tag) || alertText(page.el), `<${tag}> shows neither the bank nor an error`, { interval: 10, timeout: 5000 });
          expect(alertText(page.el)).to.equal('');
          expect(page.errors).to.have.length(0);
          page.expectUnaffected();
          await leaks.removeAndCheck();
        });
      }
    }
  });
});
