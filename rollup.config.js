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
 * marked builds its block and inline rules for every mode when its module loads: CommonMark, GFM,
 * GFM with `breaks`, and `pedantic`. The renderer lexes with GFM only (src/render/markdown.ts
 * passes `gfm: true, breaks: false, pedantic: false`), so the other modes' rule sets are cut,
 * with what only they use: ~0.9 KB gzip in the CDN markdown chunk. Their slots become `null`, so
 * a lexer asked for another mode fails loudly. The GFM sets extend the CommonMark ones (`{
 * ...normal, table: … }`): the CommonMark rules that GFM replaces go too, and the lexer's checks
 * of `this.options.pedantic` (and `gfm`, `breaks`) become constants, so terser drops the branches
 * for the other modes. Fails the build if marked's layout changes.
 */
const markedGfmOnly = {
  name: 'marked-gfm-only',
  transform(code, id) {
    if (!/[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/.test(id)) return null;
    const ast = this.parse(code);
    const out = new MagicString(code);
    const visit = (node, each) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach((child) => visit(child, each));
      if (typeof node.type === 'string') each(node);
      for (const key in node) if (key !== 'type') visit(node[key], each);
    };
    /** Top-level declarators by name, with their declaration. */
    const declared = new Map();
    for (const statement of ast.body) {
      if (statement.type !== 'VariableDeclaration') continue;
      for (const declarator of statement.declarations) if (declarator.id.type === 'Identifier') declared.set(declarator.id.name, { declarator, statement });
    }
    /** [start, end) of what is cut: `nulled` becomes `null`, `cut` goes. */
    const nulled = [];
    const cut = [];
    const isCut = (node) => [...nulled, ...cut].some(([start, end]) => node.start >= start && node.end <= end);
    /** References to each top-level name outside what is cut (not counting its own declaration). */
    const references = () => {
      const counts = new Map();
      visit(ast, (node) => {
        if (node.type !== 'Identifier' || !declared.has(node.name) || node === declared.get(node.name).declarator.id || isCut(node)) return;
        counts.set(node.name, (counts.get(node.name) ?? 0) + 1);
      });
      return counts;
    };
    const before = references();
    /** Cuts every declarator that only cut code referred to (rules are regexps and strings: no side effects), until none is left. */
    const removed = [];
    const sweep = () => {
      for (let counts = references(), more = true; more; counts = references()) {
        more = false;
        for (const [name, { declarator, statement }] of declared) {
          if (!before.get(name) || counts.get(name) || isCut(declarator) || !/^(Literal|TemplateLiteral|CallExpression|ObjectExpression)$/.test(declarator.init?.type ?? '')) continue;
          const list = statement.declarations;
          const index = list.indexOf(declarator);
          cut.push(index > 0 ? [list[index - 1].end, declarator.end] : [declarator.start, list[1]?.start ?? statement.end]);
          if (list.length === 1) cut.at(-1)[0] = statement.start;
          removed.push(name);
          more = true;
        }
      }
    };
    /** Cuts properties of an object literal, each with the comma after it. */
    const cutProperties = (object, which) =>
      object.properties.forEach((property, i) => which(property) && cut.push([property.start, object.properties[i + 1]?.start ?? property.end]));
    const key = (property) => (property.type === 'Property' && !property.computed ? (property.key.name ?? String(property.key.value)) : null);

    // 1. The rule sets by mode: `{normal, gfm, pedantic}` (block) and `{normal, gfm, breaks, pedantic}` (inline).
    visit(ast, (node) => {
      if (node.type !== 'ObjectExpression') return;
      const keys = node.properties.map(key).join();
      if (keys !== 'normal,gfm,pedantic' && keys !== 'normal,gfm,breaks,pedantic') return;
      for (const property of node.properties) {
        if (key(property) === 'gfm' || property.value.type !== 'Identifier') continue;
        out.overwrite(property.value.start, property.value.end, 'null');
        nulled.push([property.value.start, property.value.end]);
      }
    });
    if (nulled.length !== 5) this.error('marked-gfm-only: marked.esm.js changed its layout; update rollup.config.js');
    // The lexer's and tokenizer's checks of those modes are constants: terser drops the branches they guard.
    const MODES = { gfm: 'true', breaks: 'false', pedantic: 'false' };
    let checks = 0;
    visit(ast, (node) => {
      if (node.type === 'AssignmentExpression' && node.left.type === 'MemberExpression' && node.left.property.name in MODES) this.error('marked-gfm-only: marked sets a mode option itself; update rollup.config.js');
      const { object, property } = node.type === 'MemberExpression' && !node.computed ? node : {};
      if (!(property?.name in MODES) || object.type !== 'MemberExpression' || object.object.type !== 'ThisExpression' || object.property.name !== 'options') return;
      out.overwrite(node.start, node.end, MODES[property.name]);
      checks++;
    });
    if (checks < 20) this.error('marked-gfm-only: the lexer no longer reads this.options.pedantic; update rollup.config.js');
    sweep();
    // 2. A rule set left only as the base of others (`{ ...normal, … }`) loses the rules every one of them replaces.
    const spreads = new Map();
    visit(ast, (node) => {
      if (node.type !== 'ObjectExpression' || isCut(node)) return;
      for (const property of node.properties) {
        if (property.type === 'SpreadElement' && property.argument.type === 'Identifier') spreads.set(property.argument.name, [...(spreads.get(property.argument.name) ?? []), node]);
      }
    });
    const counts = references();
    for (const [name, objects] of spreads) {
      const base = declared.get(name)?.declarator.init;
      if (base?.type !== 'ObjectExpression' || counts.get(name) !== objects.length || base.properties.some((property) => key(property) === null)) continue;
      const replaced = objects.map((object) => {
        const at = object.properties.findIndex((property) => property.type === 'SpreadElement' && property.argument.name === name);
        return new Set(object.properties.slice(at + 1).map(key));
      });
      cutProperties(base, (property) => replaced.every((keys) => keys.has(key(property))));
    }
    sweep();
    if (removed.length < 3) this.error('marked-gfm-only: the rules of the other modes were not found; update rollup.config.js');
    // Adjacent declarators give touching or overlapping ranges: merge them first.
    const ranges = cut.sort((a, b) => a[0] - b[0]).reduce((merged, [start, end]) => {
      const last = merged.at(-1);
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
      return merged;
    }, []);
    for (const [start, end] of ranges) out.remove(start, end);
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
  },
};

