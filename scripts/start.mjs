// `npm start`: serves the demo pages from the TypeScript sources (no build step) on a fixed port.
import path from 'node:path';
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

// Paths from this script's folder, so `node scripts/start.mjs` works from anywhere.
const root = path.resolve(import.meta.dirname, '..');

const port = Number(process.env.PORT ?? 8123);
const server = await startDevServer({
  config: {
    rootDir: root,
    port,
    hostname: process.env.HOST ?? 'localhost',
    nodeResolve: true,
    watch: false,
    middleware: [
      function demoIndex(context, next) {
        if (context.path === '/' || context.path === '/index.html') context.redirect('/demo/');
        return next();
      },
    ],
    // No target: esbuild keeps `with { type: 'json' }` only at its default (esnext) output.
    plugins: [esbuildPlugin({ ts: true, tsconfig: path.join(root, 'tsconfig.json') })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const url = `http://localhost:${server.config.port}/demo/`;
process.stdout.write(
  `\nquiz-elements demo tour: ${url}\n  blog post ${url}blog.html · course ${url}course.html · dark ${url}dark.html\n  bank from a URL ${url}url.html · import a document ${url}author.html · card gallery ${url}cards.html\n(press Ctrl+C to stop)\n\n`,
);
