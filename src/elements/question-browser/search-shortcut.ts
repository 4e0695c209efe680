import type { ReactiveController, ReactiveControllerHost } from 'lit';

/**
 * Focus for the host's search field: `/` anywhere on the page (outside a text field) focuses it
 * and selects its text, as on GitHub or MDN, and the host moves focus back to it with `focus()`.
 * Listens on the document while the host is in the page.
 */
export class SearchShortcutController implements ReactiveController {
  readonly #field: () => HTMLInputElement | null | undefined;

  constructor(host: ReactiveControllerHost, field: () => HTMLInputElement | null | undefined) {
    this.#field = field;
    host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('keydown', this.#onKeyDown);
  }

  hostDisconnected(): void {
    document.removeEventListener('keydown', this.#onKeyDown);
  }

  /** Moves focus to the field, if it is rendered. */
  focus(): void {
    this.#field()?.focus();
  }

  readonly #onKeyDown = (event: KeyboardEvent): void => {
    const field = this.#field();
    if (event.key !== '/' || event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey || !field) return;
    const target = event.composedPath()[0];
    if (target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
    event.preventDefault();
    field.focus();
    field.select();
  };
}
