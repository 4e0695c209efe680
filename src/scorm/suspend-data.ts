/**
 * Learner progress in `cmi.suspend_data`: a `ProgressExport` as compact JSON that fits the
 * version's limit, so `ProgressStore.importData(text)` reads it back on the next launch.
 */
import type { ProgressExport, QuestionProgress } from '../progress/types.js';
import type { ScormVersion } from './api.js';

/** Characters an LMS must keep in `cmi.suspend_data` (1.2 CMIString4096, 2004 characterstring SPM 64000). */
export const SUSPEND_DATA_LIMIT: Record<ScormVersion, number> = { '1.2': 4096, '2004': 64000 };
/** Characters in `cmi.core.lesson_location` (1.2) / `cmi.location` (2004). */
export const LOCATION_LIMIT: Record<ScormVersion, number> = { '1.2': 255, '2004': 1000 };

/** Reviews kept per question when the whole log does not fit: the memory state carries the rest. */
const REVIEWS_WHEN_SHORT = 1;

/** What `fitSuspendData` produced. */
export interface FittedSuspendData {
  /** JSON of a `ProgressExport`, at most the version's limit long. */
  text: string;
  /** Questions in `text`. */
  kept: number;
  /** Questions left out (the oldest changed first) because they did not fit. */
  omitted: number;
  /** Whether review logs were cut to the newest review to make room (scheduling is unchanged: it reads the memory state). */
  reviewsTrimmed: boolean;
}

/**
 * The progress export as a string under the suspend_data limit of `version`: the whole export
 * when it fits; otherwise each question keeps only its newest review; and when even that is too
 * long, the questions changed most recently are kept, and the JSON says how many were left out
 * (`"omitted": n`, which `importData` ignores). `fitSuspendDataDetails` gives the counts.
 */
export function fitSuspendData(data: ProgressExport, version: ScormVersion, limit = SUSPEND_DATA_LIMIT[version]): string {
  return fitSuspendDataDetails(data, version, limit).text;
}

/**
 * What was saved of the learner's progress (`cmi.suspend_data`) in the form `ProgressStore.importData`
 * takes, or null when nothing was saved. Never throws: text that is no progress export is
 * handed on as it is, so `importData` rejects it with its own message.
 */
export function readSuspendData(text: string): unknown {
  if (!text.trim()) return null;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** `fitSuspendData` with the counts: how many questions were kept and left out. */
export function fitSuspendDataDetails(data: ProgressExport, version: ScormVersion, limit = SUSPEND_DATA_LIMIT[version]): FittedSuspendData {
  const whole = JSON.stringify(data);
  if (whole.length <= limit) return { text: whole, kept: data.questions.length, omitted: 0, reviewsTrimmed: false };

  // Undone reviews go too: they only matter against a copy that still holds those reviews.
  const short = data.questions.map((question): QuestionProgress => {
    const { bankId, questionId, reviews, memory, updatedAt } = question;
    return { bankId, questionId, reviews: reviews.slice(-REVIEWS_WHEN_SHORT), memory, updatedAt };
  });
  // The count of left-out questions is written before the list; its digits are reserved up front.
  const omittedField = (n: number) => (n > 0 ? { omitted: n } : {});
  const empty = JSON.stringify({ ...data, ...omittedField(data.questions.length), questions: [] });
  if (empty.length > limit) return { text: '', kept: 0, omitted: data.questions.length, reviewsTrimmed: true };
  // Newest first; each question costs its JSON plus a comma.
  const byAge = short.map((question, index) => ({ index, question, size: JSON.stringify(question).length })).sort((a, b) => b.question.updatedAt - a.question.updatedAt || a.index - b.index);
  let size = empty.length;
  const chosen = new Set<number>();
  for (const { index, size: cost } of byAge) {
    const extra = cost + (chosen.size > 0 ? 1 : 0);
    if (size + extra > limit) break;
    size += extra;
    chosen.add(index);
  }
  const questions = short.filter((_, index) => chosen.has(index));
  const text = JSON.stringify({ ...data, ...omittedField(data.questions.length - questions.length), questions });
  return { text, kept: questions.length, omitted: data.questions.length - questions.length, reviewsTrimmed: true };
}
