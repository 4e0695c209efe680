import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { nfkc } from '../bank/nfkc.js';

/**
 * Where keyboard focus is while the learner moves through a listbox (WAI-ARIA APG, "Managing focus
 * in composites"):
 * - `roving`: the active option itself has focus and the list's one tab stop (`tabindex="0"`, the
 *   others `-1`). For short lists whose options are all rendered (`<topic-list>`).
 * - `active-descendant`: the listbox keeps focus and `aria-activedescendant` names the active
 *   option while it is rendered. For windowed lists, whose options come and go as they scroll
 *   (`<question-browser>`'s results).
 */
export type ListboxFocus = 'roving' | 'active-descendant';

/** How a key chose an option: Enter or Space (`key`), or Shift+Up/Down moving onto it (`extend`, multi-select lists). */
export type ListboxChoice = 'key' | 'extend';

export interface ListboxControllerOptions {
  focus: ListboxFocus;
  /** How many options the list has. */
  count(): number;
  /** The element with `role="listbox"`, once rendered. */
  listbox(): HTMLElement | null | undefined;
  /** Enter or Space on option `index`, or Shift+Up/Down onto it when `extendsWithShift`. */
  choose(index: number, how: ListboxChoice): void;
  /** The option the keyboard starts on while none is active (roving: the first selected one). Default 0. */
  initial?(): number;
  /** The text typing jumps by (Chinese too); without it the list has no type-ahead and leaves letters alone. */
  label?(index: number): string;
  /** Options moved by Page Up/Down; without it the list leaves those keys alone. */
  pageSize?: number;
  /** Whether Shift+Up/Down moves and chooses (`multiple` lists). */
  extendsWithShift?(): boolean;
  /** Brings option `index` into view (a windowed list renders it first); default: the option's `scrollIntoView`. Active-descendant lists only: focus scrolls a roving one. */
  scrollIntoView?(index: number): void;
}

/** Typed characters further apart than this start a new type-ahead search. */
export const TYPE_AHEAD_MS = 500;

/** The form under which typed text and labels are compared: width- and case-insensitive. */
function searchable(text: string): string {
  return nfkc(text).toLocaleLowerCase();
}

/**
 * The keyboard of a listbox, for both of this library's lists: which option is active, Up/Down,
 * Home/End, Page Up/Down, type-ahead, Enter and Space; focus kept on the active option (roving
 * tabindex) or on the list (`aria-activedescendant`); the active option kept in view. Like
 * material-web's ListController, it owns no markup: the host renders the options with
 * `role="option"` and `data-index` (and an `id` for `active-descendant`), reads `active` and
 * `tabIndexOf()`, and passes its listbox's `keydown` to `handleKey()` (or binds `onKeyDown`), and
 * for `roving` its `focusin`/`focusout` to `onFocusIn`/`onFocusOut`. Moving never chooses, except
 * Shift+Up/Down in a list that `extendsWithShift`.
 */
export class ListboxController implements ReactiveController {
  readonly #host: ReactiveControllerHost;
  readonly #options: ListboxControllerOptions;
  /** The option the keyboard is on; null: `initial()` (roving: focus is outside the list). */
  #active: number | null = null;
  #typed = '';
  #typedAt = -Infinity;
  /** Watches the options a windowed list adds and drops, to keep `aria-activedescendant` valid. */
  #watched?: { listbox: HTMLElement; observer: MutationObserver };

  constructor(host: ReactiveControllerHost, options: ListboxControllerOptions) {
    this.#host = host;
    this.#options = options;
    host.addController(this);
  }

  /** Index of the active option (0 in an empty list). */
  get active(): number {
    const count = this.#options.count();
    const index = this.#active ?? this.#options.initial?.() ?? 0;
    return Math.min(Math.max(index, 0), Math.max(count - 1, 0));
  }

  /** Makes option `index` active without moving focus or scrolling; null goes back to `initial()`. */
  set active(index: number | null) {
    if (index === this.#active) return;
    this.#active = index;
    this.#host.requestUpdate();
  }

  /** The `tabindex` of option `index` in a roving list: 0 for the active one, else -1. */
  tabIndexOf(index: number): number {
    return index === this.active ? 0 : -1;
  }

  /** The rendered element of option `index`, or null. */
  option(index: number): HTMLElement | null {
    return this.#options.listbox()?.querySelector<HTMLElement>(`[role="option"][data-index="${index}"]`) ?? null;
  }

  /** The index of the option an event happened in (`data-index`), or undefined. */
  indexOf(event: Event): number | undefined {
    const option = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.getAttribute('role') === 'option');
    const index = Number(option?.dataset.index);
    return option && Number.isInteger(index) && index >= 0 && index < this.#options.count() ? index : undefined;
  }

