// One trial = one hostile bank shown in all three elements and used as a learner would, then the
// page checked: no script ran, nothing outside the container changed, no forbidden markup, URL or
// handler inside the shadow roots, and how long it took. `HostilePage` runs trials and keeps the
// figures the README's reliability table quotes.
import { expect, waitUntil } from '@open-wc/testing';
import type { QuestionBrowser } from '../../src/elements/question-browser/question-browser.js';
import '../../src/elements/question-browser/question-browser.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import '../../src/elements/quiz-card/quiz-card.js';
import '../../src/elements/quiz-stats/quiz-stats.js';
import type { Bank } from '../../src/bank/types.js';
import type { TopicList } from '../../src/elements/topic-list/topic-list.js';
import '../../src/elements/topic-list/topic-list.js';
import { memoryStorage } from '../../src/progress/memory-storage.js';
import { ProgressStore } from '../../src/progress/store.js';
import { loadCodeBlocks } from '../../src/render/markdown.js';
import { banksWith, FIELDS } from '../fixtures/hostile/index.js';
import { isWebKitGtk } from '../harness/engine.js';
import { cardShown, pickTopic, practise, rowsShown, searchAndOpen, showsError, topicsShown, watchSteps } from './learner.js';
import {
  FORBIDDEN_TAGS,
  inspectMarkup,
  installTripwire,
  macrotaskDelay,
  markupOf,
  pageSnapshot,
  snapshotChanges,
  startHeartbeat,
  twoFrames,
  watchOutside,
  type MarkupAllowance,
  type MarkupFindings,
  type OutsideWatch,
  type Tripwire,
} from './page-guard.js';

export const ELEMENTS = ['quiz-card', 'topic-list', 'question-browser'] as const;
export type ElementName = (typeof ELEMENTS)[number];

/** Where each element sits in the container (absolutely: no element's size depends on another's). */
const PLACES: Record<ElementName, Partial<CSSStyleDeclaration>> = {
  'quiz-card': { left: '0', width: '440px' },
  'topic-list': { left: '450px', width: '240px' },
  'question-browser': { left: '700px', width: '700px' },
};

/**
 * A trial of a pathological payload must finish each element within this: a hang guard, not a
 * speed claim (the speeds are the report's "max render"). WebKitGTK gets twice as long: it lays
 * out the heaviest linear payloads 2–3 times slower than Chromium on this machine (the 64×120
 * table in all 11 fields, 84,000 cells: 1.9 s in Chromium, 4.3–5.6 s in WebKitGTK under load),
 * and at 5 s it failed a CI run with no fault of ours.
 */
export const HANG_CEILING_MS = isWebKitGtk() ? 10_000 : 5000;

// Everything the markdown renderer may create (src/render/markdown.test.ts), beyond what the benign baseline shows.
export const MARKDOWN_TAGS = 'div p span strong em del code pre a img br hr ul ol li blockquote h1 h2 h3 h4 h5 h6 table thead tbody tr th td button'.split(' ');
export const MARKDOWN_ATTRIBUTES = 'class href title target rel src alt loading decoding start scope tabindex role aria-label aria-hidden type data-state'.split(' ');

/** Benign markdown using every construct the renderer has: the baseline of allowed markup. */
export const RICH = [
  '# Heading',
  '',
  'Text with **bold**, *em*, ~~del~~, `code`, [a link](http://127.0.0.1:1/x "t"), [here](./x.html), <mail@example.com>, ![pic](http://127.0.0.1:1/pic.png "t")  ',
  'and a hard break.',
  '',
  '> quoted',
  '',
  '5. five',
  '6. six',
  '',
  '- [x] done',
  '- [ ] todo',
  '',
  '| a | b |',
  '|:--|--:|',
  '| 1 | 2 |',
  '',
  '```python',
  'def f(x): return "s"  # c',
  '```',
  '',
  '---',
].join('\n');

