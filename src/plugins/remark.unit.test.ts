import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { compile, evaluate } from '@mdx-js/mdx';
import { parseFragment } from 'parse5';
import type { DocumentFragment as HtmlFragment, Element as HtmlElement, Node as HtmlNode, TextNode as HtmlText } from 'parse5';
import { createElement } from 'react';
import * as runtime from 'react/jsx-runtime';
import { renderToStaticMarkup } from 'react-dom/server';
import rehypeStringify from 'rehype-stringify';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import type { Bank } from '../bank/types.js';
import remarkQuiz, { type QuizRemarkOptions } from './remark.js';

const elements = (node: HtmlNode): HtmlElement[] =>
  'childNodes' in node ? (node.childNodes as HtmlNode[]).flatMap((child) => ('tagName' in child ? [child as HtmlElement, ...elements(child)] : elements(child))) : [];

/** Every card of a page as a browser parses it; each holds exactly one JSON script and nothing else. */
function cardsIn(html: string): { attributes: Record<string, string>; bank: Bank }[] {
  const all = elements(parseFragment(html) as HtmlFragment);
  return all.filter((e) => e.tagName === 'quiz-card').map((card) => {
    const inside = elements(card);
    assert.deepEqual(inside.map((s) => [s.tagName, s.attrs]), [['script', [{ name: 'type', value: 'application/json' }]]]);
    const json = (inside[0]!.childNodes as HtmlText[]).map((t) => t.value).join('');
    return { attributes: Object.fromEntries(card.attrs.map((a) => [a.name, a.value])), bank: JSON.parse(json) as Bank };
  });
}

const QUIZ = '```quiz count=2 pass-mark=80 shuffle title="Week 1"\n## What does `</script><!--` do?\nIt ends ]]> the element `<img src=x onerror=alert(1)>` [x](javascript:alert(1)).\n\n## Which reduce overfitting?\n- [x] More data\n- [ ] More epochs\n```\n';
const PAGE = `# Week 1\n\nSome prose.\n\n${QUIZ}\nAfter.\n`;

async function toHtml(markdown: string | VFile, options: QuizRemarkOptions = {}, twice = false): Promise<string> {
  const processor = unified().use(remarkParse).use(remarkQuiz, options);
  if (twice) processor.use(remarkQuiz, options);
  return String(await processor.use(remarkRehype, { allowDangerousHtml: true }).use(rehypeStringify, { allowDangerousHtml: true }).process(markdown));
}

