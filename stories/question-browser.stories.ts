import type { Decorator, Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
// The catalog, not src/bank/bundled.ts: a static import of that would merge the lazy bank chunks.
import catalog from '../data/banks/index.json' with { type: 'json' };
import type { Bank, Catalog, Question } from '../src/bank/types.js';
import '../src/elements/question-browser/question-browser.js';
import type { QuestionBrowser } from '../src/elements/question-browser/question-browser.js';
import type { QuizErrorEvent } from '../src/events/quiz-error.js';
import type { QuizQuestionSelectEvent } from '../src/events/quiz-question-select.js';
import type { QuizTopicSelectEvent } from '../src/events/quiz-topic-select.js';
import { collectionStrings, type CollectionStrings } from '../src/i18n/collection.js';
import { languageOf, stringsFor, type UiStrings } from '../src/i18n/index.js';
import { mulberry32 } from '../src/practice/practice-set.js';
import { memoryStorage } from '../src/progress/memory-storage.js';
import { answerUntil } from '../test/progress-states.js';
import { ProgressStore } from '../src/progress/store.js';
import type { QuestionStatus } from '../src/progress/types.js';
import { darkPage, demoBank, fetchNeverAnswers, narrow } from './fixtures.js';
import { cardKeyboardStep, expectNoTabStop, expectRetryLoadsAgain, expectSkeleton, focused, focusStoryStart, press, tabTo, uiStrings } from './smoke.js';

/** The UI strings of this element: the card's plus its own. */
type Strings = UiStrings & CollectionStrings;

/**
 * Seven questions titled 如何处理大模型训练中的数据倾斜问题？: six in this bank, one in
 * llm-application-scenarios, so the tabs also name the bank of each variant.
 */
const SEVEN_VARIANTS = 'llm-business-models/q-0w9tdnk';
/** A coding question with a Python answer, the only question of its title. */
const CODING_QUESTION = 'llm-startup-interview/q-1qwoxxz';

/** Two bundled banks by URL and one that is not there: the browser shows the two and lists the third as failed. */
const partialCatalog: Catalog = {
  format: 'quiz-catalog/1',
  banks: [
    ...catalog.banks.filter((entry) => entry.id === 'llm-fundamentals' || entry.id === 'llm-startup-interview').map((entry) => ({ ...entry, src: `quiz-data/banks/${entry.id}.json` })),
    { id: 'ml-missing', title: 'Machine learning (moved)', language: 'en', questionCount: 40, src: 'quiz-data/banks/missing.json' },
  ],
};

// --- a large synthetic bank -----------------------------------------------------------------------

const SUBJECTS = [
  'gradient clipping', 'batch normalisation', 'layer normalisation', 'dropout', 'weight decay', 'learning-rate warm-up',
  'mixed precision', 'attention heads', 'rotary embeddings', 'KV cache', 'beam search', 'nucleus sampling',
  'tokenizers', 'byte-pair encoding', 'LoRA adapters', 'quantisation', 'distillation', 'pruning',
  'data parallelism', 'tensor parallelism', 'pipeline parallelism', 'checkpointing', 'curriculum learning', 'label smoothing',
  'contrastive loss', 'cross-entropy', 'perplexity', 'BLEU', 'retrieval augmentation', 'vector indexes',
  'prompt caching', 'speculative decoding', 'RLHF', 'reward models', 'DPO', 'instruction tuning',
  'hallucination', 'red teaming', 'model cards', 'data deduplication',
];
const ASPECTS = [
  'training stability', 'inference latency', 'GPU memory', 'long contexts', 'small datasets', 'multilingual text',
  'evaluation', 'cost', 'privacy', 'fairness', 'edge devices', 'streaming output',
  'batch size', 'throughput', 'convergence', 'robustness', 'reproducibility', 'energy use', 'code generation', 'chat assistants',
  'search ranking', 'summarisation', 'translation quality', 'recommendation', 'distributed training', 'fine-tuning', 'safety filters', 'user trust',
];
const TEMPLATES: ((subject: string, aspect: string) => string)[] = [
  (s, a) => `How does ${s} affect ${a}?`,
  (s, a) => `When should you use ${s} for ${a}?`,
  (s, a) => `What are the trade-offs of ${s} regarding ${a}?`,
  (s, a) => `Explain ${s} in the context of ${a}`,
  (s, a) => `Why can ${s} hurt ${a}?`,
  (s, a) => `How would you measure the effect of ${s} on ${a}?`,
  (s, a) => `What goes wrong with ${s} at scale for ${a}?`,
  (s, a) => `Compare two ways to tune ${s} for ${a}`,
  (s, a) => `Is ${s} worth it for ${a}?`,
  (s, a) => `Debug a regression in ${a} caused by ${s}`,
];
const SYNTHETIC_TOPICS = ['training', 'inference', 'evaluation', 'data', 'efficiency', 'safety', 'alignment', 'retrieval'];


const syntheticBanks = new Map<number, Bank>();

/**
 * `count` generated English questions in eight topics: every eighth is a coding question, every
 * tenth multiple choice, and titles repeat (marked `variantOf` the first), so rows group variants.
 */
function syntheticBank(count: number): Bank {
  const cached = syntheticBanks.get(count);
  if (cached) return cached;
  const random = mulberry32(20240611);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const firstWithTitle = new Map<string, string>();
  const questions: Question[] = [];
  for (let i = 0; i < count; i++) {
    const id = `q-${i.toString(36).padStart(4, '0')}`;
    const subject = pick(SUBJECTS);
    const aspect = pick(ASPECTS);
    const title = pick(TEMPLATES)(subject, aspect);
    const coding = i % 8 === 7;
    const question: Question = {
      id,
      kind: coding ? 'coding' : 'concept',
      title,
      topics: [pick(SYNTHETIC_TOPICS), ...(random() < 0.25 ? [pick(SYNTHETIC_TOPICS)] : [])].filter((topic, n, all) => all.indexOf(topic) === n),
      prompt: coding
        ? `Write a function that measures how **${subject}** changes ${aspect} on a toy model (question ${i + 1}).`
        : `Describe how **${subject}** relates to ${aspect}, with one example from practice (question ${i + 1}).`,
      answer: coding
        ? `\`\`\`python\ndef measure(model, data):\n    # ${subject} vs ${aspect}\n    return model.evaluate(data)\n\`\`\``
        : `${subject[0]!.toUpperCase()}${subject.slice(1)} changes ${aspect} mainly through the optimiser and the data it sees; measure before and after.`,
    };
    if (!coding && i % 10 === 3) {
      question.choices = [
        { text: `It usually improves ${aspect}`, correct: true },
        { text: `It never affects ${aspect}`, correct: false, feedback: 'Almost every technique has some effect.' },
        { text: 'It only matters for image models', correct: false },
      ];
    }
    const first = firstWithTitle.get(title);
    if (first) question.variantOf = first;
    else firstWithTitle.set(title, id);
    questions.push(question);
  }
  const bank: Bank = {
    format: 'quiz-bank/1',
    id: 'synthetic',
    title: `Synthetic bank (${count.toLocaleString('en')} questions)`,
    language: 'en',
    topics: SYNTHETIC_TOPICS.map((id) => ({ id, title: `${id[0]!.toUpperCase()}${id.slice(1)}` })),
    questions,
  };
  syntheticBanks.set(count, bank);
  return bank;
}

// --- learner progress --------------------------------------------------------------------------

/** The progress stories' clock: Monday 23 November 2026, 09:00 local time, so statuses never drift. */
const STORY_NOW = new Date(2026, 10, 23, 9, 0).getTime();


/** A store at STORY_NOW in which each listed question has its status: due (Again a day ago), learning (Good now), mastered (Easy again and again). */
async function seededStore(bankId: string, statuses: Record<string, Exclude<QuestionStatus, 'new'>>): Promise<ProgressStore> {
  const store = new ProgressStore({ storage: memoryStorage(), now: () => STORY_NOW, progressKey: 'stories' });
  for (const [questionId, status] of Object.entries(statuses)) await answerUntil(store, bankId, questionId, status, STORY_NOW);
  return store;
}

/** The fixture with one question of each status (and one new). */
const demoProgress = () => seededStore(demoBank.id, { overfitting: 'due', 'overfitting-2': 'mastered', metric: 'learning', metrics: 'due' });

/** The first 24 questions of the bundled `llm-fundamentals` bank, in turn due, learning, mastered (the rest new). */
async function fundamentalsProgress(): Promise<ProgressStore> {
  const bank = (await (await fetch('quiz-data/banks/llm-fundamentals.json')).json()) as Bank;
  const cycle = ['due', 'learning', 'mastered'] as const;
  return seededStore(bank.id, Object.fromEntries(bank.questions.slice(0, 24).map((q, i) => [q.id, cycle[i % 3]!])));
}

// --- args and template --------------------------------------------------------------------------

interface BrowserArgs {
  src?: string;
  /** A bundled bank id, `*` for every bundled bank, or the name of a fixture that `mapping` turns into a bank or catalog object. */
  bank?: string | Bank | Catalog;
  /** Banks the page has already loaded. */
  banks?: readonly Bank[];
  query?: string;
  /** Comma-separated, as the attribute. */
  topic?: string;
  kind?: 'concept' | 'coding';
  bankFilter?: string;
  selected?: string;
  /** Learner-status filter. */
  status?: QuestionStatus;
  progressKey?: string;
  noProgress?: boolean;
  /** Set by the progress stories' loaders. */
  progressStore?: ProgressStore;
  syncUrl?: boolean;
  timeout?: number;
  theme?: 'light' | 'dark';
  /** The browser's own UI language; without it the browser follows the page (toolbar globe). */
  lang?: string;
  /** Story only: the number of generated questions handed over as `banks`. */
  syntheticQuestions?: number;
  /** Spies on the events, shown in the Actions panel. */
  onQuestionSelect?: (event: QuizQuestionSelectEvent) => void;
  onTopicSelect?: (event: QuizTopicSelectEvent) => void;
  onError?: (event: QuizErrorEvent) => void;
}

/** One template for every story; `content` is an inline `<script>` source. */
const questionBrowser = (args: BrowserArgs, content?: TemplateResult) => html`
  <question-browser
    src=${ifDefined(args.src)}
    .bank=${args.bank}
    .banks=${args.syntheticQuestions !== undefined ? [syntheticBank(args.syntheticQuestions)] : args.banks}
    query=${ifDefined(args.query)}
    topic=${ifDefined(args.topic)}
    kind=${ifDefined(args.kind)}
    bank-filter=${ifDefined(args.bankFilter)}
    selected=${ifDefined(args.selected)}
    status=${ifDefined(args.status)}
    progress-key=${ifDefined(args.progressKey)}
    ?no-progress=${args.noProgress}
    .progressStore=${args.progressStore}
    ?sync-url=${args.syncUrl}
    timeout=${ifDefined(args.timeout)}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
    @quiz-question-select=${(event: QuizQuestionSelectEvent) => args.onQuestionSelect?.(event)}
    @quiz-topic-select=${(event: QuizTopicSelectEvent) => args.onTopicSelect?.(event)}
    @quiz-error=${(event: QuizErrorEvent) => args.onError?.(event)}
  >${content}</question-browser>
`;

const FIXTURE = 'fixture: demoBank';
const PARTIAL = 'fixture: catalog with a missing bank';

const meta: Meta<BrowserArgs> = {
  title: 'Elements/question-browser',
  component: 'question-browser',
  tags: ['autodocs'],
  render: (args) => questionBrowser(args),
  // Stories without a play of their own: what they show, and one keyboard step (see `smoke`).
  play: (context) => smoke(context),
  args: { syncUrl: false, timeout: 15_000, onQuestionSelect: fn(), onTopicSelect: fn(), onError: fn() },
  argTypes: {
    src: { control: 'text', description: 'URL of a bank JSON, a catalog JSON or a `.md` Q&A document' },
    bank: {
      control: 'select',
      options: [undefined, ...catalog.banks.map((entry) => entry.id), '*', FIXTURE, PARTIAL],
      mapping: { [FIXTURE]: demoBank, [PARTIAL]: partialCatalog },
      description: 'Bundled bank id or `*` for every bundled bank (attribute), or a bank or catalog object (property); none = every bundled bank',
    },
    banks: { control: 'object', description: 'Banks the page has already loaded (property); nothing is loaded' },
    query: { control: 'text', description: 'The search text; every word must occur' },
    topic: { control: 'text', description: 'Topic ids, comma-separated; `bankId/topicId` when several banks are shown; empty = all' },
    kind: { control: 'inline-radio', options: [undefined, 'concept', 'coding'] },
    bankFilter: { name: 'bank-filter', control: 'select', options: [undefined, ...catalog.banks.map((entry) => entry.id)], description: 'Show only the questions of this bank id' },
    selected: { control: 'text', description: 'The open question as `bankId/questionId`' },
    status: { control: 'inline-radio', options: [undefined, 'new', 'learning', 'due', 'mastered'], description: 'Show only questions with this learner status' },
    progressKey: { name: 'progress-key', control: 'text', description: "Whose progress (the page's store for this key, in localStorage)" },
    noProgress: { name: 'no-progress', control: 'boolean', description: 'Show and record no progress' },
    progressStore: { control: false },
    syncUrl: { name: 'sync-url', control: 'boolean', description: 'Keep query, filters and open question in the URL hash (of the preview iframe)' },
    timeout: { control: { type: 'number', min: 0, step: 1000 }, description: 'Milliseconds; 0 waits forever', table: { defaultValue: { summary: '15000' } } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'], description: 'Default: follows the system' },
    lang: { control: 'inline-radio', options: [undefined, 'en', 'zh-CN'], description: "UI language; default: the page's (toolbar globe)" },
    syntheticQuestions: { table: { disable: true } },
    onQuestionSelect: { table: { disable: true } },
    onTopicSelect: { table: { disable: true } },
    onError: { table: { disable: true } },
  },
};
export default meta;

type Story = StoryObj<BrowserArgs>;

// --- play helpers: find things as a learner would, in the browser's own UI language -------------

/** The browser's shadow root as a Testing Library scope, once its results are on screen, and its UI strings. */
async function openBrowser(canvasElement: HTMLElement): Promise<{ browser: QuestionBrowser; ui: ReturnType<typeof within>; s: Strings }> {
  const el = canvasElement.querySelector('question-browser')!;
  // The count is written once the search is complete (a large bank shows its first rows before).
  await waitFor(() => expect(el.shadowRoot?.querySelector('.base[aria-busy="false"] [part~="count"]')).toHaveTextContent(/\d/), { timeout: 8000 });
  return { browser: el, ui: within(el.shadowRoot as unknown as HTMLElement), s: collectionStrings(stringsFor(languageOf(el))) };
}

/** The number of questions the count line shows. */
const shownCount = (browser: QuestionBrowser) => Number(/\d+/.exec(browser.shadowRoot!.querySelector('[part~="count"]')!.textContent ?? '')?.[0]);

// --- smoke test: the default play -------------------------------------------------------------

/**
 * What a story shows once loaded (`parameters.smoke`; default `question` when `selected` is set,
 * else `results`): the result list (and, with `failed`, the note naming a bank that failed), an
 * open question, the no-results message, a load error saying `says`, or the skeleton.
 */
type BrowserSmoke =
  | { shows: 'results'; failed?: string }
  | { shows: 'question' }
  | { shows: 'no-results' }
  | { shows: 'alert'; says: (s: Strings) => (string | RegExp)[] }
  | { shows: 'loading' };

/**
 * The play of every story without its own: the expected state is on screen, and the keyboard works
 * on it. Results: rows and a count; Tab reaches the search field, Down enters the list on the first
 * row, Enter opens it (`quiz-question-select`, `selected`, a card). An open question: its card
 * titled as the detail pane; Tab reaches its Show answer (or first choice) and Space works. No
 * results: the message for the query; Tab to Clear search, Enter brings the questions back. An
 * alert: its text; Tab to Retry, Enter loads again (a new `quiz-error`). Loading: the skeleton.
 */
async function smoke({ canvasElement, parameters, args }: StoryContext<BrowserArgs>): Promise<void> {
  const expected: BrowserSmoke = parameters.smoke ?? { shows: args.selected ? 'question' : 'results' };
  const el = canvasElement.querySelector('question-browser')!;
  if (expected.shows === 'loading') {
    await expectSkeleton(el);
    await expectNoTabStop(canvasElement, el);
    return;
  }
  if (expected.shows === 'alert') {
    const s = collectionStrings(await uiStrings(el));
    const ui = within(el.shadowRoot as unknown as HTMLElement);
    const says = expected.says(s);
    for (const text of says) await expect(await ui.findByRole('alert', {}, { timeout: 8000 })).toHaveTextContent(text);
    await expectRetryLoadsAgain(canvasElement, el, ui, s, says, 8000);
    return;
  }
  const { browser, ui, s } = await openBrowser(canvasElement);
  focusStoryStart(canvasElement);
  if (expected.shows === 'question') {
    const card = await waitFor(() => {
      const found = browser.shadowRoot!.querySelector('quiz-card');
      expect(found?.shadowRoot?.querySelector('[part~="title"]')).toBeTruthy();
      return found!;
    });
    await expect(card.shadowRoot!.querySelector('[part~="title"]')).toHaveTextContent(browser.shadowRoot!.querySelector('[part~="detail"]')!.getAttribute('aria-label')!);
    await cardKeyboardStep(browser, card, stringsFor(languageOf(card)));
    return;
  }
  if (expected.shows === 'no-results') {
    await expect(browser.shadowRoot!.querySelector('[part~="empty"]')).toHaveTextContent(s.noResults(args.query ?? ''));
    const clear = ui.getByRole('button', { name: s.clearSearch });
    await tabTo(browser, (element) => element === clear, `“${s.clearSearch}”`);
    await press('{Enter}');
    await waitFor(() => expect(shownCount(browser)).toBeGreaterThan(0));
    await expect(focused()).toBe(ui.getByRole('searchbox', { name: s.searchLabel }));
    return;
  }
  await expect(shownCount(browser)).toBeGreaterThan(0);
  const search = ui.getByRole('searchbox', { name: s.searchLabel });
  // The note comes once every bank has answered, maybe after the first results.
  if (expected.failed) await waitFor(() => expect(browser.shadowRoot!.querySelector('[part~="error"][role="status"]')).toHaveTextContent(expected.failed!), { timeout: 5000 });
  await tabTo(browser, (element) => element === search, 'the search field');
  await press('{ArrowDown}');
  const results = ui.getByRole('listbox', { name: s.resultsLabel });
  await expect(focused()).toBe(results);
  await waitFor(() => expect(browser.shadowRoot!.getElementById(results.getAttribute('aria-activedescendant')!)).toHaveAttribute('data-index', '0'));
  await expect(args.onQuestionSelect).not.toHaveBeenCalled();
  await press('{Enter}');
  await expect(args.onQuestionSelect).toHaveBeenCalledOnce();
  await expect(browser).toHaveAttribute('selected');
  await waitFor(() => expect(browser.shadowRoot!.querySelector('[part~="detail"] quiz-card')).toBeTruthy());
}

// --- decorators ------------------------------------------------------------------------------

const wide: Decorator = (story) => html`<div style="width: 1280px; --quiz-browser-height: 44rem; outline: 1px dashed #999">${story()}</div>`;

// --- every bundled bank ------------------------------------------------------------------------

/** No source at all: every bundled bank (213 questions), grouped by title. */
export const AllBundledBanks: Story = {
  play: async ({ canvasElement }) => {
    const { browser } = await openBrowser(canvasElement);
    await expect(shownCount(browser)).toBe(213);
  },
};

export const ChineseUi: Story = { name: 'All bundled banks (中文 UI)', args: { lang: 'zh-CN' } };

/** Chinese questions, English controls. */
export const EnglishUi: Story = { name: 'All bundled banks (English UI)', args: { lang: 'en' } };

/** The bundled catalog loaded by URL, as a page would (Storybook serves `data/` at `/quiz-data`). */
export const CatalogFromUrl: Story = { name: 'Catalog from a src URL', args: { src: 'quiz-data/banks/index.json', lang: 'zh-CN' } };

// --- one bank ----------------------------------------------------------------------------------

/** One bundled bank: no bank filter, no bank name on the rows. */
export const BundledBank: Story = { args: { bank: 'llm-fundamentals', lang: 'zh-CN' } };

/** The English fixture: two questions titled "What is overfitting?" are one row with 2 variants. */
export const EnglishBank: Story = { args: { bank: FIXTURE, selected: 'story-demo/overfitting' } };

/** A bank written in the page. */
export const InlineJson: Story = {
  name: 'Inline JSON',
  render: (args) => questionBrowser(args, html`<script type="application/json">${JSON.stringify(demoBank)}</script>`),
};

// --- search and filters ------------------------------------------------------------------------

/** A preset query: title matches first, matches highlighted, excerpts around matches in the text. */
export const Query: Story = { name: 'Query 过拟合', args: { query: '过拟合', lang: 'zh-CN' } };

export const QueryEnglishUi: Story = { name: 'Query 过拟合 (English UI)', args: { ...Query.args, lang: 'en' } };

/** The query within one topic of one bank (`bankId/topicId`, as several banks are shown). */
export const QueryAndTopic: Story = { name: 'Query 过拟合 in a topic', args: { query: '过拟合', topic: 'llm-fundamentals/training', lang: 'zh-CN' } };

/** Typed by the learner: the list follows every keystroke. */
export const QueryTyped: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const { browser, ui, s } = await openBrowser(canvasElement);
    await userEvent.type(ui.getByRole('searchbox', { name: s.searchLabel }), '推理 速度');
    await waitFor(() => expect(shownCount(browser)).toBeLessThan(213));
    await expect(browser).toHaveAttribute('query', '推理 速度');
  },
};

