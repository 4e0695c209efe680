import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor, within } from 'storybook/test';
import type { Bank } from '../src/bank/types.js';
import '../src/elements/quiz-card/quiz-card.js';
import '../src/elements/quiz-stats/quiz-stats.js';
import type { QuizStats } from '../src/elements/quiz-stats/quiz-stats.js';
import { languageOf, stringsFor } from '../src/i18n/index.js';
import { statsStrings, type StatsStrings } from '../src/i18n/stats.js';
import type { UiStrings } from '../src/i18n/strings.js';
import { memoryStorage } from '../src/progress/memory-storage.js';
import { ProgressStore } from '../src/progress/store.js';
import type { Grade } from '../src/progress/types.js';
import { darkPage, demoBank, fetchNeverAnswers, phone } from './fixtures.js';
import { expectNoTabStop, expectSkeleton } from './smoke.js';

type Strings = UiStrings & StatsStrings;

/** The stories' clock: Monday 23 November 2026, 09:00 local time, so the charts never drift. */
const STORY_NOW = new Date(2026, 10, 23, 9, 0).getTime();

/** Sixty questions to practise: the stats show numbers, never question text. */
const practiceBank: Bank = {
  format: 'quiz-bank/1',
  id: 'story-practice',
  title: 'Practice',
  language: 'en',
  topics: [{ id: 'all', title: 'All' }],
  questions: Array.from({ length: 60 }, (_, i) => ({ id: `q${i + 1}`, kind: 'concept' as const, title: `Question ${i + 1}`, topics: ['all'], prompt: 'Why?', answer: 'Because.' })),
};

/**
 * A learner who comes back most evenings for four months: each session answers what is due, plus
 * up to four new questions, with a fixed round of grades; a few days off, and none yesterday or
 * today, so some questions are due now. The same records every time.
 */
async function learnerStore(bank: Bank = practiceBank): Promise<ProgressStore> {
  const store = new ProgressStore({ storage: memoryStorage(), now: () => STORY_NOW, progressKey: 'stories' });
  const grades: Grade[] = ['good', 'good', 'good', 'easy', 'hard', 'good', 'again', 'good', 'good', 'easy'];
  const today = new Date(STORY_NOW);
  let n = 0;
  for (let back = 120; back >= 2; back--) {
    if ((back * 7) % 10 < 3) continue; // days off
    let at = new Date(today.getFullYear(), today.getMonth(), today.getDate() - back, 19, 0).getTime();
    let fresh = 0;
    for (const question of bank.questions) {
      const progress = store.get(bank.id, question.id);
      if (progress ? progress.memory.due > at : fresh++ >= 4) continue;
      await store.record(bank.id, question.id, grades[n++ % grades.length]!, { at: (at += 60_000) });
    }
  }
  return store;
}

/** A store at STORY_NOW without any answer: the empty state. */
const emptyStore = () => new ProgressStore({ storage: memoryStorage(), now: () => STORY_NOW, progressKey: 'stories' });

interface StatsArgs {
  src?: string;
  bank?: string | Bank;
  banks?: readonly Bank[];
  progressKey?: string;
  /** Set by the stories' loaders. */
  progressStore?: ProgressStore;
  label?: string;
  headingLevel?: number;
  timeout?: number;
  theme?: 'light' | 'dark';
  /** The element's own UI language; without it, it follows the page (toolbar globe). */
  lang?: string;
}

const quizStats = (args: StatsArgs) => html`
  <quiz-stats
    src=${ifDefined(args.src)}
    .bank=${args.bank}
    .banks=${args.banks}
    progress-key=${ifDefined(args.progressKey)}
    .progressStore=${args.progressStore}
    label=${ifDefined(args.label)}
    heading-level=${ifDefined(args.headingLevel)}
    timeout=${ifDefined(args.timeout)}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
  ></quiz-stats>
`;

/** What a story shows once loaded (`parameters.smoke`, default `charts`). */
type StatsSmoke = { shows: 'charts' } | { shows: 'empty' } | { shows: 'alert'; says: (s: Strings) => (string | RegExp)[]; retry: boolean } | { shows: 'loading' };

