// The URL page: the typed address becomes the `src` of a new quiz-card or question-browser; the
// element reports its own load errors. The address is kept in the page URL (?src=…&view=…), so a
// reload or a shared link shows the same bank.
import '../src/index.js';

type View = 'card' | 'browser';

const form = document.getElementById('load-form') as HTMLFormElement;
const input = document.getElementById('bank-url') as HTMLInputElement;
const status = document.getElementById('load-status')!;
const result = document.getElementById('result')!;

function chosenView(): View {
  return (form.elements.namedItem('view') as RadioNodeList).value === 'browser' ? 'browser' : 'card';
}

function chooseView(view: View): void {
  (form.elements.namedItem('view') as RadioNodeList).value = view;
}

function show(src: string, view: View): void {
  const element = document.createElement(view === 'browser' ? 'question-browser' : 'quiz-card');
  element.src = src;
  result.replaceChildren(element);
  status.textContent = `Showing ${src} in ${view === 'browser' ? 'a question browser' : 'a practice card'}.`;
  const params = new URLSearchParams({ src, view });
  history.replaceState(null, '', `?${params}`);
}

/** On a small screen the result is below the examples: bring its top into view (focus stays put). */
function revealResult(): void {
  const section = document.getElementById('result-section')!;
  if (section.getBoundingClientRect().top > window.innerHeight * 0.6) section.scrollIntoView({ block: 'start' });
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  show(input.value.trim(), chosenView());
  revealResult();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-url]')) {
  button.addEventListener('click', () => {
    input.value = button.dataset.url!;
    chooseView(button.dataset.view === 'browser' ? 'browser' : 'card');
    form.requestSubmit();
  });
}

const linked = new URLSearchParams(location.search);
const linkedSrc = linked.get('src');
if (linkedSrc) {
  input.value = linkedSrc;
  chooseView(linked.get('view') === 'browser' ? 'browser' : 'card');
  show(linkedSrc, chosenView());
}
