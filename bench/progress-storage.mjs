#!/usr/bin/env node
// Progress storage: localStorage against IndexedDB (raw API) for what the progress store does,
// in headless Chromium. Prints a Markdown table; takes well under a minute.
//
//   node bench/progress-storage.mjs [--runs=5]
//
// Measured, as medians over runs, each run in a fresh browser context (empty storage):
// - write 1,000 records, one key each, as 1,000 grades would (IndexedDB: one transaction each,
//   awaited, and for reference all in one transaction);
// - read 1,000 and 10,000 records at startup, in a new page (a new renderer, nothing in memory
//   yet): every key under the prefix and its value (IndexedDB: open + getAllKeys + getAll);
// - how many records fit before QuotaExceededError (localStorage), at 5 and at 200 reviews each.
import { createServer } from 'node:http';
import puppeteer from 'puppeteer-core';
import { browserEnv, detectBrowsers } from '../scripts/browsers.mjs';

const runs = Number(process.argv.find((a) => a.startsWith('--runs='))?.slice(7) ?? 5);
const T0 = Date.UTC(2025, 0, 6, 9);

/** A record as src/progress/record.ts writes it, after `reviews` answers. */
function record(reviews) {
  const grades = ['good', 'hard', 'good', 'easy', 'again'];
  return JSON.stringify({
    v: 2,
    reviews: Array.from({ length: reviews }, (_, i) => ({ at: T0 + i * 86_400_000 + 12_345, grade: grades[i % 5] })),
    memory: { due: T0 + 400 * 86_400_000, stability: 18.18015363, difficulty: 5.1121742, scheduledDays: 18, learningSteps: 0, reps: reviews, lapses: 1, state: 2, lastReview: T0 + 380 * 86_400_000 },
    updatedAt: T0 + 380 * 86_400_000 + 1,
  });
}
const KEY = (i) => `quiz-elements/progress/default/bank-${Math.floor(i / 500)}/question-${String(i).padStart(5, '0')}`;
const PREFIX = 'quiz-elements/progress/default/';

const server = createServer((_, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>bench</title>'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${server.address().port}/`;

const found = await detectBrowsers({ engines: ['chromium'] });
if (!found.chromium) throw new Error(`Chromium: ${found.problems.chromium}`);
const browser = await puppeteer.launch({
  executablePath: found.chromium.path,
  headless: found.chromium.headless === 'shell' ? 'shell' : true,
  args: found.chromium.args,
  env: { ...process.env, ...browserEnv() },
});

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const READ_SIZES = [1000, 10_000];
const results = { lsWrite: [], idbWrite: [], idbWriteBatch: [], read: {} };
const text = record(5);

/** Fills a fresh context with `n` records in both storages; returns it, with a page still open. */
async function filled(n) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(async (text, keys) => {
    for (const key of keys) localStorage.setItem(key, text);
    const open = indexedDB.open('progress', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('records');
    const db = await new Promise((resolve) => (open.onsuccess = () => resolve(open.result)));
    const tx = db.transaction('records', 'readwrite');
    for (const key of keys) tx.objectStore('records').put(text, key);
    await new Promise((resolve) => (tx.oncomplete = resolve));
    db.close();
  }, text, Array.from({ length: n }, (_, i) => KEY(i)));
  return { context, page };
}

/** Reads every record in a new page (a new renderer, which has to load the storage again). */
async function readAll(context, page, n) {
  await page.close();
  const fresh = await context.newPage();
  await fresh.goto(url);
  const read = await fresh.evaluate(async (prefix) => {
    let start = performance.now();
    let count = 0;
    void localStorage.length; // the first use loads the whole storage area, synchronously
    const lsFirst = performance.now() - start;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(prefix) && localStorage.getItem(key) !== null) count++;
    }
    const ls = performance.now() - start;
    start = performance.now();
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open('progress', 1);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const store = db.transaction('records').objectStore('records');
    const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
    const [keys, values] = await Promise.all(
      [store.getAllKeys(range), store.getAll(range)].map((request) => new Promise((resolve) => (request.onsuccess = () => resolve(request.result)))),
    );
    const idb = performance.now() - start;
    db.close();
    return { ls, lsFirst, idb, count, idbCount: keys.length === values.length ? keys.length : -1 };
  }, PREFIX);
  if (read.count !== n || read.idbCount !== n) throw new Error(`read ${read.count} / ${read.idbCount} records, expected ${n}`);
  return read;
}

