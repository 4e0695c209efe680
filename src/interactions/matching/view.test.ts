/// <reference types="mocha" />
import { expect, fixture, html } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { Pair, Question } from '../../bank/types.js';
import { defineInteractionHost, type InteractionHost } from '../../../test/interaction-host.js';
import { gradeMatching, targetOrder, targetsOf } from './matching.js';
import { view } from './view.js';

type Response = (number | null)[];

const PAIRS: Pair[] = [
  { left: 'Precision', right: 'TP / (TP + FP)' },
  { left: 'Recall', right: 'TP / (TP + FN)' },
  { left: '**Accuracy**', right: 'Correct / all' },
];

const question = (pairs = PAIRS, distractors: string[] | undefined = ['TN / (TN + FP)'], id = 'metrics'): Question => ({
  id, kind: 'concept', title: 'Match the metrics', topics: ['t'], prompt: 'Match each metric.', answer: '', type: 'matching', pairs, distractors,
});

defineInteractionHost('matching-view-host', view, () => question());
type MatchingHost = InteractionHost<Response>;

async function mount(q = question(), lang = 'en'): Promise<MatchingHost> {
  const el = await fixture<MatchingHost>(html`<matching-view-host .question=${q} .uiLang=${lang}></matching-view-host>`);
  await el.updateComplete;
  return el;
}

const rows = (el: MatchingHost) => [...el.shadowRoot!.querySelectorAll<HTMLLIElement>('.row')];
const selects = (el: MatchingHost) => [...el.shadowRoot!.querySelectorAll('select')];
const chips = (el: MatchingHost) => [...el.shadowRoot!.querySelectorAll<HTMLElement>('.chip')];
const chipFor = (el: MatchingHost, text: string) => chips(el).find((chip) => chip.textContent!.trim() === text)!;
const targets = targetsOf(question());
const center = (element: Element): [number, number] => {
  const box = element.getBoundingClientRect();
  return [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)];
};

function pointer(target: Element, type: string, [x, y]: [number, number]): void {
  target.dispatchEvent(new PointerEvent(type, { bubbles: true, composed: true, cancelable: true, pointerId: 9, pointerType: 'touch', isPrimary: true, button: type === 'pointermove' ? -1 : 0, clientX: x, clientY: y }));
}

