/// <reference types="mocha" />
// Progress across devices through the real LRS's Activity State API: two pages on two origins
// (two localStorages: two devices) grade at the same time, overlapping on two questions, and
// both end with every review of both. (This LRS does not refuse a stale If-Match, so the
// concurrent-write rule itself is proven against the fake LRS in src/xapi/state-sync.unit.test.ts.)
import { expect } from '@open-wc/testing';
// @ts-expect-error: served by the test runner's LRS plugin (test/lrs/lrs-server.mjs)
import { lrsDirect, lrsEndpoint } from '/__lrs.js';
import type { ProgressExport } from '../progress/types.js';

const AUTH = 'Basic dGVzdDp0ZXN0';

interface Device {
  frame: HTMLIFrameElement;
  origin: string;
}

/** A device page on `origin`; resolves once it is ready. */
function openDevice(origin: string, query: URLSearchParams): Promise<Device> {
  const frame = document.createElement('iframe');
  frame.src = `${origin}/test/lrs/device.html?${query}`;
  frame.style.cssText = 'width: 600px; height: 400px';
  const ready = new Promise<Device>((resolve) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source === frame.contentWindow && event.data?.ready) {
        removeEventListener('message', onMessage);
        resolve({ frame, origin });
      }
    };
    addEventListener('message', onMessage);
  });
  document.body.append(frame);
  return ready;
}

/** Sends a command; resolves with the device's progress export after it flushed and synced. */
function command(device: Device, message: { grade?: string[]; sync?: boolean }): Promise<ProgressExport> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent) => {
      if (event.source !== device.frame.contentWindow) return;
      removeEventListener('message', onMessage);
      if (event.data.error) reject(new Error(event.data.error));
      else resolve(event.data.exported);
    };
    addEventListener('message', onMessage);
    device.frame.contentWindow!.postMessage(message, device.origin);
  });
}

const reviewsOf = (data: ProgressExport) => Object.fromEntries(data.questions.map((q) => [q.questionId, q.reviews.length]));

describe('learning records: progress on two devices through the LRS', function () {
  this.timeout(60_000);
  const frames: HTMLIFrameElement[] = [];
  after(() => frames.forEach((frame) => frame.remove()));

  it('two devices grading at the same time end with every review of both', async () => {
    const key = `devices-${crypto.randomUUID()}`;
    const actor = { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: key } };
    const query = new URLSearchParams({ endpoint: lrsEndpoint, auth: AUTH, actor: JSON.stringify(actor), key });
    const port = location.port;
    // Two origins of the same test server: each has its own localStorage.
    const [laptop, phone] = await Promise.all([openDevice(`http://localhost:${port}`, query), openDevice(`http://127.0.0.1:${port}`, query)]);
    frames.push(laptop.frame, phone.frame);

    // At the same time, overlapping on q4 and q5.
    await Promise.all([command(laptop, { grade: ['q1', 'q2', 'q3', 'q4', 'q5'] }), command(phone, { grade: ['q4', 'q5', 'q6', 'q7', 'q8'] })]);
    // This LRS keeps the last concurrent write (it ignores If-Match): one more round each, and
    // whichever device was overwritten writes its reviews back; the other takes them.
    await command(laptop, { sync: true });
    const second = await command(phone, { sync: true });
    const last = await command(laptop, { sync: true });

    const expected = { q1: 1, q2: 1, q3: 1, q4: 2, q5: 2, q6: 1, q7: 1, q8: 1 };
    expect(reviewsOf(second), 'the phone has every review of both').to.deep.equal(expected);
    expect(reviewsOf(last), 'the laptop too').to.deep.equal(expected);
    expect(JSON.stringify(last.questions), 'and the same records').to.equal(JSON.stringify(second.questions));

    const state = new URLSearchParams({ activityId: 'urn:quiz-elements:progress', agent: JSON.stringify({ account: actor.account }), stateId: `quiz-elements/progress/${key}` });
    const response = await fetch(`${lrsDirect}activities/state?${state}`, { headers: { Authorization: AUTH, 'X-Experience-API-Version': '1.0.3' }, cache: 'no-store' });
    expect(response.status).to.equal(200);
    expect(reviewsOf((await response.json()) as ProgressExport), 'the LRS holds them all').to.deep.equal(expected);
  });
});
