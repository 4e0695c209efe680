import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html, type TemplateResult } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
// The catalog, not src/bank/bundled.ts: a static import of that would pull the lazy bank chunks in.
import catalog from '../data/banks/index.json' with { type: 'json' };
import type { Bank, Question } from '../src/bank/types.js';
import '../src/elements/quiz-card/quiz-card.js';
import type { QuizCard } from '../src/elements/quiz-card/quiz-card.js';
import { languageOf, stringsFor, type UiStrings } from '../src/i18n/index.js';
import { resultStrings } from '../src/i18n/results.js';
import { memoryStorage } from '../src/progress/memory-storage.js';
import { ProgressStore } from '../src/progress/store.js';
import type { Grade, ProgressStorage } from '../src/progress/types.js';
import type { QuizAnswerEvent } from '../src/events/quiz-answer.js';
import { configureLearningRecords, recordsNotes } from '../src/records/learning-records.js';
import { darkPage, demoBank, fetchNeverAnswers, narrow, typesBank, typesBankZh } from './fixtures.js';
import { cardKeyboardStep, expectNoTabStop, expectRetryLoadsAgain, expectSkeleton, focusStoryStart } from './smoke.js';

interface CardArgs {
  src?: string;
  /** A bundled bank id, or the name of a fixture that `mapping` turns into a bank object. */
  bank?: string | Bank;
  question?: string;
  topic?: string;
  kind?: 'concept' | 'coding';
  count?: number;
  shuffle?: boolean;
  seed?: string;
  answerBox?: boolean;
  timeout?: number;
  theme?: 'light' | 'dark';
  headingLevel?: number;
  /** The card's own UI language; without it the card follows the page (toolbar globe). */
  lang?: string;
  mode?: 'practice' | 'review';
  newPerDay?: number;
  progressKey?: string;
  noProgress?: boolean;
}

/** One template for every story; `content` is an inline `<script>` source, `store` a progress store to use. */
const card = (args: CardArgs, content?: TemplateResult, store?: ProgressStore) => html`
  <quiz-card
    src=${ifDefined(args.src)}
    .bank=${args.bank}
    question=${ifDefined(args.question)}
    topic=${ifDefined(args.topic)}
    kind=${ifDefined(args.kind)}
    count=${ifDefined(args.count)}
    ?shuffle=${args.shuffle}
    seed=${ifDefined(args.seed)}
    ?answer-box=${args.answerBox}
    timeout=${ifDefined(args.timeout)}
    theme=${ifDefined(args.theme)}
    heading-level=${ifDefined(args.headingLevel)}
    lang=${ifDefined(args.lang)}
    mode=${ifDefined(args.mode)}
    new-per-day=${ifDefined(args.newPerDay)}
    progress-key=${ifDefined(args.progressKey)}
    ?no-progress=${args.noProgress}
    .progressStore=${store}
  >${content}</quiz-card>
`;

const FIXTURE = 'fixture: demoBank';
const TYPES = 'fixture: typesBank';
const TYPES_ZH = 'fixture: typesBankZh';

const meta: Meta<CardArgs> = {
  title: 'Elements/quiz-card',
  component: 'quiz-card',
  tags: ['autodocs'],
  render: (args) => card(args),
  // Stories without a play of their own: what they show, and one keyboard step (see `smoke`).
  play: (context) => smoke(context),
  argTypes: {
    src: { control: 'text', description: 'URL of a bank JSON or a `.md` Q&A document' },
    bank: {
      control: 'select',
      options: [...catalog.banks.map((entry) => entry.id), FIXTURE, TYPES, TYPES_ZH],
      mapping: { [FIXTURE]: demoBank, [TYPES]: typesBank, [TYPES_ZH]: typesBankZh },
      description: 'Bundled bank id (attribute), or a bank object (property)',
    },
    question: { control: 'text', description: 'Id of one question to show' },
    topic: { control: 'text', description: 'Topic id(s), comma-separated' },
    kind: { control: 'inline-radio', options: [undefined, 'concept', 'coding'] },
    count: { control: { type: 'number', min: 0 }, table: { defaultValue: { summary: '10' } } },
    shuffle: { control: 'boolean', table: { defaultValue: { summary: 'false' } } },
    seed: { control: 'text' },
    answerBox: { name: 'answer-box', control: 'boolean', table: { defaultValue: { summary: 'false' } } },
    timeout: { control: { type: 'number', min: 0, step: 1000 }, description: 'Milliseconds; 0 waits forever', table: { defaultValue: { summary: '15000' } } },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'], description: 'Default: follows the system' },
    headingLevel: { name: 'heading-level', control: { type: 'number', min: 1, max: 6 }, table: { defaultValue: { summary: '3' } } },
    lang: { control: 'inline-radio', options: [undefined, 'en', 'zh-CN'], description: 'UI language; default: the page\'s (toolbar globe)' },
    mode: { control: 'inline-radio', options: [undefined, 'practice', 'review'], table: { defaultValue: { summary: 'practice' } } },
    newPerDay: { name: 'new-per-day', control: { type: 'number', min: 0 }, table: { defaultValue: { summary: '20' } } },
    progressKey: { name: 'progress-key', control: 'text', table: { defaultValue: { summary: 'default' } } },
    noProgress: { name: 'no-progress', control: 'boolean', table: { defaultValue: { summary: 'false' } } },
  },
};
export default meta;

