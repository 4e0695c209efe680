import { Task } from '@lit/task';
import { html, LitElement, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { bankFromJsonText, bankFromMarkdown, bankFromValue, loadBankFromUrl, loadBundledBank, type LoadedBank } from '../../bank/load.js';
import type { Bank, Question, QuestionKind } from '../../bank/types.js';
import { variantsOf } from '../../bank/variants.js';
import { QuizAnswerEvent } from '../../events/quiz-answer.js';
import { QuizCompleteEvent } from '../../events/quiz-complete.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { QuizGradeEvent } from '../../events/quiz-grade.js';
import { QuizRevealEvent } from '../../events/quiz-reveal.js';
import { GRADES, isMultipleChoice, PracticeSession, selectQuestions, type Grade } from '../../practice/practice-set.js';
import { markdownStyles } from '../../render/markdown.styles.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { describeLoadError } from '../load-error-message.js';
import { PageContextController } from '../page-context.js';
import { quizCardStyles } from './quiz-card.styles.js';

type Renderer = typeof import('../../render/markdown.js');

interface Loaded {
  loaded: LoadedBank;
  renderer: Renderer;
}

/** Keeps keyboard shortcuts away from what the learner is typing or operating. */
function isTextEntry(target: EventTarget | null): boolean {
  return target instanceof HTMLTextAreaElement || (target instanceof HTMLInputElement && !['radio', 'checkbox'].includes(target.type));
}

/**
 * A practice card for one question or a practice set from a question bank: flashcards with
 * self-grading (Again / Hard / Good / Easy) for open questions, single or multiple choice with
 * feedback for choice questions, and a summary at the end.
 *
 * @summary Practice questions from a bank, anywhere on a page.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a single question, or `<script type="text/markdown">` holding a Q&A document.
 *
 * @csspart card - The card's outer box.
 * @csspart header - Kind badge and position ("3 / 10").
 * @csspart title - The question title.
 * @csspart prompt - The question text.
 * @csspart hint - The hint, once shown.
 * @csspart attempt - The learner's typed answer field.
 * @csspart answer - The reference answer.
 * @csspart explanation - The explanation.
 * @csspart example - The example.
 * @csspart choices - The group of choices of a choice question.
 * @csspart choice - One choice.
 * @csspart feedback - Feedback on a checked choice question.
 * @csspart grades - The group of grade buttons.
 * @csspart variants - The switch between answers of questions with the same title.
 * @csspart nav - Previous / next navigation.
 * @csspart summary - The end-of-set summary.
 * @csspart error - The error message box.
 * @csspart button - Every button.
 *
 * @cssprop --quiz-bg - Card background.
 * @cssprop --quiz-fg - Text colour.
 * @cssprop --quiz-muted - Secondary text colour.
 * @cssprop --quiz-border - Border colour.
 * @cssprop --quiz-surface - Background of code, skeletons and the typed answer.
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
 *
 * @fires {QuizRevealEvent} quiz-reveal - The learner showed an answer. Detail: `{ bankId, questionId }`.
 * @fires {QuizGradeEvent} quiz-grade - The learner graded an open question. Detail: `{ bankId, questionId, grade }`.
 * @fires {QuizAnswerEvent} quiz-answer - The learner checked a choice question. Detail: `{ bankId, questionId, correct, selected }`.
 * @fires {QuizCompleteEvent} quiz-complete - The learner finished the practice set. Detail: the summary.
 * @fires {QuizErrorEvent} quiz-error - Loading failed. Detail: `{ error }`.
 */
@customElement('quiz-card')
export class QuizCard extends LitElement {
  static override styles = [themeStyles, markdownStyles, quizCardStyles];

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

  /** How many questions a practice set asks. */
  @property({ type: Number }) count = 10;

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

  @state() private session: PracticeSession | null = null;
  @state() private announcement = '';

  private sessionSource: unknown = null;
  /** Where focus goes after the next render, so keyboard and screen-reader users follow along. */
  private pendingFocus: 'question' | 'answer' | 'feedback' | null = null;
  private readonly markdownCache = new Map<string, TemplateResult>();
  private readonly context = new PageContextController(this, () => this.markdownCache.clear());

  private readonly loadTask = new Task(this, {
    task: async ([preloaded, src, bank, inline, timeout], { signal }): Promise<Loaded> => {
      // The renderer loads in parallel with the bank, so the first question is not delayed.
      const renderer = import('../../render/markdown.js');
      const base = document.baseURI;
      let loaded: LoadedBank;
      if (preloaded) loaded = preloaded;
      else if (bank && typeof bank === 'object') loaded = bankFromValue(bank, base);
      else if (src) loaded = await loadBankFromUrl(new URL(src, base), { signal, timeout });
      else if (inline?.type === 'markdown') loaded = await bankFromMarkdown(inline.text, base, 'inline markdown');
      else if (inline) loaded = bankFromJsonText(inline.text, base);
      else if (typeof bank === 'string' && bank) loaded = await loadBundledBank(bank, { signal, timeout });
      else throw new MissingSourceError();
      return { loaded, renderer: await renderer };
    },
    args: () => [this.loaded, this.src, this.bank, this.context.inline, this.timeout] as const,
    onError: (error) => {
      if ((error as Error)?.name !== 'AbortError') this.dispatchEvent(new QuizErrorEvent({ error }));
    },
  });

  private get strings() {
    return this.context.strings;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('headingLevel')) this.markdownCache.clear();
    const value = this.loadTask.value;
    const filtersChanged = (['question', 'topic', 'kind', 'count', 'shuffle', 'seed'] as const).some((key) => changed.has(key));
    if (value && (value !== this.sessionSource || filtersChanged)) {
      if (value !== this.sessionSource) this.markdownCache.clear();
      this.sessionSource = value;
      this.session = new PracticeSession(this.selectedQuestions(value.loaded.bank));
    }
  }

  protected override updated(): void {
    if (this.pendingFocus) {
      this.renderRoot.querySelector<HTMLElement>(`[data-focus="${this.pendingFocus}"]`)?.focus();
      this.pendingFocus = null;
    }
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
    return selectQuestions(bank, { topics, kind: this.kind, count: this.count, shuffle: this.shuffle, seed: this.seed });
  }

  private get bankId(): string {
    return this.loadTask.value?.loaded.bank.id ?? '';
  }

  private markdown(text: string | undefined): TemplateResult | typeof nothing {
    const value = this.loadTask.value;
    if (!text || !value) return nothing;
    let rendered = this.markdownCache.get(text);
    if (!rendered) {
      const s = this.strings;
      rendered = value.renderer.renderMarkdown(text, {
        baseUrl: value.loaded.baseUrl,
        headingLevel: this.headingLevel + 1,
        strings: { copy: s.copy, copied: s.copied, copyFailed: s.copyFailed, code: s.code, table: s.table, newTab: s.newTab },
      });
      this.markdownCache.set(text, rendered);
    }
    return rendered;
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
    return variantsOf(bank, question)[session.state!.variant] ?? question;
  }

  // --- user actions -----------------------------------------------------------------------

  private reveal(): void {
    const session = this.session;
    if (!session?.current || session.current.choices || !session.reveal()) return;
    this.dispatchEvent(new QuizRevealEvent({ bankId: this.bankId, questionId: this.shownQuestion(session)!.id }));
    this.announce(this.strings.announceAnswerShown);
    this.pendingFocus = 'answer';
    this.requestUpdate();
  }

  private grade(grade: Grade): void {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    if (!session || !question || !session.grade(grade)) return;
    this.dispatchEvent(new QuizGradeEvent({ bankId: this.bankId, questionId: question.id, grade }));
    this.afterAnswer(this.strings.announceGraded(this.strings.grades[grade], this.position(session)));
  }

  private check(): void {
    const session = this.session;
    const question = session && this.shownQuestion(session);
    if (!session || !question) return;
    const selected = [...session.state!.selected];
    const correct = session.check();
    if (correct === null) return;
    this.dispatchEvent(new QuizAnswerEvent({ bankId: this.bankId, questionId: question.id, correct, selected }));
    this.afterAnswer(this.strings.announceChecked(correct), 'feedback');
  }

  private afterAnswer(message: string, focus: 'question' | 'feedback' = 'question'): void {
    const session = this.session!;
    if (session.complete) {
      if (session.questions.length > 1) {
        this.dispatchEvent(new QuizCompleteEvent({ bankId: this.bankId, ...session.summary() }));
        this.announce(`${message} ${this.strings.announceComplete}`);
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
    this.announce(this.strings.announceUndone);
    this.pendingFocus = 'question';
    this.requestUpdate();
  }

  private go(offset: number): void {
    const session = this.session;
    if (!session || session.complete) return;
    const target = session.index + offset;
    if (target < 0 || target >= session.questions.length) return;
    session.goTo(target);
    this.announce(this.strings.announceQuestion(this.position(session)));
    this.pendingFocus = 'question';
    this.requestUpdate();
  }

  private restart(onlyMissed: boolean): void {
    const session = this.session;
    if (!session) return;
    const missed = new Set(session.summary().missed);
    const questions = onlyMissed ? session.questions.filter((q) => missed.has(q.id)) : session.questions;
    this.session = new PracticeSession(questions);
    this.announce(this.strings.announceQuestion(this.position(this.session)));
    this.pendingFocus = 'question';
  }

  private showHint(): void {
    this.session?.showHint();
    this.requestUpdate();
  }

  private switchVariant(index: number): void {
    const state = this.session?.state;
    if (!state || state.variant === index) return;
    state.variant = index;
    this.requestUpdate();
  }

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || isTextEntry(event.composedPath()[0] ?? null)) return;
    const session = this.session;
    if (!session || session.complete) {
      return;
    }
    const target = event.composedPath()[0];
    const onControl = target instanceof HTMLButtonElement || target instanceof HTMLInputElement || target instanceof HTMLAnchorElement;
    const state = session.state;
    if (event.key === ' ' && !onControl && state && !state.revealed && !session.current?.choices) {
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
    const s = this.strings;
    const busy = this.loadTask.status === 1; // TaskStatus.PENDING
    return html`
      <div part="card" class="card" lang=${s.lang} aria-busy=${busy ? 'true' : 'false'} @keydown=${this.onKeyDown}>
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

  private renderSkeleton(): TemplateResult {
    return html`
      <div class="skeleton" part="skeleton">
        <span class="visually-hidden">${this.strings.loading}</span>
        <div class="skeleton-line" style="width: 40%"></div>
        <div class="skeleton-line" style="width: 90%"></div>
        <div class="skeleton-line" style="width: 75%"></div>
        <div class="skeleton-line" style="width: 60%"></div>
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
      const message = this.question ? s.questionNotFound(this.question, bank.id) : s.emptyFilter(this.describeFilters(bank));
      return html`<p class="message error" role="alert" part="error">${message}</p>`;
    }
    if (session.complete && session.questions.length > 1) return this.renderSummary(session);
    const question = this.shownQuestion(session)!;
    const single = session.questions.length === 1;
    return html`
      <div part="header" class="header">
        <span class="badge">${question.kind === 'coding' ? s.kindCoding : s.kindConcept}</span>
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
        <div part="prompt" class="prompt">${this.markdown(question.prompt)}</div>
      </section>
      ${question.choices ? this.renderChoices(session, question) : this.renderOpen(session, question)}
      ${this.renderNav(session, single)}
    `;
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
      ${question.hint
        ? state.hintShown || state.revealed
          ? html`<div part="hint" class="block hint" lang=${this.bankLanguage}><p class="section-label" lang=${s.lang}>${s.hint}</p>${this.markdown(question.hint)}</div>`
          : html`<div class="actions"><button part="button" type="button" @click=${this.showHint}>${s.showHint}</button></div>`
        : nothing}
      ${this.answerBox && !state.revealed
        ? html`<div>
            <label class="field-label" for="attempt">${s.yourAttempt}</label>
            <textarea part="attempt" id="attempt" placeholder=${s.attemptPlaceholder} .value=${state.attempt}
              @input=${(e: Event) => (state.attempt = (e.target as HTMLTextAreaElement).value)}></textarea>
          </div>`
        : nothing}
      ${state.revealed
        ? html`
            <div class="reveal-columns ${attempt ? 'with-attempt' : ''}" data-focus="answer" tabindex="-1">
              ${attempt
                ? html`<div><p class="section-label">${s.yourAttempt}</p><p class="attempt-echo">${state.attempt}</p></div>`
                : nothing}
              <div part="answer" class="block answer" lang=${this.bankLanguage}>
                <p class="section-label" lang=${s.lang}>${s.answer}</p>
                ${this.markdown(question.answer)}
              </div>
            </div>
            ${question.explanation
              ? html`<div part="explanation" class="block" lang=${this.bankLanguage}><p class="section-label" lang=${s.lang}>${s.explanation}</p>${this.markdown(question.explanation)}</div>`
              : nothing}
            ${question.example
              ? html`<div part="example" class="block" lang=${this.bankLanguage}><p class="section-label" lang=${s.lang}>${s.example}</p>${this.markdown(question.example)}</div>`
              : nothing}
            ${this.renderGrades(session)}
          `
        : html`<div class="actions">
            <button part="button" class="primary" type="button" @click=${this.reveal}>${s.showAnswer} <span class="key" aria-hidden="true">(Space)</span></button>
          </div>`}
    `;
  }

  private get bankLanguage(): string {
    return this.loadTask.value?.loaded.bank.language ?? '';
  }

  private renderGrades(session: PracticeSession): TemplateResult {
    const s = this.strings;
    const graded = session.state!.grade;
    return html`
      <div part="grades" class="grades" role="group" aria-label=${s.gradePrompt}>
        ${GRADES.map(
          (grade, i) => html`<button part="button" type="button" data-grade=${grade} aria-pressed=${graded === grade ? 'true' : 'false'}
            ?disabled=${graded !== undefined} @click=${() => this.grade(grade)}>
            <span>${s.grades[grade]}</span><kbd aria-hidden="true">${i + 1}</kbd>
          </button>`,
        )}
      </div>
    `;
  }

  private renderChoices(session: PracticeSession, question: Question): TemplateResult {
    const s = this.strings;
    const state = session.state!;
    const multiple = isMultipleChoice(question);
    const checked = state.checked;
    return html`
      <fieldset part="choices" lang=${this.bankLanguage}>
        <legend lang=${s.lang}>${multiple ? s.chooseAll : s.chooseOne}</legend>
        ${question.choices!.map((choice, i) => {
          const selected = state.selected.includes(i);
          const verdict = checked ? (choice.correct ? 'right' : selected ? 'wrong' : '') : '';
          return html`
            <label part="choice" class="choice ${selected ? 'selected' : ''} ${verdict}">
              <input type=${multiple ? 'checkbox' : 'radio'} name="choice" .checked=${selected} ?disabled=${checked}
                @change=${() => {
                  session.select(i);
                  this.requestUpdate();
                }} />
              <span>${this.markdown(choice.text)}</span>
              ${checked && (choice.correct || selected)
                ? html`<span class="choice-mark" lang=${s.lang}>${choice.correct ? `✓ ${s.rightChoice}` : `✗ ${s.yourChoice}`}</span>`
                : nothing}
              ${checked && choice.feedback && (selected || choice.correct) ? html`<span class="choice-feedback">${this.markdown(choice.feedback)}</span>` : nothing}
            </label>
          `;
        })}
      </fieldset>
      ${checked
        ? html`<div part="feedback" data-focus="feedback" tabindex="-1">
            <p class="result ${state.correct ? 'right' : 'wrong'}">${state.correct ? s.correct : `${s.incorrect} ${s.correctAnswerWas}`}</p>
            <p class="message">${s.score(session.summary().right, session.questions.filter((q) => q.choices).length)}</p>
          </div>`
        : html`<div class="actions">
            <button part="button" class="primary" type="button" ?disabled=${state.selected.length === 0} @click=${this.check}>${s.check}</button>
          </div>`}
    `;
  }

  private renderNav(session: PracticeSession, single: boolean): TemplateResult {
    const s = this.strings;
    const done = session.isDone(session.index);
    return html`
      <div part="nav" class="nav">
        <div class="actions">
          ${single
            ? nothing
            : html`<button part="button" type="button" ?disabled=${session.index === 0} @click=${() => this.go(-1)}>← ${s.previous}</button>`}
          ${session.canUndo ? html`<button part="button" type="button" @click=${this.undo}>${s.undo} <span class="key" aria-hidden="true">(U)</span></button>` : nothing}
        </div>
        <div class="actions">
          ${single && done ? html`<button part="button" type="button" @click=${() => this.restart(false)}>${s.tryAgain}</button>` : nothing}
          ${single
            ? nothing
            : html`<button part="button" type="button" class=${done ? 'primary' : ''} ?disabled=${session.index === session.questions.length - 1}
                @click=${() => this.go(1)}>${s.next} →</button>`}
        </div>
      </div>
      <p class="help">${s.keyboardHelp}</p>
    `;
  }

  private renderSummary(session: PracticeSession): TemplateResult {
    const s = this.strings;
    const summary = session.summary();
    const open = summary.total - summary.right - summary.wrong;
    return html`
      <section part="summary" class="summary" data-focus="question" tabindex="-1" aria-labelledby="summary-title">
        <div class="title" id="summary-title" role="heading" aria-level=${this.headingLevel}>${s.summaryTitle}</div>
        <dl>
          ${open > 0 ? GRADES.map((grade) => html`<dt>${s.grades[grade]}</dt><dd>${summary.grades[grade]}</dd>`) : nothing}
          ${summary.right + summary.wrong > 0 ? html`<dt>${s.check}</dt><dd>${s.summaryChoices(summary.right, summary.wrong)}</dd>` : nothing}
        </dl>
        <p class="message">${s.timeTaken(s.duration(summary.durationMs))}</p>
      </section>
      <div class="actions">
        <button part="button" class="primary" type="button" @click=${() => this.restart(false)}>${s.restart}</button>
        ${summary.missed.length > 0
          ? html`<button part="button" type="button" @click=${() => this.restart(true)}>${s.reviewMissed(summary.missed.length)}</button>`
          : nothing}
        ${session.canUndo ? html`<button part="button" type="button" @click=${this.undo}>${s.undo}</button>` : nothing}
      </div>
    `;
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
