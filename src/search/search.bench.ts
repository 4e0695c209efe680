/**
 * Micro-benchmark of the question search (not a test): node --expose-gc --import tsx src/search/search.bench.ts
 *
 * Builds 10,000 and 50,000 synthetic questions from the sentences of the bundled banks, shuffled
 * (about 300 characters each, Chinese with English terms), then prints the time to build the
 * index, the longest main-thread stretch while `prepare()` builds it in slices, and median/p95
 * times of searches. Each timed search follows a search that shares nothing with it, so no result
 * cache helps; "typing" times each keystroke of a query typed one character at a time, as the
 * browser sees it. Pass sizes as arguments to change them: `… search.bench.ts 10000 50000`.
 */
import { loadBundledCollection } from '../bank/catalog.js';
import type { Question } from '../bank/types.js';
import { mulberry32 } from '../practice/practice-set.js';
import { createQuestionIndex, type IndexedQuestion, type QuestionIndex, type SearchFilters } from './question-index.js';

const QUERIES = ['过拟合', '推理 优化', 'GPU', 'Transformer', 'gpu', '大', '模型 数据 训练', 'zzz不存在的词'];
const TYPED = '推理优化';
const RUNS = 60;
/** Shares no term with any query, so the search after it starts from scratch. */
const RESET = 'ʘʘʘ';

// Only Node has these; they are optional so the file stays free of Node imports.
const host = globalThis as { process?: { argv: string[]; memoryUsage(): { heapUsed: number } }; gc?: () => void };


interface Pools {
  titles: string[];
  sentences: string[];
  topics: string[];
}

async function pools(): Promise<Pools> {
  const { banks } = await loadBundledCollection();
  const questions = banks.flatMap(({ bank }) => bank.questions);
  const sentences = new Set<string>();
  for (const q of questions) {
    for (const text of [q.prompt, q.answer, q.explanation ?? '', q.example ?? '']) {
      for (const piece of text.split(/(?<=[。！？；])|\n+/u)) {
        const sentence = piece.trim();
        if (sentence.length >= 6 && sentence.length <= 160) sentences.add(sentence);
      }
    }
  }
  const topics = [...new Set(questions.flatMap((q) => q.topics))];
  return { titles: questions.map((q) => q.title.replace(/[？?]$/u, '')), sentences: [...sentences], topics };
}

/** `count` questions in 10 banks; about one in ten repeats an earlier title (a variant). */
function synthesize(count: number, { titles, sentences, topics }: Pools): IndexedQuestion[] {
  const next = mulberry32(count);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const text = (chars: number) => {
    let out = '';
    while (out.length < chars) out += pick(sentences);
    return out;
  };
  const made: IndexedQuestion[] = [];
  for (let i = 0; i < count; i++) {
    const title = i > 0 && next() < 0.1 ? made[Math.floor(next() * i)]!.question.title : `${pick(titles)}：${pick(sentences).slice(0, 16)}？`;
    const question: Question = {
      id: `q-${i}`,
      kind: next() < 0.1 ? 'coding' : 'concept',
      title,
      prompt: text(40),
      answer: text(180),
      topics: [pick(topics)],
      ...(next() < 0.5 ? { explanation: text(70) } : {}),
    };
    made.push({ bankId: `bank-${i % 10}`, question });
  }
  return made;
}

function stats(times: number[]): { median: number; p95: number; max: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1]! };
}

const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);

function heapMb(): number | undefined {
  host.gc?.();
  const used = host.process?.memoryUsage().heapUsed;
  return used === undefined ? undefined : used / 2 ** 20;
}

/** Longest stretch without an event-loop turn while `prepare()` runs, i.e. the longest the page would freeze. */
async function slicedBuild(entries: IndexedQuestion[]): Promise<{ total: number; longest: number }> {
  const index = createQuestionIndex(entries);
  let longest = 0;
  let done = false;
  let last = performance.now();
  const tick = () => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
    if (!done) setTimeout(tick, 0);
  };
  setTimeout(tick, 0);
  const start = performance.now();
  await index.prepare();
  const total = performance.now() - start;
  done = true;
  return { total, longest };
}

