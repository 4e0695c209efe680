/** The keys of the open question's pane: its card's shortcuts from the pane itself, and the variant tabs' arrows. */

/**
 * Focus lands on the pane when a question opens: a key pressed on the pane itself (not inside it)
 * goes on to its card, so the card's shortcuts (Space, 1–4, U) work from there too.
 */
export function forwardToCard(event: KeyboardEvent): void {
  const pane = event.currentTarget as HTMLElement;
  if (event.composedPath()[0] !== pane) return;
  const card = pane.querySelector('quiz-card');
  if (!card) return;
  const { key, code, shiftKey, altKey, ctrlKey, metaKey, repeat } = event;
  const forwarded = new KeyboardEvent('keydown', { key, code, shiftKey, altKey, ctrlKey, metaKey, repeat, cancelable: true });
  card.dispatchEvent(forwarded);
  if (forwarded.defaultPrevented) event.preventDefault();
}

/** The tab `key` moves to from tab `current` of `count` (Left/Right wrap around, Home, End), or undefined for another key. */
export function tabMove(key: string, current: number, count: number): number | undefined {
  const moves: Record<string, number> = { ArrowRight: current + 1, ArrowLeft: current - 1, Home: 0, End: count - 1 };
  return key in moves ? (moves[key]! + count) % count : undefined;
}
