// Synthetic question banks at scale for bench/question-browser.mjs: any number of questions
// spread over several quiz-bank/1 banks, deterministic for a given seed.
//
// Text is realistic for this library's audience: Chinese interview questions about large models
// with English terms in them (GPU, Transformer, KV Cache, LoRA ...), plus a share of banks written
// in English. Sentences come from templates filled with domain words and from the sentences of
// the bundled banks (data/banks/*.json), so answers read like the real ones: paragraphs, bold
// list items, numbered steps, and code examples for coding questions. Sizes follow the bundled
// banks (about 16 characters of title and 400 of text per question).
//
// About `variantShare` of the questions (default 10 %) repeat the title of an earlier question
// in the same language, often in another bank, so `<question-browser>` has variant groups;
// every other title is unique.
//
//   import { makeSyntheticBanks } from './synthetic-bank.mjs';
//   const { banks, stats } = makeSyntheticBanks({ questions: 10_000 });
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'banks');

/** Deterministic random numbers in [0, 1): `mulberry32` of src/practice/practice-set.ts, copied because this runs in plain Node without TypeScript. */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- word pools ---------------------------------------------------------------------------

const TERMS = [
  'Transformer', 'GPU', 'KV Cache', 'LoRA', 'QLoRA', 'RAG', 'RLHF', 'DPO', 'PPO', 'BERT', 'GPT', 'LLaMA', 'Qwen',
  'embedding', 'tokenizer', 'BPE', 'FlashAttention', 'PagedAttention', 'vLLM', 'TensorRT-LLM', 'CUDA', 'PyTorch',
  'DeepSpeed', 'ZeRO', 'Megatron', 'Adam', 'AdamW', 'batch size', 'learning rate', 'dropout', 'softmax', 'LayerNorm',
  'RMSNorm', 'RoPE', 'beam search', 'top-p', 'temperature', 'MoE', 'INT8', 'INT4', 'FP16', 'BF16', 'GPTQ', 'AWQ',
  'prompt', 'few-shot', 'Chain-of-Thought', 'Agent', 'function calling', 'API', 'SFT', 'reward model', 'Milvus',
  'Faiss', 'pgvector', 'LangChain', 'speculative decoding', 'continuous batching', 'NCCL', 'A100', 'H100',
];
const CONCEPTS = [
  '过拟合', '欠拟合', '推理加速', '推理优化', '模型压缩', '知识蒸馏', '梯度消失', '梯度爆炸', '注意力机制', '位置编码',
  '向量检索', '幻觉', '价值对齐', '指令微调', '预训练', '量化', '剪枝', '数据清洗', '长上下文', '多模态理解', '提示工程',
  '显存优化', '分布式训练', '混合精度训练', '正则化', '学习率调度', '模型评测', '召回率', '模型部署', '冷启动',
  '灾难性遗忘', '数据增强', '负采样', '重排序', '文本分块', '意图识别', '多轮对话', '安全护栏', '成本控制', '延迟优化',
];
const SCENARIOS = [
  '智能客服', '代码助手', '金融风控', '医疗问答', '电商推荐', '法律检索', '教育辅导', '企业知识库', '内容审核', '搜索引擎',
  '广告投放', '智能家居', '自动驾驶', '游戏 NPC', '新闻摘要', '合同审查', '招聘筛选', '旅游规划', '保险理赔', '政务咨询',
];
const METRICS = ['准确率', '召回率', '推理延迟', '吞吐量', '显存占用', '训练成本', '用户满意度', '首 token 延迟', '困惑度', '泛化能力', '稳定性', '可解释性'];
const ABILITIES = ['理解长文档', '处理多轮对话', '生成结构化输出', '调用外部工具', '遵循复杂指令', '减少重复计算', '捕捉远距离依赖', '适应新领域'];

