import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import type { Bank } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { formatDiagnostic } from './diagnostics.js';
import { importMarkdown, type ImportResult } from './markdown.js';

// Each layout the importer infers, on documents written for this file: the fixtures in
// test/fixtures/import/layouts/ mix languages, layouts and the noise real notes carry.

const layout = (name: string) => readFileSync(new URL(`../../test/fixtures/import/layouts/${name}`, import.meta.url), 'utf8');

interface Layout {
  /** Question titles, in document order. */
  titles: readonly string[];
  /** How each answer starts. */
  answers: readonly string[];
  /** Each prompt (markdown: inline code kept), or a pattern for it; the title when left out. */
  prompts?: readonly (string | RegExp)[];
  /** The topic title of each question. */
  topics: readonly string[];
  /** Questions left out of the bank: the line their warning points at and the title it names. */
  skipped?: readonly { line: number; title: string }[];
  /** Lines of the other warnings (text kept in the description). */
  warnings?: readonly number[];
}

function bankOf(result: ImportResult): Bank {
  assert.deepEqual(result.diagnostics.filter((d) => d.severity === 'error').map(formatDiagnostic), []);
  assert.ok(result.bank, 'a bank is returned');
  return result.bank;
}

/** The checks every layout gets: what a user sees of each question, and what was left out and why. */
function importsAs(source: string, file: string, expected: Layout): ImportResult {
  const result = importMarkdown(source, { file });
  const bank = () => bankOf(result);

  it('returns a bank that passes the validator', () => {
    assert.ok(validateBank(bank()).ok);
  });

  it('finds the questions, in document order', () => {
    assert.deepEqual(
      bank().questions.map((q) => q.title),
      expected.titles,
    );
  });

  it('starts each answer with the text under its question', () => {
    assert.deepEqual(
      bank().questions.map((q, i) => q.answer.slice(0, expected.answers[i]?.length ?? 40)),
      expected.answers,
    );
  });

  it('asks each question in its prompt, with the inline code it was written with', () => {
    const prompts = expected.prompts ?? expected.titles;
    assert.deepEqual(
      bank().questions.map((q, i) => (prompts[i] instanceof RegExp && prompts[i].test(q.prompt) ? prompts[i] : q.prompt)),
      prompts,
    );
  });

  it('puts each question under its section topic', () => {
    const { topics, questions } = bank();
    const titleOf = (id: string) => topics.find((t) => t.id === id)?.title ?? `missing topic ${id}`;
    assert.deepEqual(
      questions.map((q) => q.topics.map(titleOf).join(', ')),
      expected.topics,
    );
    assert.deepEqual(
      topics.map((t) => t.title),
      [...new Set(expected.topics)],
      'the bank lists the topics its questions use, in document order',
    );
  });

  it('skips only the questions it cannot read, naming each at its line', () => {
    const skipped = result.diagnostics.filter((d) => d.skipped);
    assert.deepEqual(
      skipped.map((d) => ({ line: d.line, title: /"(.+?)" is skipped/.exec(d.message)?.[1] ?? d.message })),
      expected.skipped ?? [],
    );
    for (const d of skipped) assert.equal(d.severity, 'warning');
  });

  it('warns only about text it keeps in the description', () => {
    assert.deepEqual(
      result.diagnostics.filter((d) => !d.skipped).map((d) => `${d.severity} at ${d.line}: ${d.message}`.replace(/:.*$/s, '')),
      (expected.warnings ?? []).map((line) => `warning at ${line}`),
    );
  });
  return result;
}

