/**
 * Learner progress at a glance, from the store's records (`<quiz-stats>` draws it): the reviews
 * due on each of the next days, the reviews given on each of the last weeks, the share of them
 * answered Good or Easy, and how many questions have each status (`statusOf`, as every element).
 *
 * Days are the learner's local days (the time zone of the environment, as `Date` has it): a day
 * starts at local midnight, so around a change of summer time it lasts 23 or 25 hours. Pure and
 * free of the DOM; `now` is passed in. Records are not trusted: a record or review of the wrong
 * shape (an app's own store, a damaged copy) is left out rather than thrown on.
 */
import { statusOf } from './status.js';
import type { QuestionProgress, QuestionStatus } from './types.js';

/** Days of the due forecast, today first. */
export const FORECAST_DAYS = 30;
/** Weeks of the review calendar, this one last: about four months. */
export const CALENDAR_WEEKS = 17;
/** Local days (today included) whose reviews count towards retention. */
export const RETENTION_DAYS = 30;

/** One local day and how many reviews fell (or fall due) on it. */
export interface StatsDay {
  /** The day's local midnight (or its first hour, where midnight is skipped), ms since the epoch. */
  start: number;
  /** The local date, `YYYY-MM-DD`. */
  date: string;
  /** Day of the week, 0 Sunday to 6 Saturday. */
  weekday: number;
  count: number;
}

export interface Retention {
  /** Reviews in the window. */
  reviews: number;
  /** Of them, answered Good or Easy. */
  retained: number;
  /** `retained / reviews`, from 0 to 1; null without reviews. */
  share: number | null;
  /** Local days of the window, today included. */
  days: number;
}

export interface ProgressStats {
  /** Reviews due per day, today first; today's count includes every overdue question. */
  forecast: StatsDay[];
  /**
   * Reviews given per day over the last weeks, oldest first, from the first day of the oldest
   * week (`weekStart`) to today: day `i` is in week `Math.floor(i / 7)`, row `i % 7`. Days after
   * today are not in it.
   */
  calendar: StatsDay[];
  retention: Retention;
  /** Questions per status; `new` counts questions without a record when `questions` is given. */
  statuses: Record<QuestionStatus, number>;
  /** Reviews in the records, all time (the calendar's and retention's windows aside): none means nothing to chart. */
  reviews: number;
  /** When these numbers next change by time alone (the next local midnight, or a question falling due), ms. */
  nextChange: number;
}

export interface StatsOptions {
  /** Which records count, by question (the questions of the banks shown); default all. */
  includes?: (bankId: string, questionId: string) => boolean;
  /** How many questions there are: those without a record are new. Default: only records count. */
  questions?: number;
  /** First day of the calendar's weeks, 0 Sunday to 6 Saturday; default 1, Monday. */
  weekStart?: number;
  forecastDays?: number;
  calendarWeeks?: number;
  retentionDays?: number;
}

const RETAINED = new Set<unknown>(['good', 'easy']);
const GRADED = new Set<unknown>(['again', 'hard', 'good', 'easy']);

/** The start of each of `count` local days from the day of `at` on (`offset` days later), plus the start of the day after them. */
export function localDayStarts(at: number, count: number, offset = 0): number[] {
  const day = new Date(at);
  const [y, m, d] = [day.getFullYear(), day.getMonth(), day.getDate()];
  // new Date(y, m, d + i) walks calendar days, so a 23- or 25-hour day is one day.
  return Array.from({ length: count + 1 }, (_, i) => new Date(y, m, d + offset + i).getTime());
}

/** The day of `starts` (from `localDayStarts`) that `at` falls on, or -1 before the first or after the last. */
export function dayIndex(starts: readonly number[], at: number): number {
  if (!(at >= starts[0]!) || at >= starts[starts.length - 1]!) return -1;
  let low = 0;
  let high = starts.length - 1;
  while (high - low > 1) {
    const mid = (low + high) >> 1;
    if (starts[mid]! <= at) low = mid;
    else high = mid;
  }
  return low;
}

