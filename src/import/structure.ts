/**
 * Structure inference: where a document's questions are, read from its own shape. Each way of
 * writing questions (a "carrier") proposes the questions it sees: headings at some level,
 * bold question lines, `Q:`/`A:` pairs, list items, `<details>` pairs, numbered quote lines,
 * or bare choice lists under a stem. The carrier that finds the most wins; ties go to the
 * earlier one in that list. What the carrier leaves out is the title, sections (which become
 * topics) and prose (the description).
 */
import type { QuestionKind } from '../bank/types.js';
import type { Block, ItemBlock } from './blocks.js';
import { blocksText, removeIndent } from './blocks.js';
import { boldQuestion, hasAnswerLabel, hasChildren, isNavigationLink, itemQuestion, numberedBullet, questionLabel, quoteQuestion, topLevelItem, type Carrier } from './carriers.js';
import { findInteractions, type Interaction } from './choices.js';
import { classifyHeading, headingInfo, headingQuestions, splitPinnedId, titleIndex, type HeadingInfo, type Section, type SectionKind } from './headings.js';
import { isAnswerSummary, matchLabel } from './labels.js';
import { closesFence, fenceOpen, indentOf, isBlank, type Fence, type Line } from './source.js';
import { cleanText, isQuestionLike, splitHeadingNumbering, splitNumbering, titleFrom } from './titles.js';

export interface Draft {
  carrier: Carrier;
  line: number;
  /** The title's source text (markdown); empty when the question text must supply it. */
  title: string;
  number?: number;
  pinnedId?: string;
  /** Heading level, for heading questions. */
  level?: number;
  kind: QuestionKind;
  /** Question text after the title, dedented. */
  body: Line[];
  /** Enclosing sections, outermost first (the title excluded). */
  sections: Section[];
  /** The heading names a topic rather than asking; the question may be the text under it. */
  labelTitle?: boolean;
}

export interface RecapDraft {
  line: number;
  number: number;
  title: string;
  recapOf?: QuestionKind;
  /** Column where the item's text starts; indented lines at or past it belong to the item. */
  indent: number | null;
  /** Heading-style entries run until the next heading, list-style ones until text is outdented. */
  byHeading: boolean;
  lines: Line[];
}

/** Text that is no question: before the first question it describes the bank; after, it is left over. */
export interface ProseDraft {
  line: number;
  lines: Line[];
  /** Before the first question. */
  intro: boolean;
  /** The section the text is under, if any. */
  heading?: string;
  /** The first line is the section's heading (as `**Heading**`), not text of its own. */
  headed?: boolean;
}

export interface Outline {
  title?: string;
  carrier: Carrier | null;
  drafts: Draft[];
  recaps: RecapDraft[];
  prose: ProseDraft[];
  /** `Q:` and `A:` are labels in this document. */
  pairs: boolean;
  /** Problems of the document's structure, for the importer to report. */
  warnings: { line: number; message: string }[];
}

const RECAP_ITEM = /^(\s{0,3})(\d{1,4})[.)、]\s+\*\*(.+?)\*\*[ \t]*[:：]?$/;

interface Proposal {
  carrier: Carrier;
  count: number;
}

interface Proposals {
  heading: { questions: Set<number>; numbered: boolean };
  infos: HeadingInfo[];
  list: { starts: Map<number, 'nested' | 'flat'> };
  /** Every choice or ordering group of the document, in order. */
  interactions: Interaction[];
}

