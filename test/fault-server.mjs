// A loopback HTTP server that misbehaves on purpose, for the browser tests in test/faults/.
// web-test-runner.config.mjs starts it with every WTR run (faultServerPlugin) and tests find its
// origin in the virtual module /__fault-server.js. It listens on 127.0.0.1 only, on a free port,
// and is another origin than the test page, so CORS applies as on a real site.
//
// Routes (GET; every answer is `Cache-Control: no-store` and `Connection: close`):
//   /bank/<key>.json             the good bank
//   /fault/<key>/<fault>.json    that fault on every request
//   /once/<key>/<fault>.json     that fault on the first request of <key>, the good bank after it
//                                (so Retry succeeds; state per key, so tests never interfere)
//   /until/<key>/<fault>.json    that fault on every request until /__heal?key=<key>, then the good
//                                bank: for faults a browser may retry on its own (Firefox resends a
//                                request whose connection was reset, which would use up a `once`)
//   /changing/<key>.json         bank v1 on the first request of <key>, v2 (one question removed,
//                                one renamed, one added) after it
//   /__heal?key=<key>            clears the fault of an /until/ key
//   /__stats?key=<key>           what happened to the requests of <key> (see `statsOf`)
//   /__report?injected=&recovered=&unhandled=&stray=   a test file's counts, summed and printed
//                                once when the server stops
// Faults:
//   404, 500          that status with a short text body
//   html              200 text/html with an error page
//   truncated         200 application/json, the bank's JSON cut in half (complete response)
//   type-<a>-<b>      the good bank's JSON served as Content-Type <a>/<b>, e.g. type-text-plain,
//                     type-image-png, type-text-html, type-text-markdown. The loader
//                     (src/bank/load.ts) ignores the type except text/html (kind not-json: "an
//                     HTML page") and text/markdown (imported as markdown; JSON is no Q&A
//                     document: kind import), so text/plain, image/png and octet-stream load.
//   never-ends        headers and half of the body, then nothing until the client gives up
//   delay             nothing at all for ?ms= milliseconds (default 60000), then the good bank
//   reset             the connection is reset (TCP RST) as soon as the request arrives
//   cors              the good bank without Access-Control-Allow-Origin (every other answer has it)
// Node's globals are imported: ESLint's Node globals cover scripts/ and configs, not test/.
import { Buffer } from 'node:buffer';
import console from 'node:console';
import { createServer } from 'node:http';
import { clearTimeout, setTimeout } from 'node:timers';
import { URL } from 'node:url';

export const GOOD_BANK = {
  format: 'quiz-bank/1',
  id: 'fault-bank',
  title: 'Fault bank',
  language: 'en',
  topics: [
    { id: 'network', title: 'Networks' },
    { id: 'servers', title: 'Servers' },
  ],
  questions: [
    { id: 'what-is-a-timeout', kind: 'concept', title: 'What is a timeout?', topics: ['network'], prompt: 'Explain a **timeout**.', answer: 'A limit on how long to wait.' },
    { id: 'what-is-a-reset', kind: 'concept', title: 'What is a connection reset?', topics: ['servers'], prompt: 'Explain a reset.', answer: 'The peer dropped the connection.' },
  ],
};

const changingQuestion = (id, title) => ({ id, kind: 'concept', title, topics: ['basics'], prompt: `${title}`, answer: `The answer to ${id}.` });

/** The changing bank: v2 removes `beta`, renames `alpha` (same id) and adds `gamma`. */
export const CHANGING_BANK = {
  v1: {
    format: 'quiz-bank/1',
    id: 'changing-bank',
    title: 'Changing bank v1',
    language: 'en',
    topics: [{ id: 'basics', title: 'Basics' }],
    questions: [changingQuestion('alpha', 'What is alpha?'), changingQuestion('beta', 'What is beta?')],
  },
  v2: {
    format: 'quiz-bank/1',
    id: 'changing-bank',
    title: 'Changing bank v2',
    language: 'en',
    topics: [{ id: 'basics', title: 'Basics' }],
    questions: [changingQuestion('alpha', 'What is alpha, renamed?'), changingQuestion('gamma', 'What is gamma?')],
  },
};

export const FAULTS = ['404', '500', 'html', 'truncated', 'never-ends', 'delay', 'reset', 'cors'];
const DEFAULT_DELAY_MS = 60_000;
const ERROR_PAGE = '<!doctype html>\n<html><head><title>Oops</title></head><body><h1>Something went wrong</h1><p>Try again later.</p></body></html>\n';

/**
 * Starts the server. Resolves to `{ origin, stats, totals, close }`; `close()` ends every open
 * connection and pending delay, then stops listening.
 */
