/**
 * fast-check arbitraries shared by the property tests: hostile strings, valid banks and catalogs
 * (and ways to break them), Q&A markdown documents, and learner review sessions.
 *
 * Generators stay small on purpose (a few topics, questions and lines): the properties run on
 * every `npm test`, and breadth comes from the number of runs, not from the size of one input.
 */
import fc from 'fast-check';
import type { Bank, Catalog } from '../src/bank/types.js';
import { normalizeTitle } from '../src/bank/variants.js';
import type { Grade } from '../src/progress/types.js';
import { hostileMarkdown } from './fixtures/hostile-markdown.js';

// ---------------------------------------------------------------------------------------------
// Strings

/** A UTF-16 code unit of a surrogate pair, alone: invalid Unicode that JSON and regexes must survive. */
export const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((unit) => String.fromCharCode(unit));

/**
 * Any Unicode scalar value. (`fc.string({ unit: 'binary' })` does the same but takes 1.4 s to
 * set up, a quarter of the time budget of these tests.)
 */
export const codePoint = fc
  .integer({ min: 0, max: 0x10ffff - 0x800 })
  .map((n) => String.fromCodePoint(n < 0xd800 ? n : n + 0x800));

/** Characters that have broken parsers before: bidi overrides, separators, BOM, NUL, markup. */
const TRICKY_CHARS = [
  '\u202e', '\u202d', '\u2066', '\u2069', '\u200b', '\u200d', '\ufeff', '\u0000', '\u2028', '\u2029', '\u00a0', '\u3000',
  '\r', '\n', '\t', ' ', '"', "'", '\\', '<', '>', '&', '`', '*', '_', '#', '{', '}', '[', ']', '(', ')', '/', '%', ':', '：',
  '|', '~', '-', '.', '。', '？', '题', '答', '😀', 'é', 'e\u0301',
];

/** One code point or unit, weighted towards the characters above. */
export const hostileChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRICKY_CHARS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: codePoint },
  { weight: 1, arbitrary: loneSurrogate },
);

/** Words that mean something to JavaScript objects, HTML or the bank format. */
export const HOSTILE_WORDS = [
  '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'then',
  '<script>alert(1)</script>', 'javascript:alert(1)', '<img src=x onerror=alert(1)>', '${1+1}', '{{7*7}}',
  'quiz-bank/1', 'quiz-bank/2', 'quiz-catalog/1', 'quiz-progress/1', 'null', 'NaN', '', ' ', '\n',
];

/** Any text an author (or an attacker) could put in a field; short (see `hugeString` for long). */
export const hostileString = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: hostileChar, maxLength: 24 }) },
  { weight: 2, arbitrary: fc.string({ unit: codePoint, maxLength: 24 }) },
  { weight: 2, arbitrary: fc.constantFrom(...HOSTILE_WORDS) },
  { weight: 1, arbitrary: fc.constantFrom(...hostileMarkdown.map((payload) => payload.markdown)) },
);

/**
 * Strings of 64 K to 5 MB, each built once: code that reads them must stay linear. Kept out of
 * `hostileString` so that ordinary properties (and their counterexamples) stay small.
 */
export const hugeString = fc.constantFrom(
  'a'.repeat(5 * 1024 * 1024),
  '题'.repeat(1 << 18),
  '\ud800'.repeat(1 << 16),
  `${' '.repeat(1 << 16)}x`,
  `${'\u202e'.repeat(1 << 16)}<script>alert(1)</script>`,
);

/** Text with something visible in it, as `prompt`, `answer` and titles need. */
export const someText = fc
  .tuple(hostileString, fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }).filter((c) => /\S/.test(c)), hostileString)
  .map((parts) => parts.join(''));

/** One line with something visible in it (`question.title`). */
export const someLine = someText.map((text) => text.replace(/[\r\n]/g, ' '));

const LOWER_ALNUM = [...'abcdefghijklmnopqrstuvwxyz0123456789'];

