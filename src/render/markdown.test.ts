/// <reference types="mocha" />
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { expect, fixture, waitUntil } from '@open-wc/testing';
import { hostileMarkdown } from '../../test/fixtures/hostile-markdown.js';
import { FORMAT_LIMITS, loadCodeBlocks, markdownStyles, renderMarkdown, type RenderOptions } from './markdown.js';

declare global {
  interface Window {
    __pwned?: unknown;
  }
}

const hostStyles = css`
  :host {
    display: block;
    background: #ffffff;
    color: #1f2328;
  }
  :host([theme='dark']) {
    background: #0d1117;
    color: #e6edf3;
  }
`;

/** Stands in for quiz-card: a shadow root with markdownStyles on the card's light or dark surface. */
@customElement('markdown-test-host')
class MarkdownTestHost extends LitElement {
  static override styles = [markdownStyles, hostStyles];

  /** The rendered markdown. */
  @property({ attribute: false }) content: TemplateResult | undefined;

  override render() {
    return this.content;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'markdown-test-host': MarkdownTestHost;
  }
}

const BASE = `${location.origin}/banks/zh/bank.json`;

// Code blocks are a lazy chunk (code-block.test.ts covers the plain first render): load it first.
before(async () => {
  await loadCodeBlocks();
});

async function show(markdown: string, options: RenderOptions = { baseUrl: BASE }): Promise<ShadowRoot> {
  const host = await fixture<MarkdownTestHost>(
    html`<markdown-test-host .content=${renderMarkdown(markdown, options)}></markdown-test-host>`,
  );
  return host.shadowRoot!;
}

function all<E extends Element = Element>(root: ParentNode, selector: string): E[] {
  return [...root.querySelectorAll<E>(selector)];
}

/** Waits for two frames: long enough for any event handler a payload smuggled in to fire. */
function frames(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
}

// Everything the renderer may create; anything else means markup came from the markdown.
const ALLOWED_ELEMENTS = new Set(
  'div p span strong em del code pre a img br hr ul ol li blockquote h1 h2 h3 h4 h5 h6 table thead tbody tr th td button'
    .toUpperCase()
    .split(' '),
);
const ALLOWED_ATTRIBUTES = new Set(
  'class href title target rel src alt loading decoding start scope tabindex role aria-label aria-hidden type data-state'.split(' '),
);
const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);

function expectInert(root: ShadowRoot, what: string): void {
  for (const element of all(root, '*')) {
    expect(ALLOWED_ELEMENTS.has(element.tagName), `${what}: <${element.localName}>`).to.be.true;
    for (const attribute of element.getAttributeNames()) {
      expect(attribute.startsWith('on'), `${what}: ${attribute} on <${element.localName}>`).to.be.false;
      expect(ALLOWED_ATTRIBUTES.has(attribute), `${what}: attribute ${attribute}`).to.be.true;
    }
  }
  for (const element of all(root, '[href], [src]')) {
    const value = element.getAttribute('href') ?? element.getAttribute('src')!;
    const scheme = new URL(value, document.baseURI).protocol;
    expect(SAFE_SCHEMES.has(scheme), `${what}: ${value}`).to.be.true;
    if (element.localName === 'img') expect(scheme, `${what}: image ${value}`).to.match(/^https?:$/);
  }
}