const CONCEPTS_EN = [
  'overfitting', 'underfitting', 'inference latency', 'model compression', 'knowledge distillation', 'vanishing gradients',
  'exploding gradients', 'positional encoding', 'vector search', 'hallucination', 'alignment', 'instruction tuning',
  'pre-training', 'quantization', 'pruning', 'data cleaning', 'long context', 'prompt engineering', 'memory usage',
  'distributed training', 'mixed precision', 'regularization', 'evaluation', 'recall', 'deployment', 'reranking',
  'chunking', 'catastrophic forgetting', 'guardrails', 'serving cost', 'throughput', 'tail latency',
];
const SCENARIOS_EN = [
  'customer support', 'a coding assistant', 'fraud detection', 'medical Q&A', 'e-commerce search', 'legal research',
  'tutoring', 'an internal knowledge base', 'content moderation', 'news summarization', 'contract review', 'travel planning',
];

const TOPICS = [
  { id: 'fundamentals', zh: '基础概念', en: 'Fundamentals' },
  { id: 'training', zh: '模型训练', en: 'Training' },
  { id: 'inference', zh: '推理优化', en: 'Inference' },
  { id: 'rag', zh: '检索增强生成', en: 'Retrieval-augmented generation' },
  { id: 'agents', zh: '智能体', en: 'Agents' },
  { id: 'evaluation', zh: '模型评测', en: 'Evaluation' },
  { id: 'deployment', zh: '部署与运维', en: 'Deployment' },
  { id: 'safety', zh: '安全与对齐', en: 'Safety and alignment' },
  { id: 'data', zh: '数据工程', en: 'Data engineering' },
  { id: 'multimodal', zh: '多模态', en: 'Multimodal' },
  { id: 'fine-tuning', zh: '微调', en: 'Fine-tuning' },
  { id: 'product', zh: '产品落地', en: 'Products' },
];

// Each template takes a picker `p` whose methods draw from the pools.
const TITLES_ZH = [
  (p) => `什么是${p.c()}？`,
  (p) => `${p.t()} 和 ${p.t()} 有什么区别？`,
  (p) => `如何在${p.s()}场景中使用 ${p.t()}？`,
  (p) => `${p.c()}的原因是什么？如何缓解？`,
  (p) => `${p.t()} 为什么能降低${p.m()}？`,
  (p) => `请解释 ${p.t()} 在${p.c()}中的作用`,
  (p) => `${p.s()}产品如何落地${p.c()}？`,
  (p) => `训练 ${p.t()} 时出现${p.c()}怎么办？`,
  (p) => `用 ${p.t()} 做${p.c()}有哪些坑？`,
  (p) => `${p.c()}与${p.c()}的关系是什么？`,
  (p) => `${p.s()}中如何权衡${p.m()}和${p.m()}？`,
  (p) => `如何评估${p.s()}系统的${p.m()}？`,
  (p) => `${p.t()} 如何帮助模型${p.a()}？`,
  (p) => `在 ${p.t()} 上做${p.c()}需要注意什么？`,
  (p) => `在${p.s()}中，${p.t()} 如何解决${p.c()}问题？`,
  (p) => `${p.t()} 在${p.s()}场景下的${p.m()}如何优化？`,
  (p) => `为什么${p.s()}系统需要${p.c()}？${p.t()} 能起什么作用？`,
  (p) => `${p.s()}团队引入 ${p.t()} 后${p.m()}变差，可能是什么原因？`,
];
const CODING_TITLES_ZH = [
  (p) => `用 Python 实现${p.c()}的核心步骤（${p.t()}）`,
  (p) => `手写 ${p.t()} 的前向计算`,
  (p) => `实现一个支持${p.c()}的 ${p.t()} 工具函数`,
  (p) => `编写代码统计${p.s()}数据的${p.m()}`,
  (p) => `用 ${p.t()} 实现${p.s()}场景的${p.c()}模块`,
  (p) => `编写 ${p.t()} 代码优化${p.s()}的${p.m()}`,
];
const TITLES_EN = [
  (p) => `What is ${p.e()}?`,
  (p) => `How does ${p.t()} help with ${p.e()}?`,
  (p) => `${p.t()} vs ${p.t()}: which one for ${p.x()}?`,
  (p) => `Why does ${p.e()} happen when training with ${p.t()}?`,
  (p) => `Explain ${p.t()} in the context of ${p.e()}`,
  (p) => `How would you reduce ${p.e()} when serving ${p.t()} on GPUs?`,
  (p) => `When should you use ${p.t()} instead of ${p.t()}?`,
  (p) => `What are the trade-offs of ${p.t()} for ${p.x()}?`,
  (p) => `How do you measure ${p.e()} in ${p.x()}?`,
  (p) => `How does ${p.t()} affect ${p.e()} in ${p.x()}?`,
];
const CODING_TITLES_EN = [
  (p) => `Implement ${p.t()} from scratch in Python`,
  (p) => `Write a function that computes ${p.e()} for ${p.t()}`,
  (p) => `Implement ${p.e()} for ${p.x()} with ${p.t()}`,
];