describe('remark quiz plugin', () => {
  it('makes a raw HTML card for plain markdown (Astro), with the options as attributes', async () => {
    const html = await toHtml(new VFile({ value: PAGE, path: 'src/pages/week-1.md' }));
    assert.match(html, /^<h1>Week 1<\/h1>\n<p>Some prose.<\/p>\n<quiz-card/);
    const [card, ...more] = cardsIn(html);
    assert.equal(more.length, 0);
    assert.deepEqual(card!.attributes, { count: '2', 'pass-mark': '80', shuffle: '' });
    assert.equal(card!.bank.id, 'src-pages-week-1-quiz-1');
    assert.equal(card!.bank.title, 'Week 1');
    assert.match(card!.bank.questions[0]!.prompt, /<\/script><!--/);
    assert.match(card!.bank.questions[0]!.answer, /\]\]>.*onerror.*javascript:/);
  });

  it('does not wrap twice when used twice', async () => {
    const html = await toHtml(PAGE, {}, true);
    assert.equal(cardsIn(html).length, 1);
  });

  it('fails the file at the line and column of the problem, listing every problem', async () => {
    const page = 'Intro.\n\n- list\n\n  ```quiz bogus=1\n  ## What is overfitting?\n  Learning the noise.\n\n  ## Why?\n  ```\n';
    await assert.rejects(toHtml(new VFile({ value: page, path: 'docs/a.md' })), (error: unknown) => {
      const message = error as { line?: number; column?: number; fatal?: boolean; reason?: string; file?: string };
      assert.equal(message.fatal, true);
      assert.deepEqual([message.file, message.line, message.column], ['docs/a.md', 5, 3]);
      assert.match(message.reason!, /2 problems in quiz blocks:\ndocs\/a\.md:5: error: unknown quiz block option "bogus"[\s\S]*\ndocs\/a\.md:9: warning: question "Why\?" is skipped/);
      return true;
    });
  });

  it('with onProblem warn reports vfile warnings and renders what was read; no question still fails', async () => {
    const file = new VFile({ value: 'Intro.\n\n```quiz bogus=1\n## What is overfitting?\nLearning the noise.\n\n## Why?\n```\n', path: 'a.md' });
    const html = await toHtml(file, { onProblem: 'warn' });
    assert.deepEqual(cardsIn(html)[0]!.bank.questions.map((q) => q.title), ['What is overfitting?']);
    assert.deepEqual(file.messages.map((m) => [m.line, m.column, m.fatal, m.ruleId]), [[3, 1, false, 'quiz-block'], [7, 1, false, 'quiz-block']]);
    await assert.rejects(toHtml(new VFile({ value: '```quiz\nProse only.\n```\n', path: 'b.md' }), { onProblem: 'warn' }), (error: unknown) => {
      assert.deepEqual([(error as { line: number }).line, (error as { fatal: boolean }).fatal], [2, true]);
      assert.match(String((error as { reason: string }).reason), /no question found/);
      return true;
    });
  });

  it('tells lines of the file when the generator cut its front matter (Docusaurus)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quiz-remark-'));
    const text = '---\ntitle: Week 1\n---\n\n```quiz bogus=1\n## Q?\nA.\n```\n';
    writeFileSync(join(dir, 'week-1.md'), text);
    const body = text.slice(text.indexOf('\n---\n') + 5);
    await assert.rejects(toHtml(new VFile({ value: body, path: join(dir, 'week-1.md') })), (error: unknown) => (assert.equal((error as { line: number }).line, 5), true));
  });

  describe('in MDX (Docusaurus, Astro MDX)', () => {
    it('compiles to a card element whose script holds the bank, as React renders it', async () => {
      const source = `import {Fragment} from 'react'\n\n# Week 1\n\nA {1 + 1} expression.\n\n${QUIZ}\n<Fragment>after</Fragment>\n`;
      const compiled = String(await compile(source, { remarkPlugins: [remarkQuiz] }));
      assert.match(compiled, /"quiz-card"/);
      const { default: Content } = await evaluate(source, { ...runtime, remarkPlugins: [remarkQuiz], baseUrl: import.meta.url });
      const html = renderToStaticMarkup(createElement(Content));
      assert.match(html, /<p>A 2 expression.<\/p>/);
      const [card, ...more] = cardsIn(html);
      assert.equal(more.length, 0);
      assert.deepEqual(card!.attributes, { count: '2', 'pass-mark': '80', shuffle: '' });
      assert.equal(card!.bank.questions.length, 2);
      assert.match(card!.bank.questions[0]!.answer, /\]\]>.*onerror.*javascript:/);
    });

    it('works for MDX in its markdown format too, and with format md the raw HTML would be lost', async () => {
      const { default: Content } = await evaluate(PAGE, { ...runtime, format: 'md', remarkPlugins: [remarkQuiz] });
      assert.equal(cardsIn(renderToStaticMarkup(createElement(Content))).length, 1);
      const { default: Raw } = await evaluate(PAGE, { ...runtime, format: 'md', remarkPlugins: [[remarkQuiz, { output: 'html' }]] });
      assert.equal(cardsIn(renderToStaticMarkup(createElement(Raw))).length, 0, 'why MDX gets a JSX element');
    });

    it('passes numbers as numbers, so React sets number properties', async () => {
      const compiled = String(await compile('```quiz count=3 heading-level=2 mode=exam\n## Q?\nA.\n```\n', { remarkPlugins: [remarkQuiz] }));
      assert.match(compiled, /count: 3,/);
      assert.match(compiled, /"heading-level": 2,/);
      assert.match(compiled, /mode: "exam"/);
    });

    it('fails the compile at the block\'s line', async () => {
      await assert.rejects(compile(new VFile({ value: '# T\n\n```quiz mode=quiz\n## Q?\nA.\n```\n', path: 'x.mdx' }), { remarkPlugins: [remarkQuiz] }), (error: unknown) => {
        assert.deepEqual([(error as { line: number }).line, (error as { column: number }).column], [3, 1]);
        assert.match(String((error as { reason: string }).reason), /"mode" must be "practice" or "review" or "exam"/);
        return true;
      });
    });

    it('puts a server-rendered card in the page', async () => {
      const { default: Content } = await evaluate(PAGE, { ...runtime, remarkPlugins: [[remarkQuiz, { render: (bank: Bank) => `<p class="ssr">${bank.questions.length} questions</p>` }]] });
      assert.match(renderToStaticMarkup(createElement(Content)), /<div style="display:contents"><p class="ssr">2 questions<\/p><\/div>/);
    });
  });
});
