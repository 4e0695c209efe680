import { html, isServer, type nothing, type PropertyValues, type TemplateResult } from 'lit';
import { bankFromJsonText, bankFromInlineDocument, bankFromUrl, bankFromValue, lazyModule, urlLoader, type LoadedBank } from '../../bank/load-core.js';
import { languageOf } from '../../i18n/index.js';
import { markdownStyles } from '../../render/markdown.styles.js';
import { noticeStyles } from '../../styles/notice.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import type { Bank } from '../../bank/types.js';
import { askedType, interactionViews, type ViewType } from '../../interactions/views.js';
import { recordsNotes } from '../../records/learning-records.js';
import { adoptStyles } from '../adopt-styles.js';
import { ProgressController, renderProgressNotes, type ProgressNote } from '../progress-controller.js';
import { MissingSourceError } from '../quiz-element.js';
import { BankMarkdown, rendererChunk, type CardLoaded } from './bank-markdown.js';
import { isOneOff, QuizCardAttributes, wantsReview } from './card-attributes.js';
import type { CardView } from './card-view.js';
import { PracticeController, progressViewsChunk, summaryChunk } from './practice-controller.js';
import { quizCardStyles } from './quiz-card.styles.js';
import { RecordingController } from './recording-controller.js';
import { renderQuestion } from './views/question-view.js';
import { loadErrorShown, renderCardLoadError, renderChunkMissing, renderNoQuestions, renderSkeleton } from './views/state-views.js';

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
 * @csspart actions - The row with Show answer (open questions) or Check (choice questions): the browser keeps it in view, as it keeps the grades.
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
export class QuizCard extends QuizCardAttributes {
  static override styles = [themeStyles, markdownStyles, noticeStyles, quizCardStyles];

