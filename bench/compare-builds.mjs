#!/usr/bin/env node
// Compares copies of the CDN build on <question-browser>'s first render and first keystroke at
// 10,000 questions, in alternating short rounds, so the machine's drift (this VM's speed moves
// 30-50 % within an hour) weighs on every build alike. Each round runs
// `question-browser.mjs --early-only --runs=N --cdn=DIR` once per build; the fresh pages of all
// rounds are pooled per build. Never writes results.md.
//
//   cp -r dist/cdn /tmp/cdn-before     # before the change; build again after it
//   node bench/compare-builds.mjs --rounds=4 before=/tmp/cdn-before after=dist/cdn
//
// Options: --rounds=N (default 4), --runs=N (fresh pages per build and round, default 6),
// --font=STACK (passed on), --font-of=NAME=STACK (that build's pages use STACK instead: compare
// page fonts with the same build given twice, e.g. `plain=dist/cdn cjk=dist/cdn
// --font-of=cjk='system-ui, "WenQuanYi Micro Hei", sans-serif'`). Prints, per build: first render, the first keystroke right after it
// ("painted": every change it made is on screen, rows kept beyond the list's box included;
// "visible": the rows in the box and the count), each median / p90, and the main thread's CPU
// time of that keystroke on traced pages (median / p90).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT_DIR, stats } from './harness.mjs';

const BENCH = path.join(path.dirname(fileURLToPath(import.meta.url)), 'question-browser.mjs');

function parseArgs(argv) {
  const options = { rounds: 4, runs: 6, font: null, builds: [], fontOf: new Map() };
  for (const arg of argv) {
    const [key, value] = arg.replace(/^--/, '').split(/=(.*)/s);
    if (arg.startsWith('--') && key === 'rounds') options.rounds = Number(value);
    else if (arg.startsWith('--') && key === 'runs') options.runs = Number(value);
    else if (arg.startsWith('--') && key === 'font') options.font = value;
    else if (arg.startsWith('--') && key === 'font-of' && value?.includes('=')) {
      const [name, stack] = value.split(/=(.*)/s);
      options.fontOf.set(name, stack);
    }
    else if (!arg.startsWith('--') && value !== undefined) options.builds.push({ name: key, dir: path.resolve(value) });
    else throw new Error(`unknown argument ${arg}: give NAME=DIR pairs and --rounds, --runs, --font, --font-of=NAME=STACK`);
  }
  for (const name of options.fontOf.keys()) if (!options.builds.some((build) => build.name === name)) throw new Error(`--font-of names ${name}, which is not one of the builds`);
  if (options.builds.length < 2) throw new Error('give at least two builds as NAME=DIR (a copy of dist/cdn each)');
  return options;
}

const options = parseArgs(process.argv.slice(2));
const keep = mkdtempSync(path.join(os.tmpdir(), 'compare-builds-'));
const pooled = new Map(options.builds.map(({ name }) => [name, { first: [], painted: [], visible: [], cpu: [] }]));
for (let round = 1; round <= options.rounds; round++) {
  for (const { name, dir } of options.builds) {
    process.stdout.write(`round ${round}/${options.rounds}: ${name} ... `);
    const font = options.fontOf.get(name) ?? options.font;
    const args = [BENCH, '--sizes=10000', '--early-only', `--runs=${options.runs}`, `--cdn=${dir}`, ...(font ? [`--font=${font}`] : [])];
    execFileSync(process.execPath, args, { stdio: ['ignore', 'ignore', 'inherit'] });
    const file = path.join(keep, `${name}-${round}.json`);
    copyFileSync(path.join(OUT_DIR, 'question-browser-last-run.json'), file);
    const result = JSON.parse(readFileSync(file, 'utf8')).results[0];
    const into = pooled.get(name);
    for (const page of result.first.cold) {
      into.first.push(page.painted);
      if (page.firstKey) {
        into.painted.push(page.firstKey.painted);
        into.visible.push(page.firstKey.visible);
      }
    }
    for (const traced of result.cpu ?? []) into.cpu.push(traced.key);
    console.log(`load ${os.loadavg()[0].toFixed(2)}`);
  }
}
const pair = (values) => {
  const s = stats(values.filter(Number.isFinite));
  return s ? `${s.median.toFixed(1)} / ${s.p90.toFixed(1)}` : '–';
};
console.log(`\n${options.rounds} rounds × ${options.runs} fresh pages per build (ms, median / p90; per-run JSON in ${keep}):`);
console.log('build'.padEnd(12), 'first render'.padEnd(16), 'key painted'.padEnd(16), 'key visible'.padEnd(16), 'key CPU');
for (const [name, s] of pooled) console.log(name.padEnd(12), pair(s.first).padEnd(16), pair(s.painted).padEnd(16), pair(s.visible).padEnd(16), pair(s.cpu));
