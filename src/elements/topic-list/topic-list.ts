import { html, nothing, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CatalogFailure, LoadedCollection } from '../../bank/catalog.js';
import type { LoadedBank } from '../../bank/load.js';
import type { Bank, Question } from '../../bank/types.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { QuizTopicSelectEvent } from '../../events/quiz-topic-select.js';
import { statusOf } from '../../progress/status.js';
import type { ProgressStore } from '../../progress/store.js';
import type { QuestionProgress } from '../../progress/types.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { CollectionElement } from '../collection-element.js';
import { isLoadedBank } from '../collection-source.js';
import { ListboxController } from '../listbox-controller.js';
import { describeLoadError } from '../load-error-message.js';
import { collectionStrings } from '../../i18n/collection.js';
import * as progressStoreModule from '../../progress/store.js';
import { ProgressController, provideStoreModule } from '../progress-controller.js';
import { readProgress } from '../read-progress.js';
import { topicListStyles } from './topic-list.styles.js';

// Counts and statuses show on the first render: the store's code comes with this element.
provideStoreModule(progressStoreModule);

/** Learner progress of one topic: how many of its questions are in each state. */
export interface TopicProgress {
  new: number;
  learning: number;
  due: number;
  mastered: number;
}

/** One option of the list. */
interface TopicOption {
  /** `''` for All, a topic id for a single bank, `bankId/topicId` for several banks. */
  value: string;
  /** The topic title; empty for All, whose label is a UI string. */
  label: string;
  /** Language of the label: the bank's for topics, the UI's for All (unset). */
  lang?: string;
  count: number;
}

/** The options of one bank; a labelled group when the list shows several banks. */
interface TopicGroup {
  bankId: string;
  /** The bank's `shortTitle` when it has one (several banks share the list's width), else its title. */
  title: string;
  /** The bank's whole title, shown on hover when `title` is the short one. */
  fullTitle: string | null;
  lang: string;
  count: number;
  options: TopicOption[];
}

/** What the list shows, derived from the banks. */
interface TopicModel {
  grouped: boolean;
  all: TopicOption;
  groups: TopicGroup[];
  /** Every option in list order, All first: what the keyboard moves through. */
  options: TopicOption[];
  failures: CatalogFailure[];
  banks: readonly Bank[];
  /** `bankId` → `questionId` → question, to place progress records; made on first use (only when there is progress). */
  questionsById?: Map<string, Map<string, Question>>;
}

/** Progress counts the list computed from its store. */
interface ProgressCounts {
  /** By option value (`''` for All). */
  options: Map<string, TopicProgress>;
  /** By bank id, for the group labels. */
  banks: Map<string, TopicProgress>;
  /** The earliest future due time among the records: when a status changes with time alone. */
  nextChange: number | null;
}

/** Value of the All option; `selected` is empty when it is chosen. */
const ALL = '';

/** `selected` as an attribute: comma-separated values; none (All) removes the attribute. */
const valueListConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | null => (value?.length ? value.join(',') : null),
};

/** How many questions list each topic; a question with several topics counts in each. */
/** Calls `visit` once per distinct topic: a topic listed twice counts once. Lists are short, so looking back beats a Set per question. */
function eachTopicOnce(topics: readonly string[], visit: (topic: string) => void): void {
  for (let i = 0; i < topics.length; i++) if (topics.indexOf(topics[i]!) === i) visit(topics[i]!);
}

function countsByTopic(bank: Bank): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of bank.questions) eachTopicOnce(question.topics, (topic) => counts.set(topic, (counts.get(topic) ?? 0) + 1));
  return counts;
}

function modelOf(banks: readonly Bank[], grouped: boolean, failures: TopicModel['failures']): TopicModel {
  const groups = banks.map((bank): TopicGroup => {
    const counts = countsByTopic(bank);
    const short = typeof bank.shortTitle === 'string' ? bank.shortTitle.trim() : '';
    return {
      bankId: bank.id,
      title: short || bank.title,
      fullTitle: short && short !== bank.title ? bank.title : null,
      lang: bank.language,
      count: bank.questions.length,
      options: bank.topics.map((topic) => ({
        value: grouped ? `${bank.id}/${topic.id}` : topic.id,
        label: topic.title,
        lang: bank.language,
        count: counts.get(topic.id) ?? 0,
      })),
    };
  });
  const all: TopicOption = { value: ALL, label: '', count: groups.reduce((sum, group) => sum + group.count, 0) };
  const shown = groups.filter((group) => group.options.length > 0);
  return { grouped, all, groups: shown, options: [all, ...shown.flatMap((group) => group.options)], failures, banks };
}

