// A trial of typed questions: each question of a bank in a <quiz-card> of its own, asked through its
// controls in every state (typed-learner.ts), the card's markup walked in each state, then the page
// checked as for the other hostile trials (trial.ts): no script ran, nothing outside the container
// changed, no handler or javascript:/data: URL in the shadow DOM, nothing thrown.
/// <reference types="mocha" />
import { expect } from '@open-wc/testing';
import type { Question } from '../../src/bank/types.js';
import { validateBank, formatIssues } from '../../src/bank/validate.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import '../../src/elements/quiz-card/quiz-card.js';
import { loadCodeBlocks } from '../../src/render/markdown.js';
import {
  FORBIDDEN_TAGS,
  inspectMarkup,
  installTripwire,
  markupOf,
  pageSnapshot,
  snapshotChanges,
  twoFrames,
  watchOutside,
  type MarkupAllowance,
  type OutsideWatch,
  type Tripwire,
} from './page-guard.js';
import type { HostileCategory } from '../fixtures/hostile/index.js';
import { tryCategories } from './suite.js';
import { MARKDOWN_ATTRIBUTES, MARKDOWN_TAGS, RICH } from './trial.js';
import { TYPED_FIELDS, TYPED_QUESTIONS, typedBank, typedQuestions } from './typed-banks.js';
import { askTyped, viewShown, type FlowOptions } from './typed-learner.js';

export interface TypedTrialOptions {
  id: string;
  questions: readonly Question[];
  /** The hostile text every typed field holds, for the checks that it shows as text. */
  text?: string;
  /** Whether the bank is valid (else the card must refuse it with an error). */
  valid?: boolean;
  flow?: FlowOptions;
}

/** The page typed trials run in: a container, the tripwire, the outside watch, and the figures. */
export class TypedPage {
  readonly container = document.createElement('div');
  private tripwire!: Tripwire;
  private watch!: OutsideWatch;
  private before!: Record<string, string>;
  private errors: string[] = [];
  allowed!: MarkupAllowance;

  readonly figures = { payloads: 0, textPayloads: 0, cards: 0, states: 0, scriptsRun: 0, outsideMutations: 0, pageChanges: 0, handlers: 0, badUrls: 0, markupProblems: 0, errors: 0 };

  private onError = (event: ErrorEvent) => this.errors.push(`error: ${event.message}`);
  private onRejection = (event: PromiseRejectionEvent) => this.errors.push(`unhandled rejection: ${String((event.reason as Error)?.message ?? event.reason)}`);

  /** Sets up the container, learns the markup of benign typed questions, then starts watching. */
  async open(): Promise<void> {
    this.container.lang = 'en';
    Object.assign(this.container.style, { position: 'relative', width: '440px' });
    document.body.append(this.container);
    this.tripwire = installTripwire();
    window.addEventListener('error', this.onError);
    window.addEventListener('unhandledrejection', this.onRejection);
    await loadCodeBlocks();
    this.allowed = { tags: new Set(MARKDOWN_TAGS), attributes: new Set(MARKDOWN_ATTRIBUTES) };
    const questions = typedQuestions(RICH);
    await this.show({ id: 'baseline', questions: TYPED_QUESTIONS.map((name) => questions[name]), text: RICH }, true);
    const forbidden = [...this.allowed.tags].filter((tag) => FORBIDDEN_TAGS.has(tag));
    expect(forbidden, 'the typed views themselves render forbidden elements').to.deep.equal([]);
    expect(this.tripwire.hits, 'the baseline tripped the wire').to.deep.equal([]);
    expect(this.errors, 'the baseline threw').to.deep.equal([]);
    this.before = pageSnapshot();
    this.watch = watchOutside(this.container);
  }

  close(): void {
    this.watch?.stop();
    this.tripwire?.uninstall();
    window.removeEventListener('error', this.onError);
    window.removeEventListener('unhandledrejection', this.onRejection);
    this.container.remove();
  }

  /** The typed questions of `text`, tried. */
  async tryText(id: string, text: string): Promise<void> {
    const questions = typedQuestions(text);
    this.figures.textPayloads += 1;
    await this.trial({ id, questions: TYPED_QUESTIONS.map((name) => questions[name]), text });
  }

