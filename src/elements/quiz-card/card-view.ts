import type { nothing, TemplateResult } from 'lit';
import type { Bank, Question } from '../../bank/types.js';
import type { UiStrings } from '../../i18n/index.js';
import type { PracticeSession } from '../../practice/practice-set.js';
import type { QuizCardAttributes } from './card-attributes.js';
import type { PracticeController } from './practice-controller.js';
import type { RecordingController } from './recording-controller.js';

/**
 * What the card's view modules (`views/*.ts`, and the typed-question, exam and summary chunks)
 * get to render a question: plain data, the card's services, and the practice controller for
 * every action. Views never write session state themselves; they call `practice` (the exam
 * chunk's Submit scores every question through `submitAll`, a session rule tested in Node).
 */
export interface CardView {
  readonly card: QuizCardAttributes;
  readonly strings: UiStrings;
  readonly session: PracticeSession;
  readonly bank: Bank;
  /** The question on screen: the current one, or the variant the learner switched to. */
  readonly question: Question;
  readonly practice: PracticeController;
  readonly recording: RecordingController;
  /** A card of one question, not a set: no position, no Previous/Next. */
  readonly single: boolean;
  /** A one-off card (see `isOneOff`): no schedule, statuses or key list. */
  readonly oneOff: boolean;
  /** Bank text rendered as markdown for a place of the card (`prompt`, `choice-2`…). */
  markdown(text: string | undefined, place: string): HTMLElement | TemplateResult | typeof nothing;
  /** The card's shadow root, where a chunk adopts its styles. */
  readonly root: ShadowRoot | null;
}
