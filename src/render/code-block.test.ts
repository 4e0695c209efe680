/// <reference types="mocha" />
// Lazy highlighting, in a file of its own so the highlighter module starts out not loaded.
import { render } from 'lit';
import { expect, waitUntil } from '@open-wc/testing';
import { loadCodeBlocks, renderMarkdown } from './markdown.js';

const PYTHON = [
  'from sklearn.pipeline import make_pipeline',
  '',
  '# 训练模型',
  'def train(texts, labels):',
  '    return make_pipeline().fit(texts, labels)',
].join('\n');

function highlighterRequested(): boolean {
  return performance
    .getEntriesByType('resource')
    .some((entry) => new URL(entry.name).pathname.endsWith('/src/render/highlight.ts'));
}

describe('code blocks before their code has loaded', () => {
  it('show the code plain and labelled at once, then ask for a render with the toolbar', async () => {
    const container = document.createElement('div');
    document.body.append(container);
    let ready = 0;
    // No language: this file's next tests check when the highlighter loads.
    const markdown = '```\nprint("hi")\n```';
    const options = { strings: { code: 'Code' }, onCodeBlocksReady: () => ready++ };
    render(renderMarkdown(markdown, options), container);
    const pre = container.querySelector('pre')!;
    expect(pre.getAttribute('aria-label')).to.equal('Code');
    expect(pre.tabIndex).to.equal(0);
    expect(pre.textContent).to.equal('print("hi")');
    expect(container.querySelector('button.copy')).to.equal(null);
    await waitUntil(() => ready === 1, 'onCodeBlocksReady was never called');
    render(renderMarkdown(markdown, options), container);
    expect(container.querySelector('button.copy')).not.to.equal(null);
    render(null, container);
    container.remove();
  });
});

describe('code block highlighting', () => {
  let container: HTMLElement;

  before(async () => {
    await loadCodeBlocks();
  });

  beforeEach(() => {
    container = document.createElement('div');
    document.body.append(container);
  });

  afterEach(() => {
    render(null, container);
    container.remove();
  });

  function code(): HTMLElement {
    return container.querySelector('pre code')!;
  }

  it('does not load the highlighter for code without a language', async () => {
    render(renderMarkdown('```\nplain text\n```'), container);
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(code().textContent).to.equal('plain text');
    expect(code().querySelector('span')).to.equal(null);
    expect(highlighterRequested()).to.be.false;
  });

  it('shows plain code first and highlighted tokens once the highlighter has loaded', async () => {
    render(renderMarkdown(`\`\`\`python\n${PYTHON}\n\`\`\``), container);
    // Synchronously after rendering: plain text, and the highlighter is on its way.
    expect(code().querySelector('span')).to.equal(null);
    expect(code().textContent).to.equal(PYTHON);

    await waitUntil(() => code().querySelector('.hljs-keyword'), 'code was never highlighted');
    expect(highlighterRequested()).to.be.true;
    expect(code().textContent).to.equal(PYTHON);
    const keywords = [...code().querySelectorAll('.hljs-keyword')].map((span) => span.textContent);
    expect(keywords).to.include.members(['from', 'import', 'def', 'return']);
    expect(code().querySelector('.hljs-comment')!.textContent).to.equal('# 训练模型');
    expect(code().querySelector('.hljs-title.function_')!.textContent).to.equal('train');
  });

  it('highlights language aliases at once when the highlighter is already loaded', async () => {
    for (const [language, source, token] of [
      ['py', 'import os', '.hljs-keyword'],
      ['ts', 'const n: number = 1;', '.hljs-keyword'],
      ['sh', 'echo "$HOME"', '.hljs-built_in'],
      ['json', '{"a": true}', '.hljs-literal'],
      ['JavaScript', 'let x = 1;', '.hljs-keyword'],
    ] as const) {
      render(renderMarkdown(`\`\`\`${language}\n${source}\n\`\`\``), container);
      expect(code().querySelector(token), language).not.to.equal(null);
      expect(code().textContent, language).to.equal(source);
    }
  });

  it('leaves unknown languages plain but still labels them', async () => {
    render(renderMarkdown('```cobol\nDISPLAY "HELLO".\n```'), container);
    expect(code().className).to.equal('language-cobol');
    expect(code().querySelector('span')).to.equal(null);
    expect(container.querySelector('.code-language')!.textContent).to.equal('cobol');
  });

  it('keeps markup inside highlighted strings as text', async () => {
    const source = 'const s = "<img src=x onerror=alert(1)>";';
    render(renderMarkdown(`\`\`\`js\n${source}\n\`\`\``), container);
    expect(code().querySelector('.hljs-string')!.textContent).to.equal('"<img src=x onerror=alert(1)>"');
    expect(container.querySelector('img')).to.equal(null);
    expect(code().textContent).to.equal(source);
  });

  it('follows the code when the same block is rendered again with other code', async () => {
    render(renderMarkdown('```python\nx = 1\n```'), container);
    render(renderMarkdown('```python\nwhile True: pass\n```'), container);
    expect(code().textContent).to.equal('while True: pass');
    expect(code().querySelector('.hljs-keyword')!.textContent).to.equal('while');
  });
});