describe('renderMarkdown: hostile input', () => {
  beforeEach(() => {
    delete window.__pwned;
  });

  it('the tripwire works: a payload injected as HTML does fire', async () => {
    // Proves the payloads are live, so the checks below could fail.
    const sink = document.createElement('div');
    document.body.append(sink);
    try {
      sink.innerHTML = hostileMarkdown.find((p) => p.name === 'img onerror block')!.markdown;
      await waitUntil(() => window.__pwned === 1, 'payload did not fire when rendered as HTML');
    } finally {
      sink.remove();
      delete window.__pwned;
    }
  });

  for (const payload of hostileMarkdown) {
    it(`neutralises ${payload.name}`, async () => {
      const root = await show(payload.markdown);
      expectInert(root, payload.name);
      await frames();
      expect(window.__pwned, payload.name).to.equal(undefined);
    });
  }

  it('shows raw HTML as text instead of dropping it', async () => {
    const root = await show('before <b onclick="x()">bold?</b> after\n\n<div class="x">block</div>');
    const text = root.textContent ?? '';
    expect(text).to.contain('<b onclick="x()">bold?</b>');
    expect(text).to.contain('<div class="x">block</div>');
    expect(root.querySelector('b')).to.equal(null);
  });

  it('hides HTML comments and turns <br> into a line break', async () => {
    const root = await show('one<br>two <!-- note --> three');
    expect(all(root, 'p br')).to.have.length(1);
    expect(root.textContent).not.to.contain('note');
  });

  it('keeps the text of a neutralised link', async () => {
    const root = await show('[点我](javascript:alert(1)) and [me](&#106;avascript:alert(1))');
    expect(all(root, 'a')).to.have.length(0);
    expect(root.querySelector('p')!.textContent).to.equal('点我 and me');
  });

  it('decodes character references in text without creating markup', async () => {
    const root = await show('AT&T &amp; &copy; &#169; &#x4E2D; &lt;b&gt; &unknown; &#0;');
    expect(root.querySelector('p')!.textContent).to.equal('AT&T & © © 中 <b> &unknown; \ufffd');
    expect(root.querySelector('b')).to.equal(null);
  });
});

describe('renderMarkdown: links and images', () => {
  it('resolves relative links and images against baseUrl', async () => {
    const root = await show('[指南](../guide.html#part) ![示意图](img/a.png "标题")');
    const link = root.querySelector('a')!;
    expect(link.getAttribute('href')).to.equal(`${location.origin}/banks/guide.html#part`);
    const image = root.querySelector('img')!;
    expect(image.getAttribute('src')).to.equal(`${location.origin}/banks/zh/img/a.png`);
    expect(image.getAttribute('alt')).to.equal('示意图');
    expect(image.getAttribute('title')).to.equal('标题');
    expect(image.getAttribute('loading')).to.equal('lazy');
    expect(image.getAttribute('decoding')).to.equal('async');
  });

  it('gives images an empty alt when the markdown has none', async () => {
    const root = await show('![](pic.png)');
    expect(root.querySelector('img')!.getAttribute('alt')).to.equal('');
  });

  it('opens other origins in a new tab and says so to screen readers', async () => {
    const root = await show('[外部](http://127.0.0.1:1/page)', {
      baseUrl: BASE,
      strings: { newTab: '（在新标签页中打开）' },
    });
    const link = root.querySelector('a')!;
    expect(link.target).to.equal('_blank');
    expect(link.rel.split(' ')).to.include.members(['noopener', 'noreferrer']);
    const hidden = link.querySelector('.visually-hidden')!;
    expect(hidden.textContent).to.contain('（在新标签页中打开）');
    expect(getComputedStyle(hidden).position).to.equal('absolute');
  });

  it('keeps same-origin and mailto links in the page', async () => {
    const root = await show(`[本站](${location.origin}/x) [mail](mailto:a@example.com) <b@example.com>`);
    const links = all<HTMLAnchorElement>(root, 'a');
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      `${location.origin}/x`,
      'mailto:a@example.com',
      'mailto:b@example.com',
    ]);
    for (const a of links) {
      expect(a.hasAttribute('target')).to.be.false;
      expect(a.querySelector('.visually-hidden')).to.equal(null);
    }
  });

  it('links GFM autolinks and bare URLs', async () => {
    const root = await show('see www.example.invalid and <http://127.0.0.1:1/a?b=1&c=2>');
    const hrefs = all(root, 'a').map((a) => a.getAttribute('href'));
    expect(hrefs).to.deep.equal(['http://www.example.invalid/', 'http://127.0.0.1:1/a?b=1&c=2']);
  });

  it('drops fragment-only links, which point into the bank rather than this page', async () => {
    const root = await show('[上文](#intro)');
    expect(root.querySelector('a')).to.equal(null);
    expect(root.textContent).to.contain('上文');
  });
});

