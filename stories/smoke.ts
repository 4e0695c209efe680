/**
 * Keyboard steps for the stories' play functions, as a keyboard user makes them. Under the story
 * tests (vitest.config.ts) keys are real key presses through Playwright, so Tab follows the
 * browser's own focus order into shadow roots; in Storybook's UI, where only Testing Library's
 * simulation exists (its Tab ignores shadow roots), Tab is emulated over the composed tree.
 */
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { languageOf, stringsFor, stringsReady, type UiStrings } from '../src/i18n/index.js';

type Keyboard = (keys: string) => Promise<void>;

/** Set by .storybook/vitest.setup.ts: Vitest's provider-backed `userEvent.keyboard`. */
const realKeyboard = (): Keyboard | undefined => (globalThis as { __quizRealKeyboard?: Keyboard }).__quizRealKeyboard;

/** The UI strings an element shows (its language's, once loaded: Chinese ones load on first use). */
export async function uiStrings(element: Element): Promise<UiStrings> {
  const lang = languageOf(element);
  await stringsReady(lang);
  return stringsFor(lang);
}

/** The focused element, inside shadow roots. */
export function focused(): Element | null {
  let element = document.activeElement;
  while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
  return element;
}

/** Whether `node` is `host` or inside it, across shadow roots. */
export function isWithin(host: Element, node: Node | null): boolean {
  for (let current = node; current; current = current.parentNode ?? (current as ShadowRoot).host ?? null) {
    if (current === host) return true;
  }
  return false;
}

/** Presses keys (Testing Library's `keyboard` syntax: `{Tab}`, `{Enter}`, `[Space]`, `a`). */
export async function press(keys: string): Promise<void> {
  const real = realKeyboard();
  if (real) await real(keys);
  else if (keys === '{Tab}') await emulatedTab();
  else await userEvent.keyboard(keys);
}

/**
 * Puts the keyboard at the start of the story, as if the page had just loaded, so the next Tab goes
 * to the story's first tab stop whatever the previous story focused.
 */
export function focusStoryStart(canvasElement: HTMLElement): void {
  (focused() as HTMLElement | null)?.blur?.();
  const hadTabIndex = canvasElement.hasAttribute('tabindex');
  if (!hadTabIndex) canvasElement.tabIndex = -1;
  canvasElement.focus({ preventScroll: true });
  if (!hadTabIndex) canvasElement.addEventListener('focusout', () => canvasElement.removeAttribute('tabindex'), { once: true });
}

/**
 * Presses Tab until the focused element matches `target`, staying within `host`; fails after `max`
 * presses or when focus leaves `host`, naming where focus went.
 */
export async function tabTo(host: Element, target: (element: Element) => boolean, what: string, max = 12): Promise<HTMLElement> {
  const visited: string[] = [];
  for (let i = 0; i < max; i++) {
    await press('{Tab}');
    const element = focused();
    visited.push(describe(element));
    if (!element || !isWithin(host, element)) break;
    if (target(element)) return element as HTMLElement;
  }
  throw new Error(`Tab did not reach ${what} in <${host.localName}>; focus went to: ${visited.join(' → ')}`);
}

/** Asserts that Tab from the start of the story does not stop inside `host` (no controls shown). */
export async function expectNoTabStop(canvasElement: HTMLElement, host: Element): Promise<void> {
  focusStoryStart(canvasElement);
  await press('{Tab}');
  await expect(isWithin(host, focused()), `Tab stopped on ${describe(focused())}`).toBe(false);
}

function describe(element: Element | null): string {
  if (!element) return '(nothing)';
  const name = element.getAttribute('aria-label') ?? element.textContent?.trim().slice(0, 30) ?? '';
  return `<${element.localName}${element.getAttribute('role') ? ` role=${element.getAttribute('role')}` : ''}> ${name}`.trim();
}

// --- Storybook UI only: Tab over the composed tree ---------------------------------------------

function isTabbable(element: HTMLElement): boolean {
  if (element.tabIndex < 0 || (element as HTMLButtonElement).disabled) return false;
  if (element instanceof HTMLInputElement && element.type === 'radio' && !element.checked) {
    const group = [...(element.getRootNode() as ParentNode).querySelectorAll<HTMLInputElement>(`input[type="radio"][name="${element.name}"]`)];
    if (group.some((radio) => radio.checked) || group[0] !== element) return false;
  }
  return element.checkVisibility?.({ visibilityProperty: true }) ?? true;
}

/** Tab stops in composed-tree order (shadow content instead of light children; slots' assigned nodes). */
function tabStops(root: ParentNode, into: HTMLElement[] = []): HTMLElement[] {
  for (const child of root.children) {
    if (child instanceof HTMLElement && isTabbable(child)) into.push(child);
    if (child instanceof HTMLSlotElement) {
      for (const assigned of child.assignedElements({ flatten: true })) {
        if (assigned instanceof HTMLElement && isTabbable(assigned)) into.push(assigned);
        tabStops(assigned, into);
      }
    } else tabStops(child.shadowRoot ?? child, into);
  }
  return into;
}

