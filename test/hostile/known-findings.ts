// Payloads that get through today (issue 7): each is left out of its trial for the elements it breaks
// (in the engines it breaks them in) and has a skipped test of its own, named FINDING, that
// reproduces it once un-skipped.
import type { ElementName } from './trial.js';

export type Engine = 'chromium' | 'firefox' | 'webkit';

export interface KnownFinding {
  /** Id of the payload in test/fixtures/hostile/. */
  payload: string;
  /** The elements it breaks. */
  elements: readonly ElementName[];
  /** Only in these engines (all when absent). */
  engines?: readonly Engine[];
  /** What happens, in one line. */
  what: string;
}

export const KNOWN_FINDINGS: readonly KnownFinding[] = [
  {
    // hostile-math.test.ts (issue 17): the card and the topic list show it; the browser lists it, but
    // its search for the first word of the text finds nothing in Firefox only. Not investigated yet.
    payload: 'math-fractions-nested-just-over-the-limit-webkit-doubles-its-layout-time-per-level',
    elements: ['question-browser'],
    engines: ['firefox'],
    what: 'searching for "Inline" finds nothing (Chromium and WebKit find it)',
  },
  {
    // hostile-math.test.ts: seen once in a full Chromium run (the fresh-clone CI check of
    // 2026-12-07), not in runs of the file alone. The index holds the question (Node finds it);
    // the likely cause is the browser answering from an index still being prepared, as issue 18
    // item 1 describes for the first keystroke. To be settled there, with a test of the search
    // while the index is prepared.
    payload: 'math-huge-negative-lengths',
    elements: ['question-browser'],
    engines: ['chromium'],
    what: 'searching for "Inline" found nothing in one full Chromium run',
  },
];

/** The engine the tests run in. */
export function currentEngine(): Engine {
  const agent = navigator.userAgent;
  if (/Firefox\//.test(agent)) return 'firefox';
  if (/Chrome\//.test(agent)) return 'chromium';
  return 'webkit';
}

/** The known findings of a payload in this engine. */
export function findingsOf(payload: string): KnownFinding[] {
  const engine = currentEngine();
  return KNOWN_FINDINGS.filter((finding) => finding.payload === payload && (!finding.engines || finding.engines.includes(engine)));
}
