/** The topic rules the bundled banks were made with, as a value (the file also ships as `quiz-elements/data/topics.json`). */
import rules from '../../data/topics.json' with { type: 'json' };
import type { TopicRules } from './topics.js';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

/**
 * The rules of `data/topics.json`, the large-model topics (fundamentals, training, inference…)
 * the bundled banks were imported with: pass them as `topics` to an importer to sort questions
 * the same way. Nothing applies them by default. Frozen; copy them to change them.
 */
export const bundledTopicRules: TopicRules = deepFreeze(structuredClone(rules) as TopicRules);