  /** Runs a trial and checks the page after it; throws (an assertion) on any problem. */
  async trial(options: TypedTrialOptions): Promise<void> {
    const hitsBefore = this.tripwire.hits.length;
    const outsideBefore = this.watch.flush().length;
    const errorsBefore = this.errors.length;
    this.figures.payloads += 1;
    const problems = await this.show(options);
    const hits = this.tripwire.hits.slice(hitsBefore);
    const outside = this.watch.flush().slice(outsideBefore);
    const errors = this.errors.slice(errorsBefore);
    const changes = snapshotChanges(this.before, pageSnapshot());

    const f = this.figures;
    f.scriptsRun += hits.length;
    f.outsideMutations += outside.length;
    f.pageChanges += changes.length;
    f.errors += errors.length;
    const list = (items: readonly string[]) => items.slice(0, 20).join('\n  ');
    expect(hits, `${options.id}: script ran:\n  ${list(hits)}\n`).to.deep.equal([]);
    expect(errors, `${options.id}: thrown:\n  ${list(errors)}\n`).to.deep.equal([]);
    expect(outside, `${options.id}: changed the page outside the cards:\n  ${list(outside)}\n`).to.deep.equal([]);
    expect(changes, `${options.id}: changed page state:\n  ${list(changes)}\n`).to.deep.equal([]);
    expect(problems, `${options.id}: markup in the shadow roots:\n  ${list(problems)}\n`).to.deep.equal([]);
  }

  /** Shows each question in a card of its own, all at once (each asked on its own), walking the markup in every state. */
  private async show(options: TypedTrialOptions, learn = false): Promise<string[]> {
    const bank = typedBank(options.questions);
    const validation = validateBank(structuredClone(bank));
    const valid = options.valid ?? true;
    expect(validation.ok, `${options.id}: the validator ${valid ? 'refuses' : 'accepts'} the bank${validation.ok ? '' : `:\n${formatIssues(validation.issues)}`}`).to.equal(valid);
    const problems = new Set<string>();
    const cards = options.questions.map((question) => {
      const card = document.createElement('quiz-card') as QuizCard;
      card.bank = bank;
      card.setAttribute('question', question.id);
      card.setAttribute('no-progress', '');
      return card;
    });
    const lookAt = (card: QuizCard, question: Question) => (state: string) => {
      if (learn) {
        const seen = markupOf(card);
        for (const tag of seen.tags) this.allowed.tags.add(tag);
        for (const name of seen.attributes) this.allowed.attributes.add(name);
        return;
      }
      this.figures.states += 1;
      const found = inspectMarkup(card, this.allowed);
      this.figures.handlers += found.handlers;
      this.figures.badUrls += found.badUrls;
      this.figures.markupProblems += found.problems.length;
      for (const problem of found.problems) problems.add(`${question.id} (${state}): ${problem}`);
    };
    const ask = async (card: QuizCard, question: Question) => {
      const shown = await viewShown(card);
      if (!valid) {
        expect(shown, `${options.id}: the card shows a refused bank`).to.equal(false);
        return;
      }
      expect(shown, `${options.id}: the card shows an error for ${question.id}: ${card.shadowRoot!.textContent!.trim().slice(0, 200)}`).to.equal(true);
      if (!learn) this.figures.cards += 1;
      await askTyped(card, question, lookAt(card, question), options.text, options.flow);
    };
    this.container.append(...cards);
    try {
      await Promise.all(options.questions.map((question, i) => ask(cards[i]!, question)));
      // Long enough for load and error handlers of anything the cards show to fire.
      await twoFrames();
      options.questions.forEach((question, i) => lookAt(cards[i]!, question)('settled'));
    } finally {
      for (const card of cards) card.remove();
    }
    return [...problems];
  }

  /** The figures as one line, like the other hostile files print. */
  report(label: string): string {
    const f = this.figures;
    return (
      `${label}: ${f.payloads} trials (${f.textPayloads} texts × ${TYPED_FIELDS.length} typed fields), ${f.cards} cards, ${f.states} states looked at; ` +
      `scripts run: ${f.scriptsRun}; errors thrown: ${f.errors}; outside mutations: ${f.outsideMutations}; page state changes: ${f.pageChanges}; ` +
      `on* attributes: ${f.handlers}; javascript:/data:/vbscript: URLs: ${f.badUrls}; markup problems in all: ${f.markupProblems}`
    );
  }
}

/** A TypedPage opened before the enclosing describe block's tests and closed after them, printing its report under `title`. */
export function openedTypedPage(title: string): TypedPage {
  const page = new TypedPage();
  before(async function () {
    this.timeout(30_000);
    await page.open();
  });
  after(() => {
    page.close();
    console.log(page.report(title));
  });
  return page;
}

/**
 * A describe block with its own page and a test per text payload of `categories`, each in every
 * typed field. Mirrors CORPUS_FILES: one test file per group keeps each run short.
 */
export function typedSuite(title: string, categories: readonly HostileCategory[]): void {
  describe(title, function () {
    this.timeout(10_000);
    const page = openedTypedPage(title);

    it('the baseline learned the controls of every typed view, and no handler', () => {
      for (const tag of ['input', 'select', 'option', 'ol', 'label']) expect(page.allowed.tags.has(tag), `<${tag}> not seen`).to.equal(true);
      expect([...page.allowed.attributes].filter((name) => name.startsWith('on'))).to.deep.equal([]);
    });

    tryCategories(categories, (payload) => {
      it(`${payload.id}: ${payload.note}`, async () => {
        await page.tryText(payload.id, payload.text);
      });
    });
  });
}
