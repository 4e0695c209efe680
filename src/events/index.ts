export { QuizAnswerEvent } from './quiz-answer.js';
export { QuizCompleteEvent } from './quiz-complete.js';
export { QuizErrorEvent } from './quiz-error.js';
export { QuizGradeEvent } from './quiz-grade.js';
export { QuizRevealEvent } from './quiz-reveal.js';
export { QuizTopicSelectEvent } from './quiz-topic-select.js';
export { QuizQuestionSelectEvent } from './quiz-question-select.js';
