/**
 * The choice syntaxes the markdown importer reads (task lists, quizdown, lettered options with
 * an answer key, LiaScript, `Choices:` fields), checked on what a learner's card would show:
 * the options, which are right, single or multiple choice, hint, explanation and feedback.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Bank, Question } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { formatDiagnostic, type ImportDiagnostic } from './diagnostics.js';
import { importMarkdown } from './markdown.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/import/choices/${name}`, import.meta.url), 'utf8');

function importOk(source: string, file = 'quiz.md'): { bank: Bank; warnings: ImportDiagnostic[] } {
  const result = importMarkdown(source, { file });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), []);
  assert.ok(result.bank);
  const validation = validateBank(result.bank);
  assert.ok(validation.ok, 'the importer must produce banks that pass the validator');
  return { bank: result.bank, warnings: result.diagnostics };
}

/** The question with this title; fails when there is none. */
function question(bank: Bank, title: string): Question {
  const found = bank.questions.find((q) => q.title === title);
  assert.ok(found, `no question "${title}" among ${JSON.stringify(bank.questions.map((q) => q.title))}`);
  return found;
}

/** Options as a learner sees them: text, and a tick for the right ones. */
const options = (q: Question) => q.choices?.map((c) => `${c.correct ? '[right] ' : ''}${c.text}`);

/** Box marks a learner would see as text in an option. */
const BOX_TEXT = /\[[ xX]\]|\[\([ xX]\)\]|\[\[[ xX]\]\]/;

function assertNoBoxText(bank: Bank): void {
  for (const q of bank.questions) for (const c of q.choices ?? []) assert.doesNotMatch(c.text, BOX_TEXT, `${q.title}: ${c.text}`);
}

describe('GitHub task lists', () => {
  it('make a single choice question when one box is checked, the answer being its text', () => {
    const { bank } = importOk('# Quiz\n\n## Which city is the capital of France?\n\n- [ ] Lyon\n- [x] Paris\n- [ ] Nice\n');
    const q = question(bank, 'Which city is the capital of France?');
    assert.deepEqual(options(q), ['Lyon', '[right] Paris', 'Nice']);
    assert.equal(q.answer, 'Paris');
    assert.equal(q.multiple, undefined, 'radio buttons: one right option, and no flag asking for checkboxes');
  });

  it('make a multiple choice question when several boxes are checked, the answer listing them', () => {
    const { bank } = importOk('# Quiz\n\n## Which numbers are prime?\n\n- [x] 2\n- [x] 3\n- [ ] 4\n');
    const q = question(bank, 'Which numbers are prime?');
    assert.deepEqual(options(q), ['[right] 2', '[right] 3', '4']);
    assert.equal(q.answer, '- 2\n- 3');
  });

  it('accept `[X]`, `*`, `+` and `1)` markers and never keep the box in the option text', () => {
    for (const list of ['* [X] Paris\n* [ ] Lyon', '+ [x] Paris\n+ [ ] Lyon', '1) [x] Paris\n2) [ ] Lyon', '-   [x]   Paris\n-   [ ]   Lyon']) {
      const { bank } = importOk(`# Quiz\n\n## Which city is the capital of France?\n\n${list}\n`);
      assert.deepEqual(options(question(bank, 'Which city is the capital of France?')), ['[right] Paris', 'Lyon'], list);
    }
  });

  it('drop typed option letters when every option has one, in any order, and keep them otherwise', () => {
    const { bank } = importOk(
      '# Quiz\n\n## Which city is the capital of France?\n\n- [ ] B) Lyon\n- [x] A) Paris\n- [ ] C) Nice\n\n## Which city is the capital of Italy?\n\n- [x] A. Rome\n- [ ] (B) Milan\n\n## Which river flows through Paris?\n\n- [x] A) Seine\n- [ ] Loire\n',
    );
    assert.deepEqual(options(question(bank, 'Which city is the capital of France?')), ['Lyon', '[right] Paris', 'Nice']);
    assert.equal(question(bank, 'Which city is the capital of France?').answer, 'Paris');
    assert.deepEqual(options(question(bank, 'Which city is the capital of Italy?')), ['[right] Rome', 'Milan']);
    assert.deepEqual(options(question(bank, 'Which river flows through Paris?')), ['[right] A) Seine', 'Loire'], 'one option without a letter: the letter is text');
  });

  it('escape options that would read as block markdown, so they show as written', () => {
    const { bank } = importOk('# Quiz\n\n## Which line makes a heading?\n\n- [x] # Header\n- [ ] > quote\n- [ ] - item\n- [ ] 1. one\n- [ ] plain\n');
    const q = question(bank, 'Which line makes a heading?');
    assert.deepEqual(options(q), ['[right] \\# Header', '\\> quote', '\\- item', '1\\. one', 'plain']);
    assert.equal(q.answer, '\\# Header');
  });

  it('keep inline markdown and continuation lines of an option', () => {
    const { bank } = importOk('# Quiz\n\n## Which is right?\n\n- [x] **bold** answer\n- [ ] `code` answer\n  on two lines\n');
    assert.deepEqual(options(question(bank, 'Which is right?')), ['[right] **bold** answer', '`code` answer\non two lines']);
  });

  // Fixed bug (question.ts): one empty box makes the whole question disappear, with the validator's
  // words ("choices[1].text: expected a non-empty string") as the only explanation.
  it('ignore an empty box instead of losing the question', () => {
    const result = importMarkdown('# Quiz\n\n## Which city is the capital of France?\n\n- [x] Paris\n- [ ]\n- [ ] Lyon\n', { file: 'quiz.md' });
    assert.ok(result.bank, result.diagnostics.map(formatDiagnostic).join('\n'));
    assert.deepEqual(options(question(result.bank, 'Which city is the capital of France?')), ['[right] Paris', 'Lyon']);
  });
});

