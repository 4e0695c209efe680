/** A fill-in question's own fields and where its blanks are: what the bank validator needs (no grading). */
import { array, boolean, line, optional, record, type Schema } from '../../bank/schema.js';

export interface Blank {
  /** The answers this blank accepts (at least one); the first is the one shown as right. */
  accept: string[];
  /** Keep upper and lower case apart when checking (default: ignore case). */
  caseSensitive?: boolean;
  [extra: string]: unknown;
}

const blank = record({
  accept: array(line, (accept, path, issues) => {
    if (accept.length < 1) issues.push({ path, message: 'expected at least one accepted answer' });
  }),
  caseSensitive: optional(boolean),
});

export const fillInFields: Record<string, Schema> = {
  blanks: array(blank, (blanks, path, issues) => {
    if (blanks.length < 1) issues.push({ path, message: 'expected at least one blank' });
  }),
  typos: optional(boolean),
};

/** A blank in the prompt: three or more underscores (not inside `code`). */
const BLANK = /_{3,}/g;
/** Code spans and fenced blocks, where underscores are code, not blanks. */
const CODE = /(`+)[\s\S]*?\1|^(?:```|~~~)[\s\S]*?^(?:```|~~~)/gm;

/** The prompt cut at its blanks: text, blank, text, … (the texts are one more than the blanks). */
export function splitAtBlanks(prompt: string): string[] {
  const pieces: string[] = [];
  let from = 0;
  let code = 0;
  const spans = [...prompt.matchAll(CODE)].map((m) => [m.index!, m.index! + m[0].length] as const);
  for (const match of prompt.matchAll(BLANK)) {
    const at = match.index!;
    while (code < spans.length && spans[code]![1] <= at) code++;
    if (code < spans.length && spans[code]![0] <= at) continue;
    pieces.push(prompt.slice(from, at));
    from = at + match[0].length;
  }
  pieces.push(prompt.slice(from));
  return pieces;
}

/** How many blanks the prompt marks with `___`. */
export const blanksInPrompt = (prompt: string): number => splitAtBlanks(prompt).length - 1;

/** Checks that the prompt marks no blanks, or exactly as many as `blanks` lists. */
export function checkFillIn(question: { prompt: string; blanks: unknown[] }, path: string, issues: { path: string; message: string }[]): void {
  const marked = blanksInPrompt(question.prompt);
  const listed = question.blanks.length;
  if (marked !== 0 && marked !== listed)
    issues.push({
      path: `${path}.blanks`,
      message: `the prompt marks ${marked} blank${marked === 1 ? '' : 's'} (___) but "blanks" lists ${listed}; give one entry per ___, or take the ___ out to ask the blanks after the prompt`,
    });
}