async function emulatedTab(): Promise<void> {
  const stops = tabStops(document.body);
  const current = focused();
  const index = stops.findIndex((stop) => stop === current);
  // From the story root (focusStoryStart), the first stop inside it.
  const next = index >= 0 ? stops[index + 1] : (stops.find((stop) => current && isWithin(current, stop)) ?? stops[0]);
  if (next) next.focus();
  else (current as HTMLElement | null)?.blur?.();
}

// --- steps shared by the stories of several elements -------------------------------------------

/** The loading state: `busyPart` of `el` is aria-busy and the skeleton says it is loading. */
export async function expectSkeleton(el: Element, busyPart = 'base'): Promise<void> {
  await waitFor(() => expect(el.shadowRoot?.querySelector(`[part~="${busyPart}"]`)).toHaveAttribute('aria-busy', 'true'));
  await expect(el.shadowRoot!.querySelector('[part~="skeleton"]')).toHaveTextContent((await uiStrings(el)).loading);
}

/**
 * A load error with Retry, in `host` (`ui`: queries in its shadow root): Tab from the start of the
 * story reaches Retry, Enter loads again (a new `quiz-error` within `timeout` ms), and the alert
 * says `says` again.
 */
export async function expectRetryLoadsAgain(
  canvasElement: HTMLElement,
  host: Element,
  ui: ReturnType<typeof within>,
  s: UiStrings,
  says: readonly (string | RegExp)[],
  timeout = 5000,
): Promise<void> {
  const retry = ui.getByRole('button', { name: s.retry });
  focusStoryStart(canvasElement);
  await tabTo(host, (element) => element === retry, `“${s.retry}”`);
  let errors = 0;
  host.addEventListener('quiz-error', () => errors++);
  await press('{Enter}');
  await waitFor(() => expect(errors).toBe(1), { timeout });
  for (const text of says) await expect((await ui.findByRole('alert')).textContent).toMatch(text);
}

/**
 * The first keyboard step on a `<quiz-card>` showing a question (on its own or inside `host`): Tab
 * to the first choice and Space selects it, or Tab to Show answer and Space shows the answer, with
 * the keyboard moved to it and the grade buttons offered.
 */
export async function cardKeyboardStep(host: Element, card: Element, s: UiStrings): Promise<void> {
  const root = card.shadowRoot!;
  // A typed question's view is a chunk of its own, behind a skeleton until it is here.
  await waitFor(() => expect(root.querySelector('[part~="skeleton"]')).toBeNull(), { timeout: 5000 });
  const interaction = root.querySelector('.interaction');
  if (interaction) return typedKeyboardStep(host, root, interaction, s);
  const firstChoice = root.querySelector<HTMLInputElement>('[part~="choices"] input');
  if (firstChoice) {
    await tabTo(host, (element) => element === firstChoice, 'the first choice');
    await press(' ');
    await expect(firstChoice).toBeChecked();
    await expect(within(root as unknown as HTMLElement).getByRole('button', { name: s.check })).toBeEnabled();
    return;
  }
  const showAnswer = within(root as unknown as HTMLElement).getByRole('button', { name: new RegExp(`^${escapeRegExp(s.showAnswer)}`) });
  await tabTo(host, (element) => element === showAnswer, `“${s.showAnswer}”`, 24);
  await press(' ');
  await waitFor(() => expect(root.querySelector('[part~="answer"]')).toBeVisible());
  await expect(focused()).toBe(root.querySelector('[data-focus="answer"]'));
  await expect(within(root as unknown as HTMLElement).getByRole('group', { name: s.gradePrompt })).toBeVisible();
}

export const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The first keyboard step on a typed question (true/false, fill-in, numeric, ordering, matching):
 * Tab to its first control, then the key a learner starts with there. True/false: T presses True;
 * a text field: typing a digit makes the question checkable; an ordering handle: Space picks the
 * item up and Escape puts it back; a matching select: reached, and Check waits for every row.
 */
async function typedKeyboardStep(host: Element, root: ShadowRoot, interaction: Element, s: UiStrings): Promise<void> {
  const first = interaction.querySelector<HTMLElement>('button:not([disabled]), input:not([disabled]), select:not([disabled])');
  if (!first) throw new Error('a typed question without a control');
  await tabTo(host, (element) => element === first, `the first control of the question (${first.localName})`, 24);
  const check = () => within(root as unknown as HTMLElement).getByRole('button', { name: s.check });
  if (first.closest('.true-false')) {
    await press('t');
    await waitFor(() => expect(interaction.querySelector('.true-false button')).toHaveAttribute('aria-pressed', 'true'));
    await expect(check()).toBeEnabled();
  } else if (first instanceof HTMLInputElement) {
    await press('4');
    await expect(first).toHaveValue('4');
    await waitFor(() => expect(check()).toBeEnabled());
  } else if (first.closest('.ordering')) {
    await press(' ');
    await waitFor(() => expect(interaction.querySelector('.ordering .handle')).toHaveAttribute('aria-pressed', 'true'));
    await press('{Escape}');
    await waitFor(() => expect(interaction.querySelector('.ordering .handle')).toHaveAttribute('aria-pressed', 'false'));
  } else {
    await expect(first).toBe(focused());
    await expect(check()).toBeDisabled();
  }
}
