import type { PropertyValues, ReactiveController } from 'lit';
import type { Bank, Question } from '../../bank/types.js';
import { variantShown } from '../../bank/variants.js';
import { QuizAnswerEvent } from '../../events/quiz-answer.js';
import { QuizCompleteEvent } from '../../events/quiz-complete.js';
import { QuizGradeEvent } from '../../events/quiz-grade.js';
import { QuizRevealEvent } from '../../events/quiz-reveal.js';
import type { UiStrings } from '../../i18n/index.js';
import { gradeOfScore, questionType, type CheckedType, type Grading } from '../../interactions/interaction.js';
import { askedType, interactionViews } from '../../interactions/views.js';
import { LazyChunk } from '../../lazy.js';
import { GRADES, isRightSelection, PracticeSession, selectQuestions, type Grade, type QuestionState } from '../../practice/practice-set.js';
import type { ReviewQueue } from '../../practice/review-queue.js';
import type { ProgressController } from '../progress-controller.js';
import { isOneOff, topicsOf, wantsReview, type QuizCardAttributes } from './card-attributes.js';
import type { CardView } from './card-view.js';
import type { RecordingController } from './recording-controller.js';

type ProgressViews = typeof import('./progress-views.js');
/** Review set, its empty state and the summary's schedule: loaded with the progress store. */
export const progressViewsChunk = new LazyChunk<ProgressViews>(() => import('./progress-views.js'), 'the review and schedule views');
/** Exam mode's Submit and results: only exam cards download it. */
export const examChunk = new LazyChunk(() => import('./exam.js'), 'exam mode');
/** The end-of-set summary: fetched while the last question is on screen. */
export const summaryChunk = new LazyChunk(() => import('./summary.js'), 'the summary');

/** Where focus goes after the next render, so keyboard and screen-reader users follow along. */
export type FocusPlace = 'question' | 'answer' | 'feedback';

/** A checked response: its type, the response, and its score. */
export interface Checked {
  type: CheckedType;
  response: unknown;
  grading: Pick<Grading, 'score' | 'correct'>;
}

/** What the controller needs from the card besides its attributes. */
export interface PracticeServices {
  strings(): UiStrings;
  bank(): Bank | undefined;
  progress: ProgressController;
  recording: RecordingController;
}

/** The card properties that change which questions are asked. */
const SESSION_KEYS = ['question', 'topic', 'kind', 'count', 'shuffle', 'seed', 'mode', 'newPerDay', 'maxAttempts'] as const;

/** Keeps keyboard shortcuts away from what the learner is typing or operating. */
function isTextEntry(target: EventTarget | undefined): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['radio', 'checkbox'].includes(target.type));
}

/**
 * The card's practice: which session runs (a practice set, one question, or the review set from
 * the store), every learner action on it (reveal, grade, check, move, undo, restart, the exam's
 * review), the events and announcements each one makes, the card's keys, and where focus goes.
 * The session itself (`PracticeSession`) is pure state, tested in Node; this is its glue to the
 * page.
 */
export class PracticeController implements ReactiveController {
  /** The running session; null while the review set waits for the store. */
  session: PracticeSession | null = null;
  /** The review this session was built from, in `mode="review"`. */
  queue: ReviewQueue | null = null;
  /** What the card's live region says. */
  announcement = '';
  /** Rebuild the review set on the next update (store ready, progress changed, time passed). */
  #stale = false;
  #refreshTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the session was built from. */
  #source: unknown = null;
  #pendingFocus: FocusPlace | null = null;

  readonly #card: QuizCardAttributes;
  readonly #services: PracticeServices;

  constructor(card: QuizCardAttributes, services: PracticeServices) {
    this.#card = card;
    this.#services = services;
    card.addController(this);
  }

