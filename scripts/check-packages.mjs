// Runs after `npm run build` (from scripts/check-examples.mjs, or alone): the LMS packages work
// end to end, the way an LMS runs them. Everything runs on 127.0.0.1; only the test LRS's first
// start needs the npm registry (it installs its dependencies once, see test/lrs/README.md).
// - `quiz-elements package demo/banks/question-types.json --scorm12|--scorm2004|--cmi5` (the
//   published CLI, bin/quiz-elements.js) builds each zip; it is unpacked into a temporary folder and served.
// - An LMS host page holds scorm-again's Scorm12API / Scorm2004API (its browser build) as
//   window.API / window.API_1484_11 and opens the package's index.html in an iframe, as an LMS does.
// - In headless Chromium every question of the bank is answered through the card's shadow DOM
//   (open, single and multiple choice, true/false, two fill-ins, numeric, ordering, matching);
//   then the runtime's data model is read back: score, status, each interaction, suspend_data,
//   location; leaving the page (pagehide) ends the session (exit suspend, session time).
// - A relaunch from another origin (so no localStorage is shared) with the saved cmi data and
//   entry=resume restores the learner's progress from suspend_data.
// - cmi5, against the real LRS (test/lrs, Learning Locker's xapi-service): this script plays the
//   LMS. It reads the AU from cmi5.xml, serves a fetch URL (one token per session, an error after),
//   PUTs LMS.LaunchData (context template with a grouping activity and the session id, launch
//   mode Normal, the masteryScore of cmi5.xml) for a new registration, and opens the AU's page
//   with the launch parameters in its own browser context. The same answers; leaving the page
//   sends `terminated`. The LRS's statements for the registration are checked (order, one per
//   learner action, completed once, passed/failed against the mastery score, the AU as object,
//   the context template everywhere, the categories). A relaunch with the spent fetch URL must
//   show the card's launch note. Without an LRS (not installable: no npm registry) the cmi5 part
//   is skipped with a printed reason, and fails under CI=true.
// Prints what was read back, one block per package, and exits non-zero on any failure.
/* global document, window -- the functions passed to evaluate() run in the pages */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
import { startLrs } from '../test/lrs/lrs-server.mjs';
import { browserEnv, detectBrowsers } from './browsers.mjs';

const started = performance.now();
const root = resolve(import.meta.dirname, '..');
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const BANK = join(root, 'demo', 'banks', 'question-types.json');
const PROGRESS_KEY = 'question-types';

if (!existsSync(join(root, 'dist', 'cli', 'main.js')) || !existsSync(join(root, 'dist', 'cdn', 'quiz-elements.js'))) {
  console.error('check-packages: no dist/ here; run `npm run build` first');
  process.exit(1);
}

const VERSIONS = [
  { version: '1.2', flag: '--scorm12', global: 'API', constructor: 'Scorm12API' },
  { version: '2004', flag: '--scorm2004', global: 'API_1484_11', constructor: 'Scorm2004API' },
];
const PACKAGES = [...VERSIONS.map(({ version, flag }) => ({ name: `scorm${version}`, flag })), { name: 'cmi5', flag: '--cmi5' }];
const PASS_MARK = 60;
const problems = { ...Object.fromEntries(VERSIONS.map(({ version }) => [version, []])), cmi5: [] };
const work = mkdtempSync(join(tmpdir(), 'quiz-packages-'));
const ci = /^(1|true|yes)$/i.test(process.env.CI ?? '');
// The test LRS installs once per checkout: the same folder the browser tests use (their HOME is browserEnv's).
process.env.QUIZ_LRS_DIR ||= join(browserEnv(root).HOME, '.cache', 'quiz-lrs');
let browser;
let server;
let crashed = false;
/** The test LRS, starting from the first moment (it takes 2-4 s, ~20 s when it installs): `{ lrs }` or `{ error }`. */
let lrsStarting = null;
/** Why the cmi5 part did not run (no LRS, locally), or null. */
let cmi5Skipped = null;
/** How often each launch session's fetch URL was POSTed (the LMS's side of the cmi5 handshake). */
const fetchCalls = new Map();
/** The LRS once it runs (set at once, for the exit handler). */
let lrsRunning = null;
const stopLrs = async () => {
  await lrsStarting;
  lrsRunning?.stop();
  lrsRunning = null;
};
// The LRS is a process of its own: it goes whatever way this one ends. An interrupted start is
// waited for (Chromium's SIGINT/SIGTERM handling is ours too, so nothing exits before that).
process.on('exit', () => lrsRunning?.stop());
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.once(signal, () => {
    browser?.process()?.kill();
    void stopLrs().finally(() => {
      rmSync(work, { recursive: true, force: true });
      process.exit(128 + { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 }[signal]);
    });
  });
}

/**
 * Page errors, failed requests and console errors (scorm-again logs every SCORM error there), as
 * messages. `cancelled(request)`: requests whose ERR_ABORTED is expected (the page cancels the body
 * of a response it has read; what they carried is checked where it arrived).
 */
