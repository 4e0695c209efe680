import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import {
  BankFormatError,
  formatIssues,
  parseBank,
  parseCatalog,
  validateBank,
  validateCatalog,
  type BankIssue,
  type Validation,
} from './index.js';

/** A bank or catalog under test: tests break them in ways the real types would forbid. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Draft = Record<string, any>;

/** A fresh valid bank each time, so a test can break it freely. */
function goodBank(): Draft {
  return {
    format: 'quiz-bank/1',
    id: 'llm-basics',
    title: 'LLM basics',
    language: 'en',
    description: 'Tokens and attention.',
    topics: [
      { id: 'tokens', title: 'Tokens' },
      { id: 'attention', title: 'Attention', description: 'Self-attention.' },
    ],
    questions: [
      {
        id: 'what-is-a-token',
        kind: 'concept',
        title: 'What is a token?',
        prompt: 'What is a **token**?',
        answer: 'A piece of text the model reads as one unit.',
        topics: ['tokens'],
      },
      {
        id: 'self-attention',
        kind: 'concept',
        title: 'Self-attention',
        prompt: 'Which is true?',
        answer: 'The first.',
        explanation: 'Q, K and V come from one sequence.',
        hint: 'Q, K, V.',
        topics: ['attention', 'tokens'],
        choices: [
          { text: 'It relates positions of one sequence.', correct: true, feedback: 'Yes.' },
          { text: 'It needs recurrence.', correct: false },
        ],
      },
      {
        id: 'self-attention-code',
        kind: 'coding',
        title: 'Self-attention',
        prompt: 'Write attention in NumPy.',
        answer: '```python\nsoftmax(q @ k.T) @ v\n```',
        example: '`attention(q, k, v)`',
        topics: ['attention'],
        variantOf: 'self-attention',
      },
    ],
  };
}

function goodCatalog(): Draft {
  return {
    format: 'quiz-catalog/1',
    banks: [
      { id: 'llm-basics', title: 'LLM basics', language: 'en', questionCount: 3, src: 'llm-basics.json' },
      { id: 'python', title: 'Python', language: 'zh-CN', questionCount: 0, src: './python.json', description: 'Soon.' },
    ],
  };
}

const issuesOf = (result: Validation<unknown>): BankIssue[] => {
  assert.equal(result.ok, false, 'expected the input to be rejected');
  return result.ok ? [] : result.issues;
};

/** Breaks a good bank with `change` and returns what the validator says. */
function bankIssues(change: (bank: Draft) => void): BankIssue[] {
  const bank = goodBank();
  change(bank);
  return issuesOf(validateBank(bank));
}

const NO_JARGON = /Invalid|Expected|received|undefined|Array\b|\bkey:/;

describe('validateBank: a good bank', () => {
  test('passes with no warnings and returns the same data', () => {
    const input = goodBank();
    const result = validateBank(input);
    assert.ok(result.ok, result.ok ? '' : formatIssues(result.issues));
    assert.deepEqual(result.warnings, []);
    assert.deepEqual(result.value, input);
  });

  test('keeps unknown fields at the top level, in topics, questions and choices', () => {
    const input = goodBank();
    input['x-generator'] = { name: 'importer', version: 2 };
    input.topics[0]['x-order'] = 1;
    input.questions[1]['x-source'] = { file: 'notes.md', line: 12 };
    input.questions[1].choices[0]['x-weight'] = 2;
    input.questions[1]['weird key'] = true;
    const result = validateBank(input);
    assert.ok(result.ok);
    assert.deepEqual(result.value['x-generator'], { name: 'importer', version: 2 });
    assert.equal(result.value.topics[0]!['x-order'], 1);
    assert.deepEqual(result.value.questions[1]!['x-source'], { file: 'notes.md', line: 12 });
    assert.equal(result.value.questions[1]!.choices![0]!['x-weight'], 2);
    assert.equal(result.value.questions[1]!['weird key'], true);
  });

  test('allows a cross-bank variantOf and one naming this bank explicitly', () => {
    const input = goodBank();
    input.questions[0].variantOf = 'python/reverse-a-list';
    input.questions[1].variantOf = 'llm-basics/what-is-a-token';
    assert.ok(validateBank(input).ok);
  });

  test('warns, without rejecting, about an unused topic', () => {
    const input = goodBank();
    input.topics.push({ id: 'training', title: 'Training' });
    const result = validateBank(input);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, [{ path: 'topics[2]', message: 'topic "training" is not used by any question' }]);
  });

  test('warns, without rejecting, about a bank with no questions (and not about its topics)', () => {
    const input = goodBank();
    input.questions = [];
    const result = validateBank(input);
    assert.ok(result.ok);
    assert.deepEqual(result.warnings, [{ path: 'questions', message: 'the bank has no questions' }]);
  });
});