describe('quizdown', () => {
  const { bank, warnings } = importOk(fixture('quizdown.md'), 'quizdown.md');

  it('imports every question of the block in order, the options without their boxes', () => {
    assert.deepEqual(
      bank.questions.map((q) => q.title),
      ['Which planet is closest to the sun?', 'Which planet has the most visible rings?', 'Which of these planets are rocky?', 'In what order do these planets orbit, from the sun outwards?'],
    );
    assertNoBoxText(bank);
  });

  it('makes an ordered list of boxes a single choice question', () => {
    const q = question(bank, 'Which planet is closest to the sun?');
    assert.deepEqual(options(q), ['Venus', '[right] Mercury', 'Mars']);
    assert.equal(q.answer, 'Mercury');
    assert.equal(q.multiple, undefined);
    assert.equal(q.prompt, 'Which planet is closest to the sun?');
  });

  it('takes a quote before the options as the hint and quotes under options as their feedback', () => {
    const q = question(bank, 'Which planet is closest to the sun?');
    assert.equal(q.hint, 'Its name is also the name of a metal.');
    assert.deepEqual(
      q.choices!.map((c) => c.feedback),
      [undefined, 'Yes: it orbits at about 58 million km.', 'Mars is the fourth planet.'],
    );
  });

  // Fixed bug (question.ts): the quote after the options keeps its `> ` mark, so the card shows the
  // explanation as a quotation; the ordering question's explanation (below) loses it correctly.
  it('takes the quote after the options as the explanation, without its quote mark', () => {
    assert.equal(question(bank, 'Which planet is closest to the sun?').explanation, 'Mercury goes around the sun in 88 days.');
  });

  it('makes an unordered list of boxes checkboxes even with one right option', () => {
    const single = question(bank, 'Which planet has the most visible rings?');
    assert.deepEqual(options(single), ['[right] Saturn', 'Mercury', 'Venus']);
    assert.equal(single.multiple, true);
    assert.equal(single.answer, 'Saturn');
    const several = question(bank, 'Which of these planets are rocky?');
    assert.deepEqual(options(several), ['[right] Earth', '[right] Mars', 'Jupiter']);
    assert.equal(several.answer, '- Earth\n- Mars');
  });

  it('imports a numbered list without boxes as an ordering question, its items in order, without a warning', () => {
    const q = question(bank, 'In what order do these planets orbit, from the sun outwards?');
    assert.equal(q.choices, undefined);
    assert.equal(q.type, 'ordering');
    assert.deepEqual(q.items, ['Venus', 'Earth', 'Jupiter']);
    assert.equal(q.answer, '1. Venus\n2. Earth\n3. Jupiter');
    assert.equal(q.explanation, 'The inner planets come first.');
    assert.equal(warnings.find((d) => d.line === 35), undefined, warnings.map(formatDiagnostic).join('\n'));
  });

  it('does not read the options block of the quizdown opener as text', () => {
    assert.ok(!JSON.stringify(bank).includes('shuffleAnswers'));
  });

  // Fixed bug (structure.ts): an ordering question under a heading that does not ask ("Put … in order")
  // turns the whole block into bare choice lists; every question is skipped as having no title.
  it('keeps the heading of an ordering question that is phrased as an instruction', () => {
    const source = ':::{quizdown}\n\n## Pick the capital of France\n\n1. [x] Paris\n2. [ ] Lyon\n\n## Put the planets in order\n\n1. Mercury\n2. Venus\n3. Earth\n\n:::\n';
    const result = importMarkdown(source, { file: 'quiz.md' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Pick the capital of France', 'Put the planets in order'], result.diagnostics.map(formatDiagnostic).join('\n'));
    assert.equal(result.bank.questions[1]!.answer, '1. Mercury\n2. Venus\n3. Earth');
  });

  // Fixed bug (source.ts/choices.ts): quizdown is only recognised inside `:::{quizdown}`; a document
  // that uses both ordered and unordered task lists is read as GitHub task lists.
  it('is recognised without the block when a document uses both ordered and unordered task lists', () => {
    const { bank: mixed } = importOk('# Quiz\n\n## Which city is the capital of France?\n\n1. [x] Paris\n2. [ ] Lyon\n\n## Which planet has rings?\n\n- [x] Saturn\n- [ ] Mars\n');
    assert.equal(question(mixed, 'Which city is the capital of France?').multiple, undefined);
    assert.equal(question(mixed, 'Which planet has rings?').multiple, true);
  });

  it('leaves `- [x]` lists of a document without quizdown as single choice', () => {
    const { bank: plain } = importOk('# Quiz\n\n## Which planet has rings?\n\n- [x] Saturn\n- [ ] Mars\n\n## Which planet is red?\n\n- [x] Mars\n- [ ] Venus\n');
    for (const q of plain.questions) assert.equal(q.multiple, undefined, q.title);
  });
});

describe('lettered options with an answer key', () => {
  it('reads `- A.` options and a "Correct answer:" key in <details>', () => {
    const { bank } = importOk(fixture('lettered.md'), 'lettered.md');
    assert.equal(bank.questions.length, 3);
    const single = question(bank, 'Which command lists the files of a folder on Linux?');
    assert.deepEqual(options(single), ['cd', '[right] ls', 'pwd', 'rm']);
    assert.equal(single.answer, 'ls');
    const two = question(bank, 'Which of these are version control systems? (Choose TWO)');
    assert.deepEqual(options(two), ['[right] Git', 'Make', '[right] Mercurial', 'Bash']);
    assert.equal(two.answer, '- Git\n- Mercurial');
    assert.equal(two.explanation, undefined);
  });

  it('makes the text after the key the explanation', () => {
    const { bank } = importOk(fixture('lettered.md'), 'lettered.md');
    const q = question(bank, 'Which key ends a running command in a terminal?');
    assert.deepEqual(options(q), ['[right] Ctrl-C', 'Ctrl-V', 'Tab']);
    assert.equal(q.answer, 'Ctrl-C');
    assert.equal(q.explanation, 'It sends the interrupt signal.');
  });

  it('reads `- A text` options and a bold letter opening a <details> answer, the rest explaining', () => {
    const source = '# 题库\n\n## Q1 排序\n\n下面哪个排序算法平均最快？\n\n- A 冒泡排序\n- B 快速排序\n- C 插入排序\n\n<details>\n<summary>答案</summary>\n\n**B** 快速排序的平均复杂度是 O(n log n)。\n其余两个是 O(n²)。\n</details>\n';
    const q = importOk(source).bank.questions[0]!;
    assert.equal(q.title, '下面哪个排序算法平均最快？');
    assert.deepEqual(options(q), ['冒泡排序', '[right] 快速排序', '插入排序']);
    assert.equal(q.answer, '快速排序');
    assert.equal(q.explanation, '快速排序的平均复杂度是 O(n log n)。\n其余两个是 O(n²)。');
  });

  it('reads `A.` lines with `答案：`, `A)` lines with `Answer: B, E` and `(A)` lines with `Answer:`', () => {
    const source = [
      '# Quiz',
      '## 1. 二分查找要求什么？',
      'A. 有序数组\nB. 链表\nC. 哈希表',
      '答案：A',
      '## 2. Which of these are mammals?',
      'A) Whale\nB) Trout\nC) Frog\nD) Eagle\nE) Bat',
      'Answer: A, E',
      '## 3. Which colour is the sky on a clear day?',
      '(A) red\n(B) blue',
      'Answer: B',
    ].join('\n\n');
    const { bank } = importOk(source);
    assert.deepEqual(options(question(bank, '二分查找要求什么？')), ['[right] 有序数组', '链表', '哈希表']);
    const mammals = question(bank, 'Which of these are mammals?');
    assert.deepEqual(options(mammals), ['[right] Whale', 'Trout', 'Frog', 'Eagle', '[right] Bat']);
    assert.equal(mammals.answer, '- Whale\n- Bat');
    assert.equal(mammals.prompt, 'Which of these are mammals?', 'the options leave the prompt');
    assert.deepEqual(options(question(bank, 'Which colour is the sky on a clear day?')), ['red', '[right] blue']);
  });

  it('guesses no right option when the key is missing', () => {
    const result = importMarkdown('# Quiz\n\n## 1. Which colour is the sky?\n\nA) green\nB) blue\nC) red\n\n## 2. Which is a fruit?\n\nA) apple\nB) car\n\nAnswer: A\n', { file: 'quiz.md' });
    assert.ok(result.bank);
    assert.deepEqual(options(question(result.bank, 'Which is a fruit?')), ['[right] apple', 'car']);
    const unkeyed = result.bank.questions.find((q) => q.title === 'Which colour is the sky?');
    assert.equal(unkeyed?.choices, undefined, 'no option is marked right without a key');
  });
});

describe('LiaScript quizzes', () => {
  const { bank, warnings } = importOk(fixture('liascript.md'), 'liascript.md');

  it('imports every question, titled by its question text under a heading that names a topic', () => {
    assert.deepEqual(bank.questions.map((q) => q.title), [
      'Which item protects your eyes?',
      'Which conditions must a wall meet before painting?',
      'Which tool cuts wood?',
      'In which order do you clean up after work?',
    ]);
    assertNoBoxText(bank);
  });

  it('makes `[(X)]` options a single choice question', () => {
    const q = question(bank, 'Which item protects your eyes?');
    assert.deepEqual(options(q), ['Gloves', '[right] Goggles', 'Ear plugs']);
    assert.equal(q.answer, 'Goggles');
    assert.equal(q.multiple, undefined);
  });

  it('makes `[[X]]` options checkboxes, saying so when only one is right', () => {
    const two = question(bank, 'Which conditions must a wall meet before painting?');
    assert.deepEqual(options(two), ['[right] dry', 'oily', '[right] clean']);
    assert.equal(two.answer, '- dry\n- clean');
    const one = question(bank, 'Which tool cuts wood?');
    assert.deepEqual(options(one), ['[right] Saw', 'Sponge']);
    assert.equal(one.multiple, true);
  });

  it('imports `@dragdroporder` as an ordering question, without a warning', () => {
    const q = question(bank, 'In which order do you clean up after work?');
    assert.equal(q.choices, undefined);
    assert.equal(q.type, 'ordering');
    assert.deepEqual(q.items, ['Switch off the machine', 'Sweep the floor', 'Wash your hands']);
    assert.equal(q.answer, '1. Switch off the machine\n2. Sweep the floor\n3. Wash your hands');
    assert.ok(!q.prompt.includes('@dragdroporder'));
    assert.ok(!warnings.some((d) => d.line === 31), warnings.map(formatDiagnostic).join('\n'));
  });

  it('reads `[(X)]` lines written without list markers', () => {
    const { bank: bare } = importOk('# Shapes\n\n## Round things\n\nWhich one is round?\n\n[( )] square\n[(X)] circle\n[( )] triangle\n');
    assert.deepEqual(options(question(bare, 'Which one is round?')), ['square', '[right] circle', 'triangle']);
  });

  // Fixed bug (structure.ts): LiaScript options without list markers in one question make the document
  // count as bare choice lists; the other headings are ignored and their questions skipped.
  it('keeps other questions of the document when one writes its options without list markers', () => {
    const source = '# Quiz\n\n## Which city is the capital of France?\n\n- [ ] Lyon\n- [x] Paris\n\n## Round things\n\nWhich one is round?\n\n[( )] square\n[(X)] circle\n';
    const result = importMarkdown(source, { file: 'quiz.md' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Which city is the capital of France?', 'Which one is round?'], result.diagnostics.map(formatDiagnostic).join('\n'));
  });
});

describe('`Choices:` fields with the answer written out', () => {
  const result = importMarkdown(fixture('fields.md'), { file: 'fields.md' });
  const bank = result.bank!;

  it('imports each question whose answer names one of its choices', () => {
    assert.ok(validateBank(bank).ok);
    assert.equal(bank.questions.length, 4);
    assertNoBoxText(bank);
  });

  it('matches the answer to a `;`-separated choice whatever its case', () => {
    const q = question(bank, 'Which shortcut copies the selected text?');
    assert.deepEqual(options(q), ['Ctrl-V', '[right] Ctrl-C', 'Ctrl-Z', 'Ctrl-X']);
    assert.equal(q.answer, 'Ctrl-C', 'the answer is written as the option is');
    assert.equal(q.prompt, 'Which shortcut copies the selected text?');
  });

  it('splits `,`-separated choices and answers naming several of them', () => {
    const q = question(bank, 'Which of these programs are text editors?');
    assert.deepEqual(options(q), ['[right] vim', '[right] nano', 'grep', 'curl']);
    assert.equal(q.answer, '- vim\n- nano');
  });

  it('makes checkboxes of "Multiple Correct Answers" with a single answer', () => {
    const q = question(bank, 'Which file usually lists the dependencies of a Python project?');
    assert.deepEqual(options(q), ['[right] requirements.txt', 'setup.cfg', 'README.md']);
    assert.equal(q.multiple, true);
    assert.equal(question(bank, 'Which shortcut copies the selected text?').multiple, undefined);
  });

  it('escapes choices that look like block markdown', () => {
    const q = question(bank, 'Which line makes a level-one heading in markdown?');
    assert.deepEqual(options(q), ['[right] \\# Title', '\\> Title', '\\- Title']);
    assert.equal(q.answer, '\\# Title');
  });

  it('skips a question whose answer is none of its choices, and says which answer', () => {
    assert.ok(!bank.questions.some((q) => q.title === 'Which command creates a folder?'));
    const warning = result.diagnostics.find((d) => d.skipped);
    assert.ok(warning);
    assert.equal(warning.line, 23);
    assert.match(warning.message, /"mkdir" is none of its choices/);
  });
});
