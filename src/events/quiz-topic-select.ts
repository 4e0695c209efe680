import { QuizEvent } from './quiz-event.js';

/**
 * The learner changed the topic selection of a `<topic-list>`. `topics` holds the selected option
 * values in list order: topic ids for a single bank, `bankId/topicId` for several; `[]` means All.
 */
export class QuizTopicSelectEvent extends QuizEvent<{ topics: string[] }> {
  constructor(detail: QuizTopicSelectEvent['detail']) {
    super('quiz-topic-select', detail);
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'quiz-topic-select': QuizTopicSelectEvent;
  }
}