function questionsById(model: TopicModel): Map<string, Map<string, Question>> {
  if (!model.questionsById) {
    const byBank = new Map<string, Map<string, Question>>();
    for (const bank of model.banks) {
      if (byBank.has(bank.id)) continue; // the same bank twice: the first is the one listed
      const byId = new Map<string, Question>();
      for (const question of bank.questions) if (!byId.has(question.id)) byId.set(question.id, question);
      byBank.set(bank.id, byId);
    }
    model.questionsById = byBank;
  }
  return model.questionsById;
}

const noProgress = (): TopicProgress => ({ new: 0, learning: 0, due: 0, mastered: 0 });

/**
 * Counts per option and bank from the store's records: O(records × topics of each), plus one
 * pass over the questions the first time (to find each record's question). Null when no record
 * belongs to a question of the list. A question without a record, or never answered, is new.
 */
function countProgress(model: TopicModel, records: readonly QuestionProgress[], now: number): ProgressCounts | null {
  const lookup = questionsById(model);
  const options = new Map<string, TopicProgress>();
  const banks = new Map<string, TopicProgress>();
  const all = noProgress();
  let matched = 0;
  let nextChange: number | null = null;
  for (const record of records) {
    const question = lookup.get(record.bankId)?.get(record.questionId);
    if (!question) continue;
    matched++;
    const status = statusOf(record, now);
    if (status === 'new') continue;
    if (status !== 'due' && (nextChange === null || record.memory.due < nextChange)) nextChange = record.memory.due;
    all[status]++;
    let bank = banks.get(record.bankId);
    if (!bank) banks.set(record.bankId, (bank = noProgress()));
    bank[status]++;
    eachTopicOnce(question.topics, (topic) => {
      const value = model.grouped ? `${record.bankId}/${topic}` : topic;
      let counts = options.get(value);
      if (!counts) options.set(value, (counts = noProgress()));
      counts[status]++;
    });
  }
  if (matched === 0) return null;
  const fill = (counts: TopicProgress, total: number) => {
    counts.new = Math.max(0, total - counts.learning - counts.due - counts.mastered);
    return counts;
  };
  // A topic without questions has no progress to show.
  const counted = new Map<string, TopicProgress>();
  for (const option of model.options) {
    if (option.count > 0) counted.set(option.value, fill(option.value === ALL ? all : options.get(option.value) ?? noProgress(), option.count));
  }
  const bankCounts = new Map<string, TopicProgress>();
  for (const group of model.groups) if (group.count > 0) bankCounts.set(group.bankId, fill(banks.get(group.bankId) ?? noProgress(), group.count));
  return { options: counted, banks: bankCounts, nextChange };
}

