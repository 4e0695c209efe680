// What the browser benches share: where things are, building dist/cdn when it is missing or older
// than src/, the CDN files to serve, Chromium flags and summary statistics.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { ROOT_DIR } from '../scripts/browsers.mjs';

export const BENCH_DIR = path.join(ROOT_DIR, 'bench');
export const OUT_DIR = path.join(BENCH_DIR, '.out');
export const RESULTS = path.join(BENCH_DIR, 'results.md');
export const CDN_DIR = path.join(ROOT_DIR, 'dist', 'cdn');
export const ENTRY = path.join(CDN_DIR, 'quiz-elements.js');
// Headless Chromium opens the omnibox WebUI per context, which costs every run; nothing here needs it.
export const BENCH_ARGS = ['--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup'];

function newestSourceMtime() {
  let newest = 0;
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (/\.(ts|js|json|css)$/.test(entry.name) && !/\.(test|bench)\.ts$/.test(entry.name)) newest = Math.max(newest, statSync(file).mtimeMs);
    }
  };
  walk(path.join(ROOT_DIR, 'src'));
  for (const file of ['rollup.config.js', 'tsconfig.build.json']) {
    const full = path.join(ROOT_DIR, file);
    if (existsSync(full)) newest = Math.max(newest, statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Makes sure dist/cdn is there: `mode` 'auto' builds when it is missing or older than src/,
 * 'always' builds, 'never' only checks. Returns a note on what was measured, for the results.
 */
export function ensureBuild(mode) {
  const missing = !existsSync(ENTRY);
  const stale = !missing && statSync(ENTRY).mtimeMs < newestSourceMtime();
  if (mode === 'never') {
    if (missing) throw new Error('dist/cdn/quiz-elements.js is missing: run npm run build (or drop --no-build)');
    return stale ? 'existing dist/cdn (older than src/, --no-build)' : 'existing dist/cdn (up to date)';
  }
  if (mode === 'auto' && !missing && !stale) return 'existing dist/cdn (up to date)';
  console.log(`Building (${missing ? 'dist/cdn missing' : stale ? 'dist/cdn older than src/' : '--build'}): npm run build ...`);
  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build'], { cwd: ROOT_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status !== 0) {
    process.stderr.write(`${result.stdout}\n${result.stderr}`.slice(-6000));
    throw new Error(`npm run build failed (exit ${result.status})`);
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`Built in ${seconds} s.`);
  return `fresh npm run build (${seconds} s)`;
}

/** The .js files of dist/cdn as `/dist/cdn/...` URL → `asset(url, body)`, read once so a rebuild cannot change a run. */
export function snapshotCdn(asset) {
  const files = new Map();
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.name.endsWith('.js')) {
        const url = `/dist/cdn/${path.relative(CDN_DIR, file).split(path.sep).join('/')}`;
        files.set(url, asset(url, readFileSync(file)));
      }
    }
  };
  walk(CDN_DIR);
  return files;
}

/** Count, median, p90, p95, min, max and mean of the finite numbers in `values`; null if none. */
export function stats(values) {
  const s = values.filter((v) => typeof v === 'number' && Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = s.length / 2;
  const median = s.length % 2 ? s[Math.floor(mid)] : (s[mid - 1] + s[mid]) / 2;
  const rank = (p) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, median, p90: rank(0.9), p95: rank(0.95), min: s[0], max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}
