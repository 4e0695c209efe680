/**
 * Matching: the learner pairs each item on the left with one on the right. `pairs` holds the right
 * pairs; `distractors` adds right-hand items that belong to no pair. Response: for each pair's
 * left item, the index of the chosen right-hand item in targetsOf() (or null). Each right pair
 * earns its share of the score.
 */
import type { Question } from '../../bank/types.js';
import type { Pair } from './fields.js';
import { seededRandom, shuffled } from '../../practice/practice-set.js';
import { gradingOf, type Grading, type InteractionReport } from '../grading.js';

export type { Pair } from './fields.js';


/** The right-hand items: each pair's right side, then the distractors. */
export function targetsOf(question: Pick<Question, 'pairs' | 'distractors'>): string[] {
  return [...(question.pairs ?? []).map((p) => p.right), ...(question.distractors ?? [])];
}

/** The order the right-hand items are shown in: shuffled by the question's id, the same on every visit. */
export function targetOrder(count: number, seed: string): number[] {
  return shuffled([...Array(count).keys()], seededRandom(`${seed}/targets`));
}

export function gradeMatching(question: Question, response: readonly (number | null)[]): Grading {
  const targets = targetsOf(question);
  // By text: two items may share a right-hand side ("interpreted"), and either copy is right.
  return gradingOf((question.pairs ?? []).map((pair, i) => {
    const chosen = response[i];
    return chosen != null && targets[chosen] === pair.right;
  }));
}

const leftId = (i: number) => `left-${i + 1}`;
const rightId = (j: number) => `right-${j + 1}`;

export function reportMatching(question: Question, response: readonly (number | null)[] | undefined): InteractionReport {
  const pairs = question.pairs ?? [];
  return {
    interactionType: 'matching',
    correctResponsesPattern: [pairs.map((_, i) => `${leftId(i)}[.]${rightId(i)}`).join('[,]')],
    response: (response ?? []).flatMap((j, i) => (j == null ? [] : [`${leftId(i)}[.]${rightId(j)}`])).join('[,]'),
    components: {
      source: pairs.map((p, i) => ({ id: leftId(i), description: p.left })),
      target: targetsOf(question).map((description, j) => ({ id: rightId(j), description })),
    },
  };
}

/** The answer written out for readers that know no types: one "left → right" line per pair. */
export function matchingAnswer(pairs: readonly Pair[]): string {
  return pairs.map((p) => `- ${p.left.replace(/\n/g, ' ')} → ${p.right.replace(/\n/g, ' ')}`).join('\n');
}
