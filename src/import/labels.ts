import { cleanText } from './titles.js';

/** The question fields a label can open. `choices` and `type` hold option lists and kinds (`Choices: a; b`). */
export type Field = 'prompt' | 'answer' | 'explanation' | 'example' | 'hint' | 'choices' | 'type';

/** Labels authors write, in Chinese and English, and the field each one opens. */
const LABELS: Record<string, Field> = {
  题目: 'prompt',
  面试题: 'prompt',
  问题: 'prompt',
  问: 'prompt',
  question: 'prompt',
  problem: 'prompt',
  prompt: 'prompt',
  答案: 'answer',
  参考答案: 'answer',
  正确答案: 'answer',
  回答: 'answer',
  答: 'answer',
  answer: 'answer',
  ans: 'answer',
  'correct answer': 'answer',
  'correct answers': 'answer',
  solution: 'answer',
  解析: 'explanation',
  答案解析: 'explanation',
  解释: 'explanation',
  explanation: 'explanation',
  rationale: 'explanation',
  举例: 'example',
  示例: 'example',
  示例答案: 'example',
  例子: 'example',
  example: 'example',
  'example answer': 'example',
  提示: 'hint',
  hint: 'hint',
  选项: 'choices',
  choices: 'choices',
  options: 'choices',
  题型: 'type',
  type: 'type',
};

/** Single-letter labels (`Q:` / `A:`), read only in documents written as Q/A pairs: elsewhere `A:` is an option. */
const PAIR_LABELS: Record<string, Field> = { q: 'prompt', a: 'answer' };

/** Labels that start a question of their own in a Q/A document. */
export const QUESTION_LABELS = new Set(['q', 'question', '问', '问题']);

// `**答案：** text`, `**Answer:** text`, `**Answer**: text`, `答：text`, `Answer: text`; at most three
// spaces in, like a paragraph. Parsed by hand, not by one regular expression: `\s*([^*]+?)\s*`
// backtracked in n⁴ time on a long run of spaces (a hostile document could hang the page).
const BOLD_START = /^ {0,3}(\*\*|__)/;
const PLAIN_START = /^ {0,3}/;

export interface LabelMatch {
  field: Field;
  /** The label as written, lower-cased, without colon (`answer`, `答`). */
  label: string;
  /** The text after the label. */
  rest: string;
}

export interface LabelOptions {
  /** Also read `Q:` / `A:` (Q/A documents). */
  pairs?: boolean;
}

function lookup(label: string, options: LabelOptions): Field | undefined {
  const key = label.toLowerCase();
  return LABELS[key] ?? (options.pairs ? PAIR_LABELS[key] : undefined);
}

/** The field a line opens and the text after the label, or null when the line is no label. */
export function matchLabel(text: string, options: LabelOptions = {}): LabelMatch | null {
  const bold = BOLD_START.exec(text);
  if (bold) {
    const mark = bold[1]!;
    const close = text.indexOf(mark, bold[0].length);
    if (close < 0 || close - bold[0].length > 40) return null;
    const inner = text.slice(bold[0].length, close);
    if (inner.includes('*') || inner.includes('_')) return null;
    const label = inner.trim().replace(/[:：]$/, '').trimEnd();
    const field = label ? lookup(label, options) : undefined;
    if (!field) return null;
    const after = text.slice(close + 2).trimStart();
    const colon = after.startsWith(':') || after.startsWith('：');
    return { field, label: label.toLowerCase(), rest: (colon ? after.slice(1) : after).trim() };
  }
  const plain = PLAIN_START.exec(text)!;
  const body = text.slice(plain[0].length, plain[0].length + 42);
  const colon = body.search(/[:：]/);
  if (colon <= 0) return null;
  const label = body.slice(0, colon).trimEnd();
  // Unemphasised labels are single words or known phrases, never sentences that happen to hold a colon.
  if (!label || /[*`[\]#>]/.test(label)) return null;
  const field = lookup(label, options);
  if (!field) return null;
  return { field, label: label.toLowerCase(), rest: text.slice(plain[0].length + colon + 1).trim() };
}

const CHINESE_NAMES: Record<Field, string> = { prompt: '题目', answer: '答案', explanation: '解析', example: '举例', hint: '提示', choices: '选项', type: '题型' };
const ENGLISH_NAMES: Record<Field, string> = { prompt: 'Question', answer: 'Answer', explanation: 'Explanation', example: 'Example', hint: 'Hint', choices: 'Choices', type: 'Type' };

/** The label spelled in the document's language, for messages. */
export function labelName(field: Field, chinese: boolean): string {
  return chinese ? `**${CHINESE_NAMES[field]}：**` : `**${ENGLISH_NAMES[field]}:**`;
}

const ANSWER_SUMMARY = /^(?:答案|参考答案|解析|答|查看答案|显示答案|点击查看|展开|answers?|solutions?|show(?: the)? answer|reveal|click to (?:see|show|reveal|expand)|respuesta|soluci[oó]n|l[oö]sung|antwort|ответ|réponse)\b/i;

/** Whether a `<summary>` names the answer ("答案", "Answer", "Show answer"), or names nothing. */
export function isAnswerSummary(text: string): boolean {
  const plain = cleanText(text);
  return plain === '' || ANSWER_SUMMARY.test(plain);
}
