import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import MarkdownIt from 'markdown-it';
import { parseFragment } from 'parse5';
import type { DocumentFragment as HtmlFragment, Element as HtmlElement, Node as HtmlNode, TextNode as HtmlText } from 'parse5';
import type { Bank } from '../bank/types.js';
import { importMarkdown } from '../import/markdown.js';
import { quizPlugin, QuizBlockError, type QuizMarkdownItOptions } from './markdown-it.js';

const LAYOUTS = new URL('../../test/fixtures/import/layouts/', import.meta.url);

const elements = (node: HtmlNode): HtmlElement[] =>
  'childNodes' in node ? (node.childNodes as HtmlNode[]).flatMap((child) => ('tagName' in child ? [child as HtmlElement, ...elements(child)] : elements(child))) : [];

/** Every card of a page as a browser parses it: its attributes and the bank in its script. */
function cardsIn(html: string): { attributes: Record<string, string>; bank: Bank }[] {
  return elements(parseFragment(html) as HtmlFragment)
    .filter((e) => e.tagName === 'quiz-card')
    .map((card) => {
      const scripts = card.childNodes.filter((c): c is HtmlElement => 'tagName' in c);
      assert.deepEqual(scripts.map((s) => [s.tagName, s.attrs]), [['script', [{ name: 'type', value: 'application/json' }]]]);
      const json = (scripts[0]!.childNodes as HtmlText[]).map((t) => t.value).join('');
      return { attributes: Object.fromEntries(card.attrs.map((a) => [a.name, a.value])), bank: JSON.parse(json) as Bank };
    });
}

