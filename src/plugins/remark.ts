/**
 * `quiz-elements/remark`: a unified (remark) plugin (Astro, Docusaurus, MDX, any remark site)
 * that turns each ```` ```quiz ```` code block into a `<quiz-card>` with its questions inline,
 * read at build time; problems are vfile messages at the markdown file's line and column.
 *
 * ```js
 * import remarkQuiz from 'quiz-elements/remark';
 * unified().use(remarkParse).use(remarkQuiz).use(remarkRehype, { allowDangerousHtml: true })…
 * ```
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import type { Code, Html, Parent, Root, RootContent } from 'mdast';
import type { Processor } from 'unified';
import type { VFile } from 'vfile';
import type { Bank } from '../bank/types.js';
import {
  formatProblem,
  frontMatterLinesCut,
  mustFail,
  readQuizBlock,
  scriptSafeJson,
  type OnProblem,
  type QuizCardAttributeValues,
  type QuizProblem,
  type RenderCard,
} from './quiz-block.js';

export type { OnProblem, QuizCardAttributeValues, QuizProblem, RenderCard } from './quiz-block.js';

/** Options of the remark plugin. */
export interface QuizRemarkOptions {
  /**
   * `'error'` (default): any problem of a block fails the file (`file.fail`, at the first
   * problem's line, listing them all). `'warn'`: each problem is a warning (`file.message`) and
   * the questions that could be read are shown. A block with no question to show fails either way.
   */
  onProblem?: OnProblem;
  /**
   * `'html'`: a raw HTML node (remark-rehype needs `allowDangerousHtml: true`, as Astro sets it).
   * `'mdx'`: an MDX JSX element, which MDX compiles like one written in the page (Docusaurus,
   * Astro MDX). By default `'mdx'` inside MDX (`remark-mdx` or `@mdx-js/mdx` in the processor).
   */
  output?: 'html' | 'mdx';
  /** The file's name for messages and bank ids when the vfile has no path. */
  file?: string;
  /** Server-renders each card instead (see `RenderCard`); in MDX it is put in a `<div>` with `dangerouslySetInnerHTML` (React). */
  render?: RenderCard;
}

/** The MDX JSX nodes this plugin writes (as `mdast-util-mdx-jsx` defines them). */
interface MdxExpression {
  type: 'mdxJsxAttributeValueExpression';
  value: string;
  data: { estree: unknown };
}
interface MdxAttribute {
  type: 'mdxJsxAttribute';
  name: string;
  value: string | MdxExpression | null;
}
interface MdxElement {
  type: 'mdxJsxFlowElement';
  name: string;
  attributes: MdxAttribute[];
  children: (MdxElement | { type: 'text'; value: string })[];
  position?: Code['position'];
}

/** Attributes the card reads as numbers: an MDX page passes them as numbers, as React sets them as properties. */
const NUMERIC = new Set(['count', 'pass-mark', 'max-attempts', 'new-per-day', 'heading-level']);

/** `{value}` in an MDX attribute: an expression with its ESTree, as MDX's compiler needs. */
function expression(source: string, value: unknown): MdxExpression {
  const literal = { type: 'Literal', value, raw: source };
  const expr = typeof value === 'object' && value !== null
    ? { type: 'ObjectExpression', properties: Object.entries(value).map(([key, v]) => ({ type: 'Property', kind: 'init', method: false, shorthand: false, computed: false, key: { type: 'Identifier', name: key }, value: { type: 'Literal', value: v, raw: JSON.stringify(v) } })) }
    : literal;
  return { type: 'mdxJsxAttributeValueExpression', value: source, data: { estree: { type: 'Program', sourceType: 'module', comments: [], body: [{ type: 'ExpressionStatement', expression: expr }] } } };
}

function mdxAttribute(name: string, value: string): MdxAttribute {
  if (value === '') return { type: 'mdxJsxAttribute', name, value: null };
  if (NUMERIC.has(name)) return { type: 'mdxJsxAttribute', name, value: expression(value, Number(value)) };
  return { type: 'mdxJsxAttribute', name, value };
}

/**
 * The card as an MDX JSX element: `<quiz-card …><script type="application/json">{bank}</script></quiz-card>`.
 * The bank is the script's text child, which React renders as it is (it escapes only `</script`,
 * which script-safe JSON never holds) and sets as text on the client.
 */
