/**
 * Headings: which of them ask questions (numbered ones, ones that ask, ones over an answer or
 * choices, and statements at the level where most questions sit), which are sections (and what
 * kind: coding, a recap of answers), and which one is the document's title.
 */
import type { QuestionKind } from '../bank/types.js';
import type { Block } from './blocks.js';
import { isAnswerSummary, matchLabel } from './labels.js';
import { cleanText, isNeverQuestion, isQuestionLike, isShortLabel, splitHeadingNumbering, titleFrom } from './titles.js';

const RECAP_HEADING = /解析|answers?\b|explanations?\b|solutions?\b/i;
const CODING_HEADING = /编程题|代码题|coding|programming|code exercises?/i;
const CONCEPT_HEADING = /面试题|问题|题库|questions?\b|interview|quiz/i;
const DRAG_ORDER_LINE = /^\s*@dragdroporder\(/;
const LIA_BOX_LINE = /^\s*\[(?:\(|\[)[ xX](?:\)|\])\]/;

export type SectionKind = 'title' | 'concept' | 'coding' | 'recap' | 'prose';

export interface Section {
  level: number;
  kind: SectionKind;
  /** Plain title, for topics. */
  title: string;
  line: number;
  /** For recap sections: which questions it explains, when its heading says so. */
  recapOf?: QuestionKind;
}

export function classifyHeading(text: string): Pick<Section, 'kind' | 'recapOf'> {
  if (RECAP_HEADING.test(text)) {
    if (CODING_HEADING.test(text)) return { kind: 'recap', recapOf: 'coding' };
    return CONCEPT_HEADING.test(text) ? { kind: 'recap', recapOf: 'concept' } : { kind: 'recap' };
  }
  if (CODING_HEADING.test(text)) return { kind: 'coding' };
  if (CONCEPT_HEADING.test(text)) return { kind: 'concept' };
  return { kind: 'prose' };
}

/** `Title {#my-id}`: the text before and the id, or null without one. */
export function splitPinnedId(heading: string): { text: string; id: string } | null {
  const end = heading.trimEnd();
  if (!end.endsWith('}')) return null;
  const close = end.length - 1;
  const previousClose = end.lastIndexOf('}', close - 1);
  const open = end.indexOf('{#', previousClose + 1);
  if (open < 0 || open >= close) return null;
  // `\{#id}`: MDX needs the brace escaped, and Docusaurus escapes it on every line starting with `#`, fences included.
  const text = end.slice(0, open);
  return { text: (text.endsWith('\\') ? text.slice(0, -1) : text).trimEnd(), id: end.slice(open + 2, close) };
}

export interface HeadingInfo {
  index: number;
  block: Extract<Block, { type: 'heading' }>;
  /** Heading text without a pinned id. */
  text: string;
  pinnedId?: string;
  /** Plain text without numbering. */
  plain: string;
  number?: number;
  questionLike: boolean;
  /** The text under it (to the next heading) holds choices, an answer label or an answer in `<details>`. */
  evidence: boolean;
  /** Non-blank blocks before the next heading. */
  content: boolean;
  never: boolean;
}

export function headingInfo(blocks: readonly Block[], quizdown: boolean): HeadingInfo[] {
  const infos: HeadingInfo[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type !== 'heading') continue;
    const pinned = splitPinnedId(block.text);
    const text = pinned ? pinned.text : block.text;
    const numbered = splitHeadingNumbering(text);
    const renumbered = numbered.number === undefined ? titleFrom(text) : { title: cleanText(numbered.text), number: numbered.number };
    const plain = renumbered.title;
    let evidence = false;
    let content = false;
    for (let k = i + 1; k < blocks.length && blocks[k]!.type !== 'heading'; k++) {
      const next = blocks[k]!;
      if (next.type !== 'blank') content = true;
      if (!evidence) evidence = isEvidence(next, quizdown);
    }
    infos.push({
      index: i,
      block,
      text,
      ...(pinned ? { pinnedId: pinned.id } : {}),
      plain,
      ...(renumbered.number === undefined ? {} : { number: renumbered.number }),
      questionLike: isQuestionLike(plain),
      evidence,
      content,
      never: isNeverQuestion(plain),
    });
  }
  return infos;
}

/** A block that only a question holds: a checked box, LiaScript options, an answer label or an answer summary. */
function isEvidence(block: Block, quizdown: boolean): boolean {
  if (block.type === 'item') {
    if (block.box && (block.box.checked || block.box.kind !== 'task')) return true;
    // In quizdown every heading is a question; a plain numbered list under one is an ordering.
    if (quizdown && block.ordered) return true;
    return matchLabel(block.text)?.field === 'answer';
  }
  if (block.type === 'summary') return isAnswerSummary(block.text);
  if (block.type === 'paragraph') {
    const first = block.lines[0]!.text;
    const field = matchLabel(first)?.field;
    return field === 'answer' || field === 'prompt' || DRAG_ORDER_LINE.test(first) || LIA_BOX_LINE.test(first);
  }
  return false;
}

