/**
 * The ordering view: a numbered list the learner reorders by keyboard (pick up with Space or
 * Enter, arrows, drop), by the Move up / Move down buttons, or by dragging a handle with mouse,
 * pen or finger (Pointer Events: the HTML drag-and-drop API does not work for touch).
 */
import { css, html, nothing } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Question } from '../../bank/types.js';
import { plainText } from '../../text/plain-text.js';
import type { InteractionContext, InteractionView } from '../view.js';
import { gradeOrdering, reportOrdering, startingOrder } from './ordering.js';

const STRINGS = {
  en: {
    list: 'Put the items in order',
    move: (item: string) => `Move: ${item}`,
    up: (item: string) => `Move up: ${item}`,
    down: (item: string) => `Move down: ${item}`,
    at: (position: number, count: number) => `position ${position} of ${count}`,
    picked: (item: string, at: string) => `Picked up ${item}, ${at}. Arrow keys move it, Space drops it, Escape cancels.`,
    moved: (item: string, at: string) => `${item}: ${at}`,
    dropped: (item: string, at: string) => `Dropped ${item} at ${at}`,
    cancelled: (item: string, at: string) => `Cancelled. ${item} is back at ${at}`,
    right: 'Right place',
    belongs: (position: number) => `Belongs at position ${position}`,
  },
  zh: {
    list: '把各项排成正确的顺序',
    move: (item: string) => `移动：${item}`,
    up: (item: string) => `上移：${item}`,
    down: (item: string) => `下移：${item}`,
    at: (position: number, count: number) => `第 ${position} 位，共 ${count} 项`,
    picked: (item: string, at: string) => `已拿起“${item}”，${at}。方向键移动，空格键放下，退出键取消。`,
    moved: (item: string, at: string) => `“${item}”：${at}`,
    dropped: (item: string, at: string) => `已放下“${item}”，${at}`,
    cancelled: (item: string, at: string) => `已取消，“${item}”回到${at}`,
    right: '位置正确',
    belongs: (position: number) => `应在第 ${position} 位`,
  },
};

type Context = InteractionContext<number[]>;

/** What only the view keeps between renders of one question: a picked-up item, a drag, where focus goes. */
interface State {
  /** The order shown at the last render or set since (handlers run before the card renders again). */
  order: number[];
  /** Item picked up with the keyboard, and the order to go back to on Escape. */
  picked?: { item: number; before: number[] };
  /** A pointer drag: its order is shown but set as the response only on drop. */
  drag?: { item: number; pointer: number; y: number; before: number[]; moved: boolean; list: Element };
  /** The mouse click that ends a drag must not pick the item up. */
  dragged?: boolean;
  /** `handle-3`, `up-3`, `down-3`: the control to focus once rendered (its node may now show another item). */
  focus?: string;
}

const states = new WeakMap<Question, State>();

function moved(order: readonly number[], from: number, to: number): number[] {
  const next = [...order];
  next.splice(to, 0, ...next.splice(from, 1));
  return next;
}