type Story = StoryObj<CardArgs>;

// --- play helpers: find things as a learner would, in the card's own UI language ---------------

/** The card's shadow root as a Testing Library scope, once loading is over, and its UI strings. */
async function openCard(canvasElement: HTMLElement): Promise<{ card: QuizCard; ui: ReturnType<typeof within>; s: UiStrings }> {
  const el = canvasElement.querySelector('quiz-card')!;
  await waitFor(() => expect(el.shadowRoot?.querySelector('.card:not([aria-busy="true"])')).toBeTruthy(), { timeout: 5000 });
  return { card: el, ui: within(el.shadowRoot as unknown as HTMLElement), s: stringsFor(languageOf(el)) };
}

const named = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);

async function reveal(canvasElement: HTMLElement) {
  const { ui, s } = await openCard(canvasElement);
  await userEvent.click(ui.getByRole('button', { name: named(s.showAnswer) }));
  await expect(ui.getByText(s.answer)).toBeTruthy();
}

async function grade(canvasElement: HTMLElement, which: keyof UiStrings['grades']) {
  const { ui, s } = await openCard(canvasElement);
  await userEvent.click(ui.getByRole('button', { name: named(s.grades[which]) }));
}

async function choose(canvasElement: HTMLElement, ...choices: RegExp[]) {
  const { ui, s } = await openCard(canvasElement);
  for (const choice of choices) await userEvent.click(ui.getByLabelText(choice));
  await userEvent.click(ui.getByRole('button', { name: s.check }));
}

// --- smoke test: the default play -------------------------------------------------------------

/**
 * What a story shows once loaded (`parameters.smoke`, default `question`): a question, an alert
 * (load errors, empty filters) saying `says`, with or without Retry, or the loading skeleton.
 */
type CardSmoke =
  | { shows: 'question' }
  | { shows: 'alert'; says: (s: UiStrings) => (string | RegExp)[]; retry: boolean }
  | { shows: 'loading' };

/**
 * The play of every story without its own: the expected state is on screen, and the keyboard works
 * on it. A question: its title (a heading at `heading-level`) and prompt; then Tab to the first
 * control that answers (Show answer, or the first choice) and Space. An alert: its text; then Tab
 * to Retry and Enter loads again (a new `quiz-error`), or, without Retry, no tab stop in the card.
 * Loading: the skeleton says so, busy, with no tab stop.
 */
async function smoke({ canvasElement, parameters, args }: StoryContext<CardArgs>): Promise<void> {
  const expected: CardSmoke = parameters.smoke ?? { shows: 'question' };
  if (expected.shows === 'loading') {
    const el = canvasElement.querySelector('quiz-card')!;
    await expectSkeleton(el, 'card');
    await expectNoTabStop(canvasElement, el);
    return;
  }
  const { card, ui, s } = await openCard(canvasElement);
  if (expected.shows === 'question') {
    await expect(ui.getByRole('heading', { level: args.headingLevel ?? 3 })).toHaveTextContent(/\S/);
    // The question's words: the prompt under the title, unless the prompt only repeats the title (imported notes).
    const prompt = card.shadowRoot!.querySelector('[part~="prompt"]');
    if (prompt) await expect(prompt).toHaveTextContent(/\S/);
    focusStoryStart(canvasElement);
    await cardKeyboardStep(card, card, s);
    return;
  }
  const says = expected.says(s);
  for (const text of says) await expect(ui.getByRole('alert')).toHaveTextContent(text);
  if (!expected.retry) {
    await expect(ui.queryByRole('button', { name: s.retry })).toBeNull();
    await expectNoTabStop(canvasElement, card);
    return;
  }
  await expectRetryLoadsAgain(canvasElement, card, ui, s, says);
}

// --- bundled banks (Chinese text) ------------------------------------------------------------

/** A practice set from a bundled bank, UI in Chinese. */
export const PracticeSetChinese: Story = { name: 'Practice set (中文 UI)', args: { bank: 'llm-fundamentals', count: 5, lang: 'zh-CN' } };

/** The same set with an English UI: the bank text stays Chinese, only the controls change. */
export const PracticeSetEnglishUi: Story = { name: 'Practice set (English UI)', args: { ...PracticeSetChinese.args, lang: 'en' } };

/** The bank loaded by URL, as a page would (Storybook serves `data/` at `/quiz-data`). */
export const FromUrl: Story = { name: 'From a src URL', args: { src: 'quiz-data/banks/llm-fundamentals.json', count: 5, lang: 'zh-CN' } };

/** One question by id: no position, no previous/next. */
export const SingleQuestion: Story = { args: { bank: 'llm-fundamentals', question: 'q-07tm4of', lang: 'zh-CN' } };

/** The reference answer of a bundled question after Show answer. */
export const SingleQuestionRevealed: Story = { ...SingleQuestion, play: ({ canvasElement }) => reveal(canvasElement) };

/** A coding question whose answer is Python, highlighted, with a Copy button. */
export const CodingQuestion: Story = {
  args: { bank: 'llm-startup-interview', question: 'q-1qwoxxz', lang: 'zh-CN' },
  play: ({ canvasElement }) => reveal(canvasElement),
};

