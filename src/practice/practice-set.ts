import { fingerprint } from '../bank/fingerprint.js';
import type { Bank, Question, QuestionKind } from '../bank/types.js';
import { normalizeTitle } from '../bank/variants.js';

/**
 * New questions a day in review mode when `new-per-day` is not given (Anki's default too). Here,
 * not in review-queue.ts, so a card's entry file does not pull in the review queue for it.
 */
export const DEFAULT_NEW_PER_DAY = 20;

/** How well a learner knew an open question, as in Anki: the four self-grades. */
export type Grade = 'again' | 'hard' | 'good' | 'easy';
export const GRADES: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

export interface PracticeFilter {
  /** Topic ids; a question matches when it has any of them. */
  topics?: readonly string[];
  kind?: QuestionKind;
  /** At most this many questions; default 10. */
  count?: number;
  shuffle?: boolean;
  /** Makes a shuffled order reproducible. */
  seed?: string;
}

/** Small, fast, seedable PRNG (mulberry32): the same seed gives the same practice order. */
export function seededRandom(seed: string): () => number {
  return mulberry32(fingerprint(seed));
}

/** Numbers in [0, 1) from a 32-bit seed (mulberry32): the same sequence in every run and browser. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/**
 * The questions a practice set asks: one per title (variants are offered inside the card, not
 * asked twice), filtered by topic and kind, optionally shuffled, then cut to `count`.
 */
export function selectQuestions(bank: Bank, filter: PracticeFilter = {}): Question[] {
  const seen = new Set<string>();
  const topics = filter.topics?.length ? new Set(filter.topics) : null;
  let questions = bank.questions.filter((q) => {
    const key = normalizeTitle(q.title);
    if (seen.has(key)) return false;
    seen.add(key);
    return (!topics || q.topics.some((t) => topics.has(t))) && (!filter.kind || q.kind === filter.kind);
  });
  if (filter.shuffle) questions = shuffled(questions, filter.seed !== undefined ? seededRandom(filter.seed) : Math.random);
  const count = filter.count ?? 10;
  return count > 0 ? questions.slice(0, count) : questions;
}

/** Where a learner is with one question of the set. */
export interface QuestionState {
  hintShown: boolean;
  revealed: boolean;
  /** What they typed before revealing the answer. */
  attempt: string;
  grade?: Grade;
  /** Indices of the chosen choices. */
  selected: number[];
  checked: boolean;
  correct?: boolean;
  /** A typed question's response (true/false, blanks, number, order, pairs), as its view keeps it. */
  response?: unknown;
  /** Of a checked question: 0 (wrong) to 1 (right); in between, partly right. */
  score?: number;
  /** Checks that were not right and were tried again (`max-attempts`). */
  attempts?: number;
  /** Which variant (same title) is shown; 0 is the question itself. */
  variant: number;
  /** The last check was wrong with attempts left: the learner is asked to try again (until the answer changes or they move on). */
  tryAgain?: boolean;
}

export interface PracticeSummary {
  total: number;
  grades: Record<Grade, number>;
  /** Checked questions answered right. */
  right: number;
  /** Checked questions answered partly right (some blanks, items or pairs). */
  partial: number;
  /** Checked questions answered wrong. */
  wrong: number;
  /** Mean score of the checked questions, 0 to 1 (0 when none was checked). */
  score: number;
  durationMs: number;
  /** Ids of questions graded Again or not answered fully right. */
  missed: string[];
}

/** A choice question is answered right when exactly the correct choices are selected. */
export function isRightSelection(question: Question, selected: readonly number[]): boolean {
  const choices = question.choices ?? [];
  return choices.every((choice, i) => choice.correct === selected.includes(i));
}

/** Checkboxes (the learner picks all correct ones) when `multiple` says so or more than one choice is correct; otherwise single choice. */
export function isMultipleChoice(question: Question): boolean {
  return !!question.choices && (question.multiple === true || question.choices.filter((c) => c.correct).length > 1);
}

export interface SessionOptions {
  /** Checks a question allows: a wrong answer before the last is tried again without showing the right one. Default 1. */
  maxAttempts?: number;
  /** Exam: responses are kept without checking, and `submitAll` scores every question at once. */
  exam?: boolean;
}