describe('numbered headings (English, with a table of contents, emoji, citations and references)', () => {
  const result = importsAs(layout('numbered-headings.md'), 'numbered-headings.md', {
    titles: [
      'What happens when you type a URL into the browser?',
      'How does TCP differ from UDP?',
      'Which HTTP status code means "Not Modified"?',
      'What does the Cache-Control: no-store header do?',
      'How would you purge one object from a CDN?',
    ],
    prompts: [
      'What happens when you type a URL into the browser?',
      'How does TCP differ from UDP?',
      'Which HTTP status code means "Not Modified"?',
      /^What does the `Cache-Control: no-store` header do\?/,
      'How would you purge one object from a CDN?',
    ],
    answers: [
      'The browser resolves the name through DNS, opens a TCP (or QUIC) connection,\nnegotiates TLS and then sends an HTTP request.\n\n1. DNS lookup\n2.',
      '| | TCP | UDP |\n|---|---|---|\n| delivery | ordered, reliable |',
      '`304`: the cached copy is still valid',
      'It forbids every cache',
      '```bash\ncurl -X PURGE https://cdn.example.org/assets/app.css\n```\n\nMost CDNs',
    ],
    topics: ['Protocols', 'Protocols', 'Protocols', 'Caching', 'Caching'],
    skipped: [{ line: 48, title: 'Explain ETags' }],
    warnings: [60],
  });

  it('takes the bank id and title from the front matter', () => {
    const bank = bankOf(result);
    assert.equal(bank.id, 'web-networking');
    assert.equal(bank.title, 'Web networking warm-up');
    assert.equal(bank.language, 'en');
  });

  it('keeps the intro and the references in the description, and drops the table of contents and the comment', () => {
    const description = bankOf(result).description ?? '';
    assert.match(description, /^A short set of questions I go through before on-site rounds\./);
    assert.match(description, /\[RFC 9110, HTTP Semantics\]\(https:\/\/www\.rfc-editor\.org\/rfc\/rfc9110\)/);
    assert.doesNotMatch(description, /#protocols|#caching|\{:toc\}|reviewed in spring/);
  });
});

describe('numbered headings (Chinese, labelled answers, every numbering style)', () => {
  const source = layout('zh-labelled-headings.md');
  const result = importsAs(source, 'zh-labelled-headings.md', {
    titles: ['什么是聚簇索引？', 'B+ 树为什么适合做索引？', 'MySQL 的默认隔离级别是什么？', '说说 MVCC 的实现原理'],
    answers: ['聚簇索引的叶子节点存放整行数据', '- 非叶子节点只存键，扇出大，树很矮；\n- 叶子节点', '可重复读（REPEATABLE READ）。', '```sql\nSELECT * FROM orders WHERE id = 1; -- 快照读\n```\n\n每行记录'],
    topics: ['索引', '索引', '事务', '事务'],
    skipped: [{ line: 31, title: '如何排查慢查询？' }],
    warnings: [45],
  });

  it('detects Chinese, puts the explanation label into the explanation, keeps the intro quote and drops the table of contents', () => {
    const bank = bankOf(result);
    assert.equal(bank.language, 'zh-CN');
    assert.equal(bank.title, '数据库面试题整理');
    assert.equal(bank.questions[1]!.explanation, '磁盘 I/O 次数取决于树高。');
    assert.match(bank.description ?? '', /^> 整理自日常面试经验，持续更新。/);
    assert.match(bank.description ?? '', /《高性能 MySQL》第 4 版/);
    assert.doesNotMatch(bank.description ?? '', /\(#索引\)/);
  });

  it('reads the same bank, with the same line numbers, from CRLF line endings', () => {
    const crlf = importMarkdown(source.replace(/\n/g, '\r\n'), { file: 'zh-labelled-headings.md' });
    assert.deepEqual(crlf, result);
  });
});

describe('unnumbered headings (an FAQ page with a kramdown table of contents and indented code)', () => {
  const result = importsAs(layout('unnumbered-headings.md'), 'unnumbered-headings.md', {
    titles: [
      'How do I upgrade the command-line tool?',
      'Why does tool sync hang behind a proxy?',
      'My config file is ignored on Windows',
      'Can I run two versions side by side?',
      'Where are the logs kept?',
    ],
    prompts: [
      'How do I upgrade the command-line tool?',
      'Why does `tool sync` hang behind a proxy?',
      'My config file is ignored on Windows',
      'Can I run two versions side by side?',
      'Where are the logs kept?',
    ],
    answers: [
      'Run the installer again; it replaces the old binary in place:\n\n    tool self-update',
      'When a service manager starts the tool',
      'On Windows the file is read from `%APPDATA%\\tool\\config.toml`',
      'Yes. Install each into its own prefix',
      '- Linux: `~/.local/state/tool/log`\n- macOS:',
    ],
    topics: ['General', 'General', 'General', 'General', 'General'],
  });

  it('takes the title from the front matter and keeps the generated table of contents out', () => {
    const bank = bankOf(result);
    assert.equal(bank.title, 'Frequently asked questions');
    assert.equal(bank.description, undefined);
  });

  it('leaves the "back to top" links between questions out of the answers', () => {
    for (const q of bankOf(result).questions) assert.doesNotMatch(q.answer, /Back to top|\(#faq\)/, q.title);
  });
});

describe('numbered headings (German, "Frage 1:")', () => {
  const result = importsAs(layout('german-headings.md'), 'german-headings.md', {
    titles: ['Was ist der Unterschied zwischen einem Image und einem Container?', 'Wie verkleinert man ein Image?', 'Warum sollte ein Container nicht als root laufen?'],
    answers: ['Ein Image ist eine unveränderliche Vorlage', '- Multi-Stage-Builds verwenden\n- ein schlankes Basis-Image wählen\n- ', 'Weil ein Ausbruch'],
    topics: ['Allgemein', 'Allgemein', 'Allgemein'],
    warnings: [19],
  });

  it('detects German and keeps the sources in the description', () => {
    const bank = bankOf(result);
    assert.equal(bank.language, 'de');
    assert.match(bank.description ?? '', /^Fragen für die Vorbereitung auf das Gespräch\.\n\n\*\*Quellen\*\*\n\n- Offizielle Docker-Dokumentation$/);
  });
});

describe('bold question lines ("**Q1: …**" with the answer on the next line)', () => {
  const result = importsAs(layout('bold-questions.md'), 'bold-questions.md', {
    titles: ['What is a consumer group?', 'How does Kafka keep messages in order?', 'When would you use a fanout exchange?', 'What does prefetch_count control?'],
    prompts: ['What is a consumer group?', 'How does Kafka keep messages in order?', 'When would you use a fanout exchange?', 'What does `prefetch_count` control?'],
    answers: [
      'A set of consumers that share the partitions of a topic',
      'Only within a partition.',
      'When every bound queue should get a copy',
      'How many unacknowledged messages a consumer may hold at once.\nLower values spread work more evenly.',
    ],
    topics: ['Kafka', 'Kafka', 'RabbitMQ', 'RabbitMQ'],
    skipped: [{ line: 13, title: 'What is the role of the ISR list?' }],
    warnings: [24],
  });

  it('keeps the intro without a warning and the closing section with one', () => {
    assert.equal(
      bankOf(result).description,
      'Short answers for quick revision before an interview.\n\n**Wrap-up**\n\nRevise the delivery guarantees (at most once, at least once, exactly once) before the interview.',
    );
  });
});

describe('Q:/A: pairs', () => {
  describe('in English, with code after the answer line', () => {
    importsAs(layout('qa-pairs.md'), 'qa-pairs.md', {
      titles: [
        'How do you make a script stop at the first failing command?',
        'What is the difference between "$@" and "$*"?',
        'How do you read a file line by line?',
      ],
      prompts: [
        'How do you make a script stop at the first failing command?',
        'What is the difference between `"$@"` and `"$*"`?',
        'How do you read a file line by line?',
      ],
      answers: [
        'Put `set -e` near the top;',
        '`"$@"` keeps each argument a separate word, while `"$*"` joins them all into one.\n\n```bash\nfor arg in "$@"',
        '```bash\nwhile IFS= read -r line; do\n',
      ],
      topics: ['General', 'General', 'General'],
      skipped: [{ line: 24, title: 'How do you get the exit status of the previous command?' }],
    });
  });

  describe('in Chinese (问：/答：), under a section heading', () => {
    importsAs(
      [
        '# 操作系统复习',
        '',
        '## 进程与线程',
        '',
        '问：进程和线程有什么区别？',
        '答：进程是资源分配的单位，线程是调度的单位；同一进程内的线程共享地址空间。',
        '',
        '问：什么是死锁？',
        '答：',
        '',
        '1. 互斥',
        '2. 占有并等待',
        '3. 不可抢占',
        '4. 循环等待',
        '',
        '问：协程和线程相比有什么优势？',
        '答：暂无',
      ].join('\n'),
      'os.md',
      {
        titles: ['进程和线程有什么区别？', '什么是死锁？'],
        answers: ['进程是资源分配的单位', '1. 互斥\n2. 占有并等待'],
        topics: ['进程与线程', '进程与线程'],
        skipped: [{ line: 16, title: '协程和线程相比有什么优势？' }],
      },
    );
  });

  describe('written out (Question:/Answer:), with a zero-width space and an HTML comment between pairs', () => {
    importsAs(
      [
        'Question: What does idempotent mean for an HTTP method?',
        'Answer: Sending the same request twice has the same effect as sending it once.',
        '',
        '<!-- PATCH is tricky; leave it out for now -->',
        '',
        '\u200BQuestion: Is POST idempotent?',
        'Answer: No. Two identical POSTs may create two resources.',
      ].join('\n'),
      'http-methods.md',
      {
        titles: ['What does idempotent mean for an HTTP method?', 'Is POST idempotent?'],
        answers: ['Sending the same request twice has the same effect as sending it once.', 'No. Two identical POSTs may create two resources.'],
        topics: ['General', 'General'],
      },
    );
  });
});

describe('list items with nested answers', () => {
  describe('"- Question:" items with nested "- Answer:" fields', () => {
    const result = importsAs(
      [
        '# Regex drill',
        '',
        '- Question: What does `\\b` match?',
        '  - Answer: A word boundary, a position between a word and a non-word character.',
        '- Question: How do you make `*` lazy?',
        '  - Answer: Add `?` after it: `.*?`.',
        '  - Hint: Greedy is the default.',
        '- Question: Which flag makes `.` match newlines?',
        '  - Answer: Answer here',
      ].join('\n'),
      'regex.md',
      {
        titles: ['What does \\b match?', 'How do you make * lazy?'],
        prompts: ['What does `\\b` match?', 'How do you make `*` lazy?'],
        answers: ['A word boundary', 'Add `?` after it: `.*?`.'],
        topics: ['General', 'General'],
        skipped: [{ line: 8, title: 'Which flag makes . match newlines?' }],
      },
    );
    it('reads the other nested fields', () => {
      assert.equal(bankOf(result).questions[1]!.hint, 'Greedy is the default.');
    });
  });

  describe('"1. question?" items with the answer indented under them', () => {
    importsAs(
      [
        '# 前端基础',
        '',
        '1. 浏览器的事件循环是怎样工作的？',
        '',
        '   同步代码先执行，然后清空微任务队列，再取下一个宏任务。',
        '',
        '2. 如何实现深拷贝？',
        '',
        '   ```js',
        '   const copy = structuredClone(original);',
        '   ```',
        '',
        '3. `let` 和 `var` 有什么区别？',
        '',
        '   | | let | var |',
        '   |---|---|---|',
        '   | 作用域 | 块级 | 函数级 |',
      ].join('\n'),
      'frontend.md',
      {
        titles: ['浏览器的事件循环是怎样工作的？', '如何实现深拷贝？', 'let 和 var 有什么区别？'],
        prompts: ['浏览器的事件循环是怎样工作的？', '如何实现深拷贝？', '`let` 和 `var` 有什么区别？'],
        answers: ['同步代码先执行', '```js\nconst copy = structuredClone(original);\n```', '| | let | var |\n|---|---|---|\n| 作用域 | 块级 | 函数级 |'],
        topics: ['综合', '综合', '综合'],
      },
    );
  });

  describe('both kinds in one document, one per section', () => {
    importsAs(layout('nested-list.md'), 'nested-list.md', {
      titles: [
        'What does len() return for a dictionary?',
        'Which keyword turns a function into a generator?',
        'What is a virtual environment?',
        'How do you list the installed packages?',
        'Why prefer pathlib over os.path?',
      ],
      prompts: [
        'What does `len()` return for a dictionary?',
        'Which keyword turns a function into a generator?',
        'What is a virtual environment?',
        'How do you list the installed packages?',
        'Why prefer `pathlib` over `os.path`?',
      ],
      answers: ['The number of keys.', '`yield`; calling the function', 'An isolated folder with its own interpreter', '```bash\npython -m pip list\n```', '- paths are objects with methods\n- the `/` operator'],
      topics: ['Built-ins', 'Built-ins', 'Tooling', 'Tooling', 'Tooling'],
      skipped: [{ line: 12, title: 'Does print(0.1 + 0.2 == 0.3) print True?' }],
    });
  });
});

describe('flat bullet lists ("* 1.question" followed by answer bullets)', () => {
  const result = importsAs(layout('flat-bullets.md'), 'flat-bullets.md', {
    titles: ['Pod 和容器是什么关系？', 'Deployment 如何实现滚动更新？', 'Service 的 ClusterIP 是怎么工作的？'],
    answers: ['Pod 是最小的调度单位', '逐步创建新版本的 ReplicaSet，同时缩容旧的 ReplicaSet。\n通过 maxSurge 和 maxUnavailable 控制更新速度。', 'kube-proxy 在每个节点上'],
    topics: ['综合', '综合', '综合'],
    skipped: [{ line: 11, title: '什么是 Operator？' }],
  });

  it('keeps the source line before the first question in the description', () => {
    assert.match(bankOf(result).description ?? '', /来源：个人整理，欢迎指正/);
  });
});

describe('<details><summary>question</summary>answer</details>', () => {
  describe('in English, with <br><b> wrappers, <code> in summaries and section headings', () => {
    const result = importsAs(layout('details.md'), 'details.md', {
      titles: [
        'How do you create a branch and switch to it in one step?',
        'What is the difference between git merge and git rebase?',
        'How do you undo the last commit but keep its changes?',
      ],
      prompts: [
        'How do you create a branch and switch to it in one step?',
        'What is the difference between `git merge` and `git rebase`?',
        'How do you undo the last commit but keep its changes?',
      ],
      answers: ['`git switch -c feature` (or the older `git checkout -b feature`).', '| | merge | rebase |\n|---|---|---|\n', '```bash\ngit reset --soft HEAD~1\n```'],
      topics: ['Branching', 'Branching', 'Undoing things'],
      skipped: [{ line: 42, title: 'What does git reflog show?' }],
    });

    it('leaves no HTML tags in the answers', () => {
      for (const q of bankOf(result).questions) assert.doesNotMatch(q.answer, /<\/?(b|br|details|summary)>/, q.title);
    });
  });

  describe('in Spanish', () => {
    const result = importsAs(layout('spanish-details.md'), 'spanish-details.md', {
      titles: ['¿Qué es una clave foránea?', '¿Cuándo conviene desnormalizar una tabla?', '¿Para qué sirve un índice compuesto?'],
      answers: ['Una columna que apunta a la clave primaria', 'Cuando las lecturas dominan', 'Para acelerar las consultas'],
      topics: ['General', 'General', 'General'],
    });
    it('detects Spanish', () => {
      assert.equal(bankOf(result).language, 'es');
    });
  });
});

describe('blockquoted numbered questions ("> 1. question?")', () => {
  importsAs(layout('quoted-numbers.md'), 'quoted-numbers.md', {
    titles: ['How do you find which process listens on port 8080?', 'What does chmod 640 report.txt do?', 'How do you follow a log file as it grows?'],
    prompts: ['How do you find which process listens on port 8080?', 'What does `chmod 640 report.txt` do?', 'How do you follow a log file as it grows?'],
    answers: ["`ss -ltnp 'sport = :8080'` or `lsof -i :8080`.", 'The owner can read and write', '```bash\ntail -F /var/log/app.log\n```'],
    topics: ['General', 'General', 'General'],
  });
});

describe('a noisy document (CRLF, HTML comment, zero-width space, <br>, a long title, closing prose)', () => {
  const long =
    "Suppose your service's p99 latency doubled right after a deploy, while CPU and memory look normal and the error rate is flat. What would you check first, and why?";
  const result = importsAs(layout('mixed-noise.md'), 'mixed-noise.md', {
    titles: ["Suppose your service's p99 latency doubled right after a deploy, while CPU and memory look normal and the error rate is flat.", '如何估算一个短链服务需要多少存储？'],
    prompts: [long, '如何估算一个短链服务需要多少存储？'],
    answers: [
      'Compare the deploy diff for new downstream calls, then look at connection-pool and GC metrics.\nA doubled tail with flat averages',
      '每天新增 1 亿条',
    ],
    topics: ['Capacity', 'Capacity'],
    warnings: [16],
  });

  it('keeps the title heading and the closing prose, without the comment', () => {
    const bank = bankOf(result);
    assert.equal(bank.title, 'System design notes / 系统设计笔记');
    assert.equal(bank.description, 'Notes from mock interviews, in English and Chinese.\n\n**Closing thoughts**\n\nPractise drawing the diagram while you talk.');
    assert.ok(!JSON.stringify(bank).includes('\r'));
    assert.ok(!JSON.stringify(bank).includes('\u200B'));
  });
});

describe('titles lose their clutter', () => {
  it('cuts a long Chinese title at its first sentence and keeps the whole question in the prompt', () => {
    const question =
      '假设你负责一个日活千万的电商系统。秒杀活动开始的瞬间，数据库连接数被打满，接口大量超时，而缓存命中率看起来依然正常，监控上的 CPU 也不高，网络带宽也没有打满，消息队列也没有积压，下游的支付服务同样一切正常，日志里只能看到大量的获取连接超时异常，请问你会从哪里开始排查，又会如何在不停机的情况下止血？';
    const bank = bankOf(importMarkdown(`# 故障排查\n\n### 1. ${question}\n\n先看连接池配置，再看慢查询。\n\n### 2. 什么是熔断？\n\n下游故障时快速失败。\n`, { file: 'zh.md' }));
    assert.deepEqual(
      bank.questions.map((q) => [q.title, q.prompt]),
      [
        ['假设你负责一个日活千万的电商系统。', question],
        ['什么是熔断？', '什么是熔断？'],
      ],
    );
  });

  it('drops "1.1"-style numbering followed by a space', () => {
    const bank = bankOf(importMarkdown('# Data structures\n\n## 1.1 What is a hash map?\n\nAn array of buckets.\n\n## 1.2 What is a heap?\n\nA tree-shaped priority queue.\n', { file: 'ds.md' }));
    assert.deepEqual(
      bank.questions.map((q) => q.title),
      ['What is a hash map?', 'What is a heap?'],
    );
  });

  it('drops the numbering behind a leading emoji', () => {
    const bank = bankOf(importMarkdown('# JavaScript\n\n## 🔥 1. What is a closure?\n\nA function with the scope it was made in.\n\n## 💡 2. What is hoisting?\n\nDeclarations are moved to the top of their scope.\n', { file: 'js.md' }));
    assert.deepEqual(
      bank.questions.map((q) => q.title),
      ['What is a closure?', 'What is hoisting?'],
    );
  });
});

describe('documents that give no bank', () => {
  it('reports a document of prose and a table of contents as an error at line 1', () => {
    const result = importMarkdown('# Team notes\n\n## Contents\n\n- [Setup](#setup)\n- [Deploys](#deploys)\n\n## Setup\n\nInstall the tool.\n\n## Deploys\n\nWe deploy on Tuesdays.\n', { file: 'notes.md' });
    assert.equal(result.bank, null);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.severity, d.line]),
      [['error', 1]],
    );
    assert.match(result.diagnostics[0]!.message, /^no question found/);
  });

  it('reports an error, after the skip warnings, when every question is skipped', () => {
    const result = importMarkdown('# Draft\n\n### 1. What is a mutex?\n\nTODO\n\n### 2. What is a semaphore?\n\n待补充\n', { file: 'draft.md' });
    assert.equal(result.bank, null);
    assert.deepEqual(
      result.diagnostics.map((d) => [d.severity, d.line, !!d.skipped]),
      [
        ['error', 1, false],
        ['warning', 3, true],
        ['warning', 7, true],
      ],
    );
  });
});