/** A valid slug, sometimes one that names an Object.prototype member. */
export const slug = fc.oneof(
  { weight: 8, arbitrary: fc.array(fc.string({ unit: fc.constantFrom(...LOWER_ALNUM), minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 3 }).map((words) => words.join('-')) },
  { weight: 1, arbitrary: fc.constantFrom('constructor', 'prototype', 'tostring', 'valueof', 'hasownproperty', 'proto') },
);

export const languageTag = fc.oneof(
  fc.constantFrom('en', 'zh-CN', 'de', 'pt-BR', 'und', 'sr-Latn-RS', 'zh-Hant-TW'),
  fc.stringMatching(/^[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8}){0,2}$/),
);

/** Keys that could reach a prototype when copied carelessly; the validator drops them. */
export const UNSAFE_KEYS = ['__proto__', 'constructor', 'prototype'] as const;

/** A JSON value exactly as it comes back from `JSON.parse` (fc.jsonValue may hold -0, which JSON writes as 0). */
export const json = (maxDepth = 2) => fc.jsonValue({ maxDepth }).map((value) => JSON.parse(JSON.stringify(value)) as unknown);

/** An extra field that newer formats might add: kept by the validator as it is. */
const extraKey = fc.string({ maxLength: 8 }).map((key) => `x-${key}`);
const extraFields = fc.dictionary(extraKey, json(), { maxKeys: 2 });

// ---------------------------------------------------------------------------------------------
// Banks and catalogs

const topicArb = fc
  .tuple(fc.record({ id: slug, title: someText, description: hostileString }, { requiredKeys: ['id', 'title'] }), extraFields)
  .map(([topic, extra]) => ({ ...extra, ...topic }));

const choiceArb = fc
  .tuple(fc.record({ text: someText, correct: fc.boolean(), feedback: hostileString }, { requiredKeys: ['text', 'correct'] }), extraFields)
  .map(([choice, extra]) => ({ ...extra, ...choice }));

/** Two to four choices, at least one of them correct. */
const choicesArb = fc
  .tuple(fc.array(choiceArb, { minLength: 2, maxLength: 4 }), fc.nat())
  .map(([choices, pick]) => choices.map((choice, i) => (i === pick % choices.length ? { ...choice, correct: true } : choice)));

function questionArb(topicIds: readonly string[]) {
  return fc
    .tuple(
      fc.record(
        {
          id: slug,
          kind: fc.constantFrom('concept', 'coding'),
          title: someLine,
          prompt: someText,
          answer: someText,
          explanation: hostileString,
          example: hostileString,
          hint: hostileString,
          topics: fc.shuffledSubarray([...topicIds], { minLength: 1 }),
          choices: choicesArb,
        },
        { requiredKeys: ['id', 'kind', 'title', 'prompt', 'answer', 'topics'] },
      ),
      extraFields,
    )
    .map(([question, extra]) => ({ ...extra, ...question }));
}

/** How a question points at another: `q`, `this-bank/q`, or a question of another bank. */
const variantChoice = fc.record({ use: fc.nat(5), target: fc.nat(), foreign: fc.tuple(slug, slug) });

/** A bank that `validateBank` must accept as it is: every rule of the format holds. */
export const validBank: fc.Arbitrary<Bank> = fc
  .record({
    head: fc.record({ id: slug, title: someText, language: languageTag, description: hostileString }, { requiredKeys: ['id', 'title', 'language'] }),
    extra: extraFields,
    topics: fc.uniqueArray(topicArb, { selector: (topic) => topic.id, maxLength: 4 }),
  })
  .chain(({ head, extra, topics }) =>
    fc
      .tuple(
        topics.length === 0 ? fc.constant([]) : fc.uniqueArray(questionArb(topics.map((t) => t.id)), { selector: (q) => q.id, maxLength: 5 }),
        fc.array(variantChoice, { minLength: 5, maxLength: 5 }),
      )
      .map(([questions, variants]) => {
        const linked = questions.map((question, i) => {
          const { use, target, foreign } = variants[i]!;
          const others = questions.filter((_, j) => j !== i);
          if (use === 0 && others.length) return { ...question, variantOf: others[target % others.length]!.id };
          if (use === 1 && others.length) return { ...question, variantOf: `${head.id}/${others[target % others.length]!.id}` };
          if (use === 2 && foreign[0] !== head.id) return { ...question, variantOf: `${foreign[0]}/${foreign[1]}` };
          return question;
        });
        return { ...extra, ...head, format: 'quiz-bank/1', topics, questions: linked } as Bank;
      }),
  );