/** The heading questions: indices into `infos`, and whether numbering decides. */
export function headingQuestions(infos: readonly HeadingInfo[]): { questions: Set<number>; numbered: boolean } {
  const questions = new Set<number>();
  // Numbered mode: authors who number their questions number all of them, and only them.
  // A recap ("Answers explained") follows the questions it explains; before any, "Questions & Answers" is a section.
  const recapLevels: number[] = [];
  const numbered: number[] = [];
  /** Headings under a recap: they explain questions, they do not vote on what the questions are. */
  const underRecap = infos.map(() => false);
  for (let i = 0; i < infos.length; i++) {
    const info = infos[i]!;
    const level = info.block.level;
    while (recapLevels.length > 0 && recapLevels[recapLevels.length - 1]! >= level) recapLevels.pop();
    underRecap[i] = recapLevels.length > 0;
    if (info.number !== undefined && level >= 2 && recapLevels.length === 0 && info.plain) numbered.push(i);
    else if (info.number === undefined && numbered.length > 0 && classifyHeading(info.text).kind === 'recap') recapLevels.push(level);
  }
  const candidates = infos.filter((info, i) => !underRecap[i] && (info.questionLike || info.evidence)).length;
  if (numbered.length >= 1 && numbered.length * 2 >= candidates) {
    for (const i of numbered) questions.add(i);
    // An unnumbered heading with a question mark, at a level where numbered questions sit, is one the author did not number.
    const levels = new Set(numbered.map((i) => infos[i]!.block.level));
    infos.forEach((info, i) => {
      if (info.number === undefined && levels.has(info.block.level) && /[?？]/.test(info.plain) && info.content && !underRecap[i]) questions.add(i);
    });
    dropParents(infos, questions);
    return { questions, numbered: true };
  }

  // Free mode: headings that ask, or hold an answer; and, at the level where most questions
  // sit, headings that state their topic ("BERT parameter count") among mostly asking ones.
  const byLevel = new Map<number, { total: number; asking: number }>();
  for (const info of infos) {
    if (info.never) continue;
    const stats = byLevel.get(info.block.level) ?? { total: 0, asking: 0 };
    stats.total++;
    if (info.questionLike || info.evidence) stats.asking++;
    byLevel.set(info.block.level, stats);
  }
  let dominant = 0;
  let best = 0;
  for (const [level, stats] of byLevel) {
    if (stats.asking > best || (stats.asking === best && best > 0 && level > dominant)) [dominant, best] = [level, stats.asking];
  }
  const stats = byLevel.get(dominant);
  const uniform = !!stats && stats.asking >= 2 && stats.asking >= stats.total * 0.6;
  const textual = infos.filter((info) => info.block.level === dominant && info.questionLike).length;
  infos.forEach((info, i) => {
    if (info.never || !info.plain) return;
    const statement = uniform && textual > 0 && info.block.level === dominant && info.content && !isShortLabel(info.plain);
    if (info.questionLike || info.evidence || statement) questions.add(i);
  });
  dropParents(infos, questions);
  return { questions, numbered: false };
}

/**
 * A question heading with question headings under it and no text of its own is a section; so is
 * a lone first `#` heading over questions at deeper levels, even one that asks ("# What is
 * Kubernetes?"): it is the document's title.
 */
function dropParents(infos: readonly HeadingInfo[], questions: Set<number>): void {
  const first = infos[0];
  if (first && first.block.level === 1 && questions.has(0) && !infos.slice(1).some((info) => info.block.level === 1) && infos.slice(1).some((_, k) => questions.has(k + 1))) {
    questions.delete(0);
  }
  for (let i = 0; i < infos.length; i++) {
    if (!questions.has(i) || infos[i]!.content) continue;
    const level = infos[i]!.block.level;
    for (let k = i + 1; k < infos.length && infos[k]!.block.level > level; k++) {
      if (questions.has(k)) {
        questions.delete(i);
        break;
      }
    }
  }
}

/**
 * The title heading: the first heading, when it asks nothing, comes before the first question,
 * and no other such heading at its level does (a document of `# Lesson 1`, `# Lesson 2` has
 * sections, not a title).
 */
export function titleIndex(infos: readonly HeadingInfo[], isQuestion: (i: number) => boolean, firstQuestionLine: number): number {
  if (infos.length === 0 || isQuestion(0) || !infos[0]!.plain || infos[0]!.block.line >= firstQuestionLine) return -1;
  const level = infos[0]!.block.level;
  for (let i = 1; i < infos.length && infos[i]!.block.line < firstQuestionLine; i++) {
    if (!isQuestion(i) && infos[i]!.block.level === level) return -1;
  }
  return 0;
}