export interface TrialOptions {
  /** Names the trial in failures and in the figures. */
  id: string;
  /** The banks, as parsed JSON (the card gets the first). */
  banks: unknown[];
  /** Whether the elements must show the banks (else they must refuse them with an error). */
  valid?: boolean;
  /** Held to a hang ceiling per element: `ceilingMs`, else HANG_CEILING_MS. The elements then run one at a time. */
  pathological?: boolean;
  ceilingMs?: number;
  /** Text the browser's search is given; by default none (the first row is opened as listed). */
  query?: string;
  /** The first question title the card must show, verbatim. */
  title?: string;
  /** The first topic title the topic list must show, verbatim. */
  topicTitle?: string;
  /** Run the elements one at a time, each alone in the page (set for pathological payloads). */
  alone?: boolean;
  /** Elements left out of this trial (a known finding tested on its own). */
  skip?: readonly ElementName[];
  /** How many text fields hold the payload (FIELDS.length for a text payload, 1 for a whole bank), for the checks count. */
  fields: number;
}

export interface TrialResult {
  /** Mount to settled (flows included), per element, in milliseconds. */
  elementMs: Partial<Record<ElementName, number>>;
  /** Longest main-thread block seen by the heartbeat. */
  blockMs: number;
  /** How late a setTimeout(0) fired once the elements settled. */
  macrotaskMs: number;
  rows: number;
  markup: MarkupFindings;
}

function worst<T extends { value: number }>(current: T, candidate: T): T {
  return candidate.value > current.value ? candidate : current;
}

/** The page the trials run in: one container, the tripwire, the outside watch and the figures. */
export class HostilePage {
  readonly container = document.createElement('div');
  private tripwire!: Tripwire;
  private watch!: OutsideWatch;
  private before!: Record<string, string>;
  allowed!: MarkupAllowance;

  /** The figures of the run. */
  readonly figures = {
    textPayloads: 0,
    bankPayloads: 0,
    checks: 0,
    /** Element trials left out for known findings. */
    leftOut: 0,
    scriptsRun: 0,
    outsideMutations: 0,
    pageChanges: 0,
    handlers: 0,
    badUrls: 0,
    markupProblems: 0,
    render: { value: 0, id: '' },
    byElement: Object.fromEntries(ELEMENTS.map((name) => [name, { value: 0, id: '' }])) as Record<ElementName, { value: number; id: string }>,
    block: { value: 0, id: '' },
    macrotask: { value: 0, id: '' },
  };

  /** Sets up the container, learns the benign markup from a rich bank, then starts watching. */
  async open(): Promise<void> {
    this.container.lang = 'en';
    Object.assign(this.container.style, { position: 'relative', width: '1400px', minHeight: '600px' });
    document.body.append(this.container);
    this.tripwire = installTripwire();
    await loadCodeBlocks();
    // The baseline: the same flows on benign content give the tags and attributes the elements use.
    this.allowed = { tags: new Set(MARKDOWN_TAGS), attributes: new Set(MARKDOWN_ATTRIBUTES) };
    await this.show({ id: 'baseline', banks: banksWith(RICH), query: 'heading', fields: 0 }, true);
    await this.learnStats(banksWith(RICH));
    const forbidden = [...this.allowed.tags].filter((tag) => FORBIDDEN_TAGS.has(tag));
    expect(forbidden, 'the components themselves render forbidden elements').to.deep.equal([]);
    await twoFrames();
    expect(this.tripwire.hits, 'the baseline tripped the wire').to.deep.equal([]);
    this.before = pageSnapshot();
    this.watch = watchOutside(this.container);
  }

  close(): void {
    this.watch?.stop();
    this.tripwire?.uninstall();
    this.container.remove();
  }

  /** Script calls counted so far (the tripwire's hits); the self-test clears what it caused. */
  get hits(): string[] {
    return this.tripwire.hits;
  }

  /** Outside changes recorded so far; the self-test clears what it caused. */
  get outside(): string[] {
    return this.watch.flush();
  }