try {
  for (let run = 0; run < runs; run++) {
    let { context, page } = await filled(0);
    results.lsWrite.push(await page.evaluate((text, keys) => {
      const start = performance.now();
      for (const key of keys) localStorage.setItem(key, text);
      return performance.now() - start;
    }, text, Array.from({ length: 1000 }, (_, i) => KEY(i))));
    const idb = await page.evaluate(async (text, keys) => {
      const done = (request) => new Promise((resolve, reject) => ((request.onsuccess = () => resolve(request.result)), (request.onerror = () => reject(request.error))));
      const finished = (tx) => new Promise((resolve, reject) => ((tx.oncomplete = resolve), (tx.onerror = () => reject(tx.error))));
      const db = await done(indexedDB.open('progress', 1));
      let start = performance.now();
      for (const key of keys) {
        const tx = db.transaction('records', 'readwrite');
        tx.objectStore('records').put(text, key);
        await finished(tx);
      }
      const write = performance.now() - start;
      start = performance.now();
      const tx = db.transaction('records', 'readwrite');
      for (const key of keys) tx.objectStore('records').put(text, `${key}-b`);
      await finished(tx);
      db.close();
      return { write, writeBatch: performance.now() - start };
    }, text, Array.from({ length: 1000 }, (_, i) => KEY(i)));
    results.idbWrite.push(idb.write);
    results.idbWriteBatch.push(idb.writeBatch);
    await context.close();

    for (const n of READ_SIZES) {
      ({ context, page } = await filled(n));
      const read = await readAll(context, page, n);
      (results.read[n] ??= { ls: [], lsFirst: [], idb: [] }).ls.push(read.ls);
      results.read[n].lsFirst.push(read.lsFirst);
      results.read[n].idb.push(read.idb);
      await context.close();
    }
  }

  // Capacity: records of 5 and of 200 reviews until localStorage refuses.
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  await page.goto(url);
  const capacity = {};
  for (const reviews of [5, 200]) {
    capacity[reviews] = await page.evaluate((text, key) => {
      localStorage.clear();
      let i = 0;
      try {
        for (; i < 1e6; i++) localStorage.setItem(`${key}${String(i).padStart(5, '0')}`, text);
      } catch (error) {
        return { records: i, error: error.name, chars: i * (text.length + key.length + 5) };
      }
      return { records: i, error: 'none' };
    }, record(reviews), 'quiz-elements/progress/default/bank-00/question-');
    capacity[reviews].size = record(reviews).length;
  }
  await context.close();

  const ms = (xs) => `${median(xs).toFixed(1)} ms`;
  console.log(`Chromium ${await browser.version()}, ${runs} runs (median); record of 5 reviews = ${text.length} chars\n`);
  console.log('| | localStorage | IndexedDB |\n|---|---:|---:|');
  console.log(`| write 1,000 records, one key each | ${ms(results.lsWrite)} | ${ms(results.idbWrite)} (one transaction each, awaited); ${ms(results.idbWriteBatch)} in one transaction |`);
  for (const n of READ_SIZES) {
    const r = results.read[n];
    console.log(`| read ${n.toLocaleString('en')} records at startup (new page) | ${ms(r.ls)} (of which ${ms(r.lsFirst)} the first access, loading the area; blocks the page) | ${ms(r.idb)} (open + getAllKeys + getAll, async) |`);
  }
  for (const [reviews, c] of Object.entries(capacity)) {
    console.log(`| records of ${reviews} reviews (${c.size} chars) that fit in localStorage | ${c.records.toLocaleString('en')} (then ${c.error}; ≈ ${(c.chars / 1e6).toFixed(2)} M chars) | quota is a share of the disk |`);
  }
} finally {
  await browser.close();
  server.close();
}
