import { css } from 'lit';

/** The polite note about stored progress (`part="notice"`, made by ProgressController), in every element that shows one. */
export const noticeStyles = css`
  .notice {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    border-inline-start: 4px solid var(--_accent);
    background: var(--_surface);
    border-radius: calc(var(--_radius) / 2);
    padding: 0.5rem 0.75rem;
    font-size: 0.9em;
  }
  .notice .message {
    flex: 1 1 12rem;
  }
`;

/**
 * The loading skeleton and the load error box (`.error`, its `.message` lines and `pre` details)
 * of `<quiz-card>`, `<topic-list>` and `<quiz-stats>`: each element's styles include it where its
 * own rules for them were (`${loadStateStyles}`), and add to it after.
 */
export const loadStateStyles = css`
  .message {
    margin: 0;
  }
  .error {
    border-inline-start: 4px solid var(--_wrong);
    padding-inline-start: 0.75rem;
  }
  .error pre {
    white-space: pre-wrap;
    font-size: 0.85em;
    margin: 0.5rem 0 0;
    color: var(--_muted);
  }
  .skeleton {
    display: grid;
    gap: 0.6rem;
  }
  .skeleton-line {
    height: 1.4rem;
    border-radius: 0.4rem;
    background: var(--_surface);
    border: 1px solid var(--_border);
  }
`;