/** Only coding questions of a bundled bank. */
export const CodingSet: Story = { args: { bank: 'llm-startup-interview', kind: 'coding', lang: 'zh-CN' } };

/** A topic that no question has: the card says which filter matched nothing. */
export const EmptyFilter: Story = {
  args: { bank: 'llm-fundamentals', topic: 'no-such-topic', kind: 'coding', lang: 'zh-CN' },
  parameters: { smoke: { shows: 'alert', says: () => [/“no-such-topic”/], retry: false } satisfies CardSmoke },
};

export const EmptyFilterEnglishUi: Story = { ...EmptyFilter, name: 'Empty filter (English UI)', args: { ...EmptyFilter.args, lang: 'en' } };

// --- flashcards on the fixture (English text) -------------------------------------------------

/** Prompt with a Show hint button and a box to type an attempt first. */
export const Flashcard: Story = { args: { bank: FIXTURE, question: 'overfitting', answerBox: true } };

export const FlashcardHintShown: Story = {
  ...Flashcard,
  play: async ({ canvasElement }) => {
    const { ui, s } = await openCard(canvasElement);
    await userEvent.click(ui.getByRole('button', { name: s.showHint }));
    await expect(ui.getByText(/training data with the error/)).toBeTruthy();
  },
};

/** After typing an attempt and Show answer: attempt and answer side by side, then grades. */
export const FlashcardRevealed: Story = {
  ...Flashcard,
  play: async ({ canvasElement }) => {
    const { ui, s } = await openCard(canvasElement);
    await userEvent.type(ui.getByLabelText(s.yourAttempt), 'It memorises the noise.');
    await reveal(canvasElement);
  },
};

/** Graded: the grade stays pressed, Undo and Try again appear. */
export const FlashcardGraded: Story = {
  ...Flashcard,
  play: async ({ canvasElement }) => {
    await reveal(canvasElement);
    await grade(canvasElement, 'good');
    const { ui, s } = await openCard(canvasElement);
    await expect(ui.getByRole('button', { name: named(s.grades.good) })).toHaveAttribute('aria-pressed', 'true');
  },
};

export const FlashcardRevealedChineseUi: Story = { ...FlashcardRevealed, name: 'Flashcard revealed (中文 UI)', args: { ...Flashcard.args, lang: 'zh-CN' } };

/** Two questions with the same title: a switch between their answers, here on the second one. */
export const Variants: Story = {
  args: { bank: FIXTURE, question: 'overfitting' },
  play: async ({ canvasElement }) => {
    const { ui, s } = await openCard(canvasElement);
    await userEvent.click(ui.getByRole('button', { name: s.variantLabel(2, 2) }));
    await reveal(canvasElement);
  },
};

// --- choice questions on the fixture -----------------------------------------------------------

export const SingleChoice: Story = { args: { bank: FIXTURE, question: 'metric' } };

/** Checked with a wrong pick: both choices are marked, with their feedback. */
export const SingleChoiceChecked: Story = {
  ...SingleChoice,
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Dropout/);
    const { card, s } = await openCard(canvasElement);
    await expect(card.shadowRoot!.querySelector('[part~="feedback"]')).toHaveTextContent(s.incorrect);
  },
};

export const MultipleChoice: Story = { args: { bank: FIXTURE, question: 'metrics' } };

export const MultipleChoiceChecked: Story = { ...MultipleChoice, play: ({ canvasElement }) => choose(canvasElement, /Precision/, /Recall/) };

export const MultipleChoiceCheckedChineseUi: Story = {
  ...MultipleChoiceChecked,
  name: 'Multiple choice checked (中文 UI)',
  args: { ...MultipleChoice.args, lang: 'zh-CN' },
};

// --- question types (the demo bank of every type, demo/banks/question-types.md) ----------------
// Each type unanswered (the default smoke play: Tab to its first control and its first key), then
// right, partly right where the type has parts (blanks, items, pairs), and wrong, as a learner gets
// there: clicking, typing, choosing and moving, then Check.

/** The question a story shows, from the bank object its args map to. */
function shownQuestion(args: CardArgs): Question {
  const bank = args.bank as Bank;
  return bank.questions.find((question) => question.id === args.question)!;
}

/** The card once its typed question's view (a chunk of its own) is on screen. */
async function openTyped(canvasElement: HTMLElement) {
  const opened = await openCard(canvasElement);
  const root = opened.card.shadowRoot!;
  await waitFor(() => expect(root.querySelector('.interaction')).toBeTruthy(), { timeout: 5000 });
  return { ...opened, root };
}

/** `right`, `wrong`, or the percentage of a partly right answer. */
type Verdict = 'right' | 'wrong' | number;

/** Check, then the verdict the learner reads and the score the `quiz-answer` event carries. */
async function checkTyped(canvasElement: HTMLElement, verdict: Verdict): Promise<void> {
  const { card, root, ui, s } = await openTyped(canvasElement);
  const answered = new Promise<QuizAnswerEvent['detail']>((resolve) => card.addEventListener('quiz-answer', (event) => resolve(event.detail), { once: true }));
  await userEvent.click(ui.getByRole('button', { name: s.check }));
  const detail = await answered;
  const said = verdict === 'right' ? s.correct : verdict === 'wrong' ? s.incorrect : s.partlyRight(verdict);
  await waitFor(() => expect(root.querySelector('[part~="feedback"]')).toHaveTextContent(said));
  await expect(detail.correct).toBe(verdict === 'right');
  await expect(Math.round(detail.score * 100)).toBe(verdict === 'right' ? 100 : verdict === 'wrong' ? 0 : verdict);
}

