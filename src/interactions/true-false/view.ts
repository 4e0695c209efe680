/** The true/false view: two large buttons, keys T and F. */
import { css, html } from 'lit';
import type { Question } from '../../bank/types.js';
import type { InteractionContext, InteractionView } from '../view.js';
import { gradeTrueFalse, reportTrueFalse } from './true-false.js';

const STRINGS = {
  en: { group: 'True or false?', true: 'True', false: 'False', right: 'right answer', yours: 'your answer' },
  zh: { group: '判断对错', true: '正确', false: '错误', right: '正确答案', yours: '你的答案' },
};

type Context = InteractionContext<boolean>;

function render(context: Context) {
  const t = context.lang.startsWith('zh') ? STRINGS.zh : STRINGS.en;
  const { response, grading, question } = context;
  const option = (value: boolean, key: string) => {
    const chosen = response === value;
    const verdict = grading ? (value === question.isTrue ? 'right' : chosen ? 'wrong' : '') : '';
    return html`<button part="button choice" type="button" class="tf ${verdict}" aria-pressed=${chosen ? 'true' : 'false'}
      ?disabled=${!!grading} @click=${() => context.setResponse(value)}>
      <span>${value ? t.true : t.false}</span>
      ${grading && verdict ? html`<span class="choice-mark">${verdict === 'right' ? `✓ ${t.right}` : `✗ ${t.yours}`}</span>` : html`<kbd aria-hidden="true">${key}</kbd>`}
    </button>`;
  };
  return html`<div class="true-false" role="group" aria-label=${t.group}>${option(true, 'T')}${option(false, 'F')}</div>`;
}

export const view: InteractionView<boolean> = {
  render,
  grade: gradeTrueFalse,
  report: reportTrueFalse,
  initial: () => undefined,
  ready: (_question: Question, response) => response !== undefined,
  onKey(event, context) {
    if (context.grading) return false;
    const key = event.key.toLowerCase();
    if (key !== 't' && key !== 'f') return false;
    context.setResponse(key === 't');
    return true;
  },
  styles: css`
    .true-false { display: grid; grid-template-columns: 1fr 1fr; gap: var(--_space, 0.75rem); margin-block: var(--_space, 0.75rem); }
    .tf { min-block-size: 3.5rem; font-size: 1.1em; display: flex; flex-direction: column; align-items: center; justify-content: center; gap: 0.25rem; }
    .tf[aria-pressed='true'] { outline: 2px solid var(--_accent); outline-offset: 1px; }
    .tf.right { border-color: var(--_correct); }
    .tf.wrong { border-color: var(--_wrong); }
    .tf kbd { font-size: 0.75em; opacity: 0.7; }
    @media (pointer: coarse) { .tf kbd { display: none; } }
  `,
};
