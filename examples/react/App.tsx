import { useState } from 'react';
import type { Bank, Grade } from 'quiz-elements';
import { QuizCard, TopicList } from 'quiz-elements/react';

// Defined once, outside the component: a new object on every render would restart the card.
const bank: Bank = {
  format: 'quiz-bank/1',
  id: 'react-demo',
  title: 'Machine learning basics',
  language: 'en',
  topics: [
    { id: 'training', title: 'Training' },
    { id: 'evaluation', title: 'Evaluation' },
  ],
  questions: [
    {
      id: 'overfitting',
      kind: 'concept',
      title: 'What is overfitting?',
      topics: ['training'],
      prompt: 'Explain overfitting in one sentence.',
      answer: 'The model learns the noise in its training data and does worse on new data.',
    },
    {
      id: 'validation-set',
      kind: 'concept',
      title: 'Why keep a validation set?',
      topics: ['evaluation'],
      prompt: 'What is it for?',
      answer: 'To choose settings on data the model was not trained on, before the final test.',
    },
  ],
};

export function App() {
  const [topic, setTopic] = useState('');
  const [graded, setGraded] = useState<{ questionId: string; grade: Grade }[]>([]);

  return (
    <main>
      <h1>Practice with React</h1>
      <TopicList bank={bank} label="Topics" onQuizTopicSelect={(event) => setTopic(event.detail.topics.join(','))} />
      <QuizCard
        bank={bank}
        topic={topic}
        headingLevel={2}
        noProgress
        onQuizGrade={(event) => {
          const { questionId, grade } = event.detail;
          setGraded((list) => [...list, { questionId, grade }]);
        }}
      />
      <p id="graded" aria-live="polite">
        {graded.length === 0 ? 'Nothing graded yet.' : `Graded ${graded.length}: ${graded.map((g) => `${g.questionId} ${g.grade}`).join(', ')}`}
      </p>
    </main>
  );
}
