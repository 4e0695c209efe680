// The real LRS of this folder (see README.md) for tests: start it, put a fault proxy in front of
// it, and serve both to browser tests as a Web Test Runner plugin. Plain JavaScript, so the test
// runner's config (not compiled) and the Node tests (through lrs.ts) share it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { fileURLToPath } from 'node:url';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Starts the LRS (installing it on first use, ~20 s) on a free port: `{ endpoint, stop() }`. */
export async function startLrs() {
  const port = await freePort();
  const script = fileURLToPath(new URL('./start.sh', import.meta.url));
  const output = await new Promise((resolve, reject) => {
    const child = spawn('bash', [script, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let errors = '';
    child.stdout.on('data', (chunk) => (text += chunk));
    child.stderr.on('data', (chunk) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`the test LRS did not start (exit ${code}): ${errors.trim()}`))));
  });
  const endpoint = /^(http:\/\/\S+)$/m.exec(output)?.[1];
  const pid = Number(/^pid (\d+)$/m.exec(output)?.[1]);
  if (!endpoint || !pid) throw new Error(`the test LRS printed no endpoint: ${output}`);
  return {
    endpoint,
    stop: () => {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    },
  };
}

const HOP_BY_HOP = new Set(['host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding', 'content-encoding']);

/**
 * A proxy to the LRS that applies the next scripted fault to each request, then passes them
 * through: `503`, `500`, `401`, `drop` (the connection closes, nothing reaches the LRS),
 * `lose-response` (the LRS stores, the answer never arrives), `slow` (2 s late). CORS preflights
 * are passed through without using a fault, and the proxy's own errors carry CORS headers, so a
 * browser sees them as the status they are.
 */
export function faultProxy(target, faults = []) {
  const seen = [];
  const cors = (request) => ({ 'Access-Control-Allow-Origin': request.headers.origin ?? '*', 'Access-Control-Expose-Headers': 'ETag' });
  const server = createServer((request, response) => {
    const fault = request.method === 'OPTIONS' ? 'ok' : (faults.shift() ?? 'ok');
    if (request.method !== 'OPTIONS') seen.push(fault);
    if (fault === 'drop') return void request.socket.destroy();
    if (/^\d+$/.test(fault)) return void response.writeHead(Number(fault), cors(request)).end(`fault ${fault}`);
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      if (fault === 'slow') await new Promise((resolve) => setTimeout(resolve, 2000));
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([key]) => !HOP_BY_HOP.has(key)));
      let answer;
      try {
        answer = await fetch(new URL(request.url.replace(/^\//, ''), target), { method: request.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined });
      } catch {
        return void request.socket.destroy();
      }
      const body = Buffer.from(await answer.arrayBuffer());
      // Stored, but the learner's connection breaks before the answer arrives.
      if (fault === 'lose-response') return void request.socket.destroy();
      const passed = {};
      for (const [key, value] of answer.headers) if (!HOP_BY_HOP.has(key)) passed[key] = value;
      response.writeHead(answer.status, passed).end(body);
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      resolve({
        endpoint: `http://127.0.0.1:${port}/`,
        seen,
        /** Replaces the faults still to come. */
        setFaults(next) {
          faults.splice(0, faults.length, ...next);
          seen.splice(0);
        },
        close: () => new Promise((done) => server.close(() => done())),
      });
    }),
  );
}

const fetchedTokens = new Set();

/**
 * A cmi5 LMS's fetch URL, as test-runner middleware: POST `/__cmi5-fetch?session=…` gives the
 * test LRS's token once per session, then an error, as cmi5 requires (a reloaded AU cannot
 * fetch it again).
 */
export async function cmi5FetchMiddleware(context, next) {
  if (context.path !== '/__cmi5-fetch') return next();
  context.set('Cache-Control', 'no-store');
  context.type = 'json';
  const session = String(context.query.session ?? '');
  if (context.method !== 'POST') context.body = { 'error-code': '3', 'error-text': 'the fetch URL takes POST' };
  else if (fetchedTokens.has(session)) context.body = { 'error-code': '1', 'error-text': 'this launch token was already fetched' };
  else {
    fetchedTokens.add(session);
    context.body = { 'auth-token': Buffer.from('test:test').toString('base64') };
  }
}

/**
 * For browser tests: the LRS and its fault proxy, started on the first request for
 * `/__lrs.js` (which exports `lrsEndpoint`, through the proxy, and `lrsDirect`) and stopped with
 * the server. `fetch('/__lrs-faults?list=503,drop')` scripts the proxy's next faults and
 * answers the faults of the requests before (JSON).
 */
export function lrsPlugin() {
  let running = null;
  const start = () =>
    (running ??= (async () => {
      const lrs = await startLrs();
      const proxy = await faultProxy(lrs.endpoint);
      return { lrs, proxy };
    })());
  return {
    name: 'quiz-lrs',
    async serve(context) {
      if (context.path === '/__lrs.js') {
        const { lrs, proxy } = await start();
        return { body: `export const lrsEndpoint = ${JSON.stringify(proxy.endpoint)};\nexport const lrsDirect = ${JSON.stringify(lrs.endpoint)};\n`, type: 'js' };
      }
      if (context.path === '/__lrs-faults') {
        const { proxy } = await start();
        const before = [...proxy.seen];
        proxy.setFaults(String(context.query.list ?? '').split(',').filter(Boolean));
        context.set('Cache-Control', 'no-store');
        return { body: JSON.stringify(before), type: 'json' };
      }
      return undefined;
    },
    async serverStop() {
      if (!running) return;
      const { lrs, proxy } = await running.catch(() => ({}));
      await proxy?.close();
      lrs?.stop();
      running = null;
    },
  };
}
