/** The numeric view: a text field for the number (a decimal comma and the unit may be typed), the unit after it. */
import { css, html, nothing } from 'lit';
import type { InteractionContext, InteractionView } from '../view.js';
import { gradeNumeric, numericAnswerText, parseNumber, reportNumeric } from './numeric.js';

const STRINGS = {
  en: { label: 'Your answer (a number)', notNumber: 'Type a number, such as 3.5 or 3,5.', right: 'Right answer:' },
  zh: { label: '你的答案（数字）', notNumber: '请输入数字，例如 3.5。', right: '正确答案：' },
};

type Context = InteractionContext<string>;

function render(context: Context) {
  const t = context.lang.startsWith('zh') ? STRINGS.zh : STRINGS.en;
  const { question, grading } = context;
  const answer = question.numeric!;
  const typed = context.response ?? '';
  const unreadable = typed.trim() !== '' && parseNumber(typed, answer.unit) === null;
  return html`
    <div class="numeric">
      <label class="field-label" for="numeric">${t.label}</label>
      <div class="numeric-row">
        <input part="attempt" id="numeric" type="text" inputmode="decimal" autocomplete="off" spellcheck="false"
          .value=${typed} ?disabled=${!!grading} aria-invalid=${grading ? String(!grading.correct) : unreadable ? 'true' : 'false'}
          aria-describedby=${unreadable ? 'numeric-note' : nothing}
          @input=${(e: Event) => context.setResponse((e.target as HTMLInputElement).value)}
          @keydown=${context.checkOnEnter} />
        ${answer.unit ? html`<span class="unit" lang=${context.bankLanguage}>${answer.unit}</span>` : nothing}
        ${grading ? html`<span class="choice-mark ${grading.correct ? 'right' : 'wrong'}">${grading.correct ? '✓' : '✗'}</span>` : nothing}
      </div>
      ${unreadable && !grading ? html`<p class="message" id="numeric-note">${t.notNumber}</p>` : nothing}
      ${grading && !grading.correct ? html`<p class="message">${t.right} <span lang=${context.bankLanguage}>${numericAnswerText(answer)}</span></p>` : nothing}
    </div>
  `;
}


export const view: InteractionView<string> = {
  render,
  grade: gradeNumeric,
  report: reportNumeric,
  initial: () => undefined,
  ready: (question, response) => response !== undefined && parseNumber(response, question.numeric?.unit) !== null,
  styles: css`
    .numeric-row { display: flex; align-items: center; gap: 0.5rem; flex-wrap: wrap; }
    .numeric input { font: inherit; inline-size: 12ch; max-inline-size: 100%; padding: 0.4rem 0.5rem; border: 1px solid var(--_control-border, #767676); border-radius: var(--_radius); background: var(--_bg); color: inherit; }
    .numeric input[aria-invalid='true'] { border-color: var(--_wrong); }
    .right { color: var(--_correct); }
    .wrong { color: var(--_wrong); }
  `,
};
