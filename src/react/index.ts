/**
 * quiz-elements/react: React components for the three elements, made with `@lit/react`.
 * Importing this module registers the elements. Props are the elements' properties (objects such
 * as `bank` or `progressStore` are set as properties, never stringified into attributes), and each
 * `quiz-*` event has a typed `onQuiz…` prop.
 *
 * ```tsx
 * <QuizCard bank={myBank} onQuizGrade={(event) => setGrade(event.detail.grade)} />
 * ```
 */
import { createComponent, type EventName } from '@lit/react';
import * as React from 'react';
import { QuestionBrowser as QuestionBrowserElement } from '../elements/question-browser/question-browser.js';
import { QuizCard as QuizCardElement } from '../elements/quiz-card/quiz-card.js';
import { TopicList as TopicListElement } from '../elements/topic-list/topic-list.js';
import type { QuizAnswerEvent } from '../events/quiz-answer.js';
import type { QuizCompleteEvent } from '../events/quiz-complete.js';
import type { QuizErrorEvent } from '../events/quiz-error.js';
import type { QuizGradeEvent } from '../events/quiz-grade.js';
import type { QuizQuestionSelectEvent } from '../events/quiz-question-select.js';
import type { QuizRevealEvent } from '../events/quiz-reveal.js';
import type { QuizTopicSelectEvent } from '../events/quiz-topic-select.js';

const cardEvents = {
  onQuizReveal: 'quiz-reveal' as EventName<QuizRevealEvent>,
  onQuizGrade: 'quiz-grade' as EventName<QuizGradeEvent>,
  onQuizAnswer: 'quiz-answer' as EventName<QuizAnswerEvent>,
  onQuizComplete: 'quiz-complete' as EventName<QuizCompleteEvent>,
  onQuizError: 'quiz-error' as EventName<QuizErrorEvent>,
};

const topicListEvents = {
  onQuizTopicSelect: 'quiz-topic-select' as EventName<QuizTopicSelectEvent>,
  onQuizError: 'quiz-error' as EventName<QuizErrorEvent>,
};

// The browser fires its own events, its topic list's, and every event of the open question's card.
const questionBrowserEvents = {
  ...cardEvents,
  onQuizQuestionSelect: 'quiz-question-select' as EventName<QuizQuestionSelectEvent>,
  onQuizTopicSelect: 'quiz-topic-select' as EventName<QuizTopicSelectEvent>,
};

/** `onQuizGrade` and the rest, each typed with its event class. */
type EventProps<Events extends Record<string, EventName>> = {
  [Prop in keyof Events]?: (event: Events[Prop] extends EventName<infer E> ? E : never) => void;
};

/**
 * Props of a wrapper: the element's documented properties (not Lit's lifecycle members), its
 * events, and the usual HTML props (`id`, `className`, `style`, `lang`, `children`…).
 */
type WrapperProps<Element extends HTMLElement, Property extends keyof Element, Events extends Record<string, EventName>> = Partial<Pick<Element, Property>> &
  EventProps<Events> &
  Omit<React.HTMLAttributes<Element>, Property | keyof Events> &
  React.RefAttributes<Element>;

type QuizCardProperty =
  | 'src'
  | 'bank'
  | 'loaded'
  | 'question'
  | 'topic'
  | 'kind'
  | 'count'
  | 'shuffle'
  | 'seed'
  | 'answerBox'
  | 'timeout'
  | 'theme'
  | 'headingLevel'
  | 'mode'
  | 'newPerDay'
  | 'progressKey'
  | 'noProgress'
  | 'progressStore';

type TopicListProperty = 'src' | 'bank' | 'banks' | 'selected' | 'multiple' | 'progress' | 'progressKey' | 'noProgress' | 'progressStore' | 'label' | 'timeout' | 'theme';

type QuestionBrowserProperty =
  | 'src'
  | 'bank'
  | 'banks'
  | 'query'
  | 'topic'
  | 'kind'
  | 'bankFilter'
  | 'selected'
  | 'status'
  | 'progressKey'
  | 'noProgress'
  | 'progressStore'
  | 'syncUrl'
  | 'timeout'
  | 'theme';

export type QuizCardProps = WrapperProps<QuizCardElement, QuizCardProperty, typeof cardEvents>;
export type TopicListProps = WrapperProps<TopicListElement, TopicListProperty, typeof topicListEvents>;
export type QuestionBrowserProps = WrapperProps<QuestionBrowserElement, QuestionBrowserProperty, typeof questionBrowserEvents>;

/** `<quiz-card>` as a React component; a `ref` gives the element. */
export const QuizCard = createComponent({
  react: React,
  tagName: 'quiz-card',
  elementClass: QuizCardElement,
  events: cardEvents,
  displayName: 'QuizCard',
}) as React.ForwardRefExoticComponent<QuizCardProps>;

/** `<topic-list>` as a React component; a `ref` gives the element. */
export const TopicList = createComponent({
  react: React,
  tagName: 'topic-list',
  elementClass: TopicListElement,
  events: topicListEvents,
  displayName: 'TopicList',
}) as React.ForwardRefExoticComponent<TopicListProps>;

/** `<question-browser>` as a React component; a `ref` gives the element. */
export const QuestionBrowser = createComponent({
  react: React,
  tagName: 'question-browser',
  elementClass: QuestionBrowserElement,
  events: questionBrowserEvents,
  displayName: 'QuestionBrowser',
}) as React.ForwardRefExoticComponent<QuestionBrowserProps>;
