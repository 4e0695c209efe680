/**
 * `quiz-elements/ssr`: cards rendered on the server (Node), for static-site generators and
 * server-rendered pages. The HTML holds the card's shadow root as declarative shadow DOM, so the
 * title, prompt, choices and a Show-answer control are in the page before any script runs:
 * crawlers and readers without JavaScript see the question, and a native `<details>` opens the
 * answer. The bank goes inline (`<script type="application/json">`): when quiz-elements loads,
 * the card takes over in place, keeping an answer the learner opened, with no layout shift.
 *
 *     import { renderCard } from 'quiz-elements/ssr';
 *     const html = await renderCard(bank, { question: 'cap' });
 *
 * Node only (it uses `@lit-labs/ssr`, an optional peer dependency). Nothing here touches
 * `window` or `document`; neither do the modules it renders with.
 */
import { render } from '@lit-labs/ssr';
import { collectResultSync } from '@lit-labs/ssr/lib/render-result.js';
import { html, unsafeStatic } from 'lit/static-html.js';
import { bankFromValue } from '../bank/load.js';
import type { Bank } from '../bank/types.js';
import { serverAdoptedStyles } from '../elements/adopt-styles.js';
import { rendererChunk } from '../elements/quiz-card/bank-markdown.js';
import '../elements/quiz-card/quiz-card.js';
import '../elements/topic-list/topic-list.js';
import { stringsReady } from '../i18n/index.js';
import { interactionViews } from '../interactions/views.js';

/** A card attribute's value: a string or number, `true` for a boolean attribute, `false`/undefined to leave it out. */
export type AttributeValue = string | number | boolean | undefined | null;

/** The card attributes `renderCard` writes (README "Using `<quiz-card>`"). */
export const CARD_ATTRIBUTES = [
  'question', 'topic', 'kind', 'count', 'shuffle', 'seed', 'mode', 'pass-mark', 'max-attempts', 'shuffle-choices',
  'heading-level', 'lang', 'theme', 'progress-key', 'no-progress', 'answer-box', 'new-per-day', 'timeout', 'class', 'id',
] as const;

export interface RenderOptions {
  /** The URL the bank's relative links and images resolve against (default: none, so they stay relative). */
  baseUrl?: string;
}

/** An attribute set the card does not know, or a bank that is not valid: what, and what to do. */
export class RenderError extends Error {
  override readonly name = 'RenderError';
}

const escapeAttribute = (value: string) => value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/** JSON that cannot end the script element it sits in, nor start a comment or CDATA there. */
export const scriptSafeJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');

/** The topic-list attributes `renderTopicList` writes. */
export const TOPIC_LIST_ATTRIBUTES = ['selected', 'multiple', 'label', 'lang', 'theme', 'progress-key', 'no-progress', 'timeout', 'class', 'id'] as const;

function attributeText(attributes: Record<string, AttributeValue>, element: 'quiz-card' | 'topic-list', known: readonly string[]): string {
  const parts: string[] = [];
  for (const [name, value] of Object.entries(attributes)) {
    if (!known.includes(name)) {
      throw new RenderError(`${element === 'quiz-card' ? 'renderCard' : 'renderTopicList'}: "${name}" is not a ${element} attribute. Known attributes: ${known.join(', ')}.`);
    }
    if (value === false || value == null) continue;
    parts.push(value === true ? name : `${name}="${escapeAttribute(String(value))}"`);
  }
  return parts.join(' ');
}

/**
 * Styles for what only the server renders: the `<details>` that opens the answer without
 * JavaScript, drawn like the card's primary button (same box, so the card does not move when its
 * own button replaces it).
 */
const SERVER_STYLES = `<style>
.static-answer > summary { display: flex; list-style: none; cursor: pointer; }
.static-answer > summary::-webkit-details-marker { display: none; }
.static-button { display: inline-flex; align-items: center; box-sizing: border-box; min-height: 2.5rem; min-width: 2.5rem; padding: 0.4em 0.9em;
  border: 1px solid var(--_accent); border-radius: calc(var(--_radius) / 1.5); background: var(--_accent); color: var(--_accent-fg); font-weight: 600; }
.static-answer > summary:focus-visible { outline: 3px solid var(--_focus); outline-offset: 2px; }
.static-answer[open] > summary { margin-bottom: var(--_space); }
@media (forced-colors: active) { .static-button { forced-color-adjust: none; background: Highlight; border-color: Highlight; color: HighlightText; } }
</style>`;

