// What a learner does with a typed question in <quiz-card>, driven through its controls: answer
// wrong and check, Undo, answer right and check, Undo; an ordering item moved by keyboard first, a
// matching answered with its selects while the pool of answers shows. `look(state)` is called in
// every state a learner sees; with `text`, each typed field's text is checked to show as text.
import { expect } from '@open-wc/testing';
import { render } from 'lit';
import type { Question } from '../../src/bank/types.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import { targetsOf } from '../../src/interactions/matching/matching.js';
import { en } from '../../src/i18n/en.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { plainText } from '../../src/text/plain-text.js';
import { waitUntil } from './learner.js';
import { RIGHT_NUMBER, WRONG_NUMBER } from './typed-banks.js';

/** How long a card may take to show its view (a hang guard, not a speed claim). */
const SHOW_TIMEOUT = 20_000;

export type Look = (state: string) => void;

/** Text without white space: what must show, however the renderer breaks it into blocks. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');

/** The text a field's markdown shows, rendered on its own with the card's strings (the renderer's own tests say what that is). */
export function renderedText(markdown: string): string {
  const element = document.createElement('div');
  const { copy, copied, copyFailed, code, table, newTab } = en;
  render(renderMarkdown(markdown, { strings: { copy, copied, copyFailed, code, table, newTab } }), element);
  return squeeze(element.textContent ?? '');
}

/** How select options and drag chips name a right-hand item: its plain text. */
const nameOf = (text: string) => plainText(text) || text;