export async function startFaultServer({ host = '127.0.0.1', port = 0 } = {}) {
  /** Per key: the requests seen and how each ended. */
  const keys = new Map();
  /** Keys whose `once` fault or `changing` v1 was already served, or whose `until` fault was healed. */
  const served = new Set();
  const sockets = new Set();
  const timers = new Set();
  const totals = { reports: 0, injected: 0, recovered: 0, unhandled: 0, stray: 0 };

  /**
   * `requests` seen; `faults`: answered with a fault (a type-* variant counts too); how they ended:
   * `completed` (sent in full), `aborted` (the client closed the connection first), `reset` (by us);
   * `open`: still going.
   */
  const statsOf = (key) => {
    let stats = keys.get(key);
    if (!stats) {
      stats = { requests: 0, faults: 0, completed: 0, aborted: 0, reset: 0, open: 0 };
      keys.set(key, stats);
    }
    return stats;
  };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://fault.invalid');
    const origin = req.headers.origin;
    const cors = origin ? { 'access-control-allow-origin': origin, vary: 'Origin' } : {};
    res.shouldKeepAlive = false;
    const send = (status, type, body, { allowOrigin = true, headers = {} } = {}) => {
      res.writeHead(status, {
        'content-type': type,
        'content-length': Buffer.byteLength(body),
        'cache-control': 'no-store',
        ...(allowOrigin ? cors : {}),
        ...headers,
      });
      res.end(body);
    };

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...cors, 'access-control-allow-methods': 'GET', 'access-control-allow-headers': req.headers['access-control-request-headers'] ?? '', 'access-control-max-age': '600' });
      res.end();
      return;
    }
    if (url.pathname === '/__stats') {
      const key = url.searchParams.get('key');
      send(200, 'application/json', JSON.stringify(key === null ? Object.fromEntries(keys) : statsOf(key)));
      return;
    }
    if (url.pathname === '/__heal') {
      served.add(url.searchParams.get('key'));
      send(200, 'application/json', '{"healed":true}');
      return;
    }
    if (url.pathname === '/__report') {
      totals.reports += 1;
      for (const name of ['injected', 'recovered', 'unhandled', 'stray']) totals[name] += Number(url.searchParams.get(name)) || 0;
      send(200, 'application/json', JSON.stringify(totals));
      return;
    }

    const match =
      /^\/(?<route>bank|changing)\/(?<key>[\w.-]+)\.json$/.exec(url.pathname) ??
      /^\/(?<route>fault|once|until)\/(?<key>[\w.-]+)\/(?<fault>[\w-]+)\.json$/.exec(url.pathname);
    if (!match?.groups) {
      send(404, 'text/plain', `No route ${url.pathname} on the fault server.\n`);
      return;
    }
    const { route, key } = match.groups;
    const stats = statsOf(key);
    stats.requests += 1;
    stats.open += 1;
    let ended = false;
    const end = (outcome) => {
      if (ended) return;
      ended = true;
      stats.open -= 1;
      stats[outcome] += 1;
    };
    res.on('finish', () => end('completed'));
    res.on('close', () => end('aborted'));

    if (route === 'changing') {
      const version = served.has(key) ? 'v2' : 'v1';
      served.add(key);
      send(200, 'application/json', JSON.stringify(CHANGING_BANK[version]));
      return;
    }
    let fault = match.groups.fault;
    if (route === 'once' || route === 'until') {
      if (served.has(key)) fault = undefined;
      if (route === 'once') served.add(key);
    }
    if (fault !== undefined && fault !== 'none') stats.faults += 1;
    const good = JSON.stringify(GOOD_BANK);

    switch (fault) {
      case undefined:
      case 'none':
        return send(200, 'application/json', good);
      case '404':
        return send(404, 'text/plain', 'Not Found\n');
      case '500':
        return send(500, 'text/plain', 'Internal Server Error\n');
      case 'html':
        return send(200, 'text/html; charset=utf-8', ERROR_PAGE);
      case 'truncated':
        return send(200, 'application/json', good.slice(0, Math.floor(good.length / 2)));
      case 'cors':
        return send(200, 'application/json', good, { allowOrigin: false });
      case 'never-ends': {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(good), 'cache-control': 'no-store', ...cors });
        res.write(good.slice(0, Math.floor(good.length / 2)));
        return;
      }
      case 'delay': {
        const ms = Number(url.searchParams.get('ms')) || DEFAULT_DELAY_MS;
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (!res.destroyed) send(200, 'application/json', good);
        }, ms);
        timers.add(timer);
        res.on('close', () => {
          clearTimeout(timer);
          timers.delete(timer);
        });
        return;
      }
      case 'reset':
        ended = true;
        stats.open -= 1;
        stats.reset += 1;
        req.socket.resetAndDestroy();
        return;
      default: {
        const type = /^type-([a-z]+)-([a-z0-9.+-]+)$/.exec(fault);
        if (type) return send(200, `${type[1]}/${type[2]}`, good);
        stats.faults -= 1;
        return send(400, 'text/plain', `Unknown fault "${fault}". Faults: ${FAULTS.join(', ')}, type-<a>-<b>.\n`);
      }
    }
  });

  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();

  return {
    origin: `http://${address.address}:${address.port}`,
    stats: (key) => statsOf(key),
    totals,
    openSockets: () => sockets.size,
    close: () =>
      new Promise((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        timers.clear();
        for (const socket of sockets) socket.destroy();
        sockets.clear();
        server.close(() => resolve());
      }),
  };
}

/** The line for the README's reliability table, from the counts the test files reported. */
export function summaryLine(totals) {
  return `faults injected ${totals.injected}, recovered by Retry ${totals.recovered}, unhandled rejections ${totals.unhandled}, stray timers ${totals.stray}`;
}

/**
 * Web Test Runner plugin: starts the fault server with the test server and stops it with it, serves
 * `/__fault-server.js` (`export const faultOrigin = 'http://127.0.0.1:<port>'`), and prints the
 * summary line once at the end of a run in which fault tests reported.
 */
export function faultServerPlugin() {
  let faultServer = null;
  return {
    name: 'quiz-fault-server',
    async serverStart() {
      faultServer = await startFaultServer();
    },
    serve(context) {
      if (context.path !== '/__fault-server.js' || !faultServer) return undefined;
      return { body: `export const faultOrigin = ${JSON.stringify(faultServer.origin)};\n`, type: 'js' };
    },
    async serverStop() {
      if (!faultServer) return;
      const { totals } = faultServer;
      await faultServer.close();
      faultServer = null;
      if (totals.reports > 0) console.log(summaryLine(totals));
    },
  };
}