/** Only coding questions (three in the bundled banks). */
export const KindCoding: Story = { name: 'Kind: coding', args: { kind: 'coding', lang: 'zh-CN' } };

/** Only the questions of one bank of the catalog. */
export const BankFilter: Story = { args: { bankFilter: 'llm-startup-interview', lang: 'zh-CN' } };

/** A query nothing matches: the message and a way out. */
export const NoResults: Story = { args: { query: '量子纠缠', lang: 'zh-CN' }, parameters: { smoke: { shows: 'no-results' } satisfies BrowserSmoke } };

export const NoResultsEnglishUi: Story = { ...NoResults, name: 'No results (English UI)', args: { query: 'blockchain', lang: 'en' } };

/** Clear search and filters: every question comes back and the search field has focus. */
export const NoResultsCleared: Story = {
  args: { query: 'blockchain', kind: 'coding', lang: 'en' },
  play: async ({ canvasElement }) => {
    const { browser, ui, s } = await openBrowser(canvasElement);
    await userEvent.click(ui.getByRole('button', { name: s.clearSearch }));
    await waitFor(() => expect(shownCount(browser)).toBe(213));
    await expect(browser.shadowRoot!.activeElement).toBe(ui.getByRole('searchbox', { name: s.searchLabel }));
  },
};

