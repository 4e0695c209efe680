/**
 * Fill-in blanks written inline as `[[Paris]]` or `[[Paris|paris|Paree]]` (mkdocs-quiz and
 * LiaScript style), and LiaScript's answer line: a line that is only `[[solution]]` after the
 * question text, asked after the prompt. LiaScript's option boxes (`[[X]]`, `[[ ]]`), wiki links
 * to headings and embeds (`[[#Heading]]`, `[[Page#Part]]`, `![[image]]`) and code are no blanks.
 */
import type { Blank } from '../../bank/types.js';
import { closesFence, fenceOpen, type Fence, type Line } from '../../import/source.js';

const BLANK = /(!?)\[\[([^[\]\n]{1,300})\]\]/g;
const BOX = /^\s*[xX ]?\s*$/;

/** The blanks of `lines` with the text they leave (`___` in their place), or null when there are none. */
export function readBlanks(lines: readonly Line[]): { prompt: Line[]; blanks: Blank[] } | null {
  const blanks: Blank[] = [];
  const prompt: Line[] = [];
  let fence: Fence | null = null;
  let inline = false;
  let alone: number | null = null;
  for (const entry of lines) {
    if (fence) {
      if (closesFence(entry.text, fence)) fence = null;
      prompt.push(entry);
      continue;
    }
    fence = fenceOpen(entry.text);
    if (fence) {
      prompt.push(entry);
      continue;
    }
    let found = 0;
    const text = outsideCode(entry.text, (part) =>
      part.replace(BLANK, (whole, bang: string, inner: string) => {
        const accept = inner.split('|').map((a) => a.trim()).filter(Boolean);
        if (bang || BOX.test(inner) || /^[#^]/.test(inner.trim()) || inner.includes('#') || accept.length === 0) return whole;
        blanks.push({ accept });
        found++;
        return '___';
      }),
    );
    if (found === 0) {
      prompt.push(entry);
      continue;
    }
    if (found === 1 && text.trim() === '___' && alone === null) alone = prompt.length;
    else inline = true;
    prompt.push({ ...entry, text });
  }
  if (blanks.length === 0) return null;
  // A lone answer line asks its blank after the prompt, unless other blanks are marked in the text.
  if (blanks.length === 1 && !inline && alone !== null) prompt.splice(alone, 1);
  return { prompt, blanks };
}

/** `text` with `change` applied outside its code spans. */
function outsideCode(text: string, change: (part: string) => string): string {
  if (!text.includes('`')) return change(text);
  return text
    .split(/(`+[^`]*`+)/)
    .map((part, i) => (i % 2 === 1 ? part : change(part)))
    .join('');
}
