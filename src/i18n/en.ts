import type { UiStrings } from './strings.js';
import { intervalParts, type IntervalUnit } from './time.js';

const SHORT_UNITS: Record<IntervalUnit, string> = { minute: 'min', hour: 'h', day: 'd', month: 'mo', year: 'y' };

const spelledOut = (ms: number) => {
  const { value, unit } = intervalParts(ms);
  return `${value} ${unit}${value === 1 ? '' : 's'}`;
};

export const en: UiStrings = {
  lang: 'en',
  loading: 'Loading questions…',
  retry: 'Retry',
  errorTitle: 'The questions could not be loaded',
  noSource: 'No question bank: give this element a src, bank or question, or an inline <script type="application/json">.',
  questionNotFound: (id, bank) => `There is no question "${id}" in the bank "${bank}". Check the question attribute.`,
  emptyFilter: (filters) => `No questions match ${filters}. Change or remove the filter to practise.`,
  filterTopic: (topics) => `the topic ${topics}`,
  filterKind: (kind) => `the kind "${kind}"`,
  kindConcept: 'Concept',
  kindCoding: 'Coding',
  position: (current, total) => `${current} / ${total}`,
  progressLabel: 'Progress',
  previous: 'Previous',
  next: 'Next',
  showHint: 'Show hint',
  hint: 'Hint',
  yourAttempt: 'Your answer',
  attemptPlaceholder: 'Type your answer before you look (optional)',
  showAnswer: 'Show answer',
  answer: 'Answer',
  explanation: 'Explanation',
  example: 'Example',
  gradePrompt: 'How well did you know it?',
  grades: { again: 'Again', hard: 'Hard', good: 'Good', easy: 'Easy' },
  undo: 'Undo',
  check: 'Check',
  chooseOne: 'Choose one answer',
  chooseAll: 'Choose all correct answers',
  correct: 'Correct',
  incorrect: 'Not quite.',
  correctAnswerWas: 'The correct answer is marked.',
  yourChoice: 'your choice',
  rightChoice: 'correct answer',
  score: (right, total) => `Score: ${right} of ${total}`,
  otherAnswers: (count) => `Other answers (${count})`,
  variantLabel: (index, total) => `Answer ${index} of ${total}`,
  summaryTitle: 'Practice complete',
  summaryGrades: 'Your grades',
  summaryChoices: (right, wrong) => `${right} right, ${wrong} wrong`,
  timeTaken: (text) => `Time: ${text}`,
  duration: (ms) => {
    const seconds = Math.round(ms / 1000);
    return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  },
  restart: 'Restart',
  reviewMissed: (count) => `Review the ones I missed (${count})`,
  tryAgain: 'Try again',
  announceAnswerShown: 'Answer shown.',
  announceGraded: (grade, position) => `Graded ${grade}. Question ${position}.`,
  announceUndone: 'Last grade undone.',
  announceChecked: (correct) => (correct ? 'Correct.' : 'Not quite. The correct answer is marked.'),
  announceQuestion: (position) => `Question ${position}.`,
  announceComplete: 'Practice complete.',
  keyboardHelp: 'Keys: Space shows the answer, 1–4 grade, U undoes, arrows move between questions.',
  copy: 'Copy',
  copied: 'Copied',
  copyFailed: 'Could not copy: the clipboard is not available here.',
  code: 'Code',
  table: 'Table',
  newTab: '(opens in a new tab)',
  interval: (ms) => {
    const { value, unit } = intervalParts(ms);
    return `${value} ${SHORT_UNITS[unit]}`;
  },
  intervalLong: spelledOut,
  relativeTime: (ms) => (ms <= 0 ? 'now' : `in ${spelledOut(ms)}`),
  gradeNextReview: (when) => `(next review ${when})`,
  statusLabels: { new: 'New', learning: 'Learning', due: 'Due', mastered: 'Mastered' },
  reviewQueue: (due, fresh) => `Review: ${due} due, ${fresh} new`,
  reviewEmptyTitle: 'Nothing to review now',
  reviewNextDue: (when, date) => `Next review: ${when} (${date}).`,
  reviewNewLimitReached: (limit, allNew) =>
    limit === 0
      ? `${allNew ? 'All questions here are new, and new' : 'New'} questions are turned off (new-per-day is 0).`
      : `${allNew ? 'All questions here are new, and today' : 'Today'}'s limit of ${limit} new ${limit === 1 ? 'question' : 'questions'} is reached. Come back tomorrow for more.`,
  scheduleTitle: 'When each question comes back',
  scheduleQuestion: 'Question',
  scheduleResult: 'Your answer',
  scheduleNext: 'Next review',
  scheduleWhen: (when, date) => `${when} (${date})`,
  scheduleNotRecorded: 'Not recorded',
  resultRight: 'Right',
  resultWrong: 'Wrong',
  progressNotSaved: "Your progress can't be saved in this browser, so it is kept only until you leave this page.",
  progressStorageFull: "Your progress can't be saved: this browser's storage for this site is full. It is kept until you leave this page.",
  progressSetAside: 'Some saved progress could not be read and was set aside (kept, not deleted).',
  progressRecordFailed: 'Your last answer could not be recorded: part of this page could not be loaded (are you offline?). You can keep practising.',
  dismiss: 'Dismiss',
  elementCodeFailed: (tag) => `The code of <${tag}> could not be loaded. Check the connection, then retry.`,
  errors: {
    http: (url, status) => `The server answered ${status} for ${url}. Check the src URL.`,
    network: (url) => `Could not reach ${url}: the network failed or the server does not allow this page (CORS).`,
    timeout: (url, seconds) => `${url} did not answer within ${seconds} s. Check your connection and retry.`,
    notJson: (url) => `${url} is not JSON (it may be an error page). Check the src URL.`,
    notABank: (where) => `${where} is not a question bank:`,
    format: (where) => `${where} was made for another version of quiz-elements:`,
    import: (where) => `${where} could not be imported from markdown:`,
    unknownBundled: (id, known) => `There is no bundled bank "${id}". Bundled banks: ${known}.`,
    unknown: 'Something went wrong while loading the questions.',
  },
};
