// The authoring page: a document pasted, typed, opened or dropped is imported in the page as the
// author types, and shown beside its own lines: where each question starts, every warning at its
// line, the questions found, the bank to download and a preview of the first cards. Document text
// is only ever set as textContent or as a property of the elements: it is untrusted.
import '../src/index.js';
import type { Bank, Question } from '../src/bank/types.js';
import { importDocument, documentFormat } from '../src/import/document.js';
import { toJsonFile } from '../src/import/documents.js';
import type { ImportResult } from '../src/import/markdown.js';
import { questionType } from '../src/interactions/interaction.js';
import { documentSummary, plural } from '../src/import/summary.js';
import { isMultipleChoice } from '../src/practice/practice-set.js';
import { plainText } from '../src/text/plain-text.js';

/** Lines shown beside the import; a longer document is imported whole but shown in part. */
const SHOWN_LINES = 3000;
const PREVIEW_CARDS = 3;
const DEBOUNCE_MS = 250;

const SAMPLES: Record<string, { file: string; text: string }> = {
  headings: {
    file: 'networking.md',
    text: `# Networking basics

A few questions from my study notes.

## IP addressing

### 1. What is a subnet mask for?

It splits an IP address into the network part and the host part, so a host knows which
addresses it can reach directly.

### 2. How many usable hosts does a /24 network have?

254: 256 addresses minus the network and broadcast addresses.

## Transport

### 3. TCP or UDP for a video call, and why?

UDP: a late packet is worth less than a missing one, so retransmission only adds delay.

### 4. What does the three-way handshake do?

TODO
`,
  },
  bold: {
    file: 'git-notes.md',
    text: `# Git interview notes

**Q1: What does \`git fetch\` do?**
It downloads commits and refs from a remote without changing your working tree.

**Q2: How do you undo the last commit but keep its changes?**
\`git reset --soft HEAD~1\`

**Q3: What is a detached HEAD?**
HEAD points at a commit instead of a branch; new commits belong to no branch until you create one.
`,
  },
  pairs: {
    file: 'python-zh.md',
    text: `# Python 面试题

问：列表和元组有什么区别？
答：列表可变，元组不可变；元组可以作为字典的键。

问：什么是装饰器？
答：接收一个函数并返回新函数的函数，用 \`@\` 语法应用。

问：GIL 是什么？
答：全局解释器锁，同一时刻只允许一个线程执行 Python 字节码。
`,
  },
  tasks: {
    file: 'planets.md',
    text: `# Planets quiz

## Which planet is closest to the sun?

- [x] Mercury
- [ ] Venus
- [ ] Mars

## Which of these are gas giants?

- [x] Jupiter
- [x] Saturn
- [ ] Earth
- [ ] Mars
`,
  },
  lettered: {
    file: 'cloud-exam.md',
    text: `# Cloud practice exam

1. Which service stores objects such as images and backups?
    - A. A virtual machine
    - B. Object storage
    - C. A load balancer

    <details><summary>Answer</summary>
      Correct answer: B
    </details>

2. Which two make an application more available? (Choose TWO)
    - A. Deploying to two zones
    - B. A bigger instance
    - C. Health checks with automatic replacement
    - D. Turning off logging

    <details><summary>Answer</summary>
      Correct answer: A, C
    </details>
`,
  },
  gift: {
    file: 'capitals.gift',
    text: `// Capitals of Europe
$CATEGORY: $course$/Geography/Capitals

::France:: What is the capital of France? {
  =Paris #Right: Paris has been the capital since 987.
  ~Lyon
  ~Marseille
}

::Spain:: Madrid is the capital of Spain. {TRUE}

::Rome:: In which year was Rome founded, by tradition? {#753}
`,
  },
};

const source = document.getElementById('source') as HTMLTextAreaElement;
const fileName = document.getElementById('file-name') as HTMLInputElement;
const fileInput = document.getElementById('file-input') as HTMLInputElement;
const dropZone = document.getElementById('drop-zone')!;
const status = document.getElementById('import-status')!;
const formatNote = document.getElementById('format-note')!;
const download = document.getElementById('download') as HTMLAnchorElement;
const sourceLines = document.getElementById('source-lines')!;
const foundQuestions = document.getElementById('found-questions')!;
const warnings = document.getElementById('warnings')!;
const noWarnings = document.getElementById('no-warnings')!;
const preview = document.getElementById('preview')!;

let downloadUrl: string | null = null;
/** Imports run so far, on the status element (`data-imports`): tests wait for the next one. */
let imports = 0;
let timer: ReturnType<typeof setTimeout> | undefined;

/** How the card will ask the question, as the importer's reader should check it. */
function kindOf(question: Question): string {
  const type = questionType(question);
  if (type === 'open') return question.kind === 'coding' ? 'coding' : 'open';
  if (type === 'choice') return isMultipleChoice(question) ? 'multiple choice' : 'single choice';
  return type === 'true-false' ? 'true/false' : type;
}

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function lineLink(line: number): HTMLAnchorElement {
  const link = element('a', undefined, `line ${line}`);
  link.href = `#line-${line}`;
  return link;
}

function summary(result: ImportResult, file: string): string {
  const { bank, diagnostics } = result;
  if (!bank) {
    const errors = diagnostics.filter((d) => d.severity === 'error');
    return `No bank: ${errors.map((d) => `line ${d.line}: ${d.message}`).join(' ')}`;
  }
  return documentSummary(file, bank.questions.length, diagnostics);
}