describe('matching view', () => {
  afterEach(() => resetMouse());

  it('is accessible unanswered: a labelled select per item, listing every answer in the shuffled order', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const order = targetOrder(targets.length, 'metrics').map((j) => targets[j]);
    expect(selects(el).map((s) => s.getAttribute('aria-label'))).to.deep.equal(['Precision', 'Recall', 'Accuracy']);
    for (const select of selects(el)) {
      expect([...select.options].map((o) => o.text)).to.deep.equal(['Choose…', ...order]);
      expect(select.value).to.equal('');
    }
    expect(chips(el).map((chip) => chip.textContent!.trim())).to.deep.equal(order);
    expect(rows(el)[2]!.querySelector('.left strong')!.textContent).to.equal('Accuracy');
    expect(rows(el)[0]!.querySelector('.left')!.getAttribute('lang')).to.equal('en');
    expect(view.initial(el.question)).to.equal(undefined);
    expect(view.ready(el.question, undefined)).to.be.false;
  });

  it('takes answers from the keyboard in each select, and is ready once every item has one', async () => {
    const el = await mount();
    selects(el)[0]!.focus();
    await sendKeys({ press: 'ArrowDown' });
    // Some engines open the list on ArrowDown: Enter then takes the highlighted answer.
    if (selects(el)[0]!.value === '') await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    const first = targetOrder(targets.length, 'metrics')[0]!;
    expect(el.response).to.deep.equal([first, null, null]);
    expect(view.ready(el.question, el.response)).to.be.false;

    for (const [i, select] of selects(el).entries()) {
      select.value = String(i);
      select.dispatchEvent(new Event('change', { bubbles: true }));
    }
    await el.updateComplete;
    expect(el.response).to.deep.equal([0, 1, 2]);
    expect(view.ready(el.question, el.response)).to.be.true;

    selects(el)[1]!.value = '';
    selects(el)[1]!.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    expect(el.response).to.deep.equal([0, null, 2]);
    expect(view.ready(el.question, el.response)).to.be.false;
  });

  it('keeps keys pressed in a select from the card (its arrow and letter shortcuts)', async () => {
    const el = await mount();
    const keys: string[] = [];
    el.addEventListener('keydown', (event) => keys.push(event.key));
    selects(el)[1]!.focus();
    await sendKeys({ press: 'ArrowRight' });
    await sendKeys({ press: 'u' });
    expect(keys).to.deep.equal([]);
  });

  it('assigns an answer dragged with the mouse onto a row, and announces it', async () => {
    const el = await mount();
    const chip = chipFor(el, 'TP / (TP + FN)');
    const [x, y] = center(chip);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    await sendMouse({ type: 'move', position: [x + 5, y + 20] });
    await sendMouse({ type: 'move', position: center(rows(el)[1]!) });
    expect(rows(el)[1]!.hasAttribute('data-over')).to.be.true;
    expect(chip.style.translate).not.to.equal('');
    await sendMouse({ type: 'up' });
    await el.updateComplete;
    expect(el.response).to.deep.equal([null, 1, null]);
    expect(selects(el)[1]!.value).to.equal('1');
    expect(el.announcements).to.deep.equal(['Matched Recall with TP / (TP + FN)']);
    expect(chip.style.translate).to.equal('');
    expect(rows(el)[1]!.hasAttribute('data-over')).to.be.false;
    expect(chipFor(el, 'TP / (TP + FN)').classList.contains('used')).to.be.true;
  });

  it('assigns an answer dragged by touch, replacing a choice made in the select', async () => {
    const el = await mount();
    selects(el)[0]!.value = '3';
    selects(el)[0]!.dispatchEvent(new Event('change', { bubbles: true }));
    await el.updateComplete;
    const chip = chipFor(el, 'TP / (TP + FP)');
    expect(getComputedStyle(chip).touchAction).to.equal('none');
    pointer(chip, 'pointerdown', center(chip));
    pointer(chip, 'pointermove', center(rows(el)[0]!));
    pointer(chip, 'pointerup', center(rows(el)[0]!));
    await el.updateComplete;
    expect(el.response).to.deep.equal([0, null, null]);
    expect(selects(el)[0]!.value).to.equal('0');
    expect(el.announcements).to.deep.equal(['Matched Precision with TP / (TP + FP)']);
  });

  it('assigns nothing when a drag ends outside the rows or is cancelled', async () => {
    const el = await mount();
    const chip = chips(el)[0]!;
    pointer(chip, 'pointerdown', center(chip));
    pointer(chip, 'pointermove', [center(chip)[0], center(chip)[1] - 200]);
    pointer(chip, 'pointerup', [center(chip)[0], center(chip)[1] - 200]);
    pointer(chip, 'pointerdown', center(chip));
    pointer(chip, 'pointermove', center(rows(el)[2]!));
    pointer(chip, 'pointercancel', center(rows(el)[2]!));
    await el.updateComplete;
    expect(el.response).to.equal(undefined);
    expect(el.announcements).to.deep.equal([]);
    expect(chip.style.translate).to.equal('');
    expect(el.shadowRoot!.querySelector('[data-over], [data-dragging]')).to.equal(null);
  });

  it('marks each row right or wrong after the check, with the right partner, and disables the selects', async () => {
    const el = await mount();
    el.response = [0, 3, null];
    await el.updateComplete;
    el.grading = gradeMatching(el.question, el.response);
    await el.updateComplete;
    expect(selects(el).every((s) => s.disabled)).to.be.true;
    expect(chips(el)).to.have.length(0);
    expect(rows(el).map((row) => row.querySelector('.mark')!.textContent!.trim())).to.deep.equal([
      '✓ Right',
      '✗ Right answer: TP / (TP + FN)',
      '✗ Right answer: Correct / all',
    ]);
    expect(rows(el).map((row) => row.classList.contains('right'))).to.deep.equal([true, false, false]);
    await expect(el).to.be.accessible();
  });

  it('speaks Chinese in a Chinese card, without English words or spaces after Chinese punctuation', async () => {
    const pairs = [
      { left: '精确率', right: '真正例占预测正例的比例' },
      { left: '召回率', right: '真正例占实际正例的比例' },
    ];
    const el = await mount(question(pairs, undefined, 'zh-metrics'), 'zh-CN');
    const ui = [
      el.shadowRoot!.querySelector('.hint')!.textContent!,
      el.shadowRoot!.querySelector('.pool')!.getAttribute('aria-label')!,
      el.shadowRoot!.querySelector('.rows')!.getAttribute('aria-label')!,
      selects(el)[0]!.options[0]!.text,
    ];
    expect(ui[3]).to.equal('请选择…');
    const chip = chipFor(el, pairs[1]!.right);
    pointer(chip, 'pointerdown', center(chip));
    pointer(chip, 'pointermove', center(rows(el)[0]!));
    pointer(chip, 'pointerup', center(rows(el)[0]!));
    await el.updateComplete;
    expect(el.announcements).to.deep.equal([`已把“${pairs[1]!.right}”配给“精确率”`]);
    el.grading = gradeMatching(el.question, el.response!);
    await el.updateComplete;
    const marks = rows(el).map((row) => row.querySelector('.mark')!.textContent!.trim());
    expect(marks[0]).to.equal(`✗ 正确答案：${pairs[0]!.right}`);
    for (const text of [...ui, ...el.announcements, ...marks]) {
      expect(text).not.to.match(/[A-Za-z]|[，。：] /);
    }
  });

  it('shows hostile pair text as text, never as elements', async () => {
    const pairs = [
      { left: '<img src=x onerror="window.__hacked = 1">', right: '<script>window.__hacked = 1</script>' },
      { left: 'Fine', right: '<img src=x onerror="window.__hacked = 2">' },
    ];
    const el = await mount(question(pairs, ['<b onmouseover=alert(1)>x</b>'], 'hostile'));
    expect(el.shadowRoot!.querySelector('img, script, b')).to.equal(null);
    expect(el.shadowRoot!.textContent).to.include('<img src=x onerror="window.__hacked = 1">');
    expect(selects(el)[0]!.getAttribute('aria-label')).to.equal(pairs[0]!.left);
    // Chips and options show plain text; text that is all markup shows as written.
    expect(chips(el).map((chip) => chip.textContent!.trim())).to.include('<img src=x onerror="window.__hacked = 2">');
    expect((window as { __hacked?: number }).__hacked).to.equal(undefined);
  });

  it('fits a 320 px wide card with targets of at least 24 px', async () => {
    const pairs = [
      { left: 'A rather long left-hand item that wraps on a narrow phone screen', right: 'An equally long right-hand answer that the select has to cut short somehow' },
      { left: 'Short', right: 'Supercalifragilisticexpialidociousandthensomemorewithoutspaces' },
    ];
    const el = await mount(question(pairs, undefined, 'narrow'));
    el.style.display = 'block';
    el.style.width = '320px';
    await el.updateComplete;
    const box = el.shadowRoot!.querySelector('.matching')!;
    expect(box.scrollWidth).to.be.at.most(box.clientWidth);
    for (const row of rows(el)) expect(row.scrollWidth).to.be.at.most(row.clientWidth);
    for (const target of [...selects(el), ...chips(el)]) {
      const size = target.getBoundingClientRect();
      expect(Math.min(size.width, size.height)).to.be.at.least(24);
      expect(size.right).to.be.at.most(box.getBoundingClientRect().right + 0.5);
    }
  });
});