// --- an open question ----------------------------------------------------------------------------

/** A question with seven variants, opened by `selected`: one tab per variant, two banks named. */
export const QuestionOpen: Story = { args: { selected: SEVEN_VARIANTS, lang: 'zh-CN' } };

export const QuestionOpenEnglishUi: Story = { name: 'Question open (English UI)', args: { ...QuestionOpen.args, lang: 'en' } };

/** The third variant picked by the learner (click on its tab). */
export const VariantPicked: Story = {
  args: { ...QuestionOpen.args },
  play: async ({ canvasElement, args }) => {
    const { ui, s } = await openBrowser(canvasElement);
    const tab = await ui.findByRole('tab', { name: new RegExp(`^${s.variantTab(3)}`) });
    await userEvent.click(tab);
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    await expect(args.onQuestionSelect).toHaveBeenCalledOnce();
  },
};

/** A coding question, alone under its title: no tabs. */
export const CodingQuestionOpen: Story = { args: { selected: CODING_QUESTION, lang: 'zh-CN' } };

/** Keyboard only: `/` focuses search, Down enters the results, Enter opens the first row. */
export const Keyboard: Story = {
  args: { query: '过拟合', lang: 'zh-CN' },
  play: async ({ canvasElement, args }) => {
    const { browser, ui, s } = await openBrowser(canvasElement);
    await ui.findAllByRole('option');
    await userEvent.keyboard('/');
    await expect(browser.shadowRoot!.activeElement).toBe(ui.getByRole('searchbox', { name: s.searchLabel }));
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onQuestionSelect).toHaveBeenCalledOnce();
  },
};

