// Runs after `rollup -c` (npm run build): checks that what we ship works as documented.
// - dist/cdn is self-contained: no bare imports ("lit", "marked"…) left in any file;
// - every package.json export points at a file that exists;
// - a plain HTML page with only <script type="module" src=".../quiz-elements.js"> shows a
//   quiz-card from a bank URL, a bundled bank and inline JSON in headless Chromium;
// - prints the gzip size of the entry and of each lazy chunk.
import { createServer } from 'node:http';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import puppeteer from 'puppeteer-core';
import { parseAst } from 'rollup/parseAst';
import { detectBrowsers } from './browsers.mjs';

const root = resolve(import.meta.dirname, '..');
const cdn = join(root, 'dist', 'cdn');
const problems = [];

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

// 1. Self-contained CDN build.
const cdnFiles = files(cdn).filter((f) => f.endsWith('.js'));
/** Every module specifier a file imports, statically or with import(), from Rollup's own parser. */
function specifiers(code) {
  const found = [];
  const visit = (node) => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    if (/^(ImportDeclaration|ExportNamedDeclaration|ExportAllDeclaration|ImportExpression)$/.test(node.type) && node.source?.type === 'Literal') {
      found.push(node.source.value);
    }
    for (const key in node) if (key !== 'type') visit(node[key]);
  };
  visit(parseAst(code));
  return found;
}

for (const file of cdnFiles) {
  for (const specifier of specifiers(readFileSync(file, 'utf8'))) {
    if (!/^(\.{1,2}\/|\/|https?:)/.test(specifier)) problems.push(`${relative(root, file)} imports "${specifier}": the CDN build must not need a bundler`);
  }
}

// 2. package.json exports.
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const targets = [pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {})];
for (const value of Object.values(pkg.exports)) targets.push(...(typeof value === 'string' ? [value] : Object.values(value)));
for (const target of targets.filter((t) => t && !t.includes('*'))) {
  if (!existsSync(join(root, target))) problems.push(`package.json points at ${target}, which the build did not produce`);
}

// 3. The CDN file in a plain page.
const bank = {
  format: 'quiz-bank/1', id: 'build-check', title: 'Build check', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [{ id: 'q', kind: 'concept', title: 'Served from a URL', topics: ['t'], prompt: 'Does **markdown** render?', answer: 'Yes.' }],
};
const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>check</title>
<script type="module" src="/dist/cdn/quiz-elements.js"></script></head><body>
<quiz-card id="url" src="/bank.json"></quiz-card>
<quiz-card id="bundled" bank="llm-fundamentals" count="2"></quiz-card>
<quiz-card id="inline"><script type="application/json">{"title":"Inline JSON","prompt":"p","answer":"a"}</script></quiz-card>
</body></html>`;
const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.map': 'application/json' };
const server = createServer((request, response) => {
  const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
  if (path === '/' || path === '/index.html') return response.writeHead(200, { 'content-type': types['.html'] }).end(page);
  if (path === '/bank.json') return response.writeHead(200, { 'content-type': types['.json'] }).end(JSON.stringify(bank));
  const file = resolve(root, `.${path}`);
  if (!file.startsWith(root + sep) || !existsSync(file) || statSync(file).isDirectory()) return response.writeHead(404).end('not found');
  response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const found = await detectBrowsers({ engines: ['chromium'] });
if (!found.chromium) {
  problems.push(`no Chromium to check the CDN build in: ${found.problems.chromium}`);
} else {
  const browser = await puppeteer.launch({ executablePath: found.chromium.path, headless: true, args: found.chromium.args });
  try {
    const tab = await browser.newPage();
    const errors = [];
    tab.on('pageerror', (error) => errors.push(error.message));
    await tab.goto(`http://127.0.0.1:${server.address().port}/`);
    const titles = await tab
      .waitForFunction(
        () => {
          const read = (id) => globalThis.document.getElementById(id)?.shadowRoot?.querySelector('[part~="title"]')?.textContent ?? null;
          const all = ['url', 'bundled', 'inline'].map(read);
          return all.every(Boolean) && all;
        },
        { timeout: 15_000 },
      )
      .then((handle) => handle.jsonValue())
      .catch(() => null);
    if (!titles) problems.push('the CDN build did not render all three quiz-cards within 15 s');
    else if (titles.join('|') !== 'Served from a URL|什么是大模型？|Inline JSON') problems.push(`unexpected card titles: ${titles.join(' | ')}`);
    for (const message of errors) problems.push(`page error: ${message}`);
  } finally {
    await browser.close();
  }
}
server.close();

// 4. Sizes.
const rows = cdnFiles
  .map((file) => ({ file: relative(cdn, file), raw: statSync(file).size, gzip: gzipSync(readFileSync(file), { level: 9 }).length }))
  .sort((a, b) => (a.file === 'quiz-elements.js' ? -1 : b.file === 'quiz-elements.js' ? 1 : b.gzip - a.gzip));
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log('\nCDN build (dist/cdn)                          raw      gzip');
for (const row of rows) console.log(`${row.file.padEnd(44)} ${kb(row.raw).padStart(9)} ${kb(row.gzip).padStart(9)}`);

if (problems.length > 0) {
  console.error(`\nbuild check failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nbuild check: CDN build is self-contained and renders quiz-cards in Chromium; package exports resolve.');
