/**
 * What the stories of several elements share, besides their play steps (smoke.ts): small English
 * banks (every question kind and state in a few lines, next to the bundled Chinese banks, passed as
 * the `bank` property), the pages around a story (decorators), and a fetch that never answers.
 */
import type { Decorator } from '@storybook/web-components-vite';
import { html } from 'lit';
import typesJson from '../demo/banks/question-types.json' with { type: 'json' };
import typesZhJson from '../demo/banks/question-types-zh.json' with { type: 'json' };
import type { Bank } from '../src/bank/types.js';

/**
 * One question of every type (open, single and multiple choice, true-false, a two-blank fill-in, a
 * short answer, numeric with a tolerance and unit, ordering, matching with a distractor), from the
 * demo bank written in the importer's markdown (demo/banks/question-types.md), so stories, the
 * demo page and the docs show the same questions.
 */
export const typesBank = typesJson as Bank;

/** The same in Chinese (demo/banks/question-types.zh-CN.md); the ids are the English bank's. */
export const typesBankZh = typesZhJson as Bank;

/** Open questions (one with hint, explanation, example and a variant) and two choice questions. */
export const demoBank: Bank = {
  format: 'quiz-bank/1',
  id: 'story-demo',
  title: 'Machine learning basics',
  language: 'en',
  topics: [
    { id: 'training', title: 'Training' },
    { id: 'metrics', title: 'Metrics' },
  ],
  questions: [
    {
      id: 'overfitting',
      kind: 'concept',
      title: 'What is overfitting?',
      topics: ['training'],
      prompt: 'Explain **overfitting** and name one way to detect it.',
      hint: 'Compare the error on the training data with the error on data the model has not seen.',
      answer: 'The model learns the noise of its training data: training error keeps falling while validation error rises.',
      explanation: 'A model with enough capacity can memorise its training set instead of the pattern behind it.',
      example: 'A decision tree grown until every leaf holds one sample scores 100 % on training data and poorly on new data.',
    },
    {
      id: 'overfitting-2',
      kind: 'concept',
      title: 'What is overfitting?',
      topics: ['training'],
      prompt: 'Explain overfitting in one sentence.',
      answer: 'Fitting the training data so closely that the model fails to generalise.',
      variantOf: 'overfitting',
    },
    {
      id: 'metric',
      kind: 'concept',
      title: 'Which of these is an evaluation metric?',
      topics: ['metrics'],
      prompt: 'Pick the one that measures a classifier.',
      answer: 'F1 score.',
      choices: [
        { text: 'F1 score', correct: true, feedback: 'Yes: the harmonic mean of precision and recall.' },
        { text: 'Dropout', correct: false, feedback: 'Dropout is a regularisation technique.' },
        { text: 'Adam', correct: false, feedback: 'Adam is an optimiser.' },
      ],
    },
    {
      id: 'metrics',
      kind: 'concept',
      title: 'Which of these are evaluation metrics?',
      topics: ['metrics'],
      prompt: 'Select **every** metric.',
      answer: 'Precision and recall.',
      choices: [
        { text: 'Precision', correct: true },
        { text: 'Recall', correct: true },
        { text: 'Learning rate', correct: false, feedback: 'A hyperparameter, not a metric.' },
      ],
    },
    {
      id: 'softmax',
      kind: 'coding',
      title: 'Implement softmax',
      topics: ['training'],
      prompt: 'Write a numerically stable `softmax(x)` for a 1-D NumPy array.',
      hint: 'Subtract the maximum before exponentiating.',
      answer: '```python\nimport numpy as np\n\ndef softmax(x: np.ndarray) -> np.ndarray:\n    e = np.exp(x - x.max())\n    return e / e.sum()\n```',
    },
  ],
};

// --- around a story --------------------------------------------------------------------------

/** A dark page behind the story, for `theme="dark"`. */
export const darkPage: Decorator = (story) =>
  html`<div style="background: #0f1115; color: #e6e6e6; padding: 2rem; min-height: 100vh; box-sizing: border-box">${story()}</div>`;

/** A column `width` px wide with a dashed outline, to see the element fit it. */
export const narrow = (width: number): Decorator => (story) => html`<div style="width: ${width}px; outline: 1px dashed #999">${story()}</div>`;

/** A phone's width (343 px). */
export const phone: Decorator = (story) => html`<div style="width: 343px">${story()}</div>`;

/**
 * A `beforeEach` for loading stories: a fetch of a URL holding `never-answers` waits until it is
 * aborted (the skeleton stays, or the element's timeout ends it); every other fetch goes through.
 */
export function fetchNeverAnswers(): () => void {
  const original = window.fetch;
  window.fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    if (!url.includes('never-answers')) return original(input, init);
    return new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(init.signal!.reason)));
  };
  return () => {
    window.fetch = original;
  };
}
