// Styles for rendered markdown inside an element's shadow root. Import this module statically
// (it is only `css`); the renderer itself (./markdown.ts) is loaded lazily.
// Public: the --quiz-* properties below. Private defaults: --_md-*, switched for dark themes.
// Default colours meet WCAG AA (4.5:1) on their code background in both themes (GitHub Primer hues).
import { css } from 'lit';

const darkDefaults = css`
  --_md-code-bg: #161b22;
  --_md-code-fg: #e6edf3;
  --_md-code-keyword: #ff7b72;
  --_md-code-string: #a5d6ff;
  --_md-code-comment: #9198a1;
  --_md-code-number: #79c0ff;
  --_md-code-function: #d2a8ff;
  --_md-code-type: #ffa657;
  --_md-code-variable: #ffa657;
  --_md-code-meta: #79c0ff;
  --_md-inline-code-bg: rgb(101 108 118 / 0.2);
  --_md-border: #3d444d;
  --_md-control-border: #656c76;
  --_md-control-hover: rgb(101 108 118 / 0.3);
  --_md-table-head-bg: rgb(101 108 118 / 0.15);
  --_md-link: #4493f8;
`;

export const markdownStyles = css`
  :host {
    --_md-code-bg: #f6f8fa;
    --_md-code-fg: #1f2328;
    --_md-code-keyword: #cf222e;
    --_md-code-string: #0a3069;
    --_md-code-comment: #59636e;
    --_md-code-number: #0550ae;
    --_md-code-function: #6639ba;
    --_md-code-type: #953800;
    --_md-code-variable: #953800;
    --_md-code-meta: #0550ae;
    --_md-inline-code-bg: rgb(129 139 152 / 0.15);
    --_md-border: #d1d9e0;
    --_md-control-border: #818b98;
    --_md-control-hover: rgb(129 139 152 / 0.2);
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

  .code-toolbar {
    display: flex;
    align-items: center;
    justify-content: flex-end;
    gap: 0.5em;
    padding: 0.25em 0.5em;
    border-block-end: 1px solid var(--quiz-border, var(--_md-border));
    font-size: 0.85em;
  }

  .code-language {
    margin-inline-end: auto;
    font-family: var(--_md-mono);
    color: var(--quiz-code-comment, var(--_md-code-comment));
  }

  .copy {
    min-width: 24px;
    min-height: 24px;
    padding: 0.1em 0.7em;
    border: 1px solid var(--_md-control-border);
    border-radius: 4px;
    background: transparent;
    color: inherit;
    font: inherit;
    cursor: pointer;
  }

  .copy:hover {
    background: var(--_md-control-hover);
  }

  .copy:not([data-state='copied']) .copy-done,
  .copy:not([data-state='failed']) .copy-failed,
  .copy:is([data-state='copied'], [data-state='failed']) .copy-idle {
    display: none;
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

  .hljs-keyword,
  .hljs-selector-tag {
    color: var(--quiz-code-keyword, var(--_md-code-keyword));
  }

  .hljs-string,
  .hljs-regexp,
  .hljs-char {
    color: var(--quiz-code-string, var(--_md-code-string));
  }

  .hljs-comment,
  .hljs-quote {
    color: var(--quiz-code-comment, var(--_md-code-comment));
    font-style: italic;
  }

  .hljs-number,
  .hljs-literal,
  .hljs-symbol {
    color: var(--quiz-code-number, var(--_md-code-number));
  }

  .hljs-title,
  .hljs-section {
    color: var(--quiz-code-function, var(--_md-code-function));
  }

  .hljs-type,
  .hljs-built_in,
  .hljs-title.class_ {
    color: var(--quiz-code-type, var(--_md-code-type));
  }

  .hljs-variable,
  .hljs-template-variable,
  .hljs-attr,
  .hljs-attribute,
  .hljs-property {
    color: var(--quiz-code-variable, var(--_md-code-variable));
  }

  .hljs-meta,
  .hljs-doctag {
    color: var(--quiz-code-meta, var(--_md-code-meta));
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

    .copy {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }

    .markdown :is(a, .copy, pre, .table-scroll):focus-visible {
      outline-color: Highlight;
    }

    /* Token colours are replaced by the system's: keep a non-colour cue for keywords. */
    .hljs-keyword {
      font-weight: 700;
    }
  }
`;
