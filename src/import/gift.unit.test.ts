/**
 * Moodle GIFT import and export: every question type, feedback, categories, titles, text
 * formats and escapes, checked on the bank a learner's card reads; then export, and the round
 * trip import → export → import on every field GIFT can hold.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { marked } from 'marked';
import { BANK_FORMAT, type Bank, type Question } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { formatDiagnostic, type ImportDiagnostic } from './diagnostics.js';
import { exportGift, importGift } from './gift.js';
import { documentFormat } from './format.js';
import { giftFields } from '../../test/gift-fields.js';
import { FIELD_LIMIT } from './limits.js';

const fixture = (name: string) => readFileSync(new URL(`../../test/fixtures/import/gift/${name}`, import.meta.url), 'utf8');

function importOk(source: string, file = 'quiz.gift'): { bank: Bank; diagnostics: ImportDiagnostic[] } {
  const result = importGift(source, { file });
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), []);
  assert.ok(result.bank);
  const validation = validateBank(result.bank);
  assert.ok(validation.ok, 'the importer must produce banks that pass the validator');
  return { bank: result.bank, diagnostics: result.diagnostics };
}

function question(bank: Bank, title: string): Question {
  const found = bank.questions.find((q) => q.title === title);
  assert.ok(found, `no question "${title}" among ${JSON.stringify(bank.questions.map((q) => q.title))}`);
  return found;
}

/** The one question of a one-question document. */
const only = (source: string): Question => {
  const { bank } = importOk(source);
  assert.equal(bank.questions.length, 1);
  return bank.questions[0]!;
};

/** Options as a learner sees them: text, and a tick for the right ones. */
const options = (q: Question) => q.choices?.map((c) => `${c.correct ? '[right] ' : ''}${c.text}`);


/** Import, export, import: the questions whose GIFT fields changed, with both versions. */
function roundTripChanges(source: string): { before: unknown; after: unknown }[] {
  const first = importOk(source).bank;
  const text = exportGift(first).text;
  const second = importGift(text, { file: 'quiz.gift' });
  assert.ok(second.bank, `the export does not import again:\n${second.diagnostics.map(formatDiagnostic).join('\n')}\n${text}`);
  assert.equal(second.bank.questions.length, first.questions.length, text);
  return first.questions.flatMap((q, i) => {
    const before = giftFields(first, q);
    const after = giftFields(second.bank!, second.bank!.questions[i]!);
    try {
      assert.deepEqual(after, before);
      return [];
    } catch {
      return [{ before, after }];
    }
  });
}