/**
 * The topics of a question bank, or of every bank of a catalog, as a listbox to filter by: each
 * topic with its number of questions, plus All. The counts are plain question counts: every
 * question listing the topic, variants (questions with the same title) included, so a question
 * with two topics counts in both; All counts each question once. Pick one topic, or several with
 * `multiple`; the list fires `quiz-topic-select` when the learner changes the selection.
 *
 * The list is one tab stop (roving tabindex). Keys: Up/Down move, Home/End jump to the ends,
 * typing jumps to the next option whose label starts with the typed text (Chinese too), Enter or
 * Space select; with `multiple` they toggle, and Shift+Up/Down moves and toggles. Focus moving
 * does not select.
 *
 * A parent that already holds the banks (such as `<question-browser>`) passes them in `banks`,
 * and nothing is loaded.
 *
 * Learner progress: from the progress store (the page's for `progress-key`, or `progressStore`;
 * none with `no-progress`), each topic, All and each bank group shows how many of its questions
 * are new, learning, due and mastered: a bar (mastered, learning, due) and a short text ("3 of 12
 * mastered, 2 due"); screen readers get every count as the option's description, its name stays
 * "title, n questions". Shown once any question of the list has progress; counted once per change
 * of the store (O(answered questions)), never per render, and not at all while the store is empty.
 * The list follows the store live. An app that keeps its own counts sets `progress` instead.
 *
 * @summary Pick one or several topics of a question bank or catalog, with question counts.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a catalog, `<script type="text/markdown">` holding a Q&A document (any layout the importer reads), or `<script type="text/gift">` holding Moodle GIFT.
 *
 * @attr {string} lang - UI language (`zh-*`: Chinese, else English); without it the nearest ancestor's `lang`, else the document's (followed when it changes).
 *
 * @csspart base - The outer box.
 * @csspart label - The visible label ("Topics"), which names the listbox.
 * @csspart listbox - The list of options.
 * @csspart group - The options of one bank, when the list shows several banks.
 * @csspart group-label - The bank's title (its `shortTitle` when it has one, the whole title on hover) and question count heading a group.
 * @csspart option - One option, All included.
 * @csspart selected - Added to every selected option: style it with `::part(option selected)`.
 * @csspart title - The topic title of an option.
 * @csspart count - The question count of an option or group.
 * @csspart progress - The learner progress (bar and text) of an option or a bank group.
 * @csspart skeleton - The placeholder while loading.
 * @csspart error - The error message box, also for banks of a catalog that failed.
 * @csspart empty - The message shown when there are no topics.
 * @csspart button - Every button (Retry).
 *
 * @cssprop --quiz-bg - Background.
 * @cssprop --quiz-fg - Text colour.
 * @cssprop --quiz-muted - Secondary text colour (counts, group labels).
 * @cssprop --quiz-border - Border colour.
 * @cssprop --quiz-surface - Background of skeletons, hovered options and the progress track.
 * @cssprop --quiz-accent - Selected options and the learning part of progress bars.
 * @cssprop --quiz-accent-fg - Text on the accent colour.
 * @cssprop --quiz-correct - The mastered part of progress bars.
 * @cssprop --quiz-wrong - Errors and the due part of progress bars.
 * @cssprop --quiz-focus-ring - Focus outline colour.
 * @cssprop --quiz-radius - Corner radius.
 * @cssprop --quiz-space - Base spacing.
 * @cssprop --quiz-font-family - Font family.
 * @cssprop --quiz-font-size - Base font size.
 * @cssprop --quiz-max-width - Maximum width of the list.
 *
 * @fires {QuizTopicSelectEvent} quiz-topic-select - The learner changed the selection. Detail: `{ topics }`, the selected values (`[]` = All). Never fired when code sets `selected`.
 * @fires {QuizErrorEvent} quiz-error - Loading failed, or one bank of a catalog did. Detail: `{ error }`.
 */
@customElement('topic-list')
export class TopicList extends CollectionElement {
  static override styles = [themeStyles, topicListStyles];

  /** Banks a parent has already loaded (`LoadedBank[]` or `Bank[]`, not validated again): nothing is loaded. Several banks are shown as groups. */
  @property({ attribute: false }) override banks?: readonly (LoadedBank | Bank)[];

  /** Selected option values: topic ids, or `bankId/topicId` when several banks are shown; empty means All. Attribute: comma-separated. */
  @property({ converter: valueListConverter, reflect: true }) selected: string[] = [];

  /** Let the learner select several topics. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /**
   * Learner progress per option value (`''` for All), from the app: when set, it replaces the
   * counts the list computes from its progress store, and an option without an entry shows none.
   */
  @property({ attribute: false }) progress?: Readonly<Record<string, TopicProgress>>;

  /** Which learner's (or course's) progress to count: elements with the same key share one store, kept in localStorage. */
  @property({ attribute: 'progress-key' }) progressKey = 'default';

  /** Count no progress: no bars or counts from the store (a `progress` property is still shown). */
  @property({ type: Boolean, attribute: 'no-progress' }) noProgress = false;

  /** A progress store to count from instead of the page's one for `progress-key`. */
  @property({ attribute: false }) progressStore?: ProgressStore;

  /** Visible label and accessible name of the list; default "Topics" in the UI language. */
  @property() label?: string;


  private model: TopicModel | null = null;
  private modelSource: unknown = null;
  /** Counts from the store, for `model`; recounted only when the store, its records or the model change, or time makes a status change. */
  private counts: ProgressCounts | null = null;
  private countsStale = true;
  private readonly progressController = new ProgressController(this, {
    onChange: () => {
      this.countsStale = true;
    },
  });
  /** The keys; the option with the roving tab stop while focus is in the list, else the first selected one. */
  private readonly list = new ListboxController(this, {
    focus: 'roving',
    count: () => this.model?.options.length ?? 0,
    listbox: () => this.renderRoot.querySelector<HTMLElement>('[role="listbox"]'),
    initial: () => Math.max(this.model?.options.findIndex((o) => o.value !== ALL && this.selected.includes(o.value)) ?? 0, 0),
    label: (index) => this.labelOf(this.model!.options[index]!),
    extendsWithShift: () => this.multiple,
    choose: (index) => this.choose(this.model!.options[index]!, index),
  });

  protected override get strings() {
    return collectionStrings(super.strings);
  }

