/**
 * The package's topic rules (`data/topics.json`), for importing markdown in the browser. Imported
 * as a JSON module rather than copied, so the CLI and the browser always use the same rules.
 */
import rules from '../../data/topics.json' with { type: 'json' };
import type { TopicRules } from './topics.js';

// JSON modules type `format` as string; `load.unit.test.ts` checks the file with checkTopicRules.
export const defaultTopics: TopicRules = rules as TopicRules;
