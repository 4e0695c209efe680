/** What `<question-browser>` holds for one loaded collection, and the questions' keys and row statuses: no DOM, no Lit. */
import type { LoadedCollection } from '../../bank/catalog.js';
import type { LoadedBank } from '../../bank/load.js';
import type { QuestionStatus } from '../../progress/types.js';
import { BrowseQuery, statusIn, type Statuses } from '../../search/browse-query.js';
import type { IndexedQuestion, QuestionIndex, ResultGroup } from '../../search/question-index.js';

type SearchModule = typeof import('../../search/question-index.js');

/** What the browser shows, made once per loaded collection. */
export interface BrowserData {
  banks: readonly LoadedBank[];
  byId: ReadonlyMap<string, LoadedBank>;
  index: QuestionIndex;
  /** Searching, filtering and counting over `index`. */
  browse: BrowseQuery;
  /** `bankId/questionId` → question, for `selected` and deep links; made on first use (not needed to show rows). */
  readonly byKey: ReadonlyMap<string, IndexedQuestion>;
  failures: LoadedCollection['failures'];
}

/** A row's status when its questions differ: the most urgent first. */
const URGENCY: readonly QuestionStatus[] = ['due', 'learning', 'new', 'mastered'];

/** `bankId/questionId`: how `selected`, links and events name a question. */
export function keyOf(entry: IndexedQuestion): string {
  return `${entry.bankId}/${entry.question.id}`;
}

/** Whether `key` names one of the questions of `group`'s title. */
export function groupHolds(group: ResultGroup, key: string | undefined): boolean {
  return key !== undefined && group.variants.some((variant) => keyOf(variant) === key);
}

export function dataOf(collection: LoadedCollection, { createQuestionIndex, questionsOf }: SearchModule): BrowserData {
  const banks = collection.banks;
  const index = createQuestionIndex(questionsOf(banks.map((loaded) => loaded.bank)));
  let byKey: Map<string, IndexedQuestion> | undefined;
  return {
    banks,
    byId: new Map(banks.map((loaded) => [loaded.bank.id, loaded])),
    index,
    browse: new BrowseQuery(index),
    get byKey() {
      if (!byKey) {
        byKey = new Map();
        for (const entry of index.entries) byKey.set(keyOf(entry), entry);
      }
      return byKey;
    },
    failures: collection.failures,
  };
}

/** A row's status: its question's, or the most urgent of its questions'; null while no question of the collection has progress. */
export function rowStatus(group: ResultGroup, statuses: Statuses | null): QuestionStatus | null {
  if (!statuses) return null;
  let best = URGENCY.length - 1;
  for (const member of group.members) {
    best = Math.min(best, URGENCY.indexOf(statusIn(statuses, member)));
    if (best === 0) break;
  }
  return URGENCY[best]!;
}

/** The bank of a question with only that question: what the detail card shows, made once per question. */
export function miniBankOf(data: BrowserData, entry: IndexedQuestion, made: WeakMap<object, LoadedBank>): LoadedBank {
  let mini = made.get(entry.question);
  if (!mini) {
    const loaded = data.byId.get(entry.bankId)!;
    mini = { bank: { ...loaded.bank, questions: [entry.question] }, baseUrl: loaded.baseUrl };
    made.set(entry.question, mini);
  }
  return mini;
}