/** `text` in a quiz fence longer than any fence inside it. */
function fenced(text: string, info = ''): string {
  const longest = Math.max(2, ...[...text.matchAll(/^[ \t]*(`{3,})/gm)].map((m) => m[1]!.length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}quiz${info ? ` ${info}` : ''}\n${text.replace(/\n$/, '')}\n${fence}\n`;
}

const markdownIt = (options: QuizMarkdownItOptions = {}) => new MarkdownIt({ html: true }).use(quizPlugin, options);

describe('markdown-it quiz plugin', () => {
  it('reads every layout the importer reads, inside a fence, as the importer reads the document', () => {
    const warnings: string[] = [];
    const md = markdownIt({ onProblem: 'warn', warn: (m) => warnings.push(m) });
    const names = readdirSync(LAYOUTS).filter((n) => n.endsWith('.md'));
    assert.ok(names.length >= 10);
    for (const name of names) {
      const text = readFileSync(new URL(name, LAYOUTS), 'utf8');
      const page = `# A post\n\nSome prose first.\n\n${fenced(text)}\nAfter.\n`;
      const [card, ...more] = cardsIn(md.render(page, { path: `posts/${name}` }));
      assert.equal(more.length, 0, name);
      const direct = importMarkdown(text, { file: name });
      assert.deepEqual(card!.bank.questions.map((q) => [q.title, q.answer]), direct.bank!.questions.map((q) => [q.title, q.answer]), name);
      // Each warning points at the same text in the page as in the document (fence at page line 5).
      const pageLines = page.split('\n');
      const documentLines = text.split('\n');
      const told = warnings.splice(0).join('\n');
      for (const d of direct.diagnostics) {
        assert.ok(told.includes(`posts/${name}:${d.line + 5}: warning:`), `${name}: ${d.line} not told at ${d.line + 5} in\n${told}`);
        assert.equal(pageLines[d.line + 5 - 1], documentLines[d.line - 1], `${name}:${d.line}`);
      }
    }
  });

  it('gives the card the fence options as attributes', () => {
    const html = markdownIt().render(fenced('## What is overfitting?\nLearning the noise.\n', 'count=3 pass-mark=80 shuffle title="Week 1" theme=dark'), { page: { inputPath: './src/posts/week-1.md' } });
    const [card] = cardsIn(html);
    assert.deepEqual(card!.attributes, { count: '3', 'pass-mark': '80', shuffle: '', theme: 'dark' });
    assert.equal(card!.bank.title, 'Week 1');
    assert.equal(card!.bank.id, 'src-posts-week-1-quiz-1');
  });

  it('leaves other fences alone and numbers the quiz blocks of a page', () => {
    const page = `\`\`\`js\nlet quiz = 1;\n\`\`\`\n\n${fenced('## A?\nYes.\n')}\n${fenced('## B?\nNo.\n', 'id=second')}\n${fenced('## C?\nMaybe.\n')}`;
    const html = markdownIt().render(page, { relativePath: 'guide/intro.md' }); // VitePress env: Vue target
    assert.match(html, /<pre><code class="language-js">let quiz = 1;/);
    const ids = [...html.matchAll(/quiz-bank\/1\\&quot;,\\&quot;id\\&quot;:\\&quot;([a-z0-9-]+)/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['guide-intro-quiz-1', 'second', 'guide-intro-quiz-3']);
    assert.equal((html.match(/<quiz-card [^>]*v-html=/g) ?? []).length, 3);
  });

  it('throws at build time with file:line of each problem, from env.path, relativePath, page.inputPath or the file option', () => {
    const page = 'Intro.\n\n```quiz count=3 bogus=1\n## What is overfitting?\nLearning the noise.\n\n## Why?\n```\n';
    const cases: [Record<string, unknown> | undefined, QuizMarkdownItOptions, string][] = [
      [{ path: '/site/docs/a.md' }, {}, '/site/docs/a.md'],
      [{ relativePath: 'docs/a.md' }, {}, 'docs/a.md'],
      [{ page: { inputPath: './docs/a.md' } }, {}, './docs/a.md'],
      [undefined, { file: 'given.md' }, 'given.md'],
    ];
    for (const [env, options, file] of cases) {
      assert.throws(() => markdownIt(options).render(page, env), (error: unknown) => {
        assert.ok(error instanceof QuizBlockError);
        assert.deepEqual(error.problems.map((p) => `${p.file}:${p.line}:${p.severity}`), [`${file}:3:error`, `${file}:7:warning`]);
        assert.match(error.message, new RegExp(`${file.replace(/[./]/g, '\\$&')}:3: error: unknown quiz block option "bogus"`));
        assert.match(error.message, /:7: warning: question "Why\?" is skipped/);
        return true;
      });
    }
  });

  it('with onProblem warn prints the problems and shows what could be read, but a block without questions still throws', () => {
    const warnings: string[] = [];
    const md = markdownIt({ onProblem: 'warn', warn: (m) => warnings.push(m) });
    const html = md.render('```quiz bogus=1 count=2\n## What is overfitting?\nLearning the noise.\n\n## Why?\n```\n', { path: 'a.md' });
    const [card] = cardsIn(html);
    assert.deepEqual(card!.attributes, { count: '2' });
    assert.deepEqual(card!.bank.questions.map((q) => q.title), ['What is overfitting?']);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /a\.md:1: error: unknown quiz block option "bogus"[\s\S]*a\.md:5: warning: question "Why\?" is skipped/);
    assert.throws(() => md.render('text\n\n```quiz\nJust prose, no question.\n```\n', { path: 'a.md' }), /a\.md:4: error: no question found/);
    assert.throws(() => md.render('```quiz\n```\n', { path: 'a.md' }), /a\.md:1: error: the quiz block is empty/);
  });

  it('tells lines of the file when the generator cut its front matter (VitePress, Eleventy)', () => {
    const file = '---\ntitle: Week 1\ntags: [ml]\n---\n\n# Week 1\n\n```quiz bogus=1\n## What is overfitting?\nLearning the noise.\n```\n';
    const body = file.slice(file.indexOf('\n---\n') + 5);
    // Eleventy renders the body and names the file in page.inputPath.
    const dir = mkdtempSync(join(tmpdir(), 'quiz-md-'));
    writeFileSync(join(dir, 'week-1.md'), file);
    assert.throws(() => markdownIt().render(body, { page: { inputPath: join(dir, 'week-1.md') } }), /week-1\.md:8: error: unknown quiz block option "bogus"/);
    // VitePress's front matter plugin (mdit-vue) wraps md.parse, cutting it before parsing; user plugins come after.
    const md = new MarkdownIt();
    const parse = md.parse.bind(md);
    md.parse = (src, env) => parse(src.startsWith('---\n') ? src.slice(src.indexOf('\n---\n') + 5) : src, env);
    md.use(quizPlugin);
    assert.throws(() => md.render(file, { relativePath: 'week-1.md', path: '/nowhere/week-1.md' }), /week-1\.md:8: error/);
  });

  it('is installed once and leaves its own output alone (no double cards)', () => {
    const md = markdownIt().use(quizPlugin).use(quizPlugin, { onProblem: 'warn' });
    const once = md.render(fenced('## What is overfitting?\nLearning the noise.\n', 'count=1'));
    assert.equal(cardsIn(once).length, 1);
    const twice = md.render(once);
    assert.equal(cardsIn(twice).length, 1);
    assert.deepEqual(cardsIn(twice)[0], cardsIn(once)[0]);
  });

  it('renders a card the render hook made, given the bank and attributes', () => {
    const html = markdownIt({ render: (bank, attributes) => `<p data-ssr="${bank.questions.length}:${Object.keys(attributes).join(',')}">SSR</p>` }).render(fenced('## A?\nYes.\n\n## B?\nNo.\n', 'shuffle count=2'));
    assert.equal(html, '<p data-ssr="2:shuffle,count">SSR</p>\n');
  });
});
