import { initialState, Task, TaskStatus } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import type { CatalogFailure, LoadedCollection } from '../../bank/catalog.js';
import type { LoadedBank } from '../../bank/load.js';
import type { Bank } from '../../bank/types.js';
import { QuizErrorEvent } from '../../events/quiz-error.js';
import { QuizTopicSelectEvent } from '../../events/quiz-topic-select.js';
import { themeStyles } from '../../styles/theme.styles.js';
import { isLoadedBank, loadCollectionOf } from '../collection-source.js';
import { describeLoadError } from '../load-error-message.js';
import { PageContextController } from '../page-context.js';
import { topicListStyles } from './topic-list.styles.js';

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
  title: string;
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
}

/** Value of the All option; `selected` is empty when it is chosen. */
const ALL = '';
/** Typed characters further apart than this start a new type-ahead search. */
const TYPE_AHEAD_MS = 500;

/** `selected` as an attribute: comma-separated values; none (All) removes the attribute. */
const valueListConverter = {
  fromAttribute: (value: string | null): string[] => (value ?? '').split(',').map((v) => v.trim()).filter(Boolean),
  toAttribute: (value: readonly string[] | undefined): string | null => (value?.length ? value.join(',') : null),
};

/** How many questions list each topic; a question with several topics counts in each. */
function countsByTopic(bank: Bank): Map<string, number> {
  const counts = new Map<string, number>();
  for (const question of bank.questions) {
    const { topics } = question;
    for (let i = 0; i < topics.length; i++) {
      const topic = topics[i]!;
      // A topic listed twice counts once; lists are short, so looking back beats a Set per question.
      if (topics.indexOf(topic) === i) counts.set(topic, (counts.get(topic) ?? 0) + 1);
    }
  }
  return counts;
}

