import type { ProgressFileProblem } from '../progress/record.js';
import type { ImportSummary, QuestionStatus } from '../progress/types.js';

/** Every UI string of the elements; bank text is never translated. */
export interface UiStrings {
  /** BCP 47 tag of these strings, set on the element's UI so screen readers pick the voice. */
  lang: string;
  loading: string;
  retry: string;
  errorTitle: string;
  noSource: string;
  questionNotFound: (id: string, bank: string) => string;
  emptyFilter: (filters: string) => string;
  filterTopic: (topics: string) => string;
  filterKind: (kind: string) => string;
  kindConcept: string;
  kindCoding: string;
  position: (current: number, total: number) => string;
  progressLabel: string;
  previous: string;
  next: string;
  showHint: string;
  hint: string;
  yourAttempt: string;
  attemptPlaceholder: string;
  showAnswer: string;
  answer: string;
  explanation: string;
  example: string;
  gradePrompt: string;
  grades: Record<'again' | 'hard' | 'good' | 'easy', string>;
  undo: string;
  check: string;
  chooseOne: string;
  chooseAll: string;
  correct: string;
  incorrect: string;
  correctAnswerWas: string;
  /** After a check with several right parts (multiple choice, blanks, items, pairs). */
  correctAnswersWere: string;
  /** Between two sentences: a space in English, nothing after Chinese full stops. */
  sentenceGap: string;
  /** The key that shows the answer, as a hint beside the button. */
  spaceKey: string;
  /** A wrong check with attempts left (`max-attempts`). */
  attemptsLeft: (left: number) => string;
  yourChoice: string;
  rightChoice: string;
  score: (right: number, total: number) => string;
  otherAnswers: (count: number) => string;
  variantLabel: (index: number, total: number) => string;
  /** A typed question answered partly right: the share right, in percent. */
  partlyRight: (percent: number) => string;
  tryAgain: string;
  announceAnswerShown: string;
  announceGraded: (grade: string, position: string) => string;
  announceUndone: string;
  announceQuestion: (position: string) => string;
  announceComplete: string;
  keyboardHelp: string;
  copy: string;
  copied: string;
  copyFailed: string;
  code: string;
  table: string;
  newTab: string;
  /** A time span, compact, for grade buttons: "10 min", "3 d", "2.5 mo" (`time.ts` picks the unit). */
  interval: (ms: number) => string;
  /** A time from now: "in 3 days"; "now" for 0 or less. */
  relativeTime: (ms: number) => string;
  /** Read after a grade button's visible interval, for screen readers: "(next review in 3 days)" (`when` from `relativeTime`). */
  gradeNextReview: (when: string) => string;
  /** The status of a question as learner progress has it (badges, filters). */
  statusLabels: Record<QuestionStatus, string>;
  /** `mode="review"`: what the set holds, in the card header. */
  reviewQueue: (due: number, fresh: number) => string;
  /** `mode="review"`: heading when nothing is due and no new question may be added today. */
  reviewEmptyTitle: string;
  /** Storage notes, shown once per page: progress is kept only until the page is left. */
  progressNotSaved: string;
  progressStorageFull: string;
  /** Some stored progress could not be read and was copied aside. */
  progressSetAside: string;
  /** An answer could not be recorded (the scheduler did not load). */
  progressRecordFailed: string;
  /** The button that closes a note. */
  dismiss: string;
  /** `<topic-list>` or `<question-browser>` (loaded on first use from the CDN build) could not be downloaded. */
  elementCodeFailed: (tag: string) => string;
  /** How load errors name a source without a URL: the element's inline script, or a bundled bank. */
  sourceInline: string;
  sourceBundled: (id: string) => string;
  errors: {
    http: (url: string, status: string) => string;
    network: (url: string) => string;
    url: (url: string) => string;
    timeout: (url: string, seconds: number) => string;
    notJson: (url: string) => string;
    notABank: (where: string) => string;
    format: (where: string) => string;
    import: (where: string) => string;
    unknownBundled: (id: string, known: string) => string;
    unknown: string;
  };
}

