/** What the detail area shows with nothing open, and the Progress panel: the collection at a glance, `<quiz-stats>` once there is progress, Export and Import. */
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadedBank } from '../../../bank/load.js';
import type { ProgressStore } from '../../../progress/store.js';
import { LazyChunk } from '../../../lazy.js';
import type { BrowserStrings } from './state-views.js';

/** `<quiz-stats>` is its own chunk: fetched the first time a view with progress shows it. */
const statsChunk = new LazyChunk(() => import('../../quiz-stats/quiz-stats.js'), 'the code of <quiz-stats>');

export interface StatsView {
  banks: readonly LoadedBank[];
  store: ProgressStore;
  lang: string;
  theme: 'light' | 'dark' | undefined;
}

/** The learner's progress over the browser's banks, from its store; defines `<quiz-stats>` lazily (the tag upgrades once it arrives). */
export function renderStats(view: StatsView): TemplateResult {
  void statsChunk.request();
  return html`<quiz-stats part="stats" class="stats" lang=${view.lang} theme=${view.theme ?? nothing} heading-level="3" .banks=${view.banks}
    .progressStore=${view.store}></quiz-stats>`;
}

export interface OverviewView {
  title: string;
  questions: number;
  banks: number;
  /** Due questions, or null without progress. */
  due: number | null;
  /** `<quiz-stats>`, when there is progress and the overview is on screen. */
  stats: TemplateResult | typeof nothing;
}

/** Nothing open: the collection's title, its size, the keys, and the progress at a glance (it scrolls: a keyboard stop). */
export function renderOverview(view: OverviewView, s: BrowserStrings): TemplateResult {
  return html`
    <div id="overview" part="detail overview" class="detail overview" role="group" aria-label=${view.title || s.overviewTitle} tabindex="0">
      <div class="overview-head">
        <p class="overview-title">${view.title || s.overviewTitle}</p>
        <p class="overview-count">${s.overviewCount(view.questions, view.banks, view.due)}</p>
        <p class="overview-hint">${s.detailEmpty}</p>
        <dl class="keys" aria-label=${s.overviewKeysLabel}>
          ${s.overviewKeys.map(([key, what]) => html`<div><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}
        </dl>
      </div>
      ${view.stats}
    </div>
  `;
}

export interface ProgressPanelHandlers {
  onKeyDown(event: KeyboardEvent): void;
}

/** The Progress panel: it overlays the results, so nothing moves when the import message or an alert shows in it. */
export function renderProgressPanel(open: boolean, stats: TemplateResult | typeof nothing, tools: TemplateResult, s: BrowserStrings, on: ProgressPanelHandlers): TemplateResult {
  return html`
    <div id="progress" part="progress" class="progress-panel" role="group" aria-label=${s.progressToggle} ?hidden=${!open} @keydown=${on.onKeyDown}>
      ${tools} ${stats}
    </div>
  `;
}