describe('renderMarkdown: structure', () => {
  it('renders a GFM table with header cells and alignment', async () => {
    const root = await show('| 模型 | 参数 | 说明 |\n|:---|---:|:---:|\n| GPT | 175B | **大** |\n| BERT | 340M | `小` |');
    const table = root.querySelector('.table-scroll table')!;
    expect(all(table, 'thead th').map((th) => th.textContent)).to.deep.equal(['模型', '参数', '说明']);
    expect(all(table, 'th').every((th) => th.getAttribute('scope') === 'col')).to.be.true;
    expect(all(table, 'tbody tr')).to.have.length(2);
    expect(table.querySelector('tbody td strong')!.textContent).to.equal('大');
    const cells = all(table, 'tbody tr:first-child td');
    expect(getComputedStyle(cells[0]!).textAlign).to.equal('left');
    expect(getComputedStyle(cells[1]!).textAlign).to.equal('right');
    expect(getComputedStyle(cells[2]!).textAlign).to.equal('center');
  });

  it('renders nested, ordered and task lists', async () => {
    const root = await show('1. 第一\n   - 子项 a\n   - 子项 b\n2. 第二\n\n中间\n\n5. five\n6. six\n\n- [x] done\n- [ ] todo');
    const ordered = root.querySelector('ol')!;
    expect(ordered.children).to.have.length(2);
    expect(all(ordered, ':scope > li > ul > li').map((li) => li.textContent)).to.deep.equal(['子项 a', '子项 b']);
    expect(all(root, 'ol')[1]!.getAttribute('start')).to.equal('5');
    const tasks = all(root, 'li.task');
    expect(tasks.map((li) => li.textContent!.trim())).to.deep.equal(['☑ done', '☐ todo']);
  });

  it('renders emphasis, strikethrough, code, quotes, rules and hard breaks', async () => {
    const root = await show('*斜体* **粗体** ~~删除~~ `code`  \n下一行\n\n> 引用\n\n---\n\nend');
    expect(root.querySelector('em')!.textContent).to.equal('斜体');
    expect(root.querySelector('strong')!.textContent).to.equal('粗体');
    expect(root.querySelector('del')!.textContent).to.equal('删除');
    expect(root.querySelector('p > code')!.textContent).to.equal('code');
    expect(all(root, 'p br')).to.have.length(1);
    expect(root.querySelector('blockquote p')!.textContent).to.equal('引用');
    expect(root.querySelector('hr')).not.to.equal(null);
  });

  it('demotes headings below the element heading (headingLevel)', async () => {
    const markdown = '# 一\n\n## 二\n\n### 三\n\n#### 四';
    let root = await show(markdown);
    expect(all(root, 'h1, h2, h3, h4, h5, h6').map((h) => h.localName)).to.deep.equal(['h4', 'h5', 'h6', 'h6']);
    root = await show(markdown, { headingLevel: 2 });
    expect(all(root, 'h1, h2, h3, h4, h5, h6').map((h) => h.localName)).to.deep.equal(['h2', 'h3', 'h4', 'h5']);
  });

  it('joins Chinese lines without a space and keeps the space between English lines', async () => {
    const root = await show('大模型是指\n参数很多的模型，\n**它们**\n需要大量数据。\n\nlarge\nmodels');
    const [chinese, english] = all(root, 'p');
    expect(chinese!.textContent).to.equal('大模型是指参数很多的模型，它们需要大量数据。');
    expect((english as HTMLElement).innerText.replace(/\s+/g, ' ')).to.equal('large models');
  });

  it('shows the source when nesting is too deep to render', async () => {
    const root = await show(`${'> '.repeat(40)}深`);
    expect(root.textContent).to.contain('深');
    expect(all(root, 'blockquote').length).to.be.below(30);
  });
});

