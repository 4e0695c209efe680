/**
 * The matching view: each left-hand item has a native `<select>` of the right-hand items (the
 * keyboard, touch and screen-reader way), and the right-hand items also show as chips that can be
 * dragged onto a row with mouse, pen or finger (Pointer Events).
 */
import { css, html, nothing } from 'lit';
import type { Question } from '../../bank/types.js';
import { plainText } from '../../text/plain-text.js';
import type { InteractionContext, InteractionView } from '../view.js';
import { gradeMatching, reportMatching, targetOrder, targetsOf } from './matching.js';

const STRINGS = {
  en: {
    rows: 'Pairs',
    pool: 'Answers',
    hint: 'Choose an answer for each item, or drag an answer onto it.',
    choose: 'Choose…',
    matched: (left: string, right: string) => `Matched ${left} with ${right}`,
    right: 'Right',
    answer: 'Right answer: ',
  },
  zh: {
    rows: '配对',
    pool: '可选答案',
    hint: '为每一项选择答案，也可以把答案拖到对应的项上。',
    choose: '请选择…',
    matched: (left: string, right: string) => `已把“${right}”配给“${left}”`,
    right: '正确',
    answer: '正确答案：',
  },
};

type Response = (number | null)[];
type Context = InteractionContext<Response>;

/** The chip being dragged (one pointer at a time); kept outside renders, which may happen mid-drag. */
let drag: { target: number; pointer: number; x: number; y: number; chip: HTMLElement; over?: HTMLElement } | undefined;

const name = (text: string) => plainText(text) || text;

function render(context: Context) {
  const t = context.lang.startsWith('zh') ? STRINGS.zh : STRINGS.en;
  const { question, grading } = context;
  const pairs = question.pairs ?? [];
  const targets = targetsOf(question);
  const order = targetOrder(targets.length, question.id);
  let response = context.response ?? pairs.map(() => null);

  const choose = (row: number, target: number | null) => {
    response = pairs.map((_, i) => (i === row ? target : (response[i] ?? null)));
    context.setResponse(response);
  };
  const down = (target: number) => (event: PointerEvent) => {
    if (grading || event.button !== 0) return;
    const chip = event.currentTarget as HTMLElement;
    drag = { target, pointer: event.pointerId, x: event.clientX, y: event.clientY, chip };
    chip.setAttribute('data-dragging', '');
    try {
      chip.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone: moves still reach the chip.
    }
  };
  const move = (event: PointerEvent) => {
    if (drag?.pointer !== event.pointerId) return;
    drag.chip.style.translate = `${event.clientX - drag.x}px ${event.clientY - drag.y}px`;
    const over = [...(drag.chip.closest('.matching')?.querySelectorAll<HTMLElement>('.row') ?? [])].find((row) => {
      const box = row.getBoundingClientRect();
      return event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom;
    });
    drag.over?.removeAttribute('data-over');
    over?.setAttribute('data-over', '');
    drag.over = over;
  };
  const up = (event: PointerEvent) => {
    const done = drag;
    if (done?.pointer !== event.pointerId) return;
    drag = undefined;
    done.chip.style.translate = '';
    done.chip.removeAttribute('data-dragging');
    done.over?.removeAttribute('data-over');
    if (!done.over || event.type === 'pointercancel') return;
    const row = Number(done.over.dataset.row);
    choose(row, done.target);
    context.announce(t.matched(name(pairs[row]!.left), name(targets[done.target]!)));
  };

  return html`<div class="matching">
    ${grading
      ? nothing
      : html`<p class="hint">${t.hint}</p>
          <ul class="pool" aria-label=${t.pool} lang=${context.bankLanguage}>
            ${order.map((j) => html`<li class="chip ${response.includes(j) ? 'used' : ''}" @pointerdown=${down(j)}
              @pointermove=${move} @pointerup=${up} @pointercancel=${up}>${name(targets[j]!)}</li>`)}
          </ul>`}
    <ul class="rows" aria-label=${t.rows}>
      ${pairs.map((pair, i) => {
        const chosen = response[i] ?? null;
        const right = grading?.parts[i];
        return html`<li class="row ${grading ? (right ? 'right' : 'wrong') : ''}" data-row=${i}>
          <div class="left" lang=${context.bankLanguage}>${context.markdown(pair.left, `left-${i}`)}</div>
          <select aria-label=${name(pair.left)} ?disabled=${!!grading}
            @change=${(event: Event) => {
              const value = (event.target as HTMLSelectElement).value;
              choose(i, value === '' ? null : Number(value));
            }}
            @keydown=${(event: KeyboardEvent) => event.stopPropagation() /* the select's keys are its own, not the card's shortcuts */}>
            <option value="" .selected=${chosen === null}>${t.choose}</option>
            ${order.map((j) => html`<option value=${j} lang=${context.bankLanguage} .selected=${chosen === j}>${name(targets[j]!)}</option>`)}
          </select>
          ${grading
            ? html`<p class="mark">${right ? `✓ ${t.right}` : html`✗ ${t.answer}<span lang=${context.bankLanguage}>${name(pair.right)}</span>`}</p>`
            : nothing}
        </li>`;
      })}
    </ul>
  </div>`;
}