  /** Makes option `index` (clamped) active, as a key does: focus follows (roving) or it scrolls into view. */
  moveTo(index: number, extend = false): void {
    const count = this.#options.count();
    if (count === 0) return;
    const target = Math.min(Math.max(index, 0), count - 1);
    const moved = target !== this.active;
    this.active = target;
    if (extend && moved) this.#options.choose(target, 'extend');
    if (this.#options.focus === 'roving') void this.focusActive();
    else this.scrollToActive();
  }

  /** Moves DOM focus to the active option once it is rendered (roving lists). */
  async focusActive(): Promise<void> {
    await this.#host.updateComplete;
    const option = this.option(this.active);
    if (option && (option.getRootNode() as Document | ShadowRoot).activeElement !== option) option.focus();
  }

  /** Brings the active option into view once the list has been laid out (it may have just been shown). */
  scrollToActive(): void {
    requestAnimationFrame(() => {
      const listbox = this.#options.listbox();
      if (!listbox?.isConnected || listbox.offsetParent === null) return;
      const index = this.active;
      if (this.#options.scrollIntoView) this.#options.scrollIntoView(index);
      else this.option(index)?.scrollIntoView({ block: 'nearest' });
    });
  }

  /** The list's keys; true when the key was the list's (its default action is then prevented). Ignores keys with Alt, Ctrl or Meta, and keys of an input method. */
  handleKey(event: KeyboardEvent): boolean {
    const count = this.#options.count();
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || count === 0) return false;
    const index = this.active;
    const typing = event.timeStamp - this.#typedAt <= TYPE_AHEAD_MS && this.#typed !== '';
    const extend = event.shiftKey && (this.#options.extendsWithShift?.() ?? false);
    const page = this.#options.pageSize;
    switch (event.key) {
      case 'ArrowDown':
        this.moveTo(index + 1, extend);
        break;
      case 'ArrowUp':
        this.moveTo(index - 1, extend);
        break;
      case 'Home':
        this.moveTo(0);
        break;
      case 'End':
        this.moveTo(count - 1);
        break;
      case 'PageDown':
      case 'PageUp':
        if (!page) return false;
        this.moveTo(index + (event.key === 'PageDown' ? page : -page));
        break;
      case 'Enter':
        this.#options.choose(index, 'key');
        break;
      case ' ':
        // Within a type-ahead burst a space is part of the label being typed.
        if (typing) this.#typeAhead(event.key, event.timeStamp);
        else this.#options.choose(index, 'key');
        break;
      default:
        if (!this.#options.label || [...event.key].length !== 1) return false;
        this.#typeAhead(event.key, event.timeStamp);
        event.preventDefault();
        return true;
    }
    if (event.key !== ' ' || !typing) this.#typed = '';
    event.preventDefault();
    return true;
  }

  /** `handleKey` as a listener, for a list with no keys of its own. */
  readonly onKeyDown = (event: KeyboardEvent): void => {
    this.handleKey(event);
  };

  /** Focus landing on an option (a click, Tab) makes it active (roving lists). */
  readonly onFocusIn = (event: FocusEvent): void => {
    const index = this.indexOf(event);
    if (index !== undefined) this.active = index;
  };

  /** Leaving the list hands the tab stop back to `initial()`, as the APG listbox does (roving lists). */
  readonly onFocusOut = (event: FocusEvent): void => {
    const listbox = event.currentTarget as HTMLElement;
    if (!(event.relatedTarget instanceof Node && listbox.contains(event.relatedTarget))) this.active = null;
  };

  /** Moves to the next option whose label starts with the characters typed in this burst. */
  #typeAhead(char: string, timeStamp: number): void {
    if (timeStamp - this.#typedAt > TYPE_AHEAD_MS) this.#typed = '';
    this.#typedAt = timeStamp;
    this.#typed += char;
    const count = this.#options.count();
    const label = this.#options.label!;
    const current = this.active;
    const find = (text: string, from: number): number => {
      const wanted = searchable(text);
      for (let step = 0; step < count; step++) {
        const i = (from + step) % count;
        if (searchable(label(i)).startsWith(wanted)) return i;
      }
      return -1;
    };
    // A longer search may stay on the current option; a first character moves past it.
    let found = find(this.#typed, this.#typed === char ? current + 1 : current);
    // Pressing one character again and again cycles through the options that start with it.
    const chars = [...this.#typed];
    if (found < 0 && chars.every((c) => c === chars[0])) found = find(chars[0]!, current + 1);
    if (found >= 0) this.moveTo(found);
  }

  hostUpdated(): void {
    if (this.#options.focus !== 'active-descendant') return;
    this.#watch(this.#options.listbox() ?? null);
    this.syncActiveDescendant();
  }

  hostDisconnected(): void {
    this.#watch(null);
  }

  /**
   * `aria-activedescendant` names the active option only while the list has it in the DOM (not
   * while a windowed list is scrolled past it or not laid out): a name with no element behind it
   * is invalid. Set after every update, and whenever the list adds or drops options.
   */
  readonly syncActiveDescendant = (): void => {
    const listbox = this.#options.listbox();
    if (!listbox) return;
    const id = this.option(this.active)?.id;
    if (id) listbox.setAttribute('aria-activedescendant', id);
    else listbox.removeAttribute('aria-activedescendant');
  };

  #watch(listbox: HTMLElement | null): void {
    if (this.#watched?.listbox === listbox) return;
    this.#watched?.observer.disconnect();
    this.#watched = undefined;
    if (!listbox) return;
    const observer = new MutationObserver(this.syncActiveDescendant);
    observer.observe(listbox, { childList: true });
    this.#watched = { listbox, observer };
  }
}
