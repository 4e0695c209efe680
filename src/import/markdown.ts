import { BANK_FORMAT, type Bank, type Question, type QuestionKind } from '../bank/types.js';
import { validateBank } from '../bank/validate.js';
import type { ImportDiagnostic } from './diagnostics.js';
import { labelName, matchLabel, type Field } from './labels.js';
import { asciiSlug, isSlug, normalizeTitle, questionIdFromTitle, uniqueIds } from './question-id.js';
import { assignTopics, bankTopics, type TopicRules } from './topics.js';
import { linkVariantsInBank } from './variants.js';

export interface ImportOptions {
  /** Topic rules (`data/topics.json`); every question gets at least one topic from them. */
  topics: TopicRules;
  /** Name used in diagnostics and, without `id`, for the bank id. */
  file?: string;
  /** Bank id; otherwise front matter `id`, the file name, or the title. */
  id?: string;
  /** BCP 47 tag; otherwise front matter `language`, or detected from the text. */
  language?: string;
}

export interface ImportResult {
  /** Null when there are errors: a partial bank is never returned. */
  bank: Bank | null;
  diagnostics: ImportDiagnostic[];
}

interface Line {
  text: string;
  /** 1-based line in the original document. */
  line: number;
}

type SectionKind = 'title' | 'concept' | 'coding' | 'recap' | 'prose';

interface Section {
  level: number;
  kind: SectionKind;
  /** For recap sections: which questions it explains, when its heading says so. */
  recapOf?: QuestionKind;
}

interface QuestionDraft {
  type: 'question';
  level: number;
  line: number;
  number: number;
  title: string;
  pinnedId?: string;
  kind: QuestionKind;
  fields: Record<Field, Line[]>;
  field: Field;
  /** Labels seen, to warn about the ones that got no content. */
  labels: { field: Field; line: number; filled: boolean }[];
}

interface RecapDraft {
  type: 'recap';
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

interface ProseDraft {
  type: 'prose';
  lines: Line[];
}

type Draft = QuestionDraft | RecapDraft | ProseDraft;

const FENCE_OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;
// Headings, pinned ids and front matter are split by hand after a linear prefix match: the single
// regular expressions they replaced backtracked in n² time on long runs of spaces.
const HEADING_START = /^ {0,3}(#{1,6})[ \t]+/;
const NUMBERED = /^(?:Q\s*)?(\d{1,4})\s*[.．、:：)）]\s*(.+)$/i;
const NUMBERED_ZH = /^第\s*(\d{1,4})\s*[题題]\s*[.．、:：]?\s*(.+)$/;

// Matched against the line without trailing blanks: `\s*[:：]?\s*$` backtracked in n² time.
const RECAP_ITEM = /^(\s{0,3})(\d{1,4})[.)、]\s+\*\*(.+?)\*\*[ \t]*[:：]?$/;
const ARTIFACT = /<\|[A-Za-z_][\w-]{0,30}\|>/g;
const HAS_ARTIFACT = /<\|[A-Za-z_][\w-]{0,30}\|>/;
const FRONT_MATTER_KEY = /^([A-Za-z][\w-]*)[ \t]*:/;

/** `text` without trailing spaces and tabs, in linear time (`/[ \t]+$/` is quadratic on a long inner run). */
function trimBlanksEnd(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return text.slice(0, end);
}

/** An ATX heading: its level and text, without a closing run of `#` (CommonMark). */
function parseHeading(line: string): { level: number; text: string } | null {
  const start = HEADING_START.exec(line);
  if (!start) return null;
  let text = trimBlanksEnd(line.slice(start[0].length));
  let hashes = text.length;
  while (hashes > 0 && text[hashes - 1] === '#') hashes--;
  if (hashes > 0 && hashes < text.length && (text[hashes - 1] === ' ' || text[hashes - 1] === '\t')) {
    text = trimBlanksEnd(text.slice(0, hashes));
  }
  return { level: start[1]!.length, text };
}

/** `Title {#my-id}`: the text before and the id, or null without one. */
function splitPinnedId(heading: string): { text: string; id: string } | null {
  const end = heading.trimEnd();
  if (!end.endsWith('}')) return null;
  const close = end.length - 1;
  const previousClose = end.lastIndexOf('}', close - 1);
  const open = end.indexOf('{#', previousClose + 1);
  if (open < 0 || open >= close) return null;
  return { text: end.slice(0, open).trimEnd(), id: end.slice(open + 2, close) };
}