/** The element's shadow root as a Testing Library scope once loading is over, and its strings. */
async function openStats(canvasElement: HTMLElement): Promise<{ el: QuizStats; ui: ReturnType<typeof within>; s: Strings }> {
  const el = canvasElement.querySelector('quiz-stats')!;
  await waitFor(() => expect(el.shadowRoot?.querySelector('.base:not([aria-busy="true"])')).toBeTruthy(), { timeout: 5000 });
  return { el, ui: within(el.shadowRoot as unknown as HTMLElement), s: statsStrings(stringsFor(languageOf(el))) };
}

/**
 * The play of every story without its own: charts (each heading, the forecast's and calendar's
 * tables with 30 days and 17 weeks, the SVGs hidden from screen readers), the empty state, an
 * alert with or without Retry, or the skeleton. The element has no tab stop but Retry.
 */
async function smoke({ canvasElement, parameters }: StoryContext<StatsArgs>): Promise<void> {
  const expected: StatsSmoke = parameters.smoke ?? { shows: 'charts' };
  if (expected.shows === 'loading') {
    const el = canvasElement.querySelector('quiz-stats')!;
    await expectSkeleton(el);
    return;
  }
  const { el, ui, s } = await openStats(canvasElement);
  if (expected.shows !== 'alert') await expect(ui.getByRole('heading', { name: s.statusTitle })).toBeVisible();
  if (expected.shows === 'charts') {
    await expect(ui.getByRole('heading', { name: s.retentionTitle })).toBeVisible();
    const [forecast, calendar] = ui.getAllByRole('table');
    await expect(forecast).toHaveAccessibleName(s.forecastTitle(30));
    await expect(within(forecast!).getAllByRole('row')).toHaveLength(31);
    await expect(calendar).toHaveAccessibleName(s.calendarTitle(17));
    await expect(within(calendar!).getAllByRole('row')).toHaveLength(18);
    for (const svg of el.shadowRoot!.querySelectorAll('svg')) await expect(svg.closest('[aria-hidden="true"]')).not.toBeNull();
  } else if (expected.shows === 'empty') {
    await expect(el.shadowRoot!.querySelector('[part~="empty"]')).toHaveTextContent(s.statsEmpty);
    await expect(ui.queryByRole('table')).toBeNull();
  } else {
    const alert = ui.getByRole('alert');
    for (const text of expected.says(s)) await expect(alert).toHaveTextContent(text);
    if (expected.retry) await expect(ui.getByRole('button', { name: s.retry })).toBeVisible();
    else await expect(ui.queryByRole('button')).toBeNull();
    return;
  }
  await expectNoTabStop(canvasElement, el);
}


