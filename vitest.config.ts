// Vitest runs only the Storybook stories, as tests in Chromium (`vitest run --project storybook`,
// or scripts/test-stories.mjs): each story renders, passes axe (preview.ts: `a11y.test: 'error'`)
// and plays its `play` function. Unit and browser tests of src/ run elsewhere (scripts/test.mjs).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { playwright } from '@vitest/browser-playwright';
import { defineConfig } from 'vitest/config';
import { browserEnv, detectBrowsers } from './scripts/browsers.mjs';

const rootDir = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig(async () => {
  // Browsers write profiles and caches under $HOME/$XDG_*: keep them in .cache/ in the checkout.
  Object.assign(process.env, browserEnv(rootDir));
  // The system Chromium, else the one @sparticuz/chromium ships (QUIZ_CHROMIUM_PATH overrides both).
  const { chromium, problems } = await detectBrowsers({ engines: ['chromium'] });
  if (!chromium) throw new Error(`Story tests need Chromium: ${problems.chromium}`);
  return {
    test: {
      projects: [
        {
          extends: true,
          plugins: [storybookTest({ configDir: path.join(rootDir, '.storybook') })],
          test: {
            name: 'storybook',
            // Keyboard smoke tests press real keys through Playwright (stories/smoke.ts).
            setupFiles: [path.join(rootDir, '.storybook/vitest.setup.ts')],
            browser: {
              enabled: true,
              headless: true,
              provider: playwright({ launchOptions: { executablePath: chromium.path, args: chromium.args } }),
              instances: [{ browser: 'chromium' }],
            },
          },
        },
      ],
    },
  };
});
