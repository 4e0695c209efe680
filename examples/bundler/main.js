// Registers <quiz-card>, <topic-list> and <question-browser>; banks and heavy parts load on first use.
import 'quiz-elements';

const lastGrade = document.getElementById('last-grade');
// quiz-* events bubble and cross shadow roots: one listener on the document hears every card.
document.addEventListener('quiz-grade', (event) => {
  const { bankId, questionId, grade } = event.detail;
  lastGrade.textContent = `Last grade: ${grade} (${bankId}/${questionId})`;
});