const meta: Meta<StatsArgs> = {
  title: 'Elements/quiz-stats',
  component: 'quiz-stats',
  tags: ['autodocs'],
  render: (args) => quizStats(args),
  play: (context) => smoke(context),
  args: { banks: [practiceBank], timeout: 15_000 },
  loaders: [async () => ({ progressStore: await learnerStore() })],
  argTypes: {
    src: { control: 'text', description: 'URL of a bank JSON, a catalog JSON or a `.md` Q&A document' },
    bank: { control: 'text', description: 'Bundled bank id or `*` (attribute), or a bank or catalog object (property)' },
    banks: { control: 'object', description: 'Banks a parent has already loaded (property); nothing is loaded' },
    progressKey: { name: 'progress-key', control: 'text', description: "Whose progress to show (the page's store for this key, in localStorage)" },
    progressStore: { control: false },
    label: { control: 'text' },
    headingLevel: { name: 'heading-level', control: { type: 'number', min: 1, max: 6 } },
    timeout: { control: { type: 'number', min: 0, step: 1000 } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    lang: { control: 'inline-radio', options: [undefined, 'en', 'zh-CN'] },
  },
};
export default meta;

type Story = StoryObj<StatsArgs>;

/** Read from the learner's store (the loader's): counts per status, retention, 30 days of due reviews, 17 weeks of reviews. */
const withStore: Story['render'] = (args, { loaded }) => quizStats({ ...args, progressStore: loaded.progressStore as ProgressStore });

/** Four months of a learner who comes back most days, English UI. */
export const Populated: Story = { args: { lang: 'en' }, render: withStore };

/** The same progress with a Chinese UI: dates, weekdays and numbers in Chinese, weeks from Monday. */
export const ChineseUi: Story = { args: { lang: 'zh-CN' }, render: withStore };

export const Dark: Story = { args: { lang: 'en', theme: 'dark' }, render: withStore, decorators: [darkPage], parameters: { layout: 'fullscreen' } };

export const DarkChineseUi: Story = { ...Dark, args: { lang: 'zh-CN', theme: 'dark' } };

/** A phone's width: the sections stack, the calendar still fits. */
export const Phone: Story = { args: { lang: 'zh-CN' }, render: withStore, decorators: [phone] };

/** Before the first review: every question new, and what to do. */
export const Empty: Story = {
  args: { lang: 'en' },
  loaders: [async () => ({ progressStore: emptyStore() })],
  render: withStore,
  parameters: { smoke: { shows: 'empty' } satisfies StatsSmoke },
};

/**
 * Beside a card with the same store: grade the card (Show answer, then Good) and the stats move
 * at once: one more question learning, a review today, one due in the forecast.
 */
export const BesideACard: Story = {
  args: { lang: 'en', banks: [demoBank] },
  loaders: [async () => ({ progressStore: emptyStore() })],
  render: (args, { loaded }) => html`
    <div style="display: grid; gap: 1rem; max-width: 48rem">
      <quiz-card .bank=${demoBank} question="overfitting" lang="en" .progressStore=${loaded.progressStore as ProgressStore}></quiz-card>
      ${quizStats({ ...args, progressStore: loaded.progressStore as ProgressStore })}
    </div>
  `,
  play: async ({ canvasElement }) => {
    const { el, s } = await openStats(canvasElement);
    const learning = () => el.shadowRoot!.querySelector('[part~="learning"] dd')?.textContent;
    await expect(learning()).toBe('0');
    const card = within(canvasElement.querySelector('quiz-card')!.shadowRoot as unknown as HTMLElement);
    (await card.findByRole('button', { name: /Show answer/ })).click();
    (await card.findByRole('button', { name: new RegExp(`^${s.grades.good}`) })).click();
    await waitFor(() => expect(learning()).toBe('1'));
    await expect(el.shadowRoot!.querySelector('[part~="calendar"] [part~="summary"]')).toHaveTextContent(s.calendarSummary(1, 1));
  },
};

/** Every bundled bank (the bundled catalog), loaded by the element, for a learner who has not started: all of them new. */
export const BundledCatalog: Story = {
  args: { banks: undefined, bank: '*', lang: 'zh-CN' },
  loaders: [async () => ({ progressStore: emptyStore() })],
  render: withStore,
  parameters: { smoke: { shows: 'empty' } satisfies StatsSmoke },
};

/** The skeleton, kept on screen by a fetch that never answers (timeout 0 waits forever). */
export const Loading: Story = {
  args: { banks: undefined, src: 'quiz-data/banks/never-answers.json', timeout: 0 },
  parameters: { smoke: { shows: 'loading' } satisfies StatsSmoke },
  beforeEach: fetchNeverAnswers,
};

/** A src that does not exist: the status code, the URL, and Retry. */
export const ErrorNotFound: Story = {
  args: { banks: undefined, src: 'quiz-data/banks/missing.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /\b404\b/, /quiz-data\/banks\/missing\.json/], retry: true } satisfies StatsSmoke },
};

export const ErrorNotFoundChineseUi: Story = { ...ErrorNotFound, args: { ...ErrorNotFound.args, lang: 'zh-CN' } };

/** No src, bank, banks or inline source: a page-author mistake, without Retry. */
export const ErrorNoSource: Story = {
  args: { banks: undefined },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, s.statsNoSource], retry: false } satisfies StatsSmoke },
};
