import { css } from 'lit';
import { loadStateStyles } from '../../styles/notice.styles.js';

export const quizCardStyles = css`
  :host {
    max-width: var(--quiz-max-width, 48rem);
  }
  .card {
    position: relative;
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: var(--_space);
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.75);
    min-width: 0;
    overflow-wrap: anywhere;
  }
  .header {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .badges {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25rem 0.5rem;
  }
  .badge {
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.6em;
  }
  .status[data-status='due'] {
    border-color: var(--_wrong);
  }
  .status[data-status='mastered'] {
    border-color: var(--_correct);
  }
  .status[data-status='learning'] {
    border-color: var(--_accent);
  }
  .progress {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  progress {
    width: 6rem;
    height: 0.5rem;
    accent-color: var(--_accent);
  }
  .title {
    margin: 0;
    font-size: 1.2em;
    line-height: 1.4;
    font-weight: 700;
  }
  .section-label {
    margin: 0 0 0.25rem;
    font-size: 0.8em;
    font-weight: 700;
    letter-spacing: 0.02em;
    color: var(--_muted);
    text-transform: uppercase;
  }
  .block {
    border-inline-start: 3px solid var(--_border);
    padding-inline-start: 0.75rem;
  }
  .answer {
    border-inline-start-color: var(--_accent);
  }
  .attempt-echo {
    white-space: pre-wrap;
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem 0.75rem;
    margin: 0;
  }
  .card > *,
  .reveal-columns > * {
    /* Long code lines scroll inside their block instead of widening the card. */
    min-width: 0;
  }
  .reveal-columns {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
  }
  @container quiz-card (min-width: 40rem) {
    .reveal-columns.with-attempt {
      grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
    }
  }
  .card {
    container: quiz-card / inline-size;
  }
  textarea {
    width: 100%;
    min-height: 5rem;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem;
    resize: vertical;
  }
  label.field-label {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25rem;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
    align-items: center;
  }
  /* Four in a row, or two by two on a narrow card (never three and one). */
  .grades {
    display: grid;
    grid-template-columns: repeat(2, minmax(0, 1fr));
    gap: 0.5rem;
  }
  @container quiz-card (min-width: 26rem) {
    .grades {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  .grades button {
    display: flex;
    flex-direction: column;
    align-items: center;
    line-height: 1.3;
  }
  .grades .interval {
    font-size: 0.8em;
    font-variant-numeric: tabular-nums;
  }
  /* A key hint beside a button's label, drawn as a key. */
  .actions kbd {
    margin-inline-start: 0.4em;
    padding: 0 0.35em;
    border: 1px solid currentColor;
    border-radius: 0.25em;
    font-family: inherit;
    font-size: 0.75em;
  }
  .grades kbd,
  .key {
    font-size: 0.75em;
    color: var(--_muted);
  }
  .primary .key {
    color: inherit;
  }
  button[data-grade='again'] {
    border-color: var(--_wrong);
  }
  button[data-grade='easy'] {
    border-color: var(--_correct);
  }
  button[aria-pressed='true'] {
    outline: 2px solid var(--_accent);
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5rem;
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) * 0.75);
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5rem;
    min-width: 0;
  }
  legend {
    font-weight: 600;
    margin-bottom: 0.5rem;
    padding: 0;
  }
  .choice {
    display: grid;
    grid-template-columns: auto 1fr;
    gap: 0.25rem 0.75rem;
    align-items: start;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.5rem 0.75rem;
    cursor: pointer;
  }
  .choice input {
    margin-top: 0.35em;
    width: 1.1rem;
    height: 1.1rem;
    accent-color: var(--_accent);
  }
  .choice.selected {
    border-color: var(--_accent);
  }
  .choice.right {
    border: 2px solid var(--_correct);
  }
  .choice.wrong {
    border: 2px dashed var(--_wrong);
  }
  .choice-feedback {
    grid-column: 2;
    font-size: 0.9em;
  }
  .choice-mark {
    grid-column: 2;
    font-size: 0.85em;
    font-weight: 700;
  }
  .choice.right .choice-mark {
    color: var(--_correct);
  }
  .choice.wrong .choice-mark {
    color: var(--_wrong);
  }
  .result {
    font-weight: 700;
    margin: 0;
  }
  .result.right {
    color: var(--_correct);
  }
  .result.wrong {
    color: var(--_wrong);
  }
  .variants {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    align-items: center;
  }
  .variants button {
    min-width: 2.5rem;
  }
  ${loadStateStyles}
  /* Widths by position, not inline styles: a strict CSP (style-src without 'unsafe-inline') blocks style attributes. */
  .skeleton-line:nth-of-type(1) {
    width: 40%;
  }
  .skeleton-line:nth-of-type(2) {
    width: 90%;
  }
  .skeleton-line:nth-of-type(3) {
    width: 75%;
  }
  .skeleton-line:nth-of-type(4) {
    width: 60%;
  }
  .skeleton-line {
    height: 0.9rem;
  }
  .notice .message {
    flex-basis: 16rem;
  }
  /* A server-rendered card shows its key list only once the keys work; its place stays kept. */
  :host(:not(:defined)) .help,
  :host(:not(:defined)) kbd {
    visibility: hidden;
  }
  /* The key list and key hints are for keyboards, not touch screens. */
  @media (pointer: coarse) {
    .help,
    button kbd {
      display: none;
    }
  }
  .help {
    color: var(--_muted);
    font-size: 0.8em;
    margin: 0;
  }
  :focus {
    scroll-margin: 2rem;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  [tabindex='-1']:focus-visible {
    outline: 3px solid var(--_focus);
  }
  @media (forced-colors: active) {
    .choice.right,
    .choice.wrong,
    button[aria-pressed='true'] {
      outline: 2px solid Highlight;
    }
  }
`;