/** Presses True or False. */
async function judge(canvasElement: HTMLElement, value: boolean): Promise<void> {
  const { root } = await openTyped(canvasElement);
  await userEvent.click(root.querySelectorAll<HTMLButtonElement>('.true-false button')[value ? 0 : 1]!);
}

/** Types into the blanks (or the numeric field) in order. */
async function fillIn(canvasElement: HTMLElement, ...texts: string[]): Promise<void> {
  const { root } = await openTyped(canvasElement);
  for (const [i, text] of texts.entries()) {
    const field = root.querySelectorAll<HTMLInputElement>('.interaction input')[i]!;
    await userEvent.type(field, text);
  }
}

/** Puts the ordering's items in this order (indices into `items`) with the Move up buttons. */
async function reorder(canvasElement: HTMLElement, items: string[], order: number[]): Promise<void> {
  const { root } = await openTyped(canvasElement);
  const rows = () => [...root.querySelectorAll('.ordering li')];
  const at = (item: string) => rows().findIndex((row) => row.querySelector('.item')!.textContent!.trim() === item);
  for (const [place, index] of order.entries()) {
    const item = items[index]!;
    while (at(item) > place) {
      const from = at(item);
      await userEvent.click(rows()[from]!.querySelectorAll<HTMLButtonElement>('button.step')[0]!);
      await waitFor(() => expect(at(item)).toBe(from - 1));
    }
  }
}

/** Chooses, for each matching row in turn, the right-hand item with this text. */
async function match(canvasElement: HTMLElement, answers: string[]): Promise<void> {
  const { root } = await openTyped(canvasElement);
  for (const [row, answer] of answers.entries()) {
    const select = root.querySelectorAll<HTMLSelectElement>('.matching select')[row]!;
    await userEvent.selectOptions(select, [...select.options].find((option) => option.text === answer)!);
  }
}

const typed = (question: string, lang?: 'zh-CN'): CardArgs => ({ bank: lang ? TYPES_ZH : TYPES, question, lang, noProgress: true });

/** Two large buttons; T and F answer from anywhere in the card. */
export const TrueFalse: Story = { name: 'True/false', args: typed('one-token-per-word') };

export const TrueFalseRight: Story = {
  name: 'True/false: right',
  args: TrueFalse.args,
  play: async ({ canvasElement, args }) => {
    await judge(canvasElement, shownQuestion(args).isTrue!);
    await checkTyped(canvasElement, 'right');
  },
};

/** Wrong: the right button is marked, and the explanation follows. */
export const TrueFalseWrong: Story = {
  name: 'True/false: wrong',
  args: TrueFalse.args,
  play: async ({ canvasElement, args }) => {
    await judge(canvasElement, !shownQuestion(args).isTrue);
    await checkTyped(canvasElement, 'wrong');
  },
};

export const TrueFalseChinese: Story = { name: 'True/false (中文)', args: typed('one-token-per-word', 'zh-CN') };

export const TrueFalseWrongChinese: Story = { ...TrueFalseWrong, name: 'True/false: wrong (中文)', args: TrueFalseChinese.args };

/** A field in each blank of the sentence, with a hint. */
export const FillIn: Story = { name: 'Fill-in (two blanks)', args: typed('attention-blanks') };

/** Right, with the second spelling the bank accepts for the second blank. */
export const FillInRight: Story = {
  name: 'Fill-in: right',
  args: FillIn.args,
  play: async ({ canvasElement, args }) => {
    const blanks = shownQuestion(args).blanks!;
    await fillIn(canvasElement, blanks[0]!.accept[0]!, blanks[1]!.accept.at(-1)!);
    await checkTyped(canvasElement, 'right');
  },
};

/** One blank of two: the wrong one shows the answer it wanted. */
export const FillInPartlyRight: Story = {
  name: 'Fill-in: partly right',
  args: FillIn.args,
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement, shownQuestion(args).blanks![0]!.accept[0]!, 'value');
    await checkTyped(canvasElement, 50);
  },
};

export const FillInWrong: Story = {
  name: 'Fill-in: wrong',
  args: FillIn.args,
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, 'value', 'weight');
    await checkTyped(canvasElement, 'wrong');
  },
};

export const FillInChinese: Story = { name: 'Fill-in (中文)', args: typed('attention-blanks', 'zh-CN') };

export const FillInPartlyRightChinese: Story = { ...FillInPartlyRight, name: 'Fill-in: partly right (中文)', args: FillInChinese.args };

/** A fill-in without blanks in its prompt: one field after the question. */
export const ShortAnswer: Story = { name: 'Short answer', args: typed('vocabulary') };

/** Right in another case and with another accepted spelling. */
export const ShortAnswerRight: Story = {
  name: 'Short answer: right',
  args: ShortAnswer.args,
  play: async ({ canvasElement, args }) => {
    await fillIn(canvasElement, shownQuestion(args).blanks![0]!.accept.at(-1)!.toUpperCase());
    await checkTyped(canvasElement, 'right');
  },
};