const RECAP_HEADING = /解析|answers?\b|explanations?\b|solutions?\b/i;
const CODING_HEADING = /编程题|代码题|coding|programming|code exercises?/i;
const CONCEPT_HEADING = /面试题|问题|题库|questions?\b|interview|quiz/i;

function classifyHeading(text: string): Pick<Section, 'kind' | 'recapOf'> {
  if (RECAP_HEADING.test(text)) {
    if (CODING_HEADING.test(text)) return { kind: 'recap', recapOf: 'coding' };
    return CONCEPT_HEADING.test(text) ? { kind: 'recap', recapOf: 'concept' } : { kind: 'recap' };
  }
  if (CODING_HEADING.test(text)) return { kind: 'coding' };
  if (CONCEPT_HEADING.test(text)) return { kind: 'concept' };
  return { kind: 'prose' };
}

function parseNumbered(text: string): { number: number; title: string } | null {
  const match = NUMBERED.exec(text) ?? NUMBERED_ZH.exec(text);
  return match ? { number: Number(match[1]), title: match[2]!.trim() } : null;
}

/** Markdown emphasis, code and links reduced to their text: titles are plain text. */
function plainText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_|`)(.+?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
}

function indentOf(text: string): number {
  return /^\s*/.exec(text)![0].replace(/\t/g, '    ').length;
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

/** Lines without leading and trailing blank lines, joined; runs of blank lines become one. */
function joinLines(lines: readonly Line[]): string {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start]!.text)) start++;
  while (end > start && isBlank(lines[end - 1]!.text)) end--;
  const out: string[] = [];
  for (const { text } of lines.slice(start, end)) {
    if (isBlank(text) && out.length > 0 && out[out.length - 1] === '') continue;
    out.push(isBlank(text) ? '' : text.trimEnd());
  }
  return out.join('\n');
}

/** Removes `indent` columns of leading spaces where present (list-item content). */
function dedent(lines: readonly Line[], indent: number): Line[] {
  return lines.map((l) => ({ ...l, text: l.text.replace(new RegExp(`^ {0,${indent}}`), '') }));
}

function detectLanguage(text: string): string {
  const han = text.match(/\p{Script=Han}/gu)?.length ?? 0;
  const latin = text.match(/[A-Za-z]/g)?.length ?? 0;
  return han > 0 && han >= latin * 0.2 ? 'zh-CN' : 'en';
}

/** A simple `key: value` front matter block, so a document can name its bank id and language. */
function readFrontMatter(lines: Line[]): { meta: Record<string, string>; body: Line[] } {
  let first = 0;
  while (first < lines.length && isBlank(lines[first]!.text)) first++;
  if (lines[first]?.text.trim() !== '---') return { meta: {}, body: lines };
  const meta: Record<string, string> = {};
  for (let i = first + 1; i < lines.length; i++) {
    const text = lines[i]!.text;
    if (text.trim() === '---') return { meta, body: lines.slice(i + 1) };
    const match = FRONT_MATTER_KEY.exec(text);
    if (!match) return { meta: {}, body: lines };
    meta[match[1]!.toLowerCase()] = text.slice(match[0].length).trim().replace(/^(["'])(.*)\1$/, '$2');
  }
  return { meta: {}, body: lines };
}

/**
 * Splits the source into lines, numbering them as the author sees them, and removes
 * text-generation artifacts such as `<|user|>` outside code; a heading glued to an artifact
 * starts a line of its own so it is still recognised.
 */
function readLines(source: string, file: string, diagnostics: ImportDiagnostic[]): Line[] {
  const lines: Line[] = [];
  let fence: { char: string; length: number } | null = null;
  source
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n/)
    .forEach((text, index) => {
      const line = index + 1;
      if (fence) {
        if (closesFence(text, fence)) fence = null;
        lines.push({ text, line });
        return;
      }
      const open = FENCE_OPEN.exec(text);
      if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
        fence = { char: open[2]![0]!, length: open[2]!.length };
        lines.push({ text, line });
        return;
      }
      if (!HAS_ARTIFACT.test(text)) {
        lines.push({ text, line });
        return;
      }
      const found = [...new Set(text.match(ARTIFACT))].join(', ');
      diagnostics.push({ severity: 'warning', file, line, message: `removed text-generation artifact ${found}` });
      const pieces = text.split(ARTIFACT);
      let current = pieces[0]!;
      for (const piece of pieces.slice(1)) {
        if (/^\s*#{1,6}\s/.test(piece)) {
          lines.push({ text: current, line });
          current = piece.trimStart();
        } else {
          current += piece;
        }
      }
      lines.push({ text: current, line });
    });
  return lines;
}

function closesFence(text: string, fence: { char: string; length: number }): boolean {
  const match = /^\s*(`{3,}|~{3,})\s*$/.exec(text);
  return !!match && match[1]![0] === fence.char && match[1]!.length >= fence.length;
}

