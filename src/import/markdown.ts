import { BANK_FORMAT, type Bank, type Question, type QuestionKind } from '../bank/types.js';
import { scanBlocks } from './blocks.js';
import type { ImportDiagnostic } from './diagnostics.js';
import { Diagnostics, nothingRead, settleImport } from './report.js';
import { detectLanguage } from './language.js';
import { fitField, FIELD_LIMIT } from './limits.js';
import { buildQuestion, joinLines } from './question.js';
import { isSlug, normalizeTitle, questionIdFromTitle, uniqueIds } from './question-id.js';
import { prepareSource, type Line } from './source.js';
import { inferStructure, type Draft, type ProseDraft, type RecapDraft } from './structure.js';
import type { Section } from './headings.js';
import { isNeverQuestion, titleFrom } from './titles.js';
import { assignTopics, bankTopics, isGenericSection, sectionTopics, type TopicRules } from './topics.js';
import { bankShortTitle, dropInvalidQuestions, fileTitle, fitQuestion, orderQuestionKeys, pickId, pickLanguage } from './assemble.js';
import { linkVariantsInBank } from './variants.js';
import { trueFalseAnswer } from '../interactions/true-false/true-false.js';

export interface ImportOptions {
  /**
   * Topic rules (`data/topics.json` is an example): a question gets every topic with a keyword in
   * its title, else the one whose keywords its text holds most, else its section's topic, else
   * the rules' fallback. Without rules, a question's section is its topic, else one neutral topic
   * ("General").
   */
  topics?: TopicRules;
  /** Name used in diagnostics and, without `id`, for the bank id. */
  file?: string;
  /** Bank id; otherwise front matter `id`, the file name, or the title. */
  id?: string;
  /** BCP 47 tag; otherwise front matter `language`, or detected from the text. */
  language?: string;
  /** The bank's `shortTitle` (a word or two, one line); otherwise front matter `shortTitle` (markdown), else none. */
  shortTitle?: string;
  /** Warnings are errors: no bank is returned when there is any (for authors who check banks in CI). */
  strict?: boolean;
  /**
   * Throw an `ImportError` (its `diagnostics` are every diagnostic of the import) instead of
   * returning `bank: null`, for callers that would rather catch than check. With `strict`, any
   * warning throws.
   */
  throwOnError?: boolean;
}

export interface ImportResult {
  /** Null when there are errors: a partial bank is never returned. */
  bank: Bank | null;
  diagnostics: ImportDiagnostic[];
  /** The line where each question of the bank starts in the document, in the bank's order (for editors and previews). */
  lines?: number[];
}

/** What an import with `throwOnError: true` returns: it has a bank, or it threw an `ImportError`. */
export interface ImportSuccess extends ImportResult {
  bank: Bank;
  lines: number[];
}

