// A page with a server-rendered card, for the browser tests of quiz-elements/ssr
// (src/ssr/ssr.test.ts): `node --import tsx test/ssr/page.ts <fixture>` prints it. The page loads
// no script of the library until the test calls `window.loadQuizElements()`, so a test sees what
// a reader without JavaScript sees, then the card taking over.
import type { Bank } from '../../src/bank/types.js';
import { renderCard, renderTopicList, type AttributeValue } from '../../src/ssr/index.js';

const bank: Bank = {
  format: 'quiz-bank/1',
  id: 'ssr',
  title: 'Server rendering',
  language: 'en',
  topics: [{ id: 't', title: 'T' }],
  questions: [
    { id: 'cap', kind: 'concept', title: 'What is the CAP theorem?', prompt: 'Explain **CAP** in one sentence.', answer: 'A distributed store can give at most two of consistency, availability and partition tolerance.', explanation: 'Partitions happen, so the real choice is C or A.', topics: ['t'] },
    { id: 'pick', kind: 'concept', title: 'Which is a regularizer?', prompt: 'Pick one.', answer: 'Dropout.', topics: ['t'], choices: [{ text: 'Dropout', correct: true }, { text: 'Softmax', correct: false }] },
    { id: 'steps', kind: 'concept', type: 'ordering', title: 'Order the training loop', prompt: 'Put the steps in order.', answer: 'Forward pass, loss, backward pass, update.', topics: ['t'], items: ['Forward pass', 'Loss', 'Backward pass', 'Update'] },
  ],
};

const FIXTURES: Record<string, Record<string, AttributeValue>> = {
  open: { question: 'cap', 'progress-key': 'ssr-test' },
  choice: { question: 'pick', 'progress-key': 'ssr-test' },
  ordering: { question: 'steps', 'progress-key': 'ssr-test' },
  zh: { question: 'cap', lang: 'zh-CN', 'progress-key': 'ssr-test' },
};

const name = process.argv[2] ?? 'open';
const attributes = name === 'topics' ? { 'progress-key': 'ssr-test' } : FIXTURES[name];
if (!attributes) throw new Error(`no SSR fixture "${name}"`);
const card = name === 'topics' ? await renderTopicList({ ...bank, topics: [{ id: 't', title: 'Theory' }, { id: 'u', title: 'Practice' }] }, attributes) : await renderCard(bank, attributes);
process.stdout.write(`<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>SSR ${name}</title>
<style>body { margin: 0; padding: 16px; font: 16px/1.5 sans-serif; } quiz-card { max-width: 40rem; }</style></head>
<body>
<p>Before the card.</p>
${card}
<p id="after">After the card.</p>
<script>window.loadQuizElements = () => Promise.all([import('/src/elements/quiz-card/quiz-card.ts'), import('/src/elements/topic-list/topic-list.ts')]);</script>
</body>
</html>
`);