export const ShortAnswerWrong: Story = {
  name: 'Short answer: wrong',
  args: ShortAnswer.args,
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, 'dictionary');
    await checkTyped(canvasElement, 'wrong');
  },
};

export const ShortAnswerRightChinese: Story = { ...ShortAnswerRight, name: 'Short answer: right (中文)', args: typed('vocabulary', 'zh-CN') };

/** A number with a tolerance; the unit shows after the field. */
export const Numeric: Story = { name: 'Numeric', args: typed('context-words') };

/** Within the tolerance, typed with a decimal comma and the unit. */
export const NumericRight: Story = {
  name: 'Numeric: right',
  args: Numeric.args,
  play: async ({ canvasElement, args }) => {
    const { value, tolerance, unit } = shownQuestion(args).numeric!;
    await fillIn(canvasElement, `${value! + tolerance! / 2},5 ${unit}`);
    await checkTyped(canvasElement, 'right');
  },
};

/** Outside the tolerance: the right answer is written under the field. */
export const NumericWrong: Story = {
  name: 'Numeric: wrong',
  args: Numeric.args,
  play: async ({ canvasElement }) => {
    await fillIn(canvasElement, '8000');
    await checkTyped(canvasElement, 'wrong');
  },
};

export const NumericChinese: Story = { name: 'Numeric (中文)', args: typed('context-words', 'zh-CN') };

export const NumericWrongChinese: Story = { ...NumericWrong, name: 'Numeric: wrong (中文)', args: NumericChinese.args };

/** Shuffled items with a handle (keyboard pick-up, pointer drag) and Move up / Move down buttons. */
export const Ordering: Story = { name: 'Ordering', args: typed('next-token-steps') };

export const OrderingRight: Story = {
  name: 'Ordering: right',
  args: Ordering.args,
  play: async ({ canvasElement, args }) => {
    const items = shownQuestion(args).items!;
    await reorder(canvasElement, items, items.map((_, i) => i));
    await checkTyped(canvasElement, 'right');
  },
};

/** The last two steps swapped: three of five in place, each item marked. */
export const OrderingPartlyRight: Story = {
  name: 'Ordering: partly right',
  args: Ordering.args,
  play: async ({ canvasElement, args }) => {
    await reorder(canvasElement, shownQuestion(args).items!, [0, 1, 2, 4, 3]);
    await checkTyped(canvasElement, 60);
  },
};

/** Every step one place off: each item says where it belongs. */
export const OrderingWrong: Story = {
  name: 'Ordering: wrong',
  args: Ordering.args,
  play: async ({ canvasElement, args }) => {
    await reorder(canvasElement, shownQuestion(args).items!, [4, 0, 1, 2, 3]);
    await checkTyped(canvasElement, 'wrong');
  },
};

export const OrderingChinese: Story = { name: 'Ordering (中文)', args: typed('next-token-steps', 'zh-CN') };

export const OrderingPartlyRightChinese: Story = { ...OrderingPartlyRight, name: 'Ordering: partly right (中文)', args: OrderingChinese.args };

/** A select per item and answer chips to drag; one answer (a distractor) belongs to no pair. */
export const Matching: Story = { name: 'Matching', args: typed('model-parts') };

export const MatchingRight: Story = {
  name: 'Matching: right',
  args: Matching.args,
  play: async ({ canvasElement, args }) => {
    await match(canvasElement, shownQuestion(args).pairs!.map((pair) => pair.right));
    await checkTyped(canvasElement, 'right');
  },
};

/** The distractor chosen for one row: two of three pairs right, the wrong row shows its partner. */
export const MatchingPartlyRight: Story = {
  name: 'Matching: partly right',
  args: Matching.args,
  play: async ({ canvasElement, args }) => {
    const { pairs, distractors } = shownQuestion(args);
    await match(canvasElement, [pairs![0]!.right, distractors![0]!, pairs![2]!.right]);
    await checkTyped(canvasElement, 67);
  },
};

export const MatchingWrong: Story = {
  name: 'Matching: wrong',
  args: Matching.args,
  play: async ({ canvasElement, args }) => {
    const { pairs, distractors } = shownQuestion(args);
    await match(canvasElement, [pairs![1]!.right, distractors![0]!, pairs![0]!.right]);
    await checkTyped(canvasElement, 'wrong');
  },
};

export const MatchingChinese: Story = { name: 'Matching (中文)', args: typed('model-parts', 'zh-CN') };

export const MatchingPartlyRightChinese: Story = { ...MatchingPartlyRight, name: 'Matching: partly right (中文)', args: MatchingChinese.args };

/** A type from a newer version of the format is asked as a flashcard, with its written-out answer. */
export const UnknownType: Story = {
  name: 'Unknown type (asked as a flashcard)',
  render: (args) =>
    card(
      args,
      html`<script type="application/json">
        {
          "id": "encoder-block",
          "type": "hotspot",
          "title": "Where is the encoder?",
          "prompt": "Click the encoder in the diagram of a transformer.",
          "answer": "The left-hand stack: it reads the input before the decoder writes the output."
        }
      </script>`,
    ),
};