const catalogEntryArb = fc
  .tuple(
    fc.record(
      { id: slug, title: someText, language: languageTag, questionCount: fc.nat(), src: someText, description: hostileString },
      { requiredKeys: ['id', 'title', 'language', 'questionCount', 'src'] },
    ),
    extraFields,
  )
  .map(([entry, extra]) => ({ ...extra, ...entry }));

/** A catalog that `validateCatalog` must accept as it is. */
export const validCatalog: fc.Arbitrary<Catalog> = fc
  .tuple(fc.uniqueArray(catalogEntryArb, { selector: (entry) => entry.id, maxLength: 4 }), extraFields)
  .map(([banks, extra]) => ({ ...extra, format: 'quiz-catalog/1', banks }) as Catalog);

// ---------------------------------------------------------------------------------------------
// Breaking documents

/** Sets an own, enumerable property, even `__proto__`, the way `JSON.parse` does. */
export function setOwn(target: object, key: string, value: unknown): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/** A JSON-shaped deep copy that keeps own `__proto__` keys as keys (structuredClone would too, but not everywhere). */
export function cloneJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(cloneJson) as T;
  if (typeof value !== 'object' || value === null) return value;
  const copy = {};
  for (const [key, item] of Object.entries(value)) setOwn(copy, key, cloneJson(item));
  return copy as T;
}

/** Every object and array in `value`, the root first. */
function containers(value: unknown, found: object[] = []): object[] {
  if (typeof value !== 'object' || value === null) return found;
  found.push(value);
  for (const item of Object.values(value)) containers(item, found);
  return found;
}

export interface Mutation {
  /** Which object or array to change, modulo how many there are. */
  at: number;
  op: 'replace' | 'delete' | 'duplicate' | 'unsafe-key' | 'extra-key';
  /** Which key or item, modulo how many there are. */
  pick: number;
  value: unknown;
}

/** A value that could replace any field: any JSON, a hostile string, a slug, a near miss. */
const replacement = fc.oneof(
  json(),
  hostileString,
  slug,
  fc.constantFrom('concept', 'coding', 'quiz', true, false, 0, -1, 1.5, null, [], {}, 'quiz-bank/1', 'quiz-catalog/1', 'a/b/c', 'en-'),
);

export const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace', 'delete', 'duplicate', 'unsafe-key', 'extra-key'),
  pick: fc.nat(),
  value: replacement,
});

/** A copy of `document` with the mutations applied in order; `document` itself is left alone. */
export function mutate(document: unknown, mutations: readonly Mutation[]): unknown {
  const root = cloneJson(document);
  for (const { at, op, pick, value } of mutations) {
    const all = containers(root);
    if (!all.length) break;
    const target = all[at % all.length]! as Record<string, unknown> | unknown[];
    if (Array.isArray(target)) {
      const i = target.length ? pick % target.length : 0;
      if (op === 'delete') target.splice(i, 1);
      else if (op === 'duplicate' && target.length) target.push(cloneJson(target[i]));
      else if (op === 'replace' && target.length) target[i] = cloneJson(value);
      else target.push(cloneJson(value));
      continue;
    }
    const keys = Object.keys(target);
    const key = keys.length ? keys[pick % keys.length]! : 'x';
    if (op === 'delete') delete target[key];
    else if (op === 'replace' || op === 'duplicate') target[key] = cloneJson(value);
    else if (op === 'unsafe-key') setOwn(target, UNSAFE_KEYS[pick % UNSAFE_KEYS.length]!, cloneJson(value));
    else target[`x-${pick}`] = cloneJson(value);
  }
  return root;
}

/** Valid banks with a few random changes: most are invalid, some stay valid. */
export const mutatedBank = fc.tuple(validBank, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([bank, mutations]) => mutate(bank, mutations));

/** Valid catalogs with a few random changes. */
export const mutatedCatalog = fc.tuple(validCatalog, fc.array(mutation, { minLength: 1, maxLength: 3 })).map(([catalog, mutations]) => mutate(catalog, mutations));

