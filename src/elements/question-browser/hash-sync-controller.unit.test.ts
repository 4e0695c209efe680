import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { HashSyncController, stateAt, urlFor, type HashWindow } from './hash-sync-controller.js';
import type { BrowserState } from './url-state.js';

const empty: BrowserState = { query: '', topic: [], kind: undefined, bank: undefined, status: undefined, open: undefined };

/** A window with a location and a history that record what is written; `go` changes the hash as a link or Back would. */
function fakeWindow(hash = '') {
  const events = new EventTarget();
  const writes: { mode: 'push' | 'replace'; url: string }[] = [];
  const listening = new Set<string>();
  const location = { pathname: '/docs/', search: '?x=1', hash };
  const setUrl = (mode: 'push' | 'replace', url: string) => {
    writes.push({ mode, url });
    location.hash = url.slice(url.indexOf('#')).replace(/^#$/, '');
  };
  const win: HashWindow & { go(hash: string, event?: 'hashchange' | 'popstate'): void; writes: typeof writes; listeners(): number } = {
    location,
    history: {
      state: null,
      pushState: (_state: unknown, _unused: string, url?: string | URL | null) => setUrl('push', String(url)),
      replaceState: (_state: unknown, _unused: string, url?: string | URL | null) => setUrl('replace', String(url)),
    },
    addEventListener: (type, listener) => {
      events.addEventListener(type, listener);
      listening.add(type);
    },
    removeEventListener: (type, listener) => {
      events.removeEventListener(type, listener);
      listening.delete(type);
    },
    go(next, event = 'hashchange') {
      location.hash = next;
      events.dispatchEvent(new Event(event));
    },
    writes,
    listeners: () => listening.size,
  };
  return win;
}

/** A host with the browser's state as plain fields, and the controller's lifecycle calls. */
function fakeHost(win: HashWindow, initial: Partial<BrowserState> = {}) {
  const controllers: ReactiveController[] = [];
  const host: ReactiveControllerHost = {
    addController: (controller) => void controllers.push(controller),
    removeController: () => undefined,
    requestUpdate: () => undefined,
    updateComplete: Promise.resolve(true),
  };
  const state = { enabled: true, value: { ...empty, ...initial } as BrowserState, applied: [] as BrowserState[] };
  const sync = new HashSyncController(host, {
    enabled: () => state.enabled,
    read: () => state.value,
    apply: (next) => {
      state.applied.push(next);
      state.value = next;
    },
    window: win,
  });
  return {
    state,
    sync,
    connect: () => controllers.forEach((c) => c.hostConnected?.()),
    disconnect: () => controllers.forEach((c) => c.hostDisconnected?.()),
  };
}

describe('hash sync', () => {
  test('urlFor keeps path and search, writes "#" for an empty state, and nothing when the hash already says it', () => {
    const location = { pathname: '/p', search: '?a=b', hash: '' };
    assert.equal(urlFor(location, { ...empty, query: 'GPU 显存' }), '/p?a=b#q=GPU%20%E6%98%BE%E5%AD%98');
    assert.equal(urlFor(location, empty), null, 'empty state, empty hash');
    assert.equal(urlFor({ ...location, hash: '#q=x' }, empty), '/p?a=b#');
    assert.equal(urlFor({ ...location, hash: '#kind=coding' }, { ...empty, kind: 'coding' }), null);
  });

  test('stateAt falls back to the initial state for an empty hash or a page anchor', () => {
    const initial = { ...empty, topic: ['basics'] };
    assert.deepEqual(stateAt('', initial), initial);
    assert.deepEqual(stateAt('#section-2', initial), initial);
    assert.deepEqual(stateAt('#open=ml%2Fq-1', initial), { ...empty, open: 'ml/q-1' });
  });

  test('reads the hash on connect and on hashchange and popstate; an empty hash goes back to the state from before', () => {
    const win = fakeWindow('#q=dropout&kind=concept');
    const { state, connect } = fakeHost(win, { topic: ['training'] });
    connect();
    assert.deepEqual(state.value, { ...empty, query: 'dropout', kind: 'concept' });
    win.go('#status=due');
    assert.deepEqual(state.value, { ...empty, status: 'due' });
    win.go('', 'popstate');
    assert.deepEqual(state.value, { ...empty, topic: ['training'] }, 'the attributes the page gave');
    assert.deepEqual(win.writes, [], 'reading writes nothing');
  });

  test('writes what the learner changed: push or replace, and nothing when the hash already says it', () => {
    const win = fakeWindow();
    const { state, sync, connect } = fakeHost(win);
    connect();
    state.value = { ...state.value, query: '过拟合' };
    sync.write('replace');
    state.value = { ...state.value, open: 'ml/q-1' };
    sync.write('push');
    sync.write('push');
    state.value = empty;
    sync.write('push');
    assert.deepEqual(win.writes, [
      { mode: 'replace', url: '/docs/?x=1#q=%E8%BF%87%E6%8B%9F%E5%90%88' },
      { mode: 'push', url: '/docs/?x=1#q=%E8%BF%87%E6%8B%9F%E5%90%88&open=ml%2Fq-1' },
      { mode: 'push', url: '/docs/?x=1#' },
    ]);
  });

  test('does nothing while disabled or out of the page, and starts and stops with sync()', () => {
    const win = fakeWindow('#q=x');
    const { state, sync, connect, disconnect } = fakeHost(win);
    state.enabled = false;
    connect();
    assert.equal(sync.active, false);
    assert.equal(win.listeners(), 0);
    assert.deepEqual(state.applied, [], 'a disabled browser ignores the hash');
    sync.write('push');
    assert.deepEqual(win.writes, []);
    state.enabled = true;
    sync.sync(); // sync-url turned on: the hash is read in the same update
    assert.equal(sync.active, true);
    assert.deepEqual(state.value, { ...empty, query: 'x' });
    sync.sync();
    assert.equal(state.applied.length, 1, 'read once per start');
    disconnect();
    assert.equal(sync.active, false);
    assert.equal(win.listeners(), 0, 'no listener left behind');
    win.go('#q=y');
    assert.equal(state.value.query, 'x', 'a removed browser does not follow the hash');
    sync.sync();
    assert.equal(sync.active, false, 'sync() does not start a browser out of the page');
    connect();
    assert.equal(state.value.query, 'y', 'back in the page: reads the hash again');
    state.enabled = false;
    sync.sync();
    assert.equal(win.listeners(), 0);
  });
});