function watch(tab, { cancelled = () => false } = {}) {
  const errors = new Set();
  tab.on('pageerror', (error) => errors.add(`page error: ${error.message}`));
  tab.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.add(`console error: ${message.text()}`);
  });
  tab.on('requestfailed', (request) => {
    if (request.failure()?.errorText === 'net::ERR_ABORTED' && cancelled(request)) return;
    errors.add(`request failed: ${request.url()} (${request.failure()?.errorText})`);
  });
  tab.on('response', (response) => {
    if (response.status() >= 400 && new URL(response.url()).pathname !== '/favicon.ico') errors.add(`HTTP ${response.status()}: ${response.url()}`);
  });
  return errors;
}

// --- in the package's frame: the card, through its shadow root -----------------------------------

/** Runs in the frame: the card's question title, '' while loading, or 'summary' at the end. */
function cardState() {
  const card = document.querySelector('quiz-card');
  const root = card?.shadowRoot;
  if (!root) return '';
  if (root.querySelector('[part~="summary"]')) return 'summary';
  return root.querySelector('[part~="title"]')?.textContent.replace(/\s+/g, ' ').trim() ?? '';
}

/** Runs in the frame: does one step of the answer plan on the card; returns what it could not find, or ''. */
function act(step) {
  const root = document.querySelector('quiz-card').shadowRoot;
  const button = (pattern) => [...root.querySelectorAll('button')].find((b) => new RegExp(pattern).test(b.textContent.replace(/\s+/g, ' ').trim()) && !b.disabled);
  const type = (input, value) => {
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  };
  switch (step.do) {
    case 'click': {
      const found = step.selector ? root.querySelector(step.selector) : button(step.button);
      if (!found) return `no ${step.selector ?? step.button}`;
      found.click();
      return '';
    }
    case 'check-boxes': {
      const boxes = [...root.querySelectorAll('input[type="checkbox"], input[type="radio"]')];
      if (boxes.length === 0) return 'no choices';
      for (const index of step.indexes) boxes[index].click();
      return '';
    }
    case 'type': {
      const inputs = [...root.querySelectorAll(step.selector)];
      if (inputs.length < step.values.length) return `${inputs.length} of ${step.values.length} fields (${step.selector})`;
      step.values.forEach((value, i) => type(inputs[i], value));
      return '';
    }
    case 'match': {
      const selects = [...root.querySelectorAll('select')];
      if (selects.length !== step.rights.length) return `${selects.length} selects, expected ${step.rights.length}`;
      selects.forEach((select, i) => {
        const option = [...select.options].find((o) => o.textContent.includes(step.rights[i]));
        select.value = option.value;
        select.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
        select.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
      });
      return '';
    }
  }
  return `unknown step ${step.do}`;
}

/** How the learner answers each question of demo/banks/question-types.json (in bank order). */
const PLAN = [
  { title: 'What is a token?', steps: [{ do: 'click', button: '^Show answer' }, { do: 'click', selector: 'button[data-grade="good"]' }] },
  { title: 'Which method splits text into tokens?', steps: [{ do: 'check-boxes', indexes: [0] }, { do: 'click', button: '^Check$' }] },
  { title: 'Which of these does training change?', steps: [{ do: 'check-boxes', indexes: [0, 2] }, { do: 'click', button: '^Check$' }] },
  { title: 'A language model reads every word', steps: [{ do: 'click', button: '^False' }, { do: 'click', button: '^Check$' }] },
  { title: 'Fill in the two blanks', steps: [{ do: 'type', selector: 'input.blank', values: ['query', 'Key'] }, { do: 'click', button: '^Check$' }] },
  { title: null, steps: [{ do: 'type', selector: 'input.blank', values: ['alphabet'] }, { do: 'click', button: '^Check$' }] },
  { title: null, steps: [{ do: 'type', selector: '#numeric', values: ['6200'] }, { do: 'click', button: '^Check$' }] },
  { title: null, steps: [{ do: 'click', button: '^Check$' }] },
  { title: null, steps: [{ do: 'match', rights: ['splits text', 'turns each token into a vector', 'probabilities'] }, { do: 'click', button: '^Check$' }] },
];

/** The frame of the package in the host page, once its card shows something. */
async function packageFrame(tab) {
  const handle = await tab.waitForSelector('iframe#sco', { timeout: 10_000 });
  const frame = await handle.contentFrame();
  await frame.waitForFunction(cardState, { timeout: 15_000 });
  return frame;
}

