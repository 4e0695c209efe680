import { css } from 'lit';

/** The dark palette, used for theme="dark" and for a dark system preference. */
const darkTokens = css`
  --_bg: var(--quiz-bg, #1e1f22);
  --_fg: var(--quiz-fg, #e8eaed);
  --_muted: var(--quiz-muted, #a8adb3);
  --_border: var(--quiz-border, #4a4d52);
  --_control-border: var(--quiz-control-border, #8b949e);
  --_surface: var(--quiz-surface, #2a2c30);
  --_accent: var(--quiz-accent, #8ab4f8);
  --_accent-fg: var(--quiz-accent-fg, #0b1f3a);
  --_correct: var(--quiz-correct, #7dd89a);
  --_wrong: var(--quiz-wrong, #f5a9a3);
  --_focus: var(--quiz-focus-ring, #8ab4f8);
  color-scheme: dark;
`;

/**
 * The public theme of every element: `--quiz-*` custom properties with light defaults, a dark
 * set for `theme="dark"` and for `prefers-color-scheme: dark` (unless `theme="light"`), and a
 * forced-colors mapping. Elements read the private `--_*` copies so one place picks the value.
 */
export const themeStyles = css`
  :host {
    --_bg: var(--quiz-bg, #ffffff);
    --_fg: var(--quiz-fg, #1f2328);
    --_muted: var(--quiz-muted, #57606a);
    --_border: var(--quiz-border, #d0d7de);
    /* Text fields and selects: their outline is their only edge, so 3:1 against the background (WCAG 1.4.11). */
    --_control-border: var(--quiz-control-border, #6e7781);
    --_surface: var(--quiz-surface, #f6f8fa);
    --_accent: var(--quiz-accent, #0b57d0);
    --_accent-fg: var(--quiz-accent-fg, #ffffff);
    --_correct: var(--quiz-correct, #116329);
    --_wrong: var(--quiz-wrong, #b3261e);
    --_focus: var(--quiz-focus-ring, #0b57d0);
    --_radius: var(--quiz-radius, 0.75rem);
    --_space: var(--quiz-space, 1rem);
    --_font-size: var(--quiz-font-size, 1rem);
    color-scheme: light;
    display: block;
    font-size: var(--_font-size);
    line-height: 1.6;
    color: var(--_fg);
  }
  :host([hidden]) {
    display: none;
  }
  /*
   * Fonts: --quiz-font-family when set; else the page's font, with the platforms' usual Chinese
   * fonts after it for Chinese text (ChineseFontsController sets --_font-*; without them the
   * value is invalid and the font is inherited from the page, as it always was).
   */
  :host,
  [lang] {
    font-family: var(--quiz-font-family, var(--_font-page));
  }
  :host(:lang(zh)),
  [lang]:lang(zh) {
    font-family: var(--quiz-font-family, var(--_font-hans));
  }
  :host(:lang(zh-TW)),
  :host(:lang(zh-HK)),
  :host(:lang(zh-MO)),
  :host(:lang(zh-Hant)),
  [lang]:lang(zh-TW),
  [lang]:lang(zh-HK),
  [lang]:lang(zh-MO),
  [lang]:lang(zh-Hant) {
    font-family: var(--quiz-font-family, var(--_font-hant));
  }
  :host([theme='dark']) {
    ${darkTokens}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${darkTokens}
    }
  }
  @media (forced-colors: active) {
    :host {
      --_bg: Canvas;
      --_fg: CanvasText;
      --_muted: CanvasText;
      --_border: CanvasText;
      --_control-border: CanvasText;
      --_surface: Canvas;
      --_accent: Highlight;
      --_accent-fg: HighlightText;
      --_correct: CanvasText;
      --_wrong: CanvasText;
      --_focus: Highlight;
    }
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
  button {
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.4em 0.9em;
    min-height: 2.5rem;
    min-width: 2.5rem;
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-fg);
    font-weight: 600;
  }
  @media (forced-colors: active) {
    /* Forced colours would put HighlightText on the ButtonFace backplate: keep the pair together. */
    button.primary {
      forced-color-adjust: none;
      background: Highlight;
      border-color: Highlight;
      color: HighlightText;
    }
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  button:focus-visible,
  textarea:focus-visible,
  input:focus-visible,
  [tabindex]:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .skeleton-line {
      animation: quiz-pulse 1.2s ease-in-out infinite;
    }
  }
  @keyframes quiz-pulse {
    50% {
      opacity: 0.45;
    }
  }
`;
