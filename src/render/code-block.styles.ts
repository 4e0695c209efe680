// Styles of code blocks' toolbar (language, Copy) and highlighted tokens: they arrive with the
// code-block chunk (./code-block.ts adopts them into the shadow root of the first block), so a
// card without code never downloads them. The block itself (background, <pre>) is in
// markdown.styles.ts, so plain code looks right before this arrives.
import { css } from 'lit';

const darkDefaults = css`
  --_md-code-keyword: #ff7b72;
  --_md-code-string: #a5d6ff;
  --_md-code-comment: #9198a1;
  --_md-code-number: #79c0ff;
  --_md-code-function: #d2a8ff;
  --_md-code-type: #ffa657;
  --_md-code-variable: #ffa657;
  --_md-code-meta: #79c0ff;
  --_md-control-border: #656c76;
  --_md-control-hover: rgb(101 108 118 / 0.3);
`;

export const codeBlockStyles = css`
  :host {
    --_md-code-keyword: #cf222e;
    --_md-code-string: #0a3069;
    --_md-code-comment: #59636e;
    --_md-code-number: #0550ae;
    --_md-code-function: #6639ba;
    --_md-code-type: #953800;
    --_md-code-variable: #953800;
    --_md-code-meta: #0550ae;
    --_md-control-border: #818b98;
    --_md-control-hover: rgb(129 139 152 / 0.2);
  }

  :host([theme='dark']) {
    ${darkDefaults}
  }

  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkDefaults}
    }
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

  @media (forced-colors: active) {
    .copy {
      border-color: ButtonText;
      color: ButtonText;
      background: ButtonFace;
    }

    /* Token colours are replaced by the system's: keep a non-colour cue for keywords. */
    .hljs-keyword {
      font-weight: 700;
    }
  }
`;
