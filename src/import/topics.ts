import type { Topic } from '../bank/types.js';
import { asciiSlug, questionIdFromTitle } from './question-id.js';

/** One topic of `data/topics.json`: titles per language and the keywords that select it. */
export interface TopicRule {
  id: string;
  /** Titles by BCP 47 tag, e.g. `{ "zh-CN": "训练", "en": "Training" }`. */
  title: Record<string, string>;
  /** Matched case-insensitively as substrings; Chinese has no spaces to split on. */
  keywords: string[];
}

export interface TopicRules {
  format: 'quiz-topics/1';
  /** Topic for questions that no keyword matches, so every question has one. */
  fallback: string;
  topics: TopicRule[];
}

/** Checks a parsed rule file; returns the problems in words an author can act on. */
export function checkTopicRules(input: unknown): string[] {
  const problems: string[] = [];
  const rules = input as Partial<TopicRules> | null;
  if (!rules || typeof rules !== 'object' || Array.isArray(rules)) return ['expected a JSON object'];
  if (rules.format !== 'quiz-topics/1') problems.push(`format: expected "quiz-topics/1", got ${JSON.stringify(rules.format)}`);
  if (!Array.isArray(rules.topics) || rules.topics.length === 0) {
    problems.push('topics: expected a non-empty array');
    return problems;
  }
  rules.topics.forEach((rule, i) => {
    if (!rule || typeof rule.id !== 'string' || !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(rule.id)) problems.push(`topics[${i}].id: expected a slug`);
    if (!rule?.title || typeof rule.title !== 'object' || Object.keys(rule.title).length === 0 || !Object.values(rule.title).every((t) => typeof t === 'string' && t)) {
      problems.push(`topics[${i}].title: expected titles by language, e.g. {"en": "Training"}`);
    }
    if (!Array.isArray(rule?.keywords) || !rule.keywords.every((k) => typeof k === 'string' && k.trim())) {
      problems.push(`topics[${i}].keywords: expected an array of non-empty strings`);
    }
  });
  if (!rules.topics.some((rule) => rule?.id === rules.fallback)) {
    problems.push(`fallback: ${JSON.stringify(rules.fallback)} is not one of the topics`);
  }
  return problems;
}

function countHits(text: string, keywords: readonly string[]): number {
  const haystack = text.toLowerCase();
  let hits = 0;
  for (const keyword of keywords) {
    const needle = keyword.toLowerCase();
    for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) hits++;
  }
  return hits;
}

/**
 * Topics for one question: every topic with a keyword in the title; failing that, the topic
 * whose keywords occur most often in the prompt and answer; failing that, the fallback.
 * Titles decide first because they name what the question is about; bodies mention everything.
 */
export function assignTopics(question: { title: string; prompt: string; answer: string }, rules: TopicRules, section?: Topic): string[] {
  const byTitle = rules.topics.filter((rule) => countHits(question.title, rule.keywords) > 0).map((rule) => rule.id);
  if (byTitle.length > 0) return byTitle;

  const body = `${question.prompt}\n${question.answer}`;
  let best: string[] = [];
  let bestHits = 0;
  for (const rule of rules.topics) {
    const hits = countHits(body, rule.keywords);
    if (hits > bestHits) [best, bestHits] = [[rule.id], hits];
    else if (hits > 0 && hits === bestHits) best.push(rule.id);
  }
  return best.length > 0 ? best : [section?.id ?? rules.fallback];
}

/** The title of a rule in `language`, trying `zh-CN`, then `zh`, then English, then any. */
export function topicTitle(rule: TopicRule, language: string): string {
  const base = language.split('-')[0] ?? language;
  return rule.title[language] ?? rule.title[base] ?? rule.title.en ?? Object.values(rule.title)[0] ?? rule.id;
}

/** The bank's topic list: the rules that some question uses, in the rule file's order, then the other used topics. */
export function bankTopics(used: ReadonlySet<string>, rules: TopicRules | undefined, language: string, others: readonly Topic[] = []): Topic[] {
  const fromRules = (rules?.topics ?? []).filter((rule) => used.has(rule.id)).map((rule) => ({ id: rule.id, title: topicTitle(rule, language) }));
  const taken = new Set(fromRules.map((t) => t.id));
  return [...fromRules, ...others.filter((t) => used.has(t.id) && !taken.has(t.id))];
}

const NEUTRAL: Record<string, string> = { en: 'General', zh: '综合', ja: '一般', ko: '일반', de: 'Allgemein', es: 'General', fr: 'Général', it: 'Generale', pt: 'Geral', ru: 'Общее', uk: 'Загальне' };

export interface SectionTopics {
  /** The topic of a question's section, if it has one. */
  of(question: object): Topic | undefined;
  /** The one topic of questions without a section. */
  neutral: Topic;
  /** Every section topic in document order, then the neutral one. */
  all: Topic[];
}

/**
 * Topics from the sections questions sit in ("## Networking" → topic "Networking"), for
 * documents imported without topic rules and for questions no rule matches.
 */
export function sectionTopics<Q extends object>(questions: readonly Q[], sectionOf: (question: Q) => { title: string } | undefined, language: string): SectionTopics {
  const byTitle = new Map<string, Topic>();
  const byQuestion = new Map<object, Topic>();
  const taken = new Set<string>();
  const neutral: Topic = { id: 'general', title: NEUTRAL[language] ?? NEUTRAL[language.split('-')[0]!] ?? NEUTRAL.en! };
  for (const question of questions) {
    // "RabbitMQ (Questions 1-20)": the range says nothing about the topic.
    const title = sectionOf(question)
      ?.title.replace(/\s*[(（](?:questions?|q|问题|题|preguntas|fragen)\s*\d+\s*[-–~～]\s*\d+[)）]/giu, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (!title) continue;
    // A section named like the neutral topic ("General", as an export writes it) is that topic.
    if (title.toLowerCase() === neutral.title.toLowerCase() || title.toLowerCase() === 'general') {
      byQuestion.set(question, neutral);
      continue;
    }
    let topic = byTitle.get(title);
    if (!topic) {
      const base = asciiSlug(title, 6) || questionIdFromTitle(title).replace(/^q-/, 'topic-');
      let id = base;
      for (let n = 2; taken.has(id) || id === neutral.id; n++) id = `${base}-${n}`;
      taken.add(id);
      topic = { id, title: [...title].slice(0, 200).join('') };
      byTitle.set(title, topic);
    }
    byQuestion.set(question, topic);
  }
  const all = [...byTitle.values(), neutral];
  return { of: (question) => byQuestion.get(question), neutral, all };
}

const GENERIC_WORDS = /questions?|answers?|interview|quiz(?:zes)?|exercises?|practice|faq|q\s*&\s*a|qa|frequently|asked|common|typical|top|and|the|of|面试题|面试|问题|题库|题目|典型|常见|答案|练习|习题|和|与/giu;

/** A section that names no subject ("Interview questions", "典型问题/面试题库"): no topic of its own. */
export function isGenericSection(title: string): boolean {
  return title.replace(GENERIC_WORDS, '').replace(/[\s\p{P}\p{S}\d]+/gu, '') === '';
}
