/** Starts the real LRS of this folder for a test (see README.md) and stops it. */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

export interface RunningLrs {
  /** The xAPI endpoint, ending in `/`. */
  endpoint: string;
  stop(): void;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Starts the LRS (installing it on first use, ~20 s) on a free port. */
export async function startLrs(): Promise<RunningLrs> {
  const port = await freePort();
  const script = fileURLToPath(new URL('./start.sh', import.meta.url));
  const output = await new Promise<string>((resolve, reject) => {
    const child = spawn('bash', [script, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    let errors = '';
    child.stdout.on('data', (chunk: Buffer) => (text += chunk));
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk));
    child.on('exit', (code) => (code === 0 ? resolve(text) : reject(new Error(`the test LRS did not start (exit ${code}): ${errors.trim()}`))));
  });
  const endpoint = /^(http:\/\/\S+)$/m.exec(output)?.[1];
  const pid = Number(/^pid (\d+)$/m.exec(output)?.[1]);
  if (!endpoint || !pid) throw new Error(`the test LRS printed no endpoint: ${output}`);
  return {
    endpoint,
    stop: () => {
      try {
        process.kill(pid);
      } catch {
        // already gone
      }
    },
  };
}
