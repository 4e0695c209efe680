import { css } from 'lit';

export const questionBrowserStyles = css`
  :host {
    --_highlight: var(--quiz-highlight, #fff0a8);
    /* The element's own width decides the layout: 40rem and 64rem (keep in step with panels-controller.ts). */
    container: question-browser / inline-size;
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
    grid-template-rows: auto minmax(0, 1fr);
    column-gap: var(--_space);
    height: var(--quiz-browser-height, 36rem);
    background: var(--_bg);
    color: var(--_fg);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5rem;
    overflow: hidden;
  }
  /* Notes and failed banks: above everything, across the columns. */
  .banners {
    grid-column: 1 / -1;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
    margin-block-end: 0.5rem;
  }
  .banners:empty {
    display: none;
  }
  .browse,
  .detail {
    grid-row: 2;
    min-height: 0;
    min-width: 0;
  }
  /* The results column: only the search and one status line above the results, at every width. */
  .browse {
    position: relative;
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    grid-template-rows: auto auto minmax(0, 1fr);
    grid-template-areas: 'toolbar' 'status' 'results';
    gap: 0.4rem;
  }
  /* The buttons go to a line of their own rather than leave the field under 8rem (an element just
     over 40rem with progress: the list column is 17rem); a phone keeps one line. */
  .toolbar {
    grid-area: toolbar;
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
    min-width: 0;
  }
  .toolbar .search {
    flex: 1 1 8rem;
    min-width: 8rem;
  }
  .toolbar > button {
    flex: none;
    white-space: nowrap;
    padding-inline: 0.7em;
  }
  .toggle-badge {
    display: inline-block;
    margin-inline-start: 0.35em;
    min-width: 1.4em;
    border-radius: 999px;
    background: var(--_accent);
    color: var(--_accent-fg);
    font-size: 0.8em;
    font-weight: 600;
    text-align: center;
  }
  .status-line {
    grid-area: status;
    min-block-size: 2rem;
  }
  .results,
  .empty,
  .panel {
    grid-area: results;
    min-height: 0;
  }
  /* Filters and topics: in place of the results while open (under 64rem). */
  .panel {
    display: none;
    flex-direction: column;
    gap: 0.5rem;
    overflow: auto;
    overscroll-behavior: contain;
  }
  @container question-browser (width < 64rem) {
    .browse.filters-open .panel {
      display: flex;
    }
    /* !important: the windowed list sets its own display. */
    .browse.filters-open :is(.results, .empty) {
      display: none !important;
    }
  }
  .panel-label {
    font-weight: 600;
  }
  .panel-footer {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    flex-wrap: wrap;
    margin-block-start: auto;
  }
  /* The Progress panel covers the results: its messages and alerts move nothing. */
  .progress-panel {
    position: absolute;
    z-index: 2;
    inset-block-start: 3rem;
    inset-inline-end: 0;
    inline-size: min(26rem, 100%);
    max-block-size: calc(100% - 3rem);
    overflow: auto;
    overscroll-behavior: contain;
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: 0.75rem;
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    box-shadow: 0 6px 24px rgb(0 0 0 / 0.18);
  }
  .progress-panel[hidden] {
    display: none;
  }
  .progress-none {
    margin: 0;
    color: var(--_muted);
  }
  .stats {
    --quiz-max-width: none;
  }
  /* One column: the open question replaces the list, and Back returns. */
  @container question-browser (width < 40rem) {
    .base.open .browse,
    .base:not(.open) .detail {
      display: none;
    }
    quiz-card::part(grades) {
      grid-template-columns: repeat(4, minmax(0, 1fr));
    }
  }
  @container question-browser (width >= 40rem) {
    .base {
      grid-template-columns: var(--quiz-browser-list-width, minmax(17rem, 2fr)) minmax(0, 3fr);
    }
    .back {
      display: none;
    }
  }
  /* Sidebar (filters and topics) | results | the open question. */
  @container question-browser (width >= 64rem) {
    .base {
      grid-template-columns: var(--quiz-browser-sidebar-width, 15rem) var(--quiz-browser-list-width, minmax(20rem, 1fr)) minmax(0, 1.4fr);
    }
    .browse {
      grid-column: 1 / 3;
      grid-template-columns: subgrid;
      grid-template-areas: 'panel toolbar' 'panel status' 'panel results';
    }
    .panel {
      grid-area: panel;
      display: flex;
      overflow: hidden;
    }
    .panel .topics {
      flex: 1 1 auto;
      min-height: 0;
      overflow: auto;
    }
    .filters-toggle,
    .panel-footer,
    .panel-label {
      display: none;
    }
    .filters {
      flex-direction: column;
    }
    .detail {
      grid-column: 3;
    }
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
    flex: none;
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
    flex: none;
  }
  .count-row {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  /* One line, never pushing the results down: where the titles do not fit beside the questions,
     they wrap to a second line, which is clipped (count-view.ts). */
  .count-row .count {
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-wrap: wrap;
    max-block-size: 1lh;
    overflow: hidden;
    white-space: pre;
  }
  .clear-filters {
    flex: none;
    min-height: 2rem;
    min-width: 2rem;
    padding: 0;
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
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    contain: strict;
  }
  /* A search still being answered (50,000 questions): the rows are the previous search's. Dimmed
     only when that lasts, so quick searches do not flicker. */
  .results[aria-busy='true'] {
    opacity: 0.6;
    transition: opacity 0s 150ms;
  }
  .row {
    display: flex;
    flex-direction: column;
    gap: 0.1rem;
    width: 100%;
    padding: 0.4rem 0.75rem;
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
  .row-head {
    display: flex;
    align-items: start;
    gap: 0.5rem;
  }
  .row-head .badge {
    margin-block-start: 0.1em;
  }
  .row-title {
    flex: 1 1 auto;
    min-width: 0;
    line-height: 1.35;
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
    white-space: nowrap;
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
  /* The open question: a header that stays, and a body that scrolls with the grades sticky at its bottom. */
  .detail {
    display: grid;
    grid-template-rows: auto minmax(0, 1fr);
    gap: 0.5rem;
    overflow: hidden;
  }
  .detail-header {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5rem;
    min-width: 0;
  }
  .back {
    flex: none;
  }
  .detail-body {
    min-height: 0;
    overflow: auto;
    overscroll-behavior: contain;
    /* Focus is never hidden under the sticky grades. */
    scroll-padding-block-end: 5rem;
  }
  quiz-card::part(grades),
  quiz-card::part(actions) {
    position: sticky;
    inset-block-end: 0;
    z-index: 1;
    background: var(--_bg);
    padding-block: 0.5rem;
    box-shadow: 0 -1px 0 var(--_border);
  }
  /* Variant tabs: one line that scrolls sideways. */
  .tabs {
    position: relative;
    flex: 1 1 0;
    min-width: 0;
    display: flex;
    flex-wrap: nowrap;
    gap: 0.25rem;
    overflow-x: auto;
    overscroll-behavior-x: contain;
    scrollbar-width: thin;
    border-bottom: 1px solid var(--_border);
  }
  .tab {
    flex: none;
    white-space: nowrap;
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
    flex-basis: 100%;
    margin: 0;
    font-size: 0.85em;
    color: var(--_muted);
  }
  quiz-card {
    --quiz-max-width: none;
  }
  /* Nothing open: the collection at a glance. */
  .overview {
    align-content: start;
    grid-template-rows: none;
    overflow: auto;
    gap: 1rem;
    padding: 0.25rem;
  }
  .overview-head p {
    margin: 0 0 0.35rem;
  }
  .overview-title {
    font-weight: 600;
    font-size: 1.1em;
  }
  .overview-count,
  .overview-hint {
    color: var(--_muted);
  }
  .keys {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem 1rem;
    margin: 0.5rem 0 0;
    font-size: 0.9em;
    color: var(--_muted);
  }
  .keys div {
    display: flex;
    gap: 0.35rem;
  }
  .keys dd {
    margin: 0;
  }
  kbd {
    font: inherit;
    font-size: 0.85em;
    border: 1px solid var(--_border);
    border-radius: 4px;
    padding: 0 0.35em;
    color: var(--_fg);
  }
  .skeleton {
    display: flex;
    flex-direction: column;
    gap: 0.75rem;
    padding: var(--_space);
    grid-column: 1 / -1;
    grid-row: 1 / -1;
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
    grid-row: 1 / -1;
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
    .toggle-badge {
      border: 1px solid CanvasText;
    }
    .progress-panel {
      border-color: CanvasText;
    }
  }
`;