function timeQuery(index: QuestionIndex, query: string, filters?: SearchFilters): { times: number[]; count: number; groups: number } {
  const times: number[] = [];
  let count = 0;
  let groups = 0;
  for (let run = 0; run < RUNS; run++) {
    index.search(RESET, filters);
    const start = performance.now();
    const result = index.search(query, filters);
    times.push(performance.now() - start);
    count = result.questionCount;
    groups = result.groups.length;
  }
  return { times, count, groups };
}

async function bench(size: number, source: Pools): Promise<void> {
  const entries = synthesize(size, source);
  const chars = entries.reduce((n, { question: q }) => n + q.title.length + q.prompt.length + q.answer.length + (q.explanation?.length ?? 0), 0);
  console.log(`\n## ${size.toLocaleString('en')} questions (${(chars / size).toFixed(0)} characters each on average, ${(chars / 1e6).toFixed(1)} M in all)\n`);

  const heapBefore = heapMb();
  let start = performance.now();
  const index = createQuestionIndex(entries);
  const create = performance.now() - start;
  start = performance.now();
  const all = index.search('');
  const firstEmpty = performance.now() - start;
  start = performance.now();
  index.search('过拟合');
  const firstQuery = performance.now() - start;
  const heapAfter = heapMb();
  const sliced = await slicedBuild(entries);

  console.log('| step | ms |\n|---|---:|');
  console.log(`| createQuestionIndex | ${ms(create)} |`);
  console.log(`| first search '' (groups by title: ${all.groups.length.toLocaleString('en')} rows) | ${ms(firstEmpty)} |`);
  console.log(`| first search with terms (groups every title, reads every question's text once, checking it as it goes; a search form only for text that needs one) | ${ms(firstQuery)} |`);
  console.log(`| prepare() in slices: total | ${ms(sliced.total)} |`);
  console.log(`| prepare() in slices: longest main-thread stretch | ${ms(sliced.longest)} |`);
  if (heapBefore !== undefined && heapAfter !== undefined) {
    console.log(`| heap used by the index (MB, not ms; questions excluded) | ${(heapAfter - heapBefore).toFixed(1)} |`);
    console.log(`| heap used in all: Node, questions, index (MB, not ms) | ${heapAfter.toFixed(1)} |`);
  }

  console.log(`\n| query | matches | rows | median ms | p95 ms | max ms |\n|---|---:|---:|---:|---:|---:|`);
  const row = (label: string, { times, count, groups }: { times: number[]; count: number; groups: number }) => {
    const { median, p95, max } = stats(times);
    console.log(`| ${label} | ${count} | ${groups} | ${ms(median)} | ${ms(p95)} | ${ms(max)} |`);
  };
  for (const query of QUERIES) row(`\`${query}\``, timeQuery(index, query));
  row("`''` (every question)", timeQuery(index, ''));
  row('`推理 优化`, topic filter', timeQuery(index, '推理 优化', { topics: new Set([source.topics[0]!, `bank-3/${source.topics[1]!}`]) }));
  row('`GPU`, kind + bank filter', timeQuery(index, 'GPU', { kind: 'concept', bankIds: new Set(['bank-1', 'bank-2', 'bank-5']) }));

  // Typing: each keystroke extends the query, so the previous matches narrow the search.
  const keystrokes: number[] = [];
  for (let run = 0; run < RUNS / 4; run++) {
    index.search(RESET);
    for (let n = 1; n <= TYPED.length; n++) {
      start = performance.now();
      index.search(TYPED.slice(0, n));
      keystrokes.push(performance.now() - start);
    }
  }
  const typed = stats(keystrokes);
  console.log(`| typing \`${TYPED}\` one character at a time (per keystroke) | | | ${ms(typed.median)} | ${ms(typed.p95)} | ${ms(typed.max)} |`);
}

const sizes = (host.process?.argv.slice(2).map(Number).filter((n) => n > 0) ?? []);
const source = await pools();
console.log(`# Question search micro-benchmark\n\nSentence pool: ${source.sentences.length} sentences and ${source.titles.length} titles from the bundled banks. ${RUNS} runs per query.`);
if (!host.gc) console.log('(Run node with --expose-gc for heap figures.)');
for (const size of sizes.length ? sizes : [10_000, 50_000]) await bench(size, source);
