// The card gallery (cards.html): the cards are plain markup in the page; this module registers the elements,
// lists every bundled bank and runs the importer on pasted markdown. Bank text only ever goes
// through textContent, never innerHTML.
import '../src/index.js';
import { formatIssues, validateBank, validateCatalog, type Bank } from '../src/bank/index.js';
import type { TopicRules } from '../src/import/topics.js';

const catalogUrl = new URL('../data/banks/index.json', import.meta.url);

function element<K extends keyof HTMLElementTagNameMap>(tag: K, text?: string, className?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (text !== undefined) node.textContent = text;
  if (className) node.className = className;
  return node;
}

async function fetchJson(url: URL): Promise<unknown> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status} ${response.statusText}`);
  return response.json();
}

function renderBank(bank: Bank): HTMLElement {
  const details = element('details');
  const summary = element('summary', bank.title);
  summary.lang = bank.language;
  details.append(summary);
  const topicTitles = new Map(bank.topics.map((t) => [t.id, t.title]));
  details.append(element('p', `${bank.questions.length} questions · ${bank.topics.length} topics · id ${bank.id}`, 'meta'));
  const list = element('ol', undefined, 'questions');
  list.lang = bank.language;
  for (const question of bank.questions) {
    const item = element('li', question.title);
    for (const topic of question.topics) item.append(element('span', topicTitles.get(topic) ?? topic, 'chip'));
    if (question.kind === 'coding') item.append(element('span', 'code', 'chip'));
    list.append(item);
  }
  details.append(list);
  return details;
}

async function showCatalog(): Promise<void> {
  const status = document.getElementById('catalog-status')!;
  const container = document.getElementById('banks')!;
  try {
    const catalog = validateCatalog(await fetchJson(catalogUrl));
    if (!catalog.ok) throw new Error(`index.json is not a valid catalog:\n${formatIssues(catalog.issues)}`);
    const banks = await Promise.all(
      catalog.value.banks.map(async (entry) => {
        const result = validateBank(await fetchJson(new URL(entry.src, catalogUrl)));
        if (!result.ok) throw new Error(`${entry.src} is not a valid bank:\n${formatIssues(result.issues)}`);
        return result.value;
      }),
    );
    const total = banks.reduce((sum, bank) => sum + bank.questions.length, 0);
    status.textContent = `${banks.length} banks, ${total} questions.`;
    container.append(...banks.map(renderBank));
  } catch (error) {
    status.textContent = `Could not load the bundled banks: ${(error as Error).message}`;
    status.className = 'error';
  }
}

async function importFromTextarea(): Promise<void> {
  const output = document.getElementById('import-result')!;
  output.replaceChildren(element('p', 'Importing…'));
  try {
    const [{ importMarkdown }, { formatDiagnostic }, topics] = await Promise.all([
      import('../src/import/markdown.js'),
      import('../src/import/diagnostics.js'),
      fetchJson(new URL('../data/topics.json', import.meta.url)),
    ]);
    const source = (document.getElementById('markdown') as HTMLTextAreaElement).value;
    const result = importMarkdown(source, { topics: topics as TopicRules, file: 'pasted.md', id: 'pasted' });
    const messages = result.diagnostics.map(formatDiagnostic).join('\n');
    if (!result.bank) {
      output.replaceChildren(element('p', `Import failed:\n${messages}`, 'error'));
      return;
    }
    // A scrolling box: focusable, so keyboard users can scroll it too.
    const json = element('pre', JSON.stringify(result.bank, null, 2), 'import-json');
    json.tabIndex = 0;
    json.setAttribute('role', 'region');
    json.setAttribute('aria-label', 'The imported bank as JSON');
    output.replaceChildren(element('p', `Imported ${result.bank.questions.length} question(s).${messages ? `\n${messages}` : ''}`), json);
  } catch (error) {
    output.replaceChildren(element('p', `Import failed: ${(error as Error).message}`, 'error'));
  }
}

document.getElementById('import')!.addEventListener('click', () => void importFromTextarea());
void showCatalog();
