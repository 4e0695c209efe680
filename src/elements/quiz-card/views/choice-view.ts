/** The choice question, and what every checked question shows: Check, the verdict, the running score. */
import { html, isServer, nothing, type TemplateResult } from 'lit';
import type { Grading } from '../../../interactions/interaction.js';
import { isMultipleChoice, seededRandom, shuffled } from '../../../practice/practice-set.js';
import type { CardView } from '../card-view.js';
import { renderExplanation, renderHint, renderStaticAnswer } from './open-view.js';

/** Right, partly right or wrong, and in a set the score so far. */
export function renderVerdict(view: CardView, grading: Pick<Grading, 'score' | 'correct'>, plural = false): TemplateResult {
  const { session, practice } = view;
  return html`<div part="feedback" data-focus="feedback" tabindex="-1">
    <p class="result ${grading.correct ? 'right' : 'wrong'}">${practice.verdictText(grading, plural)}</p>
    ${session.questions.length > 1 ? html`<p class="message">${practice.runningScore(session)}</p>` : nothing}
  </div>`;
}

/** The Check button (none in an exam), and the note after a wrong check with attempts left. */
export function renderCheck(view: CardView, ready: boolean): TemplateResult | typeof nothing {
  if (view.card.mode === 'exam') return nothing;
  // Server-rendered (quiz-elements/ssr): Check needs the script, so a reader without it opens the answer instead.
  if (isServer) return renderStaticAnswer(view);
  const note = view.practice.retryNote(view.session);
  return html`${note ? html`<p part="feedback" class="result wrong">${note}</p>` : nothing}
    <div part="actions" class="actions"><button part="button" class="primary" type="button" ?disabled=${!ready} @click=${view.practice.check}>${view.strings.check}</button></div>`;
}

/** Choice indices in the order shown: shuffled with `shuffle-choices` (by seed and question, so the same on every visit). */
function choiceOrder(view: CardView): number[] {
  const { question, card } = view;
  const order = question.choices!.map((_, i) => i);
  return card.shuffleChoices ? shuffled(order, seededRandom(`${card.seed ?? ''}/${question.id}`)) : order;
}

/** Single choice (radios) or multiple (checkboxes), then the marks and feedback once checked. */
export function renderChoices(view: CardView): TemplateResult {
  const { strings: s, question, session } = view;
  const state = session.state!;
  const multiple = isMultipleChoice(question);
  const checked = state.checked;
  return html`
    ${renderHint(view, state.hintShown || checked)}
    <fieldset part="choices" lang=${view.bank.language}>
      <legend lang=${s.lang}>${multiple ? s.chooseAll : s.chooseOne}</legend>
      ${choiceOrder(view).map((i) => {
        const choice = question.choices![i]!;
        const selected = state.selected.includes(i);
        const verdict = checked ? (choice.correct ? 'right' : selected ? 'wrong' : '') : '';
        return html`
          <label part="choice" class="choice ${selected ? 'selected' : ''} ${verdict}">
            <input type=${multiple ? 'checkbox' : 'radio'} name="choice" .checked=${selected || nothing} ?disabled=${checked || session.complete}
              @change=${() => view.practice.choose(i)} />
            <span>${view.markdown(choice.text, `choice-${i}`)}</span>
            ${checked && (choice.correct || selected)
              ? html`<span class="choice-mark" lang=${s.lang}>${choice.correct ? `✓ ${s.rightChoice}` : `✗ ${s.yourChoice}`}</span>`
              : nothing}
            ${checked && choice.feedback && (selected || choice.correct) ? html`<span class="choice-feedback">${view.markdown(choice.feedback, `feedback-${i}`)}</span>` : nothing}
          </label>
        `;
      })}
    </fieldset>
    ${checked ? html`${renderVerdict(view, { score: state.score ?? 0, correct: !!state.correct }, multiple)}${renderExplanation(view)}` : renderCheck(view, state.selected.length > 0)}
  `;
}