function renderSource(text: string, result: ImportResult): void {
  // Question numbers (1-based) and diagnostics by the line they point at.
  const starts = new Map<number, number[]>();
  result.lines?.forEach((line, i) => starts.set(line, [...(starts.get(line) ?? []), i + 1]));
  const byLine = new Map<number, ImportResult['diagnostics']>();
  for (const d of result.diagnostics) byLine.set(d.line, [...(byLine.get(d.line) ?? []), d]);
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const items: HTMLLIElement[] = [];
  lines.slice(0, SHOWN_LINES).forEach((line, index) => {
    const number = index + 1;
    const item = element('li');
    item.id = `line-${number}`;
    item.append(element('span', 'number', String(number)), element('span', 'text', line || ' '));
    for (const position of starts.get(number) ?? []) {
      item.classList.add('question-start');
      item.append(element('span', 'marker question', `Question ${position}: ${result.bank!.questions[position - 1]!.title}`));
    }
    for (const d of byLine.get(number) ?? []) {
      item.classList.add('has-warning');
      item.append(element('span', 'marker warning', `${d.severity}: ${d.message}`));
    }
    items.push(item);
  });
  if (lines.length > SHOWN_LINES) items.push(element('li', 'meta', `… ${plural(lines.length - SHOWN_LINES, 'more line')} (imported, not shown)`));
  sourceLines.replaceChildren(...items);
}

function renderQuestions(result: ImportResult): void {
  const questions = result.bank?.questions ?? [];
  foundQuestions.replaceChildren(
    ...questions.map((question, i) => {
      const item = element('li');
      const line = result.lines?.[i];
      if (line !== undefined) item.append(lineLink(line), ': ');
      item.append(element('strong', undefined, question.title), ' ', element('span', 'chip kind', kindOf(question)), ' ');
      const answer = plainText(question.answer, { blockMarks: true });
      item.append(element('div', 'meta', `Answer: ${answer.length > 90 ? `${answer.slice(0, 89)}…` : answer}`));
      return item;
    }),
  );
  document.getElementById('questions-heading')!.textContent = `Questions (${questions.length})`;
  const listed = result.diagnostics.filter((d) => d.severity === 'warning' || d.severity === 'error');
  warnings.replaceChildren(
    ...listed.map((d) => {
      const item = element('li');
      item.append(lineLink(d.line), `: ${d.severity}: ${d.message}`);
      return item;
    }),
  );
  noWarnings.hidden = listed.length > 0;
}

function renderDownload(bank: Bank | null): void {
  if (downloadUrl) URL.revokeObjectURL(downloadUrl);
  downloadUrl = null;
  download.hidden = !bank;
  if (!bank) {
    download.removeAttribute('href');
    return;
  }
  downloadUrl = URL.createObjectURL(new Blob([toJsonFile(bank)], { type: 'application/json' }));
  download.href = downloadUrl;
  download.download = `${bank.id}.json`;
  download.textContent = `Download the bank (${bank.id}.json, ${plural(bank.questions.length, 'question')})`;
}

function renderPreview(bank: Bank | null): void {
  const cards = (bank?.questions ?? []).slice(0, PREVIEW_CARDS).map((question) => {
    const card = document.createElement('quiz-card');
    card.setAttribute('no-progress', '');
    card.setAttribute('question', question.id);
    card.bank = bank!;
    return card;
  });
  preview.replaceChildren(...cards);
}

function run(): void {
  clearTimeout(timer);
  const text = source.value;
  if (!text.trim()) {
    status.textContent = 'Nothing imported yet: type, paste or drop a document, or pick an example.';
    formatNote.textContent = '';
    for (const list of [sourceLines, foundQuestions, warnings, preview]) list.replaceChildren();
    noWarnings.hidden = false;
    renderDownload(null);
    return;
  }
  const file = fileName.value.trim() || 'notes.md';
  const format = documentFormat(text, file);
  const result = importDocument(text, { file, format });
  status.dataset.imports = String(++imports);
  formatNote.textContent = format === 'gift' ? 'Read as Moodle GIFT.' : 'Read as markdown.';
  status.textContent = summary(result, file);
  renderSource(text, result);
  renderQuestions(result);
  renderDownload(result.bank);
  renderPreview(result.bank);
}

function schedule(): void {
  clearTimeout(timer);
  timer = setTimeout(run, DEBOUNCE_MS);
}

async function openFile(file: File): Promise<void> {
  source.value = await file.text();
  fileName.value = file.name;
  run();
}

source.addEventListener('input', schedule);
fileName.addEventListener('input', schedule);
fileInput.addEventListener('change', () => {
  const file = fileInput.files?.[0];
  if (file) void openFile(file);
});
dropZone.addEventListener('dragover', (event) => {
  event.preventDefault();
  dropZone.dataset.dragging = '';
});
dropZone.addEventListener('dragleave', () => delete dropZone.dataset.dragging);
dropZone.addEventListener('drop', (event) => {
  event.preventDefault();
  delete dropZone.dataset.dragging;
  const file = event.dataTransfer?.files[0];
  if (file) void openFile(file);
});
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
  button.addEventListener('click', () => {
    const sample = SAMPLES[button.dataset.sample!]!;
    source.value = sample.text;
    fileName.value = sample.file;
    run();
  });
}
