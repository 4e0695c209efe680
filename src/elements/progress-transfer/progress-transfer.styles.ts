import { css } from 'lit';

export const progressTransferStyles = css`
  :host {
    container-type: inline-size;
  }
  .base {
    background: var(--_bg);
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.4rem;
  }
  .tools button {
    font-size: 0.85em;
    min-height: 2rem;
    padding-block: 0.2rem;
  }
  /*
   * Room is kept for the message even while it is empty, so nothing below moves when it appears:
   * one line, two where the longest ("Imported: 120 added, 45 updated, 1200 already up to date") wraps.
   */
  .message {
    margin: 0.25rem 0 0;
    min-height: 1.6em;
    font-size: 0.85em;
    color: var(--_muted);
  }
  @container (max-width: 28rem) {
    .message {
      min-height: 3.2em;
    }
  }
  .error {
    margin-top: 0.25rem;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    font-size: 0.9em;
    border: 1px solid var(--_wrong);
    border-radius: calc(var(--_radius) / 1.5);
    padding: 0.75rem;
    overflow-wrap: anywhere;
  }
  .error p {
    flex: 1 1 12rem;
    margin: 0;
  }
`;
