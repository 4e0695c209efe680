// Styles for rendered markdown inside an element's shadow root. Import this module statically
// (it is only `css`); the renderer itself (./markdown.ts) is loaded lazily.
// Public: the --quiz-* properties below. Private defaults: --_md-*, switched for dark themes.
// Default colours meet WCAG AA (4.5:1) on their code background in both themes (GitHub Primer hues).
import { css } from 'lit';

const darkDefaults = css`
  --_md-code-bg: #161b22;
  --_md-code-fg: #e6edf3;
  --_md-inline-code-bg: rgb(101 108 118 / 0.2);
  --_md-border: #3d444d;
  --_md-table-head-bg: rgb(101 108 118 / 0.15);
  --_md-link: #4493f8;
`;

export const markdownStyles = css`
  :host {
    --_md-code-bg: #f6f8fa;
    --_md-code-fg: #1f2328;
    --_md-inline-code-bg: rgb(129 139 152 / 0.15);
    --_md-border: #d1d9e0;
    --_md-table-head-bg: rgb(129 139 152 / 0.1);
    --_md-link: #0969da;
    --_md-mono: var(
      --quiz-font-mono,
      ui-monospace,
      'SFMono-Regular',
      'Cascadia Mono',
      Menlo,
      Consolas,
      'Liberation Mono',
      'Noto Sans Mono CJK SC',
      monospace
    );
  }

  :host([theme='dark']) {
    ${darkDefaults}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkDefaults}
    }
  }

  .markdown {
    line-height: var(--quiz-line-height, 1.7);
    /* Long URLs and identifiers wrap instead of widening the page; CJK wraps anywhere anyway. */
    overflow-wrap: anywhere;
    min-width: 0;
  }

  .markdown > :first-child {
    margin-block-start: 0;
  }

  .markdown > :last-child {
    margin-block-end: 0;
  }

  .markdown :is(p, ul, ol, blockquote, hr, h1, h2, h3, h4, h5, h6, .code-block, .table-scroll) {
    margin-block: 0 0.75em;
  }

  /* Headings are demoted in level (see RenderOptions.headingLevel) and sized as emphasised text. */
  .markdown :is(h1, h2, h3, h4, h5, h6) {
    font-size: 1.05em;
    font-weight: 600;
    line-height: 1.4;
  }

  .markdown :is(ul, ol) {
    padding-inline-start: 1.75em;
  }

  .markdown li + li,
  .markdown li > :is(ul, ol) {
    margin-block-start: 0.25em;
  }

  .markdown li > :is(ul, ol) {
    margin-block-end: 0;
  }

  .markdown li.task {
    list-style: none;
  }

  .markdown .task-marker {
    margin-inline-start: -1.25em;
    display: inline-block;
    width: 1.25em;
  }

  .markdown blockquote {
    margin-inline: 0;
    padding-inline-start: 1em;
    border-inline-start: 0.25em solid var(--quiz-border, var(--_md-border));
  }

  .markdown hr {
    border: 0;
    border-block-start: 1px solid var(--quiz-border, var(--_md-border));
  }

  .markdown a {
    color: var(--quiz-link, var(--quiz-accent, var(--_md-link)));
    text-decoration: underline;
    text-underline-offset: 0.15em;
  }

  .markdown .external-mark {
    display: inline-block;
    margin-inline-start: 0.15em;
    font-size: 0.85em;
    text-decoration: none;
  }

  .markdown img {
    max-width: 100%;
    height: auto;
  }

  .markdown code {
    font-family: var(--_md-mono);
    font-size: 0.9em;
  }

  .markdown :not(pre) > code {
    padding: 0.1em 0.35em;
    border-radius: 4px;
    background: var(--quiz-inline-code-bg, var(--_md-inline-code-bg));
  }

  /* Raw HTML and over-deep markdown shown as its source text, line breaks kept. */
  .markdown .source {
    white-space: pre-wrap;
  }

  .markdown :is(a, .copy, pre, .table-scroll):focus-visible {
    outline: 2px solid var(--quiz-focus-ring, var(--_md-link));
    outline-offset: 2px;
  }

  .markdown pre:focus-visible {
    outline-offset: -2px;
  }

  /* Code blocks */
  .code-block {
    border: 1px solid var(--quiz-border, var(--_md-border));
    border-radius: 6px;
    background: var(--quiz-code-bg, var(--_md-code-bg));
    color: var(--quiz-code-fg, var(--_md-code-fg));
    overflow-wrap: normal;
  }

  .code-block pre {
    margin: 0;
    padding: 0.75em 1em;
    /* Long lines scroll inside the block (keyboard: it is focusable), never widen the page. */
    overflow-x: auto;
    white-space: pre;
    tab-size: 4;
    font-size: 0.875em;
    line-height: 1.5;
  }

  .code-block pre code {
    font-size: inherit;
  }

  /* Tables */
  .table-scroll {
    overflow-x: auto;
    max-width: 100%;
  }

  .markdown table {
    border-collapse: collapse;
    overflow-wrap: normal;
  }

  .markdown :is(th, td) {
    padding: 0.35em 0.75em;
    border: 1px solid var(--quiz-border, var(--_md-border));
    text-align: start;
    vertical-align: top;
  }

  .markdown th {
    font-weight: 600;
    background: var(--_md-table-head-bg);
  }

  .markdown .align-center {
    text-align: center;
  }

  .markdown .align-left {
    text-align: left;
  }

  .markdown .align-right {
    text-align: right;
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    .markdown a {
      color: LinkText;
    }

    .markdown :is(a, .copy, pre, .table-scroll):focus-visible {
      outline-color: Highlight;
    }

  }
`;
