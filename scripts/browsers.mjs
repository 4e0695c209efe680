// Finds the browsers this machine can test in, and starts the helpers WebKit needs.
// Shared by web-test-runner.config.mjs, scripts/test.mjs and (later) benchmark scripts, so it
// must not import Web Test Runner. Environment variables (all optional):
//   QUIZ_BROWSERS            comma list of engines to use: chromium,firefox,webkit (default: all)
//   QUIZ_CHROMIUM_PATH       Chromium/Chrome executable (default: system chromium, else @sparticuz/chromium)
//   QUIZ_FIREFOX_PATH        Firefox executable (default: firefox-esr / firefox on PATH)
//   QUIZ_WEBKIT_DRIVER_PATH  WebKitWebDriver executable (default: WebKitWebDriver on PATH)
//   QUIZ_WEBKIT_BINARY       WebKitGTK MiniBrowser (default: /usr/lib/<arch>/webkit2gtk-4.1/MiniBrowser)
//   QUIZ_NO_SYSTEM_BROWSERS  "1": ignore browsers installed on the system (PATH, /usr/...), as on a
//                            fresh machine; explicit QUIZ_*_PATH variables still apply
import { accessSync, constants, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ENGINES = ['chromium', 'firefox', 'webkit'];

export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Flags every Chromium gets: root needs --no-sandbox; the rest stop background network chatter. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// @sparticuz/chromium's Lambda flags that would make tests lie (no CORS, mixed content allowed)
// or crash with several pages open (single process). Puppeteer sets --headless itself.
const SPARTICUZ_DROPPED_ARGS = new Set([
  '--single-process',
  '--no-zygote',
  '--disable-web-security',
  '--allow-running-insecure-content',
  '--disable-site-isolation-trials',
]);

const HINTS = {
  chromium: 'install chromium, set QUIZ_CHROMIUM_PATH, or run npm install (@sparticuz/chromium)',
  firefox: 'install firefox-esr or set QUIZ_FIREFOX_PATH',
  webkit: 'apt install webkit2gtk-driver xvfb',
};

function isExecutable(file) {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name, env) {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const file = path.join(dir, name);
    if (isExecutable(file)) return file;
  }
  return null;
}

/** First candidate that exists: absolute paths are checked as they are, bare names on PATH. */
function findSystem(candidates, env) {
  for (const candidate of candidates) {
    const found = path.isAbsolute(candidate)
      ? isExecutable(candidate) && candidate
      : onPath(candidate, env);
    if (found) return found;
  }
  return null;
}

function truthy(value) {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** Engines chosen by QUIZ_BROWSERS (all three when unset). Throws on unknown names. */
export function selectedEngines(env = process.env) {
  const raw = env.QUIZ_BROWSERS?.trim();
  if (!raw) return [...ENGINES];
  const names = raw.split(',').map((name) => name.trim().toLowerCase()).filter(Boolean);
  const unknown = names.filter((name) => !ENGINES.includes(name));
  if (unknown.length > 0) {
    throw new Error(`QUIZ_BROWSERS: unknown engine ${unknown.join(', ')} (use ${ENGINES.join(',')})`);
  }
  return ENGINES.filter((name) => names.includes(name));
}

/** An explicitly configured path must exist: a typo should fail, not silently fall back. */
function fromEnv(variable, env) {
  const value = env[variable];
  if (!value) return undefined;
  if (isExecutable(value)) return { path: value, source: variable };
  return { error: `${variable}=${value} is not an executable file`, misconfigured: true };
}

async function detectChromium(env, useSystem) {
  const configured = fromEnv('QUIZ_CHROMIUM_PATH', env);
  if (configured?.error) return configured;
  if (configured) return { ...configured, args: [...CHROMIUM_ARGS], headless: true };
  if (useSystem) {
    const system = findSystem(
      ['/usr/bin/chromium', 'chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'],
      env,
    );
    if (system) return { path: system, source: 'system', args: [...CHROMIUM_ARGS], headless: true };
  }
  let chromium;
  try {
    ({ default: chromium } = await import('@sparticuz/chromium'));
  } catch {
    return { error: `chromium not found (${HINTS.chromium})` };
  }
  const executable = await chromium.executablePath();
  const args = chromium.args.filter(
    (arg) => !arg.startsWith('--headless') && !SPARTICUZ_DROPPED_ARGS.has(arg),
  );
  return {
    path: executable,
    source: '@sparticuz/chromium',
    args: [...new Set([...args, ...CHROMIUM_ARGS])],
    // The package ships a headless-shell build.
    headless: 'shell',
  };
}

function detectFirefox(env, useSystem) {
  const configured = fromEnv('QUIZ_FIREFOX_PATH', env);
  if (configured) return configured;
  const system = useSystem && findSystem(['/usr/bin/firefox-esr', 'firefox-esr', 'firefox'], env);
  if (system) return { path: system, source: 'system' };
  return { error: `firefox not found (${HINTS.firefox})` };
}

function webkitBinaryCandidates() {
  const candidates = [];
  for (const arch of ['x86_64-linux-gnu', 'aarch64-linux-gnu']) {
    for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
      candidates.push(`/usr/lib/${arch}/${api}/MiniBrowser`);
    }
  }
  return candidates;
}