// --- practice set to the end ------------------------------------------------------------------

/** A two-question set played through: one graded flashcard, one checked choice, then the summary. */
export const Summary: Story = {
  args: { bank: FIXTURE, count: 2 },
  play: async ({ canvasElement }) => {
    await reveal(canvasElement);
    await grade(canvasElement, 'hard');
    await choose(canvasElement, /F1 score/);
    const { ui, s } = await openCard(canvasElement);
    await expect(ui.getByRole('heading', { name: resultStrings(s.lang).summaryTitle })).toBeTruthy();
  },
};

export const SummaryChineseUi: Story = { ...Summary, name: 'Summary (中文 UI)', args: { ...Summary.args, lang: 'zh-CN' } };

// --- learner progress -----------------------------------------------------------------------------
// Stories with progress get a store of their own over a storage in memory (with a clock fixed when
// the story loads), so what they show does not depend on what was practised in other stories.

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Earlier today, whatever the time: an hour ago, or half the time since midnight when that is less. */
const EARLIER_TODAY = Math.min(HOUR, (Date.now() - new Date().setHours(0, 0, 0, 0)) / 2);


/** A store holding these answers to the fixture, `ago` ms before now. */
async function storeWith(answers: [questionId: string, grade: Grade, ago: number][], storage: ProgressStorage = memoryStorage()): Promise<ProgressStore> {
  const now = Date.now();
  const store = new ProgressStore({ storage, now: () => now });
  for (const [questionId, grade, ago] of answers) await store.record(demoBank.id, questionId, grade, { at: now - ago });
  return store;
}

type Loaded = { store?: ProgressStore };
const withStore = (answers: Parameters<typeof storeWith>[0], storage?: ProgressStorage) => ({
  loaders: [async (): Promise<Loaded> => ({ store: await storeWith(answers, storage) })],
  render: (args: CardArgs, { loaded }: { loaded: Loaded }) => card(args, undefined, loaded.store),
});

/** A review: two questions are due (oldest first), then one new question (`new-per-day="1"`); one more waits. */
export const ReviewSomeDue: Story = {
  name: 'Review: some due',
  args: { bank: FIXTURE, mode: 'review', newPerDay: 1 },
  ...withStore([
    ['overfitting', 'good', 3 * DAY],
    ['softmax', 'hard', 2 * DAY],
    ['metric', 'easy', 2 * DAY],
  ]),
  play: async ({ canvasElement }) => {
    const { ui, s } = await openCard(canvasElement);
    await expect(ui.getByText(s.reviewQueue(2, 1))).toBeTruthy();
    await expect(ui.getByText(s.statusLabels.due)).toBeTruthy();
  },
};

/** Nothing is due, today's one new question was answered earlier today, and the card says when to come back. */
export const ReviewEmptyQueue: Story = {
  name: 'Review: nothing due',
  args: { bank: FIXTURE, mode: 'review', newPerDay: 1 },
  ...withStore([
    ['overfitting', 'easy', 3 * DAY],
    ['metric', 'easy', 2 * DAY],
    ['softmax', 'easy', EARLIER_TODAY],
  ]),
  play: async ({ canvasElement }) => {
    const { ui, s } = await openCard(canvasElement);
    await expect(ui.getByRole('heading', { name: s.reviewEmptyTitle })).toBeTruthy();
  },
};

export const ReviewEmptyQueueChineseUi: Story = { ...ReviewEmptyQueue, name: 'Review: nothing due (中文 UI)', args: { ...ReviewEmptyQueue.args, lang: 'zh-CN' } };

/** The answer shown on a question in a practice set: each grade button says when the question would come back (a one-off `question=` card does not). */
export const GradeIntervals: Story = {
  name: 'Grade buttons with intervals',
  args: { bank: FIXTURE, count: 1 },
  ...withStore([
    ['overfitting', 'good', 3 * DAY],
    ['overfitting', 'good', 3 * DAY - 10 * MINUTE],
  ]),
  play: async ({ canvasElement }) => {
    await reveal(canvasElement);
    const { card } = await openCard(canvasElement);
    await waitFor(() => expect(card.shadowRoot!.querySelectorAll('[part~="interval"]')).toHaveLength(4));
  },
};

export const GradeIntervalsChineseUi: Story = { ...GradeIntervals, name: 'Grade buttons with intervals (中文 UI)', args: { ...GradeIntervals.args, lang: 'zh-CN' } };

/** Browser storage blocked (every call throws): the card keeps working in memory and says so once. */
export const StorageUnavailable: Story = {
  name: 'Storage unavailable',
  args: { bank: FIXTURE, question: 'overfitting' },
  ...withStore([], {
    keys: () => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    },
    get: () => null,
    set: () => undefined,
    remove: () => undefined,
    watch: () => () => undefined,
  }),
  play: async ({ canvasElement }) => {
    const { ui, s } = await openCard(canvasElement);
    await expect(ui.getByText(s.progressNotSaved)).toBeTruthy();
  },
};

/**
 * Learning records asked for (`configureLearningRecords('launch')`) on a page opened without an
 * LRS in its address: the card still works and says, politely, that results are not reported.
 */
