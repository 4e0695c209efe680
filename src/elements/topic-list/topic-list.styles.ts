import { css } from 'lit';
import { loadStateStyles } from '../../styles/notice.styles.js';

export const topicListStyles = css`
  :host {
    max-width: var(--quiz-max-width, 24rem);
  }
  .base {
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .label {
    font-weight: 700;
    padding-inline: 0.25rem;
  }
  .listbox {
    display: flex;
    flex-direction: column;
    gap: 2px;
    min-width: 0;
  }
  .group {
    display: flex;
    flex-direction: column;
    gap: 2px;
    margin-top: calc(var(--_space) * 0.5);
  }
  .group-label {
    display: flex;
    align-items: baseline;
    gap: 0.5rem;
    padding: 0.25rem 0.5rem;
    color: var(--_muted);
    font-size: 0.85em;
    font-weight: 700;
  }
  .group-label {
    flex-wrap: wrap;
  }
  .group-label > span:first-child {
    flex: 1;
    min-width: 0;
  }
  .group-label .progress {
    flex-basis: 100%;
    font-weight: 400;
  }
  .option {
    display: grid;
    grid-template-columns: 1.1rem minmax(0, 1fr) auto;
    align-items: center;
    column-gap: 0.5rem;
    min-height: 2.5rem;
    padding: 0.35rem 0.5rem;
    border: 1px solid transparent;
    border-radius: calc(var(--_radius) / 1.5);
    cursor: pointer;
    user-select: none;
  }
  .option:hover {
    background: var(--_surface);
  }
  .option[aria-selected='true'] {
    background: color-mix(in srgb, var(--_accent) 14%, var(--_bg));
    border-color: var(--_accent);
  }
  .option:focus {
    outline: none;
  }
  .option:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .check {
    width: 0.75rem;
    height: 0.75rem;
    border-radius: 50%;
    justify-self: center;
  }
  .option[aria-selected='true'] .check {
    background: var(--_accent);
  }
  /* Several can be chosen: a box that gets a tick, as checkboxes look. */
  .multiple .check {
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--_muted);
    border-radius: 0.2rem;
    display: grid;
    place-items: center;
    font-size: 0.75rem;
    line-height: 1;
  }
  .multiple .option[aria-selected='true'] .check {
    border-color: var(--_accent);
    color: var(--_accent-fg);
  }
  .multiple .option[aria-selected='true'] .check::before {
    content: '✓';
  }
  .title {
    min-width: 0;
  }
  .count {
    color: var(--_muted);
    font-size: 0.85em;
    font-variant-numeric: tabular-nums;
  }
  .progress {
    grid-column: 2 / -1;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .bar {
    display: flex;
    flex: 1 1 4rem;
    max-width: 10rem;
    height: 0.4rem;
    border-radius: 0.2rem;
    overflow: hidden;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
  .segment.mastered {
    background: var(--_correct);
  }
  /* Only mastered questions fill the bar: learning and due ones are a faint tint, so a topic
     with nothing mastered never looks complete ("0 of 4 mastered" beside a full bar). */
  .segment.learning {
    background: color-mix(in srgb, var(--_accent) 30%, transparent);
  }
  .segment.due {
    background: color-mix(in srgb, var(--_wrong) 30%, transparent);
  }
  ${loadStateStyles}
  .empty {
    margin: 0;
    color: var(--_muted);
  }
  .error ul {
    margin: 0.25rem 0 0;
    padding-inline-start: 1.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .skeleton {
    padding: 0.25rem 0.5rem;
  }
  @media (forced-colors: active) {
    .option[aria-selected='true'] {
      background: Highlight;
      color: HighlightText;
      border-color: Highlight;
      forced-color-adjust: none;
    }
    .option[aria-selected='true'] .count,
    .option[aria-selected='true'] .progress {
      color: HighlightText;
    }
    .option[aria-selected='true'] .check {
      background: HighlightText;
      border-color: HighlightText;
      color: Highlight;
    }
    .option:focus-visible {
      outline-color: CanvasText;
    }
    .bar {
      forced-color-adjust: none;
      background: Canvas;
      border-color: CanvasText;
    }
    .segment.mastered {
      background: CanvasText;
    }
    .segment.learning,
    .segment.due {
      background: GrayText;
    }
  }
`;
