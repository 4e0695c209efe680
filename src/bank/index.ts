/** Public entry `quiz-elements/bank`: the bank format's types and its validator, without any UI. */
export * from './types.js';
export * from './validate.js';
