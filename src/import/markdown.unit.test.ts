import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Bank } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { formatDiagnostic } from './diagnostics.js';
import { importMarkdown } from './markdown.js';
import type { TopicRules } from './topics.js';

const topics = JSON.parse(readFileSync(new URL('../../data/topics.json', import.meta.url), 'utf8')) as TopicRules;
const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/import/${name}`, import.meta.url), 'utf8');

function importOk(source: string, file = 'doc.md'): Bank {
  const result = importMarkdown(source, { topics, file });
  const errors = result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic);
  assert.deepEqual(errors, []);
  assert.ok(result.bank);
  const validation = validateBank(result.bank);
  assert.ok(validation.ok, 'the importer must produce banks that pass the validator');
  return result.bank;
}

describe('importMarkdown on an English document in the seed style', () => {
  const bank = importOk(fixture('english.md'), 'english.md');
  const byTitle = (title: string) => bank.questions.filter((q) => q.title === title);

  it('takes id from front matter, title from the first heading and detects English', () => {
    assert.equal(bank.id, 'ml-interview-basics');
    assert.equal(bank.title, 'Machine learning interview basics');
    assert.equal(bank.language, 'en');
  });

  it('imports every numbered question, in document order', () => {
    assert.deepEqual(
      bank.questions.map((q) => q.title),
      ['What is overfitting?', 'How do you evaluate a classifier?', 'What is overfitting?', 'Implement a moving average', 'What is a learning rate?'],
    );
  });

  it('maps English labels to fields', () => {
    const [first] = byTitle('What is overfitting?');
    assert.equal(first!.prompt, 'Explain overfitting and how you would detect it.');
    assert.match(first!.answer, /^A model overfits when/);
    assert.equal(first!.hint, 'Think about training versus validation error.');
    assert.match(first!.explanation!, /^- A growing gap/);
    assert.equal(byTitle('How do you evaluate a classifier?')[0]!.example, 'A spam filter with precision 0.9 flags 10 mails, 9 of which are spam.');
  });

  it('keeps a table in an answer intact', () => {
    const answer = byTitle('How do you evaluate a classifier?')[0]!.answer;
    assert.match(answer, /^\| metric \| meaning \|\n\|---\|---\|\n\| precision \|/);
  });

  it('treats text before any label as the prompt, and the title as prompt when there is none', () => {
    assert.equal(byTitle('What is overfitting?')[1]!.prompt, 'Why does a model with more parameters overfit more easily?');
    assert.equal(byTitle('What is a learning rate?')[0]!.prompt, 'What is a learning rate?');
  });

  it('honours a pinned id and links the repeated title as a variant', () => {
    const [first, second] = byTitle('What is overfitting?');
    assert.equal(second!.id, 'overfitting-again');
    assert.equal(second!.variantOf, first!.id);
    assert.equal(first!.variantOf, undefined);
  });

  it('makes questions under a Coding section coding questions whose code block is the answer', () => {
    const coding = byTitle('Implement a moving average')[0]!;
    assert.equal(coding.kind, 'coding');
    assert.match(coding.answer, /^```python\ndef moving_average\(xs, k\):\n {4}total = sum\(xs\[:k\]\)/);
    assert.match(coding.answer, /```$/);
    assert.equal(coding.hint, 'Keep a running sum.', 'the code block moves out of the hint');
    assert.equal(bank.questions.filter((q) => q.kind === 'coding').length, 1);
  });

  it('merges the recap section into the explanation instead of adding questions', () => {
    const coding = byTitle('Implement a moving average')[0]!;
    assert.equal(coding.explanation, 'The running sum makes each step O(1):\n\n```python\nassert moving_average([1, 2, 3, 4], 2) == [1.5, 2.5, 3.5]\n```');
  });

  it('removes the artifact and still sees the heading glued to it', () => {
    assert.ok(!JSON.stringify(bank).includes('<|'));
    assert.equal(byTitle('What is a learning rate?')[0]!.answer, 'The step size of gradient descent.');
  });

  it('collects intro and closing prose into the description', () => {
    assert.equal(
      bank.description,
      'These questions cover the basics that interviewers ask about most.\n\nThat is all for today.\n\n**Summary**\n\nPractise these until the answers come without notes.',
    );
  });

  it('gives every question a topic from the rule file and lists only used topics', () => {
    for (const q of bank.questions) assert.ok(q.topics.length > 0, q.title);
    assert.deepEqual(bank.questions.find((q) => q.kind === 'coding')!.topics, ['coding']);
    const used = new Set(bank.questions.flatMap((q) => q.topics));
    assert.deepEqual(new Set(bank.topics.map((t) => t.id)), used);
    assert.equal(bank.topics.find((t) => t.id === 'evaluation')!.title, 'Evaluation and performance');
  });
});

describe('importMarkdown on details of the format', () => {
  it('takes the bank\'s shortTitle from the option, else from the front matter, on one line', () => {
    const doc = (front: string) => `---\n${front}\n---\n# 大模型创业者的商业模式创新：从技术驱动到场景驱动\n\n### 1. 什么是大模型？\n\n**答案：** 参数很多的模型。\n`;
    assert.equal(importOk(doc('shortTitle: 商业模式')).shortTitle, '商业模式');
    assert.equal(importOk(doc('short-title: "商业  模式"')).shortTitle, '商业 模式');
    assert.equal(importMarkdown(doc('shortTitle: 商业模式'), { shortTitle: '创业' }).bank?.shortTitle, '创业');
    const none = importOk(doc('id: plain'));
    assert.equal('shortTitle' in none, false, 'no front matter key, no field');
    assert.deepEqual(Object.keys(importOk(doc('shortTitle: x'))).slice(0, 5), ['format', 'id', 'title', 'shortTitle', 'language']);
  });

  it('accepts numbered headings at every level from ## to #####', () => {
    const source = ['# T', '## 1. A', '**答案：** a', '### 2. B', '**答案：** b', '#### 3. C', '**答案：** c', '##### 4. D', '**答案：** d'].join('\n\n');
    assert.deepEqual(importOk(source).questions.map((q) => q.title), ['A', 'B', 'C', 'D']);
  });

  it('understands every Chinese label', () => {
    const source = `# 题库\n\n### 1. 什么是大模型？\n\n**面试题：** 请解释。\n\n**答案：** 参数很多的模型。\n\n**解析：** 规模带来能力。\n\n**示例答案：** GPT-3 有 1750 亿参数。\n\n**提示：** 想想参数量。\n\n### 2. 另一题\n\n**题目：** 问。\n\n**答案：** 答。\n\n**举例：** 例。\n`;
    const bank = importOk(source);
    assert.equal(bank.language, 'zh-CN');
    assert.deepEqual(
      { ...bank.questions[0], id: undefined, topics: undefined },
      { id: undefined, topics: undefined, kind: 'concept', title: '什么是大模型？', prompt: '请解释。', answer: '参数很多的模型。', explanation: '规模带来能力。', example: 'GPT-3 有 1750 亿参数。', hint: '想想参数量。' },
    );
    assert.equal(bank.questions[1]!.example, '例。');
  });

  it('does not take labels, headings or artifacts inside code fences', () => {
    const source = '# T\n\n### 1. Q\n\n**Answer:**\n\n```text\n**Explanation:** not a label\n### 2. not a heading\n<|user|> kept\n```\n';
    const bank = importOk(source);
    assert.equal(bank.questions.length, 1);
    assert.equal(bank.questions[0]!.answer, '```text\n**Explanation:** not a label\n### 2. not a heading\n<|user|> kept\n```');
    assert.equal(bank.questions[0]!.explanation, undefined);
  });

  it('keeps bold text that is no label, and list items with bold terms, as content', () => {
    const source = '# T\n\n### 1. Q\n\n**Answer:**\n\n1. **Pruning:** removes weights.\n\n**Note:** keep this.\n';
    assert.equal(importOk(source).questions[0]!.answer, '1. **Pruning:** removes weights.\n\n**Note:** keep this.');
  });

  it('gives the same ids on every import and keeps ids when questions are reordered', () => {
    const a = importOk('# T\n\n### 1. Alpha\n\n**Answer:** a\n\n### 2. Beta\n\n**Answer:** b\n');
    const b = importOk('# T\n\n### 1. Beta\n\n**Answer:** b\n\n### 2. Alpha\n\n**Answer:** a\n');
    const ids = (bank: Bank) => Object.fromEntries(bank.questions.map((q) => [q.title, q.id]));
    assert.deepEqual(ids(a), ids(b));
    assert.deepEqual(ids(a), ids(importOk('# T\n\n### 1. Alpha\n\n**Answer:** a\n\n### 2. Beta\n\n**Answer:** b\n')));
  });

  it('numbers repeated titles so ids stay unique', () => {
    const bank = importOk('# T\n\n### 1. 同一个问题？\n\n**答案：** 一\n\n### 2. 同一个问题？\n\n**答案：** 二\n\n### 3. 同一个问题?\n\n**答案：** 三\n');
    const [first, second, third] = bank.questions;
    assert.equal(second!.id, `${first!.id}-2`);
    assert.equal(third!.id, `${first!.id}-3`, 'full-width and ASCII question marks count as the same title');
    assert.deepEqual([second!.variantOf, third!.variantOf], [first!.id, first!.id]);
  });

  it('reads the bank id from the file name when nothing else names it', () => {
    assert.equal(importOk('# T\n\n### 1. Q\n\n**Answer:** a\n', 'docs/My Interview Notes.md').id, 'my-interview-notes');
  });

  it('accepts CRLF line endings and a byte order mark', () => {
    const bank = importOk('\uFEFF# T\r\n\r\n### 1. Q\r\n\r\n**Answer:** a\r\nsecond line\r\n');
    assert.equal(bank.questions[0]!.answer, 'a\nsecond line');
  });
});

