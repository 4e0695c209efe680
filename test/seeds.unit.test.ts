/**
 * The bundled banks: the five seed documents in data/seeds imported as data/banks. These
 * tests read the seeds themselves, so they check the importer against the real documents, and
 * they fail when the committed bank files are not what a fresh import produces.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { Bank, Catalog, Question } from '../src/bank/types.js';
import { buildCatalog, importDocuments, toJsonFile } from '../src/import/documents.js';
import { normalizeTitle } from '../src/import/question-id.js';
import type { TopicRules } from '../src/import/topics.js';

const dataDir = resolve(dirname(fileURLToPath(import.meta.url)), '../data');
const config = JSON.parse(readFileSync(resolve(dataDir, 'banks.config.json'), 'utf8')) as {
  topics: string;
  out: string;
  banks: { id: string; source: string; shortTitle?: string }[];
};
const topics = JSON.parse(readFileSync(resolve(dataDir, config.topics), 'utf8')) as TopicRules;
const seedPaths = config.banks.map((entry) => resolve(dataDir, entry.source));
const missing = seedPaths.filter((path) => !existsSync(path));
if (missing.length > 0) {
  throw new Error(`seed documents not found: ${missing.join(', ')}. They are part of the repository (data/seeds).`);
}
const seedText = seedPaths.map((path) => readFileSync(path, 'utf8'));
const { banks, diagnostics } = importDocuments(
  config.banks.map((entry, i) => ({ file: entry.source, source: seedText[i]!, id: entry.id, shortTitle: entry.shortTitle })),
  topics,
);
const bank = (id: string): Bank => banks.find((b) => b.id === id) ?? assert.fail(`no bank ${id}`);
const all: Question[] = banks.flatMap((b) => b.questions);
/** The number of numbered question headings in a seed, counted here independently of the importer. */
const headingCount = (text: string) => text.split('\n').filter((line) => /(^|<\|user\|>)#{2,5} \d+\. /.test(line)).length;

describe('seed documents', () => {
  it('import without errors; the warnings are the removed artifact and the prose outside questions', () => {
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(
      diagnostics.map((d) => `${d.file}:${d.line}: ${d.message}`),
      [
        `${config.banks[1]!.source}:178: the text under "极致详尽丰富的答案解析说明和源代码实例" (line 178) belongs to no question; it is kept in the bank description`,
        `${config.banks[1]!.source}:333: removed text-generation artifact <|user|>`,
        `${config.banks[1]!.source}:333: the text under "算法编程题解析" (line 333) belongs to no question; it is kept in the bank description`,
        `${config.banks[3]!.source}:419: the text under "总结" (lines 419–421) belongs to no question; it is kept in the bank description`,
      ],
    );
  });

  it('become five banks with 100, 33, 20, 30 and 30 questions (213)', () => {
    assert.deepEqual(banks.map((b) => b.questions.length), [100, 33, 20, 30, 30]);
    assert.equal(all.length, 213);
  });

  it('yield one question per numbered heading, counted here without the importer', () => {
    // Seed 001 repeats its first eight questions in a recap as list items, which add none.
    assert.deepEqual(seedText.map(headingCount), banks.map((b) => b.questions.length));
  });

  it('give every question a non-empty title, prompt and answer and at least one topic', () => {
    for (const q of all) {
      assert.ok(q.title.trim() && q.prompt.trim() && q.answer.trim(), q.id);
      assert.ok(q.topics.length > 0, q.id);
      assert.ok(!/^\s*\d+\./.test(q.title), `title keeps no number: ${q.title}`);
    }
  });

  it('take titles from the documents', () => {
    assert.deepEqual(
      banks.map((b) => b.title),
      [
        '大模型创业者的商业模式创新：从技术驱动到场景驱动的面试题与算法编程题',
        'AI 大模型创业：机遇与挑战并存',
        '大模型应用场景不断拓展，创业者发掘新增长点',
        '大模型：需要大量计算资源和训练数据的模型',
        '大模型在 AI 创业产品创新中的重要性：典型问题与解决方案',
      ],
    );
    for (const b of banks) assert.equal(b.language, 'zh-CN');
  });

  it('map each label to its field: 题目/面试题, 答案, 解析, 举例, 示例答案, 提示', () => {
    const first = bank('llm-business-models').questions[0]!;
    assert.equal(first.title, '什么是技术驱动和场景驱动的商业模式？');
    assert.equal(first.prompt, '简述技术驱动和场景驱动的商业模式，并举例说明。');
    assert.match(first.answer, /^技术驱动商业模式是指公司以技术创新为核心/);
    assert.match(first.explanation!, /^- \*\*技术驱动例子：\*\* 腾讯AI Lab/);

    const interview = bank('llm-startup-interview').questions.find((q) => q.title === '如何优化大模型的训练速度？')!;
    assert.equal(interview.prompt, '请介绍几种优化大模型训练速度的方法。', '面试题 is a prompt label');

    assert.equal(bank('llm-application-scenarios').questions.filter((q) => q.example).length, 20, '举例 → example');
    assert.match(bank('llm-application-scenarios').questions[0]!.example!, /^以BERT模型为例/);
    assert.equal(bank('llm-product-innovation').questions.filter((q) => q.example).length, 30, '示例答案 → example');
    assert.equal(all.filter((q) => q.hint).length, 3, '提示 → hint, on the three coding questions');
    assert.equal(all.filter((q) => q.explanation).length, 150 + 8, '150 解析 labels plus 8 recap entries');
  });

  it('merge the recap sections (面试题解析, 算法编程题解析) into explanations instead of adding questions', () => {
    const startup = bank('llm-startup-interview');
    assert.ok(!startup.questions.some((q) => /解析|极致详尽/.test(q.title)));
    const first = startup.questions[0]!;
    assert.equal(first.title, '大模型训练需要多少数据？');
    assert.match(first.explanation!, /^大模型训练所需的数据量通常非常大。以 GPT 为例/);
    const classifier = startup.questions.find((q) => q.title === '实现一个文本分类器')!;
    assert.match(classifier.explanation!, /^本题要求使用向量空间模型/);
    assert.match(classifier.answer, /^```python\nfrom sklearn\.feature_extraction\.text import TfidfVectorizer/);
    // The recap repeats the answer's code (indented in its list item); the explanation does not show it twice.
    assert.ok(!classifier.explanation!.includes('TfidfVectorizer'), 'the code the answer holds is not repeated');
    for (const q of startup.questions.filter((q) => q.kind === 'coding')) assert.ok(!q.explanation!.includes('```'), q.title);
    for (const q of startup.questions.slice(0, 8)) assert.ok(q.explanation, `${q.title} has the recap as explanation`);
  });

  it('remove the <|user|> artifact and recognise the heading glued to it', () => {
    for (const b of banks) assert.ok(!JSON.stringify(b).includes('<|'), b.id);
    const titles = bank('llm-startup-interview').questions.map((q) => q.title);
    assert.equal(titles[8], '如何优化大模型的训练速度？');
    assert.equal(titles.length, 33);
    assert.match(bank('llm-startup-interview').description!, /希望对大家有所帮助！$/);
  });

  it('keep the Python code of the three coding questions as fenced answers', () => {
    const coding = all.filter((q) => q.kind === 'coding');
    assert.deepEqual(coding.map((q) => q.title), ['实现一个文本分类器', '实现一个命名实体识别（NER）模型', '实现一个基于 Transformer 的机器翻译模型']);
    const seed = seedText[1]!;
    for (const q of coding) {
      assert.match(q.answer, /^```python\n[\s\S]+\n```$/);
      // The code is exactly the block in the document, line for line.
      const body = q.answer.split('\n').slice(1, -1).join('\n');
      assert.ok(seed.includes(`\`\`\`python\n${body}\n\`\`\``), q.title);
      assert.deepEqual(q.topics.includes('coding'), true);
    }
  });

  it('link the 213 questions under 139 distinct titles as variants, never dropping one', () => {
    const titles = new Set(all.map((q) => normalizeTitle(q.title)));
    assert.equal(titles.size, 139);
    const variants = all.filter((q) => q.variantOf);
    assert.equal(variants.length, 213 - 139);
    for (const q of variants) {
      const [bankId, questionId] = q.variantOf!.includes('/') ? q.variantOf!.split('/') : [banks.find((b) => b.questions.includes(q))!.id, q.variantOf!];
      const target = bank(bankId!).questions.find((t) => t.id === questionId);
      assert.ok(target, `${q.id} → ${q.variantOf} exists`);
      assert.equal(normalizeTitle(target.title), normalizeTitle(q.title));
      assert.equal(target.variantOf, undefined, 'variants point at the first question, not at another variant');
    }
    assert.ok(variants.some((q) => q.variantOf!.includes('/')), 'some variants cross banks');
  });

  it('keep intro and closing prose as the bank description', () => {
    assert.match(bank('llm-startup-interview').description!, /^在当前的人工智能领域，大模型（如GPT、BERT等）技术已成为推动产业变革的重要力量。/);
    assert.match(bank('llm-fundamentals').description!, /^\*\*总结\*\*\n\n大模型在人工智能领域具有广泛的应用前景/);
    assert.equal(bank('llm-business-models').description, undefined);
  });
});

describe('bundled banks in data/banks', () => {
  const outDir = resolve(dataDir, config.out);

  it('are exactly what a fresh import produces (run `npm run data` after changing the importer or seeds)', () => {
    for (const b of banks) {
      const path = resolve(outDir, `${b.id}.json`);
      assert.ok(existsSync(path), `${path} is missing`);
      assert.equal(readFileSync(path, 'utf8'), toJsonFile(b), `${path} is out of date`);
    }
    assert.equal(readFileSync(resolve(outDir, 'index.json'), 'utf8'), toJsonFile(buildCatalog(banks)), 'index.json is out of date');
  });

  it('are listed in index.json with their question counts', () => {
    const catalog = JSON.parse(readFileSync(resolve(outDir, 'index.json'), 'utf8')) as Catalog;
    assert.deepEqual(
      catalog.banks.map((entry) => [entry.id, entry.questionCount, entry.src]),
      banks.map((b) => [b.id, b.questions.length, `./${b.id}.json`]),
    );
  });
});
