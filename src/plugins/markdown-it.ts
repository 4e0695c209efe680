/**
 * `quiz-elements/markdown-it`: a markdown-it plugin (VitePress, Eleventy, any markdown-it site)
 * that turns each ```` ```quiz ```` fence into a `<quiz-card>` with its questions inline, read at
 * build time, so a problem stops the build at the markdown file's line.
 *
 * ```js
 * import quizPlugin from 'quiz-elements/markdown-it';
 * md.use(quizPlugin, { onProblem: 'error' });
 * ```
 */
import { readFileSync } from 'node:fs';
import { isAbsolute, relative } from 'node:path';
import type { MarkdownIt, StateCore } from 'markdown-it';
import {
  formatProblem,
  frontMatterLinesCut,
  mustFail,
  QuizBlockError,
  readQuizBlock,
  type OnProblem,
  type QuizHtmlTarget,
  type QuizProblem,
  type RenderCard,
} from './quiz-block.js';

export { QuizBlockError, type OnProblem, type QuizCardAttributeValues, type QuizHtmlTarget, type QuizProblem, type RenderCard } from './quiz-block.js';

/** Options of the markdown-it plugin. */
export interface QuizMarkdownItOptions {
  /**
   * `'error'` (default): any problem of a block (a question skipped, an unknown option) throws,
   * with `file:line` of each, and the build stops. `'warn'`: problems are printed and the questions
   * that could be read are shown. A block with no question to show throws either way.
   */
  onProblem?: OnProblem;
  /**
   * The markdown file's name for messages when the render's `env` gives none (`env.path`, VitePress
   * `env.relativePath`, Eleventy `env.page.inputPath`).
   */
  file?: string;
  /**
   * `'vue'` writes the card for a Vue template, where `<script>` elements are dropped (VitePress);
   * `'html'` plain HTML. By default `'vue'` when the render's env has VitePress's `relativePath`.
   */
  target?: QuizHtmlTarget;
  /** Server-renders each card instead (see `RenderCard`). */
  render?: RenderCard;
  /** Where `'warn'` prints problems; `console.warn` by default. */
  warn?: (message: string) => void;
}

/** What markdown-it's `env` may tell of the file being rendered. */
interface SiteEnv {
  path?: unknown;
  relativePath?: unknown;
  page?: { inputPath?: unknown };
}

const INSTALLED = Symbol.for('quiz-elements.markdown-it');
const INFO = /^quiz(?:\s+|$)/;

/** The first of `values` that is a non-empty string. */
function firstString(...values: unknown[]): string | undefined {
  return values.find((v): v is string => typeof v === 'string' && v !== '');
}

/** `path` relative to the working directory when it lies inside it, for stable bank ids. */
function fromCwd(path: string | undefined): string | undefined {
  if (!path || !isAbsolute(path)) return path;
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith('..') && !isAbsolute(inside) ? inside : path;
}

function readText(path: string | undefined): string | null {
  if (!path) return null;
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/**
 * Replaces ```` ```quiz ```` fences with cards: `md.use(quizPlugin, options)`. The fence's info
 * string gives the card's attributes (`count=3 pass-mark=80 shuffle title="Week 1"`; see
 * docs/static-sites.md). Using it twice on one instance installs it once.
 */
export function quizPlugin(md: MarkdownIt, options: QuizMarkdownItOptions = {}): void {
  const marked = md as MarkdownIt & { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;

  // The text the caller gave, before a plugin such as VitePress's front matter one cut it.
  const given = new WeakMap<object, string>();
  const parse = md.parse.bind(md);
  md.parse = (src: string, env: Parameters<MarkdownIt["parse"]>[1]) => {
    if (env && typeof env === 'object') given.set(env, src);
    return parse(src, env);
  };

  md.core.ruler.after('block', 'quiz_block', (state: StateCore) => {
    const quizzes = state.tokens.filter((t) => t.type === 'fence' && INFO.test(t.info.trim()));
    if (quizzes.length === 0) return;
    const env = (state.env && typeof state.env === 'object' ? state.env : {}) as SiteEnv;
    const pagePath = firstString(env.page?.inputPath);
    const file = firstString(env.path, pagePath, env.relativePath, options.file) ?? 'markdown';
    const idFile = firstString(env.relativePath, pagePath, fromCwd(firstString(env.path)), options.file) ?? file;
    const passed = given.get(env);
    const original = passed !== undefined && passed !== state.src ? passed : readText(firstString(env.path, pagePath));
    const cut = original === null ? 0 : frontMatterLinesCut(original, state.src);
    const target = options.target ?? (typeof env.relativePath === 'string' ? 'vue' : 'html');
    const failed: QuizProblem[] = [];

    quizzes.forEach((token, i) => {
      const line = (token.map?.[0] ?? 0) + 1 + cut;
      const block = readQuizBlock(
        { text: token.content, info: token.info.trim().replace(INFO, ''), file, idFile, line, index: i + 1 },
        { target, ...(options.render ? { render: options.render } : {}) },
      );
      if (mustFail(block, options.onProblem)) {
        failed.push(...(block.problems.length ? block.problems : [{ severity: 'error' as const, file, line, message: 'the quiz block gave no card' }]));
        return;
      }
      if (block.problems.length) (options.warn ?? console.warn)(`quiz-elements: ${block.problems.map(formatProblem).join('\n')}`);
      const html = new state.Token('html_block', '', 0);
      html.content = `${block.html}\n`;
      html.block = true;
      html.map = token.map;
      state.tokens[state.tokens.indexOf(token)] = html;
    });
    if (failed.length) throw new QuizBlockError(failed);
  });
}

export default quizPlugin;
