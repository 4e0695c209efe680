/// <reference types="mocha" />
// Hang guard for typed questions: a fill-in prompt of thousands of blanks, an ordering of hundreds
// of items, a matching of hundreds of pairs, a numeric unit at the bank format's limit of 100,000
// characters. The validator accepts each (or refuses it with a message that says what is wrong),
// and a card asks it through every state without hanging or throwing. Nothing is timed: the test's
// own timeout is the only ceiling.
import { expect } from '@open-wc/testing';
import type { Question } from '../../src/bank/types.js';
import { MAX_TEXT_LENGTH, validateBank } from '../../src/bank/validate.js';
import { CALL } from '../fixtures/hostile/payload.js';
import { RIGHT_NUMBER, typedBank } from './typed-banks.js';
import { openedTypedPage } from './typed-trial.js';

const BLANKS = 5000;
const ITEMS = 500;
const PAIRS = 200;

const base = { kind: 'concept' as const, topics: ['typed'], answer: 'x' };
// Each item, pair and blank a little hostile too: raw HTML with a handler, a javascript: link.
const hostile = (i: number) => `**${i}** <img src=x onerror=${CALL}> [x](javascript:${CALL})`;

const cloze = (blanks: number, listed = blanks): Question => ({
  ...base,
  id: 'cloze',
  type: 'fill-in',
  title: 'Thousands of blanks',
  prompt: `${hostile(0)} ${'___ '.repeat(blanks)}`,
  blanks: Array.from({ length: listed }, (_, i) => ({ accept: [`answer ${i} <b onmouseover=${CALL}>`] })),
});
const ordering: Question = { ...base, id: 'ordering', type: 'ordering', title: 'Hundreds of items', prompt: 'Order them.', items: Array.from({ length: ITEMS }, (_, i) => hostile(i)) };
const matching: Question = {
  ...base,
  id: 'matching',
  type: 'matching',
  title: 'Hundreds of pairs',
  prompt: 'Match them.',
  pairs: Array.from({ length: PAIRS }, (_, i) => ({ left: `left ${hostile(i)}`, right: `right ${hostile(i)}` })),
  distractors: Array.from({ length: 20 }, (_, i) => `distractor ${hostile(i)}`),
};
const numeric = (unitLength: number): Question => ({ ...base, id: 'numeric', type: 'numeric', title: 'A long unit', prompt: 'How many?', numeric: { value: Number(RIGHT_NUMBER), unit: 'u'.repeat(unitLength) } });

/** The validator's messages for a bank of `question`. */
function issuesOf(question: Question): string[] {
  const result = validateBank(typedBank([question]));
  return result.ok ? [] : result.issues.map((issue) => `${issue.path}: ${issue.message}`);
}

describe('hostile typed questions: pathological sizes', function () {
  this.timeout(40_000);
  const page = openedTypedPage('hostile typed questions: pathological sizes');

  it(`the validator accepts ${BLANKS} blanks, ${ITEMS} items, ${PAIRS} pairs and a unit of ${MAX_TEXT_LENGTH} characters`, () => {
    for (const question of [cloze(BLANKS), ordering, matching, numeric(MAX_TEXT_LENGTH)]) expect(issuesOf(question), question.id).to.deep.equal([]);
  });

  it('the validator refuses a unit over the limit, and blanks that do not match the prompt, saying why', () => {
    expect(issuesOf(numeric(MAX_TEXT_LENGTH + 1))).to.deep.equal([`questions[0].numeric.unit: expected at most 100,000 characters, got ${(MAX_TEXT_LENGTH + 1).toLocaleString('en-US')}`]);
    const [mismatch, ...rest] = issuesOf(cloze(BLANKS, BLANKS - 1));
    expect(rest).to.deep.equal([]);
    expect(mismatch).to.match(new RegExp(`^questions\\[0\\]\\.blanks: the prompt marks ${BLANKS} blanks \\(___\\) but "blanks" lists ${BLANKS - 1}`));
  });

  it(`a fill-in prompt of ${BLANKS} blanks: a field each, three typed, checked and undone`, async () => {
    await page.trial({ id: 'blanks', questions: [cloze(BLANKS)], flow: { fields: 3 } });
  });

  it(`an ordering of ${ITEMS} items: moved by keyboard, checked and undone`, async () => {
    await page.trial({ id: 'items', questions: [ordering], flow: { rightToo: false } });
  });

  it(`a matching of ${PAIRS} pairs and 20 distractors: every select chosen with the pool shown, checked wrong and right, undone`, async () => {
    await page.trial({ id: 'pairs', questions: [matching] });
  });

  it(`a numeric unit of ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters: shown, checked wrong and right, undone`, async () => {
    await page.trial({ id: 'unit', questions: [numeric(MAX_TEXT_LENGTH)] });
  });

  it('a numeric unit over the limit: the card refuses the bank with an error', async () => {
    await page.trial({ id: 'unit-over', questions: [numeric(MAX_TEXT_LENGTH + 1)], valid: false });
  });
});
