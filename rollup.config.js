// Two builds from one source tree (see scripts/check-build.mjs for the size budgets):
// - dist/: unbundled ES modules + .d.ts for npm users and bundlers (dependencies stay imports);
// - dist/cdn/quiz-elements.js: one self-contained entry for a plain <script type="module">, with
//   Lit and every other dependency inlined and lazy parts split into chunks beside it.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';
import MagicString from 'magic-string';

const isTest = (file) => /\.(test|bench)\.ts$/.test(file);
const isDataJson = (id) => /[\\/]data[\\/].*\.json$/.test(id);

/** Every module of src/ except tests, so npm users can import any public entry directly. */
function sourceModules(dir = 'src') {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceModules(path);
    return path.endsWith('.ts') && !isTest(path) && !path.endsWith('.d.ts') ? [path] : [];
  });
}

/**
 * Keeps imports of data/*.json as they are written in src/: dist/ mirrors src/ one level deep,
 * and data/ ships with the package, so the same relative path is right after the build.
 */
const keepDataImports = {
  name: 'keep-data-imports',
  resolveId(source) {
    return isDataJson(source) && source.startsWith('.') ? { id: source, external: 'absolute' } : null;
  },
};

/**
 * The markdown renderer uses only marked's Lexer (tokens become Lit templates). marked's module
 * ends by building a default \`marked\` instance with its HTML Parser and Renderer, which Rollup
 * cannot drop: cut that tail and export only what we import. Saves ~3.2 KB gzip in the CDN
 * markdown chunk. Fails the build if marked's layout changes, rather than silently growing.
 */