describe('validateBank: each problem has its path and a plain message', () => {
  const cases: [string, (bank: Draft) => void, BankIssue][] = [
    ['missing answer', (b) => delete b.questions[0].answer, { path: 'questions[0].answer', message: 'expected a string, got nothing' }],
    ['answer of the wrong type', (b) => (b.questions[2].answer = 42), { path: 'questions[2].answer', message: 'expected a string, got a number' }],
    ['blank answer', (b) => (b.questions[0].answer = ' \n '), { path: 'questions[0].answer', message: 'expected a non-empty string, got " \\n "' }],
    ['unknown kind', (b) => (b.questions[2].kind = 'essay'), { path: 'questions[2].kind', message: 'expected "concept" or "coding", got "essay"' }],
    ['missing kind', (b) => delete b.questions[0].kind, { path: 'questions[0].kind', message: 'expected "concept" or "coding", got nothing' }],
    ['no topics', (b) => (b.questions[0].topics = []), { path: 'questions[0].topics', message: 'expected at least one topic' }],
    ['topics not a list', (b) => (b.questions[0].topics = 'tokens'), { path: 'questions[0].topics', message: 'expected an array, got "tokens"' }],
    ['topic id not a slug', (b) => (b.questions[1].topics[1] = 'Tokens'), {
      path: 'questions[1].topics[1]',
      message: 'expected a slug (lower-case letters, digits and single hyphens), got "Tokens"',
    }],
    ['bank id not a slug', (b) => (b.id = 'My Bank'), {
      path: 'id',
      message: 'expected a slug (lower-case letters, digits and single hyphens), got "My Bank"',
    }],
    ['double hyphen in an id', (b) => (b.questions[0].id = 'what--token'), {
      path: 'questions[0].id',
      message: 'expected a slug (lower-case letters, digits and single hyphens), got "what--token"',
    }],
    ['empty bank title', (b) => (b.title = ''), { path: 'title', message: 'expected a non-empty string, got ""' }],
    ['question title on two lines', (b) => (b.questions[0].title = 'What is\na token?'), {
      path: 'questions[0].title',
      message: 'expected one non-empty line of text, got "What is\\na token?"',
    }],
    ['language not a tag', (b) => (b.language = 'English (US)'), {
      path: 'language',
      message: 'expected a language tag such as "en" or "zh-CN", got "English (US)"',
    }],
    ['description not a string', (b) => (b.description = null), { path: 'description', message: 'expected a string, got null' }],
    ['hint not a string', (b) => (b.questions[1].hint = ['a']), { path: 'questions[1].hint', message: 'expected a string, got an array' }],
    ['topic without title', (b) => delete b.topics[1].title, { path: 'topics[1].title', message: 'expected a string, got nothing' }],
    ['topic that is not an object', (b) => (b.topics[1] = 'attention'), { path: 'topics[1]', message: 'expected an object, got "attention"' }],
    ['question that is an array', (b) => (b.questions[2] = []), { path: 'questions[2]', message: 'expected an object, got an array' }],
    ['questions missing', (b) => delete b.questions, { path: 'questions', message: 'expected an array, got nothing' }],
    ['one choice', (b) => b.questions[1].choices.pop(), { path: 'questions[1].choices', message: 'expected at least two choices, got 1' }],
    ['no correct choice', (b) => (b.questions[1].choices[0].correct = false), {
      path: 'questions[1].choices',
      message: 'expected at least one choice with "correct": true',
    }],
    ['correct not a boolean', (b) => (b.questions[1].choices[1].correct = 'no'), {
      path: 'questions[1].choices[1].correct',
      message: 'expected true or false, got "no"',
    }],
    ['choice without text', (b) => delete b.questions[1].choices[0].text, {
      path: 'questions[1].choices[0].text',
      message: 'expected a string, got nothing',
    }],
    ['variantOf not an id', (b) => (b.questions[2].variantOf = 'Self Attention'), {
      path: 'questions[2].variantOf',
      message: 'expected a question id ("question-id" or "bank-id/question-id"), got "Self Attention"',
    }],
    ['duplicate question id', (b) => (b.questions[2].id = 'what-is-a-token'), {
      path: 'questions[2].id',
      message: 'duplicate id "what-is-a-token", first used at questions[0]',
    }],
    ['duplicate topic id', (b) => b.topics.push({ id: 'tokens', title: 'Tokens again' }), {
      path: 'topics[2].id',
      message: 'duplicate id "tokens", first used at topics[0]',
    }],
    ['unknown topic', (b) => b.questions[1].topics.push('foo'), {
      path: 'questions[1].topics[2]',
      message: 'unknown topic "foo"; the bank defines: tokens, attention',
    }],
    ['variantOf naming no question of the bank', (b) => (b.questions[2].variantOf = 'self-attn'), {
      path: 'questions[2].variantOf',
      message: 'no question of this bank has id "self-attn"',
    }],
    ['variantOf naming this bank and no question of it', (b) => (b.questions[2].variantOf = 'llm-basics/self-attn'), {
      path: 'questions[2].variantOf',
      message: 'no question of this bank has id "self-attn"',
    }],
    ['question that is its own variant', (b) => (b.questions[2].variantOf = 'self-attention-code'), {
      path: 'questions[2].variantOf',
      message: 'a question cannot be a variant of itself',
    }],
    ['own variant through the bank id', (b) => (b.questions[0].variantOf = 'llm-basics/what-is-a-token'), {
      path: 'questions[0].variantOf',
      message: 'a question cannot be a variant of itself',
    }],
  ];

  for (const [name, change, expected] of cases) {
    test(name, () => {
      const issues = bankIssues(change);
      assert.deepEqual(issues, [expected]);
      assert.doesNotMatch(expected.message, NO_JARGON);
    });
  }

  test('an unknown topic in a bank without topics says so', () => {
    const issues = bankIssues((b) => {
      b.topics = [];
    });
    assert.equal(issues[0]!.message, 'unknown topic "tokens"; the bank defines no topics');
  });

  test('a long list of defined topics is cut short', () => {
    const issues = bankIssues((b) => {
      for (let i = 0; i < 20; i++) b.topics.push({ id: `t${i}`, title: `T${i}` });
      b.questions[0].topics.push('nope');
    });
    assert.equal(
      issues[0]!.message,
      'unknown topic "nope"; the bank defines: tokens, attention, t0, t1, t2, t3, t4, t5, t6, t7, … (22 in all)',
    );
  });

  test('a long bad value is shortened in the message', () => {
    const [issue] = bankIssues((b) => {
      b.id = 'X'.repeat(500);
    });
    assert.equal(issue!.message, `expected a slug (lower-case letters, digits and single hyphens), got "${'X'.repeat(40)}…"`);
  });
});