describe('renderMarkdown: beyond the format limits, the source text', () => {
  /** Whether `markdown` was formatted: the source is one `.source` paragraph holding all of it. */
  async function formatted(markdown: string): Promise<boolean> {
    const root = await show(markdown);
    const source = root.querySelector('.markdown > p.source:only-child');
    if (source) expect(source.textContent, 'the source text, in full').to.equal(markdown);
    return !source;
  }

  const paragraph = 'Text with **bold** and a [link](https://example.com/).\n\n';

  it('formats a field up to the length limit and shows a longer one as its text', async () => {
    const within = paragraph.repeat(Math.floor(FORMAT_LIMITS.length / paragraph.length));
    expect(await formatted(within)).to.equal(true);
    expect(await formatted(within + 'x'.repeat(FORMAT_LIMITS.length - within.length + 1))).to.equal(false);
  });

  it('shows a field with more than 1,000 [ as its text', async () => {
    expect(await formatted('[a] '.repeat(FORMAT_LIMITS.brackets))).to.equal(true);
    expect(await formatted('[a] '.repeat(FORMAT_LIMITS.brackets) + '[')).to.equal(false);
  });

  it('shows a field with a run of more than 256 * or _ as its text', async () => {
    const run = (n: number) => `${'*_'.repeat(n / 2)}`;
    expect(await formatted(`a ${run(FORMAT_LIMITS.delimiterRun)}b\n${run(FORMAT_LIMITS.delimiterRun)} c`)).to.equal(true);
    expect(await formatted(`a ${run(FORMAT_LIMITS.delimiterRun + 2)}b`)).to.equal(false);
  });

  it('shows a line that opens more than 24 quotes and lists as its text, wherever in the field', async () => {
    expect(await formatted(`intro\n\n${'> - 1. '.repeat(8)}x`)).to.equal(true);
    expect(await formatted(`intro\n\n${'> - 1. '.repeat(8)}> x`)).to.equal(false);
    expect(await formatted(`${'- '.repeat(25)}x`)).to.equal(false);
    expect(await formatted(`${'1) '.repeat(25)}x`)).to.equal(false);
  });

  it('does not count what only looks like list markers: rules, signs, numbers and indentation', async () => {
    expect(await formatted(`${'-'.repeat(30)}\n\n${'*'.repeat(30)}x\n\n-1 -2 -3\n\n${'1.5 '.repeat(30)}\n\n${' '.repeat(60)}deep`)).to.equal(true);
  });

  it('shows a table of more than 64 columns as its text and formats the rest of the field', async () => {
    const table = (columns: number) => `${'|h'.repeat(columns)}|\n${'|-'.repeat(columns)}|\n${'|c'.repeat(columns)}|`;
    const root = await show(`Before **it**.\n\n${table(FORMAT_LIMITS.tableColumns)}\n\n${table(FORMAT_LIMITS.tableColumns + 1)}\n\nAfter.`);
    expect(all(root, 'table').length).to.equal(1);
    expect(all(root, 'th').length).to.equal(FORMAT_LIMITS.tableColumns);
    expect(all(root, 'strong').length).to.equal(1);
    const source = root.querySelector('p.source');
    expect(source?.textContent).to.equal(table(FORMAT_LIMITS.tableColumns + 1));
  });
});

describe('renderMarkdown: code blocks', () => {
  const python = '```python\n# 示例\nprint("hello")\n```';
  let restore: (() => void) | undefined;

  function stubClipboard(clipboard: Partial<Clipboard> | undefined): Partial<Clipboard> | undefined {
    Object.defineProperty(navigator, 'clipboard', { configurable: true, value: clipboard });
    restore = () => Reflect.deleteProperty(navigator, 'clipboard');
    return clipboard;
  }

  afterEach(() => {
    restore?.();
    restore = undefined;
  });

  it('renders a labelled, keyboard-scrollable <pre><code> with the language', async () => {
    const root = await show(python, { strings: { code: '代码' } });
    const pre = root.querySelector('pre')!;
    expect(pre.tabIndex).to.equal(0);
    expect(pre.getAttribute('aria-label')).to.equal('代码 (python)');
    const code = pre.querySelector('code')!;
    expect(code.className).to.equal('language-python');
    expect(code.textContent).to.equal('# 示例\nprint("hello")');
  });

  it('scrolls long lines inside the block instead of widening the page', async () => {
    const root = await show(`\`\`\`\n${'x = 1 + '.repeat(200)}1\n\`\`\`\n\n${'很长的中文段落'.repeat(80)}`);
    (root.host as HTMLElement).style.width = '320px';
    const pre = root.querySelector('pre')!;
    expect(pre.scrollWidth).to.be.above(pre.clientWidth);
    expect(root.querySelector('.markdown')!.scrollWidth).to.be.at.most(320);
    const paragraph = root.querySelector('p')!;
    expect(paragraph.scrollWidth).to.be.at.most(paragraph.clientWidth);
  });

  it('copies the code and announces it politely', async () => {
    const written: string[] = [];
    stubClipboard({ writeText: (text: string) => (written.push(text), Promise.resolve()) });
    const root = await show(python, { strings: { copy: '复制', copied: '已复制', code: '代码' } });
    const button = root.querySelector<HTMLButtonElement>('button.copy')!;
    expect(button.type).to.equal('button');
    expect(button.getAttribute('aria-label')).to.equal('复制代码');
    const status = root.querySelector('[role="status"]')!;
    expect(status.textContent).to.equal('');
    button.click();
    await waitUntil(() => status.textContent === '已复制', 'no announcement');
    expect(written).to.deep.equal(['# 示例\nprint("hello")']);
    expect(button.dataset['state']).to.equal('copied');
    expect(button.textContent!.trim()).to.contain('已复制');
  });

  it('announces a failure when the clipboard is unavailable', async () => {
    stubClipboard(undefined);
    const root = await show(python, { strings: { copyFailed: '无法复制' } });
    root.querySelector<HTMLButtonElement>('button.copy')!.click();
    const status = root.querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent === '无法复制', 'no failure announcement');
  });

  it('announces a failure when the clipboard refuses', async () => {
    stubClipboard({ writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) });
    const root = await show(python);
    root.querySelector<HTMLButtonElement>('button.copy')!.click();
    const status = root.querySelector('[role="status"]')!;
    await waitUntil(() => status.textContent === 'Copy failed', 'no failure announcement');
  });
});