/** The strings only `<topic-list>` and `<question-browser>` use: they ship with those elements, not with every card. */
export interface CollectionStrings {
  /** `<question-browser>`: label of the status filter, and its option for every status. */
  statusFilterLabel: string;
  statusAll: string;
  /** `<question-browser>`: the action that practises the due questions. */
  reviewDue: (count: number) => string;
  /** Learner progress of a set of questions in one line: "12 of 40 mastered, 3 due, 5 learning, 20 new". */
  progressSummary: (counts: Record<QuestionStatus, number>, total: number) => string;
  /** Accessible name of the progress bar of a topic (or bank). */
  progressBarLabel: (topic: string) => string;
  /** Export and import of progress as a JSON file. */
  exportProgress: string;
  importProgress: string;
  exportedProgress: (questions: number) => string;
  importedProgress: (summary: ImportSummary) => string;
  /** `message` is the store's English explanation (it names what is wrong and where). */
  importProgressFailed: (fileName: string, message: string) => string;
  /** Why a progress file was refused, by `ProgressFileError.problem`; `invalid` gets the English detail after it. */
  progressFileProblems: Record<ProgressFileProblem, string>;
  /** `<topic-list>`: the visible label of the list. */
  topicListLabel: string;
  /** `<topic-list>`: the option that stands for every topic. */
  topicAll: string;
  /** `<topic-list>`: how many questions a topic or bank has, as read out. */
  topicQuestionCount: (count: number) => string;
  /** `<topic-list>`: learner progress of a topic, as read out. */
  topicProgress: (mastered: number, total: number, due: number) => string;
  /** `<topic-list>`: the bank(s) have no topics. */
  topicListEmpty: string;
  /** `<topic-list>`: no src, bank, banks or inline source. */
  topicListNoSource: string;
  /** `<topic-list>`: some banks of a catalog failed; the others are listed. */
  topicListFailures: (count: number) => string;
  /** `<question-browser>`: label of the search field. */
  searchLabel: string;
  /** `<question-browser>`: placeholder of the search field where it has room for about 17rem of text (panels-controller.ts, LONG_PLACEHOLDER_ONE_COLUMN_REM and LONG_PLACEHOLDER_COLUMNS_REM). The "/" key is in the overview's key list. */
  searchPlaceholder: string;
  /** The placeholder of a narrower field (about 6rem of room on a phone). */
  searchPlaceholderShort: string;
  /** `<question-browser>`: label of the kind filter, and its option for every kind. */
  filterKindLabel: string;
  kindAll: string;
  /** `<question-browser>`: label of the bank filter, and its option for every bank. */
  filterBankLabel: string;
  bankAll: string;
  /** `<question-browser>`: accessible name of the result list. */
  resultsLabel: string;
  /** `<question-browser>`: the visible count above the results. */
  resultCount: (questions: number, rows: number) => string;
  /** `<question-browser>`: what screen readers hear once typing or filtering settles. */
  resultAnnouncement: (questions: number, rows: number, query: string) => string;
  /** `<question-browser>`: nothing matches the query and filters. */
  noResults: (query: string) => string;
  /** `<question-browser>`: the search and filters find questions, but none has the chosen status (its label). */
  noStatusResults: (status: string) => string;
  /** `<question-browser>`: a button that clears the query and every filter. */
  clearSearch: string;
  /** `<question-browser>`: the badge of a row that stands for several questions with one title. */
  variantCount: (count: number) => string;
  /** `<question-browser>`: the tab of one variant in the detail pane. */
  variantTab: (index: number) => string;
  /** `<question-browser>`: before the bank title of the shown variant, when variants come from several banks. */
  variantSource: string;
  /** `<question-browser>`: some banks of a catalog failed; the others are shown. */
  browserFailures: (count: number) => string;
  /** `<question-browser>`: accessible name of the variant tabs. */
  variantTabsLabel: string;
  /** `<question-browser>`: the button that closes the detail pane. */
  backToResults: string;
  /** `<question-browser>`: the detail pane before a question is opened. */
  detailEmpty: string;
  /** `<question-browser>`: keys of the result list, read with it. */
  resultsKeyboardHelp: string;
  /** `<question-browser>`: the button that shows the filters and topics below 64rem, and the panel's name. */
  filtersToggle: string;
  /** `<question-browser>`: after the Filters button's name, how many filters are set. */
  filtersActive: (count: number) => string;
  /** `<question-browser>`: closes the Filters panel and goes to the results. */
  showResults: (count: number | null) => string;
  /** `<question-browser>`: in the Filters panel, clears every filter (not the search). */
  clearAll: string;
  /** `<question-browser>`: the ✕ beside the count, while a filter is set. */
  clearFilters: string;
  /** `<question-browser>`: the button and panel with the progress at a glance, Export and Import. */
  progressToggle: string;
  /** `<question-browser>`: the overview's line: how many questions, in how many banks, how many due (null: no progress kept). */
  overviewCount: (questions: number, banks: number, due: number | null) => string;
  /** `<question-browser>`: the overview's name for a collection without a title. */
  overviewTitle: string;
  /** `<question-browser>`: the overview's keys, as [key, what it does]. */
  overviewKeysLabel: string;
  overviewKeys: readonly (readonly [string, string])[];
  /** `<question-browser>`: the Progress panel before the first review. */
  progressNone: string;
}