describe('validateBank: many problems at once', () => {
  test('reports every shape problem in one go, in document order', () => {
    const issues = bankIssues((b) => {
      b.id = 'Bad Id';
      delete b.language;
      b.topics[0].id = 'Tokens!';
      b.questions[0].kind = 'quiz';
      delete b.questions[0].answer;
      b.questions[1].choices[1].correct = 1;
      b.questions[2].topics = [];
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['id', 'language', 'topics[0].id', 'questions[0].kind', 'questions[0].answer', 'questions[1].choices[1].correct', 'questions[2].topics'],
    );
    for (const issue of issues) assert.doesNotMatch(issue.message, NO_JARGON, issue.message);
  });

  test('reports every cross-field problem in one go', () => {
    const issues = bankIssues((b) => {
      b.questions[1].id = 'what-is-a-token';
      b.questions[0].topics = ['tokens', 'nope', 'nada'];
      b.questions[2].variantOf = 'missing';
    });
    assert.deepEqual(
      issues.map((i) => i.path),
      ['questions[1].id', 'questions[0].topics[1]', 'questions[0].topics[2]', 'questions[2].variantOf'],
    );
  });
});

describe('validateBank: format', () => {
  test('a newer format is one issue naming the supported version, however broken the rest', () => {
    const issues = bankIssues((b) => {
      b.format = 'quiz-bank/2';
      b.questions = [{ prompt: 1 }, { kind: 'new' }];
      delete b.title;
    });
    assert.deepEqual(issues, [
      { path: 'format', message: 'unsupported bank format "quiz-bank/2"; this version of quiz-elements reads "quiz-bank/1"' },
    ]);
  });

  test('a missing or non-string format names the supported version', () => {
    assert.deepEqual(bankIssues((b) => delete b.format), [{ path: 'format', message: 'expected "quiz-bank/1", got nothing' }]);
    assert.deepEqual(bankIssues((b) => (b.format = 1)), [{ path: 'format', message: 'expected "quiz-bank/1", got a number' }]);
  });

  test('a catalog given as a bank, and a bank given as a catalog, are named as such', () => {
    assert.deepEqual(issuesOf(validateBank(goodCatalog())), [
      { path: 'format', message: 'this is a catalog ("quiz-catalog/1"), not a bank' },
    ]);
    assert.deepEqual(issuesOf(validateCatalog(goodBank())), [
      { path: 'format', message: 'this is a bank ("quiz-bank/1"), not a catalog' },
    ]);
  });

  test('a non-object is one issue at the root', () => {
    const cases: [unknown, string][] = [
      [null, 'expected a JSON object, got null'],
      [[], 'expected a JSON object, got an array'],
      ['{"format":"quiz-bank/1"}', 'expected a JSON object, got a string'],
      [3, 'expected a JSON object, got a number'],
      [undefined, 'expected a JSON object, got nothing'],
    ];
    for (const [input, message] of cases) {
      assert.deepEqual(issuesOf(validateBank(input)), [{ path: '', message }]);
      assert.deepEqual(issuesOf(validateCatalog(input)), [{ path: '', message }]);
    }
  });
});

describe('validateBank: prototype pollution', () => {
  const polluting = JSON.stringify(goodBank())
    .replace('{"format"', '{"__proto__":{"polluted":"root"},"constructor":{"prototype":{"polluted":"ctor"}},"format"')
    .replace('{"id":"what-is-a-token"', '{"__proto__":{"polluted":"question","answer":"from proto"},"id":"what-is-a-token"')
    .replace('{"text":"It needs recurrence."', '{"__proto__":{"correct":true},"prototype":{"polluted":"choice"},"text":"It needs recurrence."');

  test('__proto__, constructor and prototype keys change no prototype and are not copied', () => {
    const input = JSON.parse(polluting);
    assert.ok(Object.hasOwn(input, '__proto__'), 'JSON.parse makes __proto__ an own key');
    const result = validateBank(input);
    assert.ok(result.ok, result.ok ? '' : formatIssues(result.issues));
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    assert.equal(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted'), false);
    for (const object of [result.value, result.value.questions[0]!, result.value.questions[1]!.choices![1]!]) {
      assert.equal(Object.getPrototypeOf(object), Object.prototype);
      assert.equal(Object.hasOwn(object, '__proto__'), false);
      assert.equal(Object.hasOwn(object, 'constructor'), false);
      assert.equal(Object.hasOwn(object, 'prototype'), false);
      assert.equal((object as Record<string, unknown>).polluted, undefined);
    }
    assert.equal(result.value.constructor, Object);
  });

  test('fields hidden under __proto__ do not count as present', () => {
    const input = JSON.parse(polluting);
    delete input.questions[0].answer;
    assert.deepEqual(issuesOf(validateBank(input)), [{ path: 'questions[0].answer', message: 'expected a string, got nothing' }]);
    const choice = JSON.parse(polluting);
    choice.questions[1].choices[0].correct = false;
    assert.deepEqual(issuesOf(validateBank(choice)).map((i) => i.path), ['questions[1].choices']);
  });

  test('ids named after Object.prototype members are ordinary ids', () => {
    const issues = bankIssues((b) => {
      b.questions[0].id = 'constructor';
      b.questions[1].id = 'constructor';
      b.questions[1].topics = ['constructor'];
      b.questions[2].variantOf = 'tostring';
    });
    assert.deepEqual(issues, [
      { path: 'questions[1].id', message: 'duplicate id "constructor", first used at questions[0]' },
      { path: 'questions[1].topics[0]', message: 'unknown topic "constructor"; the bank defines: tokens, attention' },
      { path: 'questions[2].variantOf', message: 'no question of this bank has id "tostring"' },
    ]);
  });
});

describe('validateCatalog', () => {
  test('a good catalog passes and keeps unknown fields', () => {
    const input = goodCatalog();
    input['x-built'] = '2025-01-01';
    input.banks[0]['x-tags'] = ['ai'];
    const result = validateCatalog(input);
    assert.ok(result.ok);
    assert.deepEqual(result.value, input);
    assert.deepEqual(result.warnings, []);
  });

  test('reports every problem with its path', () => {
    const input = goodCatalog();
    input.banks[0].questionCount = 2.5;
    input.banks[1].questionCount = -1;
    delete input.banks[1].src;
    input.banks[1].language = '';
    input.banks.push('python.json');
    assert.deepEqual(issuesOf(validateCatalog(input)), [
      { path: 'banks[0].questionCount', message: 'expected a whole number (0 or more), got 2.5' },
      { path: 'banks[1].language', message: 'expected a language tag such as "en" or "zh-CN", got ""' },
      { path: 'banks[1].questionCount', message: 'expected a whole number (0 or more), got -1' },
      { path: 'banks[1].src', message: 'expected a string, got nothing' },
      { path: 'banks[2]', message: 'expected an object, got "python.json"' },
    ]);
  });

  test('duplicate bank ids', () => {
    const input = goodCatalog();
    input.banks[1].id = 'llm-basics';
    assert.deepEqual(issuesOf(validateCatalog(input)), [
      { path: 'banks[1].id', message: 'duplicate id "llm-basics", first used at banks[0]' },
    ]);
  });

  test('a newer catalog format names the supported version', () => {
    const input = goodCatalog();
    input.format = 'quiz-catalog/2';
    assert.deepEqual(issuesOf(validateCatalog(input)), [
      { path: 'format', message: 'unsupported catalog format "quiz-catalog/2"; this version of quiz-elements reads "quiz-catalog/1"' },
    ]);
  });
});

describe('formatIssues', () => {
  const issues = Array.from({ length: 12 }, (_, i) => ({ path: `questions[${i}].answer`, message: 'expected a string, got nothing' }));

  test('one issue per line, then how many were left out', () => {
    const text = formatIssues(issues, 3);
    assert.equal(
      text,
      [
        'questions[0].answer: expected a string, got nothing',
        'questions[1].answer: expected a string, got nothing',
        'questions[2].answer: expected a string, got nothing',
        '… and 9 more',
      ].join('\n'),
    );
  });

  test('shows ten by default and all when they fit', () => {
    assert.equal(formatIssues(issues).split('\n').length, 11);
    assert.equal(formatIssues(issues).split('\n').at(-1), '… and 2 more');
    assert.equal(formatIssues(issues.slice(0, 10)).split('\n').length, 10);
    assert.equal(formatIssues(issues, 12).includes('more'), false);
  });

  test('a root issue has no path prefix', () => {
    assert.equal(formatIssues([{ path: '', message: 'expected a JSON object, got null' }]), 'expected a JSON object, got null');
  });
});

describe('parseBank and parseCatalog', () => {
  test('return the validated value', () => {
    assert.deepEqual(parseBank(goodBank()), goodBank());
    assert.deepEqual(parseCatalog(goodCatalog()), goodCatalog());
  });

  test('throw a BankFormatError carrying every issue, with the first five in the message', () => {
    const input = goodBank();
    for (const q of input.questions) delete q.answer;
    for (const q of input.questions) delete q.prompt;
    for (const q of input.questions) delete q.title;
    assert.throws(
      () => parseBank(input),
      (error: unknown) => {
        assert.ok(error instanceof BankFormatError);
        assert.ok(error instanceof Error);
        assert.equal(error.name, 'BankFormatError');
        // Three titles, three prompts, and the answers of the two questions that are not choice questions.
        assert.equal(error.issues.length, 8);
        assert.equal(error.message, formatIssues(error.issues, 5));
        assert.match(error.message, /^questions\[0\]\.title: expected a string, got nothing\n/);
        assert.match(error.message, /\n… and 3 more$/);
        return true;
      },
    );
  });

  test('parseCatalog throws for a bank', () => {
    assert.throws(() => parseCatalog(goodBank()), { name: 'BankFormatError', message: 'format: this is a bank ("quiz-bank/1"), not a catalog' });
  });
});
