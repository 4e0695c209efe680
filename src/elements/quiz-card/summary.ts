/**
 * The end of a practice set: the score, the grades, the time taken, the schedule (from the
 * progress views), and what to do next. A chunk of its own, fetched while the last question is
 * on screen, so a card that is only read never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { UiStrings } from '../../i18n/index.js';
import { GRADES, type PracticeSession } from '../../practice/practice-set.js';

/** What the summary needs from the card. */
export interface SummaryHost {
  strings: UiStrings;
  headingLevel: number;
  /** The table of when each answered question comes back (nothing without progress). */
  schedule: TemplateResult | typeof nothing;
  restart(onlyMissed: boolean): void;
  undo(): void;
}

export function renderSummary(session: PracticeSession, host: SummaryHost): TemplateResult {
  const s = host.strings;
  const summary = session.summary();
  const checked = summary.right + summary.partial + summary.wrong;
  const open = summary.total - checked;
  return html`
    <section part="summary" class="summary" data-focus="question" tabindex="-1" aria-labelledby="summary-title">
      <div class="title" id="summary-title" role="heading" aria-level=${host.headingLevel}>${s.summaryTitle}</div>
      <dl>
        ${open > 0 ? GRADES.map((grade) => html`<dt>${s.grades[grade]}</dt><dd>${summary.grades[grade]}</dd>`) : nothing}
        ${checked > 0 ? html`<dt>${s.check}</dt><dd>${s.summaryChoices(summary.right, summary.wrong, summary.partial)}</dd>` : nothing}
      </dl>
      <p class="message">${s.timeTaken(s.duration(summary.durationMs))}</p>
      ${host.schedule}
    </section>
    <div class="actions">
      <button part="button" class="primary" type="button" @click=${() => host.restart(false)}>${s.restart}</button>
      ${summary.missed.length > 0 ? html`<button part="button" type="button" @click=${() => host.restart(true)}>${s.reviewMissed(summary.missed.length)}</button>` : nothing}
      ${session.canUndo ? html`<button part="button" type="button" @click=${host.undo}>${s.undo}</button>` : nothing}
    </div>
  `;
}
