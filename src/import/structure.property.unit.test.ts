/**
 * Property tests (fast-check, fixed seeds) of structure inference: the same questions written in
 * any of the layouts the importer reads come back with the same titles and answers, in order,
 * with nothing skipped; and a long document imports whole, its oversized fields cut with a warning.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { plainTitle, questionSpecs, type QuestionSpec } from '../../test/arbitraries.js';
import { validateBank, formatIssues } from '../bank/validate.js';
import { importMarkdown } from './markdown.js';
import { isPlaceholder } from './question.js';

const RUNS = Number(process.env.FC_RUNS) || 200;

/** One way of writing question `i` (title `title`, which asks, and answer `answer`). */
type Layout = (title: string, answer: string, i: number) => string;

const LAYOUTS: Record<string, Layout> = {
  'numbered headings': (title, answer, i) => `### ${i + 1}. ${title}\n\n${answer}\n`,
  'headings that ask': (title, answer) => `## ${title}\n\n${answer}\n`,
  'bold question lines': (title, answer, i) => `**Q${i + 1}: ${title}**\n${answer}\n`,
  'Q:/A: pairs': (title, answer) => `Q: ${title}\nA: ${answer}\n`,
  '问：/答： pairs': (title, answer) => `问：${title}\n答：${answer}\n`,
  'list items with fields': (title, answer) => `- Question: ${title}\n  - Answer: ${answer}\n`,
  'numbered list items with the answer indented': (title, answer, i) => `${i + 1}. ${title}\n\n   ${answer}\n`,
  'flat bullets': (title, answer, i) => `* ${i + 1}.${title}\n* ${answer}`,
  '<details> pairs': (title, answer) => `<details>\n<summary>${title}</summary>\n\n${answer}\n\n</details>\n`,
  'numbered quote lines': (title, answer, i) => `> ${i + 1}. ${title}\n\n${answer}\n`,
};

/** Words that would make a summary read as "Answer" or an answer read as a placeholder. */
const ambiguous = (spec: QuestionSpec) =>
  /^(answers?|solutions?|show|reveal|click|respuesta|lösung|antwort|答)/i.test(spec.title) || isPlaceholder(spec.answer) || /^\d/.test(spec.answer);

describe('structure inference on any layout', () => {
  for (const [name, layout] of Object.entries(LAYOUTS)) {
    test(`${name}: every question comes back with its title and answer, in order`, () => {
      fc.assert(
        fc.property(plainTitle, questionSpecs, (bankTitle, specs) => {
          fc.pre(!specs.some(ambiguous));
          // Titles end in a question mark: in layouts without numbering, that is what says "question".
          const asked = specs.map((spec) => ({ title: `${spec.title}?`, answer: spec.answer }));
          const body = asked.map((spec, i) => layout(spec.title, spec.answer, i)).join(name === 'flat bullets' ? '\n' : '\n');
          const source = `# ${bankTitle}\n\nIntro text.\n\n${body}`;
          const { bank, diagnostics } = importMarkdown(source, { file: 'doc.md' });
          assert.ok(bank, diagnostics.map((d) => `${d.line}: ${d.message}`).join('\n'));
          assert.deepEqual(diagnostics.filter((d) => d.skipped), []);
          assert.deepEqual(
            bank.questions.map((q) => [q.title, q.answer]),
            asked.map((spec) => [spec.title, spec.answer]),
            source,
          );
          const checked = validateBank(bank);
          assert.ok(checked.ok, checked.ok ? '' : formatIssues(checked.issues));
        }),
        { seed: 0x5e11 + name.length, numRuns: RUNS },
      );
    });
  }
});

describe('long documents', () => {
  test('a 150 KB document imports, a 150,000-character answer cut to the format limit with a warning at its line', () => {
    const questions = Array.from({ length: 300 }, (_, i) => `## Question ${i + 1}: what is item ${i + 1}?\n\n${'An answer of some length. '.repeat(18)}\n`);
    const long = `## What is the longest answer?\n\n${'word '.repeat(30_000)}\n`;
    const source = `# Long notes\n\n${questions.join('\n')}\n${long}`;
    assert.ok(source.length > 150_000);
    const { bank, diagnostics } = importMarkdown(source, { file: 'long.md' });
    assert.ok(bank);
    assert.equal(bank.questions.length, 301);
    const last = bank.questions[300]!;
    assert.ok([...last.answer].length <= 100_000);
    assert.ok(last.answer.endsWith('…'));
    const line = source.split('\n').findIndex((l) => l.startsWith('## What is the longest answer?')) + 1;
    assert.deepEqual(
      diagnostics.map((d) => [d.severity, d.line, d.message]),
      [['warning', line, 'the answer of "What is the longest answer?" has 149,999 characters; it is cut to 100,000']],
    );
    assert.ok(validateBank(bank).ok);
  });
});
