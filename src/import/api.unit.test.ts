import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it, mock } from 'node:test';
import {
  assignTopics,
  bundledTopicRules,
  checkTopicRules,
  formatDiagnostic,
  importDocument,
  importDocuments,
  importGift,
  importMarkdown,
  importMarkdownAsync,
  ImportError,
  type TopicRules,
} from './index.js';
import { importMarkdown as deprecatedImportMarkdown } from './lazy.js';

const GOOD = '# Notes\n\n## Training\n\n### 1. What is overfitting?\n**Answer:** Learning the noise.\n';
const EMPTY = 'Just a paragraph, no question.\n';
const SKIPPED = '# Notes\n\n### 1. What is overfitting?\n**Answer:** Learning the noise.\n\n### 2. Why dropout?\n**Answer:** TODO\n';

function thrown(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    assert.ok(error instanceof ImportError, `expected an ImportError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected an ImportError, nothing was thrown');
}

describe('throwOnError: ImportError is what a failed import throws when asked', () => {
  it('importMarkdown throws an ImportError with the errors as its message and every diagnostic', () => {
    const error = thrown(() => importMarkdown(EMPTY, { file: 'empty.md', throwOnError: true }));
    assert.equal(error.name, 'ImportError');
    assert.match(error.message, /^empty\.md:1: error: no question found/);
    assert.equal(error.diagnostics.length, 1);
    assert.equal(formatDiagnostic(error.diagnostics[0]!), error.message);
  });

  it('without it, the result-with-diagnostics design is unchanged: bank null, nothing thrown', () => {
    const result = importMarkdown(EMPTY, { file: 'empty.md' });
    assert.equal(result.bank, null);
    assert.match(result.diagnostics[0]!.message, /no question found/);
  });

  it('a bank with warnings is returned, not thrown; with strict the warning throws, and diagnostics keep it', () => {
    const result = importMarkdown(SKIPPED, { file: 'notes.md', throwOnError: true });
    // The overload types `bank` as a Bank: no `!` needed.
    assert.equal(result.bank.questions.length, 1);
    assert.deepEqual(result.lines, [3]);
    const error = thrown(() => importMarkdown(SKIPPED, { file: 'notes.md', throwOnError: true, strict: true }));
    assert.match(error.message, /^notes\.md:6: error: question 2 "Why dropout\?" is skipped/);
    assert.equal(error.diagnostics[0]!.skipped, true);
  });

  it('importGift and importDocument throw the same way', () => {
    assert.match(thrown(() => importGift('no gift here', { file: 'q.gift', throwOnError: true })).message, /^q\.gift:1: error: no question could be read/);
    assert.match(thrown(() => importDocument(EMPTY, { file: 'a.md', throwOnError: true })).message, /^a\.md:1: error/);
    assert.equal(importDocument('::Q:: Two plus two? {=4 ~5}\n', { file: 'q.gift', throwOnError: true }).bank.questions.length, 1);
  });

  it('importDocuments throws one ImportError holding the diagnostics of every document, collisions included', () => {
    const error = thrown(() =>
      importDocuments(
        [
          { file: 'a.md', source: GOOD, id: 'same' },
          { file: 'b.md', source: GOOD, id: 'same' },
          { file: 'c.md', source: EMPTY },
        ],
        undefined,
        { throwOnError: true },
      ),
    );
    assert.deepEqual(
      error.diagnostics.filter((d) => d.severity === 'error').map((d) => d.file),
      ['b.md', 'c.md'],
    );
    assert.match(error.message, /b\.md:1: error: bank id "same" is already used by a\.md/);
    assert.equal(importDocuments([{ file: 'a.md', source: GOOD }], undefined, { throwOnError: true }).banks.length, 1);
  });
});

describe('importMarkdownAsync: one name, one shape, in every entry', () => {
  it('resolves to what the synchronous importMarkdown returns', async () => {
    const promise = importMarkdownAsync(GOOD, { file: 'ml.md' });
    assert.ok(promise instanceof Promise);
    assert.deepEqual(await promise, importMarkdown(GOOD, { file: 'ml.md' }));
  });

  it('rejects with an ImportError under throwOnError', async () => {
    await assert.rejects(importMarkdownAsync(EMPTY, { file: 'x.md', throwOnError: true }), (error: unknown) => error instanceof ImportError && /x\.md:1: error/.test(error.message));
  });

  it('the deprecated async importMarkdown of the main entry still works and warns once per process, naming the replacement', async () => {
    const warn = mock.method(console, 'warn', () => {});
    try {
      const first = await deprecatedImportMarkdown(GOOD, { file: 'ml.md' });
      const second = await deprecatedImportMarkdown(GOOD, { file: 'ml.md' });
      assert.deepEqual(first, importMarkdown(GOOD, { file: 'ml.md' }));
      assert.deepEqual(second, first);
      const deprecations = warn.mock.calls.filter((call) => /deprecated/.test(String(call.arguments[0])));
      assert.equal(deprecations.length, 1);
      const message = String(deprecations[0]!.arguments[0]);
      assert.equal(
        message,
        "quiz-elements: importMarkdown is deprecated (gone in 0.3.0); use importMarkdownAsync, the same function.",
      );
    } finally {
      warn.mock.restore();
    }
  });

  it('quiz-elements/import keeps importMarkdown synchronous', () => {
    const result = importMarkdown(GOOD);
    assert.equal(result instanceof Promise, false);
    assert.equal(result.bank?.questions.length, 1);
  });
});

describe('bundledTopicRules: the rules of data/topics.json as a value', () => {
  const file = JSON.parse(readFileSync(new URL('../../data/topics.json', import.meta.url), 'utf8')) as TopicRules;

  it('are the file, valid, and frozen all the way down', () => {
    assert.deepEqual(bundledTopicRules, file);
    assert.deepEqual(checkTopicRules(bundledTopicRules), []);
    assert.ok(Object.isFrozen(bundledTopicRules) && Object.isFrozen(bundledTopicRules.topics) && Object.isFrozen(bundledTopicRules.topics[0]!.keywords));
    assert.throws(() => (bundledTopicRules.topics as unknown[]).push({}), TypeError);
  });

  it('sort questions as the CLI does with --topics data/topics.json', () => {
    const source = '# Notes\n\n### 1. 什么是微调？\n**Answer:** 在预训练模型上继续训练。\n\n### 2. What is a GPU?\n**Answer:** A parallel processor.\n';
    const withValue = importMarkdown(source, { file: 'n.md', topics: bundledTopicRules });
    const withFile = importMarkdown(source, { file: 'n.md', topics: file });
    assert.deepEqual(withValue, withFile);
    const question = { title: '什么是微调？', prompt: '', answer: '' };
    assert.deepEqual(withValue.bank?.questions[0]!.topics, assignTopics(question, file));
    assert.ok(withValue.bank!.topics.every((topic) => file.topics.some((rule) => rule.id === topic.id)), 'every topic is a rule topic');
  });
});

describe('options that JavaScript callers get wrong are warnings, never crashes', () => {
  it('a language or id that is not a string', () => {
    const result = importMarkdown(GOOD, { file: 'ml.md', language: 5 as unknown as string, id: 7 as unknown as string });
    assert.equal(result.bank?.id, 'ml');
    assert.equal(result.bank?.language, 'en');
    assert.deepEqual(
      result.diagnostics.map((d) => d.message),
      [
        'language 5 is not a language tag such as "en" or "zh-CN"; using the language detected from the text',
        'bank id 7 is not a slug (lower-case letters, digits, single hyphens); using one made from the file name',
      ],
    );
  });
});
