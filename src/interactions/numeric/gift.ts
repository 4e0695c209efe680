/**
 * Numeric in GIFT: `{#9.81:0.05}` (a tolerance), `{#6..12}` (a range), or several weighted
 * answers (`{#=9.81:0.05 =%50%9.8:0.5}`). GIFT has no units and only absolute tolerances.
 */
import type { NumericAnswer } from '../../bank/types.js';
import { readAnswers, round, splitUnescaped } from '../../import/gift-syntax.js';
import type { GiftForm } from '../gift-form.js';

/** One number of a GIFT numeric answer block. */
export interface GiftNumber {
  value?: number;
  tolerance?: number;
  min?: number;
  max?: number;
  weight?: number;
  feedback?: string;
}

/** The numbers of a numeric answer block (after its `#`); `text` converts feedback to markdown. */
export function readNumbers(body: string, text: (s: string) => string): GiftNumber[] {
  const [spec, feedback] = splitUnescaped(body, '#');
  const entries = body.includes('=') ? readAnswers(body).answers.map((a) => ({ spec: a.text, weight: a.weight, feedback: a.feedback })) : [{ spec: spec!, weight: undefined, feedback }];
  const numbers: GiftNumber[] = [];
  for (const entry of entries) {
    const spec = entry.spec.trim();
    const range = /^(-?\d+(?:\.\d+)?)\s*\.\.\s*(-?\d+(?:\.\d+)?)$/.exec(spec);
    const tolerance = /^(-?\d+(?:\.\d+)?)(?:\s*:\s*(\d+(?:\.\d+)?))?$/.exec(spec);
    const extra = { ...(entry.weight === undefined || entry.weight === 100 ? {} : { weight: entry.weight }), ...(entry.feedback ? { feedback: text(entry.feedback) } : {}) };
    if (range) numbers.push({ min: Number(range[1]), max: Number(range[2]), ...extra });
    else if (tolerance) numbers.push({ value: Number(tolerance[1]), ...(tolerance[2] ? { tolerance: Number(tolerance[2]) } : {}), ...extra });
  }
  return numbers;
}

/** A GIFT number as the bank's numeric answer (a tolerance of 0 says nothing). */
export function numericOf(n: GiftNumber): NumericAnswer {
  if (n.min !== undefined) return { min: n.min, max: n.max! };
  return { value: n.value!, ...(n.tolerance ? { tolerance: n.tolerance } : {}) };
}

/** A GIFT number in words, for the importer's warnings. */
export function describeNumber(n: GiftNumber): string {
  if (n.min !== undefined) return `between ${n.min} and ${n.max}`;
  return n.tolerance ? `${n.value} (± ${n.tolerance})` : String(n.value);
}

export const numericGift: GiftForm = (question, lose) => {
  const n = question.numeric;
  if (!n) return null;
  if (n.unit) lose('the unit');
  let spec: string;
  if (n.value === undefined) spec = `${n.min}..${n.max}`;
  else {
    const tolerance = n.tolerance ?? (n.tolerancePercent ? round((Math.abs(n.value) * n.tolerancePercent) / 100) : 0);
    if (n.tolerancePercent) lose('the percent tolerance (written as an absolute one)');
    spec = `${n.value}${tolerance ? `:${tolerance}` : ''}`;
  }
  return { lines: [`\t#${spec}`] };
};
