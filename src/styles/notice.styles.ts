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