/** Adds `__proto__`, `constructor` or `prototype` as own keys of the bank, its topics, questions and choices. */
export const bankWithUnsafeKeys = fc
  .tuple(validBank, fc.array(fc.record({ at: fc.nat(), key: fc.constantFrom(...UNSAFE_KEYS), value: replacement }), { minLength: 1, maxLength: 4 }))
  .map(([bank, additions]) => {
    const copy = cloneJson(bank);
    const targets: object[] = [copy, ...copy.topics, ...copy.questions, ...copy.questions.flatMap((q) => q.choices ?? [])];
    for (const { at, key, value } of additions) setOwn(targets[at % targets.length]!, key, cloneJson(value));
    return { clean: bank, dirty: copy };
  });

/** Anything at all a page could hand over, JSON or not (no getters that throw, no proxies). */
export const anyValue = fc.oneof(
  fc.jsonValue(),
  fc.anything({ withBoxedValues: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withDate: true, withBigInt: true, maxDepth: 3 }),
  mutatedBank,
  mutatedCatalog,
);

// ---------------------------------------------------------------------------------------------
// Q&A markdown

const word = fc.oneof(
  fc.string({ unit: fc.constantFrom(...'abcdefghijklmnopqrstuvwxyz'), minLength: 1, maxLength: 8 }),
  fc.string({ unit: fc.constantFrom(...'模型训练注意力机制数据什么是微调'), minLength: 1, maxLength: 4 }),
  fc.constantFrom('What', 'is', 'LLM', 'attention', 'Transformer', 'RAG', 'fine-tuning', 'C++', 'x²', 'GPT-4'),
);
/** A plain title: words without markdown marks. */
export const plainTitle = fc.array(word, { minLength: 1, maxLength: 5 }).map((words) => words.join(' '));

/** Inline text a document might hold: plain, emphasised, code, links, hostile. */
const inline = fc.oneof(
  { weight: 4, arbitrary: plainTitle },
  { weight: 1, arbitrary: plainTitle.map((t) => `**${t}**`) },
  { weight: 1, arbitrary: plainTitle.map((t) => `\`${t}\``) },
  { weight: 1, arbitrary: plainTitle.map((t) => `[${t}](https://example.test/${encodeURIComponent(t)})`) },
  { weight: 2, arbitrary: hostileString.filter((s) => s.length < 200).map((s) => s.replace(/[\r\n]+/g, ' ')) },
);

const headingMarks = fc.integer({ min: 1, max: 7 }).map((n) => '#'.repeat(n));
const number = fc.integer({ min: 0, max: 12000 });

