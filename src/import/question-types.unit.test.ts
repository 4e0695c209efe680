/**
 * Markdown question types other than open and choice, each in the syntaxes people write, and what
 * must stay an open (or choice) question: the card asks what the bank says, so a wrong type is a
 * question a learner cannot answer.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Bank, Question } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { formatDiagnostic } from './diagnostics.js';
import { exportGift, importGift } from './gift.js';
import { importMarkdown } from './markdown.js';

function bankOf(source: string): Bank {
  const result = importMarkdown(source, { file: 'quiz.md' });
  assert.ok(result.bank, result.diagnostics.map(formatDiagnostic).join('\n'));
  assert.ok(validateBank(result.bank).ok, JSON.stringify(validateBank(result.bank)));
  return result.bank;
}

/** The one question of a document, and the warnings. */
function only(source: string): Question {
  const bank = bankOf(source);
  assert.equal(bank.questions.length, 1, JSON.stringify(bank.questions.map((q) => q.title)));
  return bank.questions[0]!;
}

const typeOf = (q: Question) => q.type ?? (q.choices ? 'choice' : 'open');

describe('true/false', () => {
  it('reads a True/False task list as true-false, the checked one saying which', () => {
    const q = only('## The sun is a star.\n\n- [x] True\n- [ ] False\n');
    assert.deepEqual([q.type, q.isTrue, q.answer, q.choices], ['true-false', true, 'True', undefined]);
    const no = only('## Pluto is a planet.\n\n- [ ] true\n- [x] false\n');
    assert.deepEqual([no.type, no.isTrue, no.answer], ['true-false', false, 'False']);
  });

  it('reads 正确/错误 and 对/错, and answers in the bank language', () => {
    const q = only('## 太阳是一颗恒星。\n\n- [x] 正确\n- [ ] 错误\n');
    assert.deepEqual([q.type, q.isTrue, q.answer], ['true-false', true, '正确']);
    const wrong = only('## 月亮是行星。\n\n- [ ] 对\n- [x] 错\n');
    assert.deepEqual([wrong.type, wrong.isTrue, wrong.answer], ['true-false', false, '错误']);
  });

  it('keeps the feedback of quizdown options as the explanation', () => {
    const q = only(':::quizdown\n\n## The moon is a planet.\n\n1. [ ] True\n   > It orbits the Earth: a moon.\n2. [x] False\n   > Right.\n\n:::\n');
    assert.deepEqual([q.type, q.isTrue], ['true-false', false]);
    assert.equal(q.explanation, 'Right.\n\nIt orbits the Earth: a moon.');
  });

  it('reads a verdict written under a question that says "True or False", the rest explaining it', () => {
    const q = only('## True or False? Git stores snapshots.\n\n**Answer:** True\n');
    assert.deepEqual([q.type, q.isTrue, q.answer], ['true-false', true, 'True']);
    const explained = only('<details>\n<summary>True or False? git rm keeps the file on disk.</summary>\n\nFalse. Use `git rm --cached` to keep it.\n</details>\n');
    assert.deepEqual([explained.type, explained.isTrue], ['true-false', false]);
    assert.equal(explained.explanation, 'Use `git rm --cached` to keep it.');
  });

  it('keeps Yes/No options, two right options, and a True answer to a question that does not say so as they are', () => {
    assert.equal(typeOf(only('## Does Redis keep data in memory?\n\n- [x] Yes\n- [ ] No\n')), 'choice');
    assert.equal(typeOf(only('## Which are booleans in Python?\n\n- [x] True\n- [x] False\n')), 'choice');
    const literal = only('## What does `print(1 == 1)` show?\n\n**Answer:** True\n');
    assert.deepEqual([typeOf(literal), literal.answer], ['open', 'True']);
  });
});

