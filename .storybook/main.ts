import type { StorybookConfig } from '@storybook/web-components-vite';
import type { Plugin } from 'vite';

/**
 * package.json `sideEffects` lists only dist/, so a production build treats `import './quiz-card.js'`
 * from src/ as removable and the element never registers. Element modules define custom elements
 * when imported: tell the bundler so (a transform result outranks package.json).
 */
const elementModulesHaveSideEffects: Plugin = {
  name: 'quiz-elements:element-side-effects',
  transform: {
    filter: { id: /[\\/]src[\\/]elements[\\/].+\.ts$/ },
    handler: () => ({ moduleSideEffects: true }),
  },
};

/**
 * Vite's dev server turns JSON into a JS module but keeps `{ with: { type: 'json' } }` on dynamic
 * imports, so the browser rejects the bundled banks (vitejs/vite#19095; builds are fine). Blank the
 * attributes out with spaces so columns, and so source maps, stay as they were.
 */
const devJsonImportAttributes: Plugin = {
  name: 'quiz-elements:dev-json-import-attributes',
  apply: 'serve',
  transform: {
    filter: { id: /[\\/]src[\\/].+\.ts$/, code: 'json' },
    handler: (code) => {
      const stripped = code.replace(/(import\(\s*(["'`])[^"'`]+\.json\2)(\s*,\s*\{\s*with\s*:\s*\{\s*type\s*:\s*["']json["']\s*\}\s*\})/g, (_, call: string, _q, attributes: string) => call + ' '.repeat(attributes.length));
      return stripped === code ? null : { code: stripped, map: null };
    },
  },
};

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  // a11y: axe on every story (in the panel, and as part of each story test: preview.ts sets
  // `a11y.test`); vitest: stories as tests (vitest.config.ts, scripts/test-stories.mjs).
  addons: ['@storybook/addon-docs', '@storybook/addon-a11y', '@storybook/addon-vitest'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // Stories load banks by URL (src="quiz-data/banks/…"), as a page would; the iframe sits at the root.
  // Not at /data: in dev that is where Vite serves data/*.json as modules (the bundled banks),
  // and a static dir there would answer those module requests with raw JSON.
  staticDirs: [{ from: '../data', to: '/quiz-data' }],
  viteFinal: async (vite) => {
    const { mergeConfig } = await import('vite');
    return mergeConfig(vite, {
      plugins: [elementModulesHaveSideEffects, devJsonImportAttributes],
      // Storybook's renderer imports lit/directive-helpers.js, which the dependency scan misses; served
      // unbundled it brings a second copy of lit-html ("Multiple versions of Lit loaded"). The math
      // chunk's dependencies are imported lazily, so the scan misses them too: found mid-run, Vite
      // re-bundles and reloads the page under a running story (the Summary story failed so).
      optimizeDeps: { include: ['lit/directive-helpers.js', 'lit/directives/unsafe-html.js', 'temml'] },
      // Storybook's own docs renderer is ~1 MB; our chunks are far below the default 500 kB.
      build: { chunkSizeWarningLimit: 1200 },
    });
  },
};

export default config;
