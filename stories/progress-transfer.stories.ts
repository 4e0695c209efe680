import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, waitFor, within } from 'storybook/test';
import '../src/elements/progress-transfer/progress-transfer.js';
import type { ProgressTransfer } from '../src/elements/progress-transfer/progress-transfer.js';
import { collectionStrings, type CollectionStrings } from '../src/i18n/collection.js';
import type { UiStrings } from '../src/i18n/strings.js';
import { memoryStorage } from '../src/progress/memory-storage.js';
import { ProgressStore } from '../src/progress/store.js';
import { answerUntil } from '../test/progress-states.js';
import { darkPage, phone } from './fixtures.js';
import { expectNoTabStop, focusStoryStart, tabTo, uiStrings } from './smoke.js';

type Strings = UiStrings & CollectionStrings;

/** The stories' clock: Monday 23 November 2026, 09:00 local time. */
const STORY_NOW = new Date(2026, 10, 23, 9, 0).getTime();

/** A store with three answered questions (one due, one mastered, one learning). */
async function learnerStore(): Promise<ProgressStore> {
  const store = new ProgressStore({ storage: memoryStorage(), now: () => STORY_NOW, progressKey: 'stories' });
  await answerUntil(store, 'story-demo', 'overfitting', 'due', STORY_NOW);
  await answerUntil(store, 'story-demo', 'dropout', 'mastered', STORY_NOW);
  await answerUntil(store, 'story-demo', 'kv-cache', 'learning', STORY_NOW);
  return store;
}

interface TransferArgs {
  progressKey?: string;
  /** Set by the stories' loader. */
  progressStore?: ProgressStore;
  noProgress?: boolean;
  theme?: 'light' | 'dark';
  /** The element's own UI language; without it, it follows the page (toolbar globe). */
  lang?: string;
}

const transfer = (args: TransferArgs) => html`
  <quiz-progress-transfer
    progress-key=${ifDefined(args.progressKey)}
    .progressStore=${args.progressStore}
    ?no-progress=${args.noProgress}
    theme=${ifDefined(args.theme)}
    lang=${ifDefined(args.lang)}
  ></quiz-progress-transfer>
`;

async function openTransfer(canvasElement: HTMLElement): Promise<{ el: ProgressTransfer; ui: ReturnType<typeof within>; s: Strings }> {
  const el = canvasElement.querySelector('quiz-progress-transfer')!;
  const s = collectionStrings(await uiStrings(el));
  await waitFor(() => expect(el.shadowRoot?.querySelector('button')).toBeTruthy());
  return { el, ui: within(el.shadowRoot as unknown as HTMLElement), s };
}

/** Hands `text` to the file field as if the learner picked a file named `name`. */
function chooseFile(el: ProgressTransfer, name: string, text: string): void {
  const input = el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/json' }));
  input.files = files.files;
  input.dispatchEvent(new Event('change', { bubbles: true }));
}

/** The play of every story without its own: both buttons, reached with Tab in that order, and an empty status line. */
async function smoke({ canvasElement }: StoryContext<TransferArgs>): Promise<void> {
  const { el, ui, s } = await openTransfer(canvasElement);
  const exportButton = ui.getByRole('button', { name: s.exportProgress });
  const importButton = ui.getByRole('button', { name: s.importProgress });
  await expect(ui.getByRole('status')).toHaveTextContent('');
  focusStoryStart(canvasElement);
  await tabTo(el, (element) => element === exportButton, s.exportProgress);
  await tabTo(el, (element) => element === importButton, s.importProgress);
}


const meta: Meta<TransferArgs> = {
  title: 'Elements/quiz-progress-transfer',
  component: 'quiz-progress-transfer',
  tags: ['autodocs'],
  render: (args, { loaded }) => transfer({ ...args, progressStore: loaded.progressStore as ProgressStore }),
  play: (context) => smoke(context),
  loaders: [async () => ({ progressStore: await learnerStore() })],
  argTypes: {
    progressKey: { name: 'progress-key', control: 'text', description: "Whose progress (the page's store for this key, in localStorage)" },
    progressStore: { control: false },
    noProgress: { name: 'no-progress', control: 'boolean' },
    theme: { control: 'inline-radio', options: [undefined, 'light', 'dark'] },
    lang: { control: 'inline-radio', options: [undefined, 'en', 'zh-CN'] },
  },
};
export default meta;

type Story = StoryObj<TransferArgs>;

export const Default: Story = { args: { lang: 'en' } };

export const ChineseUi: Story = { args: { lang: 'zh-CN' } };

export const Dark: Story = { args: { lang: 'en', theme: 'dark' }, decorators: [darkPage], parameters: { layout: 'fullscreen' } };

/** A phone's width: the buttons fit, and two lines are kept for the message. */
export const Phone: Story = { args: { lang: 'zh-CN' }, decorators: [phone] };

/** A progress file merged in: the status line says how many questions it added, updated or kept. */
export const Imported: Story = {
  args: { lang: 'en' },
  play: async ({ canvasElement, loaded }) => {
    const { el, ui, s } = await openTransfer(canvasElement);
    const other = new ProgressStore({ storage: memoryStorage(), now: () => STORY_NOW, progressKey: 'other' });
    await answerUntil(other, 'story-demo', 'regularization', 'learning', STORY_NOW);
    chooseFile(el, 'progress.json', JSON.stringify({ ...(loaded.progressStore as ProgressStore).exportData(), questions: [...other.exportData().questions] }));
    await waitFor(() => expect(ui.getByRole('status')).toHaveTextContent(s.importedProgress({ added: 1, updated: 0, kept: 0 })));
  },
};

/** A file that is not a progress export: an alert names the file and why; nothing changes. */
export const ImportRefused: Story = {
  args: { lang: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const { el, ui, s } = await openTransfer(canvasElement);
    chooseFile(el, 'notes.json', '{"format": "something-else", "questions": []}');
    const alert = await ui.findByRole('alert');
    await expect(alert).toHaveTextContent(s.importProgressFailed('notes.json', s.progressFileProblems['not-progress']));
    await expect(within(alert).getByRole('button', { name: s.dismiss })).toBeVisible();
  },
};

/** With `no-progress`: nothing at all. */
export const NoProgress: Story = {
  args: { lang: 'en', noProgress: true },
  play: async ({ canvasElement }) => {
    const el = canvasElement.querySelector('quiz-progress-transfer')!;
    await expect(el.shadowRoot!.querySelector('button')).toBeNull();
    await expectNoTabStop(canvasElement, el);
  },
};
