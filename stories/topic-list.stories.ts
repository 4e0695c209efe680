import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
// The catalog, not src/bank/bundled.ts: a static import of that would merge the lazy bank chunks.
import catalog from '../data/banks/index.json' with { type: 'json' };
import type { Bank } from '../src/bank/types.js';
import type { QuizTopicSelectEvent } from '../src/events/quiz-topic-select.js';
import '../src/elements/topic-list/topic-list.js';
import type { TopicList, TopicProgress } from '../src/elements/topic-list/topic-list.js';
import { collectionStrings, type CollectionStrings } from '../src/i18n/collection.js';
import { languageOf, stringsFor, type UiStrings } from '../src/i18n/index.js';
import { memoryStorage } from '../src/progress/memory-storage.js';
import { answerUntil } from '../test/progress-states.js';
import { ProgressStore } from '../src/progress/store.js';
import type { QuestionStatus } from '../src/progress/types.js';
import { darkPage, demoBank, fetchNeverAnswers, narrow } from './fixtures.js';
import { expectNoTabStop, expectRetryLoadsAgain, expectSkeleton, focused, focusStoryStart, press, tabTo } from './smoke.js';

/** The UI strings of this element: the card's plus its own. */
type Strings = UiStrings & CollectionStrings;

/** A small Chinese bank next to the English fixture, to show a catalog's groups without loading. */
const chineseBank: Bank = {
  format: 'quiz-bank/1',
  id: 'story-llm',
  title: '大模型基础',
  language: 'zh-CN',
  topics: [
    { id: 'training', title: '训练' },
    { id: 'datasets', title: '数据集' },
    { id: 'inference', title: '推理与部署' },
  ],
  questions: [
    { id: 'pretraining', kind: 'concept', title: '什么是预训练？', topics: ['training'], prompt: '解释预训练。', answer: '在大规模语料上学习通用表示。' },
    { id: 'sft', kind: 'concept', title: '什么是监督微调？', topics: ['training', 'datasets'], prompt: '解释 SFT。', answer: '用标注的指令数据继续训练。' },
    { id: 'kv-cache', kind: 'concept', title: '什么是 KV cache？', topics: ['inference'], prompt: '解释 KV cache。', answer: '缓存注意力的键和值，避免重复计算。' },
  ],
};

/** A bank without topics or questions: the empty state. */
const emptyBank: Bank = { format: 'quiz-bank/1', id: 'story-empty', title: 'Empty bank', language: 'en', topics: [], questions: [] };

/** Learner progress for the bundled `llm-fundamentals` bank; each entry adds up to the topic's question count. */
const fundamentalsProgress: Record<string, TopicProgress> = {
  '': { new: 12, learning: 6, due: 4, mastered: 8 },
  training: { new: 5, learning: 3, due: 2, mastered: 3 },
  'inference-deployment': { new: 2, learning: 1, due: 1, mastered: 3 },
  applications: { new: 4, learning: 0, due: 0, mastered: 0 },
  fundamentals: { new: 0, learning: 0, due: 0, mastered: 2 },
};

/** The same progress in a catalog, where option values are `bankId/topicId`. */
const catalogProgress: Record<string, TopicProgress> = Object.fromEntries(
  Object.entries(fundamentalsProgress)
    .filter(([topic]) => topic !== '')
    .map(([topic, progress]) => [`llm-fundamentals/${topic}`, progress]),
);

// --- learner progress from a store ----------------------------------------------------------------

/** The progress stories' clock: Monday 23 November 2026, 09:00 local time, so statuses never drift. */
const STORY_NOW = new Date(2026, 10, 23, 9, 0).getTime();


/** A store at STORY_NOW with the given statuses (`bankId/questionId` → status). */
async function seededStore(statuses: Record<string, Exclude<QuestionStatus, 'new'>>): Promise<ProgressStore> {
  const store = new ProgressStore({ storage: memoryStorage(), now: () => STORY_NOW, progressKey: 'stories' });
  for (const [ref, status] of Object.entries(statuses)) {
    const [bankId, questionId] = ref.split('/') as [string, string];
    await answerUntil(store, bankId, questionId, status, STORY_NOW);
  }
  return store;
}

/** The two fixture banks with some of everything. */
const twoBanksProgress = () =>
  seededStore({
    'story-demo/overfitting': 'due',
    'story-demo/overfitting-2': 'mastered',
    'story-demo/metric': 'learning',
    'story-demo/softmax': 'mastered',
    'story-llm/sft': 'due',
    'story-llm/kv-cache': 'learning',
  });

