/**
 * Exam mode (`mode="exam"`): the learner answers every question with nothing checked or shown,
 * submits once, then sees the results and can go through each question with its verdict. A
 * chunk of its own: only exam cards download it.
 */
import { html, type TemplateResult } from 'lit';
import { variantShown } from '../../bank/variants.js';
import { resultStrings } from '../../i18n/results.js';
import { askedType } from '../../interactions/views.js';
import { submitAll } from '../../practice/exam.js';
import type { CardView } from './card-view.js';
import type { Checked } from './practice-controller.js';

/** Submit (with how many are answered) before, and Results while going through the questions after. */
export function examNav(view: CardView): TemplateResult | false {
  const { session, practice } = view;
  const s = resultStrings(view.strings.lang);
  // Open questions have nothing to answer before Submit: the count is of the others.
  const asked = session.questions.filter((question) => askedType(question) !== 'open').length;
  if (!session.complete)
    return html`<button part="button" class=${session.doneCount >= asked ? 'primary' : ''} type="button"
      @click=${() => submit(view)}>${s.submit(session.doneCount, asked)}</button>`;
  return !view.single && html`<button part="button" type="button" @click=${() => practice.showResults()}>${s.results}</button>`;
}

/** Scores every question (an unanswered one as wrong; open questions are not scored, their answers shown), records them, and shows the results. */
function submit({ session, practice, bank }: CardView): void {
  const shown = (i: number) => variantShown(bank, session.questions[i]!, session.states[i]!.variant);
  const results = new Map<number, Checked>();
  const scored = submitAll(session, (_asked, state) => {
    const index = session.states.indexOf(state);
    const question = shown(index);
    const type = askedType(question);
    if (type === 'open') return null;
    const checked = practice.gradeShown(question, state) ?? { type, response: null, grading: { score: 0, correct: false } };
    results.set(index, checked);
    return checked.grading;
  });
  for (const index of scored) practice.answered(index, shown(index), results.get(index)!);
  practice.finished('');
}