/** One line of a Q&A document, in any of the shapes the importer recognises, or almost. */
export const markdownLine: fc.Arbitrary<string> = fc.oneof(
  // numbered question headings, English and Chinese, with or without a pinned id
  fc
    .tuple(headingMarks, number, fc.constantFrom('. ', '．', '、', ': ', '：', ') ', '）'), inline, fc.option(fc.oneof(slug, hostileString.filter((s) => s.length < 40)), { nil: undefined }))
    .map(([marks, n, dot, text, id]) => `${marks} ${n}${dot}${text}${id === undefined ? '' : ` {#${id}}`}`),
  fc.tuple(headingMarks, number, inline).map(([marks, n, text]) => `${marks} Q${n}: ${text}`),
  fc.tuple(headingMarks, number, inline).map(([marks, n, text]) => `${marks} 第${n}题 ${text}`),
  // section headings: questions, coding, recaps, prose
  fc
    .tuple(headingMarks, fc.constantFrom('Interview questions', '面试题', 'Coding', '编程题', 'Answers', '解析', 'Coding answers', '代码题解析', 'Notes', 'Explanations'), fc.constantFrom('', ' ##'))
    .map(([marks, text, close]) => `${marks} ${text}${close}`),
  fc.tuple(headingMarks, inline).map(([marks, text]) => `${marks} ${text}`),
  // labels
  fc
    .tuple(
      fc.constantFrom('Answer', '答案', '参考答案', 'Question', '题目', 'Explanation', '解析', 'Example', '举例', 'Hint', '提示', 'Solution', 'Note'),
      fc.constantFrom(':**', '：**', '**:', '**：', '**'),
      fc.option(inline, { nil: undefined }),
    )
    .map(([label, close, rest]) => `**${label}${close}${rest === undefined ? '' : ` ${rest}`}`),
  // recap items and lists
  fc.tuple(fc.nat(30), plainTitle, fc.constantFrom('', ':', '：')).map(([n, title, colon]) => `${n}. **${title}**${colon}`),
  fc.tuple(fc.constantFrom('- ', '* ', '1. ', '   ', '    ', '\t'), inline).map(([mark, text]) => `${mark}${text}`),
  // code fences, closed or not
  fc.constantFrom('```', '```python', '~~~', '````', '``` `x`', '~~~~js', '```   '),
  // front matter, tables, artifacts, blank lines, anything
  fc.constantFrom('---', 'id: my-bank', 'language: en', 'title: A bank', 'id: Not A Slug', 'language: ', 'title:'),
  fc.constantFrom('| a | b |', '|---|---|', '<|user|>', '<|assistant|>### 9. Glued heading', '', '   ', '<details>', '> quote'),
  inline,
);

/** Line endings as they come from Windows, old Macs and Unix, mixed in one document. */
const lineEnding = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r');

const answerLabel = fc.constantFrom('**Answer:**', '**答案：**', '**Answer**:', '**参考答案**：', '**Solution:**');
const otherLabel = fc.constantFrom('**Explanation:**', '**解析：**', '**Hint:**', '**Example:**', '**Question:**', '**Note:**');
const fieldLines = fc.array(fc.oneof({ weight: 4, arbitrary: inline }, { weight: 1, arbitrary: markdownLine }), { maxLength: 3 });
const field = (label: fc.Arbitrary<string>) => fc.tuple(label, fc.option(inline, { nil: undefined, freq: 3 }), fieldLines);

/** A fenced code block, closed (as authors write them) or, rarely, not. */
const codeBlock = fc
  .tuple(fc.constantFrom('```', '```python', '~~~', '````'), fc.array(fc.oneof(markdownLine, inline), { maxLength: 3 }), fc.boolean(), fc.nat(9))
  .map(([fence, body, closed, odd]) => [fence, ...body, ...(closed || odd > 0 ? [fence.replace(/[a-z]+$/, '')] : [])]);

/** A question as authors write it: a numbered heading, labelled fields, code, and some noise. */
const questionBlock = fc
  .tuple(
    fc.integer({ min: 2, max: 5 }),
    fc.nat(200),
    inline,
    fc.option(fc.oneof(slug, fc.constantFrom('Not-A-Slug', '', 'a--b')), { nil: undefined }),
    fc.option(field(answerLabel), { nil: undefined, freq: 12 }),
    fc.array(field(otherLabel), { maxLength: 2 }),
    fc.option(codeBlock, { nil: undefined }),
  )
  .map(([level, n, title, id, answer, others, code]) => [
    `${'#'.repeat(level)} ${n}. ${title}${id === undefined ? '' : ` {#${id}}`}`,
    '',
    ...[...(answer ? [answer] : []), ...others].flatMap(([name, rest, lines]) => [rest === undefined ? name : `${name} ${rest}`, ...lines, '']),
    ...(code ?? []),
  ]);

/** A recap section: explanations of earlier questions, by heading or by bold list item. */
const recapBlock = fc
  .tuple(fc.constantFrom('## Answers', '## 解析', '## Coding answers', '## Explanations'), fc.array(fc.tuple(fc.nat(20), plainTitle, fc.array(inline, { maxLength: 2 }), fc.boolean()), { maxLength: 3 }))
  .map(([heading, items]) => [heading, '', ...items.flatMap(([n, title, lines, byHeading]) => (byHeading ? [`### ${n}. ${title}`, ...lines] : [`${n}. **${title}**`, ...lines.map((line) => `   ${line}`)]))]);

const frontMatter = fc
  .tuple(fc.subarray(['id: my-bank', 'language: en', 'title: A bank', 'note: x']), fc.option(fc.constantFrom('id: Not A Slug', 'language: english!', 'title: ', 'language: zh-CN'), { nil: undefined, freq: 4 }))
  .map(([lines, odd]) => ['---', ...lines, ...(odd === undefined ? [] : [odd]), '---']);

/** A document shaped like the seed documents, with room for every mistake authors make. */
const structuredDocument = fc
  .tuple(
    fc.option(frontMatter, { nil: undefined }),
    fc.option(inline.map((title) => [`# ${title}`, '']), { nil: undefined }),
    fc.array(
      fc.oneof(
        { weight: 6, arbitrary: questionBlock },
        { weight: 1, arbitrary: fc.constantFrom(['## Interview questions'], ['## 编程题'], ['## Coding'], ['## Notes', 'Some prose.']) },
        { weight: 1, arbitrary: recapBlock },
        { weight: 1, arbitrary: fc.array(markdownLine, { maxLength: 3 }) },
      ),
      { minLength: 1, maxLength: 6 },
    ),
  )
  .map(([front, title, blocks]) => [...(front ?? []), ...(title ?? []), ...blocks.flat()]);

/** A markdown-ish document: random lines, or the shape of a seed document; mixed line endings, maybe a BOM. */
export const markdownDocument = fc
  .tuple(fc.boolean(), fc.oneof({ weight: 1, arbitrary: fc.array(markdownLine, { maxLength: 30 }) }, { weight: 3, arbitrary: structuredDocument }), fc.infiniteStream(lineEnding))
  .map(([bom, lines, endings]) => {
    const ends = endings.take(lines.length);
    return (bom ? '\uFEFF' : '') + lines.map((line) => line + ends.next().value).join('');
  });

/** One question of a well-formed document: a numbered heading and an answer, perhaps more fields. */
export interface QuestionSpec {
  title: string;
  answer: string;
  hint?: string;
  pinnedId?: string;
}

/** Questions with titles distinct as the importer compares them, so each keeps its own id. */
export const questionSpecs = fc.uniqueArray(
  fc.record({ title: plainTitle, answer: plainTitle, hint: plainTitle, pinnedId: slug }, { requiredKeys: ['title', 'answer'] }),
  { minLength: 1, maxLength: 6, selector: (spec) => normalizeTitle(spec.title) },
);

/** The document an author writes for `specs`: the importer must turn it into a bank. */
export function wellFormedDocument(title: string, specs: readonly QuestionSpec[], eol = '\n'): string {
  const lines = [`# ${title}`, ''];
  specs.forEach((spec, i) => {
    lines.push(`### ${i + 1}. ${spec.title}${spec.pinnedId ? ` {#${spec.pinnedId}}` : ''}`, '', `**Answer:** ${spec.answer}`, '');
    if (spec.hint) lines.push('**Hint:**', spec.hint, '');
  });
  return lines.join(eol);
}

// ---------------------------------------------------------------------------------------------
// Learner progress

export const GRADE_LIST: readonly Grade[] = ['again', 'hard', 'good', 'easy'];

/** One learner action: answer a question at an offset from the session start, or undo an answer. */
export type SessionStep =
  | { type: 'record'; bank: number; question: number; grade: Grade; offset: number; correct?: boolean }
  | { type: 'undo'; bank: number; question: number; pick: number };

const MINUTE = 60_000;

export const sessionStep: fc.Arbitrary<SessionStep> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record(
      {
        type: fc.constant('record' as const),
        bank: fc.nat(1),
        question: fc.nat(3),
        grade: fc.constantFrom(...GRADE_LIST),
        // minutes to years, and now and then the same ms or earlier than the one before
        offset: fc.oneof(fc.integer({ min: 0, max: 3 * 365 * 24 * 60 }).map((m) => m * MINUTE), fc.constantFrom(0, 1, -MINUTE)),
        correct: fc.boolean(),
      },
      { requiredKeys: ['type', 'bank', 'question', 'grade', 'offset'] },
    ),
  },
  { weight: 1, arbitrary: fc.record({ type: fc.constant('undo' as const), bank: fc.nat(1), question: fc.nat(3), pick: fc.nat() }) },
);

export const session = fc.array(sessionStep, { minLength: 1, maxLength: 25 });