/** Turns a Q&A markdown document (like the seed documents) into a bank, or explains why not. */
export function importMarkdown(source: string, options: ImportOptions): ImportResult {
  const file = options.file ?? 'document.md';
  const diagnostics: ImportDiagnostic[] = [];
  const warn = (line: number, message: string) => diagnostics.push({ severity: 'warning', file, line, message });
  const fail = (line: number, message: string) => diagnostics.push({ severity: 'error', file, line, message });

  const { meta, body } = readFrontMatter(readLines(source, file, diagnostics));
  const chinese = detectLanguage(source) === 'zh-CN';

  let title: string | undefined;
  const sections: Section[] = [];
  const questions: QuestionDraft[] = [];
  const recaps: RecapDraft[] = [];
  const description: Line[][] = [];
  let current: Draft | null = null;
  let fence: { char: string; length: number; line: number } | null = null;

  const finish = () => {
    if (current?.type === 'question') questions.push(current);
    else if (current?.type === 'recap') recaps.push(current);
    else if (current?.type === 'prose') description.push(current.lines);
    current = null;
  };
  const popSections = (level: number) => {
    while (sections.length > 0 && sections[sections.length - 1]!.level >= level) sections.pop();
  };
  const innermost = (...kinds: SectionKind[]) => [...sections].reverse().find((s) => kinds.includes(s.kind));
  const addText = (entry: Line) => {
    if (!current) current = { type: 'prose', lines: [] };
    if (current.type === 'question') {
      current.fields[current.field].push(entry);
      const label = current.labels[current.labels.length - 1];
      if (label && !isBlank(entry.text)) label.filled = true;
    } else {
      current.lines.push(entry);
    }
  };

  for (const entry of body) {
    const { text, line } = entry;

    if (fence) {
      if (closesFence(text, fence)) fence = null;
      addText(entry);
      continue;
    }
    const open = FENCE_OPEN.exec(text);
    if (open && !(open[2]![0] === '`' && open[3]!.includes('`'))) {
      // A fence outdented below a list-style recap item ends that item, like any other text.
      if (current?.type === 'recap' && !current.byHeading && current.indent !== null && indentOf(text) < current.indent) finish();
      fence = { char: open[2]![0]!, length: open[2]!.length, line };
      addText(entry);
      continue;
    }

    const heading = parseHeading(text);
    if (heading) {
      const level = heading.level;
      let headingText = heading.text;
      let pinnedId: string | undefined;
      const pinned = splitPinnedId(headingText);
      if (pinned) {
        pinnedId = pinned.id;
        headingText = pinned.text;
      }
      const numbered = level >= 2 ? parseNumbered(headingText) : null;
      // A numbered heading below a recap heading explains a question; at or above it, it is one.
      const recap = [...sections].reverse().find((s) => s.kind === 'recap' && s.level < level);

      if (numbered && recap) {
        finish();
        current = { type: 'recap', line, number: numbered.number, title: plainText(numbered.title), recapOf: recap.recapOf, indent: null, byHeading: true, lines: [] };
        continue;
      }
      if (numbered) {
        finish();
        popSections(level);
        if (pinnedId && !isSlug(pinnedId)) {
          warn(line, `pinned id {#${pinnedId}} is not a slug (lower-case letters, digits, single hyphens); using one made from the title`);
          pinnedId = undefined;
        }
        const kind: QuestionKind = innermost('coding', 'concept')?.kind === 'coding' ? 'coding' : 'concept';
        current = {
          type: 'question', level, line, number: numbered.number, title: plainText(numbered.title), pinnedId, kind,
          fields: { prompt: [], answer: [], explanation: [], example: [], hint: [] }, field: 'prompt', labels: [],
        };
        continue;
      }
      if (title === undefined && questions.length === 0 && current?.type !== 'question') {
        finish();
        title = plainText(headingText);
        sections.push({ level, kind: 'title' });
        continue;
      }
      const section = classifyHeading(headingText);
      if (current?.type === 'question' && level > current.level && section.kind === 'prose') {
        addText(entry); // a sub-heading inside a question's text
        continue;
      }
      finish();
      popSections(level);
      sections.push({ level, ...section });
      if (section.kind === 'prose') current = { type: 'prose', lines: [{ text: `**${plainText(headingText)}**`, line }, { text: '', line }] };
      continue;
    }

    if (current?.type === 'question') {
      const label = matchLabel(text);
      if (label) {
        current.field = label.field;
        current.labels.push({ field: label.field, line, filled: false });
        if (label.rest) addText({ text: label.rest, line });
        continue;
      }
    }

    const recap = innermost('recap');
    const item = recap ? RECAP_ITEM.exec(text.trimEnd()) : null;
    if (recap && item) {
      finish();
      current = {
        type: 'recap', line, number: Number(item[2]), title: plainText(item[3]!), recapOf: recap.recapOf,
        indent: text.indexOf('**'), byHeading: false, lines: [],
      };
      continue;
    }

    if (current?.type === 'recap' && !current.byHeading && !isBlank(text)) {
      // The first text line decides whether this list uses indented item bodies.
      const hasText = current.lines.some((l) => !isBlank(l.text));
      if (!hasText && indentOf(text) < (current.indent ?? 0)) current.indent = null;
      if (current.indent !== null && indentOf(text) < current.indent) finish();
    }
    addText(entry);
  }
  if (fence) fail(fence.line, `code fence ${fence.char.repeat(fence.length)} is never closed; close it with ${fence.char.repeat(fence.length)} on a line of its own`);
  finish();

  if (questions.length === 0) {
    fail(1, 'no question found: number each question heading, e.g. "### 1. What is a large model?" (levels ## to #####)');
  }

  const bankQuestions = questions.map((draft) => buildQuestion(draft, chinese, warn, fail));
  mergeRecaps(recaps, questions, bankQuestions, description, warn);

  const bankTitle = meta.title ?? title ?? fileTitle(file);
  const language = options.language ?? meta.language ?? (chinese ? 'zh-CN' : 'en');
  const id = options.id ?? meta.id ?? (asciiSlug(fileTitle(file), 8) || asciiSlug(bankTitle, 8) || questionIdFromTitle(bankTitle));
  if (!isSlug(id)) fail(1, `bank id "${id}" is not a slug (lower-case letters, digits, single hyphens)`);

  diagnostics.sort((a, b) => a.line - b.line);
  if (diagnostics.some((d) => d.severity === 'error')) return { bank: null, diagnostics };

  const ids = uniqueIds(questions.map((draft, i) => draft.pinnedId ?? questionIdFromTitle(bankQuestions[i]!.title)));
  bankQuestions.forEach((question, i) => {
    question.id = ids[i]!;
    question.topics = assignTopics(question, options.topics);
  });
  linkVariantsInBank(bankQuestions);

  const used = new Set(bankQuestions.flatMap((q) => q.topics));
  const descriptionText = description.map(joinLines).filter(Boolean).join('\n\n');
  const bank: Bank = {
    format: BANK_FORMAT,
    id,
    title: bankTitle,
    language,
    ...(descriptionText ? { description: descriptionText } : {}),
    topics: bankTopics(used, options.topics, language),
    questions: bankQuestions.map(orderQuestionKeys),
  };
  // What the document gave may still not make a valid bank (an empty title, a language like
  // "english!", an empty {#}): say where, instead of handing back a bank every loader refuses.
  const checked = validateBank(bank);
  if (!checked.ok) {
    for (const issue of checked.issues) {
      const index = /^questions\[(\d+)\]/.exec(issue.path)?.[1];
      const at = index === undefined ? 1 : (questions[Number(index)]?.line ?? 1);
      fail(at, `this would make an invalid bank: ${issue.path}: ${issue.message}`);
    }
    diagnostics.sort((a, b) => a.line - b.line);
    return { bank: null, diagnostics };
  }
  return { bank, diagnostics };
}