/** Answers every question as PLAN says; records a problem for a step that cannot be done. */
async function answerAll(frame, fail) {
  const bank = JSON.parse(readFileSync(BANK, 'utf8'));
  for (const [n, { title, steps }] of PLAN.entries()) {
    const expected = title ?? bank.questions[n].title;
    const shown = await frame
      .waitForFunction((want) => { const state = (() => { const root = document.querySelector('quiz-card')?.shadowRoot; return root?.querySelector('[part~="title"]')?.textContent.replace(/\s+/g, ' ').trim() ?? ''; })(); return state.startsWith(want.slice(0, 30)); }, { timeout: 10_000 }, expected)
      .then(() => true, () => false);
    if (!shown) return fail(`question ${n + 1} "${expected}" did not show; the card shows "${await frame.evaluate(cardState)}"`);
    for (const step of steps) {
      // A view loads lazily: retry a step until its controls are there.
      let missing = '';
      for (let attempt = 0; attempt < 50; attempt++) {
        missing = await frame.evaluate(act, step);
        if (!missing) break;
        await new Promise((done) => setTimeout(done, 100));
      }
      if (missing) return fail(`question ${n + 1} "${expected}": ${missing}`);
    }
    // Past the check: on to the next question, or to the summary after the last one.
    if (n < PLAN.length - 1 && steps.at(-1).button === '^Check$') {
      const next = await frame.waitForFunction(() => [...document.querySelector('quiz-card').shadowRoot.querySelectorAll('button')].some((b) => /^Next/.test(b.textContent.trim())), { timeout: 5_000 }).then(() => true, () => false);
      if (!next) return fail(`question ${n + 1}: no Next button after Check`);
      await frame.evaluate(act, { do: 'click', button: '^Next' });
    }
  }
  const summary = await frame.waitForFunction(() => !!document.querySelector('quiz-card').shadowRoot.querySelector('[part~="summary"]'), { timeout: 10_000 }).then(() => true, () => false);
  if (!summary) fail('no summary after the last question');
}

// --- in the host page: the LMS -------------------------------------------------------------------

/** Runs in the host: creates the API (with a previous session's cmi) and opens the SCO in an iframe. */
function launch({ global, constructor, saved, src }) {
  const api = new window[constructor]({ logLevel: 4, autocommit: false });
  if (saved) api.loadFromJSON(saved, 'cmi');
  window[global] = api;
  const frame = document.createElement('iframe');
  frame.id = 'sco';
  frame.src = src;
  frame.style.cssText = 'width: 800px; height: 900px';
  document.body.append(frame);
}

/** Runs in the host: the data model as the LMS stores it. */
function storedCmi(global) {
  return JSON.parse(JSON.stringify(window[global].cmi));
}

/** What the LMS keeps for the next launch, from the stored data model. */
function resumeData(version, cmi) {
  return version === '2004'
    ? { suspend_data: cmi.suspend_data, location: cmi.location, entry: 'resume', completion_status: cmi.completion_status, success_status: cmi.success_status }
    : { suspend_data: cmi.suspend_data, core: { lesson_location: cmi.core.lesson_location, entry: 'resume', lesson_status: cmi.core.lesson_status } };
}

function summarize(version, cmi) {
  const core = version === '2004' ? cmi : cmi.core;
  const interactions = Object.values(cmi.interactions ?? {}).map((item) => ({
    id: item.id,
    type: item.type,
    response: version === '2004' ? item.learner_response : item.student_response,
    correct: item.correct_responses?.['0']?.pattern,
    result: item.result,
  }));
  return {
    score: version === '2004' ? { ...cmi.score } : { ...cmi.core.score },
    status: version === '2004' ? { completion: cmi.completion_status, success: cmi.success_status } : { lesson_status: cmi.core.lesson_status },
    location: version === '2004' ? cmi.location : cmi.core.lesson_location,
    exit: core.exit,
    sessionTime: core.session_time,
    suspendData: cmi.suspend_data,
    interactions,
  };
}

// --- cmi5: this script is the LMS, the test LRS keeps the statements ------------------------------

const LRS_HEADERS = { Authorization: 'Basic dGVzdDp0ZXN0', 'X-Experience-API-Version': '1.0.3' };
const CMI5 = {
  category: 'https://w3id.org/xapi/cmi5/context/categories/cmi5',
  moveOn: 'https://w3id.org/xapi/cmi5/context/categories/moveon',
  sessionId: 'https://w3id.org/xapi/cmi5/context/extensions/sessionid',
  masteryScore: 'https://w3id.org/xapi/cmi5/context/extensions/masteryscore',
};
const CMI5_VERBS = ['initialized', 'completed', 'passed', 'failed', 'terminated'];
const verbOf = (statement) => statement.verb.id.split('/').pop();

/** The LMS's fetch URL: the LRS's token once per launch session, then an error, as test/lrs's cmi5FetchMiddleware answers. */
function cmi5Fetch(request, response, session) {
  const calls = (fetchCalls.get(session) ?? 0) + (request.method === 'POST' ? 1 : 0);
  fetchCalls.set(session, calls);
  const body = request.method !== 'POST'
    ? { 'error-code': '3', 'error-text': 'the fetch URL takes POST' }
    : calls > 1
      ? { 'error-code': '1', 'error-text': 'this launch token was already fetched' }
      : { 'auth-token': Buffer.from('test:test').toString('base64') };
  response.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

/** What an LMS imports from cmi5.xml: the course and AU ids, the AU's URL, moveOn and masteryScore. */
function courseStructure(xml) {
  const text = (value) => value?.replace(/&(lt|gt|quot|apos|amp);/g, (_, name) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[name]);
  const attribute = (tag, name) => text(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]);
  const course = /<course\b[^>]*>/.exec(xml)?.[0] ?? '';
  const au = /<au\b[^>]*>/.exec(xml)?.[0] ?? '';
  const mastery = attribute(au, 'masteryScore');
  return {
    course: attribute(course, 'id'),
    au: attribute(au, 'id'),
    moveOn: attribute(au, 'moveOn'),
    masteryScore: mastery === undefined ? undefined : Number(mastery),
    url: text(/<au\b[\s\S]*?<url>([^<]*)<\/url>/.exec(xml)?.[1]?.trim()),
  };
}