  protected override willUpdate(): void {
    if (this.progressController.sync() !== 'same') this.countsStale = true;
    const source = this.shownBanks;
    if (source !== this.modelSource) {
      this.modelSource = source;
      this.model = source ? modelFrom(source) : null;
      this.countsStale = true;
      for (const failure of this.model?.failures ?? []) this.dispatchEvent(new QuizErrorEvent({ error: failure.error }));
    }
    // An app's own progress wins: the store is then not read at all.
    if (this.countsStale && this.progress === undefined) this.recount();
  }

  private recount(): void {
    this.countsStale = false;
    const model = this.model;
    const progress = model ? readProgress(this.progressController.store) : null;
    this.counts = model && progress ? countProgress(model, progress.records, progress.now) : null;
    this.progressController.refreshAt(this.counts?.nextChange ?? null, () => {
      this.countsStale = true;
      this.requestUpdate();
    });
  }

  /** The progress an option shows: the app's `progress`, else the store's counts. */
  private progressOf(value: string): TopicProgress | undefined {
    return this.progress !== undefined ? this.progress[value] : this.counts?.options.get(value);
  }

  private labelOf(option: TopicOption): string {
    return option.value === ALL ? this.strings.topicAll : option.label;
  }

  // --- selection and focus ------------------------------------------------------------------

  private isSelected(option: TopicOption): boolean {
    return option.value === ALL ? this.selected.length === 0 : this.selected.includes(option.value);
  }

  /** A user action on an option: select it (single), toggle it (multiple), or go back to All. */
  private choose(option: TopicOption, index: number): void {
    const options = this.model?.options ?? [];
    this.list.active = index;
    let next: string[];
    if (option.value === ALL) next = [];
    else if (!this.multiple) next = [option.value];
    else {
      const chosen = new Set(this.selected);
      if (chosen.has(option.value)) chosen.delete(option.value);
      else chosen.add(option.value);
      next = options.filter((o) => chosen.has(o.value)).map((o) => o.value);
    }
    if (next.length === this.selected.length && next.every((value, i) => value === this.selected[i])) return;
    this.selected = next;
    this.dispatchEvent(new QuizTopicSelectEvent({ topics: [...next] }));
  }

