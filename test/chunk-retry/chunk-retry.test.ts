/// <reference types="mocha" />
// The CDN build's import() (importChunk in src/lazy.ts, wired in by rollup.config.js) in each
// engine, with real module fetches: after a chunk failed, the next use gets it, also where the
// engine keeps the failed URL failed (Chromium 150 and older, Firefox ESR 153), and every use shares
// one module. The test server answers 503 for the paths taken down (web-test-runner.config.mjs).
import { expect } from '@open-wc/testing';
import { importChunk, LazyChunk } from '../../src/lazy.js';

const FIXTURES = '/test/chunk-retry/fixtures';
const down = (...files: string[]) => fetch(`/__chunks-down?paths=${files.map((file) => `${FIXTURES}/${file}`).join(',')}`, { cache: 'no-store' });
/** What rollup.config.js makes of `import('./fixtures/<file>')`. */
const chunk = (file: string) => () => importChunk<{ part: string }>((url) => import(url(`${FIXTURES}/${file}`)));
const evaluations = () => (globalThis as { chunkRetryEvaluations?: number }).chunkRetryEvaluations ?? 0;

/** Whether this engine keeps a failed module import failed after the server is back. */
async function cachesFailedImports(): Promise<boolean> {
  const url = `${FIXTURES}/probe.js`;
  await down('probe.js');
  const failed = await import(url).then(() => false, () => true);
  await down();
  expect(failed, 'the probe module was not taken down').to.equal(true);
  return import(url).then(() => false, () => true);
}

afterEach(() => down());

describe('importChunk: a failed chunk comes back on the next use, in every engine', () => {
  it('the card\'s part: a note while it is down, the part on the next use, one module for every later use', async () => {
    const warn = console.warn;
    console.warn = () => undefined;
    try {
      await down('summary.js');
      const summary = new LazyChunk(chunk('summary.js'), 'the summary');
      expect(await summary.request(), 'loaded while down').to.equal(undefined);
      expect(summary.failed).to.equal(true);
      await down();
      expect((await summary.load()).part).to.equal('summary');
      expect(summary.failed).to.equal(false);
      expect(await chunk('summary.js')(), 'another caller gets the same module').to.equal(summary.value);
      expect(evaluations(), 'the chunk ran once').to.equal(1);
    } finally {
      console.warn = warn;
    }
  });

  it('a chunk whose static import failed: back on the next use where the engine retries; where it caches failures, not before a reload (documented limit)', async () => {
    const cached = await cachesFailedImports();
    await down('shared.js');
    let error: unknown;
    await chunk('uses-shared.js')().catch((e: unknown) => (error = e));
    expect(error, 'failed while its shared chunk was down').to.be.instanceOf(Error);
    await down();
    const retried = await chunk('uses-shared.js')().then((module) => module.part, () => 'failed');
    expect(retried).to.equal(cached ? 'failed' : 'uses shared');
  });
});
