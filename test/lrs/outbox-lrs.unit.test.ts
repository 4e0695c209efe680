// The outbox against a real Learning Record Store (Learning Locker's xapi-service), through a
// proxy that fails requests the way networks do: 503s, dropped connections, and a response lost
// after the LRS stored the batch (the client must send it again without storing it twice).
// Counted in the LRS itself: 0 statements lost, 0 stored twice.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import validatorModule from '@learninglocker/xapi-validation';
import type { Question } from '../../src/bank/types.js';
import { reportChoice } from '../../src/interactions/choice/choice.js';
import { StatementOutbox, type OutboxStorage } from '../../src/xapi/outbox.js';
import { answeredStatement, bankIri, gradedStatement, type StatementContext, type XapiStatement } from '../../src/xapi/statements.js';
import { faultProxy, startLrs, type RunningLrs } from './lrs.js';

const validateStatement = ((validatorModule as unknown as { default?: unknown }).default ?? validatorModule) as (data: unknown) => unknown[];
const HEADERS = { 'X-Experience-API-Version': '1.0.3', Authorization: 'Basic dGVzdDp0ZXN0' };

function memoryStorage(): OutboxStorage {
  const data = new Map<string, string>();
  return { getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

/** Every statement the LRS holds for this registration, by id (following `more`). */
async function storedIds(lrs: RunningLrs, registration: string): Promise<string[]> {
  const ids: string[] = [];
  let next: string | null = `${lrs.endpoint}statements?registration=${registration}&limit=100`;
  while (next) {
    const response: Response = await fetch(next, { headers: HEADERS });
    assert.equal(response.status, 200, await response.clone().text());
    const page = (await response.json()) as { statements: XapiStatement[]; more?: string };
    ids.push(...page.statements.map((s) => s.id));
    next = page.more ? new URL(page.more, lrs.endpoint).href : null;
  }
  return ids;
}

async function until(done: () => boolean, what: string, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const uuid = () => crypto.randomUUID();
const question = (i: number): Question => ({ id: `q${i}`, kind: 'concept', title: `Question ${i}`, prompt: 'Which?', answer: 'A', topics: ['t'], choices: [{ text: 'A', correct: true }, { text: 'B', correct: false }] });

describe('outbox and a real LRS (Learning Locker xapi-service 3.6.0)', { timeout: 180_000 }, () => {
  let lrs: RunningLrs;
  before(async () => {
    lrs = await startLrs();
  });
  after(() => lrs?.stop());

  it('through 503s, dropped connections and lost responses, from two tabs and across a reload: every statement stored once', async () => {
    const registration = uuid();
    const context: StatementContext = { actor: { mbox: 'mailto:learner@example.org', name: 'Learner' }, bankIri: bankIri('lrs-test'), bankTitle: 'LRS test', bankLanguage: 'en', language: 'en', registration };
    const sent: XapiStatement[] = [];
    for (let i = 0; i < 90; i++) {
      const q = question(i);
      const at = { id: uuid(), at: Date.UTC(2026, 11, 6, 12, 0, 0, i) };
      sent.push(i % 3 ? answeredStatement(context, at, q, reportChoice(q, [i % 2]), { score: i % 2 ? 0 : 1, correct: i % 2 === 0 }) : gradedStatement(context, at, { ...q, choices: undefined }, 'good'));
    }
    for (const statement of sent) assert.deepEqual(validateStatement(statement), [], 'valid before it is sent');

    const proxy = await faultProxy(lrs.endpoint, ['503', 'lose-response', 'drop', 'ok', '503', 'lose-response', 'drop', 'drop']);
    const storage = memoryStorage();
    const connection = { endpoint: proxy.endpoint, auth: HEADERS.Authorization };
    const open = () => new StatementOutbox({ storage, key: 'quiz-xapi:lrs', connection, batchSize: 20, retryDelayMs: 20, maxDelayMs: 100 });
    // Tab A queues the first 50, then its page is closed before it is done.
    const a = open();
    a.enqueue(sent.slice(0, 50));
    await until(() => proxy.seen.length >= 2, 'tab A tried');
    a.stop();
    // Tab B and a reloaded tab A share the queue; B adds the rest, overlapping A's.
    const b = open();
    const reloaded = open();
    b.enqueue(sent.slice(40));
    await until(() => b.pending.length === 0 && reloaded.pending.length === 0, 'the queue is empty');
    await Promise.all([b.flush(), reloaded.flush()]);
    b.stop();
    reloaded.stop();
    await proxy.close();

    const ids = await storedIds(lrs, registration);
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id, (counts.get(id) ?? 0) + 1);
    const lost = sent.filter((s) => !counts.has(s.id)).length;
    const twice = [...counts.values()].filter((count) => count > 1).length;
    console.log(`real LRS: ${sent.length} statements sent through ${proxy.seen.filter((f) => f !== 'ok').length} faults (${proxy.seen.length} requests): ${ids.length} stored, ${lost} lost, ${twice} stored twice`);
    assert.deepEqual({ lost, twice, stored: ids.length }, { lost: 0, twice: 0, stored: sent.length });
    assert.ok(proxy.seen.includes('lose-response'), 'a response was lost after the LRS stored the batch');
  });
});