/** Wiki links to headings and embeds (`[[#Heading]]`, `[[Page#Part]]`, `![[image]]`): a document of linked notes. */
const WIKI_LINK = /!\[\[|\[\[[^\]\n]{0,300}#/;
const ORDERED_TASK = /^[ \t]{0,3}\d{1,9}[.)][ \t]+\[[ xX]\][ \t]/m;
const UNORDERED_TASK = /^[ \t]{0,3}[-*+][ \t]+\[[ xX]\][ \t]/m;
const NO_QUESTION =
  'no question found. The importer reads questions as headings ("## What is overfitting?"), bold lines ("**Q1: …**"), "Q:"/"A:" lines, list items with the answer under them, <details><summary>question</summary>answer</details>, or choice lists ("- [x] right", "- [ ] wrong"); see docs/bank-authoring.md';

/**
 * Turns a Q&A markdown document (any reasonable layout, quizdown or LiaScript quizzes) into a
 * bank, or explains why not: problems are diagnostics, and `bank` is null when there is an error.
 * With `throwOnError: true` it throws an `ImportError` instead.
 */
export function importMarkdown(source: string, options: ImportOptions & { throwOnError: true }): ImportSuccess;
export function importMarkdown(source: string, options?: ImportOptions): ImportResult;
export function importMarkdown(source: string, options: ImportOptions = {}): ImportResult {
  return settleImport(readMarkdown(source, options), options);
}

function readMarkdown(source: string, options: ImportOptions): ImportResult {
  const file = options.file ?? 'document.md';
  const diagnostics = new Diagnostics(file);
  const prepared = prepareSource(source, file, diagnostics.list);
  const { lines, meta } = prepared;
  // Quizdown without its block: a document that writes both ordered and unordered task lists.
  const quizdown = prepared.quizdown || (ORDERED_TASK.test(source) && UNORDERED_TASK.test(source));
  const blocks = scanBlocks(lines);
  for (const block of blocks) {
    if (block.type === 'fence' && !block.closed) {
      const marker = block.lines[0]!.text.trim().match(/^(`{3,}|~{3,})/)?.[1] ?? '```';
      diagnostics.warn(block.line, `code fence ${marker} is never closed, so everything after it is shown as code; close it with ${marker} on a line of its own`);
    }
  }
  const outline = inferStructure(lines, blocks, quizdown);
  for (const { line, message } of outline.warnings) diagnostics.warn(line, message);
  const detected = detectLanguage(source);
  const chinese = detected === 'zh-CN';

  if (outline.drafts.length === 0) {
    diagnostics.fail(1, NO_QUESTION);
    return { bank: null, diagnostics: diagnostics.finish(false) };
  }

  const context = { chinese, quizdown, pairs: outline.pairs, wikiLinks: WIKI_LINK.test(source), warn: diagnostics.warn };

  const built: { question: Question; draft: Draft; titleFromText: boolean }[] = [];
  for (const draft of outline.drafts) {
    const result = buildQuestion(draft, context);
    if (result) built.push({ question: result.question, draft, titleFromText: result.titleFromText });
  }
  nameAlikeQuestions(built);
  const description = outline.prose.filter((p) => p.intro).map((p) => joinLines(withoutContents(p.lines))).filter(Boolean);
  mergeRecaps(outline.recaps, built, description, diagnostics.warn);
  for (const prose of outline.prose.filter((p) => !p.intro)) {
    const text = joinLines(withoutContents(prose.lines));
    if (!text) continue;
    description.push(text);
    const described = describeProse(prose);
    diagnostics.warn(described.line, `${described.text} belongs to no question; it is kept in the bank description`);
  }

  if (built.length === 0) {
    diagnostics.fail(1, nothingRead(diagnostics.list));
    return { bank: null, diagnostics: diagnostics.finish(false) };
  }

  const language = pickLanguage(options.language ?? meta.language ?? meta.lang, () => detected, diagnostics);
  const bankTitle = (meta.title?.trim() || outline.title || fileTitle(file)).replace(/\s+/g, ' ').trim() || 'Questions';
  const id = pickId(options.id ?? meta.id, file, bankTitle, diagnostics);
  const shortTitle = bankShortTitle(options.shortTitle ?? meta.shorttitle ?? meta['short-title'] ?? meta.short_title);

  for (const { question, draft } of built) {
    fitQuestion(question, draft.line, diagnostics);
    // True or false in the bank's words, now that its language is known.
    if (question.type === 'true-false') question.answer = trueFalseAnswer(question.isTrue === true, language);
  }
  const ids = uniqueIds(built.map(({ question, draft }) => pinnedId(draft, diagnostics) ?? questionIdFromTitle(question.title)));
  const sectionsOf = new Map<Question, Section[]>();
  built.forEach(({ question, draft }, i) => {
    question.id = ids[i]!;
    sectionsOf.set(question, draft.sections);
  });
  const questions = built.map((b) => b.question);
  const topics = sectionTopics(questions, (q) => innermostSection(sectionsOf.get(q) ?? []), language);
  for (const question of questions) question.topics = options.topics ? assignTopics(question, options.topics, topics.of(question)) : [topics.of(question)?.id ?? topics.neutral.id];
  linkVariantsInBank(questions);

  const used = new Set(questions.flatMap((q) => q.topics));
  const descriptionText = fitField(description.join('\n\n'), (cut) => diagnostics.warn(1, `the bank description has ${cut} characters; it is cut to ${FIELD_LIMIT.toLocaleString('en')}`));
  let bank: Bank = {
    format: BANK_FORMAT,
    id,
    title: [...bankTitle].slice(0, 300).join(''),
    ...(shortTitle ? { shortTitle } : {}),
    language,
    ...(descriptionText ? { description: descriptionText } : {}),
    topics: bankTopics(used, options.topics, language, topics.all),
    questions: questions.map(orderQuestionKeys),
  };
  bank = dropInvalidQuestions(bank, built.map((b) => b.draft.line), diagnostics);
  if (bank.questions.length === 0) diagnostics.fail(1, nothingRead(diagnostics.list));
  const list = diagnostics.finish(options.strict ?? false);
  if (list.some((d) => d.severity === 'error')) return { bank: null, diagnostics: list };
  const lineOf = new Map(built.map((b) => [b.question.id, b.draft.line]));
  return { bank, diagnostics: list, lines: bank.questions.map((q) => lineOf.get(q.id) ?? 1) };
}

/**
 * Questions that ask the same words under different headings ("What is this tool called?" under
 * "Tools I", "Tools II" with a picture each) are different questions, not variants of one: their
 * titles get the heading.
 */
function nameAlikeQuestions(built: readonly { question: Question; draft: Draft; titleFromText: boolean }[]): void {
  for (const group of groupByTitle(built.filter((entry) => entry.titleFromText)).values()) {
    const labels = group.map((entry) => titleFrom(entry.draft.title, { numbering: false }).title);
    if (group.length < 2 || new Set(labels).size < group.length) continue;
    group.forEach((entry, i) => (entry.question.title = `${entry.question.title} (${labels[i]})`));
  }
}

/** Questions grouped by title as variants compare them (normalized), in document order. */
function groupByTitle<T extends { question: Question }>(entries: readonly T[]): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const entry of entries) {
    const key = normalizeTitle(entry.question.title);
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  return groups;
}

function describeProse(prose: ProseDraft): { line: number; text: string } {
  const heading = prose.heading;
  const first = prose.headed ? prose.line : (prose.lines.find((l) => l.text.trim())?.line ?? prose.line);
  const last = [...prose.lines].reverse().find((l) => l.text.trim())?.line ?? prose.line;
  const where = last > first ? `lines ${first}–${last}` : `line ${first}`;
  return { line: first, text: heading ? `the text under "${heading}" (${where})` : `text at ${where}` };
}

/** Drops generated tables of contents (lists and tables of links inside the page) and "Table of contents" sections. */
function withoutContents(lines: readonly Line[]): Line[] {
  const first = lines.find((l) => l.text.trim())?.text.trim() ?? '';
  const heading = /^\*\*(.+)\*\*$/.exec(first)?.[1];
  if (heading && isNeverQuestion(heading) && /content|目录|toc|inhalt|índice|indice|contenido/i.test(heading)) return [];
  const out: Line[] = [];
  for (const block of scanBlocks(lines)) {
    if (block.type === 'item' && INNER_LINK.test(block.text)) continue;
    if (block.type === 'table' && block.lines.filter((l) => INNER_LINK.test(l.text)).length * 2 >= block.lines.length - 2 && block.lines.some((l) => INNER_LINK.test(l.text))) continue;
    out.push(...block.lines);
  }
  return out;
}

/** A link to a place in the same page: `](#anchor)` or an Obsidian `[[#heading]]`. */
const INNER_LINK = /\]\(#[^)\s]*\)|\[\[#/;

function innermostSection(sections: readonly Section[]): Section | undefined {
  for (let i = sections.length - 1; i >= 0; i--) {
    const section = sections[i]!;
    if (section.kind !== 'title' && section.kind !== 'recap' && section.title && !isGenericSection(section.title)) return section;
  }
  return undefined;
}

function pinnedId(draft: Draft, diagnostics: Diagnostics): string | undefined {
  if (draft.pinnedId === undefined) return undefined;
  if (isSlug(draft.pinnedId)) return draft.pinnedId;
  diagnostics.warn(draft.line, `pinned id {#${draft.pinnedId}} is not a slug (lower-case letters, digits, single hyphens); using one made from the title`);
  return undefined;
}

/**
 * A recap entry without the blocks its question's answer already holds word for word (the same
 * code, the same paragraph), so the explanation does not show them twice.
 */
function withoutRepeats(lines: readonly Line[], answer: string): Line[] {
  const kept: Line[] = [];
  for (const block of scanBlocks(lines)) {
    const text = joinLines(block.lines);
    const inner = block.type === 'fence' ? joinLines(block.lines.slice(1, block.closed ? -1 : undefined)) : text;
    if (block.type !== 'blank' && inner.trim().length >= 20 && answer.includes(inner.trim())) continue;
    kept.push(...block.lines);
  }
  return kept;
}

/**
 * Recap sections repeat earlier questions with fuller explanations; each entry is appended to
 * its question's explanation. An entry matches by title, preferring the question of the kind
 * the recap heading names and the same number, so repeated titles find the right one.
 */
function mergeRecaps(
  recaps: readonly RecapDraft[],
  built: readonly { question: Question; draft: Draft }[],
  description: string[],
  warn: (line: number, message: string) => void,
): void {
  if (recaps.length === 0) return;
  const byTitle = groupByTitle(built);
  for (const recap of recaps) {
    const lines = recap.indent ? dedentLines(recap.lines, recap.indent) : recap.lines;
    const text = joinLines(lines);
    const candidates = byTitle.get(normalizeTitle(recap.title)) ?? [];
    const rank = ({ draft }: { draft: Draft }) => (recap.recapOf && draft.kind !== recap.recapOf ? 2 : 0) + (draft.number !== recap.number ? 1 : 0);
    const match = [...candidates].sort((a, b) => rank(a) - rank(b))[0];
    if (!match) {
      warn(recap.line, `explanation "${recap.title}" matches no question title; kept in the bank description`);
      description.push(joinLines([{ text: `**${recap.title}**`, line: recap.line }, { text: '', line: recap.line }, ...recap.lines]));
      continue;
    }
    if (!text) {
      warn(recap.line, `explanation "${recap.title}" has no content`);
      continue;
    }
    const question = match.question;
    const fresh = joinLines(withoutRepeats(lines, question.answer));
    if (!fresh) continue;
    question.explanation = question.explanation ? `${question.explanation}\n\n${fresh}` : fresh;
  }
}

function dedentLines(lines: readonly Line[], indent: number): Line[] {
  return lines.map((l) => ({ ...l, text: l.text.replace(new RegExp(`^ {0,${indent}}`), '') }));
}

export type { QuestionKind };

export { Diagnostics, reportWarnings } from './report.js';
export { looksLikeGift } from './format.js';
/** The importer under the name the bank loader calls every importer by. */
export { importMarkdown as importText };
