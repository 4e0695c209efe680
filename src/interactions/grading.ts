/**
 * Scores and learning-record descriptions shared by the question types. Apart from
 * interaction.ts, so a page whose questions need no grading never downloads this.
 */
/** The result of checking one response. */
export interface Grading {
  /** 0 (all wrong) to 1 (all right). */
  score: number;
  /** `score === 1`. */
  correct: boolean;
  /** Per part (blank, item, pair, choice): whether it is right. */
  parts: boolean[];
}

/** A score from right parts, or all-or-nothing when there are no parts. */
export function gradingOf(parts: boolean[]): Grading {
  const right = parts.filter(Boolean).length;
  const score = parts.length ? right / parts.length : 0;
  return { score, correct: parts.length > 0 && right === parts.length, parts };
}

/** xAPI / SCORM 2004 interaction types (`sequencing` is ordering). */
export type InteractionType = 'true-false' | 'choice' | 'fill-in' | 'numeric' | 'sequencing' | 'matching';

/** How a learning-record standard describes a question and one response (xAPI `interactionType`, `correctResponsesPattern`, `result.response`). */
export interface InteractionReport {
  interactionType: InteractionType;
  correctResponsesPattern: string[];
  response: string;
  /** Ids and descriptions of choices, items or pairs' sides, as xAPI's `choices`, `source` and `target`. */
  components?: Partial<Record<'choices' | 'source' | 'target', { id: string; description: string }[]>>;
}

/** The parts of an xAPI pattern are joined with `[,]`; a part may not hold the delimiters itself. */
export const xapiList = (parts: string[]): string => parts.map((part) => part.replace(/\[([,.:])\]/g, '$1')).join('[,]');