function fileTitle(file: string): string {
  return (file.split(/[\\/]/).pop() ?? file).replace(/\.[^.]+$/, '');
}

/** The first fenced code block of `lines`, as a range of indices, or null. */
function firstCodeBlock(lines: readonly Line[]): { start: number; end: number } | null {
  for (let start = 0; start < lines.length; start++) {
    const open = FENCE_OPEN.exec(lines[start]!.text);
    if (!open) continue;
    const fence = { char: open[2]![0]!, length: open[2]!.length };
    for (let end = start + 1; end < lines.length; end++) if (closesFence(lines[end]!.text, fence)) return { start, end };
    return null;
  }
  return null;
}

function buildQuestion(
  draft: QuestionDraft,
  chinese: boolean,
  warn: (line: number, message: string) => void,
  fail: (line: number, message: string) => void,
): Question {
  for (const label of draft.labels) {
    if (!label.filled) warn(label.line, `${labelName(label.field, chinese)} has no content`);
  }
  const fields = draft.fields;
  if (draft.kind === 'coding' && !fields.answer.some((l) => !isBlank(l.text))) {
    // The code that follows a coding question is its answer when no label says otherwise.
    for (const field of ['prompt', 'hint', 'example', 'explanation'] as const) {
      const block = firstCodeBlock(fields[field]);
      if (!block) continue;
      fields.answer = fields[field].slice(block.start);
      fields[field] = fields[field].slice(0, block.start);
      break;
    }
  }

  const question: Question = {
    id: '',
    kind: draft.kind,
    title: draft.title,
    topics: [],
    prompt: joinLines(fields.prompt) || draft.title,
    answer: joinLines(fields.answer),
  };
  for (const field of ['explanation', 'example', 'hint'] as const) {
    const text = joinLines(fields[field]);
    if (text) question[field] = text;
  }
  if (!draft.title) fail(draft.line, `question ${draft.number} has no title after its number`);
  if (!question.answer) {
    const how = draft.kind === 'coding' ? ` or a fenced code block` : '';
    fail(draft.line, `question ${draft.number} "${draft.title}" has no answer: add ${labelName('answer', chinese)}${how}`);
  }
  return question;
}