/** The open question lives in the URL hash (`#q=…&open=…`) of the preview iframe, so a link opens this view. */
export const DeepLink: Story = {
  name: 'Deep link (sync-url)',
  args: { syncUrl: true, lang: 'zh-CN' },
  parameters: { smoke: { shows: 'question' } satisfies BrowserSmoke },
  tags: ['!autodocs'],
  beforeEach: () => {
    const before = location.hash;
    history.replaceState(history.state, '', `#q=${encodeURIComponent('数据倾斜')}&open=${SEVEN_VARIANTS}`);
    return () => history.replaceState(history.state, '', `${location.pathname}${location.search}${before}`);
  },
};

// --- learner progress ------------------------------------------------------------------------------

/** Progress with every status: row badges, topic counts and bars, Review due (2), Export and Import. */
export const WithProgress: Story = {
  args: { bank: FIXTURE, lang: 'en' },
  loaders: [async () => ({ progressStore: await demoProgress() })],
  render: (args, { loaded }) => questionBrowser({ ...args, progressStore: loaded.progressStore as ProgressStore }),
};

/** Progress on a bundled bank: 8 due, 8 learning, 8 mastered, the rest new. */
export const WithProgressBundled: Story = {
  name: 'With progress (bundled bank, 中文 UI)',
  args: { bank: 'llm-fundamentals', lang: 'zh-CN' },
  loaders: [async () => ({ progressStore: await fundamentalsProgress() })],
  render: WithProgress.render,
};

