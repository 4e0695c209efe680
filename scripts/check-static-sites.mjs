// The static-site recipes of examples/ (issue 17), for scripts/check-examples.mjs: each is built
// in that script's temporary project (the packed library, this checkout's generators, no
// network) by the generator's own CLI, served as static files, and checked in Chromium by its
// module in scripts/static-sites/ (`build`: the CLI's argv; `env`: its environment, if any;
// `check`: what the site must do).
// On every site: grading works, the grade of page 1 shows on page 2 (same progress-key, status
// "Learning"), and the site's stylesheet (red !important buttons, lime text, dashed sections)
// stays out of the cards. steps.mjs holds those shared steps.
import { execFile as execFileCallback } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { promisify } from 'node:util';

const execFile = promisify(execFileCallback);

/**
 * The recipes this module builds and checks: one module per site in static-sites/ (besides
 * steps.mjs), named as its folder in examples/. `QUIZ_STATIC_SITES=astro,eleventy` checks only those.
 */
const only = process.env.QUIZ_STATIC_SITES?.split(',').map((name) => name.trim()).filter(Boolean);
export const STATIC_SITES = readdirSync(join(import.meta.dirname, 'static-sites'))
  .filter((file) => file.endsWith('.mjs') && file !== 'steps.mjs')
  .map((file) => file.slice(0, -'.mjs'.length))
  .filter((name) => !only || only.includes(name));

const SITES = Object.fromEntries(await Promise.all(STATIC_SITES.map(async (name) => [name, await import(`./static-sites/${name}.mjs`)])));

/**
 * Builds the recipe copied to `<work>/<name>` into `<work>/built/<name>` in a child process (so
 * the two builds, and check-examples' own, overlap). Resolves to `{ out, seconds, error }`.
 */
export async function buildStaticSite(name, work) {
  const out = join(work, 'built', name);
  const since = performance.now();
  const error = await execFile(process.execPath, SITES[name].build(join(work, 'node_modules'), out), { cwd: join(work, name), env: { ...process.env, NO_COLOR: '1', ...SITES[name].env } })
    .then(() => null)
    .catch((failure) => `${name} build failed:\n${`${failure.stderr ?? ''}${failure.stdout ?? ''}`.trim().split('\n').filter((line) => line.trim()).slice(0, 8).join('\n') || failure.message}`);
  return { out, seconds: (performance.now() - since) / 1000, error };
}

const TYPES = {
  '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json',
  '.map': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2', '.png': 'image/png', '.ico': 'image/x-icon',
};

/** A static file server for a built site at `/`: `/x/` is `/x/index.html`, `/x` is `/x.html` if there is no `/x`. */
export async function serveSite(dir) {
  const base = resolve(dir);
  const fileFor = (path) => {
    const candidates = path.endsWith('/') ? [`${path}index.html`] : [path, `${path}.html`, `${path}/index.html`];
    for (const candidate of candidates) {
      const file = resolve(base, `.${candidate}`);
      if (file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile()) return file;
    }
    return null;
  };
  const server = createServer((request, response) => {
    const file = fileFor(decodeURIComponent(new URL(request.url, 'http://x').pathname));
    if (!file) return response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  return { origin: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) };
}

/**
 * Checks one built site. `context` is the caller's `{ browser, Checks, watch }` (check-examples'
 * helpers); problems go to `fail`. Each site gets its own browser context: its own localStorage.
 */
export async function checkStaticSite(name, origin, { browser, Checks, watch }, fail) {
  const context = await browser.createBrowserContext();
  const tabs = [];
  /** A tab whose errors are reported as problems when the check ends. */
  const open = async (label, { javaScript = true } = {}) => {
    const tab = await context.newPage();
    if (!javaScript) await tab.setJavaScriptEnabled(false);
    tabs.push({ tab, label, errors: watch(tab) });
    return new Checks(tab, (message) => fail(`${label}: ${message}`));
  };
  try {
    await SITES[name].check(origin, open, fail);
  } catch (error) {
    fail(error.message);
  } finally {
    for (const { tab, label, errors } of tabs) {
      await tab.waitForNetworkIdle({ idleTime: 200, timeout: 5_000 }).catch(() => {});
      for (const message of errors) fail(`${label}: ${message}`);
    }
    await context.close();
  }
}