describe('importMarkdown on malformed documents', () => {
  it('reports a document without questions as an error at line 1 and returns no bank', () => {
    const result = importMarkdown(fixture('malformed-no-questions.md'), { topics, file: 'notes.md' });
    assert.equal(result.bank, null);
    assert.equal(result.diagnostics.length, 1);
    assert.match(formatDiagnostic(result.diagnostics[0]!), /^notes\.md:1: error: no question found\. The importer reads questions as headings/);
  });

  it('skips a question without answer, warns about an empty label and an unclosed fence, and keeps the rest', () => {
    const result = importMarkdown(fixture('malformed-problems.md'), { topics, file: 'broken.md' });
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), [
      'broken.md:3: warning: question 1 "A question without answer" is skipped: it has no answer; add **Answer:** under it',
      'broken.md:11: warning: **Explanation:** has no content',
      'broken.md:19: warning: code fence ``` is never closed, so everything after it is shown as code; close it with ``` on a line of its own',
    ]);
    assert.ok(result.bank, 'the bank is written with the questions that could be read');
    assert.deepEqual(result.bank.questions.map((q) => q.title), ['An empty label', 'A question whose code never ends']);
    assert.equal(result.bank.questions[1]!.answer, '```python\nprint("never closed")');
    assert.equal(result.diagnostics[0]!.skipped, true);
  });

  it('names the Chinese label and the code-block way out for a coding question without answer', () => {
    const result = importMarkdown('# 题库\n\n## 算法编程题\n\n### 1. 实现快速排序\n\n**题目：** 写出代码。\n\n### 2. 实现归并排序\n\n```python\ndef merge(): pass\n```\n', { topics, file: 'zh.md' });
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), ['zh.md:5: warning: question 1 "实现快速排序" is skipped: it has no answer; add **答案：** or a fenced code block under it']);
    assert.equal(result.bank?.questions.length, 1);
  });

  it('skips a question whose only text is a hint, and keeps one whose answer mentions an example', () => {
    const result = importMarkdown('## What is DNS?\n\nHint: think of a phone book.\n\n## What is NAT?\n\nIt rewrites addresses.\nExample: a home router.\n', { file: 'n.md' });
    assert.deepEqual(result.bank?.questions.map((q) => [q.title, q.answer]), [['What is NAT?', 'It rewrites addresses.\nExample: a home router.']]);
    assert.match(formatDiagnostic(result.diagnostics[0]!), /^n\.md:1: warning: question "What is DNS\?" is skipped: it has no answer/);
  });

  it('keeps lettered options without a key in the prompt when text after them answers, and says the key is missing', () => {
    const result = importMarkdown('## Which port does HTTPS use?\n\nA. 80\nB. 443\n\nHTTPS uses 443 by default.\n', { file: 'k.md' });
    const [question] = result.bank!.questions;
    assert.equal(question!.prompt, 'A. 80\nB. 443');
    assert.equal(question!.answer, 'HTTPS uses 443 by default.');
    assert.equal(question!.choices, undefined);
    assert.match(result.diagnostics[0]!.message, /has options A–B but no answer key \("Answer: B"\); it is imported as an open question/);
  });

  it('warns about a pinned id that is not a slug and falls back to one from the title', () => {
    const result = importMarkdown('# T\n\n### 1. Q {#Not A Slug}\n\n**Answer:** a\n', { topics, file: 'd.md' });
    assert.ok(result.bank);
    assert.match(result.bank.questions[0]!.id, /^q-[0-9a-z]{7}$/);
    assert.match(formatDiagnostic(result.diagnostics[0]!), /^d\.md:3: warning: pinned id \{#Not A Slug\}/);
  });

  it('keeps "<!--" inside a code span and warns about a comment that is never closed instead of hiding the rest', () => {
    const result = importMarkdown('## How do you open an HTML comment?\n\nWrite `<!--` and close it with `-->`.\n\n## What is a draft?\n\n<!-- TODO: rewrite\n\nA version not yet published.\n\n## What is a tag?\n\nA name for a commit.\n', { file: 'c.md' });
    assert.deepEqual(result.bank?.questions.map((q) => q.answer), ['Write `<!--` and close it with `-->`.', '<!-- TODO: rewrite\n\nA version not yet published.', 'A name for a commit.']);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), ['c.md:7: warning: an HTML comment "<!--" is never closed with "-->", so it is kept as text']);
  });

  it('leaves HTML written inside a code span as written, and turns the HTML around it into markdown', () => {
    const result = importMarkdown('## How do you make text bold in HTML?\n\nWrite `<b>bold</b>`, which shows as <b>bold</b>.<br>\n', { file: 'h.md' });
    assert.equal(result.bank?.questions[0]!.answer, 'Write `<b>bold</b>`, which shows as **bold**.');
  });

  it('reads a <summary> that holds a code span as a question, and leaves a <details> tag written in a code span as text', () => {
    const result = importMarkdown('# Git\n\n<details><summary>What does `git stash` do?</summary>\n\nIt shelves changes; close it with `</details>` in HTML.\n\n</details>\n\n<details><summary>What does `git bisect` do?</summary>It finds the commit.</details>\n', { file: 'g.md' });
    assert.deepEqual(result.bank?.questions.map((q) => [q.prompt, q.answer]), [
      ['What does `git stash` do?', 'It shelves changes; close it with `</details>` in HTML.'],
      ['What does `git bisect` do?', 'It finds the commit.'],
    ]);
    assert.deepEqual(result.diagnostics, []);
  });

  it('ends a <details> that is never closed at the next one, with a warning, and keeps both questions', () => {
    const result = importMarkdown('# Git\n\n<details>\n<summary>What does git stash do?</summary>\n\nIt shelves changes.\n\n<details>\n<summary>What does git bisect do?</summary>\n\nIt finds the commit that broke something.\n</details>\n', { file: 'g.md' });
    assert.deepEqual(result.bank?.questions.map((q) => [q.title, q.answer]), [
      ['What does git stash do?', 'It shelves changes.'],
      ['What does git bisect do?', 'It finds the commit that broke something.'],
    ]);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), ['g.md:3: warning: this <details> is never closed with </details>; its answer ends where the next question starts']);
  });

  it('ends a list question with its nested answer: the paragraph after it is not part of the answer', () => {
    const result = importMarkdown('# Networks\n\n- What is DNS?\n  - It maps names to addresses.\n- What is NAT?\n  - It rewrites addresses.\n- What is ARP?\n\nSee the RFCs for more.\n', { file: 'l.md' });
    assert.deepEqual(result.bank?.questions.map((q) => [q.title, q.answer]), [
      ['What is DNS?', 'It maps names to addresses.'],
      ['What is NAT?', 'It rewrites addresses.'],
    ]);
    assert.deepEqual(result.diagnostics.filter((d) => d.skipped).map(formatDiagnostic), ['l.md:7: warning: question "What is ARP?" is skipped: it has no answer; write the answer under it']);
  });

  it('skips a task list with no box checked: its right option was never marked', () => {
    const result = importMarkdown('## Which port does HTTPS use?\n\n- [ ] 80\n- [ ] 443\n\n## Which port does SSH use?\n\n- [ ] 21\n- [x] 22\n', { file: 't.md' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Which port does SSH use?']);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), ['t.md:1: warning: question "Which port does HTTPS use?" is skipped: none of its options is marked correct (- [x])']);
  });

  it('tells a Q:/A: document to add A: under a question without answer', () => {
    const result = importMarkdown('Q: What is TCP?\nA: A reliable stream protocol.\n\nQ: What is UDP?\n\nQ: What is QUIC?\nA: UDP-based transport.\n', { file: 'p.md' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['What is TCP?', 'What is QUIC?']);
    assert.match(formatDiagnostic(result.diagnostics.find((d) => d.skipped)!), /^p\.md:4: warning: question "What is UDP\?" is skipped: it has no answer; add A: under it$/);
  });

  it('reads every option of a 10,000-option list once (positions looked up, not searched for)', () => {
    const options = Array.from({ length: 10_000 }, (_, i) => `- [${i === 9_999 ? 'x' : ' '}] option ${i}`).join('\n');
    const result = importMarkdown(`## Pick the last one\n\n${options}\n`, { file: 'big.md' });
    const [question] = result.bank!.questions;
    assert.equal(question!.choices?.length, 10_000);
    assert.equal(question!.choices?.findIndex((c) => c.correct), 9_999);
  });

  it('never throws on arbitrary text', () => {
    for (const source of ['', '```', '#', '### 1.', '**答案：**', '<|user|>', '### 1. Q\n\n**Answer:**', '\u0000\uD800', 'a'.repeat(10_000)]) {
      const result = importMarkdown(source, { topics });
      assert.ok(result.bank === null || validateBank(result.bank).ok, JSON.stringify(source.slice(0, 20)));
    }
  });
});

describe('importMarkdown: escaped pinned ids', () => {
  it('reads `\\{#id}` (MDX escapes the brace; Docusaurus does so on every heading line, code fences included) as `{#id}`', () => {
    const bank = importOk('## What powers the Sun? \\{#sun-power}\n\nNuclear fusion.\n');
    assert.deepEqual(bank.questions.map((q) => [q.id, q.title, q.prompt]), [['sun-power', 'What powers the Sun?', 'What powers the Sun?']]);
  });
});
