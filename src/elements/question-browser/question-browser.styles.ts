import { css } from 'lit';

export const questionBrowserStyles = css`
  :host {
    --_highlight: var(--quiz-highlight, #fff0a8);
    container-type: inline-size;
  }
  :host([theme='dark']) {
    --_highlight: var(--quiz-highlight, #5c4d00);
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      --_highlight: var(--quiz-highlight, #5c4d00);
    }
  }
  .base {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: var(--_space);
    height: var(--quiz-browser-height, 36rem);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    overflow: hidden;
  }
  @container (min-width: 640px) {
    .base {
      grid-template-columns: minmax(17rem, 2fr) minmax(0, 3fr);
    }
    .back {
      display: none;
    }
  }
  /* One column: the open question replaces the list, and Back returns to it. */
  @container (max-width: 639.98px) {
    .base.open .browse,
    .base:not(.open) .detail {
      display: none;
    }
    /* One column shares the height among filters, topics and results: topics scroll sooner, so more results show. */
    .base .topics {
      max-height: 7.5rem;
    }
  }
  .browse {
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
    min-height: 0;
    min-width: 0;
  }
  input[type='search'],
  select {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_control-border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.45rem 0.6rem;
    min-height: 2.5rem;
    min-width: 0;
  }
  input[type='search'] {
    width: 100%;
  }
  input:focus-visible,
  select:focus-visible,
  .results:focus-visible,
  .detail:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }
  .filters label {
    display: flex;
    align-items: center;
    gap: 0.4rem;
    /* Never narrower than its words and a readable choice: a filter goes to the next line rather than clip ("Any statu"). */
    flex: 1 1 0;
    min-width: min-content;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .filters label > span {
    white-space: nowrap;
  }
  .filters select {
    flex: 1 1 0;
    /* A set width, so long bank titles do not widen the filter; it still grows to fill its line. */
    width: 7.5rem;
    min-width: 7.5rem;
  }
  .topics {
    max-width: none;
    max-height: 11rem;
    /* Gives way (it scrolls) when notes or progress messages need the room, before the results do. */
    min-height: 4.5rem;
    overflow: auto;
    flex-shrink: 1;
  }
  .count-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .count-row .count {
    flex: 1 1 0;
    min-width: 0;
  }
  .review {
    flex-shrink: 0;
  }
  .count {
    margin: 0;
    /* Holds its line while a large collection is still being counted, so the rows do not move. */
    min-block-size: 1lh;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .results {
    flex: 1 1 auto;
    min-height: 8rem;
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    contain: strict;
  }
  .row {
    display: flex;
    flex-direction: column;
    gap: 0.15rem;
    width: 100%;
    padding: 0.5rem 0.75rem;
    border-bottom: 1px solid var(--_border);
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  .row:hover {
    background: var(--_surface);
  }
  .row.open {
    box-shadow: inset 4px 0 0 var(--_accent);
    background: var(--_surface);
  }
  .results:focus-visible .row.active {
    outline: 3px solid var(--_focus);
    outline-offset: -3px;
  }
  .row-title {
    font-weight: 600;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
  }
  .row-meta {
    display: flex;
    min-width: 0;
    white-space: nowrap;
    align-items: center;
    gap: 0.4rem;
    font-size: 0.8em;
    color: var(--_muted);
  }
  .row-bank {
    min-width: 0;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .badge {
    flex-shrink: 0;
    border: 1px solid var(--_border);
    border-radius: 999px;
    padding: 0 0.5rem;
  }
  .badge.variants {
    border-color: var(--_accent);
    color: var(--_fg);
  }
  .badge.status {
    color: var(--_fg);
    font-weight: 600;
  }
  .badge.status[data-status='due'] {
    border-color: var(--_wrong);
  }
  .badge.status[data-status='learning'] {
    border-color: var(--_accent);
  }
  .badge.status[data-status='mastered'] {
    border-color: var(--_correct);
  }
  .excerpt {
    font-size: 0.85em;
    color: var(--_muted);
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  mark {
    background: var(--_highlight);
    /* Full text colour: muted text on the dark highlight would fall below 4.5:1. */
    color: var(--_fg);
    border-radius: 2px;
  }
  .empty {
    padding: var(--_space);
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
  }
  .empty p {
    margin: 0 0 0.75rem;
  }
  /* <quiz-progress-transfer>: Export and Import progress, under the results. */
  .progress-footer {
    flex-shrink: 0;
  }
  .review {
    font-size: 0.85em;
    min-height: 2rem;
    padding-block: 0.2rem;
  }
  .notice {
    flex-shrink: 0;
  }
  .notice .message {
    margin: 0;
  }
  .detail {
    min-height: 0;
    min-width: 0;
    overflow: auto;
    display: flex;
    flex-direction: column;
    gap: calc(var(--_space) * 0.5);
  }
  .empty-detail {
    align-items: center;
    justify-content: center;
    color: var(--_muted);
    text-align: center;
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: var(--_space);
  }
  .back {
    align-self: flex-start;
  }
  .tabs {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    border: 1px solid transparent;
    border-bottom: none;
    border-radius: calc(var(--_radius) / 1.5) calc(var(--_radius) / 1.5) 0 0;
    background: transparent;
    min-height: 2.5rem;
  }
  .tab[aria-selected='true'] {
    border-color: var(--_border);
    box-shadow: inset 0 3px 0 var(--_accent);
    font-weight: 600;
  }
  .variant-source {
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  quiz-card {
    --quiz-max-width: none;
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: var(--_space);
    grid-column: 1 / -1;
  }
  .skeleton-line {
    height: 1rem;
    border-radius: 4px;
    background: var(--_surface);
  }
  .error {
    grid-column: 1 / -1;
    border: 1px solid var(--_wrong);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.75rem;
  }
  .browse .error {
    grid-column: auto;
  }
  .load-failed {
    grid-column: 1 / -1;
    align-self: start;
    display: grid;
    gap: 0.5rem;
    justify-items: start;
    overflow-wrap: anywhere;
  }
  .load-failed .error {
    justify-self: stretch;
  }
  .error .message {
    margin: 0 0 0.5rem;
  }
  .error pre {
    white-space: pre-wrap;
    font-size: 0.85em;
  }
  @media (forced-colors: active) {
    mark {
      background: Mark;
      color: MarkText;
    }
    .row.open {
      outline: 2px solid Highlight;
    }
  }
`;