function propose(blocks: readonly Block[], lines: readonly Line[], quizdown: boolean): { proposals: Proposal[]; detail: Proposals } {
  const infos = headingInfo(blocks, quizdown);
  const heading = headingQuestions(infos);
  let bold = 0;
  let label = 0;
  let details = 0;
  let quote = 0;
  let nested = 0;
  let flatAsking = 0;
  const flat: number[] = [];
  const starts = new Map<number, 'nested' | 'flat'>();
  let openQuestion = false;
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (boldQuestion(block)) bold++;
    if (block.type === 'paragraph' && questionLabel(block.lines[0]!.text) !== null) openQuestion = true;
    if (openQuestion && block.type !== 'heading' && hasAnswerLabel(block)) {
      label++;
      openQuestion = false;
    }
    if (block.type === 'summary' && !isAnswerSummary(block.text) && blocks[i - 1]?.type === 'details') details++;
    if (quoteQuestion(block)) quote++;
    if (topLevelItem(block)) {
      const asks = itemQuestion(block) !== null;
      const bullet = numberedBullet(block);
      if (asks && hasChildren(blocks, i)) {
        nested++;
        starts.set(i, 'nested');
      } else if (asks && !bullet) {
        // An item that asks with nothing under it is a question without answer (it is skipped, with a warning).
        starts.set(i, 'nested');
      } else if (bullet) {
        flat.push(i);
        if (isQuestionLike(cleanText(bullet.text))) flatAsking++;
      }
    }
  }
  let list = nested;
  if (flatAsking >= 1 && flatAsking * 2 >= flat.length && flat.length > nested) {
    starts.clear();
    for (const i of flat) starts.set(i, 'flat');
    list = flat.length;
  }
  const interactions = findInteractions(lines, { quizdown });
  // A lone first "#" heading that asks is more likely the title over other questions than a question.
  const titleAsks = heading.questions.has(0) && infos[0]!.block.level === 1 && !infos.slice(1).some((info) => info.block.level === 1);
  const proposals: Proposal[] = [
    { carrier: 'heading', count: heading.questions.size - (titleAsks ? 1 : 0) },
    { carrier: 'details', count: details },
    { carrier: 'bold', count: bold },
    { carrier: 'label', count: label },
    { carrier: 'quote', count: quote },
    { carrier: 'list', count: list },
    { carrier: 'choice', count: interactions.length },
  ];
  return { proposals, detail: { heading, infos, list: { starts }, interactions } };
}

/** Finds the questions of a document. */
export function inferStructure(lines: readonly Line[], blocks: readonly Block[], quizdown: boolean): Outline {
  const { proposals, detail } = propose(blocks, lines, quizdown);
  let winner: Proposal | null = null;
  for (const proposal of proposals) if (proposal.count > 0 && (!winner || proposal.count > winner.count)) winner = proposal;
  // Nothing but a "#" heading that asks: a one-question document.
  if (!winner && detail.heading.questions.size > 0) winner = { carrier: 'heading', count: detail.heading.questions.size };
  const carrier = winner?.carrier ?? null;
  if (carrier === 'heading') return headingOutline(lines, detail.infos, detail.heading);
  return blockOutline(lines, blocks, detail.infos, carrier, detail.list.starts, detail.interactions);
}

// ---------------------------------------------------------------------------------------------
// Heading questions: a walk over the lines, as the seed documents need it (recap sections,
// coding sections, sub-headings inside answers).

type Current =
  | { type: 'question'; draft: Draft }
  | { type: 'recap'; draft: RecapDraft }
  | { type: 'prose'; draft: ProseDraft };

