import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFragment } from 'parse5';
import type { DocumentFragment as HtmlFragment, Element as HtmlElement, Node as HtmlNode, TextNode as HtmlText } from 'parse5';
import { createSSRApp, type VNode } from 'vue';
import { compileTemplate } from 'vue/compiler-sfc';
import { renderToString } from 'vue/server-renderer';
import type { Bank } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import { blockBankId, formatProblem, frontMatterLinesCut, QUIZ_BLOCK_OPTIONS, readQuizBlock, type QuizBlockSource } from './quiz-block.js';

const QUESTIONS = '## What is overfitting?\nLearning the noise in the training data.\n\n## Which of these reduce overfitting?\n- [x] More training data\n- [ ] More epochs\n';

function block(info: string, text = QUESTIONS, more: Partial<QuizBlockSource> = {}) {
  return readQuizBlock({ text, info, file: 'docs/week-1.md', line: 10, index: 1, ...more });
}

const elements = (node: HtmlNode): HtmlElement[] =>
  'childNodes' in node ? (node.childNodes as HtmlNode[]).flatMap((child) => ('tagName' in child ? [child as HtmlElement, ...elements(child)] : elements(child))) : [];
const textOf = (element: HtmlElement) => (element.childNodes as HtmlText[]).map((t) => t.value).join('');
const attributesOf = (element: HtmlElement) => Object.fromEntries(element.attrs.map((a) => [a.name, a.value]));

/** The card in `html` as a browser parses it: exactly one quiz-card holding exactly one JSON script, and nothing else. */
function parseCard(html: string): { attributes: Record<string, string>; bank: Bank } {
  const all = elements(parseFragment(html) as HtmlFragment);
  assert.deepEqual(all.map((e) => e.tagName), ['quiz-card', 'script'], `elements in ${html.slice(0, 300)}`);
  const [card, script] = all as [HtmlElement, HtmlElement];
  assert.equal(script.parentNode, card);
  assert.deepEqual(attributesOf(script), { type: 'application/json' });
  return { attributes: attributesOf(card), bank: JSON.parse(textOf(script)) as Bank };
}