const markedLexerOnly = {
  name: 'marked-lexer-only',
  transform(code, id) {
    if (!/[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/.test(id)) return null;
    const tail = code.search(/var \w+=new \w+;function \w+\(\w+,\w+\)\{return \w+\.parse\(/);
    const lexer = /(\w+) as Lexer\b/.exec(code.slice(tail))?.[1];
    const defaults = /(\w+) as getDefaults\b/.exec(code.slice(tail))?.[1];
    if (tail < 0 || !lexer || !defaults) this.error('marked-lexer-only: marked.esm.js changed its layout; update rollup.config.js');
    return { code: `${code.slice(0, tail)}export{${lexer} as Lexer,${defaults} as getDefaults};`, map: null };
  },
};

/**
 * Lit's css`` and html`` templates keep their source indentation and comments, which terser
 * cannot touch (they are string contents). For the CDN build: drop CSS comments, collapse each
 * run of whitespace that holds a line break to one space (the same rendering: no template holds
 * preformatted text), and drop spaces around CSS braces and semicolons. ~0.3 KB gzip.
 */
const minifyTemplates = {
  name: 'minify-lit-templates',
  transform(code, id) {
    // TypeScript prints a tagged template as `css \`…\``, with a space before the backtick.
    if (!/[\\/]src[\\/].+\.ts$/.test(id) || !/\b(css|html)\s*`/.test(code)) return null;

    const out = new MagicString(code);
    const visit = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      if (node.type === 'TaggedTemplateExpression' && node.tag.type === 'Identifier' && /^(css|html)$/.test(node.tag.name)) {
        for (const quasi of node.quasi.quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const small = node.tag.name === 'css'
            ? raw.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/\s+/g, ' ').replace(/ ?([{};]) ?/g, '$1').replace(/([:,]) /g, '$1')
            : raw.replace(/\s*\n\s*/g, ' ');
          if (small !== raw && quasi.end > quasi.start) out.overwrite(quasi.start, quasi.end, small);
        }
      }
      for (const key in node) if (key !== 'type') visit(node[key]);
    };
    visit(this.parse(code));
    return out.hasChanged() ? { code: out.toString(), map: out.generateMap({ hires: true }) } : null;
  },
};

/**
 * CDN build: every dynamic import() of src/ goes through importChunk (src/lazy.ts), which retries a
 * failed chunk under a new URL: Chromium 150 and older and Firefox ESR 153 keep a failed module
 * import failed for the page's lifetime. `import('./x.js')` becomes
 * `importChunk((__chunkUrl) => import('./x.js'))` here, so Rollup still sees a plain import() to
 * split; the rendered import is `import(__chunkUrl("./chunks/x-hash.js"))`. Costs 0.14 KB gzip
 * on a one-card page (the entry +0.12 KB, the markdown chunk +13 bytes).
 */
const LAZY_MODULE = resolve('src/lazy.ts');
function retryChunkImports() {
  const wrapped = new Set();
  return {
    name: 'retry-chunk-imports',
    transform(code, id) {
      if (!/[\\/]src[\\/].+\.ts$/.test(id) || id === LAZY_MODULE || !code.includes('import(')) return null;
      const out = new MagicString(code);
      const visit = (node) => {
        if (!node || typeof node !== 'object') return;
        if (Array.isArray(node)) return node.forEach(visit);
        if (node.type === 'ImportExpression' && node.source.type === 'Literal') {
          out.appendLeft(node.start, '__importChunk((__chunkUrl) => ');
          out.prependRight(node.end, ')');
        }
        for (const key in node) if (key !== 'type') visit(node[key]);
      };
      visit(this.parse(code));
      if (!out.hasChanged()) return null;
      wrapped.add(id);
      out.prepend(`import { importChunk as __importChunk } from ${JSON.stringify(LAZY_MODULE)};\n`);
      return { code: out.toString(), map: out.generateMap({ hires: true }) };
    },
    renderDynamicImport({ moduleId, targetChunk }) {
      return wrapped.has(moduleId) && targetChunk ? { left: 'import(__chunkUrl(', right: '))' } : null;
    },
  };
}

/**
 * File names of the CDN chunks, by what they hold, so scripts/check-build.mjs can hold each lazy
 * part to its own size budget. The chunks are where Rollup splits the dynamic imports.
 */
const CDN_CHUNK_NAMES = [
  ['importer', /\/src\/import\/markdown\.ts$/],
  ['gift', /\/src\/import\/gift\.ts$/],
  ['import-shared', /\/src\/import\/titles\.ts$/],
  ['markdown', /\/src\/render\/markdown\.ts$/],
  ['code-block', /\/src\/render\/code-block\.ts$/],
  ['math', /\/src\/render\/math\.ts$/],
  ['scheduling', /\/src\/progress\/fsrs\.ts$/],
  ['progress-api', /\/src\/progress\/index\.ts$/],
  ['progress-store', /\/src\/progress\/store\.ts$/],
  ['progress-views', /\/src\/elements\/quiz-card\/progress-views\.ts$/],
  ['summary', /\/src\/elements\/quiz-card\/summary\.ts$/],
  ['exam', /\/src\/elements\/quiz-card\/exam\.ts$/],
  ['recorder', /\/src\/elements\/quiz-card\/recorder\.ts$/],
  ['typed-question', /\/src\/elements\/quiz-card\/typed-question\.ts$/],
  ['search', /\/src\/search\/question-index\.ts$/],
  ['zh-CN', /\/src\/i18n\/zh-CN\.ts$/],
  ['records', /\/src\/records\/start\.ts$/],
  ['records-xapi', /\/src\/records\/xapi-sink\.ts$/],
  ['records-scorm', /\/src\/records\/scorm-sink\.ts$/],
  ['progress-sync', /\/src\/xapi\/state-sync\.ts$/],
  ...['true-false', 'fill-in', 'numeric', 'ordering', 'matching'].map((type) => [`view-${type}`, new RegExp(`/src/interactions/${type}/view\\.ts$`)]),
];
function cdnChunkFileName(chunk) {
  const ids = chunk.moduleIds.map((id) => id.split('\\').join('/'));
  const named = CDN_CHUNK_NAMES.find(([, pattern]) => ids.some((id) => pattern.test(id)));
  return `chunks/${named ? named[0] : '[name]'}-[hash].js`;
}

const typescriptFor = (options) =>
  typescript({ tsconfig: './tsconfig.build.json', ...options });

// Stale chunks from earlier builds would otherwise ship and skew the size table.
rmSync('dist', { recursive: true, force: true });

export default [
  {
    input: sourceModules(),
    output: { dir: 'dist', format: 'es', preserveModules: true, preserveModulesRoot: 'src', sourcemap: true, importAttributesKey: 'with' },
    // Packages are peers of the user's app: their bundler dedupes Lit across libraries. The
    // bundled banks stay JSON files in data/ (shipped with the package), imported lazily.
    external: (id) => /^(node:|lit|@lit\/|@lit-labs\/|marked|fflate|temml|@highlightjs\/|react($|\/))/.test(id),
    treeshake: { moduleSideEffects: (id, external) => !(external && isDataJson(id)) },
    plugins: [keepDataImports, typescriptFor({ declaration: true, declarationDir: 'dist', outDir: 'dist' })],
  },
  {
    input: { 'quiz-elements': 'src/cdn.ts' },
    // Shared code may live in the entry itself, so the page loads one file before any lazy chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: cdnChunkFileName,
      sourcemap: true,
    },
    plugins: [
      markedLexerOnly,
      nodeResolve({ browser: true }),
      json({ preferConst: true }),
      typescriptFor({ declaration: false, declarationMap: false, outDir: 'dist/cdn', sourceMap: true }),
      retryChunkImports(),
      minifyTemplates,
      terser({ module: true, ecma: 2020, format: { comments: false }, compress: { passes: 3 } }),
    ],
  },
];
