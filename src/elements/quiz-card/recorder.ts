/**
 * The card's side of learner progress: saving each answer to the store (and taking it back on
 * Undo), and asking the store when a question would come back after each grade. It only runs
 * when progress is kept, so it is a chunk of its own, loaded with the store's code.
 */
import type { Grade } from '../../practice/practice-set.js';
import type { ProgressStore } from '../../progress/store.js';
import type { QuestionProgress, UndoneReview } from '../../progress/types.js';

/** What to pass to `store.undo()` once an answer is recorded. */
export interface Recorded {
  store: ProgressStore;
  bankId: string;
  questionId: string;
  review: UndoneReview;
  previous: QuestionProgress | undefined;
}

/** One answer of the set on its way to the store, so Undo can take it back and the summary can say when it comes back. */
export interface Recording {
  /** Position in the set. */
  index: number;
  /** `off`: nothing recorded (no store); kept so each Undo still takes back its own step. */
  status: 'pending' | 'saved' | 'failed' | 'off';
  /** Null if the answer could not be recorded. */
  done: Promise<Recorded | null>;
}

/** What recording needs from the card. */
export interface RecordingHost {
  /** The store in use, or null while its code loads (`deferred`) or with no progress. */
  store: ProgressStore | null;
  /** No progress stored yet for this key: the store's code loads on the first answer. */
  deferred: boolean;
  loadStore(): Promise<ProgressStore | null>;
  /** Says (once, visibly) that an answer was not recorded. */
  failed(error: unknown): void;
  requestUpdate(): void;
}

/**
 * Saves one answer given at `at` (when the learner answered, not when this chunk arrived: two
 * tabs answering a millisecond apart stay two answers); never throws, and a failure only calls `host.failed`.
 */
export function record(host: RecordingHost, recording: Recording, bankId: string, questionId: string, grade: Grade, at: number, correct?: boolean): Promise<Recorded | null> {
  const fail = (error: unknown) => {
    recording.status = 'failed';
    host.failed(error);
    host.requestUpdate();
    return null;
  };
  const save = (store: ProgressStore): Promise<Recorded | null> => {
    try {
      const previous = store.get(bankId, questionId);
      return store.record(bankId, questionId, grade, correct === undefined ? { at } : { at, correct }).then(() => {
        recording.status = 'saved';
        host.requestUpdate(); // the summary may be waiting for it
        return { store, bankId, questionId, review: { at, grade }, previous };
      }, fail);
    } catch (error) {
      return Promise.resolve(fail(error));
    }
  };
  if (host.store) return save(host.store);
  // The first answer on a page with no stored progress: load the store's code, then record.
  // Progress was wanted, so no store means its code could not be downloaded: say so.
  return host.loadStore().then((store) => (store ? save(store) : fail(new Error('the progress store could not be loaded'))));
}

/** Takes a recorded answer back out of the store. */
export function takeBack(recorded: Recorded): void {
  try {
    void recorded.store
      .undo(recorded.bankId, recorded.questionId, recorded.review, recorded.previous)
      .catch((error: unknown) => console.warn('quiz-elements: an answer could not be taken back from progress', error));
  } catch (error) {
    console.warn('quiz-elements: an answer could not be taken back from progress', error);
  }
}

export type Preview = { at: number; due: Record<Grade, number> };

/** When each question would come back after each grade, asked of the store once per question and change. */
export class GradePreviews {
  private readonly previews = new Map<string, Preview | 'pending' | 'failed'>();
  private generation = 0;

  /** Progress changed: ask again. */
  forget(): void {
    this.previews.clear();
    this.generation++;
  }

  request(store: ProgressStore, bankId: string, questionId: string, done: () => void): void {
    const ref = `${bankId}/${questionId}`;
    if (this.previews.has(ref)) return;
    this.previews.set(ref, 'pending');
    const generation = this.generation;
    const settle = (value: Preview | 'failed') => {
      if (generation !== this.generation) return;
      this.previews.set(ref, value);
      done();
    };
    try {
      const at = store.now();
      store.preview(bankId, questionId, at).then((due) => settle({ at, due }), () => settle('failed'));
    } catch {
      settle('failed');
    }
  }

  of(bankId: string, questionId: string): Preview | null {
    const preview = this.previews.get(`${bankId}/${questionId}`);
    return preview && typeof preview === 'object' ? preview : null;
  }
}
