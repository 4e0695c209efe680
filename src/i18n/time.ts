/**
 * Time spans for the UI, shared by the locales: each locale only names the units.
 * Spans are compact on purpose (grade buttons): under an hour in minutes, under a day in hours,
 * under 30 days in days, under a year in months, then years; months and years keep one decimal.
 * Dates are in date-time.ts: only a card's progress views show them, and they load later.
 */

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const DAYS_PER_YEAR = 365.25;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

export type IntervalUnit = 'minute' | 'hour' | 'day' | 'month' | 'year';

/** A span of `ms` as one rounded number of one unit, at least 1 minute. */
export function intervalParts(ms: number): { value: number; unit: IntervalUnit } {
  // Each step rounds first, so 59.6 min is "1 h", never "60 min".
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return { value: minutes, unit: 'minute' };
  const hours = Math.round(ms / HOUR);
  if (hours < 24) return { value: hours, unit: 'hour' };
  const days = Math.round(ms / DAY);
  if (days < 30) return { value: days, unit: 'day' };
  if (days < 365) return { value: oneDecimal(days / DAYS_PER_MONTH), unit: 'month' };
  return { value: oneDecimal(days / DAYS_PER_YEAR), unit: 'year' };
}

function oneDecimal(value: number): number {
  return Math.round(value * 10) / 10;
}