  /** The store in use, its subscription and its one-time notes (shared with every element of the page). */
  readonly #progress = new ProgressController(this, {
    notes: true,
    eager: () => wantsReview(this),
    onChange: () => {
      // Statuses, previews and the summary read the store when rendering; previews are asked again.
      this.#recording.forgetPreviews();
      // An empty review may have something now (another card or tab answered, an import); a set in progress stays as it is.
      this.#practice.markStale(true);
    },
    onReady: () => this.#practice.markStale(),
  });
  readonly #recording = new RecordingController(this, this.#progress);
  readonly #practice = new PracticeController(this, {
    strings: () => this.strings,
    bank: () => this.loadedBank,
    progress: this.#progress,
    recording: this.#recording,
  });
  readonly #markdown = new BankMarkdown(() => this.requestUpdate());

  constructor() {
    super();
    // On the host, not inside: shortcuts also work while the card itself has focus, as when a
    // container (question-browser) focuses it or hands it the keys pressed on its detail pane.
    this.addEventListener('keydown', (event) => this.#practice.onKey(event, this.#view()));
  }

  protected override async load(signal: AbortSignal): Promise<CardLoaded> {
    try {
      return await this.#load(signal);
    } catch (error) {
      // The failure shows with its full message: that code is a chunk of its own, fetched now.
      if (!signal.aborted) await loadErrorShown();
      throw error;
    }
  }

  async #load(signal: AbortSignal): Promise<CardLoaded> {
    // The renderer loads in parallel with the bank, so the first question is not delayed.
    const renderer = lazyModule(rendererChunk);
    const { loaded: preloaded, bank, src, timeout } = this;
    const inline = this.context.inline;
    const base = document.baseURI;
    let loaded: LoadedBank;
    if (preloaded) loaded = preloaded;
    else if (bank && typeof bank === 'object') loaded = bankFromValue(bank, base);
    else if (src) {
      // The URL loader is a chunk of its own: cards whose bank is on the page never download it.
      loaded = await bankFromUrl(new URL(src, base), { signal, timeout });
    } else if (inline && inline.type !== 'json') loaded = await bankFromInlineDocument(inline.text, inline.type, base);
    else if (inline) loaded = bankFromJsonText(inline.text, base);
    else if (typeof bank === 'string' && bank) loaded = await (await lazyModule(urlLoader, { bankId: bank })).loadBundledBank(bank, { signal, timeout });
    else throw new MissingSourceError();
    return { loaded, renderer: await renderer };
  }

  /** The bank the card asks from, once loaded (learning records read questions from it). */
  get loadedBank(): Bank | undefined {
    return this.#value()?.loaded.bank;
  }

  /**
   * The bank and renderer: the load task's; on the server (`quiz-elements/ssr`), which runs no
   * task, the `loaded` bank and the renderer given before rendering. (`isServer` is false in
   * browser builds, so this costs them nothing.)
   */
  #value(): CardLoaded | undefined {
    return this.loadTask.value ?? (isServer && this.loaded && rendererChunk.value ? { loaded: this.loaded, renderer: rendererChunk.value } : undefined);
  }

  protected override loadArgs() {
    return [this.loaded, this.src, this.bank, this.context.inline, this.timeout];
  }

  protected override languageChanged(): void {
    this.#markdown.clear();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.#markdown.clear();
    if (this.#practice.sync(changed, this.#value())) this.#markdown.clear();
  }

  /** The server drew a typed question with its view: the card takes over once it has that view too (or it failed), so nothing shifts. */
  protected override canReplaceServerContent(): boolean {
    if (!super.canReplaceServerContent()) return false;
    const session = this.#practice.session;
    const question = session && this.#practice.shownQuestion(session);
    const type = question && askedType(question);
    if (!type || type === 'open' || type === 'choice') return true;
    const chunk = interactionViews[type as ViewType];
    if (chunk.value || chunk.failed) return true;
    void chunk.request().then(() => this.requestUpdate());
    return false;
  }

  /** An answer the learner opened in the server's rendering stays open. */
  protected override takeOver(): void {
    if (this.serverRendered!.some((node) => node instanceof Element && node.querySelector('details[open]'))) this.#practice.reveal();
  }

  /** What the view modules render the shown question from; null without one. */
  #view(): CardView | null {
    const { session } = this.#practice;
    const value = this.#value();
    const question = session && this.#practice.shownQuestion(session);
    if (!question || !value) return null;
    return {
      card: this,
      strings: this.strings,
      session,
      bank: value.loaded.bank,
      question,
      practice: this.#practice,
      recording: this.#recording,
      single: !this.#practice.isSet,
      oneOff: isOneOff(this),
      markdown: (text, place) => this.#markdown.render(text, place, value, this.strings, this.headingLevel),
      root: this.shadowRoot,
    };
  }

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.strings;
    // The UI strings of the card's language are still loading (the Chinese chunk): a bare
    // skeleton, no text in the wrong language. The bank and renderer load meanwhile.
    if (this.context.stringsPending) return html`<div part="card" class="card" aria-busy="true">${renderSkeleton(s, false)}</div>`;
    const busy = this.loadTask.status === 1; // TaskStatus.PENDING
    return html`
      <div part="card" class="card" lang=${s.lang} aria-busy=${busy ? 'true' : 'false'}>
        ${this.#renderNotes()}${recordsNotes.render?.(this)}
        ${isServer && this.#value() ? this.#renderSession() : this.loadTask.render({
          initial: () => renderSkeleton(s),
          pending: () => renderSkeleton(s),
          error: (error) => renderCardLoadError(error, s, () => void this.loadTask.run()),
          complete: () => this.#renderSession(),
        })}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#practice.announcement}</div>
      </div>
    `;
  }

  /** The card by the session's phase: nothing to ask, the summary, or the shown question. */
  #renderSession(): TemplateResult {
    const s = this.strings;
    const { session, queue } = this.#practice;
    const bank = this.loadedBank;
    if (!bank) return renderSkeleton(s);
    // A review set waits for the progress views' chunk: a note with Retry if it could not be downloaded.
    if (!session) return progressViewsChunk.failed ? renderChunkMissing(this.#practice, progressViewsChunk, s) : renderSkeleton(s);
    const phase = session.phase;
    if (phase === 'empty') return queue && queue.total > 0 ? this.#renderReviewEmpty() : renderNoQuestions(this, bank, s);
    if (phase === 'finished' && this.#practice.isSet) return this.#renderSummary();
    return renderQuestion(this.#view()!, queue && queue.questions === session.questions ? queue : null);
  }

  /** The summary, from its chunk (fetched while the last question shows), with the schedule when progress is kept. */
  #renderSummary(): TemplateResult {
    const loaded = summaryChunk.value;
    if (!loaded) return renderChunkMissing(this, summaryChunk, this.strings);
    adoptStyles(this.shadowRoot, loaded.summaryStyles);
    const practice = this.#practice;
    const strings = this.strings;
    const store = this.#progress.store;
    const views = progressViewsChunk.value;
    const context = this.#progressViewContext();
    const bank = this.loadedBank!;
    return loaded.renderSummary(practice.session!, {
      strings,
      headingLevel: this.headingLevel,
      schedule: store && context && views ? { store, bank, recordings: this.#recording.recordings, table: (rows, language) => views.scheduleTable(rows, language, context) } : null,
      restart: (onlyMissed) => practice.restart(onlyMissed),
      undo: practice.undo,
      passMark: this.passMark,
      review: this.mode === 'exam' ? () => practice.reviewAnswers() : undefined,
    });
  }

  /** `mode="review"` with nothing to ask: why, and when the next review is (a queue exists only with the views loaded). */
  #renderReviewEmpty(): TemplateResult {
    const views = progressViewsChunk.value!;
    adoptStyles(this.shadowRoot, views.reviewStyles);
    return views.reviewEmpty(this.#practice.queue!, this.#progressViewContext(), this.strings, this.headingLevel);
  }

  /** What the progress views need to write dates (null without a store or their chunk, or when the store's clock fails). */
  #progressViewContext() {
    const store = this.#progress.store;
    return (store && progressViewsChunk.value?.viewContext(store, this.strings, languageOf(this), this.headingLevel)) ?? null;
  }

  /** Notes about stored progress (shown by one element of the page), and this card's own. */
  #renderNotes(): TemplateResult | typeof nothing {
    const notes: ProgressNote[] = this.#recording.failed ? [...this.#progress.notes, 'record-failed'] : this.#progress.notes;
    return renderProgressNotes(notes, this.strings, () => {
      this.#progress.dismissNotes();
      this.#recording.failed = false;
      this.#practice.focus('question'); // the button is gone: keep keyboard users in the card
    });
  }
}

customElements.define('quiz-card', QuizCard);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-card': QuizCard;
  }
}