describe('fill-in', () => {
  it('makes each inline [[answer]] a blank, | separating the answers it accepts', () => {
    const q = only('## 1. Fill in the capitals\n\nThe capital of France is [[Paris|paris|Paree]] and of Italy [[Rome]].\n');
    assert.equal(q.type, 'fill-in');
    assert.equal(q.prompt, 'The capital of France is ___ and of Italy ___.');
    assert.deepEqual(q.blanks, [{ accept: ['Paris', 'paris', 'Paree'] }, { accept: ['Rome'] }]);
    assert.equal(q.answer, '1. Paris\n2. Rome');
  });

  it('asks a LiaScript answer line [[solution]] after the prompt, without ___', () => {
    const q = only('## 1. Capitals\n\nWhat is the capital of France?\n\n[[Paris]]\n');
    assert.deepEqual([q.type, q.prompt, q.answer], ['fill-in', 'What is the capital of France?', 'Paris']);
    assert.deepEqual(q.blanks, [{ accept: ['Paris'] }]);
    const titled = only('## What is the capital of Italy?\n\n[[Rome]]\n');
    assert.deepEqual([titled.type, titled.prompt], ['fill-in', 'What is the capital of Italy?']);
  });

  it('leaves LiaScript boxes, code and wiki links alone', () => {
    assert.equal(typeOf(only('## Which are colours?\n\n- [[X]] red\n- [[ ]] loud\n- [[X]] blue\n')), 'choice');
    assert.equal(typeOf(only('## Which is a colour?\n\n[( )] loud\n[(X)] red\n')), 'choice');
    const code = only('## Nested lists\n\nHow do you write a nested list in Python?\n\n**Answer:** `[[1, 2], [3]]`\n');
    assert.equal(typeOf(code), 'open');
    // Under a heading that asks, [[Note]] in the text that answers it is a link.
    const link = only('## What is attention?\n\nA weighting of inputs; see [[Transformers]].\n');
    assert.deepEqual([typeOf(link), link.answer], ['open', 'A weighting of inputs; see [[Transformers]].']);
    // A document that links wiki-style ([[#Heading]], ![[embed]]) has links, not blanks.
    const notes = bankOf('- [[#1. Overfitting]]\n\n## 1. Overfitting\n\nIt fits noise, see [[Regularisation]].\n\n## 2. Underfitting\n\nToo simple, see [[Bias]].\n');
    assert.deepEqual(notes.questions.map(typeOf), ['open', 'open']);
  });

  it('reads no blanks in a question that has an answer', () => {
    const q = only('## 1. Capitals\n\nThe capital of France is [[Paris]].\n\n**Answer:** Paris, since 987.\n');
    assert.deepEqual([typeOf(q), q.answer], ['open', 'Paris, since 987.']);
  });
});

describe('numeric', () => {
  const cases: [string, unknown, string][] = [
    ['**Answer:** 42', { value: 42 }, '42'],
    ['Answer: = 42', { value: 42 }, '42'],
    ['**答案：** 9.81 ± 0.05 m/s²', { value: 9.81, tolerance: 0.05, unit: 'm/s²' }, '9.81 ± 0.05 m/s²'],
    ['Answer: 9.81 +- 0.05', { value: 9.81, tolerance: 0.05 }, '9.81 ± 0.05'],
    ['Answer: 200 ± 5%', { value: 200, tolerancePercent: 5 }, '200 ± 5%'],
    ['Answer: 6..12', { min: 6, max: 12 }, '6 – 12'],
    ['Answer: 6 – 12 layers', { min: 6, max: 12, unit: 'layers' }, '6 – 12 layers'],
    ['Answer: 1,000', { value: 1000 }, '1000'],
  ];
  for (const [answer, numeric, text] of cases) {
    it(`reads "${answer}"`, () => {
      const q = only(`## How much?\n\n${answer}\n`);
      assert.deepEqual([q.type, q.numeric, q.answer], ['numeric', numeric, text]);
    });
  }

  it('reads a number that is the whole text under a heading', () => {
    assert.deepEqual(only('## How many bits are in a byte?\n\n8\n').numeric, { value: 8 });
  });

  it('keeps versions, codes, numbers in sentences and code as open answers', () => {
    for (const answer of ['3.10', '007', 'Python 3', '42, because six times seven', '2023-01-05', '`42`', '12 - 6', '1e3', '3 or 4']) {
      const q = only(`## Which one?\n\n**Answer:** ${answer}\n`);
      assert.equal(typeOf(q), 'open', answer);
      assert.equal(q.answer, answer);
    }
  });
});