/**
 * Where a session is, the one value the card renders from:
 * - `empty`: no questions (a filter matched none, or nothing is due);
 * - `asking`: questions are left to answer;
 * - `finished`: every question is answered (a set shows its summary, an exam its results);
 * - `reviewing`: an exam's learner goes through the scored questions after the results.
 */
export type SessionPhase = 'empty' | 'asking' | 'finished' | 'reviewing';

/** What a check led to: `checked` (final), `retry` (wrong, attempts left) or null (nothing to check). */
export type CheckOutcome = 'checked' | 'retry' | null;

interface HistoryEntry {
  index: number;
  before: QuestionState;
}

/**
 * One run through a practice set: position, per-question state, grades, undo and the summary.
 * Pure state (no DOM), so every rule here is tested in Node.
 */
export class PracticeSession {
  readonly questions: readonly Question[];
  readonly states: QuestionState[];
  index = 0;
  readonly startedAt: number;
  finishedAt: number | null = null;
  private readonly history: HistoryEntry[] = [];
  readonly now: () => number;

  readonly options: SessionOptions;
  private reviewingAnswers = false;

  constructor(questions: readonly Question[], now: () => number = Date.now, options: SessionOptions = {}) {
    this.questions = questions;
    this.now = now;
    this.options = options;
    this.startedAt = now();
    this.states = questions.map(() => ({ hintShown: false, revealed: false, attempt: '', selected: [], checked: false, variant: 0 }));
  }

  get current(): Question | undefined {
    return this.questions[this.index];
  }

  get state(): QuestionState | undefined {
    return this.states[this.index];
  }

  get complete(): boolean {
    return this.finishedAt !== null;
  }

  get phase(): SessionPhase {
    if (this.questions.length === 0) return 'empty';
    if (!this.complete) return 'asking';
    return this.reviewingAnswers ? 'reviewing' : 'finished';
  }

  /** From a finished exam's results to its first question, to go through the verdicts. */
  reviewAnswers(): boolean {
    if (this.phase !== 'finished' || !this.options.exam) return false;
    this.reviewingAnswers = true;
    this.goTo(0);
    return true;
  }

  /** From going through an exam's questions back to its results. */
  showResults(): boolean {
    if (this.phase !== 'reviewing') return false;
    this.reviewingAnswers = false;
    return true;
  }

  /** Moves `offset` questions on (or back) while asking or reviewing; false at either end, or once finished. */
  move(offset: number): boolean {
    const target = this.index + offset;
    const phase = this.phase;
    if ((phase !== 'asking' && phase !== 'reviewing') || target < 0 || target >= this.questions.length) return false;
    this.goTo(target);
    return true;
  }

  get canUndo(): boolean {
    return this.history.length > 0;
  }

  isDone(index: number): boolean {
    const state = this.states[index];
    if (this.options.exam && !this.complete) return !!state && (state.selected.length > 0 || state.response !== undefined);
    return !!state && (state.grade !== undefined || state.checked);
  }

  get doneCount(): number {
    return this.states.filter((_, i) => this.isDone(i)).length;
  }

  goTo(index: number): void {
    if (index >= 0 && index < this.questions.length) this.#moveTo(index);
  }