  hostDisconnected(): void {
    clearTimeout(this.#refreshTimer);
  }

  hostUpdated(): void {
    const session = this.session;
    // The summary, and the progress views for its schedule, download while the last question shows.
    if (session && this.isSet && session.questions.length - session.doneCount <= 1) {
      if (!summaryChunk.value && !summaryChunk.failed) void summaryChunk.request();
      const views = progressViewsChunk;
      if (this.#services.progress.store && !views.value && !views.failed) void views.request().then((loaded) => loaded && this.#card.requestUpdate());
    }
    if (this.#pendingFocus) {
      this.#card.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.#pendingFocus}"]`)?.focus();
      this.#pendingFocus = null;
    }
    this.#requestPreview();
    this.#scheduleRefresh();
  }

  /** A review set may have changed (progress changed or the store became ready): build it again on the next update. */
  markStale(emptyOnly = false): void {
    if (emptyOnly ? this.queue && this.session?.questions.length === 0 : wantsReview(this.#card)) this.#stale = true;
  }

  /** Before each update: a new session when the bank, the card's filters or the review set changed. Returns whether the bank changed. */
  sync(changed: PropertyValues, loaded: unknown): boolean {
    const storeChanged = this.#syncStore();
    const bank = this.#services.bank();
    // A review set is built by the progress views: they come with the store (a failed download waits for Retry).
    if (this.#services.progress.store && wantsReview(this.#card)) {
      if (progressViewsChunk.value) this.#stale ||= !this.session;
      else if (!progressViewsChunk.failed) void progressViewsChunk.request().then((views) => views && this.#card.requestUpdate());
    }
    const newBank = loaded !== this.#source;
    if (bank && (newBank || SESSION_KEYS.some((key) => changed.has(key)) || this.#stale || (storeChanged && wantsReview(this.#card)))) {
      this.#build(bank);
      this.#source = loaded;
    }
    return newBank;
  }

  /** Subscribes to the wanted store (and leaves the old one); returns whether the store changed. */
  #syncStore(): boolean {
    const sync = this.#services.progress.sync();
    if (sync === 'same') return false;
    this.#services.recording.forgetPreviews();
    // Back in the page: progress may have changed meanwhile.
    if (sync === 'resumed') this.markStale(true);
    return sync !== 'resumed';
  }

  /** A new session: a review set from the store in `mode="review"`, else a practice set or one question. */
  #build(bank: Bank): void {
    this.#stale = false;
    clearTimeout(this.#refreshTimer);
    const { progress } = this.#services;
    const store = progress.store;
    const views = progressViewsChunk.value;
    let questions: readonly Question[] | null = null;
    this.queue = null;
    if (!wantsReview(this.#card) || (!store && !progress.deferred)) questions = this.#selected(bank);
    else if (store && progress.ready && views) {
      const { kind, newPerDay, count, shuffle, seed } = this.#card;
      this.queue = views.reviewSet(bank, store, { topics: topicsOf(this.#card), kind, newPerDay, count, shuffle, seed });
      // A store passed in that misbehaves (no queue): practise instead of failing.
      questions = this.queue ? this.queue.questions : this.#selected(bank);
    }
    // Null: the skeleton, until the store's code is here and has migrated old records.
    this.#start(questions);
  }

  #start(questions: readonly Question[] | null): void {
    this.#services.recording.reset();
    this.session = questions && new PracticeSession(questions, Date.now, { maxAttempts: this.#card.maxAttempts, exam: this.#card.mode === 'exam' });
  }

  #selected(bank: Bank): Question[] {
    const { question, kind, count, shuffle, seed } = this.#card;
    if (question) return bank.questions.filter((q) => q.id === question).slice(0, 1);
    return selectQuestions(bank, { topics: topicsOf(this.#card), kind, count: count ?? 10, shuffle, seed });
  }

  /** With nothing to review, look again when the next question falls due (if within a day). */
  #scheduleRefresh(): void {
    clearTimeout(this.#refreshTimer);
    const store = this.#services.progress.store;
    const wait = store && this.#card.isConnected && this.queue && this.session?.questions.length === 0 ? progressViewsChunk.value?.refreshDelay(this.queue, store) : null;
    if (wait == null) return;
    this.#refreshTimer = setTimeout(() => {
      this.#stale = true;
      this.#card.requestUpdate();
    }, wait);
  }

  /** More than one question (or a review): a set with a position, a summary and a score. */
  get isSet(): boolean {
    return this.queue !== null || (this.session?.questions.length ?? 0) > 1;
  }

  get #bankId(): string {
    return this.#services.bank()?.id ?? '';
  }

  /** The question on screen: the current one, or the variant the learner switched to. */
  shownQuestion(session: PracticeSession): Question | undefined {
    const question = session.current;
    const bank = this.#services.bank();
    return question && bank ? variantShown(bank, question, session.state!.variant) : question;
  }

  /** Asks when the shown open question would come back after each grade, once its grade buttons show. */
  #requestPreview(): void {
    const session = this.session;
    const question = session && !session.complete ? this.shownQuestion(session) : undefined;
    const state = session?.state;
    if (!question || !state?.revealed || state.grade !== undefined || askedType(question) !== 'open' || this.#card.mode === 'exam' || isOneOff(this.#card)) return;
    this.#services.recording.requestPreview(this.#bankId, question.id);
  }

  // --- what the learner does ------------------------------------------------------------------

  requestUpdate(): void {
    this.#card.requestUpdate();
  }

  announce(message: string): void {
    // Clearing first makes screen readers repeat an identical message.
    this.announcement = '';
    this.#card.requestUpdate(); // the empty text must reach the page before the message
    void this.#card.updateComplete.then(() => {
      this.announcement = message;
      this.#card.requestUpdate();
    });
  }

  /** Moves focus to `place` after the next render. */
  focus(place: FocusPlace): void {
    this.#pendingFocus = place;
    this.#card.requestUpdate();
  }

  #after(message: string, focus: FocusPlace | null): void {
    if (message) this.announce(message);
    this.#pendingFocus = focus;
    this.#card.requestUpdate();
  }

  get #strings(): UiStrings {
    return this.#services.strings();
  }

  /** Two sentences as the UI language writes them (no space after a Chinese full stop). */
  join(first: string, second: string): string {
    return first + this.#strings.sentenceGap + second;
  }

  #position(session: PracticeSession): string {
    return this.#strings.position(session.index + 1, session.questions.length);
  }

  reveal = (): void => {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    if (!question || this.#card.mode === 'exam' || askedType(question) !== 'open' || !session.reveal()) return;
    this.#card.dispatchEvent(new QuizRevealEvent({ bankId: this.#bankId, questionId: question.id }));
    // The grade buttons show when the question comes back: that needs the store's code.
    if (this.#services.progress.deferred) void this.#services.progress.load();
    this.#after(this.#strings.announceAnswerShown, 'answer');
  };

  grade(grade: Grade): void {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    const index = session?.index ?? 0;
    if (!question || this.#card.mode === 'exam' || !session.grade(grade)) return;
    const { recording, progress } = this.#services;
    // Read before recording: the preview is what the button showed when the learner picked.
    const preview = progress.store ? recording.previewOf(this.#bankId, question.id) : null;
    recording.record(index, this.#bankId, question.id, grade);
    this.#card.dispatchEvent(new QuizGradeEvent({ bankId: this.#bankId, questionId: question.id, grade }));
    const s = this.#strings;
    const graded = s.announceGraded(s.grades[grade], this.#position(session));
    this.finished(preview ? `${graded} ${s.gradeNextReview(s.relativeTime(preview.due[grade] - preview.at))}` : graded);
  }

  /** The response of a question and its score, or null when there is nothing to check yet. */
  gradeShown(question: Question, state: QuestionState): Checked | null {
    const type = askedType(question);
    if (type === 'open') return null;
    if (type === 'choice') {
      if (!state.selected.length) return null;
      const correct = isRightSelection(question, state.selected);
      return { type, response: [...state.selected], grading: { score: correct ? 1 : 0, correct } };
    }
    const view = interactionViews[type].value?.view;
    // An exam scores what the learner gave, complete or not; an untouched ordering is unanswered.
    const exam = this.#card.mode === 'exam';
    const response = exam ? state.response : (state.response ?? view?.initial(question));
    return view && (exam ? response !== undefined : view.ready(question, response)) ? { type, response, grading: view.grade(question, response) } : null;
  }

  check = (): void => {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    // Nothing is checked before an exam's Submit (Enter in a field lands here).
    const checked = question && this.#card.mode !== 'exam' && this.gradeShown(question, session.state!);
    if (!checked) return;
    session.respond(checked.response);
    const outcome = session.submit(checked.grading);
    if (outcome === 'retry') return this.#after(this.retryNote(session), null);
    if (!outcome) return;
    this.answered(session.index, question, checked);
    this.finished(this.verdictText(checked.grading), 'feedback');
  };

  /** After a wrong check with attempts left: what to say until the learner changes the answer ('' otherwise). */
  retryNote(session: PracticeSession): string {
    return session.state?.tryAgain ? this.join(this.#strings.incorrect, this.#strings.attemptsLeft(session.attemptsLeft + 1)) : '';
  }

  /** "Correct.", "Partly right (67%). The correct answer is marked." or "Not quite. The correct answer is marked." */
  verdictText(grading: Pick<Grading, 'score' | 'correct'>, plural = false): string {
    const s = this.#strings;
    return grading.correct ? s.correct : this.join(grading.score > 0 ? s.partlyRight(Math.round(grading.score * 100)) : s.incorrect, plural ? s.correctAnswersWere : s.correctAnswerWas);
  }

  /** The set's running score: right answers of the questions that are checked. */
  runningScore(session: PracticeSession): string {
    const checkable = session.questions.filter((q) => questionType(q) !== 'open').length;
    return this.#strings.score(session.summary().right, checkable);
  }

  /** Records a checked answer (all right counts as Good, partly right as Hard, wrong as Again) and says so in a quiz-answer event. */
  answered(index: number, question: Question, { type, response, grading }: Checked): void {
    this.#services.recording.record(index, this.#bankId, question.id, gradeOfScore(grading.score), grading.correct);
    const detail = { bankId: this.#bankId, questionId: question.id, type, response, score: grading.score, correct: grading.correct };
    this.#card.dispatchEvent(new QuizAnswerEvent(type === 'choice' ? { ...detail, selected: response as number[] } : detail));
  }

  /** After a grade, a check or an exam's Submit: the set may be complete (`quiz-complete`), and the message is announced. */
  finished(message: string, focus: FocusPlace = 'question'): void {
    const session = this.session!;
    if (session.complete && this.isSet) {
      const summary = session.summary();
      const passMark = this.#card.passMark;
      // Rounded as the results show it: "67%" passes a pass mark of 67.
      const passed = passMark == null ? {} : { passed: Math.round(summary.score * 100) >= passMark };
      this.#card.dispatchEvent(new QuizCompleteEvent({ bankId: this.#bankId, ...summary, ...passed }));
      message = message ? this.join(message, this.#strings.announceComplete) : this.#strings.announceComplete;
    }
    this.#after(message, focus);
  }

  /** A new response from a typed question's view. */
  respond = (response: unknown): void => {
    this.session?.respond(response);
    this.#card.requestUpdate();
  };

  /** The learner picked (or, with checkboxes, unpicked) a choice. */
  choose(choice: number): void {
    this.session?.select(choice);
    this.#card.requestUpdate();
  }

  /** What the learner typed before revealing the answer (`answer-box`). */
  type(attempt: string): void {
    this.session?.type(attempt);
  }

  showHint = (): void => {
    this.session?.showHint();
    this.#card.requestUpdate();
  };

  showVariant(index: number): void {
    if (this.session?.showVariant(index)) this.#card.requestUpdate();
  }

  go(offset: number): void {
    const session = this.session;
    if (session?.move(offset)) this.#after(this.#strings.announceQuestion(this.#position(session)), 'question');
  }

  undo = (): void => {
    if (!this.session?.undo()) return;
    this.#services.recording.takeBack();
    this.#after(this.#strings.announceUndone, 'question');
  };

  /** Again: the same questions, or only the missed ones; a review asks what is due now. */
  restart(onlyMissed: boolean): void {
    const session = this.session;
    const bank = this.#services.bank();
    if (!session || !bank) return;
    if (this.queue && !onlyMissed) this.#build(bank);
    else {
      const missed = new Set(session.summary().missed);
      this.#start(onlyMissed ? session.questions.filter((q) => missed.has(q.id)) : session.questions);
    }
    const next = this.session;
    this.#after(next && next.questions.length > 0 ? this.#strings.announceQuestion(this.#position(next)) : this.#strings.reviewEmptyTitle, 'question');
  }

  /** Exam: from the results to the first question, each with its verdict and answer. */
  reviewAnswers(): void {
    if (this.session?.reviewAnswers()) this.#after('', 'question');
  }

  /** Exam: back to the results. */
  showResults(): void {
    if (this.session?.showResults()) this.#after('', 'question');
  }

  /** The card's keys (on the host, so they also work while the card itself has focus). */
  onKey(event: KeyboardEvent, view: CardView | null): void {
    const target = event.composedPath()[0];
    const session = this.session;
    const phase = session?.phase;
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(target) || !view || (phase !== 'asking' && phase !== 'reviewing')) return;
    const onControl = target instanceof HTMLButtonElement || target instanceof HTMLInputElement || target instanceof HTMLAnchorElement;
    const state = view.session.state!;
    const type = askedType(view.question);
    const typed = type === 'open' || type === 'choice' ? undefined : interactionViews[type].value;
    if (typed?.view.onKey?.(event, typed.typed.interactionContext(view, typed.view))) event.preventDefault();
    else if (event.key === ' ' && !onControl && !state.revealed && type === 'open') {
      event.preventDefault();
      this.reveal();
    } else if (/^[1-4]$/.test(event.key) && state.revealed && state.grade === undefined) {
      event.preventDefault();
      this.grade(GRADES[Number(event.key) - 1]!);
    } else if (event.key === 'u' || event.key === 'U') {
      event.preventDefault();
      this.undo();
    } else if (event.key === 'ArrowRight' && !(target instanceof HTMLInputElement)) this.go(1);
    else if (event.key === 'ArrowLeft' && !(target instanceof HTMLInputElement)) this.go(-1);
  }
}
