/** CJK-aware search over questions: substring matching in search form, ranking, grouping, highlighting. No DOM. */
export { highlightRanges } from './highlight.js';
export {
  createQuestionIndex,
  questionsOf,
  type IndexedQuestion,
  type PrepareOptions,
  type QuestionIndex,
  type ResultGroup,
  type ResultRows,
  type SearchFilters,
  type SearchOptions,
  type SearchResult,
} from './question-index.js';
export { parseQuery, searchForm } from './search-form.js';