const SENTENCES_ZH = [
  (p) => `在${p.s()}中，${p.t()} 常被用来提升${p.m()}。`,
  (p) => `${p.c()}的关键在于平衡${p.m()}与${p.m()}。`,
  (p) => `使用 ${p.t()} 时需要关注显存占用和推理延迟，尤其是在 ${p.n(2, 64)} 张 GPU 的集群上。`,
  (p) => `常见做法是先做${p.c()}，再通过 ${p.t()} 进行${p.c()}。`,
  (p) => `如果${p.m()}下降，可以检查数据质量、learning rate 和 batch size 等超参数。`,
  (p) => `${p.t()} 的核心思想是让模型能够${p.a()}，从而缓解${p.c()}。`,
  (p) => `与 ${p.t()} 相比，${p.t()} 在${p.m()}上更有优势，但实现更复杂。`,
  (p) => `面试时可以结合${p.s()}的项目经验，说明${p.c()}带来的收益。`,
  (p) => `Transformer 的自注意力计算量随序列长度平方增长，这也是${p.c()}成本高的原因之一。`,
  (p) => `推理优化的常见手段包括 ${p.t()}、${p.t()} 和${p.c()}。`,
  (p) => `实践中通常用 ${p.n(3, 20)}% 的数据做验证集，监控${p.m()}的变化。`,
  (p) => `线上服务一般用 ${p.t()} 部署，并根据${p.m()}设置告警阈值。`,
  (p) => `${p.c()}在${p.s()}里尤其常见，需要和业务方一起定义评估标准。`,
  (p) => `数据规模从 ${p.n(1, 9)} 万条增加到 ${p.n(10, 99)} 万条时，${p.m()}通常会明显改善。`,
];
const SENTENCES_EN = [
  (p) => `In ${p.x()}, ${p.t()} is often used to improve ${p.e()}.`,
  (p) => `The key trade-off is between ${p.e()} and ${p.e()}.`,
  (p) => `With ${p.t()} you have to watch GPU memory and latency, especially on a cluster of ${p.n(2, 64)} GPUs.`,
  (p) => `A common recipe is to apply ${p.t()} first and then tune the learning rate and batch size.`,
  (p) => `${p.t()} trades a little accuracy for much lower ${p.e()}.`,
  (p) => `Compared with ${p.t()}, ${p.t()} handles ${p.e()} better but is harder to implement.`,
  (p) => `Self-attention in a Transformer is quadratic in sequence length, which makes ${p.e()} expensive.`,
  (p) => `Teams usually hold out ${p.n(3, 20)}% of the data to track ${p.e()} during training.`,
  (p) => `In production, ${p.t()} is served behind an API with alerts on ${p.e()}.`,
  (p) => `Interviewers expect a concrete example from ${p.x()} and numbers for ${p.e()}.`,
];

/**
 * Sentences of the bundled banks (Chinese with English terms), list markers removed, sorted into
 * list leads ("…包括以下几点："), items with a bold head ("**过拟合：** …") and plain sentences.
 */
