import type { BrowseFilter } from '../../search/browse-query.js';
import { QUESTION_STATUSES, type QuestionStatus } from '../../progress/types.js';

/**
 * Everything a `<question-browser>` shows that a link can name: its search and filters (one
 * `BrowseFilter`, what `BrowseQuery` lists) and the open question. What `sync-url` keeps in the
 * hash; a new filter is a field of `BrowseFilter` and a key below.
 */
export interface BrowserState extends BrowseFilter {
  /** The open question, `bankId/questionId`. */
  open: string | undefined;
}

/** No search, no filter: what Clear search and filters goes back to. */
export const NO_FILTER: BrowseFilter = { query: '', topic: [], kind: undefined, bank: undefined, status: undefined };

/** Hash keys, short so links stay readable: `#q=过拟合&topic=basics&status=due&open=llm-fundamentals/q-1abc`. */
const KEYS = { query: 'q', topic: 'topic', kind: 'kind', bank: 'bank', status: 'status', open: 'open' } as const satisfies Record<keyof BrowserState, string>;

/** A status filter value, or undefined for anything else (a typo in a link filters nothing). */
export function statusFrom(value: string | null | undefined): QuestionStatus | undefined {
  return QUESTION_STATUSES.find((status) => status === value);
}

/** Topic ids from a comma-separated list (an attribute, a link) or an array; blanks dropped. */
export function topicsFrom(value: string | readonly string[] | null | undefined): string[] {
  const ids = typeof value === 'string' ? value.split(',') : [...(value ?? [])];
  return ids.map((id) => id.trim()).filter(Boolean);
}

/** The hash for `state` (with `#`), or `''` when nothing is set. */
export function hashOf(state: BrowserState): string {
  const params = new URLSearchParams();
  if (state.query) params.set(KEYS.query, state.query);
  if (state.topic.length) params.set(KEYS.topic, state.topic.join(','));
  if (state.kind) params.set(KEYS.kind, state.kind);
  if (state.bank) params.set(KEYS.bank, state.bank);
  if (state.status) params.set(KEYS.status, state.status);
  if (state.open) params.set(KEYS.open, state.open);
  const text = params.toString().replace(/\+/g, '%20');
  return text ? `#${text}` : '';
}

/** The state a hash describes, or null when it holds none of the browser's keys (an empty hash or a page anchor). */
export function stateFromHash(hash: string): BrowserState | null {
  const text = hash.replace(/^#/, '');
  if (!text.includes('=')) return null;
  const params = new URLSearchParams(text);
  if (!Object.values(KEYS).some((key) => params.has(key))) return null;
  const kind = params.get(KEYS.kind);
  return {
    query: params.get(KEYS.query) ?? '',
    topic: topicsFrom(params.get(KEYS.topic)),
    kind: kind === 'concept' || kind === 'coding' ? kind : undefined,
    bank: params.get(KEYS.bank) || undefined,
    status: statusFrom(params.get(KEYS.status)),
    open: params.get(KEYS.open) || undefined,
  };
}

/** `query` as an attribute: removing it empties the search; an empty search removes it. */
export const queryConverter = {
  fromAttribute: (value: string | null): string => value ?? '',
  toAttribute: (value: string | undefined): string | null => value || null,
};

/** `topic` as an attribute: comma-separated ids; none removes it. */
export const topicListConverter = {
  fromAttribute: (value: string | null): string[] => topicsFrom(value),
  toAttribute: (value: readonly string[] | undefined): string | null => (value?.length ? value.join(',') : null),
};
