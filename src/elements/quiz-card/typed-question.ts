/**
 * The part of `<quiz-card>` only typed questions (true/false, fill-in, numeric, ordering,
 * matching) need: the context their view gets, its Check button and the verdict. It comes with
 * the first such question's chunk, so a page of open and choice questions never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Question } from '../../bank/types.js';
import type { UiStrings } from '../../i18n/strings.js';
import type { Grading } from '../../interactions/interaction.js';
import type { InteractionContext, InteractionView } from '../../interactions/view.js';
import type { PracticeSession } from '../../practice/practice-set.js';
import { adoptStyles } from '../adopt-styles.js';

/**
 * The card members this module uses (the card passes itself: these are its private members,
 * named here so the entry file needs no adapter object).
 */
export interface TypedHost {
  readonly strings: UiStrings;
  readonly bankLanguage: string;
  markdown(text: string, place: string): HTMLElement | typeof nothing;
  announce(message: string): void;
  check(): void;
  requestUpdate(): void;
  renderVerdict(session: PracticeSession, grading: Grading): TemplateResult;
  readonly shadowRoot: ShadowRoot | null;
}

/** What a view needs: the response, a way to change it, the grading once checked, and the card's services. */
export function interactionContext(host: TypedHost, session: PracticeSession, question: Question, view: InteractionView<unknown>): InteractionContext<unknown> {
  const state = session.state!;
  const response = state.response ?? view.initial(question);
  return {
    question,
    response,
    setResponse: (next) => {
      session.respond(next);
      host.requestUpdate();
    },
    grading: state.checked ? view.grade(question, response) : undefined,
    markdown: (text, place) => host.markdown(text, place),
    lang: host.strings.lang,
    bankLanguage: host.bankLanguage,
    announce: (message) => host.announce(message),
    check: () => host.check(),
    requestUpdate: () => host.requestUpdate(),
  };
}


/** The hint, the view, then Check, or the verdict and explanation once checked. */
export function renderTyped(
  host: TypedHost,
  session: PracticeSession,
  question: Question,
  view: InteractionView<unknown>,
  blocks: { hint: TemplateResult | typeof nothing; explanation: TemplateResult },
): TemplateResult {
  adoptStyles(host.shadowRoot, view.styles);
  const context = interactionContext(host, session, question, view);
  const grading = context.grading;
  return html`
    ${blocks.hint}
    <div class="interaction">${view.render(context)}</div>
    ${grading
      ? html`<div part="feedback" data-focus="feedback" tabindex="-1">${host.renderVerdict(session, grading)}</div>${blocks.explanation}`
      : html`<div class="actions">
          <button part="button" class="primary" type="button" ?disabled=${!view.ready(question, context.response)} @click=${() => host.check()}>${host.strings.check}</button>
        </div>`}
  `;
}