function render(context: Context) {
  const t = context.lang.startsWith('zh') ? STRINGS.zh : STRINGS.en;
  const { question, grading } = context;
  const items = question.items ?? [];
  let state = states.get(question);
  if (!state) states.set(question, (state = { order: [] }));
  const s = state;
  if (!s.drag) s.order = context.response ?? startingOrder(items.length, question.id);
  if (grading) s.picked = s.drag = undefined;
  const count = s.order.length;
  // A label never comes out empty, even for an item that is all markup.
  const name = (item: number) => plainText(items[item] ?? '') || (items[item] ?? '');
  const at = (item: number, order = s.order) => t.at(order.indexOf(item) + 1, count);

  const set = (order: number[], focus: string, message: string) => {
    s.order = order;
    s.focus = focus;
    context.setResponse(order);
    context.announce(message);
  };
  // Mouse, pen or finger: the order follows the pointer; the response is set on drop.
  const down = (item: number) => (event: PointerEvent) => {
    if (grading || event.button !== 0) return;
    const handle = event.currentTarget as HTMLElement;
    s.dragged = false;
    s.drag = { item, pointer: event.pointerId, y: event.clientY, before: s.order, moved: false, list: handle.closest('ol')! };
    try {
      handle.setPointerCapture(event.pointerId);
    } catch {
      // The pointer is already gone (released before this handler ran): moves still reach the handle.
    }
  };
  const move = (event: PointerEvent) => {
    const drag = s.drag;
    if (drag?.pointer !== event.pointerId || (!drag.moved && Math.abs(event.clientY - drag.y) < 4)) return;
    drag.moved = true;
    const from = s.order.indexOf(drag.item);
    // Past the middle of another row: take its place.
    let to = 0;
    [...drag.list.children].forEach((row, position) => {
      const box = row.getBoundingClientRect();
      if (position !== from && event.clientY > box.top + box.height / 2) to++;
    });
    if (to !== from) s.order = moved(s.order, from, to);
    context.requestUpdate();
  };
  const up = (event: PointerEvent) => {
    const drag = s.drag;
    if (drag?.pointer !== event.pointerId) return;
    s.drag = undefined;
    if (!drag.moved) return;
    s.dragged = true;
    if (event.type === 'pointercancel') {
      s.order = drag.before;
      context.requestUpdate();
    } else set(s.order, `handle-${drag.item}`, t.dropped(name(drag.item), at(drag.item)));
  };
  // Keyboard (and a plain click): Space or Enter picks up and drops.
  const toggle = (item: number) => (event: MouseEvent) => {
    if (s.dragged && event.detail > 0) return;
    if (s.picked?.item === item) {
      s.picked = undefined;
      context.announce(t.dropped(name(item), at(item)));
    } else {
      s.picked = { item, before: s.order };
      context.announce(t.picked(name(item), at(item)));
    }
    context.requestUpdate();
  };
  const key = (item: number) => (event: KeyboardEvent) => {
    const picked = s.picked;
    if (picked?.item !== item) return;
    const from = s.order.indexOf(item);
    if (event.key === 'Escape') {
      s.picked = undefined;
      set(picked.before, `handle-${item}`, t.cancelled(name(item), at(item, picked.before)));
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      const to = from + (event.key === 'ArrowUp' ? -1 : 1);
      if (to >= 0 && to < count) {
        const order = moved(s.order, from, to);
        set(order, `handle-${item}`, t.moved(name(item), at(item, order)));
      }
    } else return;
    event.preventDefault();
  };
  const leave = (event: FocusEvent) => {
    if ((event.relatedTarget as Element | null)?.closest?.('.ordering') || !s.picked) return;
    s.picked = undefined;
    context.requestUpdate();
  };
  const step = (item: number, by: -1 | 1) => () => {
    const from = s.order.indexOf(item);
    const to = from + by;
    s.picked = undefined;
    const order = moved(s.order, from, to);
    // At an end its own button is disabled: stay on the other one.
    const focus = (by < 0 ? to > 0 : to < count - 1) ? (by < 0 ? 'up' : 'down') : by < 0 ? 'down' : 'up';
    set(order, `${focus}-${item}`, t.moved(name(item), at(item, order)));
  };
  const focusWhen = (place: string) =>
    ref((element) => {
      if (element && s.focus === place) {
        s.focus = undefined;
        (element as HTMLElement).focus();
      }
    });

  return html`<ol class="ordering" aria-label=${t.list}>
    ${s.order.map((item, position) => {
      const right = grading?.parts[position];
      const verdict = grading ? (right ? 'right' : 'wrong') : '';
      const label = name(item);
      return html`<li class="row ${verdict} ${s.drag?.moved && s.drag.item === item ? 'dragging' : ''}">
        <button type="button" class="handle" aria-label=${t.move(label)} aria-pressed=${s.picked?.item === item ? 'true' : 'false'}
          ?disabled=${!!grading} @click=${toggle(item)} @keydown=${key(item)} @focusout=${leave}
          @pointerdown=${down(item)} @pointermove=${move} @pointerup=${up} @pointercancel=${up}
          ${focusWhen(`handle-${item}`)}><span aria-hidden="true">⠿</span></button>
        <span class="number" aria-hidden="true">${position + 1}</span>
        <div class="item" lang=${context.bankLanguage}>
          ${context.markdown(items[item] ?? '', `item-${item}`)}
          ${grading ? html`<p class="mark" lang=${context.lang}>${right ? `✓ ${t.right}` : `✗ ${t.belongs(item + 1)}`}</p>` : nothing}
        </div>
        <button type="button" class="step" aria-label=${t.up(label)} ?disabled=${!!grading || position === 0}
          @click=${step(item, -1)} ${focusWhen(`up-${item}`)}><span aria-hidden="true">▲</span></button>
        <button type="button" class="step" aria-label=${t.down(label)} ?disabled=${!!grading || position === count - 1}
          @click=${step(item, 1)} ${focusWhen(`down-${item}`)}><span aria-hidden="true">▼</span></button>
      </li>`;
    })}
  </ol>`;
}

