/**
 * Numeric: the learner types a number. Right is an exact value, a value ± a tolerance (absolute or
 * in percent), or a range; an optional unit may be typed after the number. Response: the text typed.
 */
import type { Question } from '../../bank/types.js';
import type { NumericAnswer } from './fields.js';
import { nfkc } from '../../bank/nfkc.js';
import type { Grading, InteractionReport } from '../grading.js';

export type { NumericAnswer } from './fields.js';

/**
 * The number a learner typed, or null. Full-width digits and signs, spaces between thousands,
 * a decimal comma and the question's unit (in any case, with or without a space) are allowed.
 */
export function parseNumber(text: string, unit?: string): number | null {
  let s = nfkc(text).trim().replace(/[\u2212\u2012\u2013]/g, '-');
  if (unit) {
    const u = nfkc(unit).trim().toLowerCase();
    if (u && s.toLowerCase().endsWith(u)) s = s.slice(0, s.length - u.length).trim();
  }
  s = s.replace(/(\d)[\s']+(?=\d{3}\b)/g, '$1');
  // Commas before groups of three digits separate thousands ("6,000", "1,234.5"); another comma is a decimal comma ("3,5").
  if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, '');
  else if (/^[-+]?\d*,\d+$/.test(s)) s = s.replace(',', '.');
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(s)) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

/** The right range, [low, high]. */
export function numericRange(answer: NumericAnswer): [number, number] {
  if (answer.value === undefined) return [answer.min!, answer.max!];
  const spread = answer.tolerance ?? (answer.tolerancePercent !== undefined ? (Math.abs(answer.value) * answer.tolerancePercent) / 100 : 0);
  return [answer.value - spread, answer.value + spread];
}

export function gradeNumeric(question: Question, response: string): Grading {
  const answer = question.numeric;
  const n = answer ? parseNumber(response, answer.unit) : null;
  let right = false;
  if (answer && n !== null) {
    const [low, high] = numericRange(answer);
    // Within rounding of the bounds: 0.1 + 0.2 is 0.3 to a learner.
    const slack = 1e-9 * Math.max(1, Math.abs(low), Math.abs(high));
    right = n >= low - slack && n <= high + slack;
  }
  return { score: right ? 1 : 0, correct: right, parts: [right] };
}

export function reportNumeric(question: Question, response: string | undefined): InteractionReport {
  const answer = question.numeric!;
  const [low, high] = numericRange(answer);
  const n = response === undefined ? null : parseNumber(response, answer.unit);
  return { interactionType: 'numeric', correctResponsesPattern: [low === high ? String(low) : `${low}[:]${high}`], response: n === null ? (response ?? '') : String(n) };
}

/** The answer as a reader writes it: "9.81 ± 0.05 m/s²", "20 ± 5%", "1 – 2 kg". */
export function numericAnswerText(answer: NumericAnswer): string {
  const unit = answer.unit ? ` ${answer.unit}` : '';
  if (answer.value === undefined) return `${answer.min} – ${answer.max}${unit}`;
  if (answer.tolerance) return `${answer.value} ± ${answer.tolerance}${unit}`;
  if (answer.tolerancePercent) return `${answer.value}${unit} ± ${answer.tolerancePercent}%`;
  return `${answer.value}${unit}`;
}
