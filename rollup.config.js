// Two builds from one source tree:
// - dist/: unbundled ES modules + .d.ts for npm users and bundlers (dependencies stay imports);
// - dist/cdn/quiz-elements.js: one self-contained entry for a plain <script type="module">, with
//   Lit and every other dependency inlined and lazy parts split into chunks beside it.
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import json from '@rollup/plugin-json';
import nodeResolve from '@rollup/plugin-node-resolve';
import terser from '@rollup/plugin-terser';
import typescript from '@rollup/plugin-typescript';

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
    external: (id) => /^(node:|lit|@lit\/|@lit-labs\/|valibot|marked|ts-fsrs|@highlightjs\/)/.test(id),
    treeshake: { moduleSideEffects: (id, external) => !(external && isDataJson(id)) },
    plugins: [keepDataImports, typescriptFor({ declaration: true, declarationDir: 'dist', outDir: 'dist' })],
  },
  {
    input: { 'quiz-elements': 'src/index.ts' },
    // Shared code may live in the entry itself, so the page loads one file before any lazy chunk.
    preserveEntrySignatures: 'allow-extension',
    output: {
      dir: 'dist/cdn',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: true,
    },
    plugins: [
      nodeResolve({ browser: true }),
      json({ preferConst: true }),
      typescriptFor({ declaration: false, declarationMap: false, outDir: 'dist/cdn', sourceMap: true }),
      terser({ format: { comments: false }, compress: { passes: 2 } }),
    ],
  },
];
