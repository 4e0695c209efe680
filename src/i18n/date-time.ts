// Dates for the UI (time.ts has the spans): apart, so the entry file does not carry them.

/**
 * A point in time for a sentence such as "Next review: in 2 days (Wed 25 Nov, 10:00)": weekday,
 * day, month and time in `locale` (the year too when it is not the year of `now`). An unknown
 * or malformed locale falls back to `fallback`.
 */
export function formatDateTime(at: number, locale: string, fallback: string, now: number = Date.now()): string {
  let tag = locale || fallback;
  try {
    Intl.DateTimeFormat.supportedLocalesOf(tag);
  } catch {
    tag = fallback; // a lang attribute that is not a BCP 47 tag
  }
  // "10:00" and "09:05" on a 24-hour clock, but "9:05 AM" rather than "09:05 AM" on a 12-hour one.
  const cycle = new Intl.DateTimeFormat(tag, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const hour = cycle === 'h11' || cycle === 'h12' ? 'numeric' : '2-digit';
  const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', hour, minute: '2-digit' };
  if (new Date(at).getFullYear() !== new Date(now).getFullYear()) options.year = 'numeric';
  return new Intl.DateTimeFormat(tag, options).format(at);
}