interface ListArgs {
  src?: string;
  /** A bundled bank id, `*` for every bundled bank, or the name of a fixture that `mapping` turns into a bank object. */
  bank?: string | Bank;
  /** Banks a parent has already loaded. */
  banks?: readonly Bank[];
  /** Comma-separated, as the attribute. */
  selected?: string;
  multiple?: boolean;
  progress?: Record<string, TopicProgress>;
  progressKey?: string;
  noProgress?: boolean;
  /** Set by the progress stories' loaders. */
  progressStore?: ProgressStore;
  label?: string;
  timeout?: number;
  theme?: 'light' | 'dark';
  /** The list's own UI language; without it the list follows the page (toolbar globe). */
  lang?: string;
  /** Spy on `quiz-topic-select`, shown in the Actions panel. */
  onTopicSelect?: (event: QuizTopicSelectEvent) => void;
}

/** One template for every story; `content` is an inline `<script>` source. */
const topicList = (args: ListArgs, content?: TemplateResult) => html`
  <topic-list
    src=${ifDefined(args.src)}
    .bank=${args.bank}
    .banks=${args.banks}
    selected=${ifDefined(args.selected)}
    ?multiple=${args.multiple}
    .progress=${args.progress}
    progress-key=${ifDefined(args.progressKey)}
    ?no-progress=${args.noProgress}
    .progressStore=${args.progressStore}
    label=${ifDefined(args.label)}
    timeout=${ifDefined(args.timeout)}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
    @quiz-topic-select=${(event: QuizTopicSelectEvent) => args.onTopicSelect?.(event)}
  >${content}</topic-list>
`;

const FIXTURE = 'fixture: demoBank';
const EMPTY = 'fixture: emptyBank';
const twoBanks = [demoBank, chineseBank];