  /** Runs a trial and checks the page after it; throws (an assertion) on any problem. */
  async trial(options: TrialOptions): Promise<TrialResult> {
    const hitsBefore = this.tripwire.hits.length;
    const outsideBefore = this.watch.flush().length;
    const result = await this.show({ alone: options.pathological ?? false, ...options });
    const hits = this.tripwire.hits.slice(hitsBefore);
    const outside = this.watch.flush().slice(outsideBefore);
    const changes = snapshotChanges(this.before, pageSnapshot());
    // A turn of the event loop between trials: the page must get one, and soon.
    result.macrotaskMs = await macrotaskDelay();

    const f = this.figures;
    const elements = ELEMENTS.length - (options.skip?.length ?? 0);
    if (options.fields > 1) f.textPayloads += 1;
    else f.bankPayloads += 1;
    f.checks += options.fields * elements;
    f.leftOut += options.fields * (ELEMENTS.length - elements);
    f.scriptsRun += hits.length;
    f.outsideMutations += outside.length;
    f.pageChanges += changes.length;
    f.handlers += result.markup.handlers;
    f.badUrls += result.markup.badUrls;
    f.markupProblems += result.markup.problems.length;
    for (const [name, ms] of Object.entries(result.elementMs) as [ElementName, number][]) f.byElement[name] = worst(f.byElement[name], { value: ms, id: options.id });
    const slowest = Math.max(0, ...Object.values(result.elementMs));
    f.render = worst(f.render, { value: slowest, id: options.id });
    f.block = worst(f.block, { value: result.blockMs, id: options.id });
    f.macrotask = worst(f.macrotask, { value: result.macrotaskMs, id: options.id });

    const list = (items: readonly string[]) => items.slice(0, 20).join('\n  ');
    expect(hits, `${options.id}: script ran:\n  ${list(hits)}\n`).to.deep.equal([]);
    expect(outside, `${options.id}: changed the page outside the elements:\n  ${list(outside)}\n`).to.deep.equal([]);
    expect(changes, `${options.id}: changed page state:\n  ${list(changes)}\n`).to.deep.equal([]);
    expect(result.markup.problems, `${options.id}: markup in the shadow roots:\n  ${list(result.markup.problems)}\n`).to.deep.equal([]);
    if (options.pathological) {
      const ceiling = options.ceilingMs ?? HANG_CEILING_MS;
      for (const [name, ms] of Object.entries(result.elementMs)) {
        expect(ms, `${options.id}: <${name}> took ${Math.round(ms)} ms (ceiling ${ceiling} ms)`).to.be.below(ceiling);
      }
    }
    return result;
  }

  /**
   * Mounts the elements and runs each one's learner flow, looking at their markup after every step
   * (every state a learner sees) and two frames after the last. Side by side at the top of the page
   * and all at once by default; one at a time with `alone` (the hang guard: one element's layout of
   * a huge text must not count against another). With `learn`, what is seen is added to the allowed
   * markup instead of being checked.
   */
  private async show(options: TrialOptions, learn = false): Promise<TrialResult> {
    const { banks, valid = true, skip = [] } = options;
    const store = new ProgressStore({ storage: memoryStorage() });
    const elementMs: TrialResult['elementMs'] = {};
    const markup: MarkupFindings = { problems: [], kinds: [], handlers: 0, badUrls: 0 };
    const problems = new Set<string>();
    const mounted = new Map<ElementName, HTMLElement>();
    let rows = 0;

    /** Looks at the mounted element holding `step` (the element of a flow's last step), or at all of them. */
    const look = (step?: Element) => {
      for (const [name, el] of mounted) {
        if (step && !(el === step || el.shadowRoot?.contains(step))) continue;
        if (learn) {
          const seen = markupOf(el);
          for (const tag of seen.tags) this.allowed.tags.add(tag);
          for (const attribute of seen.attributes) this.allowed.attributes.add(attribute);
          continue;
        }
        const found = inspectMarkup(el, this.allowed);
        found.problems.forEach((problem, i) => {
          const where = `in <${name}>: ${problem}`;
          if (problems.has(where)) return;
          problems.add(where);
          if (found.kinds[i] === 'handler') markup.handlers += 1;
          if (found.kinds[i] === 'url') markup.badUrls += 1;
        });
      }
    };

    const flows: Record<ElementName, () => Promise<void>> = {
      'quiz-card': async () => {
        const card = mount<QuizCard>('quiz-card', (el) => {
          el.bank = banks[0] as QuizCard['bank'];
          el.progressStore = store;
        });
        await cardShown(card);
        if (!valid) {
          expect(showsError(card), `${options.id}: the card shows no error for a refused bank`).to.equal(true);
          return;
        }
        const titles = await practise(card);
        if (options.title !== undefined) expect(titles[0], `${options.id}: the card's title`).to.equal(options.title);
      },
      'topic-list': async () => {
        const list = mount<TopicList>('topic-list', (el) => {
          el.bank = banks as unknown as TopicList['bank'];
          el.progressStore = store;
          el.multiple = true;
        });
        await topicsShown(list);
        if (!valid) {
          expect(showsError(list), `${options.id}: the topic list shows no error for a refused bank`).to.equal(true);
          return;
        }
        const titles = await pickTopic(list);
        if (options.topicTitle !== undefined) expect(titles[0], `${options.id}: the topic title`).to.equal(options.topicTitle);
      },
      'question-browser': async () => {
        const browser = mount<QuestionBrowser>('question-browser', (el) => {
          el.bank = banks as unknown as QuestionBrowser['bank'];
          el.progressStore = store;
        });
        await rowsShown(browser);
        if (!valid) {
          expect(showsError(browser), `${options.id}: the browser shows no error for a refused bank`).to.equal(true);
          return;
        }
        rows = await searchAndOpen(browser, options.query ?? '');
        if (options.query) expect(rows, `${options.id}: searching for its text finds nothing`).to.be.above(0);
      },
    };

    const mount = <E extends HTMLElement>(name: ElementName, setUp: (el: E) => void): E => {
      const el = document.createElement(name) as unknown as E;
      setUp(el);
      // Side by side at the top: the browser's windowed list renders rows only inside the viewport.
      Object.assign(el.style, { position: 'absolute', top: '0', ...PLACES[name] });
      mounted.set(name, el);
      this.container.append(el);
      return el;
    };

    const timed = async (name: ElementName) => {
      const begin = performance.now();
      await flows[name]();
      elementMs[name] = performance.now() - begin;
    };

    const unmount = () => {
      for (const el of mounted.values()) el.remove();
      mounted.clear();
    };

    const wanted = ELEMENTS.filter((name) => !skip.includes(name));
    const heartbeat = startHeartbeat();
    watchSteps(look);
    try {
      if (options.alone) {
        for (const name of wanted) {
          await timed(name);
          await twoFrames();
          look();
          // A huge element left behind would slow every later layout.
          unmount();
        }
      } else {
        await Promise.all(wanted.map(timed));
        await twoFrames();
        look();
      }
    } finally {
      watchSteps(null);
      unmount();
    }
    markup.problems.push(...problems);
    return { elementMs, blockMs: heartbeat.stop(), macrotaskMs: 0, rows, markup };
  }