function headingOutline(lines: readonly Line[], infos: readonly HeadingInfo[], heading: { questions: Set<number>; numbered: boolean }): Outline {
  const byLine = new Map<Line, { info: HeadingInfo; index: number }>();
  infos.forEach((info, index) => byLine.set(info.block.lines[0]!, { info, index }));
  const firstQuestion = infos.find((_, i) => heading.questions.has(i))?.block.line ?? Infinity;
  const titleAt = titleIndex(infos, (i) => heading.questions.has(i), firstQuestion);
  const outline: Outline = { carrier: 'heading', drafts: [], recaps: [], prose: [], pairs: false, warnings: [] };
  const sections: Section[] = [];
  let current: Current | null = null;
  let fence: Fence | null = null;
  let seenQuestion = false;

  const finish = () => {
    if (current?.type === 'question') outline.drafts.push(current.draft);
    else if (current?.type === 'recap') outline.recaps.push(current.draft);
    else if (current?.type === 'prose' && current.draft.lines.slice(current.draft.headed ? 1 : 0).some((l) => !isBlank(l.text))) outline.prose.push(current.draft);
    current = null;
  };
  const popSections = (level: number) => {
    while (sections.length > 0 && sections[sections.length - 1]!.level >= level) sections.pop();
  };
  const innermost = (...kinds: SectionKind[]) => [...sections].reverse().find((s) => kinds.includes(s.kind));
  const addText = (entry: Line) => {
    if (!current) {
      const heading = [...sections].reverse().find((s) => s.kind !== 'title')?.title;
      current = { type: 'prose', draft: { line: entry.line, lines: [], intro: !seenQuestion, ...(heading ? { heading } : {}) } };
    }
    if (current.type === 'question') current.draft.body.push(entry);
    else current.draft.lines.push(entry);
  };

  for (const entry of lines) {
    const { text } = entry;
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      addText(entry);
      continue;
    }
    const opened = fenceOpen(text);
    if (opened) {
      // A fence outdented below a list-style recap item ends that item, like any other text.
      if (current?.type === 'recap' && !current.draft.byHeading && current.draft.indent !== null && indentOf(text) < current.draft.indent) finish();
      fence = opened;
      addText(entry);
      continue;
    }

    const found = byLine.get(entry);
    if (found) {
      const { info, index } = found;
      const level = info.block.level;
      const headingText = info.text;
      const isQuestion = heading.questions.has(index);
      // A numbered heading below a recap heading explains a question; at or above it, it is one.
      const recap = [...sections].reverse().find((s) => s.kind === 'recap' && s.level < level);
      if (heading.numbered && recap && info.number !== undefined && !isQuestion) {
        finish();
        current = { type: 'recap', draft: { line: entry.line, number: info.number, title: info.plain, recapOf: recap.recapOf, indent: null, byHeading: true, lines: [] } };
        continue;
      }
      if (isQuestion) {
        finish();
        popSections(level);
        seenQuestion = true;
        const kind: QuestionKind = innermost('coding', 'concept')?.kind === 'coding' ? 'coding' : 'concept';
        const numbered = splitHeadingNumbering(headingText);
        current = {
          type: 'question',
          draft: {
            carrier: 'heading',
            line: entry.line,
            title: numbered.text,
            ...(info.number === undefined ? {} : { number: info.number }),
            ...(info.pinnedId === undefined ? {} : { pinnedId: info.pinnedId }),
            level,
            kind,
            body: [],
            sections: sections.filter((s) => s.kind !== 'title'),
            labelTitle: !info.questionLike,
          },
        };
        continue;
      }
      if (index === titleAt) {
        finish();
        outline.title = info.plain;
        sections.push({ level, kind: 'title', title: info.plain, line: entry.line });
        continue;
      }
      const classified = classifyHeading(headingText);
      const section = classified.kind === 'recap' && !seenQuestion ? { kind: 'concept' as const } : classified;
      if (current?.type === 'question' && level > (current.draft.level ?? 0) && section.kind === 'prose') {
        addText(entry); // a sub-heading inside a question's text
        continue;
      }
      finish();
      popSections(level);
      sections.push({ level, ...section, title: info.plain, line: entry.line });
      if (section.kind === 'prose') {
        current = { type: 'prose', draft: { line: entry.line, lines: [{ text: `**${info.plain}**`, line: entry.line }, { text: '', line: entry.line }], intro: !seenQuestion, heading: info.plain, headed: true } };
      }
      continue;
    }

    const recap = innermost('recap');
    const item = recap && heading.numbered ? RECAP_ITEM.exec(text.trimEnd()) : null;
    if (recap && item) {
      finish();
      current = {
        type: 'recap',
        draft: { line: entry.line, number: Number(item[2]), title: cleanText(item[3]!), recapOf: recap.recapOf, indent: text.indexOf('**'), byHeading: false, lines: [] },
      };
      continue;
    }
    if (current?.type === 'recap' && !current.draft.byHeading && !isBlank(text)) {
      // The first text line decides whether this list uses indented item bodies.
      const hasText = current.draft.lines.some((l) => !isBlank(l.text));
      if (!hasText && indentOf(text) < (current.draft.indent ?? 0)) current.draft.indent = null;
      if (current.draft.indent !== null && indentOf(text) < current.draft.indent) finish();
    }
    addText(entry);
  }
  finish();
  return outline;
}

// ---------------------------------------------------------------------------------------------
// Questions carried by other blocks: headings are sections, the carrier's blocks start questions.

/** A lone bullet under a question is its answer, not a list of one: its marker goes (a label or a box stays as written). */
function unwrapLoneBullet(body: Line[]): Line[] {
  const filled = body.filter((l) => !isBlank(l.text));
  const first = filled[0];
  const marker = first ? /^[-*+][ \t]+/.exec(first.text) : null;
  if (!first || !marker || /^\[[ xX]\]/.test(first.text.slice(marker[0].length)) || matchLabel(first.text.slice(marker[0].length)) || filled.slice(1).some((l) => /^\S/.test(l.text))) return body;
  const width = marker[0].length;
  return body.map((l) => ({ ...l, text: l === first ? l.text.slice(width) : removeIndent(l.text, width) }));
}

