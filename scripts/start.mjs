// `npm start`: serves the demo pages from the TypeScript sources (no build step) on a fixed port.
import { startDevServer } from '@web/dev-server';
import { esbuildPlugin } from '@web/dev-server-esbuild';

const port = Number(process.env.PORT ?? 8123);
const server = await startDevServer({
  config: {
    rootDir: '.',
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
    plugins: [esbuildPlugin({ ts: true, tsconfig: 'tsconfig.json' })],
  },
  readCliArgs: false,
  readFileConfig: false,
  logStartMessage: false,
});
const url = `http://localhost:${server.config.port}/demo/`;
process.stdout.write(`\nquiz-elements demo: ${url}\n(press Ctrl+C to stop)\n\n`);