  /**
   * `<quiz-stats>` shows in the browser once there is progress, which a flow may or may not have
   * made by the time the browser is looked at: its own markup (with progress, charts drawn) is
   * learned here, so a trial never depends on that timing.
   */
  private async learnStats(banks: Bank[]): Promise<void> {
    const store = new ProgressStore({ storage: memoryStorage() });
    for (const bank of banks) await store.record(bank.id, bank.questions[0]!.id, 'good');
    const stats = document.createElement('quiz-stats');
    stats.banks = banks;
    stats.progressStore = store;
    this.container.append(stats);
    try {
      await waitUntil(() => stats.shadowRoot?.querySelector('svg'), '<quiz-stats> draws no chart', { timeout: 10_000 });
      const seen = markupOf(stats);
      for (const tag of seen.tags) this.allowed.tags.add(tag);
      for (const name of seen.attributes) this.allowed.attributes.add(name);
    } finally {
      stats.remove();
    }
  }

  /** The figures as one line for the README's reliability table. */
  report(label: string): string {
    const f = this.figures;
    return (
      `${label}: ${f.textPayloads + f.bankPayloads} payloads (${f.textPayloads} texts × ${FIELDS.length} fields + ${f.bankPayloads} banks) × ${ELEMENTS.length} elements ` +
      `= ${f.checks} checks${f.leftOut ? ` (+${f.leftOut} left out for known findings)` : ''}; ` +
      `scripts run: ${f.scriptsRun}; outside mutations: ${f.outsideMutations}; page state changes: ${f.pageChanges}; ` +
      `on* attributes: ${f.handlers}; javascript:/data:/vbscript: URLs: ${f.badUrls}; markup problems in all: ${f.markupProblems}; ` +
      `max render: ${Math.round(f.render.value)} ms (${f.render.id}; ${ELEMENTS.map((name) => `<${name}> ${Math.round(f.byElement[name].value)} ms`).join(', ')}); ` +
      `longest main-thread block: ${Math.round(f.block.value)} ms (${f.block.id}); ` +
      `max setTimeout(0) delay after render: ${Math.round(f.macrotask.value)} ms (${f.macrotask.id})`
    );
  }
}
