/**
 * Learning records to a SCORM 1.2 or 2004 LMS: the API found in a parent window (or the opener)
 * gets each interaction, the score and status of a finished set, and the learner's progress as
 * resume data (`suspend_data`, the last question as `location`). The progress saved there is
 * merged into the page's store at launch, so a learner resumes where they were on any computer.
 */
import type { Question } from '../bank/types.js';
import type { InteractionReport } from '../interactions/grading.js';
import type { Grade, PracticeSummary } from '../practice/practice-set.js';
import { ProgressStore } from '../progress/store.js';
import { findScormApi } from '../scorm/api.js';
import { readSuspendData, ScormRecorder, fitSuspendData } from '../scorm/runtime.js';
import { plainText } from '../text/plain-text.js';
import { LaunchError } from './launch.js';
import type { NoteBoard, Occurrence, RecordsSink } from './reporter.js';

/** The progress key of the page's first card: the progress a package saves and resumes. */
const progressKeyOfPage = () => document.querySelector<HTMLElement & { progressKey?: string }>('quiz-card')?.progressKey || 'default';

export function scormSink(notes: NoteBoard): { kind: string; sink: RecordsSink } {
  const found = findScormApi(window);
  if (!found) throw new LaunchError('No SCORM API (API_1484_11 or API) was found in the windows that opened this page.', 'scorm-api');
  return { kind: `scorm-${found.version}`, sink: new ScormSink(found, notes) };
}

class ScormSink implements RecordsSink {
  readonly #recorder: ScormRecorder;
  readonly #version;
  readonly #store: ProgressStore;
  #location = '';
  readonly #unsubscribe: () => void;

  constructor(found: NonNullable<ReturnType<typeof findScormApi>>, notes: NoteBoard) {
    this.#version = found.version;
    this.#recorder = new ScormRecorder(found, { onProblem: (message) => notes.set({ kind: 'lms-error', detail: message }) });
    const resumed = this.#recorder.start();
    this.#location = resumed.location;
    this.#store = ProgressStore.shared(progressKeyOfPage());
    if (resumed.suspendData) {
      const saved = readSuspendData(resumed.suspendData);
      if (saved) void this.#store.importData(saved).catch((error: unknown) => notes.set({ kind: 'lms-error', detail: `The progress saved in the learning platform could not be read: ${(error as Error)?.message ?? error}` }));
    }
    this.#unsubscribe = this.#store.subscribe(() => this.#saveProgress());
  }

  #saveProgress(): void {
    this.#recorder.progress(this.#location, fitSuspendData(this.#store.exportData(), this.#version));
  }

  answered(on: Occurrence, question: Question, report: InteractionReport, grading: { score: number; correct: boolean }): void {
    this.#location = question.id;
    this.#recorder.interaction(question.id, report, grading, on.at, plainText(question.title));
  }

  graded(on: Occurrence, question: Question, grade: Grade): void {
    this.#location = question.id;
    this.#recorder.flashcard(question.id, grade, on.at, plainText(question.title));
  }

  revealed(): void {
    // SCORM has no place for a shown answer: the grade that follows is the interaction.
  }

  completed(_on: Occurrence, summary: PracticeSummary, passMark: number | undefined): void {
    const passed = passMark == null ? undefined : Math.round(summary.score * 100) >= passMark;
    this.#recorder.complete({ score: summary.score, ...(passed === undefined ? {} : { passed }) });
  }

  readonly pending = 0;

  async flush(): Promise<void> {
    this.#saveProgress();
  }

  leave(): void {
    this.#saveProgress();
    this.#recorder.finish();
  }

  resume(): void {}

  stop(): void {
    this.#unsubscribe();
  }
}
