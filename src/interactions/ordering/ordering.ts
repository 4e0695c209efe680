/**
 * Ordering (xAPI `sequencing`): the learner puts items in order. `items` holds them in the right
 * order; the card shows them shuffled. Response: indices into `items`, in the learner's order.
 * Each item in its place earns its share of the score.
 */
import type { Question } from '../../bank/types.js';
import { seededRandom, shuffled } from '../../practice/practice-set.js';
import { gradingOf, xapiList, type Grading, type InteractionReport } from '../grading.js';


/** The order the card starts from: shuffled by the question's id (the same on every visit), never already right. */
export function startingOrder(count: number, seed: string): number[] {
  const right = [...Array(count).keys()];
  if (count < 2) return right;
  const order = shuffled(right, seededRandom(seed));
  // Already right: turn it around, so there is always something to do.
  return order.every((item, i) => item === i) ? order.reverse() : order;
}

export function gradeOrdering(question: Question, response: readonly number[]): Grading {
  return gradingOf((question.items ?? []).map((_, i) => response[i] === i));
}

const itemId = (i: number) => `item-${i + 1}`;

export function reportOrdering(question: Question, response: readonly number[] | undefined): InteractionReport {
  const items = question.items ?? [];
  return {
    interactionType: 'sequencing',
    correctResponsesPattern: [xapiList(items.map((_, i) => itemId(i)))],
    response: xapiList((response ?? []).map(itemId)),
    components: { choices: items.map((description, i) => ({ id: itemId(i), description })) },
  };
}

/** The answer written out for readers that know no types: the items as a numbered list. */
export function orderingAnswer(items: readonly string[]): string {
  return items.map((item, i) => `${i + 1}. ${item.replace(/\n/g, ' ')}`).join('\n');
}