export const RecordsNotReported: Story = {
  name: 'Learning records: opened without an LRS',
  args: { bank: FIXTURE, question: 'overfitting', noProgress: true },
  beforeEach: () => () => {
    recordsNotes.render = undefined; // the next story starts with no learning records
  },
  play: async ({ canvasElement }) => {
    const { card } = await openCard(canvasElement);
    await configureLearningRecords('launch').catch(() => undefined);
    await waitFor(() => expect(card.shadowRoot!.querySelector('[data-records-note="launch"]')).toBeTruthy());
  },
};

export const RecordsNotReportedChineseUi: Story = { ...RecordsNotReported, name: 'Learning records: opened without an LRS (中文 UI)', args: { ...RecordsNotReported.args, lang: 'zh-CN' } };

/** A set played through: the summary lists when each answered question comes back. */
export const SummaryWithSchedule: Story = {
  name: 'Summary with schedule',
  args: { bank: FIXTURE, count: 2 },
  ...withStore([['metric', 'good', 3 * DAY]]),
  play: async ({ canvasElement }) => {
    await reveal(canvasElement);
    await grade(canvasElement, 'good');
    await choose(canvasElement, /F1 score/);
    const { ui, s } = await openCard(canvasElement);
    await expect(ui.getByRole('table', { name: resultStrings(s.lang).scheduleTitle })).toBeTruthy();
  },
};

export const SummaryWithScheduleChineseUi: Story = { ...SummaryWithSchedule, name: 'Summary with schedule (中文 UI)', args: { ...SummaryWithSchedule.args, lang: 'zh-CN' } };

// --- inline sources ---------------------------------------------------------------------------

/** A single question written in the page, no bank file needed. */
export const InlineJson: Story = {
  name: 'Inline JSON',
  render: (args) =>
    card(
      args,
      html`<script type="application/json">
        {
          "id": "tokens",
          "title": "What is a token?",
          "prompt": "Explain what a **token** is to a language model.",
          "answer": "A unit of text (a word, part of a word or a character) that the model reads and writes as one id."
        }
      </script>`,
    ),
};

/** A Q&A document in markdown, imported in the browser. */
export const InlineMarkdown: Story = {
  args: { lang: 'zh-CN' },
  render: (args) =>
    card(
      args,
      html`<script type="text/markdown">
# 大模型基础

### 1. 什么是 Transformer？

**答案：** 一种基于自注意力机制的神经网络结构。

### 2. 什么是 tokenizer？

**答案：** 把文本切分成模型词表中的 token 的组件。
</script>`,
    ),
};

/** A quiz written as a markdown task list (quizdown style): a hint before the options, an explanation after. */
export const InlineTaskListQuiz: Story = {
  name: 'Inline task-list quiz (hint and explanation)',
  render: (args) =>
    card(
      args,
      html`<script type="text/markdown">
        :::quizdown
        ## Which planet is closest to the sun?

        > It is also the smallest planet.

        1. [x] Mercury
        1. [ ] Venus
        1. [ ] Mars

        > Mercury orbits the sun at about 0.39 AU.
        :::
      </script>`,
    ),
};

/** The same quiz checked: the right choice marked, then the explanation the document gave. */
export const InlineTaskListQuizChecked: Story = {
  ...InlineTaskListQuiz,
  name: 'Inline task-list quiz checked',
  play: async ({ canvasElement }) => {
    await choose(canvasElement, /Venus/);
    const { card } = await openCard(canvasElement);
    await waitFor(() => expect(card.shadowRoot!.querySelector('[part~="explanation"]')).toHaveTextContent(/0\.39 AU/), { timeout: 5000 });
  },
};

/** LiaScript checkboxes with one right option: "select all that apply" stays checkboxes. */
export const InlineSelectAllThatApply: Story = {
  name: 'Inline LiaScript quiz (select all that apply)',
  render: (args) =>
    card(
      args,
      html`<script type="text/markdown">
        ## Gas giants

        Which of these are gas giants?

        - [[X]] Jupiter
        - [[ ]] Mars
        - [[ ]] Venus
      </script>`,
    ),
  play: async ({ canvasElement }) => {
    const { card, s } = await openCard(canvasElement);
    await expect(card.shadowRoot!.querySelectorAll('input[type="checkbox"]')).toHaveLength(3);
    await expect(card.shadowRoot!.querySelector('legend')).toHaveTextContent(s.chooseAll);
  },
};

/** Moodle GIFT inline, imported in the browser. */
export const InlineGift: Story = {
  name: 'Inline GIFT',
  render: (args) =>
    card(
      args,
      html`<script type="text/gift">
        ::Capital:: What is the capital of France? {
          =Paris #Right: Paris has been the capital since 987.
          ~Lyon
          ~Nice
        }
      </script>`,
    ),
};

// --- loading and errors -----------------------------------------------------------------------

/** The skeleton, kept on screen by a fetch that never answers (timeout 0 waits forever). */
export const Loading: Story = {
  args: { src: 'quiz-data/banks/never-answers.json', timeout: 0 },
  parameters: { smoke: { shows: 'loading' } satisfies CardSmoke },
  beforeEach: fetchNeverAnswers,
};