const buttons = (card: QuizCard) => [...card.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')];
const button = (card: QuizCard, label: RegExp) => buttons(card).find((b) => label.test(b.textContent!.trim()));
const feedback = (card: QuizCard) => card.shadowRoot!.querySelector('[part="feedback"]')?.textContent ?? null;

/** Waits for the card's view (or an error, for a refused bank); returns whether the view shows. */
export async function viewShown(card: QuizCard): Promise<boolean> {
  const root = () => card.shadowRoot;
  await waitUntil(() => root()?.querySelector('.interaction') || root()?.querySelector('[part~="error"], [role="alert"]'), 'the card shows neither its view nor an error', { timeout: SHOW_TIMEOUT });
  await card.updateComplete;
  return Boolean(root()!.querySelector('.interaction'));
}

/** Types `value` into `input` as one input event, then lets the card render. */
async function type(card: QuizCard, input: HTMLInputElement, value: string): Promise<void> {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
  await card.updateComplete;
}

/** Picks an option in each select, then lets the card render (once: hundreds of selects of hundreds of options). */
async function choose(card: QuizCard, selects: readonly HTMLSelectElement[], value: (row: number) => number): Promise<void> {
  for (const [row, select] of selects.entries()) {
    select.value = String(value(row));
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }
  await card.updateComplete;
}

/** Clicks Check (which must be enabled), waits for the verdict; returns its text. */
async function check(card: QuizCard, what: string): Promise<string> {
  const check = button(card, /^Check$/);
  expect(check, `${what}: no Check button`).to.not.equal(undefined);
  expect(check!.disabled, `${what}: Check stays disabled`).to.equal(false);
  check!.click();
  await card.updateComplete;
  const verdict = feedback(card);
  expect(verdict, `${what}: Check shows no verdict`).to.be.a('string');
  return verdict!.trim();
}

/** Clicks Undo: the verdict goes and Check comes back. */
async function undo(card: QuizCard, what: string): Promise<void> {
  const undo = button(card, /^Undo/);
  expect(undo, `${what}: no Undo after the check`).to.not.equal(undefined);
  undo!.click();
  await card.updateComplete;
  expect(feedback(card), `${what}: Undo leaves the verdict`).to.equal(null);
  expect(button(card, /^Check$/), `${what}: Undo brings no Check back`).to.not.equal(undefined);
}

/** Wrong, or partly right: anything but all right. */
const WRONG = /^(Not quite|Partly right)/;
const RIGHT = /^Correct/;

type Flow = (card: QuizCard, question: Question, look: Look, text: string | undefined, options: FlowOptions) => Promise<void>;

export interface FlowOptions {
  /** Fill-in: type into at most this many fields (a prompt of thousands of blanks); all by default. Then no right answer. */
  fields?: number;
  /** Also answer right and check (default); off for an ordering of hundreds of items. */
  rightToo?: boolean;
}

/** No token the fill-in view puts in place of a blank is left in the text or an attribute. */
function noBlankTokens(card: QuizCard, what: string): void {
  const root = card.shadowRoot!;
  const leaks = [...root.querySelectorAll('*')].flatMap((element) => element.getAttributeNames().filter((name) => /QZBLANK\d+QZ/.test(element.getAttribute(name)!)).map((name) => `<${element.localName} ${name}>`));
  if (/QZBLANK\d+QZ/.test(root.textContent ?? '')) leaks.push('text');
  expect(leaks, `${what}: the token of a blank shows`).to.deep.equal([]);
}

const fillIn: Flow = async (card, question, look, text, { fields }) => {
  const what = `fill-in ${question.id}`;
  const root = card.shadowRoot!;
  const inputs = () => [...root.querySelectorAll<HTMLInputElement>('input.blank')];
  const blanks = question.blanks!;
  look('unanswered');
  expect(inputs().length, `${what}: a field for each blank`).to.equal(blanks.length);
  noBlankTokens(card, what);
  if (text !== undefined && question.id === 'cloze') {
    const shown = squeeze(root.querySelector('[part~="prompt"]')?.textContent ?? '');
    expect(shown.includes(renderedText(text)), `${what}: the prompt does not show the text:\n${shown.slice(0, 600)}\n${renderedText(text).slice(0, 600)}`).to.equal(true);
  }
  const answer = async (value: (i: number) => string) => {
    for (const [i, input] of inputs().slice(0, fields ?? Infinity).entries()) await type(card, input, value(i));
  };

  await answer(() => 'wrong answer');
  expect(await check(card, what), `${what}: a wrong answer`).to.match(WRONG);
  look('checked wrong');
  const marks = [...root.querySelectorAll('.blank-mark')];
  expect(marks.length, `${what}: a mark for each blank`).to.equal(blanks.length);
  marks.slice(0, fields ?? Infinity).forEach((mark, i) => {
    expect(mark.textContent, `${what}: blank ${i + 1} does not show its right answer`).to.contain(`right answer: ${blanks[i]!.accept[0]}`);
  });
  expect(inputs().every((input) => input.disabled), `${what}: fields stay editable after the check`).to.equal(true);
  noBlankTokens(card, what);
  await undo(card, what);
  look('undone');
  expect(inputs().some((input) => input.disabled), `${what}: fields stay disabled after Undo`).to.equal(false);

  if (fields !== undefined && fields < blanks.length) return;
  await answer((i) => blanks[i]!.accept[0]!);
  expect(await check(card, what), `${what}: the accepted answers`).to.match(RIGHT);
  look('checked right');
  noBlankTokens(card, what);
  await undo(card, what);
  look('undone after right');
};

const numeric: Flow = async (card, question, look) => {
  const what = 'numeric';
  const root = card.shadowRoot!;
  const unit = question.numeric!.unit!;
  const input = () => root.querySelector<HTMLInputElement>('#numeric')!;
  look('unanswered');
  expect(root.querySelector('.unit')?.textContent, `${what}: the unit is not shown as its text`).to.equal(unit);
  await type(card, input(), WRONG_NUMBER);
  expect(await check(card, what), `${what}: a wrong number`).to.match(WRONG);
  look('checked wrong');
  const message = [...root.querySelectorAll('.numeric .message')].map((p) => p.textContent).join('');
  expect(message.includes(`${RIGHT_NUMBER} ${unit}`), `${what}: the right answer is not shown with its unit`).to.equal(true);
  await undo(card, what);
  look('undone');
  await type(card, input(), RIGHT_NUMBER);
  expect(await check(card, what), `${what}: the right number`).to.match(RIGHT);
  look('checked right');
  await undo(card, what);
  look('undone after right');
};

/** The ordering's items by position, from the handles' labels (the items' plain text, told apart in the banks tried). */
function orderShown(card: QuizCard, items: readonly string[]): number[] {
  const labels = items.map((item) => `Move: ${nameOf(item)}`);
  return [...card.shadowRoot!.querySelectorAll('.ordering .handle')].map((handle) => labels.indexOf(handle.getAttribute('aria-label') ?? ''));
}

/** Moves items with the Move up buttons until the order is `target`. */
async function arrange(card: QuizCard, items: readonly string[], target: readonly number[]): Promise<void> {
  const order = () => orderShown(card, items);
  for (let position = 0; position < target.length; position++) {
    while (order().indexOf(target[position]!) > position) {
      const rows = card.shadowRoot!.querySelectorAll('.ordering .row');
      rows[order().indexOf(target[position]!)]!.querySelector<HTMLButtonElement>('button.step')!.click();
      await card.updateComplete;
    }
  }
  expect(order(), 'ordering: the Move up buttons do not give the order').to.deep.equal(target);
}

const ordering: Flow = async (card, question, look, text, { rightToo = true }) => {
  const what = 'ordering';
  const root = card.shadowRoot!;
  const items = question.items!;
  const count = items.length;
  const orderNow = () => orderShown(card, items);
  const handles = () => [...root.querySelectorAll<HTMLButtonElement>('.ordering .handle')];
  look('unanswered');
  expect(handles().length, `${what}: a row per item`).to.equal(count);
  if (text !== undefined) {
    const row = root.querySelectorAll('.ordering .item')[orderNow().indexOf(0)]!;
    expect(squeeze(row.textContent ?? '').includes(renderedText(text)), `${what}: the item does not show the text`).to.equal(true);
  }
  // Keyboard: Space or Enter on the handle picks the first item up, ArrowDown moves it, Space drops it.
  const first = orderNow()[0]!;
  handles()[0]!.click();
  await card.updateComplete;
  expect(handles()[0]!.getAttribute('aria-pressed'), `${what}: the handle does not pick the item up`).to.equal('true');
  look('picked up');
  handles()[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true, composed: true, cancelable: true }));
  await card.updateComplete;
  expect(orderNow().indexOf(first), `${what}: ArrowDown does not move the item`).to.equal(1);
  look('moved by keyboard');
  handles()[1]!.click();
  await card.updateComplete;
  expect(handles().every((handle) => handle.getAttribute('aria-pressed') === 'false'), `${what}: the item is not dropped`).to.equal(true);
  look('dropped');

  const right = [...Array(count).keys()];
  // A long list is checked as it stands (never right at the start): arranging it would take a click per step.
  if (rightToo) await arrange(card, items, [1, 0, ...right.slice(2)]);
  expect(await check(card, what), `${what}: a wrong order`).to.match(WRONG);
  look('checked wrong');
  expect(root.querySelectorAll('.ordering .mark').length, `${what}: a mark per item`).to.equal(count);
  await undo(card, what);
  look('undone');
  if (!rightToo) return;
  await arrange(card, items, right);
  expect(await check(card, what), `${what}: the right order`).to.match(RIGHT);
  look('checked right');
  await undo(card, what);
  look('undone after right');
};

