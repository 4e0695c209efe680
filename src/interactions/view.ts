/**
 * The contract between `<quiz-card>` and a question type's view (`src/interactions/<type>/view.ts`,
 * each its own lazy chunk). The card owns the session, the Check button, the verdict, hints,
 * explanations, progress and events; the view draws the controls for one response and reports
 * changes through `setResponse`. A view never writes session state itself.
 */
import type { CSSResult, TemplateResult } from 'lit';
import type { Question } from '../bank/types.js';
import type { Grading, InteractionReport } from './interaction.js';

export interface InteractionContext<R> {
  question: Question;
  /** The learner's response so far (undefined before the first change: use `initial`). */
  response: R | undefined;
  /** Replaces the response (the card stores it and renders again). Ignored once checked. */
  setResponse(response: R): void;
  /** Set once the response is checked: show per-part results and the right answer. */
  grading: Grading | undefined;
  /** Bank markdown rendered for `place` (cached per place: one element per place). */
  markdown(text: string, place: string): HTMLElement | import('lit').TemplateResult | typeof import('lit').nothing;
  /** UI language of the card (`en` or `zh-CN`): views carry their own few strings. */
  lang: string;
  /** Language of the bank's text, for `lang` attributes around bank content. */
  bankLanguage: string;
  /** Says `message` to screen readers (the card's polite live region). */
  announce(message: string): void;
  /** Checks the response, as the Check button does. */
  check(): void;
  /** For a text field's keydown: Enter checks, unless an input method (pinyin) is composing. */
  checkOnEnter(event: KeyboardEvent): void;
  /** Asks the card to render again (after the view changed something only it keeps, such as a picked-up item). */
  requestUpdate(): void;
}

export interface InteractionView<R> {
  /** The controls (and, when `ownsPrompt`, the prompt itself). */
  render(context: InteractionContext<R>): TemplateResult;
  /** The view's CSS, adopted into the card's shadow root when the view loads. */
  styles: CSSResult;
  /** Score of a response. */
  grade(question: Question, response: R): Grading;
  /** xAPI / SCORM description of the question and a response. */
  report(question: Question, response: R | undefined): InteractionReport;
  /** The response the view starts from (an ordering's shuffled order); undefined for none. */
  initial(question: Question): R | undefined;
  /** Whether the response can be checked (something chosen or typed). */
  ready(question: Question, response: R | undefined): boolean;
  /** The view draws the prompt (fill-in with blanks inside it); the card then leaves it out. */
  ownsPrompt?(question: Question): boolean;
  /** Keys for the whole card (true/false: T and F); returns true when it handled the key. */
  onKey?(event: KeyboardEvent, context: InteractionContext<R>): boolean;
}