function blockOutline(
  lines: readonly Line[],
  blocks: readonly Block[],
  infos: readonly HeadingInfo[],
  carrier: Carrier | null,
  listStarts: ReadonlyMap<number, 'nested' | 'flat'>,
  interactions: readonly Interaction[],
): Outline {
  const outline: Outline = { carrier, drafts: [], recaps: [], prose: [], pairs: carrier === 'label', warnings: [] };
  const titleAt = titleIndex(infos, () => false, firstQuestionLine(blocks, carrier, listStarts, lines, interactions));
  const titleBlock = titleAt >= 0 ? infos[titleAt]!.index : -1;
  if (titleAt >= 0) outline.title = infos[titleAt]!.plain;
  const sections: Section[] = [];
  let draft: Draft | null = null;
  let prose: ProseDraft | null = null;
  let seenQuestion = false;
  const interactionStarts = carrier === 'choice' ? choiceStems(lines, blocks, interactions) : new Map<number, number>();

  const finish = () => {
    if (draft) outline.drafts.push(draft);
    if (prose && prose.lines.slice(prose.headed ? 1 : 0).some((l) => !isBlank(l.text))) outline.prose.push(prose);
    draft = null;
    prose = null;
  };
  const start = (line: number, title: string, body: Line[], extra: Partial<Draft> = {}) => {
    finish();
    seenQuestion = true;
    const kind: QuestionKind = [...sections].reverse().find((s) => s.kind === 'coding' || s.kind === 'concept')?.kind === 'coding' ? 'coding' : 'concept';
    draft = { carrier: carrier!, line, title, kind, body, sections: [...sections], ...extra };
  };
  const addProse = (block: Block, strip = 0) => {
    if (draft) {
      draft.body.push(...blocksText([block], strip));
      return;
    }
    if (!prose) {
      const heading = [...sections].reverse().find((s) => s.kind !== 'title')?.title;
      prose = { line: block.line, lines: [], intro: !seenQuestion, ...(heading ? { heading } : {}) };
    }
    prose.lines.push(...blocksText([block]));
  };

  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (block.type === 'heading') {
      finish();
      if (i === titleBlock) continue;
      const plain = titleFrom(splitPinnedId(block.text)?.text ?? block.text).title;
      while (sections.length > 0 && sections[sections.length - 1]!.level >= block.level) sections.pop();
      sections.push({ level: block.level, ...classifyHeading(block.text), title: plain, line: block.line });
      prose = { line: block.line, lines: [{ text: `**${plain}**`, line: block.line }, { text: '', line: block.line }], intro: !seenQuestion, heading: plain, headed: true };
      continue;
    }
    if (carrier === 'bold') {
      const bold = boldQuestion(block);
      if (bold) {
        start(block.line, bold.title, block.lines.slice(1), bold.number === undefined ? {} : { number: bold.number });
        continue;
      }
    }
    if (carrier === 'label' && block.type === 'paragraph' && questionLabel(block.lines[0]!.text) !== null) {
      start(block.line, '', [...block.lines]);
      continue;
    }
    if (carrier === 'quote') {
      const quote = quoteQuestion(block);
      if (quote) {
        start(block.line, quote.title, [], quote.number === undefined ? {} : { number: quote.number });
        continue;
      }
    }
    if (carrier === 'details' && block.type === 'details') {
      const summary = blocks[i + 1];
      if (summary?.type === 'summary' && !isAnswerSummary(summary.text)) {
        // The answer runs to "</details>"; a "<details>" that is never closed ends at the next one (or a heading), with a warning.
        let end = i + 2;
        while (end < blocks.length && !['details-end', 'details', 'heading'].includes(blocks[end]!.type)) end++;
        if (blocks[end]?.type !== 'details-end') outline.warnings.push({ line: block.line, message: 'this <details> is never closed with </details>; its answer ends where the next question starts' });
        const inner = blocks.slice(i + 2, end);
        const indents = inner.filter((b) => b.type !== 'blank').map((b) => b.indent);
        start(summary.line, summary.text, blocksText(inner, indents.length ? Math.min(...indents) : 0));
        finish();
        i = blocks[end]?.type === 'details-end' ? end : end - 1;
        continue;
      }
    }
    if (carrier === 'list' && listStarts.has(i)) {
      const item = block as ItemBlock;
      if (listStarts.get(i) === 'nested') {
        const question = itemQuestion(item)!;
        const body: Line[] = item.lines.slice(1).map((l) => ({ ...l, text: removeIndent(l.text, item.content) }));
        let end = i + 1;
        for (; end < blocks.length; end++) {
          const next = blocks[end]!;
          if (next.type === 'heading' || listStarts.has(end)) break;
          // A field written outdented (`- Choices:` at the left margin) still belongs to the question above it.
          const field = next.type === 'item' && next.indent < item.content ? matchLabel(next.text) : null;
          if (next.type !== 'blank' && next.indent < item.content && !(field && field.field !== 'prompt')) break;
          body.push(...blocksText([next], field ? next.indent : item.content));
        }
        const numbered = splitNumbering(question);
        start(item.line, numbered.text, unwrapLoneBullet(body), numbered.number === undefined ? {} : { number: numbered.number });
        // The item and its children are the whole question: what follows is not its answer.
        finish();
        i = end - 1;
        continue;
      }
      const bullet = numberedBullet(item)!;
      start(item.line, bullet.text, item.lines.slice(1), { number: bullet.number });
      for (let end = i + 1; end < blocks.length; end++) {
        const next = blocks[end]!;
        if (next.type === 'heading' || listStarts.has(end)) break;
        // Sibling bullets are the answer: their markers go, they read as lines of the answer.
        draft!.body.push(...(next.type === 'item' && next.indent <= item.indent ? blocksText([next]).map((l, k) => (k === 0 ? { ...l, text: l.text.replace(/^\s*[-*+]\s?/, '') } : l)) : blocksText([next])));
        i = end;
      }
      continue;
    }
    if (carrier === 'choice' && interactionStarts.has(i)) {
      // The heading right above a question with no words of its own ("## Pick the capital", then options) is its title.
      const heading = prose?.headed && !prose.lines.slice(1).some((l) => !isBlank(l.text)) ? sections[sections.length - 1]?.title : undefined;
      if (heading) prose = null;
      start(block.line, heading ?? '', [], heading ? { labelTitle: true } : {});
      const end = interactionStarts.get(i)!;
      for (let k = i; k < end; k++) draft!.body.push(...blocksText([blocks[k]!]));
      i = end - 1;
      continue;
    }
    if (block.type === 'paragraph' && isNavigationLink(block)) continue;
    addProse(block);
  }
  finish();
  return outline;
}

