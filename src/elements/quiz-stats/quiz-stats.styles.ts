import { css } from 'lit';
import { loadStateStyles } from '../../styles/notice.styles.js';

export const quizStatsStyles = css`
  :host {
    max-width: var(--quiz-max-width, 48rem);
    container-type: inline-size;
  }
  .base {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    overflow-wrap: anywhere;
  }
  @container (min-width: 36rem) {
    .base {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
    .wide {
      grid-column: 1 / -1;
    }
  }
  .label {
    grid-column: 1 / -1;
    font-weight: 700;
    font-size: 1.1em;
  }
  section {
    display: grid;
    gap: 0.5rem;
    align-content: start;
    min-width: 0;
  }
  .title {
    font-weight: 700;
  }
  .summary,
  .empty {
    margin: 0;
  }
  .summary,
  .empty {
    color: var(--_muted);
    font-size: 0.9em;
  }
  .empty {
    grid-column: 1 / -1;
  }
  /* Counts per status: four tiles. */
  dl {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.5rem;
    margin: 0;
  }
  .count {
    border: 1px solid var(--_border);
    border-inline-start: 4px solid var(--_status);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.35rem 0.6rem;
    display: flex;
    flex-direction: column-reverse;
  }
  .count.new {
    --_status: var(--_muted);
  }
  .count.learning {
    --_status: var(--_accent);
  }
  .count.due {
    --_status: var(--_wrong);
  }
  .count.mastered {
    --_status: var(--_correct);
  }
  dt {
    font-size: 0.85em;
    color: var(--_muted);
  }
  dd,
  .share {
    margin: 0;
    font-size: 1.5em;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    line-height: 1.2;
  }
  /* Retention: the share and a small bar. */
  .meter {
    display: block;
    width: 100%;
    height: 0.6rem;
    border-radius: 0.3rem;
    background: var(--_surface);
    border: 1px solid var(--_control-border);
  }
  .meter rect {
    fill: var(--_correct);
  }
  /* Due forecast: a scale, the bars and day labels below them. */
  .plot {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    column-gap: 0.4rem;
    font-size: 0.75em;
    color: var(--_muted);
    font-variant-numeric: tabular-nums;
  }
  .scale {
    display: flex;
    flex-direction: column;
    justify-content: space-between;
    text-align: end;
    line-height: 1;
  }
  .bars {
    display: block;
    width: 100%;
    height: var(--quiz-chart-height, 7rem);
    overflow: visible;
  }
  .bar {
    fill: var(--_accent);
  }
  .axis,
  .grid {
    stroke: var(--_muted);
    stroke-width: 1;
  }
  .grid {
    stroke-dasharray: 3 3;
  }
  .ticks {
    grid-column: 2;
    display: grid;
    grid-template-columns: repeat(30, minmax(0, 1fr));
    white-space: nowrap;
    padding-top: 0.2rem;
  }
  .ticks > span {
    grid-column: span 7;
    border-inline-start: 1px solid var(--_muted);
    padding-inline-start: 0.2rem;
  }
  /* Labels every 7 days from today; the last one has the 9 days left. */
  .ticks > span:last-child {
    grid-column: span 9;
  }
  /* Review calendar: weeks across, weekdays down. */
  .heatmap {
    display: block;
    width: min(100%, 26rem);
    height: auto;
  }
  .heatmap text {
    fill: var(--_muted);
    font-size: 11px;
  }
  .cell {
    fill: var(--_accent);
    stroke: var(--_accent);
  }
  /* Days without reviews: an outline of 3:1 against the background, as every other mark (WCAG 1.4.11). */
  .l0 {
    fill: var(--_surface);
    stroke: var(--_control-border);
  }
  .l1 {
    fill-opacity: 0.25;
  }
  .l2 {
    fill-opacity: 0.5;
  }
  .l3 {
    fill-opacity: 0.75;
  }
  .today {
    stroke: var(--_fg);
    stroke-width: 2;
  }
  .legend {
    display: flex;
    align-items: center;
    gap: 0.3rem;
    font-size: 0.75em;
    color: var(--_muted);
  }
  ${loadStateStyles}
  .skeleton,
  .error,
  .actions {
    grid-column: 1 / -1;
  }
  @media (forced-colors: active) {
    /* The theme maps the colours to system ones (accent: Highlight; fg, muted, borders: CanvasText; surface: Canvas): keep them in the charts. */
    svg {
      forced-color-adjust: none;
    }
    .meter rect {
      fill: Highlight;
    }
  }
`;
