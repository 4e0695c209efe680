/**
 * Exam mode's one rule that the practice session does not have: scoring every question at once.
 * Apart from practice-set.ts, so only exam cards download it.
 */
import type { Question } from '../bank/types.js';
import type { PracticeSession, QuestionState } from './practice-set.js';

/**
 * Scores every question of an exam at once (`grade` gives null for one that is not checked, such
 * as an open question, whose answer is then shown) and ends the set. Returns the indices scored.
 */
export function submitAll(session: PracticeSession, grade: (question: Question, state: QuestionState) => { score: number; correct: boolean } | null): number[] {
  if (!session.options.exam || session.complete) return [];
  const scored: number[] = [];
  session.questions.forEach((question, i) => {
    const state = session.states[i]!;
    const result = grade(question, state);
    if (!result) {
      state.revealed = true;
      return;
    }
    state.checked = true;
    state.correct = result.correct;
    state.score = result.score;
    scored.push(i);
  });
  session.finishedAt = session.now();
  return scored;
}
