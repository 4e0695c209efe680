import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Scorm12API, Scorm2004API } from 'scorm-again';
import type { InteractionReport } from '../interactions/grading.js';
import { parseExport } from '../progress/record.js';
import { ProgressStore } from '../progress/store.js';
import { memoryStorage } from '../progress/memory-storage.js';
import type { ProgressExport, QuestionProgress } from '../progress/types.js';
import { findScormApi, fitSuspendData, fitSuspendDataDetails, interactionId, readSuspendData, ScormRecorder, sessionTime, type FoundScormApi, type ScormVersion } from './runtime.js';

type Lms = InstanceType<typeof Scorm12API> | InstanceType<typeof Scorm2004API>;

/** An LMS window holding a fresh scorm-again API, optionally loaded with a previous session's cmi. */
function lms(version: ScormVersion, previous?: Record<string, unknown>): { api: Lms; found: FoundScormApi } {
  const api = version === '2004' ? new Scorm2004API({ logLevel: 5 }) : new Scorm12API({ logLevel: 5 });
  if (previous) api.loadFromJSON(previous, 'cmi');
  const top: Record<string, unknown> = { [version === '2004' ? 'API_1484_11' : 'API']: api };
  top.parent = top;
  const found = findScormApi({ parent: top });
  assert.ok(found, 'the API is found in the parent');
  return { api, found };
}

