/**
 * A written answer that is only a number: `42`, `= 42`, `9.81 ± 0.05 m/s²`, `9.81 +- 0.05`,
 * `200 ± 5%`, `6..12`, `6 – 12 layers`. A number an author would not write as a quantity
 * (`3.10`, `007`: versions and codes) is not read as one.
 */
import type { NumericAnswer } from '../../bank/types.js';

const NUMBER = String.raw`[-+−]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?`;
/** One word of symbols and letters after the number: `kg`, `m/s²`, `°C`, `%`, `个`. */
const UNIT = '[^\\s\\d±+\\-−–—.,;:!?()[\\]{}<>"\'`*_|=#~\\\\][^\\s±;,!?()[\\]{}<>"\'`*_|=#~\\\\]{0,15}';
const PLUS_MINUS = String.raw`(?:±|\+\s?-|\+\/-)`;

const VALUE = new RegExp(`^(${NUMBER})(?:\\s*${PLUS_MINUS}\\s*(${NUMBER})\\s*(%)?)?(?:\\s*(${UNIT}))?(?:\\s*${PLUS_MINUS}\\s*(${NUMBER})\\s*%)?$`, 'u');
const RANGE = new RegExp(`^(${NUMBER})\\s*(?:\\.\\.|–|—|-|~|～|to|bis|至|到)\\s*(${NUMBER})(?:\\s*(${UNIT}))?$`, 'u');

/** The number as written, or null when writing it back would change it (`3.10`, `007`, `1e21`). */
function quantity(written: string): number | null {
  const plain = written.replace(/,/g, '').replace('−', '-').replace(/^\+/, '');
  const value = Number(plain);
  return Number.isFinite(value) && String(value) === plain ? value : null;
}

/** The numeric answer `text` writes, or null when it is more than a number (with its tolerance, range and unit). */
export function readNumericAnswer(text: string): NumericAnswer | null {
  const body = text.trim().replace(/^=\s*/, '');
  if (!body || body.length > 80 || body.includes('\n')) return null;
  const range = RANGE.exec(body);
  if (range) {
    const min = quantity(range[1]!);
    const max = quantity(range[2]!);
    if (min === null || max === null || min >= max || isUnitWord(range[3])) return null;
    return { min, max, ...(range[3] ? { unit: range[3] } : {}) };
  }
  const single = VALUE.exec(body);
  if (!single) return null;
  const [, written, spread, percentAfterSpread, unit, percent] = single;
  const value = quantity(written!);
  if (value === null || isUnitWord(unit)) return null;
  const answer: NumericAnswer = { value };
  const tolerance = spread === undefined ? (percent === undefined ? null : quantity(percent)) : quantity(spread);
  if ((spread !== undefined || percent !== undefined) && (tolerance === null || tolerance < 0)) return null;
  if (spread !== undefined && percent !== undefined) return null;
  if (tolerance !== null && tolerance > 0) {
    if (percentAfterSpread || percent !== undefined) answer.tolerancePercent = tolerance;
    else answer.tolerance = tolerance;
  }
  if (unit) answer.unit = unit;
  return answer;
}

/** Words that follow a number in a sentence, not a unit ("2 and", "3 or"), and exponents ("1e3"). */
function isUnitWord(unit: string | undefined): boolean {
  return unit !== undefined && (/^(?:and|or|und|oder|y|o|et|ou|和|或)$/i.test(unit) || /^e[-+]?\d/i.test(unit));
}