/** The status filter set to Due: only the due questions; a group of variants shows just its due ones. */
export const StatusFilterDue: Story = { ...WithProgress, name: 'Status filter: due', args: { ...WithProgress.args, status: 'due' } };

export const StatusFilterMastered: Story = { ...WithProgressBundled, name: 'Status filter: mastered (中文 UI)', args: { ...WithProgressBundled.args, status: 'mastered' } };

/** Review due (N): the search is cleared, the filter becomes Due and the first due question opens. */
export const ReviewDue: Story = {
  ...WithProgress,
  args: { ...WithProgress.args, query: 'metric' },
  decorators: [(story) => html`<div style="width: 1000px">${story()}</div>`],
  play: async ({ canvasElement, args }) => {
    const { browser, ui, s } = await openBrowser(canvasElement);
    await userEvent.click(ui.getByRole('button', { name: s.reviewDue(2) }));
    await expect(browser).toHaveAttribute('status', 'due');
    await expect(browser).not.toHaveAttribute('query');
    await expect(browser).toHaveAttribute('selected', 'story-demo/overfitting');
    await expect(args.onQuestionSelect).toHaveBeenCalledOnce();
  },
};

/** Import progress… with a file that is not a progress export: an alert names the file and says why; nothing changes. */
export const ImportError: Story = {
  ...WithProgress,
  name: 'Import error',
  play: async ({ canvasElement }) => {
    const { browser } = await openBrowser(canvasElement);
    // Export and import are <quiz-progress-transfer>'s, inside the browser.
    const tools = browser.shadowRoot!.querySelector('quiz-progress-transfer')!;
    await waitFor(() => expect(tools.shadowRoot?.querySelector('input[type="file"]')).toBeTruthy());
    const input = tools.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
    const files = new DataTransfer();
    files.items.add(new File(['{"format":"quiz-bank/1","questions":[]}'], 'ml-basics.json', { type: 'application/json' }));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await expect(await within(tools.shadowRoot as unknown as HTMLElement).findByRole('alert')).toHaveTextContent('Could not import "ml-basics.json"');
  },
};