/**
 * marked keeps the regexps of its lexer and of its HTML renderer in one object (`rules.other`).
 * Once Rollup has dropped the renderer, the regexps only it used (escaping, URL cleaning) are
 * still there: drop every property of that object that the chunk never reads. ~0.1 KB gzip.
 */
const markedUnusedRules = {
  name: 'marked-unused-rules',
  renderChunk(code, chunk) {
    if (!chunk.moduleIds.some((id) => /[\\/]marked[\\/]lib[\\/]marked\.esm\.js$/.test(id))) return null;
    const ast = this.parse(code);
    const read = new Set();
    let rules = null;
    const visit = (node) => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(visit);
      // Read as `x.name`, `x['name']` or `{ name } = x`.
      if (node.type === 'MemberExpression' && !node.computed && node.property.type === 'Identifier') read.add(node.property.name);
      if (node.type === 'MemberExpression' && node.computed && node.property.type === 'Literal') read.add(String(node.property.value));
      if (node.type === 'ObjectPattern') for (const p of node.properties) if (p.key?.type === 'Identifier') read.add(p.key.name);
      if (node.type === 'ObjectExpression' && node.properties.some((p) => p.key?.name === 'codeRemoveIndent')) rules = node;
      for (const key in node) if (key !== 'type') visit(node[key]);
    };
    visit(ast);
    if (!rules) this.error('marked-unused-rules: marked.esm.js changed its layout; update rollup.config.js');
    // Only plain `name: value` properties; anything computed or spread keeps the object as it is.
    if (rules.properties.some((p) => p.type !== 'Property' || p.computed || p.key.type !== 'Identifier')) return null;
    const out = new MagicString(code);
    const properties = rules.properties;
    properties.forEach((property, i) => {
      if (read.has(property.key.name)) return;
      out.remove(property.start, i + 1 < properties.length ? properties[i + 1].start : property.end);
    });
    return { code: out.toString(), map: out.generateMap({ hires: true }) };
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
  ['progress-file', /\/src\/progress\/progress-file\.ts$/],
  ['load-url', /\/src\/bank\/load-url\.ts$/],
  ['load-error', /\/src\/elements\/load-error-message\.ts$/],
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

/**
 * The progress store and the records it reads and writes (`stored-record.ts`) are one chunk,
 * fetched on a card's first answer: Rollup would split the records off, because the progress sync
 * reaches them without the store (it always has one: it is given the store to sync), and two
 * files cost 0.5 KB more than one. The export file's reader (`progress-file.ts`) stays a chunk
 * of its own, fetched only to import a file. A manual chunk also takes in every module its
 * modules import statically that no other manual chunk holds: so the entry's own modules are
 * named after the entry, and stay there.
 */
const CDN_MANUAL_CHUNKS = [
  ['progress-store', /[\\/]src[\\/]progress[\\/](store|stored-record)\.ts$/],
  ['progress-file', /[\\/]src[\\/]progress[\\/]progress-file\.ts$/],
];
const CDN_ENTRY = resolve('src/cdn.ts');
/** The entry's static imports, all the way down, of the build whose `getModuleInfo` this is. */
let entryModules = { of: null, ids: new Set() };
function cdnManualChunks(id, { getModuleInfo }) {
  const manual = CDN_MANUAL_CHUNKS.find(([, pattern]) => pattern.test(id));
  if (manual) return manual[0];
  if (entryModules.of !== getModuleInfo) {
    entryModules = { of: getModuleInfo, ids: new Set() };
    const queue = [CDN_ENTRY];
    for (let next; (next = queue.pop()); ) {
      if (entryModules.ids.has(next)) continue;
      entryModules.ids.add(next);
      queue.push(...(getModuleInfo(next)?.importedIds ?? []));
    }
  }
  return entryModules.ids.has(id) ? 'quiz-elements' : undefined;
}

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
      // Hex hashes: the entry names every lazy chunk, and 8 hex digits compress to fewer bytes
      // than 8 of base64's 64 characters (14 bytes less in the entry, which sits at its budget).
      hashCharacters: 'hex',
      manualChunks: cdnManualChunks,
      sourcemap: true,
    },
    plugins: [
      markedLexerOnly,
      markedGfmOnly,
      nodeResolve({ browser: true }),
      json({ preferConst: true }),
      typescriptFor({ declaration: false, declarationMap: false, outDir: 'dist/cdn', sourceMap: true }),
      retryChunkImports(),
      minifyTemplates,
      markedUnusedRules,
      terser({ module: true, ecma: 2020, format: { comments: false }, compress: { passes: 3 } }),
    ],
  },
];
