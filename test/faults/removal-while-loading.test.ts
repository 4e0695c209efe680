/// <reference types="mocha" />
// An element whose bank is still loading (a body that never ends, an answer that never comes) must
// let go of the old load when it no longer needs it: no timer of the library stays pending, the
// request is aborted (the fault server sees the connection closed), no quiz-error fires for the
// old load and no promise rejection goes unhandled.
import { expect, waitUntil } from '@open-wc/testing';
import { loadBankFromUrl } from '../../src/bank/load.js';
import { LOADING_TAGS, counts, describeTimers, faultOrigin, faultPage, frames, requestStats, showsBank, uniqueKey, watchForLeaks } from './fault-page.js';

/** Far longer than a test: only the element letting go can end the load in time. */
const LONG_TIMEOUT_MS = 8000;
const HANGING_FAULTS = ['never-ends', 'delay'];

async function requestArrived(key: string, fault: string): Promise<void> {
  await waitUntil(async () => (await requestStats(key)).open === 1, 'the request never reached the server', { interval: 10, timeout: 5000 });
  if (fault === 'never-ends') await frames(4); // let the headers and half of the body arrive
}

async function serverSawAbort(key: string, what: string): Promise<void> {
  await waitUntil(async () => (await requestStats(key)).aborted === 1, `the server never saw ${what} aborted`, { interval: 20, timeout: 2000 });
}

describe('an element that stops needing a load that hangs', () => {
  const leaks = watchForLeaks();

  for (const tag of LOADING_TAGS) {
    for (const fault of HANGING_FAULTS) {
      it(`<${tag}> whose src changes during ${fault}: the old request is aborted, its timer cleared, the new bank shown`, async () => {
        const key = uniqueKey(tag, fault, 'changed');
        const origin = await faultOrigin();
        const page = await faultPage(tag, { src: `${origin}/fault/${key}/${fault}.json`, timeout: String(LONG_TIMEOUT_MS) });
        await requestArrived(key, fault);
        counts.injected += 1;
        expect(leaks.probe().strayTimers(), 'the loader waits with a timer').to.have.length(1);

        page.el.setAttribute('src', `${origin}/bank/${uniqueKey(tag, 'good')}.json`);
        await waitUntil(() => showsBank(page.el, tag), `<${tag}> never showed the new bank`, { interval: 10, timeout: 5000 });
        await serverSawAbort(key, 'the old request');
        expect(page.errors, 'quiz-error for the old load').to.have.length(0);
        expect(describeTimers(await leaks.probe().strayTimersAfter())).to.equal('');
        page.expectUnaffected();
        await leaks.removeAndCheck();
      });

      // Found by this suite (fixed by src/elements/abort-when-removed.ts): elements kept loading
      // after removal, the request open and the timer pending until `timeout`, then fired quiz-error.
      it(`<${tag}> removed during ${fault}: no timer stays pending, the request is aborted, no quiz-error fires`, async () => {
        const key = uniqueKey(tag, fault, 'removed');
        const page = await faultPage(tag, { src: `${await faultOrigin()}/fault/${key}/${fault}.json`, timeout: String(LONG_TIMEOUT_MS) });
        await requestArrived(key, fault);

        page.el.remove();
        expect(describeTimers(await leaks.probe().strayTimersAfter()), 'library timers pending after removal').to.equal('');
        await serverSawAbort(key, `the request of the removed <${tag}>`);
        expect(page.errors, 'quiz-error after removal').to.have.length(0);
        await leaks.removeAndCheck();
      });
    }
  }

  it("the probe sees the loader's pending timer and the server sees an abort (so the checks above can fail)", async () => {
    const key = uniqueKey('probe');
    const controller = new AbortController();
    const loading = loadBankFromUrl(`${await faultOrigin()}/fault/${key}/delay.json`, { timeout: LONG_TIMEOUT_MS, signal: controller.signal });
    const outcome = loading.catch((error: unknown) => error);
    await requestArrived(key, 'delay');
    expect(leaks.probe().strayTimers().map((t) => t.delay)).to.deep.equal([LONG_TIMEOUT_MS]);

    controller.abort();
    expect(await outcome).to.have.property('name', 'AbortError');
    expect(leaks.probe().strayTimers()).to.have.length(0);
    await serverSawAbort(key, 'the aborted request');
    await leaks.removeAndCheck();
  });
});
