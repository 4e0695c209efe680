/** A question on the card: header (kind, status, position), title and prompt, the type's body, and the navigation. */
import { html, nothing, type TemplateResult } from 'lit';
import { variantsOf } from '../../../bank/variants.js';
import { questionType } from '../../../interactions/interaction.js';
import { askedType, interactionViews, type ViewType } from '../../../interactions/views.js';
import type { ReviewQueue } from '../../../practice/review-queue.js';
import type { CardView } from '../card-view.js';
import { examChunk } from '../practice-controller.js';
import { renderChoices, renderCheck } from './choice-view.js';
import { renderExplanation, renderHint, renderOpen } from './open-view.js';
import { renderChunkMissing } from './state-views.js';

/** Text without code and emphasis marks or spaces: a prompt that is its title's twin (`What does \`__init__\` do?`) is not shown twice. */
const bare = (text: string) => text.replace(/[`*_\s]/g, '');

export function renderQuestion(view: CardView, queue: ReviewQueue | null): TemplateResult {
  const { strings: s, session, question, bank } = view;
  const declared = questionType(question);
  const type = askedType(question);
  const typed = type === 'open' || type === 'choice' ? undefined : interactionViews[type].value;
  const status = view.oneOff ? null : view.recording.statusOf(bank.id, question.id);
  return html`
    <div part="header" class="header">
      <span class="badges">
        <span class="badge">${question.kind === 'coding' ? s.kindCoding : s.kindConcept}</span>
        ${status ? html`<span part="status" class="badge status" data-status=${status}>${s.statusLabels[status]}</span>` : nothing}
        ${queue ? html`<span class="queue">${s.reviewQueue(queue.due, queue.fresh)}</span>` : nothing}
      </span>
      ${view.single
        ? nothing
        : html`<span class="progress">
            <span>${s.position(session.index + 1, session.questions.length)}</span>
            <progress aria-label=${s.progressLabel} max=${session.questions.length} value=${session.doneCount}></progress>
          </span>`}
    </div>
    <section data-focus="question" tabindex="-1" aria-labelledby="title" lang=${bank.language}>
      <div part="title" class="title" id="title" role="heading" aria-level=${view.card.headingLevel}>${question.title}</div>
      ${renderVariants(view)}
      ${bare(question.prompt) === bare(question.title) || typed?.view.ownsPrompt?.(question) ? nothing : html`<div part="prompt" class="prompt">${view.markdown(question.prompt, 'prompt')}</div>`}
    </section>
    ${declared !== type && declared !== 'choice' ? interactionViews[declared as ViewType].value!.typed.renderFieldProblems(question, s.lang) : nothing}
    ${type === 'open' ? renderOpen(view) : type === 'choice' ? renderChoices(view) : renderTyped(view, type)}
    ${renderNav(view, type === 'open')}
  `;
}

/** A typed question (true/false, fill-in, numeric, ordering, matching): its view and Check, from the type's chunk. */
function renderTyped(view: CardView, type: ViewType): TemplateResult {
  const loaded = interactionViews[type].value;
  if (!loaded) return renderChunkMissing(view.practice, interactionViews[type], view.strings);
  const { question } = view;
  const state = view.session.state!;
  const item = loaded.view;
  return loaded.typed.renderTyped(view, item, {
    hint: renderHint(view, state.hintShown || state.checked),
    explanation: renderExplanation(view),
    check: renderCheck(view, item.ready(question, state.response ?? item.initial(question))),
  });
}

/** The switch between answers of questions with the same title. */
function renderVariants(view: CardView): TemplateResult | typeof nothing {
  const { strings: s, session } = view;
  const variants = variantsOf(view.bank, session.current!);
  if (variants.length < 2) return nothing;
  const shown = session.state!.variant;
  return html`
    <div part="variants" class="variants" role="group" aria-label=${s.otherAnswers(variants.length - 1)}>
      <span class="key" aria-hidden="true">${s.otherAnswers(variants.length - 1)}</span>
      ${variants.map(
        (_, i) => html`<button part="button" type="button" aria-pressed=${i === shown ? 'true' : 'false'}
          aria-label=${s.variantLabel(i + 1, variants.length)} @click=${() => view.practice.showVariant(i)}>${i + 1}</button>`,
      )}
    </div>
  `;
}

/** Previous, Undo, an exam's Submit or Results, Try again (one question) and Next; then the key list of flashcards. */
function renderNav(view: CardView, open: boolean): TemplateResult {
  const { strings: s, session, single, practice } = view;
  const done = session.isDone(session.index);
  // Exam: Submit, or back to the results (from the exam chunk; a note with Retry if it could not be downloaded).
  const exam = view.card.mode === 'exam' && (examChunk.value ? examChunk.value.examNav(view) : examChunk.failed ? renderChunkMissing(practice, examChunk, s) : (void examChunk.request().then(() => practice.requestUpdate()), false));
  return html`
    <div part="nav" class="nav">
      <div class="actions">
        ${single ? nothing : html`<button part="button" type="button" ?disabled=${session.index === 0} @click=${() => practice.go(-1)}>← ${s.previous}</button>`}
        ${session.canUndo ? html`<button part="button" type="button" @click=${practice.undo}>${s.undo} <kbd aria-hidden="true">U</kbd></button>` : nothing}
      </div>
      <div class="actions">
        ${exam || nothing}
        ${single && done ? html`<button part="button" type="button" @click=${() => practice.restart(false)}>${s.tryAgain}</button>` : nothing}
        ${single
          ? nothing
          : html`<button part="button" type="button" class=${done ? 'primary' : ''} ?disabled=${session.index === session.questions.length - 1}
              @click=${() => practice.go(1)}>${s.next} →</button>`}
      </div>
    </div>
    ${view.oneOff || !open ? nothing : html`<p part="keys" class="help">${s.keyboardHelp}</p>`}
  `;
}
