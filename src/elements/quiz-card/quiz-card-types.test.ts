/// <reference types="mocha" />
// <quiz-card> asking every question type through its lazily loaded view: by keyboard, with the
// verdict, the quiz-answer event, progress grades, undo, the summary, Chinese, and axe in each state.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Bank, Question } from '../../bank/types.js';
import type { QuizAnswerEvent } from '../../events/quiz-answer.js';
import type { QuizCompleteEvent } from '../../events/quiz-complete.js';
import { ProgressStore } from '../../progress/store.js';
import './quiz-card.js';
import type { QuizCard } from './quiz-card.js';

const q = (over: Partial<Question> & Pick<Question, 'id' | 'type'>): Question => ({ kind: 'concept', title: over.id, prompt: 'Question?', answer: 'Answer.', topics: ['t'], ...over });

const bank: Bank = {
  format: 'quiz-bank/1', id: 'types', title: 'Types', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [
    q({ id: 'tf', type: 'true-false', title: 'Attention is quadratic', prompt: 'Self-attention is quadratic in the sequence length.', isTrue: true, explanation: 'Every token attends to every token.' }),
    q({ id: 'cloze', type: 'fill-in', title: 'Capitals', prompt: 'France: ___, Italy: ___.', blanks: [{ accept: ['Paris'] }, { accept: ['Rome'] }] }),
    q({ id: 'num', type: 'numeric', title: 'Gravity', prompt: 'g in m/s²?', numeric: { value: 9.81, tolerance: 0.05, unit: 'm/s²' } }),
    q({ id: 'order', type: 'ordering', title: 'Order', prompt: 'Put in order.', items: ['one', 'two', 'three'] }),
    q({ id: 'match', type: 'matching', title: 'Match', prompt: 'Match.', pairs: [{ left: 'BERT', right: 'Google' }, { left: 'LLaMA', right: 'Meta' }] }),
  ],
};

const shadow = (el: QuizCard) => el.shadowRoot!;
const buttonNamed = (el: QuizCard, name: RegExp) => [...shadow(el).querySelectorAll('button')].find((b) => name.test(b.textContent ?? ''))!;
const feedback = (el: QuizCard) => shadow(el).querySelector('[part="feedback"]')?.textContent ?? '';

async function card(question: string, extra: Record<string, unknown> = {}): Promise<QuizCard> {
  const el = await fixture<QuizCard>(html`<quiz-card .bank=${bank} question=${question} no-progress></quiz-card>`);
  Object.assign(el, extra);
  // The view is a chunk of its own: wait for its controls.
  await waitUntil(() => shadow(el).querySelector('.interaction'), 'the view did not load', { timeout: 5000 });
  await el.updateComplete;
  return el;
}