describe('quiz block options', () => {
  it('become the card attributes, in order, with quoted values and booleans', () => {
    const result = block('count=3 pass-mark=80 shuffle title="Week 1" seed=\'a b\' no-progress=true answer-box=false heading-level=2 mode=exam');
    assert.deepEqual(result.problems, []);
    assert.deepEqual(result.attributes, { count: '3', 'pass-mark': '80', shuffle: '', seed: 'a b', 'no-progress': '', 'heading-level': '2', mode: 'exam' });
    assert.equal(result.bank!.title, 'Week 1');
    const { attributes, bank } = parseCard(result.html!);
    assert.deepEqual(attributes, { count: '3', 'pass-mark': '80', shuffle: '', seed: 'a b', 'no-progress': '', 'heading-level': '2', mode: 'exam' });
    assert.deepEqual(bank, result.bank);
    assert.ok(validateBank(bank).ok);
  });

  it('refuses unknown names and listing every allowed one, with a guess for a near miss', () => {
    const [problem, ...more] = block('passMark=80').problems;
    assert.equal(more.length, 0);
    assert.equal(problem!.line, 10);
    assert.match(problem!.message, /unknown quiz block option "passMark"; did you mean "pass-mark"\?/);
    for (const name of QUIZ_BLOCK_OPTIONS) assert.ok(problem!.message.includes(`"${name}"`), name);
  });

  it('refuses event handlers, sources and bad values, and leaves them off the card', () => {
    const result = block('onclick=alert(1) src=/x.json count=0 mode=quiz theme=blue pass-mark=120 heading-level=7 lang=@@ id=Week_1 shuffle=maybe count=2 kind');
    const messages = result.problems.map((p) => p.message);
    assert.equal(messages.length, 12, messages.join('\n'));
    assert.match(messages[0]!, /unknown quiz block option "onclick"/);
    assert.match(messages[1]!, /"src" is not allowed: the block's questions are the card's source/);
    assert.match(messages[2]!, /"count" must be a whole number of questions from 1 \(it is "0"\)/);
    assert.match(messages[3]!, /"mode" must be "practice" or "review" or "exam"/);
    assert.match(messages[10]!, /"count" is given twice/);
    assert.match(messages[11]!, /"kind" needs a value/);
    assert.deepEqual(result.attributes, {});
    assert.equal(result.bank!.id, 'docs-week-1-quiz-1', 'a bad id= falls back to the made one');
  });

  it('checks question and topic against the bank the block makes', () => {
    const bad = block('question=nope topic=general,nada');
    assert.match(bad.problems[0]!.message, /"question" names no question of this block; its question ids are "what-is-overfitting-/);
    assert.match(bad.problems[1]!.message, /"topic" names no topic of this block \("nada"\); its topics are "general"/);
    assert.deepEqual(bad.attributes, {});
    const id = bad.bank!.questions[1]!.id;
    assert.deepEqual(block(`question=${id} topic=general`).problems, []);
  });

  it('tells an unclosed quote', () => {
    assert.match(block('count=3 title="Week 1').problems[0]!.message, /the quote in `title="Week 1` is never closed/);
  });
});

describe('quiz block bank', () => {
  it('has an id from the file and the block\'s place, or id=, and a language from language=, lang= or the text', () => {
    assert.equal(block('').bank!.id, 'docs-week-1-quiz-1');
    assert.equal(block('', QUESTIONS, { index: 3 }).bank!.id, 'docs-week-1-quiz-3');
    assert.equal(block('', QUESTIONS, { index: undefined }).bank!.id, 'docs-week-1-line-10');
    assert.equal(block('', QUESTIONS, { file: '/home/me/site/docs/week-1.md', idFile: 'docs/week-1.md' }).bank!.id, 'docs-week-1-quiz-1');
    assert.equal(block('id=week-1').bank!.id, 'week-1');
    assert.equal(blockBankId('文档/第一周.md', 1), `quiz-${blockBankId('文档/第一周.md', 1).split('-')[1]}-quiz-1`);
    assert.equal(block('').bank!.language, 'en');
    assert.equal(block('', '## 什么是过拟合？\n模型学到了训练数据中的噪声。\n').bank!.language, 'zh-CN');
    assert.equal(block('lang=de').bank!.language, 'de');
    assert.equal(block('language=fr lang=de').bank!.language, 'fr');
  });

  it('tells the importer\'s problems at the lines of the markdown file', () => {
    // Block text line 6 ("## Why?", no answer) is file line 10 + 6.
    const result = block('', '## What is overfitting?\nLearning the noise.\n\nMore about it.\n\n## Why?\n');
    assert.deepEqual(result.problems.map((p) => [p.line, p.severity]), [[16, 'warning']]);
    assert.equal(formatProblem(result.problems[0]!), 'docs/week-1.md:16: warning: question "Why?" is skipped: it has no answer; write the answer under it');
    // Lines named inside a message are the file's too.
    const none = block('', '\n## Why?\n');
    assert.equal(none.html, null);
    assert.deepEqual(none.problems.map((p) => [p.line, p.severity]), [[11, 'error'], [12, 'warning']]);
    assert.match(none.problems[0]!.message, /the one question found was skipped \(line 12: question "Why\?" is skipped/);
  });

  it('is an error when there is no question, pointing at the block', () => {
    const empty = block('', '\n\n');
    assert.equal(empty.html, null);
    assert.deepEqual(empty.problems.map((p) => [p.line, p.severity]), [[10, 'error']]);
    assert.match(empty.problems[0]!.message, /the quiz block is empty/);
    const prose = block('', 'Just a paragraph of prose.\n');
    assert.equal(prose.html, null);
    assert.equal(prose.problems[0]!.line, 11);
    assert.match(prose.problems[0]!.message, /no question found/);
  });
});

describe('quiz block HTML', () => {
  const HOSTILE = [
    '## What does the script end tag do?',
    'It ends </script><script>alert(1)</script> the element, and </SCRIPT > too; ]]> <![CDATA[ x ]]> [this](javascript:alert(1)) `<b onmouseover="alert(1)">b</b>`',
    '',
    '## Is a comment kept?',
    '- [x] Yes </script',
    '- [ ] No <!--',
  ].join('\n');

  it('cannot be broken out of by the questions or the option values', () => {
    const result = block(`seed='"><img src=x onerror=alert(1)>' class='a" onclick="alert(1)' progress-key='</quiz-card><script>alert(1)</script>' title='Line\u2028separator\u2029<!--'`, HOSTILE);
    assert.deepEqual(result.problems.map((p) => p.message), ['an HTML comment "<!--" is never closed with "-->", so it is kept as text']);
    assert.doesNotMatch(result.html!, /<\/script[\s\S]*<\/script/i, 'one closing script tag');
    assert.doesNotMatch(result.html!, /[\u2028\u2029]/);
    const { attributes, bank } = parseCard(result.html!);
    assert.deepEqual(attributes, { seed: '"><img src=x onerror=alert(1)>', class: 'a" onclick="alert(1)', 'progress-key': '</quiz-card><script>alert(1)</script>' });
    assert.deepEqual(bank, result.bank);
    assert.match(bank.questions[0]!.answer, /<\/script><script>alert\(1\)<\/script>.*<\/SCRIPT >.*\]\]>.*javascript:.*onmouseover/, 'the text itself survives');
    assert.equal(bank.questions[1]!.choices![1]!.text, 'No <!--');
    assert.equal(bank.title, 'Line\u2028separator\u2029<!--');
  });

  it('for Vue (VitePress) renders the bank on the server and sets it on the client', async () => {
    const result = block('count=2 shuffle class=\'x" @click="alert(1)\'', `${HOSTILE}\n\n## {{ constructor.constructor('alert(1)')() }}\nMustaches stay text.\n`, {});
    const vue = readQuizBlock({ text: `${HOSTILE}\n\n## {{ constructor.constructor('alert(1)')() }}\nMustaches stay text.\n`, info: 'count=2 shuffle class=\'x" @click="alert(1)\'', file: 'docs/week-1.md', line: 10, index: 1 }, { target: 'vue' });
    assert.deepEqual(vue.bank, result.bank);
    const page = `<div><p>Before.</p>\n${vue.html}\n<p>After.</p></div>`;
    const load = async (ssr: boolean) => {
      const compiled = compileTemplate({ source: page, filename: 'week-1.md', id: 'week-1', ssr, ssrCssVars: [], compilerOptions: { isCustomElement: (tag) => tag.startsWith('quiz-') } });
      assert.deepEqual(compiled.errors, []);
      const code = compiled.code.replace(/from "(vue(?:\/server-renderer)?)"/g, (_, name: string) => `from ${JSON.stringify(import.meta.resolve(name))}`);
      return (await import(`data:text/javascript,${encodeURIComponent(code)}`)) as { ssrRender?: unknown; render?: (ctx: object, cache: unknown[]) => VNode };
    };
    const server = await renderToString(createSSRApp({ ssrRender: (await load(true)).ssrRender }));
    const card = /<quiz-card[\s\S]*<\/quiz-card>/.exec(server)![0];
    const { attributes, bank } = parseCard(card);
    assert.deepEqual(attributes, { count: '2', shuffle: '', class: 'x" @click="alert(1)' });
    assert.deepEqual(bank, result.bank);

    const tree = (await load(false)).render!({}, []);
    const client = (tree.children as VNode[]).find((v) => v.type === 'quiz-card')!;
    assert.deepEqual(parseCard(`<quiz-card>${(client.props as { innerHTML: string }).innerHTML}</quiz-card>`).bank, result.bank);
  });

  it('is what the render hook returns, given the bank and the attributes', () => {
    const seen: unknown[] = [];
    const result = readQuizBlock({ text: QUESTIONS, info: 'count=1 shuffle', file: 'a.md', line: 1 }, { render: (bank, attributes) => (seen.push(bank.id, attributes), '<p>SERVER-RENDERED</p>') });
    assert.equal(result.html, '<p>SERVER-RENDERED</p>');
    assert.deepEqual(seen, ['a-line-1', { count: '1', shuffle: '' }]);
    const vue = readQuizBlock({ text: QUESTIONS, info: '', file: 'a.md', line: 1 }, { target: 'vue', render: () => '<p title="x">SSR</p>' });
    assert.equal(vue.html, '<div style="display: contents" v-html="&quot;<p title=\\&quot;x\\&quot;>SSR</p>&quot;"></div>'.replace('<p', '&lt;p').replace('>SSR</p>', '&gt;SSR&lt;/p&gt;'));
  });
});

describe('frontMatterLinesCut', () => {
  const file = '---\ntitle: x\ntags: [a]\n---\n# Body\n\ntext\n';
  it('counts the front matter a generator cut, and nothing when it kept or blanked it', () => {
    assert.equal(frontMatterLinesCut(file, '# Body\n\ntext\n'), 4);
    assert.equal(frontMatterLinesCut(file, file), 0);
    assert.equal(frontMatterLinesCut(file, '   \n        \n         \n   \n# Body\n\ntext\n'), 0);
    assert.equal(frontMatterLinesCut('# No front matter\n\ntext\n', 'text\n'), 0);
  });
});