describe('importGift on a document with every question type', () => {
  const { bank, diagnostics } = importOk(fixture('astronomy.gift'), 'astronomy.gift');

  it('imports every question that has an answer, in order, with its ::title::', () => {
    assert.deepEqual(bank.questions.map((q) => q.title), [
      'Largest planet',
      'Gas giants',
      'Sun is a star',
      'Moon is a planet',
      'Pluto',
      'Venus',
      'Pi',
      'Planets between',
      'Moons of Mars',
      'Red planet',
      'Match moons',
      'Sunrise',
      'Describe an orbit',
      'Escapes: all of them',
      'Html question',
      'Markdown question',
      'Plain question',
    ]);
    assert.equal(bank.id, 'astronomy');
    assert.equal(bank.language, 'en');
  });

  it('warns, with the line, about the partial credit it leaves out and the essay it skips, and about nothing else', () => {
    const warnings = diagnostics.map((d) => `${d.line}${d.skipped ? ' skipped' : ''}: ${d.message}`);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings[0]!, /^34: question "Moons of Mars": answers worth less than 100% cannot be kept and are left out: 3 \(± 1\)$/);
    assert.match(warnings[1]!, /^46 skipped: question "Describe a comet" is an essay question with no model answer/);
  });

  it('reads a multiple choice question with per-answer feedback and general feedback', () => {
    const q = question(bank, 'Largest planet');
    assert.equal(q.prompt, 'Which planet is the largest?');
    assert.deepEqual(options(q), ['[right] Jupiter', 'Mars', 'Venus']);
    assert.deepEqual(q.choices!.map((c) => c.feedback), ['Yes: it is more than twice as heavy as all the others together.', 'Mars is smaller than the Earth.', undefined]);
    assert.equal(q.answer, 'Jupiter');
    assert.equal(q.explanation, 'Jupiter is a gas giant.');
    assert.equal(q.multiple, undefined);
    assert.equal(q.gift, undefined);
  });

  it('makes weighted answers checkboxes: positive weights right, penalties wrong', () => {
    const q = question(bank, 'Gas giants');
    assert.deepEqual(options(q), ['[right] Saturn', '[right] Neptune', 'Earth', 'Mercury']);
    assert.equal(q.answer, '- Saturn\n- Neptune');
    assert.equal(q.choices![2]!.feedback, 'The Earth is rocky.');
  });

  it('reads {T}, {TRUE}, {F} and {FALSE} as true/false questions; both feedbacks explain the statement', () => {
    for (const [title, isTrue] of [['Sun is a star', true], ['Venus', true], ['Pluto', false], ['Moon is a planet', false]] as const) {
      const q = question(bank, title);
      assert.equal(q.type, 'true-false', title);
      assert.equal(q.isTrue, isTrue, title);
      assert.equal(q.choices, undefined, title);
      assert.equal(q.answer, isTrue ? 'True' : 'False', title);
      assert.equal(q.gift, undefined, title);
    }
    // The second feedback (for a right pick) first, then the first (for a wrong one).
    assert.equal(question(bank, 'Moon is a planet').explanation, 'Right: it is a moon.\n\nIt orbits the Earth, so it is a moon.');
  });

  it('imports {#3.14:0.01}, {#1..2} and the first 100% answer of several as numeric questions', () => {
    const pi = question(bank, 'Pi');
    assert.equal(pi.type, 'numeric');
    assert.deepEqual(pi.numeric, { value: 3.14, tolerance: 0.01 });
    assert.equal(pi.answer, '3.14 ± 0.01');
    assert.equal(pi.gift, undefined);
    const range = question(bank, 'Planets between');
    assert.deepEqual(range.numeric, { min: 1, max: 2 });
    assert.equal(range.answer, '1 – 2');
    const moons = question(bank, 'Moons of Mars');
    assert.deepEqual(moons.numeric, { value: 2 });
    assert.equal(moons.answer, '2');
    assert.equal(moons.explanation, 'Phobos and Deimos.');
  });

  it('imports a short-answer question as fill-in with one blank asked after the prompt, every = answer accepted', () => {
    const q = question(bank, 'Red planet');
    assert.equal(q.type, 'fill-in');
    assert.equal(q.prompt, 'Which planet is called the red planet?');
    assert.deepEqual(q.blanks, [{ accept: ['Mars', 'the planet Mars'] }]);
    assert.equal(q.answer, 'Mars');
    assert.equal(q.explanation, 'Also right.');
    assert.equal(q.gift, undefined);
  });

  it('imports a matching question with its pairs', () => {
    const q = question(bank, 'Match moons');
    assert.equal(q.type, 'matching');
    assert.deepEqual(q.pairs, [
      { left: 'Titan', right: 'Saturn' },
      { left: 'Io', right: 'Jupiter' },
      { left: 'Phobos', right: 'Mars' },
    ]);
    assert.equal(q.answer, '- Titan → Saturn\n- Io → Jupiter\n- Phobos → Mars');
    assert.equal(q.gift, undefined);
  });

  it('shows the gap of a missing-word question in its prompt', () => {
    const q = question(bank, 'Sunrise');
    assert.equal(q.prompt, 'The sun rises in the _____ every morning.');
    assert.deepEqual(options(q), ['[right] east', 'west', 'north']);
  });

  it('imports an essay with a model answer (general feedback) as an open question', () => {
    const q = question(bank, 'Describe an orbit');
    assert.equal(q.prompt, 'Describe the orbit of the Earth.');
    assert.equal(q.answer, 'An ellipse, close to a circle, that takes one year.');
    assert.equal(q.choices, undefined);
  });

  it('makes the last part of each $CATEGORY path a topic', () => {
    assert.deepEqual(bank.topics.map((t) => t.title), ['Planets', 'Numbers']);
    const topicOf = (title: string) => bank.topics.find((t) => t.id === question(bank, title).topics[0])?.title;
    assert.equal(topicOf('Venus'), 'Planets');
    assert.equal(topicOf('Pi'), 'Numbers');
    assert.equal(topicOf('Plain question'), 'Numbers');
  });

  it('reads no comment line into a question', () => {
    assert.ok(!JSON.stringify(bank).includes('two slashes'));
    assert.ok(!JSON.stringify(bank).includes('Special characters'));
  });

  it('undoes the escapes \\: \\= \\{ \\} \\~ \\# \\\\ and \\n', () => {
    const q = question(bank, 'Escapes: all of them');
    assert.equal(q.prompt, 'Which sign means "equals" in 1 + 1 = 2, and what do {braces}, ~ and # do?\nThink of GIFT.');
    assert.deepEqual(options(q), ['[right] The = sign', 'A backslash \\', 'The colon :']);
    assert.equal(q.choices![0]!.feedback, 'Right: = is equality.');
  });

  it('converts [html] text, answers and feedback to markdown', () => {
    const q = question(bank, 'Html question');
    assert.equal(q.prompt, 'Which tag makes text **bold** & heavy?');
    assert.deepEqual(options(q), ['[right] The `b` tag', 'The `i` tag']);
    assert.equal(q.choices![1]!.feedback, 'That one makes text *italic*.');
  });

  it('keeps [markdown] text as it is', () => {
    assert.equal(question(bank, 'Markdown question').prompt, 'Which is **bold** in markdown?');
  });

  // Fixed bug (gift.ts convert): [plain] text is passed on as markdown, so `2*3*4` shows as "2<em>3</em>4".
  it('shows [plain] text as written, not as markdown', () => {
    assert.equal(marked.parseInline(question(bank, 'Plain question').prompt), 'Is 2*3*4 equal to 24?');
  });
});