function mdxCard(bank: Bank, attributes: QuizCardAttributeValues): MdxElement {
  const script: MdxElement = {
    type: 'mdxJsxFlowElement',
    name: 'script',
    attributes: [{ type: 'mdxJsxAttribute', name: 'type', value: 'application/json' }],
    children: [{ type: 'text', value: scriptSafeJson(bank) }],
  };
  return { type: 'mdxJsxFlowElement', name: 'quiz-card', attributes: Object.entries(attributes).map(([n, v]) => mdxAttribute(n, v)), children: [script] };
}

function mdxRendered(html: string): MdxElement {
  const inner = { __html: html };
  return { type: 'mdxJsxFlowElement', name: 'div', attributes: [{ type: 'mdxJsxAttribute', name: 'style', value: expression('{display: "contents"}', { display: 'contents' }) }, { type: 'mdxJsxAttribute', name: 'dangerouslySetInnerHTML', value: expression(JSON.stringify(inner), inner) }], children: [] };
}

/** Whether the processor compiles MDX: remark-mdx's syntax is in it, or @mdx-js/mdx built it (also for `format: 'md'`). */
function isMdx(processor: Processor): boolean {
  const extensions = [processor.data('fromMarkdownExtensions' as never)].flat(Infinity) as { enter?: Record<string, unknown> }[];
  if (extensions.some((e) => e && typeof e === 'object' && e.enter && 'mdxJsxFlowTag' in e.enter)) return true;
  return processor.attachers.some(([plugin]) => plugin.name === 'remarkMarkAndUnravel');
}

/** Every `quiz` code node, in document order, with where it sits. */
function quizNodes(node: Parent, found: { parent: Parent; node: Code }[] = []): { parent: Parent; node: Code }[] {
  for (const child of node.children as RootContent[]) {
    if (child.type === 'code' && child.lang === 'quiz') found.push({ parent: node, node: child });
    else if ('children' in child) quizNodes(child, found);
  }
  return found;
}

function textOf(file: VFile): string {
  return typeof file.value === 'string' ? file.value : new TextDecoder().decode(file.value);
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Replaces ```` ```quiz ```` code blocks with cards. The block's meta gives the card's attributes
 * (```` ```quiz count=3 pass-mark=80 shuffle title="Week 1" ````; see docs/static-sites.md).
 */
export default function remarkQuiz(this: Processor, options: QuizRemarkOptions = {}) {
  // eslint-disable-next-line @typescript-eslint/no-this-alias -- the transformer needs the frozen processor
  const processor = this;
  return (tree: Root, file: VFile): void => {
    const quizzes = quizNodes(tree);
    if (quizzes.length === 0) return;
    const path = file.path ? resolve(file.cwd, file.path) : undefined;
    const name = file.path ?? options.file ?? 'markdown';
    const fromCwd = path ? relative(file.cwd, path) : undefined;
    const idFile = fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : (options.file ?? name);
    const original = path ? readText(path) : null;
    const cut = original === null ? 0 : frontMatterLinesCut(original, textOf(file));
    const output = options.output ?? (isMdx(processor) ? 'mdx' : 'html');
    const failed: QuizProblem[] = [];
    const columnOf = new Map<QuizProblem, number>();

    quizzes.forEach(({ parent, node }, i) => {
      const start = node.position?.start ?? { line: 1, column: 1 };
      const line = start.line + cut;
      const block = readQuizBlock(
        { text: node.value, info: node.meta ?? '', file: name, idFile, line, index: i + 1 },
        options.render ? { render: options.render } : {},
      );
      for (const problem of block.problems) if (problem.line === line) columnOf.set(problem, start.column);
      if (mustFail(block, options.onProblem)) {
        failed.push(...block.problems);
        return;
      }
      for (const problem of block.problems) {
        file.message(problem.message, { place: { line: problem.line, column: columnOf.get(problem) ?? 1 }, source: 'quiz-elements', ruleId: 'quiz-block' });
      }
      const replacement: RootContent = output === 'mdx'
        ? ({ ...(block.bank && !options.render ? mdxCard(block.bank, block.attributes) : mdxRendered(block.html!)), position: node.position } as unknown as RootContent)
        : ({ type: 'html', value: block.html!, position: node.position } satisfies Html);
      parent.children[parent.children.indexOf(node)] = replacement;
    });

    if (failed.length) {
      const first = failed[0]!;
      const reason = failed.length === 1
        ? `${first.message} (quiz block; set the plugin's onProblem: 'warn' to build with what could be read)`
        : `${failed.length} problems in quiz blocks:\n${failed.map(formatProblem).join('\n')}\n(set the plugin's onProblem: 'warn' to build with what could be read)`;
      file.fail(reason, { place: { line: first.line, column: columnOf.get(first) ?? 1 }, source: 'quiz-elements', ruleId: 'quiz-block' });
    }
  };
}
