import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import validatorModule from '@learninglocker/xapi-validation';
import { cmi5Outcome, cmi5Statement, launchDataOf, MASTERY_EXTENSION, MOVEON_CATEGORY, type Cmi5Session } from './cmi5.js';
import { checkXapiLaunch, cmi5LaunchOf, endpointUrl, LaunchError, parseActor, xapiLaunchOf } from './launch.js';

const validateStatement = ((validatorModule as unknown as { default?: unknown }).default ?? validatorModule) as (data: unknown) => { name: string; path: string[] }[];
const REG = '5c2b1a3e-8f7d-4e1b-9a0c-2d4e6f8a0b1c';
const throwsAbout = (run: () => unknown, parameter: string, words: RegExp) =>
  assert.throws(run, (error: unknown) => error instanceof LaunchError && error.parameter === parameter && words.test(error.message));

describe('launch parameters', () => {
  it('an xAPI launch: endpoint with a trailing slash, auth, actor, registration', () => {
    const search = `?endpoint=${encodeURIComponent('https://lrs.example.org/xapi')}&auth=${encodeURIComponent('Basic abc=')}&actor=${encodeURIComponent('{"mbox":"mailto:ann@example.org","name":"Ann"}')}&registration=${REG.toUpperCase()}`;
    assert.deepEqual(xapiLaunchOf(search), {
      endpoint: 'https://lrs.example.org/xapi/',
      auth: 'Basic abc=',
      actor: { objectType: 'Agent', name: 'Ann', mbox: 'mailto:ann@example.org' },
      registration: REG,
    });
  });

  it('the older launch form with lists, and accounts', () => {
    assert.deepEqual(parseActor('{"name":["Ann"],"mbox":["mailto:ann@example.org"]}'), { objectType: 'Agent', name: 'Ann', mbox: 'mailto:ann@example.org' });
    assert.deepEqual(parseActor({ account: [{ accountServiceHomePage: 'https://lms.example.org', accountName: '42' }] }), { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: '42' } });
  });

  it('each problem names its parameter and says what to do', () => {
    throwsAbout(() => xapiLaunchOf(''), 'endpoint', /opened without one.*Open it from your course/);
    throwsAbout(() => endpointUrl('javascript:alert(1)'), 'endpoint', /not an http\(s\) URL/);
    throwsAbout(() => endpointUrl('htp:/not a url'), 'endpoint', /not an http\(s\) URL|not a URL/);
    throwsAbout(() => parseActor('{nope'), 'actor', /not JSON/);
    throwsAbout(() => parseActor({ name: 'Ann' }), 'actor', /no usable identifier/);
    throwsAbout(() => parseActor({ mbox: 'ann@example.org' }), 'actor', /no usable identifier/);
    throwsAbout(() => checkXapiLaunch({ endpoint: 'https://lrs.example.org/', actor: { mbox: 'mailto:a@b.c' }, registration: 'not-a-uuid' }), 'registration', /not a UUID/);
    throwsAbout(() => cmi5LaunchOf(`?endpoint=https://lrs.example.org/&actor={}`), 'fetch', /without its "fetch" launch parameter/);
  });

  it('a cmi5 launch needs all five parameters', () => {
    const launch = cmi5LaunchOf(`?endpoint=https://lrs.example.org/x&fetch=${encodeURIComponent('https://lms.example.org/token?k=1')}&actor=${encodeURIComponent('{"account":{"homePage":"https://lms.example.org","name":"7"}}')}&registration=${REG}&activityId=${encodeURIComponent('https://c.example.org/au/1')}`);
    assert.equal(launch.endpoint, 'https://lrs.example.org/x/');
    assert.equal(launch.fetch, 'https://lms.example.org/token?k=1');
    assert.equal(launch.activityId, 'https://c.example.org/au/1');
  });
});

describe('cmi5 statements', () => {
  const session: Cmi5Session = {
    launch: { endpoint: 'https://lrs.example.org/', fetch: 'https://lms.example.org/t', actor: { objectType: 'Agent', account: { homePage: 'https://lms.example.org', name: '7' } }, registration: REG, activityId: 'https://c.example.org/au/1' },
    auth: 'Basic x',
    data: launchDataOf({ contextTemplate: { contextActivities: { grouping: [{ objectType: 'Activity', id: 'https://c.example.org/course' }] }, extensions: { 'https://w3id.org/xapi/cmi5/context/extensions/sessionid': 's-1' } }, launchMode: 'Normal', masteryScore: 0.8 }),
  };
  const context = { actor: session.launch.actor, bankIri: '', bankTitle: '', bankLanguage: 'en', language: 'en' };
  let n = 0;
  const stamp = () => ({ id: `6f9619ff-8b86-4011-b42d-00c04fc964${String(++n).padStart(2, '0')}`, at: Date.UTC(2026, 11, 7, 10, 0, n) });

  it('the five verbs are valid xAPI, about the AU, with the template, the categories and cmi5 results', () => {
    for (const verb of ['initialized', 'completed', 'passed', 'failed', 'terminated'] as const) {
      const statement = cmi5Statement(context, session, stamp(), verb, { durationMs: 65_250, score: 0.9 });
      assert.deepEqual(validateStatement(statement), [], verb);
      assert.equal(statement.object.id, session.launch.activityId);
      assert.equal(statement.context.registration, REG);
      assert.equal(statement.context.contextActivities!.grouping![0]!.id, 'https://c.example.org/course');
      assert.equal(statement.context.extensions!['https://w3id.org/xapi/cmi5/context/extensions/sessionid'], 's-1');
      const categories = statement.context.contextActivities!.category!.map((c) => c.id);
      assert.equal(categories.includes(MOVEON_CATEGORY), ['completed', 'passed', 'failed'].includes(verb), verb);
      if (verb === 'initialized') assert.equal(statement.result, undefined);
      else assert.equal(statement.result!.duration, 'PT1M5.25S');
    }
    const passed = cmi5Statement(context, session, stamp(), 'passed', { durationMs: 1, score: 0.9 });
    assert.deepEqual(passed.result, { duration: 'PT0S', success: true, score: { scaled: 0.9 } });
    assert.equal(passed.context.extensions![MASTERY_EXTENSION], 0.8);
  });

  it('completed once, passed once against the mastery score (not the pass mark), nothing in Browse or Review', () => {
    assert.deepEqual(cmi5Outcome(session, { completed: false, passed: false }, 0.75, 50), ['completed', 'failed'], '0.75 < mastery 0.8 although the pass mark is 50');
    assert.deepEqual(cmi5Outcome(session, { completed: true, passed: false }, 0.8, 50), ['passed']);
    assert.deepEqual(cmi5Outcome(session, { completed: true, passed: true }, 1, 50), []);
    const noMastery = { ...session, data: { ...session.data, masteryScore: undefined } };
    assert.deepEqual(cmi5Outcome(noMastery, { completed: false, passed: false }, 0.6, 60), ['completed', 'passed'], 'the pass mark when the LMS gives no mastery score');
    assert.deepEqual(cmi5Outcome(noMastery, { completed: false, passed: false }, 0.6, undefined), ['completed']);
    assert.deepEqual(cmi5Outcome({ ...session, data: { ...session.data, launchMode: 'Review' } }, { completed: false, passed: false }, 1, 50), []);
  });

  it('launch data without a context template is refused with a clear message', () => {
    throwsAbout(() => launchDataOf({ launchMode: 'Normal' }), 'LMS.LaunchData', /no contextTemplate/);
  });
});