describe('importGift on a Moodle export', () => {
  const { bank } = importOk(fixture('moodle-export.gift'), 'moodle-export.gift');

  it('titles a question named by a code (U1L2Q1) with its text, and keeps real titles', () => {
    assert.deepEqual(bank.questions.map((q) => q.title), ['Which keyword defines a function in Python?', 'How do you write a comment in Python?', 'Lists are mutable']);
  });

  it('converts the HTML of Moodle, escaped characters in attributes included', () => {
    const q = question(bank, 'How do you write a comment in Python?');
    assert.equal(q.prompt, 'How do you write a comment in Python?');
    assert.equal(q.answer, 'Start the line with #');
    assert.ok(!JSON.stringify(bank).includes('span'));
    assert.deepEqual(options(question(bank, 'Which keyword defines a function in Python?')), ['[right] `def`', '`func`', '`function`']);
    assert.equal(marked.parseInline(q.choices![1]!.text), 'Wrap it in /* and */');
  });

  it('takes topics from "$course$/Unit 1/Lesson 2"-style categories', () => {
    assert.deepEqual(bank.topics.map((t) => t.title), ['Lesson 2', 'Lesson 3']);
    assert.deepEqual(bank.questions.map((q) => q.topics.length), [1, 1, 1]);
    assert.notEqual(bank.questions[1]!.topics[0], bank.questions[2]!.topics[0]);
  });
});

describe('importGift on categories', () => {
  // Fixed bug (gift.ts categoryTitle): a path with nothing but `$course$` and `top` falls back to the
  // whole path, so the learner sees a topic called "$course$/top" (and "$course$-top" after a round trip).
  it('makes no topic of "$course$/top": its questions share the topic of questions without a category', () => {
    const { bank } = importOk('::A:: Pick? {=a ~b}\n\n$CATEGORY: $course$/top\n\n::B:: Pick? {=a ~b}\n\n$CATEGORY: $course$/top/Default for Physics\n\n::C:: Pick? {=a ~b}\n');
    const topicOf = (title: string) => bank.topics.find((t) => t.id === question(bank, title).topics[0])?.title;
    assert.equal(topicOf('C'), 'Default for Physics');
    assert.equal(topicOf('B'), topicOf('A'));
    assert.ok(!bank.topics.some((t) => t.title.includes('$')), JSON.stringify(bank.topics));
  });
});

