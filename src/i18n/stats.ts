import type { UiStrings } from './strings.js';

/** The strings only `<quiz-stats>` uses, in both languages: they ship with its chunk, not with every card. */
export interface StatsStrings {
  /** The visible heading of the element. */
  statsLabel: string;
  /** No src, bank, banks or inline source. */
  statsNoSource: string;
  /** No review yet among the questions shown: what to do. */
  statsEmpty: string;
  /** Heading, summary and table of the due forecast. */
  forecastTitle: (days: number) => string;
  forecastSummary: (due: number, today: number, days: number) => string;
  forecastDay: string;
  forecastDue: string;
  today: string;
  /** A bar's tooltip: "Tue, Nov 24: 3 due". */
  dueOn: (date: string, count: number) => string;
  /** Heading, summary and table of the review calendar. */
  calendarTitle: (weeks: number) => string;
  calendarSummary: (reviews: number, days: number) => string;
  /** Row header of the calendar's table: the week that starts on `date`. */
  weekOf: (date: string) => string;
  /** A cell's tooltip: "Mon, Nov 23: 4 reviews". */
  reviewsOn: (date: string, count: number) => string;
  /** The ends of the calendar's colour scale. */
  fewer: string;
  more: string;
  /** Retention: heading, what the share is made of, and no reviews in the window. */
  retentionTitle: string;
  /** `good` and `easy` are the grade buttons' labels. */
  retentionSummary: (retained: number, reviews: number, days: number, good: string, easy: string) => string;
  retentionNone: (days: number) => string;
  /** Heading of the counts per status. */
  statusTitle: string;
}

const en: StatsStrings = {
  statsLabel: 'Your progress',
  statsNoSource: 'No question bank: give this element a src, bank or banks, or an inline <script type="application/json">.',
  statsEmpty: 'No reviews yet. Answer a few questions and grade how well you knew each one: what is due, the days you practised and how much you remembered will show here.',
  forecastTitle: (days) => `Due in the next ${days} days`,
  forecastSummary: (due, today, days) =>
    due === 0 ? `Nothing is due in the next ${days} days.` : `${due} ${due === 1 ? 'review' : 'reviews'} due, ${today} of them today.`,
  forecastDay: 'Day',
  forecastDue: 'Due',
  today: 'Today',
  dueOn: (date, count) => `${date}: ${count} due`,
  calendarTitle: (weeks) => `Reviews in the last ${weeks} weeks`,
  calendarSummary: (reviews, days) => `${reviews} ${reviews === 1 ? 'review' : 'reviews'} on ${days} ${days === 1 ? 'day' : 'days'}.`,
  weekOf: (date) => `Week of ${date}`,
  reviewsOn: (date, count) => `${date}: ${count} ${count === 1 ? 'review' : 'reviews'}`,
  fewer: 'Fewer',
  more: 'More',
  retentionTitle: 'Retention',
  retentionSummary: (retained, reviews, days, good, easy) => `${retained} of ${reviews} ${reviews === 1 ? 'review' : 'reviews'} in the last ${days} days were ${good} or ${easy}.`,
  retentionNone: (days) => `No reviews in the last ${days} days.`,
  statusTitle: 'Questions by status',
};

const zhCN: StatsStrings = {
  statsLabel: '学习概况',
  statsNoSource: '没有题库：请为此元素设置 src、bank 或 banks，或内嵌 <script type="application/json">。',
  statsEmpty: '还没有复习记录。先回答几道题，并评价自己掌握得怎么样：这里会显示待复习的题目、每天的练习情况和记忆保持率。',
  forecastTitle: (days) => `未来 ${days} 天待复习`,
  forecastSummary: (due, today, days) => (due === 0 ? `未来 ${days} 天没有待复习的题目。` : `共 ${due} 道待复习，其中今天 ${today} 道。`),
  forecastDay: '日期',
  forecastDue: '待复习',
  today: '今天',
  dueOn: (date, count) => `${date}：${count} 道待复习`,
  calendarTitle: (weeks) => `近 ${weeks} 周的复习`,
  calendarSummary: (reviews, days) => `共复习 ${reviews} 次，分布在 ${days} 天。`,
  weekOf: (date) => `${date} 起的一周`,
  reviewsOn: (date, count) => `${date}：复习 ${count} 次`,
  fewer: '少',
  more: '多',
  retentionTitle: '记忆保持率',
  retentionSummary: (retained, reviews, days, good, easy) => `近 ${days} 天的 ${reviews} 次复习中，${retained} 次评为“${good}”或“${easy}”。`,
  retentionNone: (days) => `近 ${days} 天没有复习。`,
  statusTitle: '各状态题数',
};

const merged = new WeakMap<UiStrings, UiStrings & StatsStrings>();

/** The strings of `<quiz-stats>`: the card's strings of `ui`'s language plus its own. */
export function statsStrings(ui: UiStrings): UiStrings & StatsStrings {
  let strings = merged.get(ui);
  if (!strings) {
    strings = { ...ui, ...(/^zh\b/i.test(ui.lang) ? zhCN : en) };
    merged.set(ui, strings);
  }
  return strings;
}