/** The line of the first block the carrier starts a question with. */
function firstQuestionLine(blocks: readonly Block[], carrier: Carrier | null, listStarts: ReadonlyMap<number, 'nested' | 'flat'>, lines: readonly Line[], interactions: readonly Interaction[]): number {
  if (carrier === 'choice') {
    const first = interactions[0];
    return first ? lines[first.start]!.line : Infinity;
  }
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i]!;
    if (
      (carrier === 'bold' && boldQuestion(block)) ||
      (carrier === 'label' && block.type === 'paragraph' && questionLabel(block.lines[0]!.text) !== null) ||
      (carrier === 'quote' && quoteQuestion(block)) ||
      (carrier === 'details' && block.type === 'details') ||
      (carrier === 'list' && listStarts.has(i))
    ) {
      return block.line;
    }
  }
  return Infinity;
}

/**
 * For documents whose questions are bare choice lists: the block where each question's text
 * starts (the stem: text since the previous question, a heading or a break), mapped to the block
 * after its options and the text that follows them.
 */
function choiceStems(lines: readonly Line[], blocks: readonly Block[], groups: readonly Interaction[]): Map<number, number> {
  const lineToBlock = new Map<Line, number>();
  blocks.forEach((block, i) => block.lines.forEach((l) => lineToBlock.set(l, i)));
  const starts = new Map<number, number>();
  let previousEnd = 0;
  const groupBlocks = groups.map((group) => ({ first: lineToBlock.get(lines[group.start]!) ?? 0, last: lineToBlock.get(lines[Math.max(group.start, group.end - 1)]!) ?? 0 }));
  groupBlocks.forEach(({ first, last }, g) => {
    let stem = first;
    // The stem: paragraphs (and quotes, code, images) right before the options, back to a heading, break or the previous question.
    while (stem - 1 >= previousEnd && !['heading', 'break', 'details', 'details-end', 'summary'].includes(blocks[stem - 1]!.type)) stem--;
    while (stem < first && blocks[stem]!.type === 'blank') stem++;
    // Text after the options (an explanation) runs to the next question's stem; decided below.
    const nextFirst = groupBlocks[g + 1]?.first ?? blocks.length;
    let end = last + 1;
    while (end < nextFirst && blocks[end]!.type !== 'heading' && blocks[end]!.type !== 'break' && (blocks[end]!.type === 'blank' || blocks[end]!.type === 'quote' || isNavigationLink(blocks[end]!))) end++;
    starts.set(stem, end);
    previousEnd = end;
  });
  return starts;
}
