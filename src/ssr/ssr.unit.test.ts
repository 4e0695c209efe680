import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parse } from 'parse5';
import type { Bank } from '../bank/types.js';
import { renderCard, renderCardSync, RenderError, renderTopicList } from './index.js';

const bank: Bank = {
  format: 'quiz-bank/1', id: 'ssr', title: 'SSR', language: 'en', topics: [{ id: 't', title: 'T' }],
  questions: [
    { id: 'cap', kind: 'concept', title: 'What is CAP?', prompt: 'Explain **CAP**.', answer: 'Pick two.', topics: ['t'] },
    { id: 'pick', kind: 'concept', title: 'Which?', prompt: 'One.', answer: 'A', topics: ['t'], choices: [{ text: 'A', correct: true }, { text: 'B', correct: false }] },
    { id: 'evil', kind: 'concept', title: '</script><script>alert(1)</script>', prompt: '<img src=x onerror=alert(1)> [x](javascript:alert(1)) $&', answer: '</template></quiz-card><b onclick=alert(1)>x</b>', topics: ['t'] },
  ],
};

type Node = { nodeName: string; tagName?: string; attrs?: { name: string; value: string }[]; childNodes?: Node[]; content?: Node; value?: string };
/** Every element of a parsed document, template contents (declarative shadow roots) included. */
function* elements(node: Node): Generator<Node> {
  if (node.tagName) yield node;
  for (const child of node.childNodes ?? []) yield* elements(child);
  if (node.content) yield* elements(node.content);
}
const attr = (node: Node, name: string) => node.attrs?.find((a) => a.name === name)?.value;
const textOf = (node: Node): string => (node.value ?? '') + (node.childNodes ?? []).map(textOf).join('') + (node.content ? textOf(node.content) : '');

describe('quiz-elements/ssr: renderCard', () => {
  it('a card with its shadow root as declarative shadow DOM: title, prompt, a <details> answer, the bank inline', async () => {
    const html = await renderCard(bank, { question: 'cap', 'heading-level': 2 });
    const doc = parse(`<!doctype html><body>${html}`) as unknown as Node;
    const all = [...elements(doc)];
    const card = all.find((n) => n.tagName === 'quiz-card')!;
    assert.equal(attr(card, 'question'), 'cap');
    const template = card.childNodes!.find((n) => n.tagName === 'template')!;
    assert.equal(attr(template, 'shadowrootmode'), 'open');
    const shadow = textOf(template);
    assert.match(shadow, /What is CAP\?/);
    assert.match(shadow, /Explain CAP\./);
    const details = all.find((n) => n.tagName === 'details')!;
    assert.match(textOf(details), /Show answer[\s\S]*Pick two\./);
    const script = card.childNodes!.find((n) => n.tagName === 'script')!;
    assert.equal(attr(script, 'type'), 'application/json');
    assert.deepEqual(JSON.parse(textOf(script)), bank);
    assert.doesNotMatch(html, /lit-part|lit-node/, 'no hydration markers: the card takes over instead');
  });

  it('choices are listed, none chosen; Chinese UI strings', async () => {
    const html = await renderCard(bank, { question: 'pick', lang: 'zh-CN' });
    const inputs = [...elements(parse(html) as unknown as Node)].filter((n) => n.tagName === 'input');
    assert.equal(inputs.length, 2);
    assert.ok(inputs.every((input) => attr(input, 'checked') === undefined), 'no choice is checked');
    assert.match(html, /请选择一个答案|选择/);
  });

  it('hostile bank text stays text: no script, no handler, no javascript: URL, nothing escapes the card', async () => {
    const html = renderCardSync(bank, { question: 'evil' });
    const all = [...elements(parse(`<!doctype html><body>${html}<p id="after">after</p>`) as unknown as Node)];
    assert.deepEqual(all.filter((n) => n.tagName === 'script').map((n) => attr(n, 'type')), ['application/json'], 'only the inline bank');
    assert.ok(all.every((n) => !(n.attrs ?? []).some((a) => /^on/i.test(a.name))), 'no event handler attribute');
    assert.ok(all.every((n) => !/^\s*javascript:/i.test(attr(n, 'href') ?? '')), 'no javascript: link');
    assert.ok(all.every((n) => n.tagName !== 'img'), 'no image from raw HTML');
    const body = all.find((n) => n.tagName === 'body')!;
    assert.deepEqual(body.childNodes!.filter((n) => n.tagName).map((n) => n.tagName), ['quiz-card', 'p'], 'the card ends where it should');
  });

  it('a topic list: every topic as an option with its count, the bank inline', async () => {
    const html = await renderTopicList(bank, { 'progress-key': 'course', lang: 'zh-CN' });
    const all = [...elements(parse(html) as unknown as Node)];
    const options = all.filter((n) => attr(n, 'role') === 'option');
    assert.deepEqual(options.map((o) => attr(o, 'data-value')), ['', 't']);
    assert.match(textOf(options[0]!), /全部/);
    assert.equal(attr(all.find((n) => n.tagName === 'topic-list')!, 'progress-key'), 'course');
    assert.ok(all.some((n) => n.tagName === 'script' && attr(n, 'type') === 'application/json'));
    await assert.rejects(renderTopicList(bank, { question: 'cap' }), /"question" is not a topic-list attribute/);
  });

  it('math renders on the server as MathML; prices stay text', async () => {
    const math: Bank = { ...bank, questions: [{ id: 'm', kind: 'concept', title: 'Scale?', prompt: 'Why divide by $\\sqrt{d_k}$? It costs $5 and $10.', answer: 'x', topics: ['t'] }] };
    const html = await renderCard(math, { question: 'm' });
    assert.match(html, /<math><msqrt><msub><mi>d<\/mi><mi>k<\/mi><\/msub><\/msqrt><\/math>/);
    assert.match(html, /It costs \$5 and \$10\./);
  });

  it('bad input is refused with a clear message', async () => {
    await assert.rejects(renderCard(bank, { colour: 'red' }), (error: unknown) => error instanceof RenderError && /"colour" is not a quiz-card attribute/.test(error.message));
    await assert.rejects(renderCard({ format: 'quiz-bank/1', id: 'x' }), /not a valid quiz bank:\ntitle: expected a string/);
  });
});
