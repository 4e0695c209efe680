// CPU-profile helpers for bench/first-question.mjs --profile: records a V8 CPU profile of one cold
// page load and sums self time by original source file (through dist/cdn's source maps), so the
// report can say how much of the main thread's time before the first question is Lit, valibot,
// marked, the bank loader, the renderer, the browser's own work...
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Loads @jridgewell/trace-mapping if it is installed (it comes with rollup's tool chain); else null. */
async function loadTraceMapping() {
  try {
    return await import('@jridgewell/trace-mapping');
  } catch {
    return null;
  }
}

/**
 * Starts the V8 sampling profiler on `page` (sampling every `intervalUs` microseconds).
 * Returns `stop()`, which resolves to the profile.
 */
export async function startProfiler(page, intervalUs = 100) {
  const cdp = await page.createCDPSession();
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: intervalUs });
  await cdp.send('Profiler.start');
  return async () => {
    const { profile } = await cdp.send('Profiler.stop');
    await cdp.detach();
    return profile;
  };
}

/** A short name for a source file: `lit-html`, `valibot`, `src/render/markdown.ts`. */
function shortSource(source) {
  const clean = source.replace(/\\/g, '/');
  const nm = clean.lastIndexOf('node_modules/');
  if (nm !== -1) {
    const parts = clean.slice(nm + 'node_modules/'.length).split('/');
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const src = clean.indexOf('src/');
  return src !== -1 ? clean.slice(src) : clean;
}

/** Labels for the nodes of `profile`: source file (`labelOf`) and `file: function:line` (`functionOf`). */
async function labelNodes(profile, { cdnDir, origin }) {
  const mapping = await loadTraceMapping();
  const maps = new Map();
  const tracerFor = (url) => {
    if (!mapping || !url.startsWith(`${origin}/dist/cdn/`)) return null;
    if (!maps.has(url)) {
      const file = path.join(cdnDir, `${url.slice(`${origin}/dist/cdn/`.length)}.map`);
      maps.set(url, existsSync(file) ? new mapping.TraceMap(readFileSync(file, 'utf8')) : null);
    }
    return maps.get(url);
  };
  const labelOf = new Map();
  const functionOf = new Map();
  for (const node of profile.nodes) {
    const { url, functionName, lineNumber, columnNumber } = node.callFrame;
    let label;
    if (!url) label = functionName.startsWith('(') ? functionName : '(browser / native)';
    else {
      const tracer = tracerFor(url);
      const pos = tracer && mapping.originalPositionFor(tracer, { line: lineNumber + 1, column: Math.max(0, columnNumber) });
      if (pos?.source) label = shortSource(pos.source);
      else label = url.startsWith(origin) ? url.slice(origin.length) : url.replace(/^(chrome|devtools|pptr):\/\/.*/, '(puppeteer / devtools)');
    }
    labelOf.set(node.id, label);
    const pos = url && tracerFor(url) ? mapping.originalPositionFor(tracerFor(url), { line: lineNumber + 1, column: Math.max(0, columnNumber) }) : null;
    functionOf.set(node.id, `${label}: ${pos?.name ?? (functionName || '(top level)')}${pos?.line ? `:${pos.line}` : ''}`);
  }
  return { mapped: Boolean(mapping), labelOf, functionOf };
}

/**
 * Self time (ms) per original source, for samples that fall within the profile. `cdnDir` is where
 * the served dist/cdn files and their .map files are; `origin` the server's origin.
 */
export async function summarizeProfile(profile, { cdnDir, origin }) {
  const { mapped, labelOf, functionOf } = await labelNodes(profile, { cdnDir, origin });
  const totals = new Map();
  const functions = new Map();
  let total = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const label = labelOf.get(profile.samples[i]) ?? '?';
    totals.set(label, (totals.get(label) ?? 0) + dt);
    const fn = functionOf.get(profile.samples[i]);
    if (label !== '(idle)') functions.set(fn, (functions.get(fn) ?? 0) + dt);
    if (label !== '(idle)') total += dt;
  }
  return {
    mapped,
    busy: total,
    rows: [...totals].filter(([label]) => label !== '(idle)').sort((a, b) => b[1] - a[1]),
    functions: [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15),
  };
}

/**
 * Total (inclusive: the function and what it calls) time per function, labelled as
 * summarizeProfile's `functions`; each sample counts once per function on its stack.
 */
export async function inclusiveTimes(profile, { cdnDir, origin }) {
  const { functionOf } = await labelNodes(profile, { cdnDir, origin });
  const parentOf = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);
  const totals = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parentOf.get(id)) {
      const fn = functionOf.get(id);
      if (!fn || fn.startsWith('(root)') || fn.startsWith('(idle)') || seen.has(fn)) continue;
      seen.add(fn);
      totals.set(fn, (totals.get(fn) ?? 0) + dt);
    }
  }
  return [...totals].sort((a, b) => b[1] - a[1]);
}

/**
 * Self time per function in consecutive time windows of a profile, for a timeline of one run.
 * `windows` are `[label, endMs]` in order, in ms after the anchor: the end of the last sample in
 * the native `profile` function (the page's `console.profile()` call that started the profile,
 * made right before the run's clock started), or the profile's start. Idle time is reported
 * apart; `top` functions per window.
 */
export async function profileTimeline(profile, { cdnDir, origin, windows, top = 5 }) {
  const { functionOf } = await labelNodes(profile, { cdnDir, origin });
  const times = [];
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i] ?? 0;
    times.push(t);
  }
  let anchor = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    if (functionOf.get(profile.samples[i]) === '(browser / native): profile') anchor = times[i + 1] ?? times[i];
  }
  const out = windows.map(([label, end], k) => ({ label, from: k === 0 ? 0 : windows[k - 1][1], to: end, busy: 0, idle: 0, functions: new Map() }));
  for (let i = 0; i < profile.samples.length; i++) {
    const at = (times[i] - anchor) / 1000;
    const window = out.find((w) => at >= w.from && at < w.to);
    if (!window) continue;
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const fn = functionOf.get(profile.samples[i]) ?? '?';
    if (fn.startsWith('(idle)')) window.idle += dt;
    else {
      window.busy += dt;
      window.functions.set(fn, (window.functions.get(fn) ?? 0) + dt);
    }
  }
  return out.map((w) => ({ ...w, functions: [...w.functions].sort((a, b) => b[1] - a[1]).slice(0, top) }));
}
