#!/usr/bin/env node
// Progress across devices (src/xapi/state-sync.ts) against the real LRS of test/lrs (Learning
// Locker xapi-service 3.6.0 on 127.0.0.1): requests, time and document size of a sync of 200
// questions' progress. Prints a Markdown table; takes a few seconds (plus ~20 s the first time the
// LRS is installed). Skips, exiting 0, when the LRS tarball or its npm install is unavailable.
//
//   node --import tsx bench/state-sync.mjs [--runs=5]
//
// Per row, medians over runs, each run with a new learner (a new document):
// - push: a device with 200 questions answered syncs for the first time (GET 404, PUT);
// - pull: a second device with nothing yet takes it in (GET, merge of 200 questions, no PUT);
// - round: that device grades 10 questions and syncs (GET, merge, PUT of the whole document);
// - idle: a pull with nothing new (GET, merge that changes nothing).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const tarball = fileURLToPath(new URL('../test/lrs/xapi-service-3.6.0.tgz', import.meta.url));
if (!existsSync(tarball)) {
  console.log(`skipped: no LRS tarball at ${tarball}`);
  process.exit(0);
}
let modules;
try {
  modules = await Promise.all([
    import('../test/lrs/lrs.ts'),
    import('../src/progress/store.ts'),
    import('../src/progress/memory-storage.ts'),
    import('../src/xapi/state-sync.ts'),
  ]);
} catch (error) {
  console.log(`skipped: the TypeScript sources cannot be loaded; run with node --import tsx (${error.message})`);
  process.exit(0);
}
const [{ startLrs }, { ProgressStore }, { memoryStorage }, { ProgressSync }] = modules;

let lrs;
try {
  lrs = await startLrs();
} catch (error) {
  console.log(`skipped: the test LRS did not start (no npm registry for its first install?): ${error.message}`);
  process.exit(0);
}

const T0 = Date.UTC(2026, 0, 5, 9);
const GRADES = ['again', 'hard', 'good', 'easy'];
const median = (values) => [...values].sort((x, y) => x - y)[Math.floor(values.length / 2)];

function device(actor, start) {
  let clock = start;
  const store = new ProgressStore({ storage: memoryStorage(), progressKey: 'bench', now: () => clock });
  const sync = new ProgressSync({ store, connection: { endpoint: lrs.endpoint, auth: 'Basic dGVzdDp0ZXN0' }, actor, start: false });
  return {
    store,
    sync,
    grade: (questionId, i) => store.record('bench-bank', questionId, GRADES[i % 4], { at: (clock += 60_000) }),
  };
}

async function timed(run) {
  const start = performance.now();
  const report = await run();
  if (report.outcome !== 'synced') throw new Error(`sync ended ${report.outcome}`);
  return { ms: performance.now() - start, requests: report.requests, bytes: report.documentBytes };
}

async function measure(questions, reviews) {
  const results = [];
  for (let run = 0; run < runs; run++) {
    const actor = { mbox: `mailto:bench-${crypto.randomUUID()}@example.org` };
    const a = device(actor, T0);
    for (let r = 0; r < reviews; r++) for (let q = 0; q < questions; q++) await a.grade(`q${q}`, q + r);
    const push = await timed(() => a.sync.syncNow());
    const b = device(actor, T0 + 30_000);
    const pull = await timed(() => b.sync.pull());
    for (let q = 0; q < 10; q++) await b.grade(`q${q}`, q);
    const round = await timed(() => b.sync.syncNow());
    const idle = await timed(() => a.sync.pull());
    if (b.store.all().length !== questions) throw new Error('the second device did not get every question');
    results.push({ push, pull, round, idle });
  }
  const cell = (step) => `${median(results.map((r) => r[step].requests))} / ${median(results.map((r) => r[step].ms)).toFixed(0)} ms`;
  const kb = (median(results.map((r) => r.round.bytes)) / 1024).toFixed(1);
  console.log(`| ${questions} × ${reviews} | ${kb} KB | ${cell('push')} | ${cell('pull')} | ${cell('round')} | ${cell('idle')} |`);
}

try {
  console.log(`ProgressSync against Learning Locker xapi-service 3.6.0 on 127.0.0.1, Node ${process.version}, medians of ${runs} (requests / time)\n`);
  console.log('| questions × reviews | document | first push | new device pull | 10 grades, round | pull, nothing new |');
  console.log('|---|---|---|---|---|---|');
  for (const reviews of [1, 5, 20]) await measure(200, reviews);
  await measure(1000, 5);
} finally {
  lrs.stop();
}