  private onClick = (event: MouseEvent): void => {
    const index = this.list.indexOf(event);
    // The browser has focused the clicked option already (it has a tabindex).
    if (index !== undefined) this.choose(this.model!.options[index]!, index);
  };

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.strings;
    return html`
      <div part="base" class="base" lang=${s.lang} aria-busy=${this.loading ? 'true' : 'false'}>
        <div part="label" class="label" id="label">${this.label ?? s.topicListLabel}</div>
        ${this.renderLoaded(() => this.renderModel(), () => this.renderSkeleton(), s.topicListNoSource)}
      </div>
    `;
  }

  private renderSkeleton(): TemplateResult {
    return html`
      <div class="skeleton" part="skeleton">
        <span class="visually-hidden">${this.strings.loading}</span>
        ${[70, 55, 80, 45].map((width) => html`<div class="skeleton-line" style="width: ${width}%"></div>`)}
      </div>
    `;
  }

  private renderRetry(): TemplateResult {
    return html`<div class="actions"><button part="button" type="button" @click=${() => this.loadTask.run()}>${this.strings.retry}</button></div>`;
  }

  private renderFailures(model: TopicModel): TemplateResult | typeof nothing {
    if (model.failures.length === 0) return nothing;
    const s = this.strings;
    // The loader rejects when no bank loads, so the others are on screen: a note, not an alert.
    return html`
      <div part="error" class="error" role="status">
        <p class="message">${s.topicListFailures(model.failures.length)}</p>
        <ul>
          ${model.failures.map(
            ({ entry, error }) => html`<li><span lang=${entry.language}>${entry.title}</span>: ${describeLoadError(error, s).message}</li>`,
          )}
        </ul>
      </div>
      ${this.banks ? nothing : this.renderRetry()}
    `;
  }

  private renderModel(): TemplateResult {
    const model = this.model;
    if (!model) return this.renderSkeleton();
    if (model.options.length === 1) {
      return html`
        ${this.renderFailures(model)}
        <p part="empty" class="empty">${this.strings.topicListEmpty}</p>
      `;
    }
    let index = 1;
    const options = (group: TopicGroup) => group.options.map((option) => this.renderOption(option, index++));
    return html`
      ${this.renderFailures(model)}
      <div part="listbox" class="listbox ${this.multiple ? 'multiple' : ''}" role="listbox" aria-labelledby="label"
        aria-multiselectable=${this.multiple ? 'true' : nothing}
        @keydown=${this.list.onKeyDown} @click=${this.onClick} @focusin=${this.list.onFocusIn} @focusout=${this.list.onFocusOut}>
        ${this.renderOption(model.all, 0)}
        ${model.grouped
          ? model.groups.map((group, g) => {
              const progress = this.progress === undefined ? this.counts?.banks.get(group.bankId) : undefined;
              return html`
                <div part="group" class="group" role="group" aria-labelledby="group-${g}" aria-describedby=${progress ? `group-progress-${g}` : nothing}>
                  <div part="group-label" class="group-label" role="presentation" id="group-${g}">
                    <span lang=${group.lang} title=${group.fullTitle ?? nothing}>${group.title}</span>
                    ${this.renderCount(group.count)}
                    ${progress ? this.renderProgress(progress) : nothing}
                  </div>
                  ${progress ? this.renderProgressDescription(`group-progress-${g}`, group.title, group.lang, progress) : nothing}
                  ${options(group)}
                </div>
              `;
            })
          : model.groups.map(options)}
      </div>
    `;
  }

  private renderCount(count: number): TemplateResult {
    return html`<span part="count" class="count"><span aria-hidden="true">${count}</span><span class="visually-hidden">${this.strings.topicQuestionCount(count)}</span></span>`;
  }

  private renderOption(option: TopicOption, index: number): TemplateResult {
    const selected = this.isSelected(option);
    const progress = this.progressOf(option.value);
    const description = `progress-${index}`;
    return html`
      <div part="option${selected ? ' selected' : ''}" class="option" role="option" data-index=${index}
        data-value=${option.value} aria-selected=${selected ? 'true' : 'false'} tabindex=${this.list.tabIndexOf(index)}
        aria-describedby=${progress ? description : nothing}>
        <span class="check" aria-hidden="true"></span>
        <span part="title" class="title" lang=${option.lang ?? nothing}>${this.labelOf(option)}</span>
        ${this.renderCount(option.count)}
        ${progress ? this.renderProgress(progress) : nothing}
        ${progress ? this.renderProgressDescription(description, this.labelOf(option), option.lang, progress) : nothing}
      </div>
    `;
  }

  /**
   * What the bar and the short text say, in full, for screen readers: the option's (or group's)
   * description, so its name stays "title, n questions". Hidden itself, as the name is made from
   * the option's content; a description may point at hidden text.
   */
  private renderProgressDescription(id: string, label: string, lang: string | undefined, progress: TopicProgress): TemplateResult {
    const s = this.strings;
    const counts = sanitized(progress);
    const total = counts.new + counts.learning + counts.due + counts.mastered;
    // The topic title keeps its language inside the UI's sentence.
    const [before, after] = s.progressBarLabel('\u0000').split('\u0000') as [string, string?];
    return html`<span class="visually-hidden" id=${id} aria-hidden="true">${before}<span lang=${lang ?? nothing}>${label}</span>${after ?? ''}: ${s.progressSummary(counts, total)}</span>`;
  }

  private renderProgress(progress: TopicProgress): TemplateResult {
    const { mastered, learning, due, new: fresh } = sanitized(progress);
    const total = mastered + learning + due + fresh;
    const width = (n: number) => ({ width: `${total ? (n / total) * 100 : 0}%` });
    return html`
      <span part="progress" class="progress" aria-hidden="true">
        <span class="bar" aria-hidden="true">
          <span class="segment mastered" style=${styleMap(width(mastered))}></span>
          <span class="segment learning" style=${styleMap(width(learning))}></span>
          <span class="segment due" style=${styleMap(width(due))}></span>
        </span>
        <span class="progress-text">${this.strings.topicProgress(mastered, total, due)}</span>
      </span>
    `;
  }
}

/** Counts as shown: anything that is not a positive finite number is 0. */
function sanitized(progress: TopicProgress): TopicProgress {
  const n = (value: number) => (Number.isFinite(value) && value > 0 ? value : 0);
  return { new: n(progress.new), learning: n(progress.learning), due: n(progress.due), mastered: n(progress.mastered) };
}

function modelFrom(source: readonly (LoadedBank | Bank)[] | LoadedCollection): TopicModel {
  if (Array.isArray(source)) {
    const banks = (source as readonly (LoadedBank | Bank)[]).map((item) => (isLoadedBank(item) ? item.bank : item));
    return modelOf(banks, banks.length > 1, []);
  }
  const collection = source as LoadedCollection;
  const banks = collection.banks.map((loaded) => loaded.bank);
  return modelOf(banks, Boolean(collection.catalog) || banks.length > 1, collection.failures);
}

declare global {
  interface HTMLElementTagNameMap {
    'topic-list': TopicList;
  }
}
