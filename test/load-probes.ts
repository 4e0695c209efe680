/** Promise probes shared by the loader's Node unit tests (load, catalog). */
import assert from 'node:assert/strict';
import { BankLoadError, type BankLoadErrorKind } from '../src/bank/load-errors.js';

export function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

/** Settles pending promise callbacks (several hops: fetch, body, parse). */
export async function flush(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve();
}

/** How a promise ended so far, without waiting for it. */
export function outcome(promise: Promise<unknown>): { state: string; value?: unknown } {
  const seen: { state: string; value?: unknown } = { state: 'pending' };
  promise.then(
    (value) => Object.assign(seen, { state: 'resolved', value }),
    (value: unknown) => Object.assign(seen, { state: 'rejected', value }),
  );
  return seen;
}

/** Rejects with a BankLoadError of `kind` whose message contains every `text`; returns the error. */
export async function failsWith(promise: Promise<unknown> | (() => unknown), kind: BankLoadErrorKind, ...texts: string[]): Promise<BankLoadError> {
  let caught: unknown;
  try {
    await (typeof promise === 'function' ? promise() : promise);
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof BankLoadError, `expected a BankLoadError, got ${String(caught)}`);
  assert.equal(caught.kind, kind, caught.message);
  for (const text of texts) assert.ok(caught.message.includes(text), `message lacks ${JSON.stringify(text)}:\n${caught.message}`);
  return caught;
}