/** A src that does not exist: the status code, the URL, and Retry. */
export const ErrorNotFound: Story = {
  name: 'Error: 404',
  args: { src: 'quiz-data/banks/missing.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /\b404\b/, /quiz-data\/banks\/missing\.json/], retry: true } satisfies CardSmoke },
};

export const ErrorNotFoundChineseUi: Story = { ...ErrorNotFound, name: 'Error: 404 (中文 UI)', args: { ...ErrorNotFound.args, lang: 'zh-CN' } };

/** JSON that is not a question bank (the importer's topic rules): what is wrong, and where. */
export const ErrorNotABank: Story = {
  name: 'Error: not a bank',
  args: { src: 'quiz-data/topics.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /quiz-data\/topics\.json/], retry: true } satisfies CardSmoke },
};

/** The catalog instead of one of its banks: the message names a bank to use. */
export const ErrorCatalogNotBank: Story = {
  name: 'Error: a catalog, not a bank',
  args: { src: 'quiz-data/banks/index.json' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /banks\/index\.json/, /quiz-catalog\/1/], retry: true } satisfies CardSmoke },
};

/** A bundled bank id that does not exist lists the ones that do. */
export const ErrorUnknownBundledBank: Story = {
  name: 'Error: unknown bundled bank',
  args: { bank: 'no-such-bank' },
  parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, /no-such-bank/, /llm-fundamentals/], retry: true } satisfies CardSmoke },
};

/** No src, bank or inline source: a page-author mistake, without Retry. */
export const ErrorNoSource: Story = { name: 'Error: no source', parameters: { smoke: { shows: 'alert', says: (s) => [s.errorTitle, s.noSource], retry: false } satisfies CardSmoke } };

// --- look ---------------------------------------------------------------------------------------

/** theme="dark" on a dark page, with highlighted Python. */
export const DarkTheme: Story = {
  args: { ...CodingQuestion.args, theme: 'dark' },
  decorators: [darkPage],
  parameters: { layout: 'fullscreen' },
  play: ({ canvasElement }) => reveal(canvasElement),
};

export const DarkThemeChoiceChecked: Story = {
  ...MultipleChoiceChecked,
  args: { ...MultipleChoice.args, theme: 'dark' },
  decorators: [darkPage],
  parameters: { layout: 'fullscreen' },
};

/** A 320 px column, the narrowest phone. */
export const Narrow: Story = {
  name: 'Narrow (320 px)',
  args: { ...CodingQuestion.args },
  decorators: [narrow(320)],
  play: ({ canvasElement }) => reveal(canvasElement),
};

// --- math (issue 17) -----------------------------------------------------------------------------

/** A bank whose prompt and answer hold TeX: `$…$` inline, `$$…$$` display, a price that stays text. */
const mathBank = (lang: 'en' | 'zh-CN'): Bank => ({
  format: 'quiz-bank/1',
  id: `math-${lang.toLowerCase()}`,
  title: lang === 'en' ? 'Math' : '数学',
  language: lang,
  topics: [{ id: 'attention', title: lang === 'en' ? 'Attention' : '注意力' }],
  questions: [
    {
      id: 'scaled-attention',
      kind: 'concept',
      topics: ['attention'],
      title: lang === 'en' ? 'Why scale by √d_k?' : '为什么要除以 √d_k？',
      prompt:
        lang === 'en'
          ? 'Scaled dot-product attention, with $d_k$ the key size (a GPU hour costs $2 and $3 here: text):\n\n$$\n\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V\n$$\n\nWhy divide by $\\sqrt{d_k}$?'
          : '缩放点积注意力，$d_k$ 是键的维度：\n\n$$\n\\mathrm{Attention}(Q,K,V)=\\mathrm{softmax}\\left(\\frac{QK^\\top}{\\sqrt{d_k}}\\right)V\n$$\n\n为什么要除以$\\sqrt{d_k}$？',
      answer:
        lang === 'en'
          ? 'If the entries of $q$ and $k$ have variance 1, $q\\cdot k=\\sum_{i=1}^{d_k} q_i k_i$ has variance $d_k$: large logits push the softmax into regions with tiny gradients.'
          : '若$q$与$k$的各分量方差为 1，则$q\\cdot k=\\sum_{i=1}^{d_k} q_i k_i$的方差为$d_k$：过大的 logits 会让 softmax 饱和、梯度变小。',
    },
  ],
});

/** TeX in a prompt and its answer: MathML once the math chunk loads, the TeX as code until then. */
export const MathInPrompt: Story = {
  name: 'Math in the prompt (en)',
  args: { bank: mathBank('en'), lang: 'en', noProgress: true },
  play: async ({ canvasElement }) => {
    const { card } = await openCard(canvasElement);
    await waitFor(() => expect(card.shadowRoot!.querySelectorAll('[part~="prompt"] math').length).toBe(3), { timeout: 10_000 });
    await expect(card.shadowRoot!.querySelector('[part~="prompt"]')).toHaveTextContent(/costs \$2 and \$3 here/);
  },
};

export const MathInPromptChinese: Story = {
  name: 'Math in the prompt (中文)',
  args: { bank: mathBank('zh-CN'), lang: 'zh-CN', noProgress: true },
  play: async ({ canvasElement }) => {
    const { card } = await openCard(canvasElement);
    await waitFor(() => expect(card.shadowRoot!.querySelectorAll('[part~="prompt"] math').length).toBe(3), { timeout: 10_000 });
  },
};