function detectWebKit(env, useSystem) {
  const systemDriver = useSystem && findSystem(['WebKitWebDriver', '/usr/bin/WebKitWebDriver'], env);
  const driver =
    fromEnv('QUIZ_WEBKIT_DRIVER_PATH', env) ??
    (systemDriver
      ? { path: systemDriver, source: 'system' }
      : { error: `WebKitWebDriver not found (${HINTS.webkit})` });
  if (driver.error) return driver;
  const systemBinary = useSystem && findSystem(webkitBinaryCandidates(), env);
  const binary =
    fromEnv('QUIZ_WEBKIT_BINARY', env) ??
    (systemBinary
      ? { path: systemBinary, source: 'system' }
      : { error: `WebKitGTK MiniBrowser not found (${HINTS.webkit}, or set QUIZ_WEBKIT_BINARY)` });
  if (binary.error) return binary;
  // MiniBrowser has no headless mode: it needs an X server, ours (Xvfb) or the user's.
  const xvfb = findSystem(['Xvfb', '/usr/bin/Xvfb'], env);
  if (!xvfb && !env.DISPLAY) {
    return { error: `webkit needs an X display: Xvfb not found and DISPLAY unset (${HINTS.webkit})` };
  }
  return {
    path: binary.path,
    driver: driver.path,
    xvfb,
    source: driver.source === 'system' && binary.source === 'system' ? 'system' : 'QUIZ_WEBKIT_*',
  };
}

/**
 * Finds each engine. Returns `{ chromium, firefox, webkit, chromiumArgs, problems, misconfigured }`
 * where an engine is `{ path, source, ... }` or null, `problems[engine]` says why it is null (one
 * line, with a hint on how to install it), and `misconfigured` lists engines whose QUIZ_* path
 * variable points at nothing (an error even outside CI). Only `engines` are looked for.
 */
export async function detectBrowsers({ env = process.env, engines = selectedEngines(env) } = {}) {
  const useSystem = !truthy(env.QUIZ_NO_SYSTEM_BROWSERS);
  const result = {
    chromium: null,
    firefox: null,
    webkit: null,
    chromiumArgs: [...CHROMIUM_ARGS],
    problems: {},
    misconfigured: [],
  };
  const detectors = {
    chromium: () => detectChromium(env, useSystem),
    firefox: () => detectFirefox(env, useSystem),
    webkit: () => detectWebKit(env, useSystem),
  };
  for (const engine of engines) {
    const found = await detectors[engine]();
    if (found.error) {
      result.problems[engine] = found.error;
      if (found.misconfigured) result.misconfigured.push(engine);
    } else {
      result[engine] = found;
    }
  }
  if (result.chromium) result.chromiumArgs = result.chromium.args;
  return result;
}

/**
 * Whether a missing engine fails the run rather than being skipped: always with CI=true, and for an
 * engine whose QUIZ_* path variable is wrong. Returns the reason, or null to skip.
 */
export function missingEngineError(engine, found, env = process.env) {
  if (found.misconfigured?.includes(engine)) return 'fix the variable or unset it';
  if (truthy(env.CI ?? '')) return 'CI=true: every engine is required';
  return null;
}

/**
 * HOME and XDG directories for browsers inside the checkout (.cache/browser-home), so browsers
 * never write into the real home directory and CI can cache or delete them.
 */