describe('renderMarkdown: the bundled banks', () => {
  const MARKDOWN_FIELDS = ['prompt', 'answer', 'explanation', 'hint', 'example'] as const;

  it('renders every question of every bundled bank without leftover markup', async () => {
    const catalog = (await (await fetch('/data/banks/index.json')).json()) as { banks: { src: string }[] };
    let fences = 0;
    let fields = 0;
    for (const entry of catalog.banks) {
      const url = new URL(entry.src, `${location.origin}/data/banks/`);
      const bank = (await (await fetch(url)).json()) as { questions: Record<string, unknown>[] };
      for (const question of bank.questions) {
        for (const field of MARKDOWN_FIELDS) {
          const markdown = question[field];
          if (typeof markdown !== 'string') continue;
          fields += 1;
          const root = await show(markdown, { baseUrl: url.href });
          const where = `${url.pathname} ${String(question['id'])}.${field}`;
          expect(root.querySelector('.source'), where).to.equal(null);
          // Emphasis markers that show as text mean the parser disagreed with the author.
          const prose = all(root, 'p, li, td, th').map((element) => element.textContent).join('\n');
          expect(prose, where).not.to.match(/\*\*|__/);
          const blocks = all(root, 'pre code');
          expect(blocks.length * 2, where).to.equal(markdown.match(/^ {0,3}```/gm)?.length ?? 0);
          fences += blocks.length;
        }
      }
    }
    expect(fields).to.be.above(100);
    expect(fences).to.be.above(0);
  });
});

describe('renderMarkdown: accessibility', () => {
  const rich = [
    '# 大模型',
    '',
    '大模型是指拥有**数十亿**参数的模型，详见 [文档](http://127.0.0.1:1/doc) 或 [本页](./local.html)。',
    '',
    '* **大量参数：** 捕捉复杂模式',
    '* ~~旧说法~~ 新说法',
    '  1. 嵌套',
    '',
    '| 模型 | 参数 |',
    '|---|--:|',
    '| GPT-3 | 175B |',
    '',
    '> 引用 `inline`',
    '',
    '```python',
    'from sklearn.pipeline import make_pipeline',
    '',
    '# 训练模型',
    'def train(texts: list[str], epochs: int = 10) -> None:',
    '    model = make_pipeline()  # 注释',
    '    print(f"done {epochs}", 3.14, True, None)',
    '```',
    '',
    '![示意图](diagram.png)',
    '',
    '---',
  ].join('\n');

  async function showRich(theme: 'light' | 'dark'): Promise<MarkdownTestHost> {
    const host = await fixture<MarkdownTestHost>(
      html`<markdown-test-host theme=${theme} .content=${renderMarkdown(rich, { baseUrl: BASE })}></markdown-test-host>`,
    );
    // Check the highlighted state too: token colours are what contrast rules need to see.
    await waitUntil(() => host.shadowRoot!.querySelector('.hljs-keyword'), 'code was not highlighted');
    return host;
  }

  it('is accessible in the light theme', async () => {
    await expect(await showRich('light')).to.be.accessible();
  });

  it('is accessible in the dark theme', async () => {
    await expect(await showRich('dark')).to.be.accessible();
  });
});
