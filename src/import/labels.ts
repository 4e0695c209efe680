/** The question fields a bold label can open. */
export type Field = 'prompt' | 'answer' | 'explanation' | 'example' | 'hint';

/** Bold labels authors write, in Chinese and English, and the field each one opens. */
const LABELS: Record<string, Field> = {
  题目: 'prompt',
  面试题: 'prompt',
  问题: 'prompt',
  question: 'prompt',
  problem: 'prompt',
  prompt: 'prompt',
  答案: 'answer',
  参考答案: 'answer',
  回答: 'answer',
  answer: 'answer',
  solution: 'answer',
  解析: 'explanation',
  答案解析: 'explanation',
  解释: 'explanation',
  explanation: 'explanation',
  举例: 'example',
  示例: 'example',
  示例答案: 'example',
  例子: 'example',
  example: 'example',
  'example answer': 'example',
  提示: 'hint',
  hint: 'hint',
};

// `**答案：** text`, `**Answer:** text`, `**Answer**: text`; at most three spaces in, like a paragraph.
// Parsed by hand, not by one regular expression: `\s*([^*]+?)\s*` backtracked in n⁴ time on a
// long run of spaces (a hostile document could hang the page).
const LABEL_START = /^ {0,3}\*\*/;

/** The field a line opens and the text after the label, or null when the line is no label. */
export function matchLabel(text: string): { field: Field; rest: string } | null {
  const start = LABEL_START.exec(text);
  if (!start) return null;
  const close = text.indexOf('**', start[0].length);
  if (close < 0) return null;
  const inner = text.slice(start[0].length, close);
  if (inner.includes('*')) return null;
  const label = inner.trim().replace(/[:：]$/, '').trimEnd();
  const field = label ? LABELS[label.toLowerCase()] : undefined;
  if (!field) return null;
  const after = text.slice(close + 2).trimStart();
  return { field, rest: (after.startsWith(':') || after.startsWith('：') ? after.slice(1) : after).trim() };
}

/** The label spelled in the document's language, for messages. */
export function labelName(field: Field, chinese: boolean): string {
  const zh: Record<Field, string> = { prompt: '题目', answer: '答案', explanation: '解析', example: '举例', hint: '提示' };
  const en: Record<Field, string> = { prompt: 'Question', answer: 'Answer', explanation: 'Explanation', example: 'Example', hint: 'Hint' };
  return chinese ? `**${zh[field]}：**` : `**${en[field]}:**`;
}