describe('quiz-card: typed questions', () => {
  it('true/false: T and F keys, a verdict, the quiz-answer event, axe before and after', async () => {
    const el = await card('tf');
    await expect(el).to.be.accessible();
    expect(shadow(el).textContent).to.contain('True').and.to.contain('False');
    buttonNamed(el, /True/).focus();
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    expect(buttonNamed(el, /False/).getAttribute('aria-pressed')).to.equal('true');
    await sendKeys({ press: 't' });
    await el.updateComplete;
    const answered = oneEvent(el, 'quiz-answer') as Promise<QuizAnswerEvent>;
    buttonNamed(el, /^Check$/).click();
    const { detail } = await answered;
    expect(detail).to.deep.include({ bankId: 'types', questionId: 'tf', type: 'true-false', response: true, score: 1, correct: true });
    await el.updateComplete;
    expect(feedback(el)).to.contain('Correct');
    expect(shadow(el).textContent).to.contain('Every token attends');
    await expect(el).to.be.accessible();
  });

  it('fill-in: a field in each blank, forgiving case, each blank marked, partly right', async () => {
    const el = await card('cloze');
    const inputs = [...shadow(el).querySelectorAll<HTMLInputElement>('input.blank')];
    expect(inputs).to.have.length(2);
    expect(shadow(el).querySelector('[part~="prompt"]')!.textContent).to.contain('France:');
    await expect(el).to.be.accessible();
    inputs[0]!.focus();
    await sendKeys({ type: 'PARIS' });
    inputs[1]!.focus();
    await sendKeys({ type: 'Milan' });
    const answered = oneEvent(el, 'quiz-answer') as Promise<QuizAnswerEvent>;
    await sendKeys({ press: 'Enter' });
    const { detail } = await answered;
    expect(detail).to.deep.include({ type: 'fill-in', score: 0.5, correct: false });
    expect(detail.response).to.deep.equal(['PARIS', 'Milan']);
    await el.updateComplete;
    expect(feedback(el)).to.contain('Partly right (50%)');
    expect(inputs[0]!.getAttribute('aria-invalid')).to.equal('false');
    expect(inputs[1]!.getAttribute('aria-invalid')).to.equal('true');
    expect(shadow(el).textContent).to.contain('Rome');
    await expect(el).to.be.accessible();
  });

  it('fill-in: typing with an input method (composition) is kept, and Enter while composing does not check', async () => {
    const el = await card('cloze');
    const input = shadow(el).querySelector<HTMLInputElement>('input.blank')!;
    input.focus();
    input.dispatchEvent(new CompositionEvent('compositionstart', { bubbles: true }));
    input.value = 'ba';
    input.dispatchEvent(new InputEvent('input', { bubbles: true, isComposing: true }));
    input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true, isComposing: true }));
    input.value = '巴黎';
    input.dispatchEvent(new CompositionEvent('compositionend', { bubbles: true, data: '巴黎' }));
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="feedback"]'), 'Enter during composition checked the answer').to.equal(null);
    expect(input.value).to.equal('巴黎');
  });

  it('numeric: a decimal comma and the unit are accepted; a wrong number shows the right one', async () => {
    const el = await card('num');
    const input = shadow(el).querySelector<HTMLInputElement>('#numeric')!;
    input.focus();
    await sendKeys({ type: '9,8 m/s²' });
    const answered = oneEvent(el, 'quiz-answer') as Promise<QuizAnswerEvent>;
    await sendKeys({ press: 'Enter' });
    expect((await answered).detail).to.deep.include({ type: 'numeric', correct: true, score: 1 });
    await el.updateComplete;
    expect(feedback(el)).to.contain('Correct');
    await expect(el).to.be.accessible();
    buttonNamed(el, /Undo/).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="feedback"]')).to.equal(null);
  });

  it('ordering: by keyboard only, then checked with partial credit', async () => {
    const el = await card('order');
    await expect(el).to.be.accessible();
    const answered = oneEvent(el, 'quiz-answer') as Promise<QuizAnswerEvent>;
    buttonNamed(el, /^Check$/).click();
    const { detail } = await answered;
    expect(detail.type).to.equal('ordering');
    expect(detail.correct).to.equal(false, 'the starting order is never right');
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('matching: a select per item, all right', async () => {
    const el = await card('match');
    await expect(el).to.be.accessible();
    const selects = [...shadow(el).querySelectorAll('select')];
    expect(selects).to.have.length(2);
    for (const [i, select] of selects.entries()) {
      const want = i === 0 ? 'Google' : 'Meta';
      select.value = [...select.options].find((o) => o.textContent?.includes(want))!.value;
      select.dispatchEvent(new Event('change', { bubbles: true }));
      select.dispatchEvent(new Event('input', { bubbles: true }));
    }
    await el.updateComplete;
    const answered = oneEvent(el, 'quiz-answer') as Promise<QuizAnswerEvent>;
    buttonNamed(el, /^Check$/).click();
    expect((await answered).detail).to.deep.include({ type: 'matching', correct: true, score: 1 });
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('a set of every type records Good / Hard / Again by score, and the summary counts partly right answers', async () => {
    const store = new ProgressStore({ storage: null });
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${bank} .progressStore=${store} topic="t" count="3"></quiz-card>`);
    await waitUntil(() => shadow(el).querySelector('.interaction'), 'the view did not load', { timeout: 5000 });
    // 1: true/false, wrong.
    buttonNamed(el, /True/).focus();
    await sendKeys({ press: 'f' });
    await el.updateComplete;
    buttonNamed(el, /^Check$/).click();
    await el.updateComplete;
    buttonNamed(el, /Next/).click();
    // 2: fill-in, half right.
    await waitUntil(() => shadow(el).querySelectorAll('input.blank').length === 2, 'fill-in', { timeout: 5000 });
    const [first] = shadow(el).querySelectorAll<HTMLInputElement>('input.blank');
    first!.focus();
    await sendKeys({ type: 'Paris' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    buttonNamed(el, /Next/).click();
    // 3: numeric, right.
    await waitUntil(() => shadow(el).querySelector('#numeric'), 'numeric', { timeout: 5000 });
    shadow(el).querySelector<HTMLInputElement>('#numeric')!.focus();
    await sendKeys({ type: '9.81' });
    const completed = oneEvent(el, 'quiz-complete') as Promise<QuizCompleteEvent>;
    await sendKeys({ press: 'Enter' });
    const summary = (await completed).detail;
    expect([summary.right, summary.partial, summary.wrong]).to.deep.equal([1, 1, 1]);
    await waitUntil(() => shadow(el).querySelector('[part="summary"]'), 'summary', { timeout: 5000 });
    expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.contain('1 partly right');
    await waitUntil(() => store.get('types', 'num') && store.get('types', 'cloze') && store.get('types', 'tf'), 'recorded', { timeout: 5000 });
    expect(store.get('types', 'tf')!.reviews.at(-1)!.grade).to.equal('again');
    expect(store.get('types', 'cloze')!.reviews.at(-1)!.grade).to.equal('hard');
    expect(store.get('types', 'num')!.reviews.at(-1)!.grade).to.equal('good');
    await expect(el).to.be.accessible();
  });

  it('Chinese UI: the views speak Chinese', async () => {
    const el = await fixture<QuizCard>(html`<quiz-card lang="zh-CN" .bank=${bank} question="tf" no-progress></quiz-card>`);
    await waitUntil(() => shadow(el).querySelector('.interaction'), 'the view did not load', { timeout: 5000 });
    expect(shadow(el).textContent).to.contain('正确').and.to.contain('错误');
    await expect(el).to.be.accessible();
  });

  it('an unknown type is asked as a flashcard', async () => {
    const future: Bank = { ...bank, questions: [q({ id: 'hot', type: 'hotspot', answer: 'The left block.' })] };
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${future} question="hot" no-progress></quiz-card>`);
    await waitUntil(() => buttonNamed(el, /Show answer/), 'flashcard', { timeout: 5000 });
    buttonNamed(el, /Show answer/).click();
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('The left block.');
  });

  it('a typed question whose own fields are wrong is asked as a flashcard, under a note saying what is wrong', async () => {
    const broken: Bank = { ...bank, questions: [q({ id: 'bad-num', type: 'numeric', answer: 'About 10.', numeric: { min: 5 } as never })] };
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${broken} question="bad-num" no-progress></quiz-card>`);
    await waitUntil(() => shadow(el).querySelector('[part="error"]'), 'the note', { timeout: 5000 });
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('bad-num').and.to.contain('numeric');
    buttonNamed(el, /Show answer/).click();
    await el.updateComplete;
    expect(shadow(el).textContent).to.contain('About 10.');
    await expect(el).to.be.accessible();
  });
});

describe('quiz-card: modes', () => {
  const choices = (id: string, right: number): Question =>
    q({ id, type: 'choice', title: id, prompt: `${id}?`, choices: ['a', 'b', 'c'].map((text, i) => ({ text, correct: i === right })) });
  const examBank: Bank = { ...bank, questions: [choices('c1', 0), choices('c2', 1), bank.questions[2]!, q({ id: 'flash', type: 'open', title: 'Flash', prompt: 'Flash?', answer: 'Card.' })] };

  it('max-attempts: a wrong check is tried again without showing the right answer; the last one shows it', async () => {
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${examBank} question="c1" max-attempts="2" no-progress></quiz-card>`);
    await waitUntil(() => shadow(el).querySelector('input[type="radio"]'));
    const radios = () => [...shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')];
    radios()[1]!.click();
    await el.updateComplete;
    let answers = 0;
    el.addEventListener('quiz-answer', () => answers++);
    buttonNamed(el, /^Check$/).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('p.result')!.textContent).to.contain('Try again: 1 attempt left.');
    expect(shadow(el).querySelector('.choice.right'), 'the right choice is not shown yet').to.equal(null);
    expect(answers, 'nothing is recorded before the last attempt').to.equal(0);
    await expect(el).to.be.accessible();
    radios()[2]!.click();
    await el.updateComplete;
    expect(shadow(el).querySelector('p.result'), 'the note goes when the answer changes').to.equal(null);
    buttonNamed(el, /^Check$/).click();
    await el.updateComplete;
    expect(answers).to.equal(1);
    expect(shadow(el).querySelector('.choice.right')).not.to.equal(null);
  });

  it('shuffle-choices: the same shuffled order for the same seed, and the answer is still scored by choice', async () => {
    const order = async () => {
      const el = await fixture<QuizCard>(html`<quiz-card .bank=${examBank} question="c2" shuffle-choices seed="s1" no-progress></quiz-card>`);
      await waitUntil(() => shadow(el).querySelector('input[type="radio"]'));
      return { el, texts: [...shadow(el).querySelectorAll('[part="choice"]')].map((c) => c.textContent!.trim()) };
    };
    const first = await order();
    const second = await order();
    expect(first.texts).to.deep.equal(second.texts);
    expect([...first.texts].sort()).to.deep.equal(['a', 'b', 'c']);
    const labels = [...shadow(first.el).querySelectorAll<HTMLElement>('[part="choice"]')];
    labels.find((label) => label.textContent!.trim() === 'b')!.querySelector('input')!.click();
    await first.el.updateComplete;
    const answered = oneEvent(first.el, 'quiz-answer') as Promise<QuizAnswerEvent>;
    buttonNamed(first.el, /^Check$/).click();
    expect((await answered).detail).to.deep.include({ correct: true, response: [1] });
  });

  it('exam: nothing is checked or shown before Submit; Submit scores all, with the pass mark, and each question can be reviewed', async () => {
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${examBank} mode="exam" pass-mark="60" no-progress topic="t" count="4"></quiz-card>`);
    await waitUntil(() => buttonNamed(el, /Submit answers/), 'the Submit button', { timeout: 5000 });
    expect(buttonNamed(el, /^Check$/), 'no Check in an exam').to.equal(undefined);
    expect(buttonNamed(el, /Submit answers/).textContent).to.contain('0 of 3 answered', 'the open question has nothing to answer');
    shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]!.click(); // c1: right
    await el.updateComplete;
    buttonNamed(el, /Next/).click();
    await el.updateComplete;
    shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')[0]!.click(); // c2: wrong
    await el.updateComplete;
    buttonNamed(el, /Next/).click();
    await waitUntil(() => shadow(el).querySelector('#numeric'), 'numeric', { timeout: 5000 });
    shadow(el).querySelector<HTMLInputElement>('#numeric')!.focus();
    await sendKeys({ type: '9.8' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="feedback"]'), 'no verdict before Submit').to.equal(null);
    expect(shadow(el).querySelector('[role="status"][aria-live]')!.textContent, 'nothing said either').not.to.match(/Correct|Not quite|Partly/);
    buttonNamed(el, /Next/).click();
    await el.updateComplete;
    expect(buttonNamed(el, /Show answer/), 'no answer before Submit').to.equal(undefined);
    await expect(el).to.be.accessible();
    const answers: QuizAnswerEvent[] = [];
    el.addEventListener('quiz-answer', (e) => answers.push(e));
    const completed = oneEvent(el, 'quiz-complete') as Promise<QuizCompleteEvent>;
    buttonNamed(el, /Submit answers/).click();
    const summary = (await completed).detail;
    expect([summary.right, summary.wrong]).to.deep.equal([2, 1]);
    expect(summary.passed).to.equal(true);
    expect(answers.map((a) => a.detail.questionId).sort()).to.deep.equal(['c1', 'c2', 'num']);
    await waitUntil(() => shadow(el).querySelector('[part="summary"]'), 'results', { timeout: 5000 });
    expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.contain('67%').and.to.contain('Passed');
    expect(shadow(el).querySelector('[part="summary"]')!.textContent).to.contain('Exam results');
    expect([...shadow(el).querySelectorAll('[part="summary"] dt')].map((dt) => dt.textContent!.trim()), 'no self-grades in an exam').to.deep.equal(['Check']);
    await expect(el).to.be.accessible();
    buttonNamed(el, /Review answers/).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('.choice.right')).not.to.equal(null);
    expect(feedback(el)).to.contain('Correct');
    buttonNamed(el, /Results/).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="summary"]')).not.to.equal(null);
  });

  it('max-attempts: the note of a wrong try stays with its question', async () => {
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${examBank} topic="t" count="2" max-attempts="2" no-progress></quiz-card>`);
    await waitUntil(() => shadow(el).querySelector('input[type="radio"]'));
    shadow(el).querySelectorAll<HTMLInputElement>('input[type="radio"]')[1]!.click();
    await el.updateComplete;
    buttonNamed(el, /^Check$/).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('p.result')).not.to.equal(null);
    buttonNamed(el, /Next/).click();
    await el.updateComplete;
    expect(shadow(el).querySelector('p.result'), 'question 2 has no note').to.equal(null);
  });

  it('a "choice" question without choices is a bank error that says so, not a broken card', async () => {
    const odd: Bank = { ...bank, questions: [q({ id: 'no-choices', type: 'choice', answer: 'Either.' })] };
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${odd} question="no-choices" no-progress></quiz-card>`);
    await waitUntil(() => shadow(el).querySelector('[part="error"]'), 'the error', { timeout: 5000 });
    expect(shadow(el).querySelector('[part="error"]')!.textContent).to.contain('questions[0].choices').and.to.contain('needs choices');
  });

  it('exam: Enter in a field says nothing; what was given is scored, partly right counts, an untouched ordering is unanswered; arrows move through the review', async () => {
    const exam: Bank = { ...bank, questions: [bank.questions[4]!, bank.questions[3]!, q({ id: 'match3', type: 'matching', title: 'Match 3', prompt: 'Match.', pairs: [{ left: 'a', right: 'A' }, { left: 'b', right: 'B' }, { left: 'c', right: 'C' }] })] };
    exam.questions[0] = { ...exam.questions[0]!, pairs: [{ left: 'BERT', right: 'Google' }, { left: 'LLaMA', right: 'Meta' }] };
    const el = await fixture<QuizCard>(html`<quiz-card .bank=${exam} mode="exam" no-progress topic="t" count="3"></quiz-card>`);
    await waitUntil(() => shadow(el).querySelectorAll('select').length === 2, 'matching', { timeout: 5000 });
    // Question 1 (matching, 2 pairs): both right.
    const choose = (select: HTMLSelectElement, text: string) => {
      select.value = [...select.options].find((o) => o.textContent?.trim() === text)!.value;
      select.dispatchEvent(new Event('input', { bubbles: true }));
      select.dispatchEvent(new Event('change', { bubbles: true }));
    };
    let selects = [...shadow(el).querySelectorAll('select')];
    choose(selects[0]!, 'Google');
    choose(selects[1]!, 'Meta');
    await el.updateComplete;
    buttonNamed(el, /Next/).click();
    // Question 2 (ordering): left untouched.
    await waitUntil(() => shadow(el).querySelector('ol'), 'ordering', { timeout: 5000 });
    buttonNamed(el, /Next/).click();
    // Question 3 (matching, 3 pairs): 2 of 3 chosen, both right.
    await waitUntil(() => shadow(el).querySelectorAll('select').length === 3, 'matching 3', { timeout: 5000 });
    selects = [...shadow(el).querySelectorAll('select')];
    choose(selects[0]!, 'A');
    choose(selects[1]!, 'B');
    await el.updateComplete;
    const completed = oneEvent(el, 'quiz-complete') as Promise<QuizCompleteEvent>;
    buttonNamed(el, /Submit answers/).click();
    const summary = (await completed).detail;
    expect([summary.right, summary.partial, summary.wrong]).to.deep.equal([1, 1, 1]);
    await waitUntil(() => buttonNamed(el, /Review answers/), 'results', { timeout: 5000 });
    buttonNamed(el, /Review answers/).click();
    await el.updateComplete;
    buttonNamed(el, /Next/).focus();
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(shadow(el).querySelector('[part="header"]')!.textContent).to.contain('2 / 3');
    expect(feedback(el)).to.contain('Not quite', 'the untouched ordering is wrong');
    expect(shadow(el).querySelectorAll('.wrong, [class*="wrong"]').length).to.be.greaterThan(0);
  });
});
