import type { QuestionKind } from '../../bank/types.js';
import { QUESTION_STATUSES, type QuestionStatus } from '../../progress/types.js';

/** What a `<question-browser>` with `sync-url` keeps in the URL hash. */
export interface BrowserState {
  query: string;
  topic: string[];
  kind: QuestionKind | undefined;
  bank: string | undefined;
  /** The learner-status filter. */
  status: QuestionStatus | undefined;
  /** The open question, `bankId/questionId`. */
  open: string | undefined;
}

/** Hash keys, short so links stay readable: `#q=过拟合&topic=basics&status=due&open=llm-fundamentals/q-1abc`. */
const KEYS = { query: 'q', topic: 'topic', kind: 'kind', bank: 'bank', status: 'status', open: 'open' } as const;

/** A status filter value, or undefined for anything else (a typo in a link filters nothing). */
export function statusFrom(value: string | null | undefined): QuestionStatus | undefined {
  return QUESTION_STATUSES.find((status) => status === value);
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
    topic: (params.get(KEYS.topic) ?? '').split(',').map((t) => t.trim()).filter(Boolean),
    kind: kind === 'concept' || kind === 'coding' ? kind : undefined,
    bank: params.get(KEYS.bank) || undefined,
    status: statusFrom(params.get(KEYS.status)),
    open: params.get(KEYS.open) || undefined,
  };
}