/** `no-progress`: no statuses, no status filter, no review, export or import; the open card records nothing. */
export const NoProgress: Story = { args: { bank: FIXTURE, noProgress: true, selected: 'story-demo/metric', lang: 'en' } };

/** 320 px with progress: the tools wrap under the results. */
export const NarrowWithProgress: Story = { ...WithProgress, name: 'Narrow (320 px) with progress', decorators: [narrow(320)] };

// --- layout ------------------------------------------------------------------------------------

/** A box of `width` × `height` px that the browser fills (docs/design/question-browser-layout.md: the element's width picks the layout). */
const sized = (width: number, height: number): Decorator => (story) =>
  html`<div style="width: ${width}px; --quiz-browser-height: ${height}px; outline: 1px dashed #999">${story()}</div>`;

/** Under 40rem (a phone, 375×800): one column, the search and Filters on top, at least 8 rows. */
export const LayoutPhone: Story = {
  name: 'Layout: phone (375×800)',
  args: { lang: 'zh-CN' },
  decorators: [sized(375, 800)],
  play: async ({ canvasElement }) => {
    const { browser, s } = await openBrowser(canvasElement);
    const toggle = browser.shadowRoot!.querySelector<HTMLButtonElement>('[part~="filters-toggle"]')!;
    await expect(toggle).toHaveTextContent(s.filtersToggle);
    await userEvent.click(toggle);
    await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  },
};

