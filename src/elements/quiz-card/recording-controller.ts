import type { ReactiveControllerHost } from 'lit';
import { LazyChunk } from '../../lazy.js';
import type { Grade } from '../../practice/practice-set.js';
import type { QuestionStatus } from '../../progress/types.js';
import type { ProgressController } from '../progress-controller.js';
import type { GradePreviews, Preview, Recording, RecordingHost } from './recorder.js';

/** Saving answers and previewing grades: loaded with the store's code (or on the first answer). */
const recorderChunk = new LazyChunk(() => import('./recorder.js'), 'progress recording');

/**
 * The card's learner records, in one place: each answer recorded in the store (one `Recording`
 * per undoable step, so Undo takes back its own), the note when one could not be, the grade
 * buttons' previews ("Good 3 d") and the shown question's status. The saving code is a chunk
 * (`recorder.ts`), loaded with the store.
 */
export class RecordingController {
  /** One per undoable step of the session, in order (the summary reads when each comes back). */
  recordings: Recording[] = [];
  /** An answer of this card could not be recorded: the card shows a note of its own. */
  failed = false;
  /** When the shown question would come back after each grade (with the recorder's code). */
  #previews: GradePreviews | null = null;

  readonly #host: ReactiveControllerHost;
  readonly #progress: ProgressController;

  constructor(host: ReactiveControllerHost, progress: ProgressController) {
    this.#host = host;
    this.#progress = progress;
  }

  /** A new session: nothing of it is recorded yet. */
  reset(): void {
    this.recordings = [];
  }

  /** Progress changed (or the store did): previews are asked again. */
  forgetPreviews(): void {
    this.#previews?.forget();
  }

  /** Records an answer; never throws, and a failure only sets `failed` (the card's note). */
  record(index: number, bankId: string, questionId: string, grade: Grade, correct?: boolean): void {
    const store = this.#progress.store;
    const wanted = !!store || this.#progress.deferred;
    const recording: Recording = { index, status: wanted ? 'pending' : 'off', done: Promise.resolve(null) };
    this.recordings.push(recording);
    if (!wanted) return;
    let at: number;
    try {
      at = store ? store.now() : Date.now(); // a deferred store is the page's own, on the page's clock
    } catch {
      at = Date.now();
    }
    recording.done = recorderChunk.request().then((recorder) => {
      if (recorder) return recorder.record(this.#recordingHost, recording, bankId, questionId, grade, at, correct);
      recording.status = 'failed';
      this.#recordFailed(new Error('the recording code could not be loaded'));
      this.#host.requestUpdate();
      return null;
    });
  }

  /** Takes back the recorded answer of the step just undone. */
  takeBack(): void {
    void this.recordings.pop()?.done.then((recorded) => recorded && recorderChunk.value?.takeBack(recorded));
  }

  /** Asks the store when an open question would come back after each grade (scheduling is a chunk a card that is only read never needs). */
  requestPreview(bankId: string, questionId: string): void {
    const store = this.#progress.store;
    if (!store) return;
    const recorder = recorderChunk.value;
    if (!recorder) return void (recorderChunk.failed || recorderChunk.request().then((loaded) => loaded && this.#host.requestUpdate()));
    (this.#previews ??= new recorder.GradePreviews()).request(store, bankId, questionId, () => this.#host.requestUpdate());
  }

  previewOf(bankId: string, questionId: string): Preview | null {
    return this.#previews?.of(bankId, questionId) ?? null;
  }

  /** The learner status of a question; new while no progress is stored for the key; null without a store. */
  statusOf(bankId: string, questionId: string): QuestionStatus | null {
    if (this.#progress.deferred) return 'new';
    try {
      return this.#progress.store?.status(bankId, questionId) ?? null;
    } catch {
      return null;
    }
  }

  get #recordingHost(): RecordingHost {
    const progress = this.#progress;
    return {
      store: progress.store,
      deferred: progress.deferred,
      loadStore: () => progress.load(),
      failed: (error) => this.#recordFailed(error),
      requestUpdate: () => this.#host.requestUpdate(),
    };
  }

  #recordFailed(error: unknown): void {
    console.warn('quiz-elements: an answer could not be recorded', error);
    this.failed = true;
  }
}
