/**
 * The end of a practice set: the score, the grades, the time taken, the schedule (from the
 * progress views), and what to do next. A chunk of its own, fetched while the last question is
 * on screen, so a card that is only read never downloads it.
 */
import { css, html, nothing, type TemplateResult } from 'lit';
import type { Bank } from '../../bank/types.js';
import { variantShown } from '../../bank/variants.js';
import type { UiStrings } from '../../i18n/index.js';
import { resultStrings } from '../../i18n/results.js';
import { GRADES, type PracticeSession } from '../../practice/practice-set.js';
import type { ProgressStore } from '../../progress/store.js';
import type { QuestionProgress } from '../../progress/types.js';
import type { ScheduleRow } from './progress-views.js';
import type { Recording } from './recorder.js';

/** What the schedule table needs: the store, the set's recordings, and the progress views' table. */
export interface Schedule {
  store: ProgressStore;
  bank: Bank;
  recordings: readonly Recording[];
  table(rows: ScheduleRow[], language: string): TemplateResult | typeof nothing;
}

/** What the summary needs from the card. */
export interface SummaryHost {
  strings: UiStrings;
  headingLevel: number;
  /** For the table of when each answered question comes back (null without progress). */
  schedule: Schedule | null;
  restart(onlyMissed: boolean): void;
  undo(): void;
  /** `pass-mark`, in percent: the results say passed or not. */
  passMark?: number;
  /** Exam: go through the submitted questions with their verdicts. */
  review?: () => void;
}

export function renderSummary(session: PracticeSession, host: SummaryHost): TemplateResult {
  const s = host.strings;
  const summary = session.summary();
  const checked = summary.right + summary.partial + summary.wrong;
  // Self-grades exist for open questions of a practice set; an exam shows those questions' answers but does not grade them.
  const graded = GRADES.some((grade) => summary.grades[grade] > 0);
  const percent = Math.round(summary.score * 100);
  const own = resultStrings(s.lang);
  const verdict = host.passMark == null ? null : percent >= host.passMark ? own.passed(percent, host.passMark) : own.failed(percent, host.passMark);
  return html`
    <section part="summary" class="summary" data-focus="question" tabindex="-1" aria-labelledby="summary-title">
      <div class="title" id="summary-title" role="heading" aria-level=${host.headingLevel}>${host.review ? own.examTitle : own.summaryTitle}</div>
      ${checked > 0
        ? html`<p part="score" class="score ${verdict ? (percent >= host.passMark! ? 'right' : 'wrong') : ''}">
            <span class="percent">${percent}%</span> ${verdict ?? own.summaryChoices(summary.right, summary.wrong, summary.partial)}
          </p>`
        : nothing}
      <dl>
        ${graded ? GRADES.map((grade) => html`<dt>${s.grades[grade]}</dt><dd>${summary.grades[grade]}</dd>`) : nothing}
        ${checked > 0 ? html`<dt>${s.check}</dt><dd>${own.summaryChoices(summary.right, summary.wrong, summary.partial)}</dd>` : nothing}
      </dl>
      <p class="message">${own.timeTaken(own.duration(summary.durationMs))}</p>
      ${host.schedule ? renderSchedule(session, host.schedule, s) : nothing}
    </section>
    <div class="actions">
      ${host.review ? html`<button part="button" class="primary" type="button" @click=${host.review}>${own.reviewAnswers}</button>` : nothing}
      <button part="button" class=${host.review ? '' : 'primary'} type="button" @click=${() => host.restart(false)}>${own.restart}</button>
      ${summary.missed.length > 0 && !host.review ? html`<button part="button" type="button" @click=${() => host.restart(true)}>${own.reviewMissed(summary.missed.length)}</button>` : nothing}
      ${session.canUndo ? html`<button part="button" type="button" @click=${host.undo}>${s.undo}</button>` : nothing}
    </div>
  `;
}

/** The summary's "what was scheduled when": each answered question, how it went, and when it comes back. */
function renderSchedule(session: PracticeSession, { store, bank, recordings, table }: Schedule, s: UiStrings): TemplateResult | typeof nothing {
  const rows = session.questions.flatMap((asked, index) => {
    const state = session.states[index]!;
    if (state.grade === undefined && !state.checked) return [];
    const question = variantShown(bank, asked, state.variant);
    const recording = recordings.findLast((r) => r.index === index);
    let progress: QuestionProgress | undefined;
    try {
      progress = recording?.status === 'saved' ? store.get(bank.id, question.id) : undefined;
    } catch {
      progress = undefined;
    }
    const due = progress && progress.memory.state !== 0 ? progress.memory.due : null;
    const own = resultStrings(s.lang);
    const result = state.grade !== undefined ? s.grades[state.grade] : state.correct ? own.resultRight : state.score ? own.resultPartial : own.resultWrong;
    return [{ question, result, due, pending: recording?.status === 'pending' }];
  });
  return table(rows, bank.language);
}

/** The summary's and its schedule table's styles (adopted by the card with the chunk). */
export const summaryStyles = css`
  .score {
    display: flex;
    align-items: baseline;
    flex-wrap: wrap;
    gap: 0.25rem 0.75rem;
    margin: 0.25rem 0 0.75rem;
    font-weight: 600;
  }
  .score .percent {
    font-size: 2em;
    font-variant-numeric: tabular-nums;
  }
  .score.right {
    color: var(--_correct);
  }
  .score.wrong {
    color: var(--_wrong);
  }
  .summary dl {
    display: grid;
    grid-template-columns: max-content 1fr;
    gap: 0.25rem 1rem;
    margin: 0;
  }
  .summary dt {
    font-weight: 600;
  }
  .summary dd {
    margin: 0;
  }
  .schedule {
    width: 100%;
    border-collapse: collapse;
    font-size: 0.9em;
    margin-top: 0.5rem;
    /* Columns size to whole words ("anywhere" would split "answer" in a narrow card). */
    overflow-wrap: break-word;
  }
  .schedule caption {
    text-align: start;
    font-weight: 700;
    padding-bottom: 0.25rem;
  }
  .schedule th,
  .schedule td {
    text-align: start;
    vertical-align: top;
    padding: 0.3rem 0.5rem 0.3rem 0;
    border-bottom: 1px solid var(--_border);
  }
  .schedule thead th {
    color: var(--_muted);
    font-weight: 600;
  }
  .schedule tbody th {
    font-weight: 400;
  }
`;
