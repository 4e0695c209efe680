#!/usr/bin/env node
// The published CLI runs the compiled code in dist/; inside the repository use `npm run data`
// or `node --import tsx src/cli/main.ts`, which need no build.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(compiled)) {
  process.stderr.write('quiz-elements: dist/ is missing; run `npm run build` first\n');
  process.exit(1);
}
const { main } = await import(compiled.href);
process.exitCode = await main(process.argv.slice(2));
