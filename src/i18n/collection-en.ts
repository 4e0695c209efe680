import type { CollectionStrings } from './strings.js';

/** "Could not import …: <message>." with exactly one full stop. */
const sentence = (text: string) => text.trim().replace(/[.。]+$/, '');

/** English strings of `<topic-list>` and `<question-browser>`. */
export const enCollection: CollectionStrings = {
  statusFilterLabel: 'Status',
  statusAll: 'Any status',
  reviewDue: (count) => `Review due (${count})`,
  progressSummary: (counts, total) => `${counts.mastered} of ${total} mastered, ${counts.due} due, ${counts.learning} learning, ${counts.new} new`,
  progressBarLabel: (topic) => `Progress in ${topic}`,
  exportProgress: 'Export progress',
  importProgress: 'Import progress…',
  exportedProgress: (questions) => `Exported the progress of ${questions} ${questions === 1 ? 'question' : 'questions'}.`,
  importedProgress: ({ added, updated, kept }) => `Imported: ${added} added, ${updated} updated, ${kept} already up to date`,
  importProgressFailed: (fileName, message) => `Could not import "${fileName}": ${sentence(message)}. Choose a file made by Export progress.`,
  progressFileProblems: {
    'not-json': 'the file is not JSON text (it may be damaged or cut short)',
    'not-progress': 'it is not a progress export',
    'newer-format': 'it was exported by a newer version of quiz-elements',
    invalid: 'part of it is not valid',
  },
  topicListLabel: 'Topics',
  topicAll: 'All',
  topicQuestionCount: (count) => `${count} ${count === 1 ? 'question' : 'questions'}`,
  topicProgress: (mastered, total, due) => `${mastered} of ${total} mastered${due > 0 ? `, ${due} due` : ''}`,
  topicListEmpty: 'There are no topics to choose from: the bank has none yet.',
  topicListNoSource: 'No question bank: give this element a src, bank or banks, or an inline <script type="application/json">.',
  topicListFailures: (count) => `${count === 1 ? 'One bank' : `${count} banks`} could not be loaded, so ${count === 1 ? 'its' : 'their'} topics are missing:`,
  searchLabel: 'Search questions',
  searchPlaceholder: 'Search titles, prompts, answers…',
  searchPlaceholderShort: 'Search…',
  filterKindLabel: 'Kind',
  kindAll: 'All kinds',
  filterBankLabel: 'Bank',
  bankAll: 'All banks',
  resultsLabel: 'Questions',
  resultCount: (questions, rows) => `${questions} ${questions === 1 ? 'question' : 'questions'}${rows !== questions ? ` under ${rows} ${rows === 1 ? 'title' : 'titles'}` : ''}`,
  resultAnnouncement: (questions, rows, query) =>
    questions === 0
      ? `No questions${query ? ` match “${query}”` : ''}.`
      : `${questions} ${questions === 1 ? 'question' : 'questions'}${rows !== questions ? ` under ${rows} ${rows === 1 ? 'title' : 'titles'}` : ''}${query ? ` match “${query}”` : ''}.`,
  noResults: (query) => (query ? `No question matches “${query}” with these filters. Try fewer words, another spelling, or All topics.` : 'No question matches these filters. Choose All topics or another kind.'),
  noStatusResults: (status) => `None of these questions has the status “${status}” now. Choose “Any status” to see them all.`,
  clearSearch: 'Clear search and filters',
  variantCount: (count) => `${count} variants`,
  variantTab: (index) => `Variant ${index}`,
  variantSource: 'From',
  browserFailures: (count) => `${count === 1 ? 'One bank' : `${count} banks`} could not be loaded, so ${count === 1 ? 'its' : 'their'} questions are missing:`,
  variantTabsLabel: 'Variants of this question',
  backToResults: 'Back to results',
  detailEmpty: 'Open a question from the list to practise it here.',
  resultsKeyboardHelp: 'Up and Down move, Enter opens, / searches.',
  filtersToggle: 'Filters',
  filtersActive: (count) => `${count} active`,
  showResults: (count) => (count === null ? 'Show results' : `Show ${count} ${count === 1 ? 'question' : 'questions'}`),
  clearAll: 'Clear all',
  clearFilters: 'Clear filters',
  progressToggle: 'Progress',
  overviewCount: (questions, banks, due) =>
    `${questions} ${questions === 1 ? 'question' : 'questions'} in ${banks} ${banks === 1 ? 'bank' : 'banks'}${due === null ? '' : ` · ${due} due`}`,
  overviewTitle: 'Questions',
  overviewKeysLabel: 'Keys',
  overviewKeys: [
    ['/', 'search'],
    ['↑ ↓', 'move in the results'],
    ['Enter', 'open a question'],
    ['Esc', 'close it'],
  ],
  progressNone: 'No reviews yet: open a question, show its answer and grade it, and your progress shows here.',
};
