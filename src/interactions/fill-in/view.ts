/**
 * The fill-in view: a text field in place of each `___` of the prompt (or, for a prompt without
 * them, one labelled field per blank after it). Typing with an input method (pinyin) works: a
 * field is never rewritten while the learner types, and Enter while composing does not check.
 */
import { css, html, nothing } from 'lit';
import type { Question } from '../../bank/types.js';
import type { InteractionContext, InteractionView } from '../view.js';
import { gradeFillIn, reportFillIn, splitAtBlanks } from './fill-in.js';

const STRINGS = {
  en: { blank: (n: number, of: number) => (of > 1 ? `Blank ${n} of ${of}` : 'Your answer'), right: 'right answer:', yours: 'right' },
  zh: { blank: (n: number, of: number) => (of > 1 ? `第 ${n} 空（共 ${of} 空）` : '你的答案'), right: '正确答案：', yours: '正确' },
};

type Context = InteractionContext<string[]>;
const TOKEN = (i: number) => `QZBLANK${i}QZ`;
const TOKENS = /QZBLANK(\d+)QZ/;

/** The fields put into a rendered prompt, and the context their handlers read (the latest render's). */
interface Fields {
  inputs: HTMLInputElement[];
  marks: HTMLElement[];
  context: Context;
  /** What the fields hold now: two fields may change before the card renders again. */
  values: string[];
}
const placed = new WeakMap<HTMLElement, Fields>();

const stringsOf = (context: Context) => (context.lang.startsWith('zh') ? STRINGS.zh : STRINGS.en);

function update(fields: Fields, i: number, value: string): void {
  fields.values[i] = value;
  fields.context.setResponse([...fields.values]);
}

function makeInput(fields: Fields, i: number, count: number): HTMLInputElement {
  const input = document.createElement('input');
  input.type = 'text';
  input.className = 'blank';
  input.autocomplete = 'off';
  input.spellcheck = false;
  input.setAttribute('part', 'attempt blank');
  input.setAttribute('aria-label', stringsOf(fields.context).blank(i + 1, count));
  input.value = fields.context.response?.[i] ?? '';
  input.addEventListener('input', () => update(fields, i, input.value));
  input.addEventListener('keydown', (event) => fields.context.checkOnEnter(event));
  return input;
}

/** Swaps the tokens in a rendered prompt for fields, once per rendered element. */
function placeFields(element: HTMLElement, context: Context, count: number): Fields {
  let fields = placed.get(element);
  if (fields) {
    fields.context = context;
    return fields;
  }
  fields = { inputs: [], marks: [], context, values: [...(context.response ?? [])] };
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const texts: Text[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (TOKENS.test(node.nodeValue ?? '')) texts.push(node as Text);
  for (const text of texts) {
    let rest: Text = text;
    for (let match = TOKENS.exec(rest.nodeValue!); match; match = TOKENS.exec(rest.nodeValue!)) {
      const i = Number(match[1]);
      const after = rest.splitText(match.index);
      rest = after.splitText(match[0].length);
      const input = makeInput(fields, i, count);
      const mark = document.createElement('span');
      mark.className = 'blank-mark';
      after.replaceWith(input, mark);
      fields.inputs[i] = input;
      fields.marks[i] = mark;
    }
  }
  // A ___ the renderer put into an attribute (a link's URL, an image's text, a fence's language)
  // has no text to hold a field: show ___ there, and ask that blank after the prompt.
  for (const node of element.querySelectorAll('*'))
    for (const attribute of [...node.attributes]) if (TOKENS.test(attribute.value)) node.setAttribute(attribute.name, attribute.value.replace(/QZBLANK\d+QZ/g, '___'));
  for (let i = 0; i < count; i++) {
    if (fields.inputs[i]) continue;
    const row = document.createElement('p');
    const input = makeInput(fields, i, count);
    const mark = document.createElement('span');
    mark.className = 'blank-mark';
    row.append(input, mark);
    element.append(row);
    fields.inputs[i] = input;
    fields.marks[i] = mark;
  }
  placed.set(element, fields);
  return fields;
}

/** Marks each field right or wrong after a check (text only: the right answer is bank text). */
function showResults(fields: Fields, context: Context): void {
  const { grading, question } = context;
  const t = stringsOf(context);
  fields.inputs.forEach((input, i) => {
    input.disabled = !!grading;
    // Restarted or undone: show the response, but never rewrite the field the learner is typing in.
    const value = context.response?.[i] ?? '';
    if (input.value !== value && !input.matches(':focus')) input.value = fields.values[i] = value;
    const part = grading?.parts[i];
    if (grading) input.setAttribute('aria-invalid', String(!part));
    else input.removeAttribute('aria-invalid');
    const mark = fields.marks[i]!;
    mark.className = `blank-mark ${grading ? (part ? 'right' : 'wrong') : ''}`;
    mark.textContent = !grading ? '' : part ? ' ✓' : ` ✗ ${t.right} ${question.blanks?.[i]?.accept[0] ?? ''}`;
  });
}

function render(context: Context) {
  const { question, grading } = context;
  const blanks = question.blanks ?? [];
  const t = stringsOf(context);
  const pieces = splitAtBlanks(question.prompt);
  if (pieces.length > 1) {
    const element = context.markdown(pieces.map((piece, i) => (i ? TOKEN(i - 1) : '') + piece).join(''), 'prompt-blanks');
    if (element instanceof HTMLElement) showResults(placeFields(element, context, blanks.length), context);
    return html`<div part="prompt" class="prompt fill-in" lang=${context.bankLanguage}>${element}</div>`;
  }
  // No blanks in the prompt (a short answer): one labelled field per blank after it.
  return html`<div class="fill-in">
    ${blanks.map((blank, i) => {
      const part = grading?.parts[i];
      return html`<div class="blank-row">
        <label class="field-label" for=${`blank-${i}`}>${t.blank(i + 1, blanks.length)}</label>
        <input part="attempt blank" class="blank" id=${`blank-${i}`} type="text" autocomplete="off" spellcheck="false" lang=${context.bankLanguage}
          .value=${context.response?.[i] ?? ''} ?disabled=${!!grading} aria-invalid=${grading ? String(!part) : nothing}
          @input=${(e: Event) => {
            const next = [...(context.response ?? [])];
            next[i] = (e.target as HTMLInputElement).value;
            context.setResponse(next);
          }}
          @keydown=${context.checkOnEnter} />
        ${grading ? html`<span class="blank-mark ${part ? 'right' : 'wrong'}">${part ? ' ✓' : ` ✗ ${t.right} ${blank.accept[0]}`}</span>` : nothing}
      </div>`;
    })}
  </div>`;
}

export const view: InteractionView<string[]> = {
  render,
  grade: gradeFillIn,
  report: reportFillIn,
  initial: () => undefined,
  ready: (_question: Question, response) => !!response?.some((text) => text?.trim()),
  ownsPrompt: (question) => splitAtBlanks(question.prompt).length > 1,
  styles: css`
    .blank { font: inherit; inline-size: 10ch; max-inline-size: 100%; padding: 0.1rem 0.35rem; margin-inline: 0.15rem; border: 1px solid var(--_control-border, #767676);
      border-radius: var(--_radius); background: var(--_bg); color: inherit; field-sizing: content; min-inline-size: 6ch; }
    .blank[aria-invalid='true'] { border-color: var(--_wrong); }
    .blank-row { display: flex; flex-wrap: wrap; align-items: center; gap: 0.5rem; margin-block: 0.5rem; }
    .blank-mark.right { color: var(--_correct); }
    .blank-mark.wrong { color: var(--_wrong); }
  `,
};