  /** Every change of question: a "try again" belongs to the answer just given, so it goes. */
  #moveTo(index: number): void {
    delete this.states[this.index]?.tryAgain;
    this.index = index;
    delete this.states[index]?.tryAgain;
  }

  showHint(): void {
    if (this.state) this.state.hintShown = true;
  }

  reveal(): boolean {
    const state = this.state;
    if (!state || state.revealed) return false;
    state.revealed = true;
    return true;
  }

  /** Records a self-grade for the current open question and moves on; false if not revealed yet. */
  grade(grade: Grade): boolean {
    const state = this.state;
    if (!state || !state.revealed || state.grade !== undefined) return false;
    this.remember();
    state.grade = grade;
    this.advance();
    return true;
  }

  /** Shows another answer of the same title (variant `index`); a variant may be asked another way, so an unchecked response goes. */
  showVariant(index: number): boolean {
    const state = this.state;
    if (!state || state.variant === index) return false;
    state.variant = index;
    delete state.tryAgain;
    if (!state.checked) state.response = undefined;
    return true;
  }

  /** Keeps what the learner typed before revealing the answer (`answer-box`). */
  type(attempt: string): void {
    if (this.state && !this.state.revealed) this.state.attempt = attempt;
  }

  select(choice: number): void {
    const state = this.state;
    if (this.options.exam && this.complete) return;
    const question = this.current;
    if (!state || !question?.choices || state.checked) return;
    delete state.tryAgain;
    if (!isMultipleChoice(question)) state.selected = [choice];
    else state.selected = state.selected.includes(choice) ? state.selected.filter((i) => i !== choice) : [...state.selected, choice].sort((a, b) => a - b);
  }

  /** Checks the current choice question; returns whether it was right, or null if not checkable (or to be tried again). */
  check(): boolean | null {
    const state = this.state;
    const question = this.current;
    if (!state || !question?.choices || state.checked || state.selected.length === 0) return null;
    const correct = isRightSelection(question, state.selected);
    return this.submit({ score: correct ? 1 : 0, correct }) === 'checked' ? correct : null;
  }

  /** Keeps the response of the current typed question (not once checked). */
  respond(response: unknown): void {
    const state = this.state;
    if (!state || state.checked || (this.options.exam && this.complete)) return;
    state.response = response;
    delete state.tryAgain;
  }

  /** How many more checks the current question allows after this one. */
  get attemptsLeft(): number {
    return Math.max(0, (this.options.maxAttempts ?? 1) - 1 - (this.state?.attempts ?? 0));
  }

  /**
   * Records the check of the current question, scored by its type. A wrong answer with attempts
   * left is counted and tried again (`retry`); otherwise the check is final (`checked`).
   */
  submit(result: { score: number; correct: boolean }): CheckOutcome {
    const state = this.state;
    if (!state || state.checked || this.options.exam) return null;
    if (!result.correct && this.attemptsLeft > 0) {
      state.attempts = (state.attempts ?? 0) + 1;
      state.tryAgain = true;
      return 'retry';
    }
    this.remember();
    state.checked = true;
    state.correct = result.correct;
    state.score = result.score;
    this.finishIfDone();
    return 'checked';
  }

  /** The current question's state before a grade or check, for undo (responses are plain data). */
  private remember(): void {
    const state = this.state!;
    this.history.push({ index: this.index, before: { ...state, selected: [...state.selected], response: structuredClone(state.response) } });
  }

  /** Takes back the last grade or check and returns to that question. */
  undo(): boolean {
    const last = this.history.pop();
    if (!last) return false;
    delete last.before.tryAgain;
    this.states[last.index] = last.before;
    this.#moveTo(last.index);
    this.finishedAt = null;
    this.reviewingAnswers = false;
    return true;
  }

  /** After a grade: the next question not yet done, or the summary when all are done. */
  advance(): void {
    if (this.finishIfDone()) return;
    const n = this.questions.length;
    for (let step = 1; step <= n; step++) {
      const candidate = (this.index + step) % n;
      if (!this.isDone(candidate)) {
        this.#moveTo(candidate);
        return;
      }
    }
  }

  private finishIfDone(): boolean {
    if (this.questions.length > 0 && this.doneCount === this.questions.length) {
      this.finishedAt ??= this.now();
      return true;
    }
    return false;
  }

  summary(): PracticeSummary {
    const grades: Record<Grade, number> = { again: 0, hard: 0, good: 0, easy: 0 };
    let right = 0;
    let partial = 0;
    let wrong = 0;
    const missed: string[] = [];
    this.states.forEach((state, i) => {
      const id = this.questions[i]!.id;
      if (state.grade) grades[state.grade]++;
      if (state.checked && state.correct) right++;
      else if (state.checked && state.score) partial++;
      else if (state.checked) wrong++;
      if (state.grade === 'again' || (state.checked && !state.correct)) missed.push(id);
    });
    const checked = this.states.filter((state) => state.checked);
    const score = checked.length ? checked.reduce((sum, state) => sum + (state.score ?? 0), 0) / checked.length : 0;
    return { total: this.questions.length, grades, right, partial, wrong, score, durationMs: (this.finishedAt ?? this.now()) - this.startedAt, missed };
  }
}