const meta: Meta<ListArgs> = {
  title: 'Elements/topic-list',
  component: 'topic-list',
  tags: ['autodocs'],
  render: (args) => topicList(args),
  // Stories without a play of their own: what they show, and one keyboard step (see `smoke`).
  play: (context) => smoke(context),
  args: { multiple: false, timeout: 15_000, onTopicSelect: fn() },
  argTypes: {
    src: { control: 'text', description: 'URL of a bank JSON, a catalog JSON or a `.md` Q&A document' },
    bank: {
      control: 'select',
      options: [...catalog.banks.map((entry) => entry.id), '*', FIXTURE, EMPTY],
      mapping: { [FIXTURE]: demoBank, [EMPTY]: emptyBank },
      description: 'Bundled bank id or `*` for every bundled bank (attribute), or a bank or catalog object (property)',
    },
    banks: { control: 'object', description: 'Banks a parent has already loaded (property); nothing is loaded' },
    selected: { control: 'text', description: 'Selected values, comma-separated; empty = All' },
    progress: { control: 'object', description: "Learner progress per option value (property); replaces the store's counts" },
    progressKey: { name: 'progress-key', control: 'text', description: "Whose progress to count (the page's store for this key, in localStorage)" },
    noProgress: { name: 'no-progress', control: 'boolean', description: 'Count no progress from the store' },
    progressStore: { control: false },
    label: { control: 'text' },
    timeout: { control: { type: 'number', min: 0, step: 1000 } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    lang: { control: 'inline-radio', options: [undefined, 'en', 'zh-CN'] },
    onTopicSelect: { table: { disable: true } },
  },
};
export default meta;

type Story = StoryObj<ListArgs>;

// --- play helpers: find things as a learner would, in the list's own UI language ---------------

/** The list's shadow root as a Testing Library scope, once loading is over, and its UI strings. */
async function openList(canvasElement: HTMLElement): Promise<{ list: TopicList; ui: ReturnType<typeof within>; s: Strings }> {
  const el = canvasElement.querySelector('topic-list')!;
  await waitFor(() => expect(el.shadowRoot?.querySelector('.base:not([aria-busy="true"])')).toBeTruthy(), { timeout: 5000 });
  return { list: el, ui: within(el.shadowRoot as unknown as HTMLElement), s: collectionStrings(stringsFor(languageOf(el))) };
}

/** An option by its title, the start of its accessible name (the question count follows). */
const named = (title: string) => new RegExp(`^${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\s|$)`);

// --- smoke test: the default play -------------------------------------------------------------

/**
 * What a story shows once loaded (`parameters.smoke`, default `topics`): the options, an alert
 * (load errors) or a message (no topics) saying `says`, with or without Retry, or the skeleton.
 */
type ListSmoke =
  | { shows: 'topics' }
  | { shows: 'alert' | 'empty'; says: (s: Strings) => (string | RegExp)[]; retry: boolean }
  | { shows: 'loading' };

/**
 * The play of every story without its own: the expected state is on screen, and the keyboard works
 * on it. Topics: All first, then the topics, with exactly the `selected` ones selected; Tab lands
 * on the (first) selected option, Down moves without selecting or firing, then Enter selects (Space
 * toggles with `multiple`) and `quiz-topic-select` fires once. An alert: its text; then Tab to Retry
 * and Enter loads again (a new `quiz-error`), or, without Retry, no tab stop. Loading: the skeleton.
 */
async function smoke({ canvasElement, parameters, args }: StoryContext<ListArgs>): Promise<void> {
  const expected: ListSmoke = parameters.smoke ?? { shows: 'topics' };
  if (expected.shows === 'loading') {
    const el = canvasElement.querySelector('topic-list')!;
    await expectSkeleton(el);
    await expectNoTabStop(canvasElement, el);
    return;
  }
  const { list, ui, s } = await openList(canvasElement);
  if (expected.shows === 'topics') {
    const options = ui.getAllByRole('option');
    await expect(options[0]).toHaveAccessibleName(named(s.topicAll));
    await expect(options.length).toBeGreaterThan(1);
    const selected = options.filter((option: HTMLElement) => option.getAttribute('aria-selected') === 'true');
    await expect(selected).toHaveLength(args.selected ? args.selected.split(',').length : 1);
    focusStoryStart(canvasElement);
    await tabTo(list, (element) => element === selected[0], 'the selected option');
    const next = options[options.indexOf(selected[0]!) + 1]!;
    const wasSelected = next.getAttribute('aria-selected') === 'true';
    await press('{ArrowDown}');
    await expect(focused()).toBe(next);
    await expect(next).toHaveAttribute('aria-selected', String(wasSelected));
    await expect(args.onTopicSelect).not.toHaveBeenCalled();
    await press(args.multiple ? ' ' : '{Enter}');
    await expect(next).toHaveAttribute('aria-selected', String(args.multiple ? !wasSelected : true));
    await expect(args.onTopicSelect).toHaveBeenCalledOnce();
    return;
  }
  const says = expected.says(s);
  const message = expected.shows === 'alert' ? ui.getByRole('alert') : list.shadowRoot!.querySelector('[part~="empty"]');
  for (const text of says) await expect(message).toHaveTextContent(text);
  if (!expected.retry) {
    await expect(ui.queryByRole('button', { name: s.retry })).toBeNull();
    await expectNoTabStop(canvasElement, list);
    return;
  }
  await expectRetryLoadsAgain(canvasElement, list, ui, s, says);
}

// --- one bank --------------------------------------------------------------------------------

/** The topics of a bundled bank with their question counts, UI in Chinese. */
export const BundledBank: Story = { args: { bank: 'llm-fundamentals', lang: 'zh-CN' } };

/** The same bank with an English UI: topic titles stay Chinese, only "All" and the label change. */
export const BundledBankEnglishUi: Story = { args: { ...BundledBank.args, lang: 'en' } };

/** The English fixture, with a topic picked by the learner (click). */
export const FixturePicked: Story = {
  args: { bank: FIXTURE },
  play: async ({ canvasElement, args }) => {
    const { ui } = await openList(canvasElement);
    const metrics = ui.getByRole('option', { name: named('Metrics') });
    await userEvent.click(metrics);
    await expect(metrics).toHaveAttribute('aria-selected', 'true');
    await expect(args.onTopicSelect).toHaveBeenCalledOnce();
  },
};

/** Keyboard only: Tab in, Down twice, Enter. Focus moves without selecting until Enter. */
export const Keyboard: Story = {
  args: { bank: 'llm-fundamentals', lang: 'zh-CN' },
  play: async ({ canvasElement, args }) => {
    const { ui } = await openList(canvasElement);
    ui.getByRole('option', { name: named('全部') }).focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(args.onTopicSelect).not.toHaveBeenCalled();
    await userEvent.keyboard('{Enter}');
    await expect(ui.getByRole('option', { name: named('行业应用') })).toHaveAttribute('aria-selected', 'true');
  },
};

/** Topics chosen by code (the `selected` attribute): no event fires. */
export const Preselected: Story = { args: { bank: 'llm-fundamentals', selected: 'training', lang: 'zh-CN' } };

// --- several banks -----------------------------------------------------------------------------

/** Every bundled bank (the bundled catalog): one group per bank, values `bankId/topicId`. */
export const Catalog: Story = { args: { bank: '*', lang: 'zh-CN' } };

/** The bundled catalog loaded by URL, as a page would (Storybook serves `data/` at `/quiz-data`). */
export const CatalogFromUrl: Story = { args: { src: 'quiz-data/banks/index.json', lang: 'zh-CN' } };

/** Banks handed over by a parent (`banks` property), as `<question-browser>` does: nothing loads. */
export const BanksFromParent: Story = { args: { banks: twoBanks } };

// --- multiple ----------------------------------------------------------------------------------

/** Several topics at once: checkboxes, Space toggles, All clears. */
export const Multiple: Story = {
  args: { bank: '*', multiple: true, selected: 'llm-fundamentals/training,llm-startup-interview/coding', lang: 'zh-CN' },
};

/** Multiple selection played with the mouse: two topics, then All. */
export const MultiplePlayed: Story = {
  args: { banks: twoBanks, multiple: true },
  play: async ({ canvasElement, args }) => {
    const { ui, s } = await openList(canvasElement);
    await userEvent.click(ui.getByRole('option', { name: named('Training') }));
    await userEvent.click(ui.getByRole('option', { name: named('数据集') }));
    await expect(args.onTopicSelect).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { topics: ['story-demo/training', 'story-llm/datasets'] } }));
    await userEvent.click(ui.getByRole('option', { name: named(s.topicAll) }));
    await expect(args.onTopicSelect).toHaveBeenLastCalledWith(expect.objectContaining({ detail: { topics: [] } }));
  },
};

