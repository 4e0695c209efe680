/**
 * Exam mode (`mode="exam"`): the learner answers every question with nothing checked or shown,
 * submits once, then sees the results and can go through each question with its verdict. A
 * chunk of its own: only exam cards download it.
 */
import { html, type TemplateResult } from 'lit';
import type { Bank, Question } from '../../bank/types.js';
import { variantShown } from '../../bank/variants.js';
import type { UiStrings } from '../../i18n/index.js';
import type { CheckedType, Grading } from '../../interactions/interaction.js';
import { askedType } from '../../interactions/views.js';
import { submitAll } from '../../practice/exam.js';
import type { PracticeSession, QuestionState } from '../../practice/practice-set.js';

const STRINGS = {
  en: { submit: (answered: number, total: number) => `Submit answers (${answered} of ${total} answered)`, results: 'Results' },
  zh: { submit: (answered: number, total: number) => `提交答案（已答 ${answered} / ${total} 题）`, results: '查看成绩' },
};

type Checked = { type: CheckedType; response: unknown; grading: Pick<Grading, 'score' | 'correct'> };

/** The card members exam mode uses (the card passes itself). */
export interface ExamHost {
  readonly strings: UiStrings;
  reviewing: boolean;
  pendingFocus: 'question' | 'answer' | 'feedback' | null;
  readonly currentBank: Bank | undefined;
  gradeShown(question: Question, state: QuestionState): Checked | null;
  answered(index: number, question: Question, checked: Checked): void;
  afterAnswer(message: string, focus?: 'question' | 'feedback'): void;
  requestUpdate(): void;
}

/** Submit (with how many are answered) before, and Results while going through the questions after. */
export function examNav(host: ExamHost, session: PracticeSession, single: boolean): TemplateResult | false {
  const s = host.strings.lang.startsWith('zh') ? STRINGS.zh : STRINGS.en;
  // Open questions have nothing to answer before Submit: the count is of the others.
  const asked = session.questions.filter((question) => askedType(question) !== 'open').length;
  if (!session.complete)
    return html`<button part="button" class=${session.doneCount >= asked ? 'primary' : ''} type="button"
      @click=${() => submit(host, session)}>${s.submit(session.doneCount, asked)}</button>`;
  return !single && html`<button part="button" type="button" @click=${() => {
    host.reviewing = false;
    host.pendingFocus = 'question';
  }}>${s.results}</button>`;
}

/** Scores every question (an unanswered one as wrong; open questions are not scored, their answers shown), records them, and shows the results. */
function submit(host: ExamHost, session: PracticeSession): void {
  const bank = host.currentBank;
  if (!bank) return;
  const shown = (i: number) => variantShown(bank, session.questions[i]!, session.states[i]!.variant);
  const results = new Map<number, Checked>();
  const scored = submitAll(session, (_asked, state) => {
    const index = session.states.indexOf(state);
    const question = shown(index);
    const type = askedType(question);
    if (type === 'open') return null;
    const checked = host.gradeShown(question, state) ?? { type, response: null, grading: { score: 0, correct: false } };
    results.set(index, checked);
    return checked.grading;
  });
  for (const index of scored) host.answered(index, shown(index), results.get(index)!);
  host.afterAnswer('');
}
