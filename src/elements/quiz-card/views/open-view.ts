/** The open question (flashcard) and the blocks every question type shows: hint, answer, explanation, example. */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { Question } from '../../../bank/types.js';
import { GRADES } from '../../../practice/practice-set.js';
import type { CardView } from '../card-view.js';

type Place = 'answer' | 'hint' | 'explanation' | 'example';

/** A labelled block of bank text: its part, its label in the UI language, its markdown in the bank's. */
export function labelledBlock(view: CardView, place: Place, label: string, text: string | undefined, className = 'block'): TemplateResult | typeof nothing {
  return text
    ? html`<div part=${place} class=${className} lang=${view.bank.language}><p class="section-label" lang=${view.strings.lang}>${label}</p>${view.markdown(text, place)}</div>`
    : nothing;
}

/** The hint, or the button that shows it. */
export function renderHint(view: CardView, shown: boolean): TemplateResult | typeof nothing {
  const { question, strings: s } = view;
  if (!question.hint) return nothing;
  return shown
    ? labelledBlock(view, 'hint', s.hint, question.hint, 'block hint')
    : html`<div class="actions"><button part="button" type="button" @click=${view.practice.showHint}>${s.showHint}</button></div>`;
}

/** Explanation and example, once the answer is shown or the question checked. */
export function renderExplanation(view: CardView, question: Question = view.question): TemplateResult {
  const s = view.strings;
  return html`${labelledBlock(view, 'explanation', s.explanation, question.explanation)}${labelledBlock(view, 'example', s.example, question.example)}`;
}

/** A flashcard: the optional attempt box, Show answer, then the answer and the four grades. */
export function renderOpen(view: CardView): TemplateResult {
  const { strings: s, question, practice } = view;
  const state = view.session.state!;
  const attempt = state.attempt.trim();
  const exam = view.card.mode === 'exam';
  return html`
    ${renderHint(view, state.hintShown || state.revealed)}
    ${view.card.answerBox && !state.revealed
      ? html`<div>
          <label class="field-label" for="attempt">${s.yourAttempt}</label>
          <textarea part="attempt" id="attempt" placeholder=${s.attemptPlaceholder} .value=${state.attempt}
            @input=${(e: Event) => practice.type((e.target as HTMLTextAreaElement).value)}></textarea>
        </div>`
      : nothing}
    ${state.revealed
      ? html`
          <div class="reveal-columns ${attempt ? 'with-attempt' : ''}" data-focus="answer" tabindex="-1">
            ${attempt ? html`<div><p class="section-label">${s.yourAttempt}</p><p class="attempt-echo">${state.attempt}</p></div>` : nothing}
            ${labelledBlock(view, 'answer', s.answer, question.answer, 'block answer')}
          </div>
          ${renderExplanation(view)}
          ${exam ? nothing : renderGrades(view)}
        `
      : exam
        ? nothing
        : isServer
          ? // Server-rendered (quiz-elements/ssr): the answer opens without JavaScript; the card replaces this once it runs.
            renderStaticAnswer(view)
          : html`<div part="actions" class="actions">
            <button part="button" class="primary" type="button" @click=${practice.reveal}>${s.showAnswer} <kbd aria-hidden="true">${s.spaceKey}</kbd></button>
          </div>`}
  `;
}

/** Again / Hard / Good / Easy, each with when the question would come back ("Good 3 d"). */
function renderGrades(view: CardView): TemplateResult {
  const s = view.strings;
  const graded = view.session.state!.grade;
  const preview = graded === undefined ? view.recording.previewOf(view.bank.id, view.question.id) : null;
  return html`
    <div part="grades" class="grades" role="group" aria-label=${s.gradePrompt}>
      ${GRADES.map((grade, i) => {
        const interval = preview ? preview.due[grade] - preview.at : null;
        // The accessible name is the visible text ("Good 3 d", WCAG 2.5.3), then the interval spelled out.
        return html`<button part="button" type="button" data-grade=${grade} aria-pressed=${graded === grade ? 'true' : 'false'}
          ?disabled=${graded !== undefined} @click=${() => view.practice.grade(grade)}>
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

/** The answer and explanation in a native `<details>`, drawn where Show answer or Check will be: it opens without JavaScript. */
export function renderStaticAnswer(view: CardView): TemplateResult {
  const s = view.strings;
  return html`<details class="static-answer"><summary><span class="static-button">${s.showAnswer}</span></summary>
    ${labelledBlock(view, 'answer', s.answer, view.question.answer, 'block answer')}${renderExplanation(view)}</details>`;
}
