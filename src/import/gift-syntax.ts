/**
 * GIFT's text rules, shared by the importer (`gift.ts`) and each question type's GIFT form
 * (`src/interactions/<type>/gift.ts`): escapes, splitting at unescaped marks, and the answers of
 * an answer block.
 */

export interface RawAnswer {
  mark: '=' | '~';
  weight?: number;
  text: string;
  feedback?: string;
}

/** The index of the first unescaped `char` at or after `from`, or -1; escapes are kept for the caller to undo. */
export function unescapedIndex(text: string, char: string, from = 0): number {
  for (let i = from; i < text.length; i++) {
    if (text[i] === '\\') {
      i++;
      continue;
    }
    if (text.startsWith(char, i)) return i;
  }
  return -1;
}

/** `text` split at unescaped `char` (a backslash escapes the next character, itself included). */
export function splitUnescaped(text: string, char: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = unescapedIndex(text, char); at >= 0; at = unescapedIndex(text, char, at + char.length)) {
    parts.push(text.slice(from, at));
    from = at + char.length;
  }
  parts.push(text.slice(from));
  return parts;
}

/** GIFT escapes undone: `\~ \= \# \{ \} \: \\` as the character, `\n` as a line break. */
export function unescapeGift(text: string): string {
  return text.replace(/\\([~=#{}:\\n])/g, (_, char: string) => (char === 'n' ? '\n' : char));
}

/** Text with GIFT's special characters escaped and line breaks as `\n`, for export. */
export function escapeGift(text: string): string {
  return text.replace(/[\\~=#{}:]/g, (char) => `\\${char}`).replace(/\r?\n/g, '\\n');
}

/** The answer block's answers (`=right#feedback`, `~%50%partly`, `~wrong`), its general feedback (`####…`) and what comes before that (`core`). */
export function readAnswers(block: string): { answers: RawAnswer[]; general?: string; core: string } {
  let body = block;
  let general: string | undefined;
  const generalAt = unescapedIndex(body, '####');
  if (generalAt >= 0) {
    general = body.slice(generalAt + 4);
    body = body.slice(0, generalAt);
  }
  const answers: RawAnswer[] = [];
  let at = -1;
  let mark: '=' | '~' | null = null;
  const push = (end: number) => {
    if (mark === null) return;
    let text = body.slice(at, end);
    let weight: number | undefined;
    const percent = /^\s*%(-?\d{1,3}(?:\.\d+)?)%/.exec(text);
    if (percent) {
      weight = Number(percent[1]);
      text = text.slice(percent[0].length);
    }
    const hash = unescapedIndex(text, '#');
    const feedback = hash >= 0 ? text.slice(hash + 1) : undefined;
    if (hash >= 0) text = text.slice(0, hash);
    answers.push({ mark, text, ...(weight === undefined ? {} : { weight }), ...(feedback === undefined ? {} : { feedback }) });
  };
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (char === '\\') {
      i++;
      continue;
    }
    if (char === '=' || char === '~') {
      push(i);
      mark = char;
      at = i + 1;
    }
  }
  push(body.length);
  return { answers, core: body.trim(), ...(general === undefined ? {} : { general }) };
}

/** A short answer as GIFT writes it: one that starts like a weight ("%25% off") or holds an arrow (read as matching) has its weight written out. */
export const acceptLine = (text: string) => `\t=${/^%-?\d/.test(text) || text.includes('->') ? '%100%' : ''}${escapeGift(text)}`;

/** A number as GIFT writes it: at most five decimals. */
export function round(value: number): number {
  return Math.round(value * 100000) / 100000;
}