/** Runs in the AU's page before its scripts: notes what the learner did, from the card's events. */
function recordLearnerActions() {
  window.__learnerActions = [];
  for (const type of ['quiz-answer', 'quiz-grade', 'quiz-reveal', 'quiz-complete']) {
    window.addEventListener(type, (event) => window.__learnerActions.push({ type, score: type === 'quiz-complete' ? event.detail?.score : undefined }), { capture: true });
  }
}

/** Every statement the LRS holds for a registration. */
async function storedStatements(endpoint, registration) {
  const all = [];
  let next = `${endpoint}statements?${new URLSearchParams({ registration, limit: '500' })}`;
  while (next) {
    const response = await fetch(next, { headers: LRS_HEADERS });
    if (!response.ok) throw new Error(`the LRS answered ${response.status} to GET statements: ${(await response.text()).slice(0, 200)}`);
    const page = await response.json();
    all.push(...page.statements);
    next = page.more ? new URL(page.more, endpoint).href : null;
  }
  return all;
}

/** Polls the LRS until `done(statements)`; resolves with the last statements read and whether it was done. */
async function statementsWhen(endpoint, registration, done, timeout = 10_000) {
  const until = performance.now() + timeout;
  for (;;) {
    const statements = await storedStatements(endpoint, registration);
    if (done(statements)) return { statements, done: true };
    if (performance.now() > until) return { statements, done: false };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** The card's records note, from the page: kind, text and whether it is on screen. */
function recordsNote() {
  const note = document.querySelector('quiz-card')?.shadowRoot?.querySelector('[data-records-note]');
  if (!note) return null;
  const box = note.getBoundingClientRect();
  return { kind: note.getAttribute('data-records-note'), text: (note.querySelector('.message') ?? note).textContent.replace(/\s+/g, ' ').trim(), role: note.getAttribute('role'), visible: box.width > 0 && box.height > 0 && note.checkVisibility() };
}

/** The cmi5 package, launched by this script as the LMS, reporting to the LRS; then a relaunch with the spent fetch URL. */
async function checkCmi5({ lrs, lrsSeconds, origin, fail }) {
  const since = performance.now();
  const structure = courseStructure(readFileSync(join(work, 'cmi5', 'cmi5.xml'), 'utf8'));
  const want = (ok, message) => ok || fail(message);
  if (!structure.au || !structure.course || !structure.url) return fail(`cmi5.xml: no course id, AU id or AU url (${JSON.stringify(structure)})`);
  want(structure.masteryScore === PASS_MARK / 100, `cmi5.xml: masteryScore ${structure.masteryScore} for --pass-mark ${PASS_MARK}`);
  want(structure.moveOn === 'Passed', `cmi5.xml: moveOn ${structure.moveOn} with a pass mark, expected Passed`);

  // The LMS's part: a registration, the launch data in the LRS, the launch URL.
  const registration = randomUUID();
  const session = randomUUID();
  const actor = { objectType: 'Agent', name: 'Package check', account: { homePage: 'https://lms.example.org', name: `check-packages-${registration.slice(0, 8)}` } };
  const grouping = { objectType: 'Activity', id: structure.course };
  const launchData = {
    contextTemplate: { contextActivities: { grouping: [grouping] }, extensions: { [CMI5.sessionId]: session } },
    launchMode: 'Normal',
    launchMethod: 'AnyWindow',
    moveOn: structure.moveOn,
    ...(structure.masteryScore === undefined ? {} : { masteryScore: structure.masteryScore }),
  };
  const state = new URLSearchParams({ activityId: structure.au, agent: JSON.stringify(actor), registration, stateId: 'LMS.LaunchData' });
  const put = await fetch(`${lrs.endpoint}activities/state?${state}`, { method: 'PUT', headers: { ...LRS_HEADERS, 'Content-Type': 'application/json' }, body: JSON.stringify(launchData) });
  if (put.status !== 204) return fail(`the LRS answered ${put.status} to PUT LMS.LaunchData: ${(await put.text()).slice(0, 200)}`);
  const launchUrl = new URL(structure.url, `${origin}/cmi5/`);
  for (const [name, value] of Object.entries({ endpoint: lrs.endpoint, fetch: `${origin}/lms/cmi5-fetch?session=${session}`, actor: JSON.stringify(actor), registration, activityId: structure.au })) {
    launchUrl.searchParams.set(name, value);
  }

  // Its own browser context: the SCORM runs left this bank's progress in 127.0.0.1's storage.
  const context = await browser.createBrowserContext();
  const tab = await context.newPage();
  // The outbox cancels the body of each answer to POST statements once it has the status (src/xapi/outbox.ts),
  // which CDP reports as ERR_ABORTED; whether every statement arrived is read from the LRS below.
  const statementPost = (request) => request.method() === 'POST' && request.url() === `${lrs.endpoint}statements`;
  const errors = watch(tab, { cancelled: statementPost });
  try {
    await tab.evaluateOnNewDocument(recordLearnerActions);
    await tab.goto(launchUrl.href, { waitUntil: 'load' });
    const frame = tab.mainFrame();
    await frame.waitForFunction(cardState, { timeout: 15_000 });
    await answerAll(frame, fail);
    const actions = await tab.evaluate(() => window.__learnerActions);
    const count = (type) => actions.filter((action) => action.type === type).length;
    const expected = { answered: count('quiz-answer') + count('quiz-grade'), experienced: count('quiz-reveal') };
    const score = actions.find((action) => action.type === 'quiz-complete')?.score;
    want(count('quiz-complete') === 1 && typeof score === 'number', `${count('quiz-complete')} quiz-complete events with score ${score}, expected one`);
    const note = await tab.evaluate(recordsNote);
    want(note === null, `a records note during the session: ${JSON.stringify(note)}`);

    // Let what the learner did reach the LRS (as the SCORM part lets the last commits land), then leave: pagehide sends terminated.
    const landed = await statementsWhen(lrs.endpoint, registration, (list) => list.filter((s) => verbOf(s) === 'answered').length >= expected.answered && list.some((s) => verbOf(s) === 'completed'));
    want(landed.done, `after the summary the LRS held ${landed.statements.length} statements (${landed.statements.filter((s) => verbOf(s) === 'answered').length} answered of ${expected.answered}, completed: ${landed.statements.some((s) => verbOf(s) === 'completed')}) within 10 s`);
    await tab.goto('about:blank');
    const final = await statementsWhen(lrs.endpoint, registration, (list) => list.some((s) => verbOf(s) === 'terminated'));
    want(final.done, 'no terminated statement in the LRS within 10 s of leaving the page (pagehide)');
    const statements = final.statements;

    // What the LMS would read.
    const byVerb = {};
    for (const statement of statements) byVerb[verbOf(statement)] = (byVerb[verbOf(statement)] ?? 0) + 1;
    const byTime = [...statements].sort((a, b) => Date.parse(a.timestamp) - Date.parse(b.timestamp));
    want(verbOf(byTime[0] ?? { verb: { id: '' } }) === 'initialized', `first statement by timestamp: ${byTime[0] && verbOf(byTime[0])}, expected initialized`);
    want(verbOf(byTime.at(-1) ?? { verb: { id: '' } }) === 'terminated', `last statement by timestamp: ${byTime.at(-1) && verbOf(byTime.at(-1))}, expected terminated`);
    const mastery = structure.masteryScore;
    const verdict = Math.round(score * 100) >= Math.round(mastery * 100) ? 'passed' : 'failed';
    const wanted = { initialized: 1, ...expected, completed: 1, [verdict]: 1, terminated: 1 };
    for (const verb of new Set([...Object.keys(wanted), ...Object.keys(byVerb), 'passed', 'failed'])) {
      want((byVerb[verb] ?? 0) === (wanted[verb] ?? 0), `${byVerb[verb] ?? 0} ${verb} statements, expected ${wanted[verb] ?? 0}${verb === 'answered' || verb === 'experienced' ? ` (one per learner action: ${JSON.stringify(expected)})` : ''}`);
    }
    want(new Set(statements.map((s) => s.id)).size === statements.length, 'a statement id stored twice');
    // On every statement: the launch's registration and learner, and the context template (grouping, sessionid).
    const everyStatement = (what, ok) => {
      const off = statements.filter((statement) => !ok(statement));
      want(off.length === 0, `${what}: not on ${off.length} of ${statements.length} statements (first: ${off[0] && `${verbOf(off[0])} ${off[0].object?.id}: ${JSON.stringify(off[0].context)}`})`);
    };
    everyStatement(`registration ${registration}`, (statement) => statement.context?.registration === registration);
    everyStatement('the launch\'s actor', (statement) => statement.actor?.account?.name === actor.account.name);
    everyStatement(`the context template's grouping activity ${grouping.id}`, (statement) => statement.context?.contextActivities?.grouping?.some((activity) => activity.id === grouping.id));
    everyStatement(`the context template's sessionid ${session}`, (statement) => statement.context?.extensions?.[CMI5.sessionId] === session);
    for (const statement of statements) {
      const verb = verbOf(statement);
      const categories = (statement.context?.contextActivities?.category ?? []).map((activity) => activity.id);
      if (!CMI5_VERBS.includes(verb)) {
        // cmi5-allowed statements (the questions): not about the AU, and without cmi5's categories.
        want(statement.object?.id !== structure.au && !categories.includes(CMI5.category) && !categories.includes(CMI5.moveOn), `${verb} ${statement.object?.id}: a cmi5-allowed statement about the AU or with a cmi5 category (${JSON.stringify(categories)})`);
        continue;
      }
      const moveOn = ['completed', 'passed', 'failed'].includes(verb);
      want(statement.object?.id === structure.au, `${verb}: object ${statement.object?.id}, expected the AU ${structure.au}`);
      want(categories.includes(CMI5.category), `${verb}: no cmi5 category`);
      want(categories.includes(CMI5.moveOn) === moveOn, `${verb}: moveon category ${moveOn ? 'missing' : 'present'}`);
      if (verb !== 'initialized') want(/^P/.test(statement.result?.duration ?? ''), `${verb}: result.duration ${statement.result?.duration}`);
      if (verb === 'completed') want(statement.result?.completion === true, `completed: result.completion ${statement.result?.completion}`);
      if (verb === 'passed' || verb === 'failed') {
        want(statement.result?.success === (verb === 'passed'), `${verb}: result.success ${statement.result?.success}`);
        want(Math.abs((statement.result?.score?.scaled ?? NaN) - score) < 0.0001, `${verb}: score.scaled ${statement.result?.score?.scaled}, the card's score is ${score}`);
        want(statement.context?.extensions?.[CMI5.masteryScore] === mastery, `${verb}: masteryscore extension ${statement.context?.extensions?.[CMI5.masteryScore]}, expected ${mastery}`);
      }
    }
    const order = ['initialized', 'experienced', 'answered', 'completed', 'passed', 'failed', 'terminated'];
    const counts = Object.entries(byVerb).sort(([a], [b]) => order.indexOf(a) - order.indexOf(b)).map(([verb, n]) => `${verb} ${n}`).join(', ');
    console.log(`cmi5 read back from the LRS (${seconds(since)}; the LRS started in ${lrsSeconds}, alongside the SCORM runs):`);
    console.log(`      ${statements.length} statements for the registration: ${counts}; score ${score?.toFixed(3)} vs masteryScore ${mastery}: ${byVerb.passed ? 'passed' : byVerb.failed ? 'failed' : 'no verdict'}`);

    // Relaunch with the spent fetch URL (a reload, or a bookmarked launch): the card says results are not reported.
    const again = await context.newPage();
    const againErrors = watch(again, { cancelled: statementPost });
    try {
      await again.goto(launchUrl.href, { waitUntil: 'load' });
      await again.mainFrame().waitForFunction(cardState, { timeout: 15_000 });
      const shown = await again.waitForFunction(() => !!document.querySelector('quiz-card')?.shadowRoot?.querySelector('[data-records-note="launch"]'), { timeout: 10_000 }).then(() => true, () => false);
      const relaunchNote = await again.evaluate(recordsNote);
      console.log(`      relaunch with the same fetch URL (POSTed ${fetchCalls.get(session) ?? 0} times): note ${relaunchNote ? `"${relaunchNote.kind}": ${JSON.stringify(relaunchNote.text)}` : 'none'}`);
      if (!shown) fail(`relaunch: no launch note on the card (${JSON.stringify(relaunchNote)})`);
      else {
        want(relaunchNote.visible, 'relaunch: the launch note is not on screen');
        want(relaunchNote.role === 'status', `relaunch: the note's role is ${relaunchNote.role}, expected status`);
        want(/reopen/i.test(relaunchNote.text), `relaunch: the note does not say to reopen the lesson: ${relaunchNote.text}`);
      }
      want(fetchCalls.get(session) === 2, `the fetch URL was POSTed ${fetchCalls.get(session) ?? 0} times over two launches, expected 2`);
      await again.waitForNetworkIdle({ idleTime: 300, timeout: 5_000 }).catch(() => {});
      const after = await storedStatements(lrs.endpoint, registration);
      want(after.length === statements.length, `relaunch without a token: the LRS now holds ${after.length} statements, ${statements.length} before`);
    } finally {
      for (const message of againErrors) fail(`relaunch: ${message}`);
      await again.close();
    }
  } finally {
    for (const message of errors) fail(message);
    await context.close();
  }
}

try {
  // 0. The LRS starts meanwhile (its own process; stopped in `finally`).
  lrsStarting = startLrs().then(
    (lrs) => {
      lrsRunning = lrs;
      return { lrs, lrsSeconds: seconds(started) };
    },
    (error) => ({ error }),
  );

  // 1. The packages, built by the published CLI, unpacked.
  for (const { name, flag } of PACKAGES) {
    const zip = join(work, `${name}.zip`);
    const output = execFileSync(process.execPath, [join(root, 'bin', 'quiz-elements.js'), 'package', BANK, flag, '--out', zip, '--pass-mark', String(PASS_MARK)], { cwd: root, encoding: 'utf8' });
    console.log(`      ${output.trim().replace(/^.*[\\/]/, '')}`);
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      const file = join(work, name, path);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, bytes);
    }
  }

  // 2. One server: the LMS host page, scorm-again's browser build, the unpacked packages.
  const types = { '.js': 'text/javascript', '.json': 'application/json', '.html': 'text/html', '.css': 'text/css', '.xml': 'application/xml' };
  const hostPage = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>LMS</title><script src="/lms/scorm-again.js"></script></head><body><h1>LMS</h1></body></html>';
  const fileIn = (base, path) => {
    const file = resolve(base, `.${path}`);
    return file.startsWith(base + sep) && existsSync(file) && statSync(file).isFile() ? file : null;
  };
  server = createServer((request, response) => {
    const url = new URL(request.url, 'http://x');
    const path = decodeURIComponent(url.pathname);
    if (path === '/lms/') return response.writeHead(200, { 'content-type': types['.html'] }).end(hostPage);
    if (path === '/lms/cmi5-fetch') return cmi5Fetch(request, response, url.searchParams.get('session') ?? '');
    const file = path === '/lms/scorm-again.js' ? join(root, 'node_modules', 'scorm-again', 'dist', 'scorm-again.js') : fileIn(work, path);
    if (!file) return response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const port = server.address().port;

  // 3. Each version: a session, then a relaunch from another origin.
  const found = await detectBrowsers({ engines: ['chromium'] });
  if (!found.chromium) throw new Error(`no Chromium to run the packages in: ${found.problems.chromium}`);
  browser = await puppeteer.launch({
    executablePath: found.chromium.path,
    headless: found.chromium.headless,
    args: found.chromium.args,
    env: { ...process.env, ...browserEnv(root) },
    // Signals are handled above (the LRS is stopped too); puppeteer's own handlers would exit at once.
    handleSIGINT: false,
    handleSIGTERM: false,
    handleSIGHUP: false,
  });

  for (const { version, global, constructor } of VERSIONS) {
    const fail = (message) => problems[version].push(message);
    const since = performance.now();
    const tab = await browser.newPage();
    const errors = watch(tab);
    let cmi;
    try {
      await tab.goto(`http://127.0.0.1:${port}/lms/`, { waitUntil: 'load' });
      await tab.evaluate(launch, { global, constructor, saved: null, src: `/scorm${version}/index.html` });
      const frame = await packageFrame(tab);
      await answerAll(frame, fail);
      // Let the last commits land, then leave the SCO as a learner closing it would (pagehide).
      await tab.waitForFunction((g) => window[g].isInitialized() && JSON.parse(JSON.stringify(window[g].cmi)).suspend_data !== '', { timeout: 5_000 }, global).catch(() => fail('no suspend_data after answering'));
      const during = await tab.evaluate(storedCmi, global);
      await tab.evaluate(() => { document.querySelector('#sco').src = 'about:blank'; });
      await tab.waitForFunction((g) => window[g].isTerminated(), { timeout: 5_000 }, global).catch(() => fail('the SCO did not Terminate/LMSFinish on pagehide'));
      cmi = await tab.evaluate(storedCmi, global);
      const read = summarize(version, cmi);
      console.log(`SCORM ${version} read back from scorm-again (${seconds(since)}):`);
      console.log(`      score ${JSON.stringify(read.score)}  status ${JSON.stringify(read.status)}`);
      console.log(`      location ${JSON.stringify(read.location)}  exit ${JSON.stringify(read.exit)}  session_time ${JSON.stringify(read.sessionTime)}`);
      let saved = null;
      try {
        saved = JSON.parse(read.suspendData);
      } catch {
        fail(`suspend_data is not JSON: ${read.suspendData.slice(0, 80)}`);
      }
      console.log(`      suspend_data ${read.suspendData.length} characters: ${saved?.format}, ${saved?.questions?.length} questions${saved?.omitted ? `, ${saved.omitted} left out` : ''}`);
      for (const item of read.interactions) console.log(`      interaction ${item.id}  ${item.type}  response ${JSON.stringify(item.response)}  correct ${JSON.stringify(item.correct)}  ${item.result}`);

      // What a user of the LMS would notice.
      const want = (ok, message) => ok || fail(message);
      want(read.interactions.length >= PLAN.length, `${read.interactions.length} interactions recorded, expected one per question (${PLAN.length})`);
      const types_ = new Set(read.interactions.map((item) => item.type));
      for (const type of ['choice', 'true-false', 'fill-in', 'numeric', 'sequencing', 'matching', version === '2004' ? 'other' : 'performance']) want(types_.has(type), `no ${type} interaction`);
      const byType = (type) => read.interactions.find((item) => item.type === type);
      want(byType('true-false')?.result === 'correct' && byType('true-false')?.response === (version === '2004' ? 'false' : 'f'), 'the true/false answer (False, right) is not recorded as such');
      want(byType('numeric')?.response === '6200' && byType('numeric')?.result === 'correct', 'the numeric answer 6200 (within 6000 ± 500) is not recorded as right');
      want(read.interactions.some((item) => item.type === 'choice' && item.result === (version === '2004' ? 'incorrect' : 'wrong')), 'the wrong multiple-choice answer is not recorded as wrong');
      const raw = Number(read.score.raw);
      want(raw > 0 && raw < 100, `score.raw ${read.score.raw}: expected a partial score`);
      if (version === '2004') {
        want(read.status.completion === 'completed', `completion_status ${read.status.completion}`);
        want(read.status.success === (raw >= 60 ? 'passed' : 'failed'), `success_status ${read.status.success} for ${raw}% with pass mark 60`);
        want(Math.abs(Number(read.score.scaled) - raw / 100) < 0.001, `score.scaled ${read.score.scaled} does not match raw ${raw}`);
      } else {
        want(read.status.lesson_status === (raw >= 60 ? 'passed' : 'failed'), `lesson_status ${read.status.lesson_status} for ${raw}% with pass mark 60`);
      }
      want(read.exit === 'suspend', `exit ${read.exit}, expected suspend`);
      want(/^(PT|\d)/.test(read.sessionTime ?? ''), `session_time ${read.sessionTime}`);
      want(saved?.format === 'quiz-progress/1' && saved.questions?.length > 0, 'suspend_data holds no progress');
      want(during.suspend_data.length > 0, 'suspend_data was empty before leaving');
      await tab.close();

      // 4. Relaunch from another origin (localhost instead of 127.0.0.1: no shared localStorage).
      const again = await browser.newPage();
      const againErrors = watch(again);
      try {
        await again.goto(`http://localhost:${port}/lms/`, { waitUntil: 'load' });
        await again.evaluate(launch, { global, constructor, saved: resumeData(version, cmi), src: `/scorm${version}/index.html` });
        const frame2 = await packageFrame(again);
        const restored = await frame2
          .waitForFunction((prefix, count) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length >= count, { timeout: 10_000 }, `quiz-elements/progress/${PROGRESS_KEY}/`, saved?.questions?.length ?? 1)
          .then(() => true, () => false);
        const keys = await frame2.evaluate((prefix) => Object.keys(localStorage).filter((key) => key.startsWith(prefix)).length, `quiz-elements/progress/${PROGRESS_KEY}/`);
        const entry = await again.evaluate((g, v) => window[g].cmi[v === '2004' ? 'entry' : 'core'] && (v === '2004' ? window[g].cmi.entry : window[g].cmi.core.entry), global, version);
        console.log(`      relaunch (entry ${JSON.stringify(entry)}, another origin): ${keys} of ${saved?.questions?.length} questions' progress restored from suspend_data`);
        if (!restored) fail(`relaunch: ${keys} questions' progress in the new origin's storage, expected ${saved?.questions?.length} from suspend_data`);
      } finally {
        await again.waitForNetworkIdle({ idleTime: 200, timeout: 5_000 }).catch(() => {});
        for (const message of againErrors) fail(`relaunch: ${message}`);
        await again.close();
      }
    } catch (error) {
      fail(error.message);
    } finally {
      for (const message of errors) fail(message);
      if (!tab.isClosed()) await tab.close();
    }
  }

  // 5. cmi5, this script as the LMS, against the LRS.
  const { lrs, lrsSeconds, error: lrsError } = await lrsStarting;
  if (lrs) {
    await checkCmi5({ lrs, lrsSeconds, origin: `http://127.0.0.1:${port}`, fail: (message) => problems.cmi5.push(message) }).catch((error) => problems.cmi5.push(error.stack ?? error.message));
  } else {
    const installed = existsSync(join(process.env.QUIZ_LRS_DIR, '.installed'));
    const why = `${installed ? 'the test LRS did not start' : 'the test LRS could not be installed (its first start runs npm install, which needs the npm registry)'}: ${lrsError?.message ?? lrsError}`;
    if (installed || ci) problems.cmi5.push(`${why}${ci ? '. CI must run the cmi5 package against the real LRS (test/lrs/README.md).' : ''}`);
    else cmi5Skipped = why;
  }
} catch (error) {
  console.error(`check-packages could not run: ${error.stack ?? error}`);
  crashed = true;
} finally {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
  await stopLrs();
  rmSync(work, { recursive: true, force: true });
}

for (const [version, list] of Object.entries(problems)) {
  const name = version === 'cmi5' ? 'cmi5' : `scorm-${version}`;
  if (version === 'cmi5' && cmi5Skipped) console.log(`skipped: packages/cmi5: ${cmi5Skipped}`);
  else if (list.length === 0) console.log(`ok    packages/${name}`);
  else console.log(`FAIL  packages/${name}\n${list.map((item) => `      - ${item.replaceAll('\n', '\n        ')}`).join('\n')}`);
}
const failed = crashed || Object.values(problems).some((list) => list.length > 0);
const passedWhat = `SCORM 1.2 and 2004 packages report to scorm-again and resume${cmi5Skipped ? ' (cmi5 skipped: no LRS)' : '; the cmi5 package reports to the LRS'}`;
console.log(`packages check: ${failed ? 'FAILED' : passedWhat} in ${seconds(started)}`);
if (failed) process.exitCode = 1;
