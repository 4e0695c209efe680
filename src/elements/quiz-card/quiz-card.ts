import { Task } from '@lit/task';
import { html, LitElement, nothing, render, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { bankFromJsonText, bankFromInlineDocument, bankFromValue, loadBankFromUrl, loadBundledBank, type LoadedBank } from '../../bank/load.js';
import type { Bank, Question, QuestionKind } from '../../bank/types.js';
import { variantShown, variantsOf } from '../../bank/variants.js';
import { QuizAnswerEvent } from '../../events/quiz-answer.js';
import { QuizCompleteEvent } from '../../events/quiz-complete.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { QuizGradeEvent } from '../../events/quiz-grade.js';
import { QuizRevealEvent } from '../../events/quiz-reveal.js';
import { languageOf } from '../../i18n/index.js';
import { gradeOfScore, questionType, type CheckedType, type Grading, type QuestionType } from '../../interactions/interaction.js';
import type { InteractionView } from '../../interactions/view.js';
import { askedType, interactionViews, type ViewType } from '../../interactions/views.js';
import type { TypedHost } from './typed-question.js';
import type { GradePreviews, Preview, Recording, RecordingHost } from './recorder.js';
import type { ExamHost } from './exam.js';
import { adoptStyles } from '../adopt-styles.js';
import { LazyChunk } from '../../lazy.js';
import { DEFAULT_NEW_PER_DAY, GRADES, isMultipleChoice, isRightSelection, PracticeSession, seededRandom, selectQuestions, shuffled, type Grade, type QuestionState } from '../../practice/practice-set.js';
import type { ReviewQueue } from '../../practice/review-queue.js';
import type { ProgressStore } from '../../progress/store.js';
import type { QuestionStatus } from '../../progress/types.js';
import { markdownStyles } from '../../render/markdown.styles.js';
import { noticeStyles } from '../../styles/notice.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { abortWhenRemoved } from '../abort-when-removed.js';
import { describeLoadError } from '../load-error-message.js';
import { PageContextController } from '../page-context.js';
import { ProgressController, renderProgressNotes, type ProgressNote } from '../progress-controller.js';
import { quizCardStyles } from './quiz-card.styles.js';

type ProgressViews = typeof import('./progress-views.js');
/** Review set, its empty state and the summary's schedule: loaded with the progress store. */
const progressViewsChunk = new LazyChunk<ProgressViews>(() => import('./progress-views.js'), 'the review and schedule views');
/** Saving answers and previewing grades: loaded with the store's code (or on the first answer). */
const recorderChunk = new LazyChunk(() => import('./recorder.js'), 'progress recording');
/** Exam mode's Submit and results: only exam cards download it. */
const examChunk = new LazyChunk(() => import('./exam.js'), 'exam mode');
/** The end-of-set summary: fetched while the last question is on screen. */
const summaryChunk = new LazyChunk(() => import('./summary.js'), 'the summary');

type Renderer = typeof import('../../render/markdown.js');

interface Loaded {
  loaded: LoadedBank;
  renderer: Renderer;
}

/** Keeps keyboard shortcuts away from what the learner is typing or operating. */
/** Text without code and emphasis marks or spaces: a prompt that is its title's twin (`What does \`__init__\` do?`) is not shown twice. */
const bare = (text: string) => text.replace(/[`*_\s]/g, '');

function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement || (target instanceof HTMLInputElement && !['radio', 'checkbox'].includes(target.type));
}

/** A typed question's view, once its chunk is here (undefined for open and choice questions). */
function viewOf(type: QuestionType): InteractionView<unknown> | undefined {
  return type === 'open' || type === 'choice' ? undefined : interactionViews[type].value?.view;
}

/**
 * A practice card for one question or a practice set from a question bank: flashcards with
 * self-grading (Again / Hard / Good / Easy) for open questions; single or multiple choice,
 * true/false, fill-in, numeric, ordering and matching questions checked with per-part results
 * (each type's view is a chunk of its own, loaded with the first such question); a summary at
 * the end. `mode="exam"` asks everything first and scores it on Submit.
 *
 * Learner progress: every grade, and every check of any other question (all right → Good,
 * partly right → Hard, wrong → Again), is recorded in a `ProgressStore`, which schedules the next review with FSRS. The store
 * is the page's shared one for `progress-key` (kept in localStorage, so it survives reloads and
 * reaches other tabs), or the one set as `progressStore`; `no-progress` records nothing. The grade
 * buttons show when the question would come back ("Good 3 d"), Undo takes the recorded answer
 * back too, and the summary lists when each answered question comes back. When progress cannot be
 * kept (storage blocked or full) or stored records could not be read, one card of the page says
 * so once, politely. `mode="review"` asks the questions that are due, then new ones.
 *
 * @summary Practice questions from a bank, anywhere on a page.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a single question, `<script type="text/markdown">` holding a Q&A document (any layout the importer reads), or `<script type="text/gift">` holding Moodle GIFT.
 *
 * @attr {string} lang - UI language (`zh-*`: Chinese, else English); without it the nearest ancestor's `lang`, else the document's (followed when it changes).
 *
 * @csspart card - The card's outer box.
 * @csspart header - Kind badge, progress status and position ("3 / 10").
 * @csspart status - The question's learner status (New, Learning, Due, Mastered).
 * @csspart title - The question title.
 * @csspart prompt - The question text; left out when it only repeats the title (as in imported notes whose heading is the question).
 * @csspart hint - The hint, once shown.
 * @csspart attempt - The learner's typed answer field (also the fields of fill-in and numeric questions).
 * @csspart blank - A field in place of a blank of a fill-in question.
 * @csspart keys - The list of keyboard keys (not on one-off cards or touch screens).
 * @csspart score - In the summary: the score in percent and, with `pass-mark`, passed or not.
 * @csspart answer - The reference answer.
 * @csspart explanation - The explanation.
 * @csspart example - The example.
 * @csspart choices - The group of choices of a choice question.
 * @csspart choice - One choice.
 * @csspart feedback - The verdict on a checked question ("Correct.", "Partly right (50%).", a try left).
 * @csspart grades - The group of grade buttons.
 * @csspart interval - On a grade button: when the question would come back after that grade ("3 d").
 * @csspart variants - The switch between answers of questions with the same title.
 * @csspart nav - Previous / next navigation.
 * @csspart summary - The end-of-set summary.
 * @csspart schedule - The summary's table of when each answered question comes back.
 * @csspart empty - `mode="review"` with nothing to review: why, and when the next review is.
 * @csspart notice - A note about stored progress (not kept, set aside), with a Dismiss button.
 * @csspart skeleton - The placeholder shown while the questions load.
 * @csspart error - The error message box.
 * @csspart button - Every button.
 *
 * @cssprop --quiz-bg - Card background.
 * @cssprop --quiz-fg - Text colour.
 * @cssprop --quiz-muted - Secondary text colour.
 * @cssprop --quiz-border - Border colour.
 * @cssprop --quiz-surface - Background of skeletons, hints and other quiet panels.
 * @cssprop --quiz-control-border - Border of the typed-answer field (3:1 against the background by default).
 * @cssprop --quiz-accent - Primary buttons and highlights.
 * @cssprop --quiz-accent-fg - Text on the accent colour.
 * @cssprop --quiz-correct - Colour for right answers.
 * @cssprop --quiz-wrong - Colour for wrong answers.
 * @cssprop --quiz-focus-ring - Focus outline colour.
 * @cssprop --quiz-radius - Corner radius.
 * @cssprop --quiz-space - Base spacing.
 * @cssprop --quiz-font-family - Font family.
 * @cssprop --quiz-font-size - Base font size.
 * @cssprop --quiz-max-width - Maximum width of the card.
 * @cssprop --quiz-line-height - Line height of rendered markdown.
 * @cssprop --quiz-link - Link colour in rendered markdown (default: the accent).
 * @cssprop --quiz-font-mono - Font of code.
 * @cssprop --quiz-inline-code-bg - Background of inline `code`.
 * @cssprop --quiz-code-bg - Background of code blocks.
 * @cssprop --quiz-code-fg - Text of code blocks.
 * @cssprop --quiz-code-keyword - Highlighted keywords.
 * @cssprop --quiz-code-string - Highlighted strings.
 * @cssprop --quiz-code-comment - Highlighted comments and the language label.
 * @cssprop --quiz-code-number - Highlighted numbers and literals.
 * @cssprop --quiz-code-function - Highlighted function and section names.
 * @cssprop --quiz-code-type - Highlighted types and built-ins.
 * @cssprop --quiz-code-variable - Highlighted variables and attributes.
 * @cssprop --quiz-code-meta - Highlighted meta and doc tags.
 *
 * @fires {QuizRevealEvent} quiz-reveal - The learner showed an answer. Detail: `{ bankId, questionId }`.
 * @fires {QuizGradeEvent} quiz-grade - The learner graded an open question. Detail: `{ bankId, questionId, grade }`.
 * @fires {QuizAnswerEvent} quiz-answer - The learner checked a question that is not a flashcard (or submitted an exam: one event per scored question). Detail: `{ bankId, questionId, type, response, score, correct, selected? }`.
 * @fires {QuizCompleteEvent} quiz-complete - The learner finished the practice set or submitted the exam. Detail: the summary (`right`, `partial`, `wrong`, `score`…), and `passed` with a `pass-mark`.
 * @fires {QuizErrorEvent} quiz-error - Loading failed. Detail: `{ error }`.
 */
@customElement('quiz-card')
export class QuizCard extends LitElement {
  static override styles = [themeStyles, markdownStyles, noticeStyles, quizCardStyles];

  /** URL of a bank JSON (or a `.md` Q&A document), resolved against the page. */
  @property() src?: string;

  /** Id of a bundled bank (attribute), or a bank or single question object (property). */
  @property({ attribute: 'bank' }) bank?: string | Bank | Record<string, unknown>;

  /** A bank a parent has already loaded and validated (`{ bank, baseUrl }`, as `<question-browser>` passes it): nothing is loaded or checked again, and it wins over every other source. */
  @property({ attribute: false }) loaded?: LoadedBank;

  /** Id of one question to show; without it the card runs a practice set. */
  @property() question?: string;

  /** Practice only questions with this topic id (comma-separated for several). */
  @property() topic?: string;

  /** Practice only `concept` or `coding` questions. */
  @property() kind?: QuestionKind;

  /**
   * How many questions a practice set asks (10 when not set). In `mode="review"` the most a
   * review asks; not set, a review asks every due question and the new ones allowed today.
   */
  @property({ type: Number }) count?: number;

  /** Shuffle the practice set. */
  @property({ type: Boolean }) shuffle = false;

  /** Seed for a reproducible shuffled order. */
  @property() seed?: string;

  /** Show a text box to type an attempt before revealing the answer. */
  @property({ type: Boolean, attribute: 'answer-box' }) answerBox = false;

  /** Milliseconds before a hanging load gives up. */
  @property({ type: Number }) timeout = 15_000;

  /** Force `light` or `dark`; by default the card follows the system preference. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** Heading level of the question title, to fit the page's outline. */
  @property({ type: Number, attribute: 'heading-level' }) headingLevel = 3;

  /**
   * `practice` (default): the questions of the bank in order (or shuffled). `review`: the
   * questions that are due, oldest due first, then new ones up to `new-per-day`, from the bank or
   * `topic` (and `kind`); with nothing to review the card says when the next review is. `question`
   * wins over both; with `no-progress` a review is a practice set. `exam`: the learner answers
   * every question, nothing is checked or shown, then one Submit scores them all and shows the
   * results, with each question to review.
   */
  @property() mode: 'practice' | 'review' | 'exam' = 'practice';

  /** Show the choices of each choice question in a shuffled order (the same for the same `seed` and question). */
  @property({ type: Boolean, attribute: 'shuffle-choices' }) shuffleChoices = false;

  /** Percentage of the score that passes the set: the summary and `quiz-complete` then say passed or not. */
  @property({ type: Number, attribute: 'pass-mark' }) passMark?: number;

  /** Checks a question allows (default 1): a wrong answer before the last is tried again, and the right one is shown only after the last. */
  @property({ type: Number, attribute: 'max-attempts' }) maxAttempts = 1;

  /** `mode="review"`: new questions a day (counted by their first answer today, local time, among the card's questions). Default 20. */
  @property({ type: Number, attribute: 'new-per-day' }) newPerDay: number = DEFAULT_NEW_PER_DAY;

  /** Which learner's (or course's) progress to use: cards with the same key share one store, kept in localStorage. */
  @property({ attribute: 'progress-key' }) progressKey = 'default';

  /** Record nothing and show no schedule (no intervals, no status, no summary table). */
  @property({ type: Boolean, attribute: 'no-progress' }) noProgress = false;

  /** A progress store to use instead of the page's one for `progress-key` (apps, tests, a memory-only store). */
  @property({ attribute: false }) progressStore?: ProgressStore;

  @state() private session: PracticeSession | null = null;
  @state() private announcement = '';
  /** Exam: going through the submitted questions, after the results. */
  @state() protected reviewing = false;
  /** A wrong check with attempts left: what to say under the question until the learner changes the answer. */
  @state() private retryNote = '';

  constructor() {
    super();
    // On the host, not inside: shortcuts also work while the card itself has focus, as when a
    // container (question-browser) focuses it or hands it the keys pressed on its detail pane.
    this.addEventListener('keydown', this.onKeyDown);
  }
  /** An answer of this card could not be recorded: a note of its own, beside the store's notes. */
  @state() private recordFailedNote = false;

  /** The review this session was built from, in `mode="review"`. */
  private queue: ReviewQueue | null = null;
  /** Rebuild the review set on the next update (store ready, empty queue and progress changed, time passed). */
  private queueStale = false;
  private queueTimer: ReturnType<typeof setTimeout> | undefined;
  /** The store in use, its subscription and its one-time notes (shared with every element of the page). */
  private readonly progress = new ProgressController(this, {
    notes: true,
    eager: () => this.wantsReview,
    onChange: () => {
      // Statuses, previews and the summary read the store when rendering; previews are recomputed.
      this.previews?.forget();
      // An empty review may have something now (another card or tab answered, an import); a set in progress stays as it is.
      if (this.queue && this.session?.questions.length === 0) this.queueStale = true;
    },
    onReady: () => {
      if (this.wantsReview) this.queueStale = true;
    },
  });
  /** One per undoable step of the session, in order. */
  private recordings: Recording[] = [];
  /** When the shown question would come back after each grade (with the recorder's code). */
  private previews: GradePreviews | null = null;

  private sessionSource: unknown = null;
  /** Where focus goes after the next render, so keyboard and screen-reader users follow along. */
  protected pendingFocus: 'question' | 'answer' | 'feedback' | null = null;
  /**
   * Each place's markdown (`prompt`, `choice-2`...) rendered once into an element of its own: Lit
   * leaves a node it saw before alone, where it would walk every nested template of every field
   * on each update of the card (a field at the format limits holds thousands).
   */
  private readonly markdownCache = new Map<string, { text: string; element: HTMLElement }>();
  private readonly context = new PageContextController(this, () => this.markdownCache.clear());


  private readonly loadTask = abortWhenRemoved(this, new Task(this, {
    task: async ([preloaded, src, bank, inline, timeout], { signal }): Promise<Loaded> => {
      // The renderer loads in parallel with the bank, so the first question is not delayed.
      const renderer = import('../../render/markdown.js');
      const base = document.baseURI;
      let loaded: LoadedBank;
      if (preloaded) loaded = preloaded;
      else if (bank && typeof bank === 'object') loaded = bankFromValue(bank, base);
      else if (src) loaded = await loadBankFromUrl(new URL(src, base), { signal, timeout });
      else if (inline && inline.type !== 'json') loaded = await bankFromInlineDocument(inline.text, inline.type, base);
      else if (inline) loaded = bankFromJsonText(inline.text, base);
      else if (typeof bank === 'string' && bank) loaded = await loadBundledBank(bank, { signal, timeout });
      else throw new MissingSourceError();
      return { loaded, renderer: await renderer };
    },
    args: () => [this.loaded, this.src, this.bank, this.context.inline, this.timeout] as const,
    onError: (error) => {
      if ((error as Error)?.name !== 'AbortError') this.dispatchEvent(new QuizErrorEvent({ error }));
    },
  }));

  private get strings() {
    return this.context.strings;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.queueTimer);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.markdownCache.clear();
    const storeChanged = this.syncStore();
    if (this.activeStore && !progressViewsChunk.value) {
      void progressViewsChunk.request().then(() => {
        if (this.wantsReview) this.queueStale = true; // the review set waits for them
        this.requestUpdate();
      });
    }
    const value = this.loadTask.value;
    const filtersChanged = (['question', 'topic', 'kind', 'count', 'shuffle', 'seed', 'mode', 'newPerDay', 'maxAttempts'] as const).some((key) => changed.has(key));
    const reviewChanged = this.queueStale || (storeChanged && this.wantsReview);
    if (value && (value !== this.sessionSource || filtersChanged || reviewChanged)) {
      if (value !== this.sessionSource) this.markdownCache.clear();
      this.buildSession(value.loaded.bank);
      this.sessionSource = value;
    }
  }

  protected override updated(): void {
    const session = this.session;
    if (session && this.isSet(session) && session.questions.length - session.doneCount <= 1 && !summaryChunk.value) void summaryChunk.request();
    if (this.pendingFocus) {
      this.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.pendingFocus}"]`)?.focus();
      this.pendingFocus = null;
    }
    this.requestPreview();
    this.scheduleQueueRefresh();
  }

  /** A new session: a review set from the store in `mode="review"`, else a practice set or one question. */
  private buildSession(bank: Bank): void {
    this.queueStale = false;
    this.recordings = [];
    clearTimeout(this.queueTimer);
    const store = this.activeStore;
    if (!this.wantsReview || (!store && !this.progress.deferred)) {
      this.queue = null;
      this.session = this.newSession(this.selectedQuestions(bank));
      return;
    }
    const progressViews = progressViewsChunk.value;
    if (!store || !this.progress.ready || !progressViews) {
      this.queue = null;
      this.session = null; // the skeleton, until the store's code is here and has migrated old records (syncStore rebuilds then)
      return;
    }
    const topics = this.topic?.split(',').map((t) => t.trim()).filter(Boolean);
    this.queue = progressViews.reviewSet(bank, store, { topics, kind: this.kind, newPerDay: this.newPerDay, count: this.count, shuffle: this.shuffle, seed: this.seed });
    // A store passed in that misbehaves (no queue): practise instead of failing.
    this.session = this.newSession(this.queue ? this.queue.questions : this.selectedQuestions(bank));
  }

  private newSession(questions: readonly Question[]): PracticeSession {
    this.reviewing = false;
    this.retryNote = '';
    return new PracticeSession(questions, Date.now, { maxAttempts: this.maxAttempts, exam: this.mode === 'exam' });
  }

  /** With nothing to review, look again when the next question falls due (if within a day). */
  private scheduleQueueRefresh(): void {
    clearTimeout(this.queueTimer);
    const store = this.activeStore;
    const wait = store && this.isConnected && this.queue && this.session?.questions.length === 0 ? progressViewsChunk.value?.refreshDelay(this.queue, store) : null;
    if (wait == null) return;
    this.queueTimer = setTimeout(() => {
      this.queueStale = true;
      this.requestUpdate();
    }, wait);
  }

  // --- progress -----------------------------------------------------------------------------

  /** The store answers go to, once subscribed (null with `no-progress`). */
  private get activeStore(): ProgressStore | null {
    return this.progress.store;
  }

  private get wantsReview(): boolean {
    return this.mode === 'review' && !this.question && !this.noProgress;
  }

  /** Subscribes to the wanted store (and leaves the old one); returns whether the store changed. */
  private syncStore(): boolean {
    const sync = this.progress.sync();
    if (sync === 'same') return false;
    this.previews?.forget();
    if (sync === 'resumed') {
      // Back in the page: progress may have changed meanwhile.
      if (this.queue && this.session?.questions.length === 0) this.queueStale = true;
      return false;
    }
    return true;
  }

  private dismissNotes(): void {
    this.progress.dismissNotes();
    this.recordFailedNote = false;
    this.pendingFocus = 'question'; // the button is gone: keep keyboard users in the card
  }

  /** Records an answer of the current question; never throws, and a failure only adds a note. */
  private recordAnswer(index: number, questionId: string, grade: Grade, correct?: boolean): void {
    const wanted = !!this.activeStore || this.progress.deferred;
    const recording: Recording = { index, status: wanted ? 'pending' : 'off', done: Promise.resolve(null) };
    this.recordings.push(recording);
    if (!wanted) return;
    const bankId = this.bankId;
    recording.done = recorderChunk.request().then((recorder) => {
      if (recorder) return recorder.record(this.recordingHost, recording, bankId, questionId, grade, correct);
      recording.status = 'failed';
      this.recordFailed(new Error('the recording code could not be loaded'));
      this.requestUpdate();
      return null;
    });
  }

  private get recordingHost(): RecordingHost {
    return {
      store: this.activeStore,
      deferred: this.progress.deferred,
      loadStore: () => this.progress.load(),
      failed: (error) => this.recordFailed(error),
      requestUpdate: () => this.requestUpdate(),
    };
  }

  private recordFailed(error: unknown): void {
    console.warn('quiz-elements: an answer could not be recorded', error);
    this.recordFailedNote = true;
  }

  /** Takes back the recorded answer of the step just undone in the session. */
  private takeBackRecording(): void {
    void this.recordings.pop()?.done.then((recorded) => recorded && recorderChunk.value?.takeBack(recorded));
  }

  /** Asks the store when the shown open question would come back after each grade (only once the grade buttons show: scheduling is a chunk a card that is only read never needs). */
  private requestPreview(): void {
    const store = this.activeStore;
    const session = this.session;
    const question = session && !session.complete ? this.shownQuestion(session) : undefined;
    if (!store || this.oneOff || !question || askedType(question) !== 'open' || !session!.state?.revealed || session!.state.grade !== undefined) return;
    const recorder = recorderChunk.value;
    if (!recorder) return void recorderChunk.request().then(() => this.requestUpdate());
    (this.previews ??= new recorder.GradePreviews()).request(store, this.bankId, question.id, () => this.requestUpdate());
  }

  private previewOf(questionId: string): Preview | null {
    return this.previews?.of(this.bankId, questionId) ?? null;
  }

  private statusOf(questionId: string): QuestionStatus | null {
    // No progress stored for this key yet (the store's code is not even loaded): every question is new.
    if (this.progress.deferred) return 'new';
    try {
      return this.activeStore?.status(this.bankId, questionId) ?? null;
    } catch {
      return null;
    }
  }

  /** What the progress views need; null without a store. */
  /** What the progress views need (null without a store, or before their chunk is here). */
  private viewContext(): import('./progress-views.js').ViewContext | null {
    const store = this.activeStore;
    return store && (progressViewsChunk.value?.viewContext(store, this.strings, languageOf(this), this.headingLevel) ?? null);
  }

  private isSet(session: PracticeSession): boolean {
    return this.queue !== null || session.questions.length > 1;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.context.updateLanguage();
  }

  private selectedQuestions(bank: Bank): Question[] {
    if (this.question) {
      const found = bank.questions.find((q) => q.id === this.question);
      return found ? [found] : [];
    }
    const topics = this.topic?.split(',').map((t) => t.trim()).filter(Boolean);
    return selectQuestions(bank, { topics, kind: this.kind, count: this.count ?? 10, shuffle: this.shuffle, seed: this.seed });
  }

  /** The bank in use (the exam chunk reads it). */
  protected get currentBank(): Bank | undefined {
    return this.loadTask.value?.loaded.bank;
  }

  private get bankId(): string {
    return this.loadTask.value?.loaded.bank.id ?? '';
  }

  /** `text` rendered for `place`, from the cache while nothing it depends on changes. */
  private markdown(text: string | undefined, place: string): HTMLElement | typeof nothing {
    const value = this.loadTask.value;
    if (!text || !value) return nothing;
    const cached = this.markdownCache.get(place);
    if (cached?.text === text) return cached.element;
    const s = this.strings;
    const element = document.createElement('div');
    render(
      value.renderer.renderMarkdown(text, {
        baseUrl: value.loaded.baseUrl,
        headingLevel: this.headingLevel + 1,
        strings: { copy: s.copy, copied: s.copied, copyFailed: s.copyFailed, code: s.code, table: s.table, newTab: s.newTab },
        onCodeBlocksReady: () => {
          this.markdownCache.clear();
          this.requestUpdate();
        },
      }),
      element,
    );
    this.markdownCache.set(place, { text, element });
    return element;
  }

  private announce(message: string): void {
    // Clearing first makes screen readers repeat an identical message.
    this.announcement = '';
    void this.updateComplete.then(() => {
      this.announcement = message;
    });
  }

  private position(session: PracticeSession): string {
    return this.strings.position(session.index + 1, session.questions.length);
  }

  /** The question on screen: the current one, or the variant the learner switched to. */
  private shownQuestion(session: PracticeSession): Question | undefined {
    const question = session.current;
    const bank = this.loadTask.value?.loaded.bank;
    if (!question || !bank) return question;
    return variantShown(bank, question, session.state!.variant);
  }

  // --- user actions -----------------------------------------------------------------------

  private reveal(): void {
    const session = this.session;
    if (!session?.current || this.mode === 'exam' || askedType(this.shownQuestion(session)!) !== 'open' || !session.reveal()) return;
    this.dispatchEvent(new QuizRevealEvent({ bankId: this.bankId, questionId: this.shownQuestion(session)!.id }));
    // The grade buttons show when the question comes back: that needs the store's code.
    if (this.progress.deferred) void this.progress.load();
    this.announce(this.strings.announceAnswerShown);
    this.pendingFocus = 'answer';
    this.requestUpdate();
  }

  private grade(grade: Grade): void {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    const index = session?.index ?? 0;
    if (!session || !question || this.mode === 'exam' || !session.grade(grade)) return;
    // Read before recording: the preview is what the button showed when the learner picked.
    const preview = this.activeStore ? this.previewOf(question.id) : null;
    this.recordAnswer(index, question.id, grade);
    this.dispatchEvent(new QuizGradeEvent({ bankId: this.bankId, questionId: question.id, grade }));
    const s = this.strings;
    const graded = s.announceGraded(s.grades[grade], this.position(session));
    this.afterAnswer(preview ? `${graded} ${s.gradeNextReview(s.relativeTime(preview.due[grade] - preview.at))}` : graded);
  }

  /** The response of the shown question and its score, or null when there is nothing to check yet. */
  protected gradeShown(question: Question, state: QuestionState): { type: CheckedType; response: unknown; grading: Pick<Grading, 'score' | 'correct'> } | null {
    const type = askedType(question);
    if (type === 'open') return null;
    if (type === 'choice') {
      if (!state.selected.length) return null;
      const correct = isRightSelection(question, state.selected);
      return { type, response: [...state.selected], grading: { score: correct ? 1 : 0, correct } };
    }
    const view = viewOf(type);
    // An exam scores what the learner gave, complete or not; an untouched ordering is unanswered.
    const exam = this.mode === 'exam';
    const response = exam ? state.response : (state.response ?? view?.initial(question));
    return view && (exam ? response !== undefined : view.ready(question, response)) ? { type, response, grading: view.grade(question, response) } : null;
  }

  private check(): void {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    // Nothing is checked before an exam's Submit (Enter in a field lands here).
    const checked = question && this.mode !== 'exam' && this.gradeShown(question, session.state!);
    if (!checked) return;
    session.respond(checked.response);
    const outcome = session.submit(checked.grading);
    if (outcome === 'retry') {
      // Wrong, with attempts left: say so, show nothing right yet.
      this.retryNote = this.join(this.strings.incorrect, this.strings.attemptsLeft(session.attemptsLeft + 1));
      this.announce(this.retryNote);
      return;
    }
    if (!outcome) return;
    this.answered(session.index, question, checked);
    this.afterAnswer(this.verdictText(checked.grading), 'feedback');
  }

  /** Records a checked answer (all right counts as Good, partly right as Hard, wrong as Again) and says so in a quiz-answer event. */
  protected answered(index: number, question: Question, { type, response, grading }: NonNullable<ReturnType<QuizCard['gradeShown']>>): void {
    this.recordAnswer(index, question.id, gradeOfScore(grading.score), grading.correct);
    const detail = { bankId: this.bankId, questionId: question.id, type, response, score: grading.score, correct: grading.correct };
    this.dispatchEvent(new QuizAnswerEvent(type === 'choice' ? { ...detail, selected: response as number[] } : detail));
  }

  /** Exam: from the results to the first question, each with its verdict and answer. */
  private reviewAnswers(): void {
    this.session?.goTo(0);
    this.reviewing = true;
    this.pendingFocus = 'question';
  }

  /** A new response from a view: kept in the session (the note of a wrong try goes). */
  // Protected, not private: only the typed-question chunk calls it (through TypedHost).
  /** A new response from a view: kept in the session (the note of a wrong try goes). */
  protected respond(response: unknown): void {
    this.session?.respond(response);
    this.retryNote = '';
    this.requestUpdate();
  }

  /** The learner picked (or, with checkboxes, unpicked) a choice. */
  private choose(choice: number): void {
    this.session?.select(choice);
    this.retryNote = '';
    this.requestUpdate();
  }

  /** Two sentences as the UI language writes them (no space after a Chinese full stop). */
  private join(first: string, second: string): string {
    return first + this.strings.sentenceGap + second;
  }

  protected afterAnswer(message: string, focus: 'question' | 'feedback' = 'question'): void {
    const session = this.session!;
    if (session.complete) {
      if (this.isSet(session)) {
        const summary = session.summary();
        // Rounded as the results show it: "67%" passes a pass mark of 67.
        const passed = this.passMark == null ? {} : { passed: Math.round(summary.score * 100) >= this.passMark };
        this.dispatchEvent(new QuizCompleteEvent({ bankId: this.bankId, ...summary, ...passed }));
        this.announce(this.join(message, this.strings.announceComplete));
      } else {
        this.announce(message);
      }
    } else {
      this.announce(message);
    }
    this.pendingFocus = focus;
    this.requestUpdate();
  }

  private undo(): void {
    if (!this.session?.undo()) return;
    this.retryNote = '';
    this.takeBackRecording();
    this.announce(this.strings.announceUndone);
    this.pendingFocus = 'question';
    this.requestUpdate();
  }

  private go(offset: number): void {
    const session = this.session;
    if (!session || (session.complete && !this.reviewing)) return;
    const target = session.index + offset;
    if (target < 0 || target >= session.questions.length) return;
    session.goTo(target);
    this.retryNote = '';
    this.announce(this.strings.announceQuestion(this.position(session)));
    this.pendingFocus = 'question';
    this.requestUpdate();
  }

  private restart(onlyMissed: boolean): void {
    const session = this.session;
    const bank = this.loadTask.value?.loaded.bank;
    if (!session || !bank) return;
    if (this.queue && !onlyMissed) {
      // A review again: what is due now, not the same questions.
      this.buildSession(bank);
    } else {
      const missed = new Set(session.summary().missed);
      const questions = onlyMissed ? session.questions.filter((q) => missed.has(q.id)) : session.questions;
      this.session = this.newSession(questions);
      this.recordings = [];
    }
    const next = this.session;
    this.announce(next && next.questions.length > 0 ? this.strings.announceQuestion(this.position(next)) : this.strings.reviewEmptyTitle);
    this.pendingFocus = 'question';
    this.requestUpdate();
  }

  private showHint(): void {
    this.session?.showHint();
    this.requestUpdate();
  }

  private switchVariant(index: number): void {
    if (!this.session?.showVariant(index)) return;
    this.retryNote = '';
    this.requestUpdate();
  }


  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.composedPath()[0] ?? null)) return;
    const session = this.session;
    if (!session || (session.complete && !this.reviewing)) {
      return;
    }
    const target = event.composedPath()[0];
    const onControl = target instanceof HTMLButtonElement || target instanceof HTMLInputElement || target instanceof HTMLAnchorElement;
    const state = session.state;
    const question = this.shownQuestion(session);
    const type = question && askedType(question);
    const view = type && viewOf(type);
    if (view?.onKey && question && view.onKey(event, interactionViews[type as ViewType].value!.typed.interactionContext(this.typedHost, session, question, view))) {
      event.preventDefault();
    } else if (event.key === ' ' && !onControl && state && !state.revealed && question && askedType(question) === 'open') {
      event.preventDefault();
      this.reveal();
    } else if (/^[1-4]$/.test(event.key) && state?.revealed && state.grade === undefined) {
      event.preventDefault();
      this.grade(GRADES[Number(event.key) - 1]!);
    } else if (event.key === 'u' || event.key === 'U') {
      event.preventDefault();
      this.undo();
    } else if (event.key === 'ArrowRight' && !(target instanceof HTMLInputElement)) {
      this.go(1);
    } else if (event.key === 'ArrowLeft' && !(target instanceof HTMLInputElement)) {
      this.go(-1);
    }
  };

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    // The UI strings of the card's language are still loading (the Chinese chunk): a bare
    // skeleton, no text in the wrong language. The bank and renderer load meanwhile.
    if (this.context.stringsPending) {
      return html`<div part="card" class="card" aria-busy="true">${this.renderSkeleton(false)}</div>`;
    }
    const s = this.strings;
    const busy = this.loadTask.status === 1; // TaskStatus.PENDING
    return html`
      <div part="card" class="card" lang=${s.lang} aria-busy=${busy ? 'true' : 'false'}>
        ${this.renderNotes()}
        ${this.loadTask.render({
          initial: () => this.renderSkeleton(),
          pending: () => this.renderSkeleton(),
          error: (error) => this.renderError(error),
          complete: () => this.renderSession(),
        })}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.announcement}</div>
      </div>
    `;
  }

  private renderSkeleton(withText = true): TemplateResult {
    return html`
      <div class="skeleton" part="skeleton">
        ${withText ? html`<span class="visually-hidden">${this.strings.loading}</span>` : nothing}
        <div class="skeleton-line"></div>
        <div class="skeleton-line"></div>
        <div class="skeleton-line"></div>
        <div class="skeleton-line"></div>
      </div>
    `;
  }

  private renderError(error: unknown): TemplateResult {
    const s = this.strings;
    const { message, details } = error instanceof MissingSourceError ? { message: s.noSource, details: '' } : describeLoadError(error, s);
    return html`
      <div part="error" class="error" role="alert">
        <p class="message"><strong>${s.errorTitle}</strong></p>
        <p class="message">${message}</p>
        ${details ? html`<pre>${details}</pre>` : nothing}
      </div>
      ${error instanceof MissingSourceError
        ? nothing
        : html`<div class="actions"><button part="button" type="button" @click=${() => this.loadTask.run()}>${s.retry}</button></div>`}
    `;
  }

  private renderSession(): TemplateResult {
    const s = this.strings;
    const session = this.session;
    const bank = this.loadTask.value?.loaded.bank;
    if (!session || !bank) return this.renderSkeleton();
    if (session.questions.length === 0) {
      if (this.queue && this.queue.total > 0) return this.renderReviewEmpty(this.queue);
      const message = this.question ? s.questionNotFound(this.question, bank.id) : s.emptyFilter(this.describeFilters(bank));
      return html`<p class="message error" role="alert" part="error">${message}</p>`;
    }
    if (session.complete && this.isSet(session) && !this.reviewing) return this.renderSummary(session);
    const question = this.shownQuestion(session)!;
    const declared = questionType(question);
    const type = askedType(question);
    const view = viewOf(type);
    const single = !this.isSet(session);
    const status = this.statusOf(question.id);
    const queue = this.queue && this.queue.questions === session.questions ? this.queue : null;
    return html`
      <div part="header" class="header">
        <span class="badges">
          <span class="badge">${question.kind === 'coding' ? s.kindCoding : s.kindConcept}</span>
          ${status && !this.oneOff ? html`<span part="status" class="badge status" data-status=${status}>${s.statusLabels[status]}</span>` : nothing}
          ${queue ? html`<span class="queue">${s.reviewQueue(queue.due, queue.fresh)}</span>` : nothing}
        </span>
        ${single
          ? nothing
          : html`<span class="progress">
              <span>${this.position(session)}</span>
              <progress aria-label=${s.progressLabel} max=${session.questions.length} value=${session.doneCount}></progress>
            </span>`}
      </div>
      <section data-focus="question" tabindex="-1" aria-labelledby="title" lang=${bank.language}>
        <div part="title" class="title" id="title" role="heading" aria-level=${this.headingLevel}>${question.title}</div>
        ${this.renderVariants(session, bank)}
        ${bare(question.prompt) === bare(question.title) || view?.ownsPrompt?.(question) ? nothing : html`<div part="prompt" class="prompt">${this.markdown(question.prompt, 'prompt')}</div>`}
      </section>
      ${declared !== type && declared !== 'choice' ? interactionViews[declared as ViewType].value!.typed.renderFieldProblems(question, s.lang) : nothing}
      ${type === 'open' ? this.renderOpen(session, question) : type === 'choice' ? this.renderChoices(session, question) : this.renderTyped(session, question, type)}
      ${this.renderNav(session, single, type === 'open')}
    `;
  }

  /** A typed question (true/false, fill-in, numeric, ordering, matching): its view and Check, from the type's chunk. */
  private renderTyped(session: PracticeSession, question: Question, type: ViewType): TemplateResult {
    const loaded = interactionViews[type].value;
    if (!loaded) return this.renderChunkMissing(interactionViews[type]);
    const state = session.state!;
    const { view } = loaded;
    return loaded.typed.renderTyped(this.typedHost, session, question, view, {
      hint: this.renderHint(question, state.hintShown || state.checked),
      explanation: this.renderExplanation(question),
      check: this.renderCheck(view.ready(question, state.response ?? view.initial(question))),
    });
  }

  /** "Correct.", "Partly right (67%). The correct answer is marked." or "Not quite. The correct answer is marked." */
  private verdictText(grading: Pick<Grading, 'score' | 'correct'>, plural = false): string {
    const s = this.strings;
    return grading.correct ? s.correct : this.join(grading.score > 0 ? s.partlyRight(Math.round(grading.score * 100)) : s.incorrect, plural ? s.correctAnswersWere : s.correctAnswerWas);
  }

  /** Right, partly right or wrong, and the set's score so far. */
  private renderVerdict(session: PracticeSession, grading: Pick<Grading, 'score' | 'correct'>, plural = false): TemplateResult {
    const s = this.strings;
    const checkable = session.questions.filter((q) => questionType(q) !== 'open').length;
    // The set's running score; a card of one question has only the verdict.
    return html`<p class="result ${grading.correct ? 'right' : 'wrong'}">${this.verdictText(grading, plural)}</p>
      ${session.questions.length > 1 ? html`<p class="message">${s.score(session.summary().right, checkable)}</p>` : nothing}`;
  }

  /** The card as the typed-question chunk sees it: the members TypedHost names. */
  private get typedHost(): TypedHost {
    return this as unknown as TypedHost;
  }

  private renderVariants(session: PracticeSession, bank: Bank): TemplateResult | typeof nothing {
    const variants = variantsOf(bank, session.current!);
    if (variants.length < 2) return nothing;
    const s = this.strings;
    const shown = session.state!.variant;
    return html`
      <div part="variants" class="variants" role="group" aria-label=${s.otherAnswers(variants.length - 1)}>
        <span class="key" aria-hidden="true">${s.otherAnswers(variants.length - 1)}</span>
        ${variants.map(
          (_, i) => html`<button part="button" type="button" aria-pressed=${i === shown ? 'true' : 'false'}
            aria-label=${s.variantLabel(i + 1, variants.length)} @click=${() => this.switchVariant(i)}>${i + 1}</button>`,
        )}
      </div>
    `;
  }

  private renderOpen(session: PracticeSession, question: Question): TemplateResult {
    const s = this.strings;
    const state = session.state!;
    const attempt = state.attempt.trim();
    return html`
      ${this.renderHint(question, state.hintShown || state.revealed)}
      ${this.answerBox && !state.revealed
        ? html`<div>
            <label class="field-label" for="attempt">${s.yourAttempt}</label>
            <textarea part="attempt" id="attempt" placeholder=${s.attemptPlaceholder} .value=${state.attempt}
              @input=${(e: Event) => session.type((e.target as HTMLTextAreaElement).value)}></textarea>
          </div>`
        : nothing}
      ${state.revealed
        ? html`
            <div class="reveal-columns ${attempt ? 'with-attempt' : ''}" data-focus="answer" tabindex="-1">
              ${attempt
                ? html`<div><p class="section-label">${s.yourAttempt}</p><p class="attempt-echo">${state.attempt}</p></div>`
                : nothing}
              ${this.labelledBlock('answer', s.answer, question.answer, 'block answer')}
            </div>
            ${this.renderExplanation(question)}
            ${this.mode === 'exam' ? nothing : this.renderGrades(session)}
          `
        : this.mode === 'exam'
          ? nothing
          : html`<div class="actions">
            <button part="button" class="primary" type="button" @click=${this.reveal}>${s.showAnswer} <kbd aria-hidden="true">${s.spaceKey}</kbd></button>
          </div>`}
    `;
  }

  /** The hint, or the button that shows it (open and choice questions alike). */
  private renderHint(question: Question, shown: boolean): TemplateResult | typeof nothing {
    const s = this.strings;
    if (!question.hint) return nothing;
    return shown
      ? this.labelledBlock('hint', s.hint, question.hint, 'block hint')
      : html`<div class="actions"><button part="button" type="button" @click=${this.showHint}>${s.showHint}</button></div>`;
  }

  /** Explanation and example, once the answer is shown or the choice checked. */
  private renderExplanation(question: Question): TemplateResult {
    const s = this.strings;
    return html`${this.labelledBlock('explanation', s.explanation, question.explanation)}${this.labelledBlock('example', s.example, question.example)}`;
  }

  /** A labelled block of bank text (answer, hint, explanation, example): its part, its label in the UI language, its markdown in the bank's. */
  private labelledBlock(place: 'answer' | 'hint' | 'explanation' | 'example', label: string, text: string | undefined, className = 'block'): TemplateResult | typeof nothing {
    return text
      ? html`<div part=${place} class=${className} lang=${this.bankLanguage}><p class="section-label" lang=${this.strings.lang}>${label}</p>${this.markdown(text, place)}</div>`
      : nothing;
  }

  private get bankLanguage(): string {
    return this.loadTask.value?.loaded.bank.language ?? '';
  }

  private renderGrades(session: PracticeSession): TemplateResult {
    const s = this.strings;
    const graded = session.state!.grade;
    // Before grading: when the question would come back after each grade ("Good · 3 d").
    const preview = graded === undefined ? this.previewOf(this.shownQuestion(session)!.id) : null;
    return html`
      <div part="grades" class="grades" role="group" aria-label=${s.gradePrompt}>
        ${GRADES.map((grade, i) => {
          const interval = preview ? preview.due[grade] - preview.at : null;
          // The accessible name is the visible text ("Good 3 d", WCAG 2.5.3), then the interval spelled out.
          return html`<button part="button" type="button" data-grade=${grade} aria-pressed=${graded === grade ? 'true' : 'false'}
            ?disabled=${graded !== undefined} @click=${() => this.grade(grade)}>
            <span>${s.grades[grade]}</span>
            ${interval === null
              ? nothing
              : html`<span part="interval" class="interval">${s.interval(interval)}</span>
                  <span class="visually-hidden">${s.gradeNextReview(s.relativeTime(interval))}</span>`}
            <kbd aria-hidden="true">${i + 1}</kbd>
          </button>`;
        })}
      </div>
    `;
  }

  private renderChoices(session: PracticeSession, question: Question): TemplateResult {
    const s = this.strings;
    const state = session.state!;
    const multiple = isMultipleChoice(question);
    const checked = state.checked;
    return html`
      ${this.renderHint(question, state.hintShown || checked)}
      <fieldset part="choices" lang=${this.bankLanguage}>
        <legend lang=${s.lang}>${multiple ? s.chooseAll : s.chooseOne}</legend>
        ${this.choiceOrder(question).map((i) => {
          const choice = question.choices![i]!;
          const selected = state.selected.includes(i);
          const verdict = checked ? (choice.correct ? 'right' : selected ? 'wrong' : '') : '';
          return html`
            <label part="choice" class="choice ${selected ? 'selected' : ''} ${verdict}">
              <input type=${multiple ? 'checkbox' : 'radio'} name="choice" .checked=${selected} ?disabled=${checked || session.complete}
                @change=${() => this.choose(i)} />
              <span>${this.markdown(choice.text, `choice-${i}`)}</span>
              ${checked && (choice.correct || selected)
                ? html`<span class="choice-mark" lang=${s.lang}>${choice.correct ? `✓ ${s.rightChoice}` : `✗ ${s.yourChoice}`}</span>`
                : nothing}
              ${checked && choice.feedback && (selected || choice.correct) ? html`<span class="choice-feedback">${this.markdown(choice.feedback, `feedback-${i}`)}</span>` : nothing}
            </label>
          `;
        })}
      </fieldset>
      ${checked
        ? html`<div part="feedback" data-focus="feedback" tabindex="-1">${this.renderVerdict(session, { score: state.score ?? 0, correct: !!state.correct }, multiple)}</div>
          ${this.renderExplanation(question)}`
        : this.renderCheck(state.selected.length > 0)}
    `;
  }

  /** The Check button (none in an exam), and the note after a wrong check with attempts left. */
  private renderCheck(ready: boolean): TemplateResult | typeof nothing {
    if (this.mode === 'exam') return nothing;
    return html`${this.retryNote ? html`<p part="feedback" class="result wrong">${this.retryNote}</p>` : nothing}
      <div class="actions"><button part="button" class="primary" type="button" ?disabled=${!ready} @click=${this.check}>${this.strings.check}</button></div>`;
  }

  /** Choice indices in the order shown: shuffled with `shuffle-choices` (by seed and question, so the same on every visit). */
  private choiceOrder(question: Question): number[] {
    const order = question.choices!.map((_, i) => i);
    return this.shuffleChoices ? shuffled(order, seededRandom(`${this.seed ?? ''}/${question.id}`)) : order;
  }

  /**
   * A one-off card, as in a blog post: one question (`question=`) with the page's default progress
   * (no `progress-key`, no `progressStore`), or `no-progress`. It shows no schedule, statuses or
   * key list; a course page that names its progress keeps them.
   */
  private get oneOff(): boolean {
    return this.noProgress || (!!this.question && this.progressKey === 'default' && !this.progressStore);
  }

  private renderNav(session: PracticeSession, single: boolean, open: boolean): TemplateResult {
    const s = this.strings;
    const done = session.isDone(session.index);
    // Exam: Submit, or back to the results (from the exam chunk).
    const exam = this.mode === 'exam' && examChunk.value?.examNav(this as unknown as ExamHost, session, single);
    if (this.mode === 'exam' && !examChunk.value) void examChunk.request().then(() => this.requestUpdate());
    return html`
      <div part="nav" class="nav">
        <div class="actions">
          ${single
            ? nothing
            : html`<button part="button" type="button" ?disabled=${session.index === 0} @click=${() => this.go(-1)}>← ${s.previous}</button>`}
          ${session.canUndo ? html`<button part="button" type="button" @click=${this.undo}>${s.undo} <kbd aria-hidden="true">U</kbd></button>` : nothing}
        </div>
        <div class="actions">
          ${exam || nothing}
          ${single && done ? html`<button part="button" type="button" @click=${() => this.restart(false)}>${s.tryAgain}</button>` : nothing}
          ${single
            ? nothing
            : html`<button part="button" type="button" class=${done ? 'primary' : ''} ?disabled=${session.index === session.questions.length - 1}
                @click=${() => this.go(1)}>${s.next} →</button>`}
        </div>
      </div>
      ${this.oneOff || !open ? nothing : html`<p part="keys" class="help">${s.keyboardHelp}</p>`}
    `;
  }

  /** The summary, from its chunk (fetched while the last question shows). */
  private renderSummary(session: PracticeSession): TemplateResult {
    const loaded = summaryChunk.value;
    if (!loaded) return this.renderChunkMissing(summaryChunk);
    adoptStyles(this.shadowRoot, loaded.summaryStyles);
    const store = this.activeStore;
    const context = this.viewContext();
    const views = progressViewsChunk.value;
    return loaded.renderSummary(session, {
      strings: this.strings,
      headingLevel: this.headingLevel,
      schedule: store && context && views ? { store, bank: this.loadTask.value!.loaded.bank, recordings: this.recordings, table: (rows, language) => views.scheduleTable(rows, language, context) } : null,
      restart: (onlyMissed) => this.restart(onlyMissed),
      undo: () => this.undo(),
      passMark: this.passMark,
      review: this.mode === 'exam' ? () => this.reviewAnswers() : undefined,
    });
  }

  /** A lazy part not here yet: a skeleton while it downloads, or a note with Retry when it could not. */
  private renderChunkMissing(chunk: LazyChunk<unknown>): TemplateResult {
    if (!chunk.failed) {
      void chunk.request().then(() => this.requestUpdate());
      return this.renderSkeleton();
    }
    const s = this.strings;
    return html`<div class="error" role="alert" part="error"><p class="message">${s.elementCodeFailed('quiz-card')}</p>
      <div class="actions"><button part="button" type="button" @click=${() => chunk.request().then(() => this.requestUpdate())}>${s.retry}</button></div></div>`;
  }

  /** `mode="review"` with nothing to ask: why, and when the next review is (a queue exists only with the views loaded). */
  private renderReviewEmpty(queue: ReviewQueue): TemplateResult {
    adoptStyles(this.shadowRoot, progressViewsChunk.value!.reviewStyles);
    return progressViewsChunk.value!.reviewEmpty(queue, this.viewContext(), this.strings, this.headingLevel);
  }

  /** Notes about stored progress (shown by one element of the page), and this card's own. */
  private renderNotes(): TemplateResult | typeof nothing {
    const notes: ProgressNote[] = this.recordFailedNote ? [...this.progress.notes, 'record-failed'] : this.progress.notes;
    return renderProgressNotes(notes, this.strings, () => this.dismissNotes());
  }

  private describeFilters(bank: Bank): string {
    const s = this.strings;
    const parts: string[] = [];
    if (this.topic) {
      const titles = this.topic.split(',').map((id) => {
        const topic = bank.topics.find((t) => t.id === id.trim());
        return topic ? `“${topic.title}” (${topic.id})` : `“${id.trim()}”`;
      });
      parts.push(s.filterTopic(titles.join(', ')));
    }
    if (this.kind) parts.push(s.filterKind(this.kind));
    return parts.join(' + ') || '—';
  }
}

/** No src, bank or inline source: a page-author mistake, reported without a Retry button. */
class MissingSourceError extends Error {
  constructor() {
    super('no question source');
    this.name = 'MissingSourceError';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'quiz-card': QuizCard;
  }
}