let prepared: Promise<void> | null = null;

/**
 * Loads what cards render with on the server: the markdown renderer, math and the typed
 * questions' views (the browser's lazy chunks) and the Chinese UI strings. `renderCard` does it; call it once before `renderCardSync`.
 */
export function prepareServerRendering(): Promise<void> {
  prepared ??= Promise.all([import('../render/markdown.js'), stringsReady('zh-CN'), ...Object.values(interactionViews).map((chunk) => chunk.load())]).then(async ([renderer]) => {
    await renderer.loadMath(); // formulas render on the server too (as MathML)
    rendererChunk.provide(renderer);
  });
  return prepared;
}

/** Lit's markers for hydration: this HTML is not hydrated (the card takes over), so they go. */
const stripMarkers = (text: string) => text.replace(/<!--\/?lit-part[^>]*-->|<!--lit-node \d+-->|<\?>/g, '');

/**
 * The HTML of a `<quiz-card>` for `bank` (a bank object, or one question), with `attributes`
 * (`{ question: 'cap' }`, `{ topic: 'basics', count: 5 }`, `{ lang: 'zh-CN' }`…). Rejects with
 * the validator's message for a bank that is not valid, and a `RenderError` for an unknown
 * attribute.
 */
export async function renderCard(bank: Bank | unknown, attributes: Record<string, AttributeValue> = {}, options: RenderOptions = {}): Promise<string> {
  await prepareServerRendering();
  return renderCardSync(bank, attributes, options);
}

/**
 * `renderCard` for synchronous callers (a markdown-it plugin's render hook), once
 * `prepareServerRendering()` has resolved; throws otherwise.
 */
export function renderCardSync(bank: Bank | unknown, attributes: Record<string, AttributeValue> = {}, options: RenderOptions = {}): string {
  if (!rendererChunk.value) throw new RenderError('renderCardSync: await prepareServerRendering() first (it loads the markdown renderer).');
  const attributeString = attributeText(attributes, 'quiz-card', CARD_ATTRIBUTES);
  const loaded = bankFromValue(bank, options.baseUrl ?? 'about:blank');
  return finish(html`<quiz-card ${unsafeStatic(attributeString)} .loaded=${loaded}></quiz-card>`, 'quiz-card', loaded.bank);
}

/**
 * The HTML of a `<topic-list>` of `bank`'s topics, as its first screen shows them (no progress:
 * the server has none; the list fills in the learner's counts when it takes over). Like
 * `renderCard`, the bank goes inline for the browser.
 */
export async function renderTopicList(bank: Bank | unknown, attributes: Record<string, AttributeValue> = {}, options: RenderOptions = {}): Promise<string> {
  await prepareServerRendering();
  const attributeString = attributeText(attributes, 'topic-list', TOPIC_LIST_ATTRIBUTES);
  const loaded = bankFromValue(bank, options.baseUrl ?? 'about:blank');
  return finish(html`<topic-list ${unsafeStatic(attributeString)} .banks=${[loaded]}></topic-list>`, 'topic-list', loaded.bank);
}

/** Renders the element; adds the server-only styles inside its shadow root and its bank, inline, after it. */
function finish(template: ReturnType<typeof html>, tag: 'quiz-card' | 'topic-list', bank: Bank): string {
  serverAdoptedStyles.clear();
  const rendered = stripMarkers(collectResultSync(render(template)));
  // The styles the browser adopts for lazily loaded parts (a typed question's view), written in.
  const adopted = [...serverAdoptedStyles].map((styles) => `<style>${styles.cssText}</style>`).join('');
  const inline = `<script type="application/json">${scriptSafeJson(bank)}</script>`;
  return rendered
    .replace(/<template shadowroot="open" shadowrootmode="open">/, () => `<template shadowrootmode="open">${SERVER_STYLES}${adopted}`)
    .replace(new RegExp(`</template></${tag}>\\s*$`), () => `</template>${inline}</${tag}>`);
}