/** 40–64rem (a 48rem container, 36rem tall): results | the open question; the filters behind the Filters button. */
export const LayoutMedium: Story = { name: 'Layout: 48rem container', args: { selected: SEVEN_VARIANTS, lang: 'en' }, decorators: [sized(768, 576)] };

/** From 64rem (1280×800): the filters and topics as a sidebar | results | the overview (nothing open). */
export const LayoutWide: Story = { name: 'Layout: 1280×800, overview', args: { lang: 'en' }, decorators: [sized(1280, 800)] };

/** The Progress view: with progress and nothing open, the overview shows `<quiz-stats>` over the browser's banks (loaded then). */
export const ProgressView: Story = {
  ...WithProgressBundled,
  name: 'Progress view (中文 UI)',
  decorators: [sized(1280, 800)],
  play: async ({ canvasElement }) => {
    const { browser } = await openBrowser(canvasElement);
    await waitFor(() => expect(browser.shadowRoot!.querySelector('[part~="overview"] quiz-stats')?.shadowRoot?.querySelector('[part~="statuses"]')).toBeTruthy(), { timeout: 8000 });
  },
};

/** The Progress view on a phone: the Progress button opens Export, Import and `<quiz-stats>` over the results. */
export const ProgressViewPhone: Story = {
  ...WithProgress,
  name: 'Progress view: phone',
  decorators: [sized(375, 800)],
  play: async ({ canvasElement }) => {
    const { browser, ui, s } = await openBrowser(canvasElement);
    await userEvent.click(ui.getByRole('button', { name: s.progressToggle }));
    await waitFor(() => expect(browser.shadowRoot!.querySelector('#progress quiz-stats')?.shadowRoot?.querySelector('[part~="statuses"]')).toBeTruthy(), { timeout: 8000 });
  },
};


/** A 360 px column: the open question replaces the list, Back returns to it. */
export const NarrowQuestionOpen: Story = { name: 'Narrow (360 px), question open', args: { ...QuestionOpen.args }, decorators: [narrow(360)] };

export const NarrowList: Story = { name: 'Narrow (360 px), list', args: { query: '过拟合', lang: 'zh-CN' }, decorators: [narrow(360)] };

