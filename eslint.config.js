// ESLint 9 flat config: TypeScript, Lit and Lit accessibility rules, plus the layering rule that
// keeps bank/, import/, search/ and progress/ free of Lit, the DOM and Node (see STYLE.md).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const UI_CODE = ['src/**/*.ts', 'test/**/*.ts', 'stories/**/*.ts', 'demo/**/*.ts', 'examples/**/*.{js,ts,tsx}'];
const TESTS = ['**/*.test.ts'];
const NODE_CODE = ['scripts/**', 'bin/**', 'bench/**', 'src/cli/**', 'src/package/**', 'src/plugins/**', 'test/**/*.mjs', '*.config.{js,mjs,cjs,ts}'];
const PORTABLE_CODE = ['src/bank/**', 'src/import/**', 'src/search/**', 'src/progress/**', 'src/xapi/**', 'src/scorm/**'];

const PORTABLE_WHY = 'must run in Node and in the browser without a DOM (STYLE.md)';
// The one file of portable code allowed the browser's storage: the progress store's adapter.
const BROWSER_ADAPTERS = ['src/progress/web-storage.ts'];
const BROWSER_GLOBALS = [
  'window',
  'document',
  'navigator',
  'location',
  'history',
  'localStorage',
  'sessionStorage',
  'indexedDB',
  'customElements',
  'HTMLElement',
  'Element',
];
const LIT_MODULE = '^(lit|lit-html|lit-element|@lit|@lit-labs)(/|$)';

export default defineConfig([
  globalIgnores(['dist/', 'node_modules/', 'storybook-static/', 'coverage/', 'data/', '.cache/']),

  js.configs.recommended,
  tseslint.configs.recommended,

  { files: UI_CODE, extends: [lit.configs['flat/recommended'], litA11y.configs.recommended] },
  { files: UI_CODE, languageOptions: { globals: globals.browser } },
  { files: NODE_CODE, languageOptions: { globals: globals.node } },
  // Benchmarks drive browsers: the functions they hand to page.evaluate() run in the page.
  { files: ['bench/**'], languageOptions: { globals: { ...globals.node, ...globals.browser } } },

  {
    rules: {
      'no-eval': 'error',
      'no-implied-eval': 'error',
      'no-new-func': 'error',
    },
  },

  // Chai assertions such as `expect(x).to.be.true` are expressions.
  { files: TESTS, rules: { '@typescript-eslint/no-unused-expressions': 'off' } },

  {
    files: PORTABLE_CODE,
    ignores: TESTS,
    rules: {
      // `globalThis.localStorage` and friends are the same globals by another name.
      'no-restricted-properties': [
        'error',
        ...BROWSER_GLOBALS.map((property) => ({
          object: 'globalThis',
          property,
          message: `Browser-only global: this code ${PORTABLE_WHY}; take what you need as a parameter.`,
        })),
        ...['addEventListener', 'removeEventListener'].map((property) => ({
          object: 'globalThis',
          property,
          message: `Browser events: this code ${PORTABLE_WHY}; take what you need as a parameter.`,
        })),
      ],
      'no-restricted-imports': [
        'error',
        {
          paths: builtinModules.map((name) => ({ name, message: `Node built-in: this code ${PORTABLE_WHY}.` })),
          patterns: [
            { regex: LIT_MODULE, message: `No Lit here: this code ${PORTABLE_WHY}.` },
            { regex: '^node:', message: `No Node built-ins here: this code ${PORTABLE_WHY}.` },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          // Dynamic import() of the same modules (no-restricted-imports only sees static imports).
          selector: String.raw`ImportExpression[source.value=/^(node:|lit($|\W)|@lit(-labs)?\W)/]`,
          message: `No Lit or Node built-ins here: this code ${PORTABLE_WHY}.`,
        },
      ],
      'no-restricted-globals': [
        'error',
        ...BROWSER_GLOBALS.map((name) => ({
          name,
          message: `Browser-only global: this code ${PORTABLE_WHY}; take what you need as a parameter.`,
        })),
        ...['process', 'Buffer', 'require', '__dirname', '__filename', 'global'].map((name) => ({
          name,
          message: `Node-only global: this code ${PORTABLE_WHY}.`,
        })),
      ],
    },
  },

  // The thin browser adapter of the progress store (localStorage and the `storage` event) may use
  // browser globals; it still may not import Lit or Node built-ins.
  { files: BROWSER_ADAPTERS, rules: { 'no-restricted-properties': 'off', 'no-restricted-globals': 'off' } },
]);