export function browserEnv(rootDir = ROOT_DIR) {
  const home = path.join(rootDir, '.cache', 'browser-home');
  const dirs = {
    HOME: home,
    XDG_CACHE_HOME: path.join(home, '.cache'),
    XDG_CONFIG_HOME: path.join(home, '.config'),
    XDG_DATA_HOME: path.join(home, '.local', 'share'),
  };
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  return dirs;
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function waitForExit(child, ms) {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** SIGTERM, then SIGKILL if the process is still there after `graceMs`. */
async function stopChild(child, graceMs = 3000) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  await waitForExit(child, graceMs);
  if (child.exitCode === null && child.signalCode === null) {
    child.kill('SIGKILL');
    await waitForExit(child, graceMs);
  }
}

/** Pids whose parent is `pid` (Linux /proc; empty elsewhere). */
export function childPids(pid) {
  const children = [];
  let entries;
  try {
    entries = readdirSync('/proc');
  } catch {
    return children;
  }
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Field 4 is the parent pid; the command name (field 2) may hold spaces, so split after ')'.
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) children.push(Number(entry));
    } catch {
      // exited meanwhile
    }
  }
  return children;
}

/** Waits until `pid` has no child processes left (or `ms` pass). */
async function waitForNoChildren(pid, ms) {
  const deadline = Date.now() + ms;
  while (childPids(pid).length > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Synchronous last-resort kill for process 'exit' handlers (no awaiting possible there). */
function killNow(child) {
  if (child.exitCode === null && child.signalCode === null) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
}

function collect(stream, limit = 4000) {
  let text = '';
  stream?.on('data', (chunk) => {
    text = (text + chunk).slice(-limit);
  });
  return () => text;
}

/** Starts Xvfb on a free display number. Resolves to { display, stop }. */
export function startXvfb(xvfbPath = 'Xvfb', { timeoutMs = 15000 } = {}) {
  return new Promise((resolve, reject) => {
    // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
    const child = spawn(xvfbPath, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
    });
    const stderr = collect(child.stderr);
    let number = '';
    const fail = (message) => {
      clearTimeout(timer);
      killNow(child);
      reject(new Error(`${message}\n${stderr()}`.trim()));
    };
    const timer = setTimeout(() => fail(`Xvfb did not start within ${timeoutMs} ms`), timeoutMs);
    child.on('error', (error) => fail(`Xvfb could not start: ${error.message}`));
    child.on('exit', (code, signal) => fail(`Xvfb exited early (${signal ?? code})`));
    child.stdio[3].on('data', (chunk) => {
      number += chunk;
      if (!number.includes('\n')) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      const display = `:${number.trim()}`;
      process.once('exit', () => killNow(child));
      resolve({ display, pid: child.pid, stop: () => stopChild(child) });
    });
  });
}

async function waitForDriver(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`WebKitWebDriver exited early (${child.signalCode ?? child.exitCode})`);
    }
    try {
      const response = await fetch(`${url}/status`, { signal: AbortSignal.timeout(1000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not answer on ${url} within ${timeoutMs} ms`);
}

/**
 * Starts WebKitWebDriver on a free local port, under our own Xvfb when Xvfb is installed (so no
 * window opens on a developer's desktop), else on $DISPLAY. Resolves to
 * `{ port, hostname, display, capabilities, stop }`; `stop()` ends the driver and Xvfb, and both are
 * also killed when this process exits.
 */
export async function startWebKitDriver(webkit, { env = process.env, timeoutMs = 20000 } = {}) {
  let xvfb = null;
  let display = env.DISPLAY;
  if (webkit.xvfb) {
    xvfb = await startXvfb(webkit.xvfb);
    display = xvfb.display;
  }
  const port = await freePort();
  const child = spawn(webkit.driver, [`--port=${port}`, '--host=local'], {
    env: { ...env, DISPLAY: display },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output = collect(child.stdout);
  const errors = collect(child.stderr);
  const onExit = () => killNow(child);
  process.once('exit', onExit);
  const stop = async () => {
    process.removeListener('exit', onExit);
    // Let MiniBrowser close after its session ends, so the driver reaps it instead of orphaning it.
    if (child.exitCode === null) await waitForNoChildren(child.pid, 3000);
    await stopChild(child);
    await xvfb?.stop();
  };
  try {
    await new Promise((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
    await waitForDriver(`http://127.0.0.1:${port}`, child, timeoutMs);
  } catch (error) {
    await stop();
    throw new Error(`${error.message}\n${output()}${errors()}`.trim());
  }
  return {
    port,
    hostname: '127.0.0.1',
    display,
    pid: child.pid,
    capabilities: {
      browserName: 'MiniBrowser',
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': { binary: webkit.path, args: ['--automation'] },
    },
    stop,
  };
}