/** Back in one column: the list again, with the keyboard on the row of the closed question. */
export const NarrowBack: Story = {
  name: 'Narrow (360 px), back to the list',
  args: { ...QuestionOpen.args },
  decorators: [narrow(360)],
  play: async ({ canvasElement }) => {
    const { browser, ui, s } = await openBrowser(canvasElement);
    await userEvent.click(await ui.findByRole('button', { name: new RegExp(s.backToResults) }));
    await expect(browser).not.toHaveAttribute('selected');
    const results = ui.getByRole('listbox', { name: s.resultsLabel });
    await waitFor(() => expect(browser.shadowRoot!.activeElement).toBe(results));
    // The keyboard is on the closed question's row, and that row is rendered (the list is windowed).
    await waitFor(() => expect(browser.shadowRoot!.getElementById(results.getAttribute('aria-activedescendant')!)).toHaveTextContent('如何处理大模型训练中的数据倾斜问题？'));
  },
};

/** 1280 px: list and open question side by side. */
export const Wide: Story = {
  name: 'Wide (1280 px)',
  args: { query: '推理', selected: 'llm-business-models/q-1n3qka6', lang: 'zh-CN' },
  decorators: [wide],
  parameters: { layout: 'fullscreen' },
};

// --- look --------------------------------------------------------------------------------------

/** theme="dark" on a dark page, with highlighted matches and an open question. */
export const DarkTheme: Story = {
  args: { query: '过拟合', selected: 'llm-fundamentals/q-1mrk1v1', theme: 'dark', lang: 'zh-CN' },
  decorators: [darkPage],
  parameters: { layout: 'fullscreen' },
};

export const DarkThemeVariants: Story = { ...DarkTheme, args: { selected: SEVEN_VARIANTS, theme: 'dark', lang: 'zh-CN' } };

// --- many questions ------------------------------------------------------------------------------

/** 10,000 generated questions handed over as `banks`: the list is windowed, search stays instant. */
export const LargeBank: Story = {
  name: 'Large bank (10,000 questions)',
  args: { syntheticQuestions: 10_000, lang: 'en' },
  argTypes: { syntheticQuestions: { table: { disable: false }, control: { type: 'number', min: 0, step: 1000 }, description: 'Generated questions (story only)' } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const { browser } = await openBrowser(canvasElement);
    await expect(shownCount(browser)).toBe(10_000);
  },
};

export const LargeBankQuery: Story = {
  ...LargeBank,
  name: 'Large bank, query and filters',
  args: { ...LargeBank.args, query: 'KV cache', kind: 'concept', topic: 'inference' },
  play: undefined,
};

// --- loading and errors ------------------------------------------------------------------------

/** The skeleton, kept on screen by a fetch that never answers (timeout 0 waits forever). */
export const Loading: Story = {
  args: { src: 'quiz-data/banks/never-answers.json', timeout: 0 },
  parameters: { smoke: { shows: 'loading' } satisfies BrowserSmoke },
  beforeEach: fetchNeverAnswers,
};

/** The same fetch with a 2 s timeout: the skeleton, then the timeout message and Retry. */
export const ErrorTimeout: Story = {
  ...Loading,
  name: 'Error: timeout',
  args: { src: 'quiz-data/banks/never-answers.json', timeout: 2000 },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /never-answers\.json/, /\b2\b/] } satisfies BrowserSmoke },
};

/** A src that does not exist: the status code, the URL, and Retry. */
export const ErrorNotFound: Story = {
  name: 'Error: 404',
  args: { src: 'quiz-data/banks/missing.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /\b404\b/, /quiz-data\/banks\/missing\.json/] } satisfies BrowserSmoke },
};

export const ErrorNotFoundChineseUi: Story = { ...ErrorNotFound, name: 'Error: 404 (中文 UI)', args: { ...ErrorNotFound.args, lang: 'zh-CN' } };

/** JSON that is neither a bank nor a catalog (the importer's topic rules): what is wrong, and where. */
export const ErrorNotABank: Story = {
  name: 'Error: not a bank',
  args: { src: 'quiz-data/topics.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /quiz-data\/topics\.json/] } satisfies BrowserSmoke },
};

/** A bundled bank id that does not exist lists the ones that do. */
export const ErrorUnknownBundledBank: Story = {
  name: 'Error: unknown bundled bank',
  args: { bank: 'no-such-bank' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /no-such-bank/, /llm-fundamentals/] } satisfies BrowserSmoke },
};

/** A catalog where one bank of three is missing: the other two are shown, the failure is listed above them with Retry. */
export const PartialCatalog: Story = {
  name: 'Catalog with a failed bank',
  args: { bank: PARTIAL, lang: 'en' },
  parameters: { smoke: { shows: 'results', failed: 'Machine learning (moved)' } satisfies BrowserSmoke },
};

export const PartialCatalogChineseUi: Story = { ...PartialCatalog, name: 'Catalog with a failed bank (中文 UI)', args: { bank: PARTIAL, lang: 'zh-CN' } };