describe('importGift on single and multiple choice', () => {
  it('drops typed letters when every option has one, in any order (~%100% and ~%0% weights)', () => {
    const q = only('::Q1:: Which is the largest ocean? {\n~%0%A) Atlantic\n~%0%B) Indian\n~%0%D) Arctic\n~%100%C) Pacific\n}\n');
    assert.deepEqual(options(q), ['Atlantic', 'Indian', 'Arctic', '[right] Pacific']);
    assert.equal(q.answer, 'Pacific');
    assert.equal(q.multiple, undefined, 'one right answer at 100%: radio buttons');
  });

  it('makes a single right answer with partial credit elsewhere checkboxes, and says so', () => {
    const q = only('::Rocky:: Which planet is rocky? {~%100%Mars ~%-50%Jupiter ~%-50%Saturn}');
    assert.deepEqual(options(q), ['[right] Mars', 'Jupiter', 'Saturn']);
    assert.equal(q.multiple, true);
    // Mars's 100% is the whole share of the one right option (said by `correct`); the penalties are not the usual -100%.
    assert.deepEqual(q.choices!.map((c) => c.weight), [undefined, -50, -50], 'weights that are not the usual split are kept');
  });

  // Fixed bug (gift.ts): Moodle makes a question with an `=` answer single choice (radio buttons),
  // whatever the penalties of its wrong answers; the importer turns a penalty into checkboxes.
  it('keeps a question with an = answer single choice when a wrong answer has a penalty', () => {
    const q = only('::Largest:: Which planet is the largest? {=Jupiter ~Mars ~%-100%Pluto}');
    assert.deepEqual(options(q), ['[right] Jupiter', 'Mars', 'Pluto']);
    assert.equal(q.multiple, undefined);
  });

  // Fixed bug (gift.ts): a 25% answer next to an `=` answer is partial credit in a single choice
  // question; the importer marks it right too, so the card asks for both and marks "Jupiter" alone wrong.
  it('does not make a partial-credit answer of a single choice question a second right answer', () => {
    const q = only('::Largest:: Which planet is the largest? {=Jupiter ~%25%Saturn ~Mars}');
    assert.deepEqual(q.choices!.filter((c) => c.correct).map((c) => c.text), ['Jupiter']);
    assert.equal(q.multiple, undefined);
  });

  // Fixed bug (gift.ts readQuestion): true/false feedback is split at `#` not preceded by a backslash,
  // so an escaped backslash ending the first feedback (GIFT `C\:\\#Right`) glues both feedbacks together.
  it('splits true/false feedback after a feedback that ends with an escaped backslash', () => {
    const q = only('::Path:: Windows paths start with a drive letter. {TRUE#No\\: they start like C\\:\\\\#Right\\: like C\\:\\\\}');
    assert.equal(q.explanation, 'Right: like C:\\\n\nNo: they start like C:\\');
  });

  it('gives the bank the shortTitle of its options, on one line', () => {
    const bank = importGift('::Q:: Pick one. {=a ~b}\n', { file: 'q.gift', shortTitle: ' Quiz \n one ' }).bank;
    assert.equal(bank?.shortTitle, 'Quiz one');
    assert.equal('shortTitle' in importGift('::Q:: Pick one. {=a ~b}\n', { file: 'q.gift' }).bank!, false);
  });

  it('skips a question with no right answer, and one with no answers, saying why', () => {
    const result = importGift('::None:: Pick one. {~a ~b}\n\n::Empty:: Pick one. {#wrong}\n\n::Ok:: Pick one. {=a ~b}\n', { file: 'q.gift' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Ok']);
    const skipped = result.diagnostics.filter((d) => d.skipped);
    assert.deepEqual(skipped.map((d) => d.line), [1, 3]);
    assert.match(skipped[0]!.message, /no right answer/);
  });
});

describe('importGift on the shape of a document', () => {
  it('reads CRLF line endings, a byte order mark, tabs and questions over several lines', () => {
    const q = only('\uFEFF// comment\r\n::Capital::\r\nWhich city is the\r\ncapital of France? {\r\n\t=Paris\r\n\t// a comment inside the answers\r\n\t~Lyon\r\n}\r\n');
    assert.equal(q.prompt, 'Which city is the\ncapital of France?');
    assert.deepEqual(options(q), ['[right] Paris', 'Lyon']);
  });

  it('titles a question without ::title:: by its text', () => {
    assert.equal(only('Which city is the capital of France? {=Paris ~Lyon}').title, 'Which city is the capital of France?');
  });

  it('skips text without an answer block and an answer block never closed, and keeps the rest', () => {
    const result = importGift('Just a sentence.\n\n::Ok:: Pick one. {=a ~b}\n\n::Open:: Pick one. {=a ~b\n', { file: 'q.gift' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Ok']);
    assert.deepEqual(result.diagnostics.filter((d) => d.skipped).map((d) => d.line), [1, 5]);
  });

  it('ends a question whose { never closes at the blank line, so the questions after it still count', () => {
    const result = importGift('::Broken:: Pick one. {=a ~b\n\n::Next:: Pick one. {=c ~d}\n', { file: 'q.gift' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Next']);
    assert.deepEqual(result.diagnostics.map(formatDiagnostic), ['q.gift:1: warning: an answer block { is never closed with }; the question is skipped']);
  });

  it('keeps reading an answer block across a blank line when its answers go on after it', () => {
    const q = only('::Spaced:: Which is a fruit? {\n\t=apple\n\n\t~stone\n}\n');
    assert.deepEqual(options(q), ['[right] apple', 'stone']);
  });

  it('skips a question with two answer blocks (a missing blank line) and says how to separate them', () => {
    const result = importGift('::One:: Pick. {=a ~b}\n::Two:: Pick. {=c ~d}\n\n::Three:: Pick. {=e ~f}\n', { file: 'q.gift' });
    assert.deepEqual(result.bank?.questions.map((q) => q.title), ['Three']);
    assert.match(formatDiagnostic(result.diagnostics[0]!), /^q\.gift:1: warning: two answer blocks \{…\} in one question: separate questions with a blank line; "Pick\." is skipped$/);
  });

  it('cuts an option and its feedback longer than the format allows, with a warning, instead of failing the bank', () => {
    const long = 'x'.repeat(FIELD_LIMIT + 10);
    const { bank, diagnostics } = importOk(`::Long:: Pick. {=${long}#${long} ~short}\n`);
    const [right] = bank.questions[0]!.choices!;
    assert.ok(right!.text.length < long.length && right!.feedback!.length < long.length);
    assert.deepEqual(diagnostics.map((d) => d.message), [
      'the answer of "Long" has 100,010 characters; it is cut to 100,000',
      'an option of "Long" is longer than 100,000 characters; it is cut', 'an option\'s feedback of "Long" is longer than 100,000 characters; it is cut']);
  });

  it('fails with an error at line 1 and no bank when nothing is a question', () => {
    const result = importGift('Nothing to see here.\n', { file: 'notes.gift' });
    assert.equal(result.bank, null);
    assert.ok(result.diagnostics.some((d) => d.severity === 'error' && d.line === 1 && d.file === 'notes.gift'));
  });
});

describe('exportGift', () => {
  const bank: Bank = {
    format: BANK_FORMAT,
    id: 'data-structures',
    title: 'Data structures',
    language: 'en',
    topics: [
      { id: 'arrays', title: 'Arrays/Lists' },
      { id: 'maps', title: 'Maps' },
    ],
    questions: [
      { id: 'q1', kind: 'concept', title: 'What is an array?', topics: ['arrays'], prompt: 'Explain {arrays}.', answer: 'A block: a = [1, 2]\n\nwith #items ~ok', explanation: 'Not in GIFT.', hint: 'Think of memory.', example: 'int a[3];' },
      {
        id: 'q2',
        kind: 'coding',
        title: 'Which is indexed?',
        topics: ['arrays'],
        prompt: 'Which one is indexed by position?',
        answer: 'array',
        choices: [
          { text: 'array', correct: true, feedback: 'Yes.' },
          { text: 'set', correct: false },
        ],
        multiple: true,
        explanation: 'Arrays are indexed.',
      },
      {
        id: 'q3',
        kind: 'concept',
        title: 'Which hold pairs?',
        topics: ['maps'],
        prompt: 'Which hold key: value pairs?',
        answer: '- dict\n- map',
        choices: [
          { text: 'dict', correct: true },
          { text: 'map', correct: true },
          { text: 'list', correct: false },
        ],
      },
      {
        id: 'q4',
        kind: 'concept',
        title: 'Maps are ordered',
        topics: ['maps'],
        prompt: 'A hash map keeps its keys in order.',
        answer: 'False',
        choices: [
          { text: 'True', correct: false, feedback: 'Only some maps do.' },
          { text: 'False', correct: true },
        ],
      },
    ],
  };
  const { text, notes } = exportGift(bank);

  it('writes each question as ::title::[markdown]prompt {…}, under a $CATEGORY line per topic', () => {
    const lines = text.split('\n');
    assert.deepEqual(lines.filter((l) => l.startsWith('$CATEGORY:')), ['$CATEGORY: Arrays-Lists', '$CATEGORY: Maps']);
    assert.deepEqual(lines.filter((l) => l.startsWith('::')), [
      '::What is an array?::[markdown]Explain \\{arrays\\}. {',
      '::Which is indexed?::[markdown]Which one is indexed by position? {',
      '::Which hold pairs?::[markdown]Which hold key\\: value pairs? {',
      '::Maps are ordered::[markdown]A hash map keeps its keys in order. {',
    ]);
    assert.ok(lines.indexOf('$CATEGORY: Maps') > lines.findIndex((l) => l.startsWith('::Which is indexed?')));
    assert.ok(lines.indexOf('$CATEGORY: Maps') < lines.findIndex((l) => l.startsWith('::Which hold pairs?')));
  });

  it('writes an open question as an essay whose general feedback is the answer, escaped', () => {
    assert.match(text, /::What is an array\?::\[markdown\]Explain \\\{arrays\\\}\. \{\n\t####A block\\: a \\= \[1, 2\]\\n\\nwith \\#items \\~ok\n\}/);
  });

  it('writes checkboxes with weights, feedback and the explanation as general feedback', () => {
    const block = text.slice(text.indexOf('::Which is indexed?'), text.indexOf('::Which hold pairs?'));
    assert.match(block, /\t~%100%array#Yes\.\n\t~%-100%set\n\t####Arrays are indexed\.\n\}/);
    const pairs = text.slice(text.indexOf('::Which hold pairs?'), text.indexOf('::Maps are ordered'));
    assert.match(pairs, /\t~%50%dict\n\t~%50%map\n\t~%-100%list\n\}/);
  });

  it('writes True/False choices as a true-false question with its feedback', () => {
    assert.match(text, /::Maps are ordered::\[markdown\]A hash map keeps its keys in order\. \{\n\tFALSE#Only some maps do\.\n\}/);
  });

  it('notes what GIFT cannot hold', () => {
    assert.equal(notes.length, 4, notes.join('\n'));
    assert.ok(notes.some((n) => /1 hint/.test(n)));
    assert.ok(notes.some((n) => /1 example/.test(n)));
    assert.ok(notes.some((n) => /1 explanation/.test(n)));
    assert.ok(notes.some((n) => /1 coding question/.test(n)));
  });

  it('writes GIFT that imports to the same questions, True/False choices as a true/false question', () => {
    const again = importOk(text, 'data-structures.gift').bank;
    const choiceQuestions = (questions: Question[]) => questions.slice(0, 3).map((q) => [q.title, q.prompt, q.answer, q.choices, q.multiple]);
    assert.deepEqual(choiceQuestions(again.questions), choiceQuestions(bank.questions));
    const maps = question(again, 'Maps are ordered');
    assert.deepEqual([maps.type, maps.isTrue, maps.answer, maps.choices, maps.explanation], ['true-false', false, 'False', undefined, 'Only some maps do.']);
    assert.equal(question(again, 'Which is indexed?').explanation, 'Arrays are indexed.');
    assert.deepEqual(again.topics.map((t) => t.title), ['Arrays-Lists', 'Maps']);
  });

  it('writes a question whose gift record is not one an import writes (a hand-made bank) as an essay, and notes it', () => {
    const handMade: Bank = { ...bank, questions: [{ id: 'odd', kind: 'concept', title: 'Odd record', topics: ['maps'], prompt: 'Name a map.', answer: 'dict', gift: { type: 'short-answer', answers: 'dict' } as never }] };
    const exported = exportGift(handMade);
    assert.match(exported.text, /::Odd record::\[markdown\]Name a map\. \{\n\t####dict\n\}/);
    assert.deepEqual(exported.notes, ['1 question whose gift record lacks the answers GIFT needs exported as open (the answer is the general feedback)']);
  });
});

describe('documentFormat', () => {
  it('reads GIFT pasted into a .md or .txt file as GIFT, and markdown that quotes GIFT in a code block as markdown', () => {
    const gift = '::Capital:: Which city? {=Paris ~Lyon}\n\n::Sum:: 2 + 2 = {=4 ~5}\n';
    assert.equal(documentFormat(gift, 'notes.md'), 'gift');
    assert.equal(documentFormat(gift, 'quiz.txt'), 'gift');
    assert.equal(documentFormat(`## How do you write a GIFT question?\n\n\`\`\`\n${gift}\`\`\`\n`, 'notes.md'), 'markdown');
    assert.equal(documentFormat('## What is DNS?\n\nIt maps names.\n', 'quiz.gift'), 'gift');
  });
});

describe('GIFT round trip: import → export → import', () => {
  it('keeps every question of the document with every type', () => {
    // Fixed bug (gift.ts export): a numeric answer with tolerance 0 ({#=2:0}) is written "=2" and comes back without its tolerance.
    assert.deepEqual(roundTripChanges(fixture('astronomy.gift')), []);
  });

  it('keeps the Moodle export', () => {
    assert.deepEqual(roundTripChanges(fixture('moodle-export.gift')), []);
  });

  it('keeps weights and feedback of every kind of multiple choice question', () => {
    assert.deepEqual(roundTripChanges('::A:: Pick? {=a#yes ~b#no ~c}\n\n::B:: Pick? {~%50%a ~%50%b ~%-100%c#no}\n\n::C:: Pick? {~%100%a ~%-50%b ~%-50%c}\n\n::D:: Pick? {~%40%a ~%60%b ~%0%c}\n'), []);
  });

  // Fixed bug (gift.ts export): options of a weighted question that had no weight get one made up
  // ("~D" comes back as "~%-100%D"), so the weights change on every round trip.
  it('does not give weights to options that had none', () => {
    assert.deepEqual(roundTripChanges('::W:: Pick? {~%50%a ~%50%b ~%-50%c ~d}\n\n::X:: Pick? {~%40%a ~%60%b ~c}'), []);
  });

  // Fixed bug (gift.ts export): {=true ~false} is written as TRUE and comes back as "True"/"False".
  it('keeps the case of true/false options', () => {
    assert.deepEqual(roundTripChanges('::TF:: The sky is blue. {=true ~false}'), []);
  });

  // Fixed bug (gift.ts): option letters are stripped again on re-import when the texts left after the
  // first strip start with letters too ("B. subtilis", "A. thaliana").
  it('keeps options whose texts start with a letter after their own letter was dropped', () => {
    assert.deepEqual(roundTripChanges('::Org:: Which one is a bacterium? {=A) B. subtilis ~B) A. thaliana}'), []);
  });

  // Fixed bug (gift.ts export): an answer whose text starts with a percentage ("%25% off", imported from
  // "=%100%%25% off") is written "=%25% off", which reads as a 25% weight for the text "off".
  it('keeps answers whose text starts with a percentage', () => {
    assert.deepEqual(roundTripChanges('::Disc:: How big is the discount? {=%100%%25% off ~half}\n\n::Short:: Write a quarter. {=%100%%25%}'), []);
  });

  it('keeps escapes, newlines, html and every open question type', () => {
    const source = [
      '::Esc\\: \\{1\\}:: A \\= b\\nc \\~ d \\# e \\\\ f? {=x \\{y\\}#fb \\: z ~w ####gen\\neral}',
      '::Short:: Name it. {=one#a =%50%two ####Both count.}',
      '::Num:: How much? {#=5:0.5#near =%25%4..6 ####Five.}',
      '::Pairs:: Match. {=a \\= 1 -> b\\: 2 =c -> d}',
      '::Essay:: Explain. {####Because \\{it\\} is.}',
      '::Html::[html]<p>Is <b>this</b> bold?</p> {=<i>yes</i> ~no}',
      '::Gap:: Fill the {=gap ~hole} here.',
    ].join('\n\n');
    assert.deepEqual(roundTripChanges(source), []);
  });
});

describe('importGift: titles and pinned ids', () => {
  it('keeps a one-word title with a digit (IPv6, MP3) and gives way to the text for codes (Q7, 570iM1L3Q7)', () => {
    const { bank } = importGift('::IPv6:: What replaces IPv4? {=IPv6 ~IPX}\n\n::Q7:: What is 2+2? {=4 ~5}\n\n::570iM1L3Q7:: What is 3+3? {=6 ~7}\n', { file: 't.gift' });
    assert.deepEqual(bank!.questions.map((q) => q.title), ['IPv6', 'What is 2+2?', 'What is 3+3?']);
  });

  it('warns about a // id: comment that is not a slug and uses an id from the title', () => {
    const { bank, diagnostics } = importGift('// id: Not A Slug\n::Sky:: Is the sky blue? {T}\n', { file: 't.gift' });
    assert.match(bank!.questions[0]!.id, /^sky-/);
    assert.deepEqual(diagnostics.map((d) => [d.line, d.message]), [[1, 'pinned id "Not A Slug" is not a slug (lower-case letters, digits, single hyphens); using one made from the title']]);
  });
});
