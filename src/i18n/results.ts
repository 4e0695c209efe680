/**
 * What the card says once there are results: the summary, an exam's Submit and results, the
 * schedule table and the empty review. These strings come with the chunks that show them
 * (summary, exam, progress views), not with the first question, so the one-card page carries
 * only `UiStrings`. Chinese for any `zh*` UI language, else English.
 */
export interface ResultStrings {
  summaryTitle: string;
  examTitle: string;
  summaryChoices: (right: number, wrong: number, partial: number) => string;
  passed: (percent: number, mark: number) => string;
  failed: (percent: number, mark: number) => string;
  timeTaken: (text: string) => string;
  duration: (ms: number) => string;
  restart: string;
  reviewMissed: (count: number) => string;
  reviewAnswers: string;
  /** Exam: Submit, with how many questions are answered. */
  submit: (answered: number, total: number) => string;
  /** Exam: back from a question to the results. */
  results: string;
  reviewNextDue: (when: string, date: string) => string;
  reviewNewLimitReached: (limit: number, allNew: boolean) => string;
  scheduleTitle: string;
  scheduleQuestion: string;
  scheduleResult: string;
  scheduleNext: string;
  scheduleWhen: (when: string, date: string) => string;
  scheduleNotRecorded: string;
  resultRight: string;
  resultWrong: string;
  resultPartial: string;
}

const en: ResultStrings = {
  summaryTitle: 'Practice complete',
  examTitle: 'Exam results',
  summaryChoices: (right, wrong, partial) => `${right} right, ${partial ? `${partial} partly right, ` : ''}${wrong} wrong`,
  passed: (percent, mark) => `Passed: ${percent}% (pass mark ${mark}%)`,
  failed: (percent, mark) => `Not passed: ${percent}% (pass mark ${mark}%)`,
  timeTaken: (text) => `Time: ${text}`,
  duration: (ms) => {
    const seconds = Math.round(ms / 1000);
    return seconds < 60 ? `${seconds} s` : `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
  },
  restart: 'Restart',
  reviewMissed: (count) => `Review the ones I missed (${count})`,
  reviewAnswers: 'Review answers',
  submit: (answered, total) => `Submit answers (${answered} of ${total} answered)`,
  results: 'Results',
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
  resultPartial: 'Partly right',
};

const zhCN: ResultStrings = {
  summaryTitle: '练习完成',
  examTitle: '考试成绩',
  summaryChoices: (right, wrong, partial) => `答对 ${right} 题，${partial ? `部分答对 ${partial} 题，` : ''}答错 ${wrong} 题`,
  passed: (percent, mark) => `通过：${percent}%（及格线 ${mark}%）`,
  failed: (percent, mark) => `未通过：${percent}%（及格线 ${mark}%）`,
  timeTaken: (text) => `用时：${text}`,
  duration: (ms) => {
    const seconds = Math.round(ms / 1000);
    return seconds < 60 ? `${seconds} 秒` : `${Math.floor(seconds / 60)} 分 ${seconds % 60} 秒`;
  },
  restart: '重新开始',
  reviewMissed: (count) => `复习答错的题（${count}）`,
  reviewAnswers: '查看答题详情',
  submit: (answered, total) => `提交答案（已答 ${answered} / ${total} 题）`,
  results: '查看成绩',
  reviewNextDue: (when, date) => `下次复习：${when}（${date}）。`,
  reviewNewLimitReached: (limit, allNew) =>
    limit === 0
      ? `${allNew ? '这里都是新题，而' : ''}新题已关闭（new-per-day 为 0）。`
      : `${allNew ? '这里都是新题，' : ''}今天的新题上限（${limit} 道）已用完。明天再来学习更多新题。`,
  scheduleTitle: '各题的下次复习时间',
  scheduleQuestion: '题目',
  scheduleResult: '你的回答',
  scheduleNext: '下次复习',
  scheduleWhen: (when, date) => `${when}（${date}）`,
  scheduleNotRecorded: '未记录',
  resultRight: '答对',
  resultWrong: '答错',
  resultPartial: '部分答对',
};

/** The result strings of a UI language tag (as `UiStrings.lang` gives it). */
export function resultStrings(lang: string): ResultStrings {
  return /^zh\b/i.test(lang) ? zhCN : en;
}
