import type { Topic } from '../bank/types.js';

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
    if (!rule?.title || typeof rule.title !== 'object' || !Object.values(rule.title).every((t) => typeof t === 'string' && t)) {
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
export function assignTopics(question: { title: string; prompt: string; answer: string }, rules: TopicRules): string[] {
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
  return best.length > 0 ? best : [rules.fallback];
}

/** The title of a rule in `language`, trying `zh-CN`, then `zh`, then English, then any. */
export function topicTitle(rule: TopicRule, language: string): string {
  const base = language.split('-')[0] ?? language;
  return rule.title[language] ?? rule.title[base] ?? rule.title.en ?? Object.values(rule.title)[0] ?? rule.id;
}

/** The bank's topic list: the rules that some question uses, in the rule file's order. */
export function bankTopics(used: ReadonlySet<string>, rules: TopicRules, language: string): Topic[] {
  return rules.topics.filter((rule) => used.has(rule.id)).map((rule) => ({ id: rule.id, title: topicTitle(rule, language) }));
}
