// Runs after `npm run build` (from scripts/check-examples.mjs, or alone): the LMS packages work
// end to end, the way an LMS runs them. No network.
// - `quiz-elements package demo/banks/question-types.json --scorm12|--scorm2004` (the published
//   CLI, bin/quiz-elements.js) builds each zip; it is unpacked into a temporary folder and served.
// - An LMS host page holds scorm-again's Scorm12API / Scorm2004API (its browser build) as
//   window.API / window.API_1484_11 and opens the package's index.html in an iframe, as an LMS does.
// - In headless Chromium every question of the bank is answered through the card's shadow DOM
//   (open, single and multiple choice, true/false, two fill-ins, numeric, ordering, matching);
//   then the runtime's data model is read back: score, status, each interaction, suspend_data,
//   location; leaving the page (pagehide) ends the session (exit suspend, session time).
// - A relaunch from another origin (so no localStorage is shared) with the saved cmi data and
//   entry=resume restores the learner's progress from suspend_data.
// Prints what was read back, one block per version, and exits non-zero on any failure.
/* global document, window -- the functions passed to evaluate() run in the pages */
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, extname, join, resolve, sep } from 'node:path';
import { unzipSync } from 'fflate';
import puppeteer from 'puppeteer-core';
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
const problems = Object.fromEntries(VERSIONS.map(({ version }) => [version, []]));
const work = mkdtempSync(join(tmpdir(), 'quiz-packages-'));
let browser;
let server;
let crashed = false;

/** Page errors, failed requests and console errors (scorm-again logs every SCORM error there), as messages. */
function watch(tab) {
  const errors = new Set();
  tab.on('pageerror', (error) => errors.add(`page error: ${error.message}`));
  tab.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.add(`console error: ${message.text()}`);
  });
  tab.on('requestfailed', (request) => errors.add(`request failed: ${request.url()} (${request.failure()?.errorText})`));
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

try {
  // 1. The packages, built by the published CLI, unpacked.
  for (const { version, flag } of VERSIONS) {
    const zip = join(work, `scorm${version}.zip`);
    const output = execFileSync(process.execPath, [join(root, 'bin', 'quiz-elements.js'), 'package', BANK, flag, '--out', zip, '--pass-mark', '60'], { cwd: root, encoding: 'utf8' });
    console.log(`      ${output.trim().replace(/^.*[\\/]/, '')}`);
    for (const [path, bytes] of Object.entries(unzipSync(readFileSync(zip)))) {
      const file = join(work, `scorm${version}`, path);
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
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    if (path === '/lms/') return response.writeHead(200, { 'content-type': types['.html'] }).end(hostPage);
    const file = path === '/lms/scorm-again.js' ? join(root, 'node_modules', 'scorm-again', 'dist', 'scorm-again.js') : fileIn(work, path);
    if (!file) return response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const port = server.address().port;

  // 3. Each version: a session, then a relaunch from another origin.
  const found = await detectBrowsers({ engines: ['chromium'] });
  if (!found.chromium) throw new Error(`no Chromium to run the packages in: ${found.problems.chromium}`);
  browser = await puppeteer.launch({ executablePath: found.chromium.path, headless: found.chromium.headless, args: found.chromium.args, env: { ...process.env, ...browserEnv(root) } });

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
} catch (error) {
  console.error(`check-packages could not run: ${error.stack ?? error}`);
  crashed = true;
} finally {
  await browser?.close();
  await new Promise((done) => (server ? server.close(done) : done()));
  rmSync(work, { recursive: true, force: true });
}

for (const [version, list] of Object.entries(problems)) {
  if (list.length === 0) console.log(`ok    packages/scorm-${version}`);
  else console.log(`FAIL  packages/scorm-${version}\n${list.map((item) => `      - ${item.replaceAll('\n', '\n        ')}`).join('\n')}`);
}
const failed = crashed || Object.values(problems).some((list) => list.length > 0);
console.log(`packages check: ${failed ? 'FAILED' : 'SCORM 1.2 and 2004 packages report to scorm-again and resume'} in ${seconds(started)}`);
if (failed) process.exitCode = 1;