function days(starts: readonly number[]): StatsDay[] {
  return starts.slice(0, -1).map((start) => {
    const day = new Date(start);
    const date = [day.getFullYear(), day.getMonth() + 1, day.getDate()].map((n, i) => String(n).padStart(i ? 2 : 4, '0')).join('-');
    return { start, date, weekday: day.getDay(), count: 0 };
  });
}

/** Whether `value` looks enough like a record to read: an object with a bank and question id. */
function isRecord(value: unknown): value is QuestionProgress {
  const record = value as QuestionProgress | null;
  return typeof record === 'object' && record !== null && typeof record.bankId === 'string' && typeof record.questionId === 'string';
}

/** The record's memory state can be used for statuses and due times. */
function hasMemory(record: QuestionProgress): boolean {
  const memory = record.memory as QuestionProgress['memory'] | undefined;
  return typeof memory === 'object' && memory !== null && Number.isFinite(memory.due) && [0, 1, 2, 3].includes(memory.state);
}

/**
 * Everything `<quiz-stats>` shows, at `now`: O(records × reviews each), one pass. A record
 * counts when `includes` says so; a question without a usable memory state has no status or due
 * time, but its reviews still count.
 */
export function progressStats(records: Iterable<unknown>, now: number, options: StatsOptions = {}): ProgressStats {
  const { includes, weekStart = 1, forecastDays = FORECAST_DAYS, calendarWeeks = CALENDAR_WEEKS, retentionDays = RETENTION_DAYS } = options;
  const forecastStarts = localDayStarts(now, forecastDays);
  const today = new Date(now).getDay();
  // Back to the first day of this week, then whole weeks before it.
  const back = ((today - weekStart) % 7 + 7) % 7 + (calendarWeeks - 1) * 7;
  const calendarStarts = localDayStarts(now, back + 1, -back);
  const retentionFrom = localDayStarts(now, 1, 1 - retentionDays)[0]!;
  const endOfToday = localDayStarts(now, 1)[1]!;

  const forecast = days(forecastStarts);
  const calendar = days(calendarStarts);
  const statuses: Record<QuestionStatus, number> = { new: 0, learning: 0, due: 0, mastered: 0 };
  const retention: Retention = { reviews: 0, retained: 0, share: null, days: retentionDays };
  let reviews = 0;
  let nextChange = endOfToday;

  for (const record of records) {
    if (!isRecord(record) || (includes && !includes(record.bankId, record.questionId))) continue;
    if (hasMemory(record)) {
      const status = statusOf(record, now);
      statuses[status]++;
      const due = record.memory.due;
      if (status !== 'new') {
        // Overdue questions are today's work: they fold into today's bar.
        const day = due <= now ? 0 : dayIndex(forecastStarts, due);
        if (day >= 0) forecast[day]!.count++;
        if (due > now && due < nextChange) nextChange = due;
      }
    }
    if (!Array.isArray(record.reviews)) continue;
    for (const review of record.reviews) {
      const at = (review as { at?: unknown } | null)?.at;
      if (typeof at !== 'number' || !Number.isFinite(at) || !GRADED.has(review.grade) || at >= endOfToday) continue; // a later clock's review waits for its day
      reviews++;
      const day = dayIndex(calendarStarts, at);
      if (day >= 0) calendar[day]!.count++;
      if (at >= retentionFrom) {
        retention.reviews++;
        if (RETAINED.has(review.grade)) retention.retained++;
      }
    }
  }

  if (options.questions !== undefined) {
    const known = statuses.learning + statuses.due + statuses.mastered;
    statuses.new = Math.max(0, options.questions - known);
  }
  if (retention.reviews) retention.share = retention.retained / retention.reviews;
  return { forecast, calendar, retention, statuses, reviews, nextChange };
}
