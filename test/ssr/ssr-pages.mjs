// Web Test Runner plugin: `/__ssr/<fixture>.html` is a page with a server-rendered card, made by
// test/ssr/page.ts (run with tsx, as a server would run quiz-elements/ssr).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const PAGE = fileURLToPath(new URL('./page.ts', import.meta.url));

export function ssrPagesPlugin() {
  return {
    name: 'quiz-ssr-pages',
    async serve(context) {
      const match = /^\/__ssr\/([\w-]+)\.html$/.exec(context.path);
      if (!match) return undefined;
      const body = await new Promise((resolve, reject) =>
        execFile(process.execPath, ['--import', 'tsx', PAGE, match[1]], { maxBuffer: 10 * 1024 * 1024 }, (error, stdout, stderr) =>
          error ? reject(new Error(`${PAGE} ${match[1]}: ${stderr || error.message}`)) : resolve(stdout),
        ),
      );
      return { body, type: 'html' };
    },
  };
}