function modelOf(banks: readonly Bank[], grouped: boolean, failures: TopicModel['failures']): TopicModel {
  const groups = banks.map((bank): TopicGroup => {
    const counts = countsByTopic(bank);
    return {
      title: bank.title,
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
  return { grouped, all, groups: shown, options: [all, ...shown.flatMap((group) => group.options)], failures };
}

/** The form under which typed text and labels are compared: width- and case-insensitive. */
function searchable(text: string): string {
  return text.normalize('NFKC').toLocaleLowerCase();
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
 * @summary Pick one or several topics of a question bank or catalog, with question counts.
 *
 * @slot - Optional inline source: `<script type="application/json">` holding a bank or a catalog, or `<script type="text/markdown">` holding a Q&A document.
 *
 * @csspart base - The outer box.
 * @csspart label - The visible label ("Topics"), which names the listbox.
 * @csspart listbox - The list of options.
 * @csspart group - The options of one bank, when the list shows several banks.
 * @csspart group-label - The bank title and question count heading a group.
 * @csspart option - One option, All included.
 * @csspart selected - Added to every selected option: style it with `::part(option selected)`.
 * @csspart title - The topic title of an option.
 * @csspart count - The question count of an option or group.
 * @csspart progress - An option's learner progress (bar and text), shown only when `progress` has an entry for it.
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
export class TopicList extends LitElement {
  static override styles = [themeStyles, topicListStyles];

  /** URL of a bank JSON, a catalog JSON or a `.md` Q&A document, resolved against the page. */
  @property() src?: string;

  /** Id of a bundled bank or `*` for every bundled bank (attribute), or a bank or catalog object (property). */
  @property({ attribute: 'bank' }) bank?: string | Bank | Record<string, unknown>;

  /** Banks a parent has already loaded (`LoadedBank[]` or `Bank[]`, not validated again): nothing is loaded. Several banks are shown as groups. */
  @property({ attribute: false }) banks?: readonly (LoadedBank | Bank)[];

  /** Selected option values: topic ids, or `bankId/topicId` when several banks are shown; empty means All. Attribute: comma-separated. */
  @property({ converter: valueListConverter, reflect: true }) selected: string[] = [];

  /** Let the learner select several topics. */
  @property({ type: Boolean, reflect: true }) multiple = false;

  /** Learner progress per option value (`''` for All); an option without an entry shows none. */
  @property({ attribute: false }) progress?: Readonly<Record<string, TopicProgress>>;

  /** Visible label and accessible name of the list; default "Topics" in the UI language. */
  @property() label?: string;

  /** Milliseconds before a hanging load gives up. */
  @property({ type: Number }) timeout = 15_000;

  /** Force `light` or `dark`; by default the list follows the system preference. */
  @property({ reflect: true }) theme?: 'light' | 'dark';

  /** The option with the roving tab stop while focus is in the list; otherwise the first selected one has it. */
  @state() private activeValue: string | null = null;

  private model: TopicModel | null = null;
  private modelSource: unknown = null;
  private typed = '';
  private typedAt = -Infinity;
  private readonly context = new PageContextController(this);

  private readonly loadTask = new Task(this, {
    task: async ([banks, src, bank, inline, timeout], { signal }): Promise<LoadedCollection | typeof initialState> => {
      if (banks) return initialState;
      const collection = await loadCollectionOf({ src, bank, inline, timeout }, signal);
      if (!collection) throw new MissingSourceError();
      return collection;
    },
    args: () => [this.banks, this.src, this.bank, this.context.inline, this.timeout] as const,
    onError: (error) => {
      if ((error as Error)?.name !== 'AbortError') this.dispatchEvent(new QuizErrorEvent({ error }));
    },
  });

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.context.updateLanguage();
  }

  private get strings() {
    return this.context.strings;
  }

  protected override willUpdate(): void {
    const source = this.banks ?? (this.loadTask.status === TaskStatus.COMPLETE ? this.loadTask.value : undefined);
    if (source === this.modelSource) return;
    this.modelSource = source;
    this.model = source ? modelFrom(source) : null;
    for (const failure of this.model?.failures ?? []) this.dispatchEvent(new QuizErrorEvent({ error: failure.error }));
  }

  private labelOf(option: TopicOption): string {
    return option.value === ALL ? this.strings.topicAll : option.label;
  }

  // --- selection and focus ------------------------------------------------------------------

  private isSelected(option: TopicOption): boolean {
    return option.value === ALL ? this.selected.length === 0 : this.selected.includes(option.value);
  }

  /** Index of the option holding the tab stop. */
  private get activeIndex(): number {
    const options = this.model?.options ?? [];
    const active = this.activeValue === null ? -1 : options.findIndex((o) => o.value === this.activeValue);
    if (active >= 0) return active;
    const selected = options.findIndex((o) => o.value !== ALL && this.selected.includes(o.value));
    return Math.max(selected, 0);
  }

  private moveTo(index: number, toggle = false): void {
    const options = this.model?.options ?? [];
    const target = options[Math.min(Math.max(index, 0), options.length - 1)];
    if (!target) return;
    const moved = target.value !== options[this.activeIndex]?.value;
    this.activeValue = target.value;
    if (toggle && moved) this.choose(target);
    void this.focusActive();
  }

  /** Moves DOM focus to the option with the tab stop once it is rendered. */
  private async focusActive(): Promise<void> {
    await this.updateComplete;
    const option = this.renderRoot.querySelector<HTMLElement>('[role="option"][tabindex="0"]');
    if (option && this.shadowRoot!.activeElement !== option) option.focus();
  }

  /** A user action on an option: select it (single), toggle it (multiple), or go back to All. */
  private choose(option: TopicOption): void {
    const options = this.model?.options ?? [];
    this.activeValue = option.value;
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

  private optionOf(event: Event): TopicOption | undefined {
    const element = event.composedPath().find((node): node is HTMLElement => node instanceof HTMLElement && node.getAttribute('role') === 'option');
    const index = Number(element?.dataset.index);
    return element ? this.model?.options[index] : undefined;
  }

  private onClick = (event: MouseEvent): void => {
    const option = this.optionOf(event);
    // The browser has focused the clicked option already (it has a tabindex).
    if (option) this.choose(option);
  };

  private onFocusIn = (event: FocusEvent): void => {
    const option = this.optionOf(event);
    if (option) this.activeValue = option.value;
  };

  private onFocusOut = (event: FocusEvent): void => {
    const listbox = event.currentTarget as HTMLElement;
    // Leaving the list hands the tab stop back to the first selected option, as the APG listbox does.
    if (!(event.relatedTarget instanceof Node && listbox.contains(event.relatedTarget))) this.activeValue = null;
  };

  private onKeyDown = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey || event.isComposing || !this.model) return;
    const options = this.model.options;
    const index = this.activeIndex;
    const typing = event.timeStamp - this.typedAt <= TYPE_AHEAD_MS && this.typed !== '';
    const extend = this.multiple && event.shiftKey;
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
        this.moveTo(options.length - 1);
        break;
      case 'Enter':
        this.choose(options[index]!);
        break;
      case ' ':
        // Within a type-ahead burst a space is part of the label being typed.
        if (typing) this.typeAhead(event.key, event.timeStamp);
        else this.choose(options[index]!);
        break;
      default:
        if ([...event.key].length !== 1) return;
        this.typeAhead(event.key, event.timeStamp);
        event.preventDefault();
        return;
    }
    if (event.key !== ' ' || !typing) this.typed = '';
    event.preventDefault();
  };

  /** Moves to the next option whose label starts with the characters typed in this burst. */
  private typeAhead(char: string, timeStamp: number): void {
    if (timeStamp - this.typedAt > TYPE_AHEAD_MS) this.typed = '';
    this.typedAt = timeStamp;
    this.typed += char;
    const options = this.model!.options;
    const current = this.activeIndex;
    const find = (text: string, from: number): number => {
      const wanted = searchable(text);
      for (let step = 0; step < options.length; step++) {
        const i = (from + step) % options.length;
        if (searchable(this.labelOf(options[i]!)).startsWith(wanted)) return i;
      }
      return -1;
    };
    // A longer search may stay on the current option; a first character moves past it.
    let found = find(this.typed, this.typed === char ? current + 1 : current);
    // Pressing one character again and again cycles through the options that start with it.
    const chars = [...this.typed];
    if (found < 0 && chars.every((c) => c === chars[0])) found = find(chars[0]!, current + 1);
    if (found >= 0) this.moveTo(found);
  }

  // --- rendering ----------------------------------------------------------------------------

  protected override render(): TemplateResult {
    const s = this.strings;
    const busy = !this.banks && this.loadTask.status === TaskStatus.PENDING;
    const content = this.banks
      ? this.renderModel()
      : this.loadTask.render({
          initial: () => this.renderSkeleton(),
          pending: () => this.renderSkeleton(),
          error: (error) => this.renderError(error),
          complete: () => this.renderModel(),
        });
    return html`
      <div part="base" class="base" lang=${s.lang} aria-busy=${busy ? 'true' : 'false'}>
        <div part="label" class="label" id="label">${this.label ?? s.topicListLabel}</div>
        ${content}
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

  private renderError(error: unknown): TemplateResult {
    const s = this.strings;
    const missing = error instanceof MissingSourceError;
    const { message, details } = missing ? { message: s.topicListNoSource, details: '' } : describeLoadError(error, s);
    return html`
      <div part="error" class="error" role="alert">
        <p class="message"><strong>${s.errorTitle}</strong></p>
        <p class="message">${message}</p>
        ${details ? html`<pre>${details}</pre>` : nothing}
      </div>
      ${missing ? nothing : this.renderRetry()}
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
        @keydown=${this.onKeyDown} @click=${this.onClick} @focusin=${this.onFocusIn} @focusout=${this.onFocusOut}>
        ${this.renderOption(model.all, 0)}
        ${model.grouped
          ? model.groups.map(
              (group, g) => html`
                <div part="group" class="group" role="group" aria-labelledby="group-${g}">
                  <div part="group-label" class="group-label" role="presentation" id="group-${g}">
                    <span lang=${group.lang}>${group.title}</span>
                    ${this.renderCount(group.count)}
                  </div>
                  ${options(group)}
                </div>
              `,
            )
          : model.groups.map(options)}
      </div>
    `;
  }

  private renderCount(count: number): TemplateResult {
    return html`<span part="count" class="count"><span aria-hidden="true">${count}</span><span class="visually-hidden">${this.strings.topicQuestionCount(count)}</span></span>`;
  }

  private renderOption(option: TopicOption, index: number): TemplateResult {
    const selected = this.isSelected(option);
    const progress = this.progress?.[option.value];
    return html`
      <div part="option${selected ? ' selected' : ''}" class="option" role="option" data-index=${index}
        data-value=${option.value} aria-selected=${selected ? 'true' : 'false'} tabindex=${index === this.activeIndex ? 0 : -1}>
        <span class="check" aria-hidden="true"></span>
        <span part="title" class="title" lang=${option.lang ?? nothing}>${this.labelOf(option)}</span>
        ${this.renderCount(option.count)}
        ${progress ? this.renderProgress(progress) : nothing}
      </div>
    `;
  }

  private renderProgress(progress: TopicProgress): TemplateResult {
    const counts = [progress.mastered, progress.learning, progress.due, progress.new].map((n) => (Number.isFinite(n) && n > 0 ? n : 0));
    const [mastered, learning, due] = counts as [number, number, number, number];
    const total = counts.reduce((sum, n) => sum + n, 0);
    const width = (n: number) => ({ width: `${total ? (n / total) * 100 : 0}%` });
    return html`
      <span part="progress" class="progress">
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

function modelFrom(source: readonly (LoadedBank | Bank)[] | LoadedCollection): TopicModel {
  if (Array.isArray(source)) {
    const banks = (source as readonly (LoadedBank | Bank)[]).map((item) => (isLoadedBank(item) ? item.bank : item));
    return modelOf(banks, banks.length > 1, []);
  }
  const collection = source as LoadedCollection;
  const banks = collection.banks.map((loaded) => loaded.bank);
  return modelOf(banks, Boolean(collection.catalog) || banks.length > 1, collection.failures);
}

/** No src, bank, banks or inline source: a page-author mistake, reported without a Retry button. */
class MissingSourceError extends Error {
  constructor() {
    super('no question source');
    this.name = 'MissingSourceError';
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'topic-list': TopicList;
  }
}