export const view: InteractionView<number[]> = {
  render,
  grade: gradeOrdering,
  report: reportOrdering,
  initial: (question: Question) => startingOrder(question.items?.length ?? 0, question.id),
  ready: (question: Question) => !!question.items?.length,
  styles: css`
    .ordering { list-style: none; margin: var(--quiz-space, 0.75rem) 0; padding: 0; display: grid; grid-template-columns: minmax(0, 1fr); gap: 0.5rem; }
    .ordering .row {
      display: flex; align-items: center; gap: 0.25rem 0.5rem; min-inline-size: 0; padding: 0.25rem;
      border: 1px solid var(--_border, var(--quiz-border, #d0d7de)); border-radius: var(--quiz-radius, 0.5rem);
      background: var(--_surface, var(--quiz-surface, #f6f8fa));
    }
    .ordering .item { flex: 1; min-inline-size: 0; overflow-wrap: anywhere; }
    .ordering .item p { margin: 0; }
    .ordering .number { min-inline-size: 1.25em; text-align: end; font-variant-numeric: tabular-nums; }
    .ordering button {
      min-inline-size: 2.25rem; min-block-size: 2.25rem; padding: 0; flex: none;
      font: inherit; line-height: 1; border-radius: calc(var(--quiz-radius, 0.5rem) / 1.5);
    }
    .ordering .handle { cursor: grab; touch-action: none; user-select: none; -webkit-user-select: none; }
    .ordering .handle[aria-pressed='true'], .ordering .dragging { outline: 2px solid var(--_accent, var(--quiz-accent, #0b57d0)); outline-offset: 1px; }
    .ordering .dragging { box-shadow: 0 4px 12px rgb(0 0 0 / 0.25); }
    .ordering button:focus-visible { outline: 3px solid var(--_focus, var(--quiz-focus-ring, #0b57d0)); outline-offset: 2px; }
    .ordering .right { border-color: var(--_correct, var(--quiz-correct, #116329)); }
    .ordering .wrong { border-color: var(--_wrong, var(--quiz-wrong, #b3261e)); }
    .ordering .right, .ordering .wrong { border-width: 2px; }
    .ordering .mark { font-size: 0.875em; font-weight: 600; }
    .ordering .right .mark { color: var(--_correct, var(--quiz-correct, #116329)); }
    .ordering .wrong .mark { color: var(--_wrong, var(--quiz-wrong, #b3261e)); }
    @media (forced-colors: active) {
      .ordering .handle[aria-pressed='true'], .ordering .dragging { outline-color: Highlight; }
      .ordering .wrong { border-style: dashed; }
    }
  `,
};