// --- progress ----------------------------------------------------------------------------------

/** Learner progress per topic: a bar and "n of m mastered"; topics without an entry show none. */
export const WithProgress: Story = { args: { bank: 'llm-fundamentals', progress: fundamentalsProgress, lang: 'zh-CN' } };

export const WithProgressEnglishUi: Story = { args: { ...WithProgress.args, lang: 'en' } };

/**
 * Counted from the learner's progress store (here one made for the story): new / learning / due /
 * mastered per topic, for All and for each bank; screen readers hear the full counts as each
 * option's description. The list follows the store as the learner answers.
 */
export const ProgressFromStore: Story = {
  args: { banks: twoBanks },
  loaders: [async () => ({ progressStore: await twoBanksProgress() })],
  render: (args, { loaded }) => topicList({ ...args, progressStore: loaded.progressStore as ProgressStore }),
  play: async ({ canvasElement }) => {
    const { list, ui } = await openList(canvasElement);
    const training = ui.getByRole('option', { name: named('Training') });
    await expect(list.shadowRoot!.getElementById(training.getAttribute('aria-describedby')!)).toHaveTextContent(/2 of 3 mastered, 1 due, 0 learning, 0 new/);
  },
};

export const ProgressFromStoreChineseUi: Story = { ...ProgressFromStore, args: { ...ProgressFromStore.args, lang: 'zh-CN' }, play: undefined };

export const ProgressFromStoreDark: Story = { ...ProgressFromStore, args: { ...ProgressFromStore.args, theme: 'dark' }, decorators: [darkPage], parameters: { layout: 'fullscreen' }, play: undefined };

// --- inline source -----------------------------------------------------------------------------

/** A bank written in the page. */
export const InlineJson: Story = {
  render: (args) => topicList(args, html`<script type="application/json">${JSON.stringify(chineseBank)}</script>`),
};

// --- states ------------------------------------------------------------------------------------

/** The skeleton, kept on screen by a fetch that never answers (timeout 0 waits forever). */
export const Loading: Story = {
  args: { src: 'quiz-data/banks/never-answers.json', timeout: 0 },
  parameters: { smoke: { shows: 'loading' } satisfies ListSmoke },
  beforeEach: fetchNeverAnswers,
};

/** A src that does not exist: the status code, the URL, and Retry. */
export const ErrorNotFound: Story = {
  args: { src: 'quiz-data/banks/missing.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /\b404\b/, /quiz-data\/banks\/missing\.json/], retry: true } satisfies ListSmoke },
};

export const ErrorNotFoundChineseUi: Story = { ...ErrorNotFound, args: { ...ErrorNotFound.args, lang: 'zh-CN' } };

/** A bundled bank id that does not exist lists the ones that do. */
export const ErrorUnknownBundledBank: Story = {
  args: { bank: 'no-such-bank' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /no-such-bank/, /llm-fundamentals/], retry: true } satisfies ListSmoke },
};

/** No src, bank, banks or inline source: a page-author mistake, without Retry. */
export const ErrorNoSource: Story = { parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, s.topicListNoSource], retry: false } satisfies ListSmoke } };

/** A bank without topics says so. */
export const Empty: Story = { args: { bank: EMPTY }, parameters: { smoke: { shows: 'empty', says: (s) => [s.topicListEmpty], retry: false } satisfies ListSmoke } };

// --- look --------------------------------------------------------------------------------------

export const ChineseUi: Story = { args: { banks: twoBanks, selected: 'story-llm/training', lang: 'zh-CN' } };

export const DarkTheme: Story = {
  args: { bank: '*', multiple: true, selected: 'llm-fundamentals/training', theme: 'dark', lang: 'zh-CN' },
  decorators: [darkPage],
  parameters: { layout: 'fullscreen' },
};

export const DarkThemeWithProgress: Story = { ...DarkTheme, args: { ...WithProgress.args, theme: 'dark' } };

/** A 320 px column, the narrowest phone: long bank titles wrap. */
export const Narrow: Story = { args: { bank: '*', progress: catalogProgress, lang: 'zh-CN' }, decorators: [narrow(320)] };
