// The module of the strict frame of typed-strict.test.ts: the card, in the frame's own realm (its
// views load from there too), and a way to ask the frame whether Trusted Types are enforced.
import '../../src/elements/quiz-card/quiz-card.js';
import { configureLearningRecords } from '../../src/records/learning-records.js';

interface FrameWindow {
  /** Assigns a string to innerHTML: 'blocked' when Trusted Types are enforced. */
  tryInnerHtml(): 'allowed' | 'blocked';
}

(window as unknown as FrameWindow).tryInnerHtml = () => {
  try {
    document.createElement('div').innerHTML = '<b>x</b>';
    return 'allowed';
  } catch {
    return 'blocked';
  }
};

// Learning records in the frame's realm (records-strict.test.ts).
(window as unknown as { configureLearningRecords: typeof configureLearningRecords }).configureLearningRecords = configureLearningRecords;