/** The data model as the LMS would store it (write-only elements included). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored data model, read as JSON
type Json = any;
const stored = (api: Lms) => JSON.parse(JSON.stringify(api.cmi)) as Record<string, Json>;

function recorder(version: ScormVersion, previous?: Record<string, unknown>) {
  const { api, found } = lms(version, previous);
  const problems: string[] = [];
  let clock = Date.UTC(2026, 5, 1, 8, 0, 0);
  const rec = new ScormRecorder(found, { onProblem: (message) => problems.push(message), now: () => clock });
  return { api, rec, problems, advance: (ms: number) => (clock += ms) };
}

const AT = Date.UTC(2026, 5, 1, 8, 30, 15, 250);

/** One report per interaction type, as the question types describe a response (see src/interactions/*). */
const REPORTS: Record<string, { report: InteractionReport; correct: boolean }> = {
  choice: { report: { interactionType: 'choice', correctResponsesPattern: ['choice-1[,]choice-2'], response: 'choice-1[,]choice-3' }, correct: false },
  'true-false': { report: { interactionType: 'true-false', correctResponsesPattern: ['false'], response: 'false' }, correct: true },
  'fill-in': { report: { interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=false}query[,]key'], response: 'query[,]keys' }, correct: true },
  numeric: { report: { interactionType: 'numeric', correctResponsesPattern: ['5500[:]6500'], response: '6000' }, correct: true },
  sequencing: { report: { interactionType: 'sequencing', correctResponsesPattern: ['item-1[,]item-2[,]item-3'], response: 'item-2[,]item-1[,]item-3' }, correct: false },
  matching: { report: { interactionType: 'matching', correctResponsesPattern: ['left-1[.]right-1[,]left-2[.]right-2'], response: 'left-1[.]right-2[,]left-2[.]right-1' }, correct: false },
};

/** What each version stores for REPORTS: [type, response, correct pattern]. */
const EXPECTED: Record<ScormVersion, Record<string, [string, string, string | undefined]>> = {
  '1.2': {
    choice: ['choice', 'a,c', 'a,b'],
    'true-false': ['true-false', 'f', 'f'],
    'fill-in': ['fill-in', 'query,keys', 'query,key'],
    numeric: ['numeric', '6000', undefined], // 1.2 has no ranges
    sequencing: ['sequencing', 'b,a,c', 'a,b,c'],
    matching: ['matching', 'a.b,b.a', 'a.a,b.b'],
  },
  '2004': {
    choice: ['choice', 'choice-1[,]choice-3', 'choice-1[,]choice-2'],
    'true-false': ['true-false', 'false', 'false'],
    'fill-in': ['fill-in', 'query[,]keys', '{case_matters=false}query[,]key'],
    numeric: ['numeric', '6000', '5500[:]6500'],
    sequencing: ['sequencing', 'item-2[,]item-1[,]item-3', 'item-1[,]item-2[,]item-3'],
    matching: ['matching', 'left-1[.]right-2[,]left-2[.]right-1', 'left-1[.]right-1[,]left-2[.]right-2'],
  },
};

describe('findScormApi', () => {
  const api12 = new Scorm12API({ logLevel: 5 });
  const api2004 = new Scorm2004API({ logLevel: 5 });

  test('finds the API on the window itself, a parent several levels up, or the opener chain', () => {
    const top: Record<string, unknown> = { API: api12 };
    top.parent = top;
    let win: Record<string, unknown> = { parent: top };
    for (let i = 0; i < 4; i++) win = { parent: win };
    assert.deepEqual(findScormApi(win), { version: '1.2', api: api12 });
    assert.equal(findScormApi({ API_1484_11: api2004 })?.version, '2004');
    const popup = { parent: null, opener: { parent: top } };
    assert.equal(findScormApi(popup)?.api, api12);
  });

  test('prefers 2004 in the same window, and obeys a version asked for', () => {
    const both = { API: api12, API_1484_11: api2004 };
    assert.equal(findScormApi(both)?.version, '2004');
    assert.equal(findScormApi(both, { version: '1.2' })?.version, '1.2');
  });

  test('stops after maxDepth parents', () => {
    const top: Record<string, unknown> = { API: api12 };
    top.parent = top;
    let win: Record<string, unknown> = top;
    for (let i = 0; i < 12; i++) win = { parent: win };
    assert.equal(findScormApi(win), null, '12 levels up is past the default 10');
    assert.equal(findScormApi(win, { maxDepth: 12 })?.version, '1.2');
  });

  test('passes over windows of another origin, whose properties throw SecurityError', () => {
    const foreign = new Proxy(
      {},
      {
        get(_, key) {
          if (key === 'parent') return top;
          throw new DOMException(`Blocked a frame from accessing ${String(key)}`, 'SecurityError');
        },
      },
    );
    const top: Record<string, unknown> = { API_1484_11: api2004 };
    top.parent = top;
    assert.equal(findScormApi({ parent: foreign })?.api, api2004);
    const allForeign = new Proxy({}, { get: () => { throw new DOMException('blocked', 'SecurityError'); } });
    assert.equal(findScormApi({ parent: allForeign, opener: allForeign }), null);
  });

  test('ignores objects that are not an API and answers null outside an LMS', () => {
    assert.equal(findScormApi({ API: { LMSInitialize: () => 'true' } }), null);
    assert.equal(findScormApi({ API_1484_11: 'yes' }), null);
    assert.equal(findScormApi(null), null);
    const alone: Record<string, unknown> = {};
    alone.parent = alone;
    assert.equal(findScormApi(alone), null);
  });
});

for (const version of ['1.2', '2004'] as const) {
  describe(`ScormRecorder on scorm-again, SCORM ${version}`, () => {
    const interactions = (api: Lms) => Object.values(stored(api).interactions as Record<string, Record<string, Json>>);

    test('a first launch: nothing to resume, status becomes incomplete', () => {
      const { api, rec, problems } = recorder(version);
      assert.deepEqual(rec.start(), { suspendData: '', location: '', resumed: false });
      assert.equal(version === '2004' ? stored(api).completion_status : stored(api).core.lesson_status, 'incomplete');
      assert.deepEqual(problems, []);
    });

    test('every interaction type is accepted (no error code) and stored in the version\'s format', () => {
      const { api, rec, problems } = recorder(version);
      rec.start();
      for (const [name, { report, correct }] of Object.entries(REPORTS)) rec.interaction(`question-types/${name}`, report, { score: correct ? 1 : 0, correct }, AT, `The ${name} question`);
      rec.flashcard('question-types/open', 'hard', AT, 'An open question');
      assert.deepEqual(problems, []);
      const stored_ = interactions(api);
      assert.equal(stored_.length, 7);
      Object.entries(REPORTS).forEach(([name, { correct }], n) => {
        const item = stored_[n]!;
        const [type, response, pattern] = EXPECTED[version][name]!;
        assert.equal(item.id, interactionId(`question-types/${name}`, version));
        assert.equal(item.type, type, `${name}: type`);
        assert.equal(version === '2004' ? item.learner_response : item.student_response, response, `${name}: response`);
        assert.equal(item.correct_responses['0']?.pattern, pattern, `${name}: correct response`);
        assert.equal(item.result, correct ? 'correct' : version === '2004' ? 'incorrect' : 'wrong');
        assert.equal(item.weighting, '1');
        if (version === '2004') {
          assert.equal(item.timestamp, '2026-06-01T08:30:15.2Z');
          assert.equal(item.description, `The ${name} question`);
        } else {
          const local = new Date(AT);
          assert.equal(item.time, [local.getHours(), local.getMinutes(), local.getSeconds()].map((n) => String(n).padStart(2, '0')).join(':'));
        }
      });
      const flashcard = stored_[6]!;
      assert.equal(flashcard.type, version === '2004' ? 'other' : 'performance');
      assert.equal(version === '2004' ? flashcard.learner_response : flashcard.student_response, 'hard');
      assert.equal(flashcard.result, 'neutral');
    });

    test('ids are valid identifiers for the version, whatever the question id', () => {
      const { api, rec, problems } = recorder(version);
      rec.start();
      const ids = ['bank/q 1', 'x'.repeat(300), '问题-1'];
      for (const id of ids) rec.interaction(id, REPORTS['true-false']!.report, { score: 1, correct: true }, AT, 'T');
      assert.deepEqual(problems, []);
      const got = interactions(api).map((item) => item.id as string);
      assert.equal(new Set(got).size, 3);
      for (const id of got) {
        if (version === '1.2') assert.match(id, /^[A-Za-z0-9_-]{1,255}$/);
        else assert.match(id, /^urn:quiz-elements:[A-Za-z0-9()+,\-.:=@;$_!*'%/]+$/);
      }
    });

    test('awkward responses are made to fit: unanswered, not a number, braces and line breaks, many choices', () => {
      const { api, rec, problems } = recorder(version);
      rec.start();
      const grading = { score: 0, correct: false };
      rec.interaction('unanswered', { interactionType: 'true-false', correctResponsesPattern: ['true'], response: '' }, grading, AT, 'T');
      rec.interaction('nan', { interactionType: 'numeric', correctResponsesPattern: ['42'], response: 'about forty' }, grading, AT, 'N');
      rec.interaction('tiny', { interactionType: 'numeric', correctResponsesPattern: ['1e-7'], response: '0.0000001' }, grading, AT, 'N');
      rec.interaction('braces', { interactionType: 'fill-in', correctResponsesPattern: ['{case_matters=true}{a}[,]b'], response: '{x\ny[,]' }, grading, AT, '{Title}\nsecond line');
      rec.interaction('same-answers', { interactionType: 'fill-in', correctResponsesPattern: ['key[,]key'], response: 'key[,]key' }, grading, AT, 'F');
      const many = Array.from({ length: 40 }, (_, i) => `choice-${i + 1}`);
      rec.interaction('many', { interactionType: 'choice', correctResponsesPattern: [many.slice(0, 2).join('[,]')], response: 'choice-40' }, grading, AT, 'C');
      const blanks = Array.from({ length: 12 }, (_, i) => `w${i}`);
      rec.interaction('blanks', { interactionType: 'fill-in', correctResponsesPattern: [blanks.join('[,]')], response: blanks.join('[,]') }, grading, AT, 'F');
      rec.interaction('long', { interactionType: 'fill-in', correctResponsesPattern: ['a'], response: 'z'.repeat(600) }, grading, AT, 'd'.repeat(600));
      assert.deepEqual(problems, []);
      const got = interactions(api);
      assert.equal(got.length, 8);
      assert.equal(version === '2004' ? got[0]!.learner_response : got[0]!.student_response, '', 'no response is sent for an unanswered question');
      assert.equal(got[0]!.result, version === '2004' ? 'incorrect' : 'wrong');
      assert.equal(got[2]!.correct_responses['0'].pattern, '0.0000001');
      if (version === '2004') {
        assert.equal(got[3]!.learner_response, 'x y[,]');
        assert.equal(got[3]!.description, 'Title} second line');
        assert.equal(got[5]!.learner_response, 'choice-40');
        assert.equal(got[6]!.type, 'long-fill-in');
        assert.ok((got[7]!.description as string).length <= 250);
      } else {
        assert.equal(got[5]!.type, 'performance', '40 choices do not fit 1.2\'s single characters');
        assert.ok((got[7]!.student_response as string).length <= 255);
      }
    });

    test('progress, score and status are read back, and a relaunch resumes them', () => {
      const { api, rec, problems, advance } = recorder(version);
      rec.start();
      rec.progress('question-3', '{"format":"quiz-progress/1"}');
      rec.complete({ score: 2 / 3, passed: false });
      advance(3_723_450);
      rec.finish();
      rec.finish();
      assert.deepEqual(problems, []);
      const cmi = stored(api);
      if (version === '2004') {
        assert.deepEqual([cmi.location, cmi.suspend_data, cmi.exit, cmi.session_time], ['question-3', '{"format":"quiz-progress/1"}', 'suspend', 'PT1H2M3.45S']);
        assert.deepEqual(cmi.score, { scaled: '0.6667', raw: '66.67', min: '0', max: '100' });
        assert.deepEqual([cmi.completion_status, cmi.success_status], ['completed', 'failed']);
      } else {
        assert.deepEqual([cmi.core.lesson_location, cmi.suspend_data, cmi.core.exit], ['question-3', '{"format":"quiz-progress/1"}', 'suspend']);
        assert.match(cmi.core.session_time, /^0*1:02:03\.45$/);
        assert.deepEqual(cmi.core.score, { raw: '66.67', min: '0', max: '100' });
        assert.equal(cmi.core.lesson_status, 'failed');
      }
      assert.equal(String(api.isTerminated()), 'true');

      // The LMS relaunches the SCO with what it kept.
      const kept = version === '2004'
        ? { location: cmi.location, suspend_data: cmi.suspend_data, entry: 'resume', completion_status: cmi.completion_status }
        : { suspend_data: cmi.suspend_data, core: { lesson_location: cmi.core.lesson_location, entry: 'resume', lesson_status: cmi.core.lesson_status } };
      const again = recorder(version, kept);
      assert.deepEqual(again.rec.start(), { suspendData: '{"format":"quiz-progress/1"}', location: 'question-3', resumed: true });
      assert.equal(version === '2004' ? stored(again.api).completion_status : stored(again.api).core.lesson_status, version === '2004' ? 'completed' : 'failed', 'a status already reached is not set back');
      assert.deepEqual(again.problems, []);
    });

    test('progress before any question: an empty location is not sent (LMSs refuse it), the suspend data is', () => {
      const { api, rec, problems } = recorder(version);
      rec.start();
      rec.progress('', '{"format":"quiz-progress/1"}');
      assert.deepEqual(problems, []);
      assert.equal(stored(api).suspend_data, '{"format":"quiz-progress/1"}');
    });

    test('complete() without a pass mark: completed, no pass or fail', () => {
      const { api, rec, problems } = recorder(version);
      rec.start();
      rec.complete({ score: 1 });
      const cmi = stored(api);
      if (version === '2004') assert.deepEqual([cmi.completion_status, cmi.success_status, cmi.score.scaled], ['completed', 'unknown', '1']);
      else assert.equal(cmi.core.lesson_status, 'completed');
      assert.deepEqual(problems, []);
    });

    test('limits hold: an over-long location or suspend data is reported and not sent', () => {
      const { api, rec, problems } = recorder(version);
      rec.start();
      const location = version === '2004' ? 1000 : 255;
      const suspend = version === '2004' ? 64000 : 4096;
      rec.progress('l'.repeat(location), 's'.repeat(suspend));
      assert.deepEqual(problems, [], 'values at the limit are accepted');
      rec.progress('l'.repeat(location + 1), 's'.repeat(suspend + 1));
      assert.equal(problems.length, 2);
      assert.match(problems[0]!, new RegExp(`over SCORM ${version.replace('.', '\\.')}'s ${location}; not saved`));
      assert.match(problems[1]!, /suspend_data: \d+ characters, over .*fitSuspendData/);
      const cmi = stored(api);
      assert.equal(cmi.suspend_data.length, suspend, 'the earlier value stands');
    });

    test('calls outside a session are reported once, never thrown; the LMS\'s refusals name the element and its error', () => {
      const { rec, problems } = recorder(version);
      rec.interaction('early', REPORTS.choice!.report, { score: 0, correct: false }, AT, 'C');
      rec.complete({ score: 1 });
      assert.equal(problems.length, 1);
      assert.match(problems[0]!, /interaction\(\): not recorded, start\(\) was not called/);
      const other = recorder(version);
      other.rec.start();
      other.rec.finish();
      other.rec.progress('x', 'y');
      assert.match(other.problems.join('\n'), /progress\(\): not recorded, finish\(\) was already called/);
    });
  });
}

describe('ScormRecorder against a failing LMS', () => {
  /** A 2004 API whose SetValue refuses everything with error 405, and whose Initialize can fail. */
  function failing(initialize = 'true') {
    const calls: string[] = [];
    const api = {
      Initialize: () => initialize,
      Terminate: () => 'true',
      GetValue: () => '',
      SetValue: (element: string) => (calls.push(element), 'false'),
      Commit: () => 'true',
      GetLastError: () => (calls.length ? '405' : '0'),
      GetErrorString: (code: string) => (code === '405' ? 'Incorrect Data Type' : 'General Exception'),
      GetDiagnostic: () => 'value does not match the type',
    };
    return { api, calls };
  }

  test('a refused value is reported with element, value and the LMS\'s error string', () => {
    const { api } = failing();
    const problems: string[] = [];
    const rec = new ScormRecorder({ version: '2004', api }, { onProblem: (m) => problems.push(m) });
    rec.start();
    rec.complete({ score: 0.5 });
    assert.ok(problems.length > 0);
    assert.match(problems.join('\n'), /SCORM 2004: the LMS refused cmi\.completion_status = "incomplete": error 405 Incorrect Data Type \(value does not match the type\)/);
  });

  test('an Initialize that fails stops the recorder quietly; an API that throws never throws out', () => {
    const problems: string[] = [];
    const rec = new ScormRecorder({ version: '2004', api: failing('false').api }, { onProblem: (m) => problems.push(m) });
    assert.deepEqual(rec.start(), { suspendData: '', location: '', resumed: false });
    assert.equal(rec.running, false);
    assert.match(problems[0]!, /Initialize failed/);
    const throwing = { ...failing().api, GetValue: () => { throw new Error('boom'); }, SetValue: () => { throw new Error('bang'); } };
    const rec2 = new ScormRecorder({ version: '2004', api: throwing }, { onProblem: (m) => problems.push(m), });
    assert.doesNotThrow(() => {
      rec2.start();
      rec2.interaction('q', REPORTS.choice!.report, { score: 0, correct: false }, AT, 'C');
      rec2.finish();
    });
    assert.match(problems.join('\n'), /reading cmi\.suspend_data threw: boom/);
    assert.match(problems.join('\n'), /setting cmi\.interactions\.0\.id \(question q\) threw: bang/);
    const noisy = new ScormRecorder({ version: '2004', api: failing().api }, { onProblem: () => { throw new Error('listener'); } });
    assert.doesNotThrow(() => noisy.start());
  });
});

describe('sessionTime', () => {
  test('1.2 HHHH:MM:SS.SS and 2004 ISO 8601 durations', () => {
    assert.equal(sessionTime(0, '1.2'), '0000:00:00.00');
    assert.equal(sessionTime(3_723_450, '1.2'), '0001:02:03.45');
    assert.equal(sessionTime(3_723_450, '2004'), 'PT1H2M3.45S');
    assert.equal(sessionTime(59_000, '2004'), 'PT0H0M59S');
  });
});

describe('fitSuspendData', () => {
  const review = (at: number) => ({ at, grade: 'good' as const, correct: true });
  const memory = { due: 2e12, stability: 3.1234567, difficulty: 5.7654321, scheduledDays: 3, learningSteps: 0, reps: 5, lapses: 1, state: 2 as const, lastReview: 1.7e12 };
  const question = (i: number, reviews = 5): QuestionProgress => ({
    bankId: 'question-types',
    questionId: `question-${String(i).padStart(3, '0')}`,
    reviews: Array.from({ length: reviews }, (_, r) => review(1.7e12 + i * 1000 + r)),
    memory,
    updatedAt: 1.7e12 + i * 1000,
  });
  const exportOf = (questions: QuestionProgress[]): ProgressExport => ({ format: 'quiz-progress/1', progressKey: 'default', exportedAt: 1.8e12, questions });

  test('a small export is kept whole', () => {
    const data = exportOf([question(1), question(2)]);
    const fitted = fitSuspendDataDetails(data, '1.2');
    assert.deepEqual(fitted, { text: JSON.stringify(data), kept: 2, omitted: 0, reviewsTrimmed: false });
  });

  for (const version of ['1.2', '2004'] as const) {
    test(`SCORM ${version}: too much progress keeps the newest questions under the limit, and says how many were left out`, () => {
      const count = version === '1.2' ? 40 : 600;
      const data = exportOf(Array.from({ length: count }, (_, i) => question(i)));
      const fitted = fitSuspendDataDetails(data, version);
      assert.equal(fitSuspendData(data, version), fitted.text);
      assert.equal(JSON.parse(fitted.text).omitted, fitted.omitted, 'the saved text says how many were left out');
      const limit = version === '1.2' ? 4096 : 64000;
      assert.ok(fitted.text.length <= limit, `${fitted.text.length} <= ${limit}`);
      assert.ok(fitted.kept > 0 && fitted.omitted > 0);
      assert.equal(fitted.kept + fitted.omitted, count);
      const parsed = parseExport(fitted.text);
      assert.equal(parsed.questions.length, fitted.kept);
      const newest = data.questions.slice(-fitted.kept).map((q) => q.questionId);
      assert.deepEqual(parsed.questions.map((q) => q.questionId), newest, 'the most recently changed questions');
      assert.ok(parsed.questions.every((q) => q.reviews.length === 1 && q.memory.stability === memory.stability));
      // One more question would not have fitted.
      assert.ok(fitted.text.length + JSON.stringify(parsed.questions[0]).length + 1 > limit);
    });
  }

  test('trimming review logs alone is enough when it fits then', () => {
    const data = exportOf(Array.from({ length: 12 }, (_, i) => question(i, 30)));
    assert.ok(JSON.stringify(data).length > 4096);
    const fitted = fitSuspendDataDetails(data, '1.2');
    assert.deepEqual([fitted.kept, fitted.omitted, fitted.reviewsTrimmed], [12, 0, true]);
  });

  test('the text restores progress through ProgressStore.importData', async () => {
    const source = new ProgressStore({ storage: memoryStorage(), progressKey: 'default' });
    await source.ready;
    const data = exportOf([question(1), question(2)]);
    await source.importData(data);
    const text = fitSuspendData(source.exportData(), '1.2');
    const target = new ProgressStore({ storage: memoryStorage(), progressKey: 'default' });
    const summary = await target.importData(readSuspendData(text));
    assert.equal(summary.added, 2);
    assert.deepEqual(target.exportData().questions, source.exportData().questions);
  });

  test('readSuspendData: nothing saved is null; text that is not progress reaches importData, which says why', async () => {
    assert.equal(readSuspendData(''), null);
    assert.equal(readSuspendData('  '), null);
    const store = new ProgressStore({ storage: memoryStorage() });
    await assert.rejects(store.importData(readSuspendData('page=3;score=2')), /Not a progress file: the JSON cannot be read/);
    await assert.rejects(store.importData(readSuspendData('{"bookmark":3}')), /Not a valid progress file: format/);
  });
});
