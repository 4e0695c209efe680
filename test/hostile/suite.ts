/// <reference types="mocha" />
// The shape every hostile-content test file shares: one page with the tripwire and the outside
// watch, one test per payload (all three elements, every field), a skipped FINDING test per known
// finding, and one line of figures logged at the end for the README's reliability table.
import { banksWith, FIELDS, hostileTexts, oneLine, type HostileBank, type HostileCategory, type HostileText } from '../fixtures/hostile/index.js';
import { findingsOf, type KnownFinding } from './known-findings.js';
import { queryFor } from './learner.js';
import { ELEMENTS, HostilePage, type ElementName, type TrialOptions } from './trial.js';

/** Which categories of the text corpus each corpus test file tries (a file per group keeps each run short). */
export const CORPUS_FILES = {
  'hostile-content.test.ts': ['script-tag', 'event-handler', 'svg-mathml', 'css', 'page-takeover'],
  'hostile-urls.test.ts': ['url-scheme', 'entity-case', 'dom-clobbering', 'template-marker'],
  'hostile-text.test.ts': ['unicode', 'prototype-key', 'renderer-corpus'],
} as const satisfies Record<string, readonly HostileCategory[]>;

/** Registers the text payloads of `categories`, a describe block per category. */
export function tryCategories(categories: readonly HostileCategory[], tryText: (payload: HostileText) => void): void {
  for (const category of categories) {
    describe(category, () => {
      for (const payload of hostileTexts.filter((p) => p.category === category)) tryText(payload);
    });
  }
}

/** Options of the trial of a text payload, in every field of two banks. */
export function textTrial(payload: HostileText): TrialOptions {
  const banks = banksWith(payload.text, { once: payload.once ?? false });
  return {
    id: payload.id,
    banks,
    valid: !payload.refused,
    pathological: payload.pathological ?? false,
    ...(payload.ceilingMs ? { ceilingMs: payload.ceilingMs } : {}),
    query: payload.query ?? queryFor(oneLine(payload.text)),
    title: banks[0]!.questions[0]!.title,
    topicTitle: banks[0]!.topics[0]!.title,
    fields: FIELDS.length,
    skip: findingsOf(payload.id).flatMap((finding) => finding.elements),
  };
}

/** Options of the trial of a whole-bank payload. */
export function bankTrial(payload: HostileBank): TrialOptions {
  return {
    id: payload.id,
    banks: payload.value() as unknown[],
    valid: payload.valid,
    pathological: payload.pathological ?? false,
    fields: 1,
    skip: findingsOf(payload.id).flatMap((finding) => finding.elements),
  };
}

/** Only `elements` of a trial: what a FINDING test runs. */
function only(options: TrialOptions, elements: readonly ElementName[]): TrialOptions {
  return { ...options, skip: ELEMENTS.filter((other) => !elements.includes(other)) };
}

function findingTitle(payload: string, finding: KnownFinding): string {
  const where = finding.elements.map((name) => `<${name}>`).join(' and ');
  return `FINDING ${payload} in ${where}${finding.engines ? ` (${finding.engines.join(', ')})` : ''}: ${finding.what}`;
}

/**
 * A describe block with its own page: `register` adds tests through `tryText` and `tryBank`.
 * `timeout` is per test (a trial runs three elements).
 */
export function hostileSuite(title: string, timeout: number, register: (tryText: (payload: HostileText) => void, tryBank: (payload: HostileBank) => void, page: HostilePage) => void): void {
  describe(title, function () {
    this.timeout(timeout);
    const page = new HostilePage();
    const findings: (() => void)[] = [];

    before(async () => {
      await page.open();
    });

    after(() => {
      page.close();
      console.log(page.report(title));
    });

    /** The test of a payload, and a skipped FINDING test per known finding of it. */
    const tryPayload = (payload: HostileText | HostileBank, options: () => TrialOptions) => {
      it(`${payload.id}: ${payload.note}`, async () => {
        await page.trial(options());
      });
      for (const finding of findingsOf(payload.id)) {
        findings.push(() =>
          it.skip(findingTitle(payload.id, finding), async () => {
            await page.trial(only(options(), finding.elements));
          }),
        );
      }
    };
    const tryText = (payload: HostileText) => tryPayload(payload, () => textTrial(payload));
    const tryBank = (payload: HostileBank) => tryPayload(payload, () => bankTrial(payload));

    register(tryText, tryBank, page);

    if (findings.length) {
      describe('known findings (skipped until fixed: un-skip one to reproduce it)', () => {
        for (const add of findings) add();
      });
    }
  });
}