/**
 * Recap sections repeat earlier questions with fuller explanations; each entry is appended to
 * its question's explanation. An entry matches by title, preferring the question of the kind
 * the recap heading names and the same number, so repeated titles find the right one.
 */
function mergeRecaps(
  recaps: readonly RecapDraft[],
  drafts: readonly QuestionDraft[],
  questions: Question[],
  description: Line[][],
  warn: (line: number, message: string) => void,
): void {
  for (const recap of recaps) {
    const text = joinLines(recap.indent ? dedent(recap.lines, recap.indent) : recap.lines);
    const key = normalizeTitle(recap.title);
    const candidates = drafts.map((draft, i) => ({ draft, i })).filter(({ draft }) => normalizeTitle(draft.title) === key);
    const rank = ({ draft }: { draft: QuestionDraft }) =>
      (recap.recapOf && draft.kind !== recap.recapOf ? 2 : 0) + (draft.number !== recap.number ? 1 : 0);
    const match = candidates.sort((a, b) => rank(a) - rank(b))[0];
    if (!match) {
      warn(recap.line, `explanation "${recap.title}" matches no question title; kept in the bank description`);
      description.push([{ text: `**${recap.title}**`, line: recap.line }, { text: '', line: recap.line }, ...recap.lines]);
      continue;
    }
    if (!text) {
      warn(recap.line, `explanation "${recap.title}" has no content`);
      continue;
    }
    const question = questions[match.i]!;
    question.explanation = question.explanation ? `${question.explanation}\n\n${text}` : text;
  }
}

const QUESTION_KEY_ORDER = ['id', 'kind', 'title', 'topics', 'prompt', 'answer', 'explanation', 'example', 'hint', 'choices', 'variantOf'];

/** Fixed key order keeps the committed JSON diffable. */
function orderQuestionKeys(question: Question): Question {
  const ordered: Record<string, unknown> = {};
  for (const key of QUESTION_KEY_ORDER) if (question[key] !== undefined) ordered[key] = question[key];
  return Object.assign(ordered, question) as Question;
}