describe('ordering', () => {
  it('reads a quizdown numbered list as ordering, with no warning', () => {
    const result = importMarkdown(':::quizdown\n\n## Put the planets in order\n\n1. Mercury\n2. Venus\n3. Earth\n\n:::\n', { file: 'quiz.md' });
    const q = result.bank!.questions[0]!;
    assert.deepEqual([q.type, q.items, q.answer], ['ordering', ['Mercury', 'Venus', 'Earth'], '1. Mercury\n2. Venus\n3. Earth']);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), []);
  });
});

describe('matching', () => {
  it('reads an arrow list under a question that asks to match, -> → and =>, with distractors', () => {
    const q = only('## 1. Match each country with its capital\n\n- France -> Paris\n- Italy → Rome\n- Spain => Madrid\n- -> Berlin\n');
    assert.equal(q.type, 'matching');
    assert.deepEqual(q.pairs, [
      { left: 'France', right: 'Paris' },
      { left: 'Italy', right: 'Rome' },
      { left: 'Spain', right: 'Madrid' },
    ]);
    assert.deepEqual(q.distractors, ['Berlin']);
    assert.equal(q.answer, '- France → Paris\n- Italy → Rome\n- Spain → Madrid');
    assert.equal(q.prompt, 'Match each country with its capital');
  });

  it('reads an arrow list before an answer label, the answer explaining it', () => {
    const q = only('## Tools\n\nWhich tool does what?\n\n- git -> versions\n- npm -> packages\n\n**Answer:** git tracks, npm installs.\n');
    assert.deepEqual([q.type, q.prompt, q.explanation], ['matching', 'Which tool does what?', 'git tracks, npm installs.']);
  });

  it('keeps an arrow list that answers a question, arrows in code and a single arrow as they are', () => {
    const answer = only('## What do the HTTP status classes mean?\n\n- 2xx -> success\n- 4xx -> client error\n');
    assert.deepEqual([typeOf(answer), answer.answer], ['open', '- 2xx -> success\n- 4xx -> client error']);
    const code = only('## Match the operators\n\n**Answer:**\n\n- `a -> b` is a lambda\n- `a => b` is an arrow function\n');
    assert.equal(typeOf(code), 'open');
    const single = only('## Match the country\n\nWhich city?\n\n- France -> Paris\n\n**Answer:** Paris\n');
    assert.equal(typeOf(single), 'open');
  });
});

describe('GIFT export of markdown types', () => {
  it('writes every type GIFT has back so that it imports to the same fields, and notes what GIFT cannot hold', () => {
    const bank = bankOf(
      [
        '## 1. The sun is a star.\n\n- [x] True\n- [ ] False\n',
        '## 2. Fill in the capital\n\nThe capital of France is [[Paris|Paree]] today.\n',
        '## 3. Gravity\n\n**Answer:** 9.81 ± 0.05 m/s²\n',
        '## 4. Match each country with its capital\n\n- France -> Paris\n- Italy -> Rome\n- -> Berlin\n',
        ':::quizdown\n\n## 5. Put the planets in order\n\n1. Mercury\n2. Venus\n\n:::\n',
        '## 6. Two gaps\n\nA [[b]] c [[d]] e.\n',
      ].join('\n'),
    );
    const { text, notes } = exportGift(bank);
    const again = importGift(text, { file: 'quiz.gift' }).bank!;
    assert.deepEqual(bank.questions.map(typeOf), ['true-false', 'fill-in', 'numeric', 'matching', 'ordering', 'fill-in']);
    const fields = (q: Question) => [q.type, q.isTrue, q.blanks, q.pairs, q.distractors];
    assert.deepEqual(again.questions.slice(0, 2).map(fields), bank.questions.slice(0, 2).map(fields));
    assert.equal(again.questions[1]!.prompt, 'The capital of France is _____ today.');
    assert.deepEqual(again.questions[2]!.numeric, { value: 9.81, tolerance: 0.05 });
    assert.deepEqual(fields(again.questions[3]!), fields(bank.questions[3]!));
    assert.deepEqual(again.questions.slice(4).map(typeOf), ['open', 'open']);
    assert.deepEqual(notes.filter((n) => !/left out \(GIFT has no (hints|examples)\)/.test(n)), [
      'the unit of 1 question left out (GIFT numbers have no unit)',
      'the order asked of 1 question left out (GIFT has no ordering question; exported as open, the answer as general feedback)',
      'the blanks of 1 question left out (GIFT asks one blank; exported as open, the answer as general feedback)',
    ]);
  });
});