export const view: InteractionView<Response> = {
  render,
  grade: gradeMatching,
  report: reportMatching,
  initial: () => undefined,
  ready: (question: Question, response) => !!response && (question.pairs ?? []).every((_, i) => response[i] != null),
  styles: css`
    .matching { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.75rem; margin: var(--quiz-space, 0.75rem) 0; overflow-wrap: anywhere; }
    .matching .hint { margin: 0; font-size: 0.875em; }
    .matching ul { list-style: none; margin: 0; padding: 0; }
    .matching .pool { display: flex; flex-wrap: wrap; gap: 0.5rem; }
    .matching .chip {
      display: flex; align-items: center; min-block-size: 2.25rem; max-inline-size: 100%; padding: 0.25rem 0.75rem;
      border: 1px solid var(--_control-border, var(--quiz-border, #6e7781)); border-radius: 999px;
      background: var(--_bg, #fff); cursor: grab; touch-action: none; user-select: none; -webkit-user-select: none;
    }
    .matching .chip.used { border-style: dashed; opacity: 0.7; }
    .matching .chip[data-dragging] {
      position: relative; z-index: 1; cursor: grabbing; opacity: 1;
      outline: 2px solid var(--_accent, var(--quiz-accent, #0b57d0)); box-shadow: 0 4px 12px rgb(0 0 0 / 0.25);
    }
    .matching .rows { display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
    .matching .row {
      display: flex; flex-wrap: wrap; align-items: center; gap: 0.25rem 0.75rem; padding: 0.5rem;
      border: 1px solid var(--_border, var(--quiz-border, #d0d7de)); border-radius: var(--quiz-radius, 0.5rem);
      background: var(--_surface, var(--quiz-surface, #f6f8fa));
    }
    .matching .row[data-over] { outline: 2px dashed var(--_accent, var(--quiz-accent, #0b57d0)); outline-offset: 2px; }
    .matching .left { flex: 1 1 10rem; min-inline-size: 0; }
    .matching .left p, .matching .mark { margin: 0; }
    .matching select {
      flex: 1 1 10rem; min-inline-size: 0; max-inline-size: 100%; min-block-size: 2.25rem; font: inherit; color: inherit;
      background: var(--_bg, #fff); border: 1px solid var(--_control-border, var(--quiz-border, #6e7781));
      border-radius: calc(var(--quiz-radius, 0.5rem) / 1.5);
    }
    .matching select:focus-visible { outline: 3px solid var(--_focus, var(--quiz-focus-ring, #0b57d0)); outline-offset: 2px; }
    .matching .right, .matching .wrong { border-width: 2px; }
    .matching .right { border-color: var(--_correct, var(--quiz-correct, #116329)); }
    .matching .wrong { border-color: var(--_wrong, var(--quiz-wrong, #b3261e)); }
    .matching .mark { flex-basis: 100%; font-size: 0.875em; font-weight: 600; }
    .matching .right .mark { color: var(--_correct, var(--quiz-correct, #116329)); }
    .matching .wrong .mark { color: var(--_wrong, var(--quiz-wrong, #b3261e)); }
    @media (forced-colors: active) {
      .matching .chip[data-dragging], .matching .row[data-over] { outline-color: Highlight; }
      .matching .wrong { border-style: dashed; }
    }
  `,
};
