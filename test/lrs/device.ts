// One learner's device for the two-device test (src/records/learning-records-sync.test.ts): a card
// with progress, learning records configured with `syncProgress`, and the test's commands by
// postMessage (the page runs on another origin than the test, so it has its own localStorage).
// `grade` answers questions through the card as a learner would: Show answer, then Good.
import type { Bank } from '../../src/bank/types.js';
import '../../src/elements/quiz-card/quiz-card.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { ProgressStore } from '../../src/progress/store.js';
import { configureLearningRecords } from '../../src/records/learning-records.js';

const params = new URLSearchParams(location.search);
const progressKey = params.get('key')!;
export const bank: Bank = {
  format: 'quiz-bank/1',
  id: 'devices',
  title: 'Devices',
  language: 'en',
  topics: [{ id: 't', title: 'T' }],
  questions: Array.from({ length: 8 }, (_, i) => ({ id: `q${i + 1}`, kind: 'concept' as const, title: `Question ${i + 1}`, prompt: `Prompt ${i + 1}?`, answer: `Answer ${i + 1}.`, topics: ['t'] })),
};

const card = document.createElement('quiz-card') as QuizCard;
card.bank = bank;
card.progressKey = progressKey;
card.question = 'q1';
document.body.append(card);

const records = await configureLearningRecords(
  { endpoint: params.get('endpoint')!, auth: params.get('auth')!, actor: JSON.parse(params.get('actor')!) },
  { syncProgress: true },
);

const buttonNamed = (name: RegExp) => [...card.shadowRoot!.querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''));
async function until<T>(find: () => T | undefined | null, what: string): Promise<T> {
  for (let i = 0; i < 250; i++) {
    const found = find();
    if (found) return found;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`${location.origin}: ${what} did not show`);
}

async function grade(ids: string[]): Promise<void> {
  for (const id of ids) {
    card.question = id;
    await card.updateComplete;
    await until(() => card.shadowRoot!.querySelector('[part~="title"]')?.textContent?.includes(`Question ${id.slice(1)}`), `question ${id}`);
    (await until(() => buttonNamed(/Show answer/), 'Show answer')).click();
    await card.updateComplete;
    (await until(() => buttonNamed(/Good/), 'Good')).click();
    await card.updateComplete;
  }
}

addEventListener('message', async (event: MessageEvent<{ grade?: string[]; sync?: boolean }>) => {
  try {
    if (event.data.grade) await grade(event.data.grade);
    await records.flush(); // statements sent and progress synced
    const store = ProgressStore.shared(progressKey);
    event.source!.postMessage({ exported: store.exportData() }, { targetOrigin: event.origin });
  } catch (error) {
    event.source!.postMessage({ error: String((error as Error)?.stack ?? error) }, { targetOrigin: event.origin });
  }
});
parent.postMessage({ ready: true }, '*');