const matching: Flow = async (card, question, look, text) => {
  const what = 'matching';
  const root = card.shadowRoot!;
  const pairs = question.pairs!;
  const targets = targetsOf(question);
  const selects = () => [...root.querySelectorAll<HTMLSelectElement>('.matching select')];
  look('unanswered, pool shown');
  expect(selects().length, `${what}: a select per pair`).to.equal(pairs.length);
  const chips = [...root.querySelectorAll('.matching .chip')].map((chip) => chip.textContent);
  expect([...chips].sort(), `${what}: the pool does not show each answer as its text`).to.deep.equal(targets.map(nameOf).sort());
  const options = [...selects()[0]!.options].slice(1).map((option) => option.textContent);
  expect([...options].sort(), `${what}: the options do not show each answer as its text`).to.deep.equal(targets.map(nameOf).sort());
  if (text !== undefined) {
    const left = root.querySelector('.matching .left');
    expect(squeeze(left?.textContent ?? '').includes(renderedText(text)), `${what}: the left item does not show the text`).to.equal(true);
  }
  // Each pair's partner is the next pair's: every row wrong (the first pair's right side may repeat as a distractor).
  const partnerOf = (row: number) => targets.findIndex((target) => target === pairs[(row + 1) % pairs.length]!.right);
  await choose(card, selects(), partnerOf);
  expect(root.querySelector('.matching .pool'), `${what}: the pool goes before the check`).to.not.equal(null);
  look('selects chosen, pool shown');
  expect(await check(card, what), `${what}: wrong pairs`).to.match(WRONG);
  look('checked wrong');
  const marks = [...root.querySelectorAll('.matching .mark')].map((mark) => mark.textContent ?? '');
  pairs.forEach((pair, row) => expect(marks[row], `${what}: row ${row + 1} does not show its right partner`).to.contain(`Right answer: ${nameOf(pair.right)}`));
  await undo(card, what);
  look('undone');
  await choose(card, selects(), (row) => targets.indexOf(pairs[row]!.right));
  expect(await check(card, what), `${what}: the right pairs`).to.match(RIGHT);
  look('checked right');
  await undo(card, what);
  look('undone after right');
};

const FLOWS: Record<string, Flow> = { 'fill-in': fillIn, numeric, ordering, matching };

/** Asks `question` (shown alone in `card`) through its controls, calling `look` in every state. */
export async function askTyped(card: QuizCard, question: Question, look: Look, text?: string, options: FlowOptions = {}): Promise<void> {
  const flow = FLOWS[question.type!];
  if (!flow) throw new Error(`no flow for the type ${question.type}`);
  await flow(card, question, look, text, options);
}