function bundledSentences() {
  const sentences = new Set();
  const sorted = { leads: [], items: [], plain: [] };
  let files = [];
  try {
    files = readdirSync(DATA_DIR).filter((f) => f.endsWith('.json') && f !== 'index.json');
  } catch {
    return sorted;
  }
  for (const file of files.sort()) {
    const bank = JSON.parse(readFileSync(path.join(DATA_DIR, file), 'utf8'));
    for (const q of bank.questions ?? []) {
      for (const text of [q.answer, q.explanation]) {
        for (const piece of (text ?? '').split(/(?<=[。！？；])|\n+/u)) {
          const s = piece.trim().replace(/^(?:\d+\.|[-*])\s+/, '');
          if (s.length >= 8 && s.length <= 120 && !/^(```|\||#|")/.test(s)) sentences.add(s);
        }
      }
    }
  }
  for (const s of sentences) {
    if (/[：:]$/.test(s)) sorted.leads.push(s);
    else if (s.startsWith('**')) sorted.items.push(s);
    else sorted.plain.push(s);
  }
  return sorted;
}

const CODE_SNIPPETS = [
  (p) => `\`\`\`python\nimport torch\n\ndef attention(q, k, v, mask=None):\n    scores = q @ k.transpose(-2, -1) / q.size(-1) ** 0.5\n    if mask is not None:\n        scores = scores.masked_fill(mask == 0, float("-inf"))\n    return torch.softmax(scores, dim=-1) @ v  # ${p.t()}\n\`\`\``,
  (p) => `\`\`\`python\ndef evaluate(model, loader):\n    model.eval()\n    correct = total = 0\n    for batch in loader:\n        pred = model(batch["input_ids"]).argmax(-1)\n        correct += (pred == batch["labels"]).sum().item()\n        total += len(pred)\n    return correct / total  # ${p.m()}\n\`\`\``,
  (p) => `\`\`\`python\nfrom collections import Counter\n\ndef top_terms(docs, k=${p.n(5, 50)}):\n    counts = Counter(w for d in docs for w in d.split())\n    return counts.most_common(k)\n\`\`\``,
  (p) => `\`\`\`ts\nexport async function retrieve(query: string, k = ${p.n(3, 10)}) {\n  const vector = await embed(query); // ${p.t()}\n  return index.search(vector, { k });\n}\n\`\`\``,
];

// --- generator ----------------------------------------------------------------------------

/**
 * `questions` questions in `bankCount` banks (contiguous slices, every fifth bank from the fourth
 * on in English). Returns `{ banks, stats }`; `banks` are quiz-bank/1 objects.
 */
export function makeSyntheticBanks({ questions = 10_000, bankCount = 10, seed = 20261123, variantShare = 0.1 } = {}) {
  const next = random(seed);
  const pick = (list) => list[Math.floor(next() * list.length)];
  const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
  const p = {
    t: () => pick(TERMS),
    c: () => pick(CONCEPTS),
    s: () => pick(SCENARIOS),
    m: () => pick(METRICS),
    a: () => pick(ABILITIES),
    e: () => pick(CONCEPTS_EN),
    x: () => pick(SCENARIOS_EN),
    n: int,
  };
  const bundled = bundledSentences();
  const zhSentence = () => (bundled.plain.length && next() < 0.5 ? pick(bundled.plain) : pick(SENTENCES_ZH)(p));
  const enSentence = () => pick(SENTENCES_EN)(p);
  const zhLead = () => (bundled.leads.length && next() < 0.6 ? pick(bundled.leads) : `${zhSentence()}要点如下：`);
  const zhItem = () => (bundled.items.length && next() < 0.5 ? pick(bundled.items) : `**${p.c()}：** ${pick(SENTENCES_ZH)(p)}`);
  const enItem = () => `**${p.e()}:** ${enSentence()}`;

  const paragraph = (sentence, min, max) => {
    let out = '';
    const n = int(min, max);
    for (let i = 0; i < n; i++) out += (i && !/[。！？]$/.test(out) ? ' ' : '') + sentence();
    return out;
  };
  const answerOf = (en) => {
    const sentence = en ? enSentence : zhSentence;
    const shape = next();
    if (shape < 0.4) return paragraph(sentence, 3, 5);
    const lead = en ? `${enSentence()} The main points:` : zhLead();
    const items = int(3, 5);
    const list = [];
    for (let i = 0; i < items; i++) list.push(`${shape < 0.75 ? '*' : `${i + 1}.`} ${en ? enItem() : zhItem()}`);
    return `${lead}\n\n${list.join('\n')}`;
  };

  const seen = new Set();
  const firstWithTitle = new Map();
  const pools = { zh: [], en: [] };
  const made = [];
  let fallbacks = 0;
  const bankIds = Array.from({ length: bankCount }, (_, b) => `synthetic-${String(b + 1).padStart(2, '0')}`);
  const isEnglish = (b) => b % 5 === 3;
  const bankTopics = bankIds.map(() => {
    const shuffled = [...TOPICS].sort(() => next() - 0.5);
    return shuffled.slice(0, 8);
  });
  const perBank = Array.from({ length: bankCount }, () => []);

  for (let i = 0; i < questions; i++) {
    const b = Math.min(bankCount - 1, Math.floor((i * bankCount) / questions));
    const en = isEnglish(b);
    const lang = en ? 'en' : 'zh';
    const coding = next() < 0.12;
    let title;
    let variantOf;
    if (pools[lang].length > 0 && next() < variantShare) {
      title = pick(pools[lang]);
      const first = firstWithTitle.get(title);
      variantOf = first.bank === bankIds[b] ? first.id : `${first.bank}/${first.id}`;
    } else {
      const templates = coding ? (en ? CODING_TITLES_EN : CODING_TITLES_ZH) : en ? TITLES_EN : TITLES_ZH;
      for (let attempt = 0; attempt < 30 && (title === undefined || seen.has(title)); attempt++) title = pick(templates)(p);
      if (seen.has(title)) {
        fallbacks++;
        title = en ? `${title} (${p.x()}, ${i})` : `${title}（${p.s()}，${i}）`;
      }
      seen.add(title);
      pools[lang].push(title);
    }
    const id = `q-${i.toString(36).padStart(5, '0')}`;
    if (!firstWithTitle.has(title)) firstWithTitle.set(title, { bank: bankIds[b], id });
    const topics = bankTopics[b];
    const topicIds = [pick(topics).id];
    if (next() < 0.3) {
      const second = pick(topics).id;
      if (second !== topicIds[0]) topicIds.push(second);
    }
    const prompt = coding
      ? en
        ? `Write the code and explain its complexity. ${enSentence()}`
        : `请写出代码并分析复杂度。${paragraph(zhSentence, 1, 1)}`
      : en
        ? `${pick(['Explain', 'Describe', 'Discuss'])} this with an example from ${p.x()}.`
        : `请结合${p.s()}的实际经验回答。`;
    const question = { id, kind: coding ? 'coding' : 'concept', title, topics: topicIds, prompt, answer: answerOf(en) };
    if (next() < 0.55) question.explanation = paragraph(en ? enSentence : zhSentence, 1, 2);
    if (coding) question.example = pick(CODE_SNIPPETS)(p);
    else if (next() < 0.08) question.example = paragraph(en ? enSentence : zhSentence, 1, 2);
    if (!coding && next() < 0.08) {
      const right = int(0, 3);
      question.choices = [0, 1, 2, 3].map((k) => ({ text: en ? `${p.t()} lowers ${p.e()}` : `${p.t()} 可以降低${p.m()}`, correct: k === right }));
    }
    if (variantOf) question.variantOf = variantOf;
    perBank[b].push(question);
    made.push(question);
  }

  const banks = bankIds.map((id, b) => {
    const en = isEnglish(b);
    return {
      format: 'quiz-bank/1',
      id,
      title: en ? `LLM interview questions, part ${b + 1}` : `大模型面试题（第 ${b + 1} 册）`,
      language: en ? 'en' : 'zh-CN',
      description: en ? 'Synthetic questions for the question-browser benchmark.' : '用于 question-browser 基准测试的合成题目。',
      topics: bankTopics[b].map((t) => ({ id: t.id, title: en ? t.en : t.zh })),
      questions: perBank[b],
    };
  });

  let chars = 0;
  let variants = 0;
  for (const q of made) {
    chars += q.title.length + q.prompt.length + q.answer.length + (q.explanation?.length ?? 0) + (q.example?.length ?? 0);
    if (q.variantOf) variants++;
  }
  const stats = {
    questions: made.length,
    banks: banks.length,
    englishQuestions: banks.filter((bank) => bank.language === 'en').reduce((n, bank) => n + bank.questions.length, 0),
    coding: made.filter((q) => q.kind === 'coding').length,
    withChoices: made.filter((q) => q.choices).length,
    variants,
    titles: firstWithTitle.size,
    titleFallbacks: fallbacks,
    averageChars: Math.round(chars / Math.max(1, made.length)),
    bundledSentences: bundled.leads.length + bundled.items.length + bundled.plain.length,
  };
  return { banks, stats };
}
