/**
 * One question from its draft: the text under its title split into fields by labels, choices
 * read from any of the choice syntaxes, the answer found (labelled, in `<details>`, the checked
 * options, or the text itself), and a title a list can show. A question that cannot be read is
 * skipped with a warning that says why.
 */
import type { Blank, Choice, NumericAnswer, Pair, Question } from '../bank/types.js';
import { fillInAnswer } from '../interactions/fill-in/fill-in.js';
import { matchingAnswer } from '../interactions/matching/matching.js';
import { numericAnswerText } from '../interactions/numeric/numeric.js';
import { orderingAnswer } from '../interactions/ordering/ordering.js';
import { trueFalseAnswer } from '../interactions/true-false/true-false.js';
import { readBlanks } from '../interactions/fill-in/markdown.js';
import { parseItem } from './blocks.js';
import { NAVIGATION_LINK } from './carriers.js';
import { escapeChoiceText, findInteraction, stripOptionLetters, matchAnswerText, readAnswerKey, splitChoiceList, type ChoiceGroup, type MatchingGroup, type OrderingGroup } from './choices.js';
import { readNumericAnswer } from '../interactions/numeric/markdown.js';
import { asksTrueFalse, trueFalsePair, writtenVerdict } from '../interactions/true-false/markdown.js';
import { isAnswerSummary, labelName, matchLabel, type Field } from './labels.js';
import { closesFence, fenceOpen, isBlank, type Fence, type Line } from './source.js';
import type { Draft } from './structure.js';
import { cleanText, isQuestionLike, shortTitle, splitNumbering, tidyMarkdown, titleFrom } from './titles.js';

export interface BuildContext {
  chinese: boolean;
  quizdown: boolean;
  /** `Q:` / `A:` are labels (Q/A documents). */
  pairs: boolean;
  /** The document links notes wiki-style (`[[#Heading]]`, `![[embed]]`): `[[…]]` are links there, not blanks. */
  wikiLinks?: boolean;
  warn: (line: number, message: string, skipped?: boolean) => void;
}

type Fields = Record<Field, Line[]>;

interface Split {
  fields: Fields;
  /** Labels seen, to warn about the ones that got no content. */
  labels: { field: Field; line: number; filled: boolean }[];
  /** An answer label (or an answer `<details>`) was seen. */
  answered: boolean;
}

/** Lines without leading and trailing blank lines, joined; runs of blank lines become one. */
export function joinLines(lines: readonly Line[]): string {
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

/** A line of nothing but images. */
const IMAGE_LINE = /^\s*(?:!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)\s*)+$/;
const SUMMARY_LINE = /^\s*<summary>(.*)<\/summary>\s*$/;

/** A `<summary>` that names the answer ("答案", "Answer"). */
function isAnswerSummaryLine(text: string): boolean {
  const summary = SUMMARY_LINE.exec(text);
  return !!summary && isAnswerSummary(summary[1]!);
}

/** Splits the text under a title into fields at its labels, outside code. */
export function splitFields(body: readonly Line[], options: { pairs: boolean; listFields: boolean }): Split {
  // Unemphasised labels ("Example: …", "Type: …") are text, unless the question labels its answer
  // somewhere: an answer that says "Example: brew install" must not lose its question.
  const labelsAnswer = options.listFields || body.some((l) => matchLabel(l.text, { pairs: options.pairs })?.field === 'answer' || isAnswerSummaryLine(l.text));
  const fields: Fields = { prompt: [], answer: [], explanation: [], example: [], hint: [], choices: [], type: [] };
  const labels: Split['labels'] = [];
  let field: Field = 'prompt';
  let answered = false;
  let fence: Fence | null = null;
  let inDetailsAnswer = false;
  const add = (entry: Line) => {
    fields[field].push(entry);
    const label = labels[labels.length - 1];
    if (label && !isBlank(entry.text)) label.filled = true;
  };
  for (const entry of body) {
    const { text } = entry;
    if (fence) {
      if (closesFence(text, fence)) fence = null;
      add(entry);
      continue;
    }
    const opened = fenceOpen(text);
    if (opened) {
      fence = opened;
      add(entry);
      continue;
    }
    const trimmed = text.trim();
    if (trimmed === '<details>' || NAVIGATION_LINK.test(text)) continue;
    if (trimmed === '</details>') {
      if (inDetailsAnswer) field = 'explanation';
      inDetailsAnswer = false;
      continue;
    }
    const summary = SUMMARY_LINE.exec(text);
    if (summary) {
      const label = matchLabel(`**${summary[1]!.trim().replace(/[:：]$/, '')}:**`);
      if (label || isAnswerSummary(summary[1]!)) {
        field = label?.field ?? 'answer';
        if (field === 'answer') {
          answered = true;
          inDetailsAnswer = true;
        }
        labels.push({ field, line: entry.line, filled: false });
        continue;
      }
      add({ ...entry, text: `**${summary[1]!.trim()}**` });
      continue;
    }
    let labelText = text;
    if (options.listFields) {
      const item = parseItem(text);
      if (item && item.indent <= 3 && matchLabel(item.text)) labelText = item.text;
    }
    const label = matchLabel(labelText, { pairs: options.pairs });
    const plain = label !== null && !/^\s{0,3}(\*\*|__)/.test(labelText);
    const counts = !plain || label?.field === 'answer' || (options.pairs && label?.field === 'prompt') || (labelsAnswer && (options.listFields || (label?.field !== 'type' && label?.field !== 'choices')));
    if (label && counts) {
      field = label.field;
      if (field === 'answer') answered = true;
      labels.push({ field, line: entry.line, filled: false });
      if (label.rest) add({ ...entry, text: label.rest });
      continue;
    }
    add(entry);
  }
  return { fields, labels, answered };
}

/** The first fenced code block of `lines`, as a range of indices, or null. */
function firstCodeBlock(lines: readonly Line[]): { start: number; end: number } | null {
  for (let start = 0; start < lines.length; start++) {
    const fence = fenceOpen(lines[start]!.text);
    if (!fence) continue;
    for (let end = start + 1; end < lines.length; end++) if (closesFence(lines[end]!.text, fence)) return { start, end };
    return null;
  }
  return null;
}

const PLACEHOLDER = /^(?:todo|tbd|tba|fixme|xxx|answer here|your answer( here)?|add (an |the )?answer( here)?|to be (written|added|done)|coming soon|n\/a|none|-+|\.{2,}|…+|待补充|待完善|待更新|暂无|略|无|空)$/i;

/** An answer that says nothing: empty, or a placeholder such as `TODO` or `Answer here`. */
export function isPlaceholder(answer: string): boolean {
  const plain = cleanText(answer).replace(/[.。!！]+$/, '').trim();
  return plain === '' || PLACEHOLDER.test(plain);
}

function describe(draft: Draft, title: string): string {
  const name = title || cleanText(joinLines(draft.body)).slice(0, 60);
  return draft.number !== undefined ? `question ${draft.number} "${name}"` : `question "${name}"`;
}

/** Lines split at a quote block: quotes (`> hint`) and the rest. */
function takeQuotes(lines: readonly Line[]): { quotes: Line[]; rest: Line[] } {
  const quotes: Line[] = [];
  const rest: Line[] = [];
  for (const entry of lines) {
    if (/^\s*>/.test(entry.text)) quotes.push({ ...entry, text: entry.text.replace(/^\s*>\s?/, '') });
    else rest.push(entry);
  }
  return { quotes, rest };
}

/** The first paragraph of `lines` as text, without line breaks. */
function firstParagraph(lines: readonly Line[]): { text: string; line: number } | null {
  const out: string[] = [];
  let line = 0;
  for (const entry of lines) {
    if (isBlank(entry.text)) {
      if (out.length > 0) break;
      continue;
    }
    if (/^\s*(=+|-+)\s*$/.test(entry.text) && out.length > 0) break; // a setext underline
    if (fenceOpen(entry.text) || /^\s*(!\[|<img)/.test(entry.text)) {
      if (out.length > 0) break;
      continue;
    }
    if (out.length === 0) line = entry.line;
    out.push(entry.text.trim().replace(/\\$/, ''));
  }
  return out.length > 0 ? { text: out.join(' '), line } : null;
}

interface Built {
  question: Question;
  /** The line a message about this question points at. */
  line: number;
  /** The title is the question text under a heading that names a topic. */
  titleFromText: boolean;
}

/** The parts of a question as they are worked out: lines per field, and choices once read. */
interface Parts {
  prompt: Line[];
  answer: Line[];
  hint: Line[];
  /** Explanations found beside the choices or after an answer key, before the labelled one's. */
  explanation: string[];
  choices?: Choice[];
  /** Checkboxes whatever the number of right options. */
  multiple: boolean;
  /** Text that makes the question's shape clear (choices, an ordering, a labelled answer). */
  structured: boolean;
  /** The fields of a question type other than open and choice, once read. */
  typed?: Typed;
}

/** A question type's own fields, as the importer reads them. */
export type Typed =
  | { type: 'true-false'; isTrue: boolean }
  | { type: 'fill-in'; blanks: Blank[] }
  | { type: 'numeric'; numeric: NumericAnswer }
  | { type: 'ordering'; items: string[] }
  | { type: 'matching'; pairs: Pair[]; distractors: string[] };

/** The answer older readers show for a typed question (true/false in English until the bank's language is known). */
function typedAnswer(typed: Typed, chinese: boolean): string {
  switch (typed.type) {
    case 'true-false':
      return trueFalseAnswer(typed.isTrue, chinese ? 'zh' : 'en');
    case 'fill-in':
      return fillInAnswer(typed.blanks);
    case 'numeric':
      return numericAnswerText(typed.numeric);
    case 'ordering':
      return orderingAnswer(typed.items);
    case 'matching':
      return matchingAnswer(typed.pairs);
  }
}

/** The question's type fields, as they go into the bank. */
function typedFields(typed: Typed): Partial<Question> {
  if (typed.type === 'matching') return { type: 'matching', pairs: typed.pairs, ...(typed.distractors.length ? { distractors: typed.distractors } : {}) };
  return typed;
}

/** What the builders share about the question in hand: where it is and how to name it. */
interface Place {
  draft: Draft;
  title: string;
  split: Split;
  context: BuildContext;
}

/** Builds the question of `draft`, or returns null after warning why it was skipped. */
export function buildQuestion(draft: Draft, context: BuildContext): Built | null {
  const split = splitFields(draft.body, { pairs: context.pairs, listFields: draft.carrier === 'list' });
  const { fields } = split;
  if (draft.kind === 'coding' && !fields.answer.some((l) => !isBlank(l.text)) && !fields.choices.length) moveCodeToAnswer(fields);
  for (const label of split.labels) {
    if (!label.filled && label.field !== 'answer' && label.field !== 'type') context.warn(label.line, `${labelName(label.field, context.chinese)} has no content`);
  }
  // Heading, bold-line, list and quote titles had their numbering taken off already.
  const place: Place = { draft, split, context, title: titleFrom(draft.title, { numbering: draft.number === undefined && draft.carrier !== 'heading' }).title };
  const parts: Parts = { prompt: fields.prompt, answer: fields.answer, hint: fields.hint, explanation: [], multiple: false, structured: split.answered };

  const read = fields.choices.some((l) => !isBlank(l.text)) ? readChoiceField(place, parts) : readInteraction(place, parts);
  if (!read) return null;
  if (parts.choices) readTrueFalseChoices(place, parts);
  if (!parts.choices && !parts.typed && !split.answered && !parts.answer.some((l) => !isBlank(l.text))) readFillIn(place, parts);

  if (!parts.choices && !parts.typed && onlyUncheckedOptions(parts.prompt)) {
    context.warn(draft.line, `${describe(draft, place.title)} is skipped: none of its options is marked correct (- [x])`, true);
    return null;
  }
  // Without an answer, the text under the title is the answer, unless the question labels some of
  // its text (a prompt, a hint) but not an answer: then it has none.
  let promptIsTitle = false;
  if (!parts.choices && !parts.typed && !parts.answer.some((l) => !isBlank(l.text)) && draft.kind !== 'coding' && !split.answered && split.labels.length === 0 && !startsWithPlainLabel(parts.prompt)) {
    parts.answer = parts.prompt;
    parts.prompt = [];
    promptIsTitle = true;
  }

  const { title, titleFromText } = questionTitle(place, parts);
  if (!title) {
    context.warn(draft.line, draft.number !== undefined ? `question ${draft.number} is skipped: it has no title after its number` : 'a question is skipped: it has no title', true);
    return null;
  }
  const cut = shortTitle(title);
  let answer = parts.typed ? typedAnswer(parts.typed, context.chinese) : parts.choices && parts.answer.length === 0 ? choicesAnswer(parts.choices) : joinLines(parts.answer);
  if (isPlaceholder(answer)) {
    const label = context.pairs ? (context.chinese ? '答：' : 'A:') : labelName('answer', context.chinese);
    const how = split.labels.length > 0 || draft.kind === 'coding' ? `add ${label}${draft.kind === 'coding' ? ' or a fenced code block' : ''} under it` : 'write the answer under it';
    const why = answer ? `its answer "${cleanText(answer).slice(0, 40)}" is a placeholder` : 'it has no answer';
    context.warn(draft.line, `${describe(draft, cut.title)} is skipped: ${why}; ${how}`, true);
    return null;
  }

  if (!parts.choices && !parts.typed && draft.kind !== 'coding') {
    readWrittenType(`${title}\n${joinLines(parts.prompt)}`, answer, parts);
    if (parts.typed) answer = typedAnswer(parts.typed, context.chinese);
  }

  const prompt = joinLines(parts.prompt);
  const question: Question = {
    id: '',
    kind: draft.kind,
    title: cut.title,
    topics: [],
    prompt: promptIsTitle || !prompt ? promptFromTitle(draft, title, titleFromText) : prompt,
    answer,
  };
  const explanation = [joinLines(fields.explanation), ...parts.explanation].filter(Boolean).join('\n\n');
  if (explanation) question.explanation = explanation;
  const example = joinLines(fields.example);
  if (example) question.example = example;
  const hint = joinLines(parts.hint);
  if (hint) question.hint = hint;
  if (parts.typed) Object.assign(question, typedFields(parts.typed));
  if (parts.choices) {
    question.choices = parts.choices;
    // Checkboxes with one right option need saying; with several, the count says it.
    if (parts.multiple && parts.choices.filter((c) => c.correct).length === 1) question.multiple = true;
  }
  return { question, line: draft.line, titleFromText };
}

/** Whether the text is nothing but a task list with no box checked: options whose right one was not marked. */
function onlyUncheckedOptions(lines: readonly Line[]): boolean {
  const filled = lines.filter((l) => !isBlank(l.text));
  return filled.length >= 2 && filled.every((l) => {
    const box = parseItem(l.text)?.box;
    return box?.kind === 'task' && !box.checked;
  });
}

/** Whether the text opens with an unemphasised label ("Hint: …"): a question whose only text is a hint has no answer. */
function startsWithPlainLabel(lines: readonly Line[]): boolean {
  const first = lines.find((l) => !isBlank(l.text));
  const field = first ? matchLabel(first.text)?.field : undefined;
  return field === 'hint' || field === 'explanation' || field === 'example';
}

/** `Choices: a; b; c` with the answer written out (`Answer: b`). False when the question is skipped. */
function readChoiceField({ draft, title, split, context }: Place, parts: Parts): boolean {
  const options = splitChoiceList(joinLines(split.fields.choices));
  const answer = joinLines(split.fields.answer);
  const correct = options.length >= 2 && answer ? matchAnswerText(answer, options) : [];
  if (correct.length === 0) {
    const why = options.length < 2 ? 'its choices list fewer than two options' : answer ? `its answer "${cleanText(answer).slice(0, 60)}" is none of its choices` : 'it has choices but no answer';
    context.warn(draft.line, `${describe(draft, title)} is skipped: ${why}`, true);
    return false;
  }
  const type = joinLines(split.fields.type).toLowerCase();
  parts.choices = options.map((text, i) => ({ text: escapeChoiceText(text), correct: correct.includes(i) }));
  parts.multiple = /multiple correct|multiple answers|多选|mehrfach/.test(type);
  parts.answer = [];
  parts.structured = true;
  return true;
}

/** Choices or an ordering written in the question's text, in any of the syntaxes. False when the question is skipped. */
function readInteraction(place: Place, parts: Parts): boolean {
  const interaction = findInteraction(parts.prompt, { quizdown: place.context.quizdown, matching: true });
  if (!interaction) return true;
  if (interaction.type === 'matching') {
    readMatching(place, parts, interaction);
    return true;
  }
  parts.structured = true;
  if (interaction.type === 'ordering') {
    readOrdering(place, parts, interaction);
    return true;
  }
  let group: ChoiceGroup = interaction;
  if (group.syntax === 'lettered') {
    const keyed = applyAnswerKey(place, parts, group);
    if (keyed === 'skip') return false;
    if (!keyed) return true;
    group = keyed;
  }
  return readChoices(place, parts, group);
}

/**
 * Lettered options take their right ones from an answer key (`Answer: B, E`, a bold `**C**`).
 * Without a key they are no choice question: skipped when nothing else answers it.
 */
function applyAnswerKey({ draft, title, split, context }: Place, parts: Parts, group: ChoiceGroup): ChoiceGroup | null | 'skip' {
  // Images before the key (a figure the explanation needs) go to the explanation.
  const images = split.fields.answer.filter((l) => IMAGE_LINE.test(l.text));
  const key = readAnswerKey(joinLines(split.fields.answer.filter((l) => !images.includes(l))), new Set(group.options.map((o) => o.letter!)));
  if (!key) {
    const rest = [...parts.prompt.slice(0, group.start), ...parts.prompt.slice(group.end), ...split.fields.answer];
    const letters = `${group.options[0]!.letter}–${group.options[group.options.length - 1]!.letter}`;
    const add = context.chinese ? '答案：B' : 'Answer: B';
    if (!split.answered && !rest.some((l) => !isBlank(l.text))) {
      context.warn(draft.line, `${describe(draft, title)} is skipped: it has options ${letters} but no answer key; add "${add}" under them`, true);
      return 'skip';
    }
    context.warn(draft.line, `${describe(draft, title)} has options ${letters} but no answer key ("${add}"); it is imported as an open question`);
    // The options are part of the question; the text after them answers it.
    if (!split.answered) {
      parts.answer = parts.prompt.slice(group.end);
      parts.prompt = parts.prompt.slice(0, group.end);
    }
    return null;
  }
  if (images.length) parts.explanation.push(joinLines(images));
  if (key.rest) parts.explanation.push(key.rest);
  parts.answer = [];
  return { ...group, options: group.options.map((o) => ({ ...o, checked: key.letters.includes(o.letter!) })) };
}

/** The choices of a group, with the text around them: hints before, pictures and explanations after. */
function readChoices({ draft, title, split, context }: Place, parts: Parts, group: ChoiceGroup): boolean {
  const before = parts.prompt.slice(0, group.start);
  const after = parts.prompt.slice(group.end);
  // Quotes before the options are hints in quizdown and LiaScript.
  const hinted = context.quizdown || group.syntax.startsWith('lia') ? takeQuotes(before) : { quotes: [], rest: before };
  parts.prompt = hinted.rest;
  if (hinted.quotes.length) parts.hint = [...hinted.quotes, ...(parts.hint.length ? [{ text: '', line: 0 }, ...parts.hint] : [])];
  // Pictures beside the options belong to the question ("What is this tool called?"); other text explains.
  const pictures = after.filter((l) => IMAGE_LINE.test(l.text));
  if (pictures.length) parts.prompt = [...parts.prompt, { text: '', line: 0 }, ...pictures];
  // A quote after the options (quizdown) explains: its marks go.
  const afterText = joinLines(after.filter((l) => !IMAGE_LINE.test(l.text)).map((l) => ({ ...l, text: l.text.replace(/^\s*>\s?/, '') })));
  if (afterText) parts.explanation.unshift(afterText);
  const texts = group.syntax === 'lettered' ? group.options.map((o) => o.text.trim()) : stripOptionLetters(group.options.map((o) => o.text.trim()));
  parts.choices = group.options.map((o, i) => ({ text: escapeChoiceText(texts[i]!), correct: !!o.checked, ...(o.feedback ? { feedback: o.feedback } : {}) }));
  parts.multiple = !!group.multiple;
  if (!parts.choices.some((c) => c.correct)) {
    context.warn(draft.line, `${describe(draft, title)} is skipped: none of its options is marked correct`, true);
    return false;
  }
  if (!split.answered) parts.answer = [];
  return true;
}

/** An ordering (quizdown numbered list, LiaScript drag and drop): the items in the right order. */
function readOrdering({ context }: Place, parts: Parts, ordering: OrderingGroup): void {
  const after = parts.prompt.slice(ordering.end);
  parts.prompt = parts.prompt.slice(0, ordering.start);
  parts.typed = { type: 'ordering', items: ordering.items };
  const afterText = joinLines(context.quizdown ? takeQuotes(after).quotes : after);
  if (afterText) parts.explanation.unshift(afterText);
  keepWrittenAnswer(parts);
}

/** Words of a question that asks to match (needed when no answer label says where the question ends). */
const ASKS_TO_MATCH = /\b(?:match|matching|pair|connect|assign|zuordnen|ordne|verbinde|relaciona|empareja|associe|relie|associa)\w*|匹配|配对|连线|对应/i;

/**
 * A list of `left -> right` pairs in the question's text. Under a question that labels its answer,
 * the list is part of the question; without, only when the question says to match: otherwise
 * (a heading that asks, a list of arrows under it) the list answers it.
 */
function readMatching({ title, split }: Place, parts: Parts, matching: MatchingGroup): void {
  const before = parts.prompt.slice(0, matching.start);
  if (!split.answered && !ASKS_TO_MATCH.test(`${title}\n${joinLines(before)}`)) return;
  parts.structured = true;
  parts.prompt = [...before, ...parts.prompt.slice(matching.end)];
  parts.typed = { type: 'matching', pairs: matching.pairs, distractors: matching.distractors };
  keepWrittenAnswer(parts);
}

/** A written answer beside an interaction that answers itself explains it. */
function keepWrittenAnswer(parts: Parts): void {
  const written = joinLines(parts.answer);
  if (written) parts.explanation.unshift(written);
  parts.answer = [];
}

/**
 * Two choices that are true and false (`- [x] True` / `- [ ] False`, `正确`/`错误`) make a
 * true/false question; the choices' feedback explains it.
 */
function readTrueFalseChoices(_place: Place, parts: Parts): void {
  const choices = parts.choices!;
  const pair = trueFalsePair(choices.map((c) => c.text));
  if (!pair || choices.filter((c) => c.correct).length !== 1) return;
  const isTrue = choices[0]!.correct === pair.first;
  const right = choices.find((c) => c.correct)!;
  const wrong = choices.find((c) => !c.correct)!;
  const feedback = [right.feedback, wrong.feedback].filter((f): f is string => !!f && f.trim() !== '');
  const written = joinLines(parts.answer);
  const verdict = written ? writtenVerdict(written) : null;
  const said = verdict ? verdict.rest : written;
  parts.explanation.unshift(...feedback, ...(said ? [said] : []));
  parts.answer = [];
  parts.choices = undefined;
  parts.multiple = false;
  parts.typed = { type: 'true-false', isTrue };
}

/**
 * Blanks `[[…]]` in a question with no other answer: the text is the question, the blanks its
 * answers. Inline blanks under a title that asks (ends with "?") are more likely wiki links in the
 * answer ("See [[Attention]]") than blanks, and so are all `[[…]]` of a document that links wiki-style.
 */
function readFillIn({ title, context }: Place, parts: Parts): void {
  if (context.wikiLinks) return;
  const read = readBlanks(parts.prompt);
  if (!read) return;
  // A title that asks ("What is attention?") is answered by its text; one that instructs ("Fill in the capitals") is not.
  const inline = read.prompt.some((l) => l.text.includes('___'));
  if (inline && /[?？]\s*$/.test(title)) return;
  parts.prompt = read.prompt;
  parts.structured = true;
  parts.typed = { type: 'fill-in', blanks: read.blanks };
}

/**
 * An answer that is only a number (`42`, `9.81 ± 0.05 m/s²`, `6..12`) makes a numeric question; a
 * verdict ("True", "错误。…") under a question that says it asks for true or false makes a
 * true/false one, the rest of the answer explaining it.
 */
function readWrittenType(question: string, answer: string, parts: Parts): void {
  const numeric = readNumericAnswer(answer);
  if (numeric) {
    parts.typed = { type: 'numeric', numeric };
    return;
  }
  const verdict = asksTrueFalse(question) ? writtenVerdict(answer) : null;
  if (!verdict) return;
  parts.typed = { type: 'true-false', isTrue: verdict.isTrue };
  if (verdict.rest) parts.explanation.unshift(verdict.rest);
}

/**
 * The title: the heading's (bold line's, item's) text, unless it only names a topic ("## Q3 Neural
 * networks") over a question written beneath it, or there is none: then that question's first
 * paragraph.
 */
function questionTitle({ draft, title, split }: Place, parts: Parts): { title: string; titleFromText: boolean } {
  const promptLabelled = split.labels.some((l) => l.field === 'prompt');
  if ((title && !(draft.labelTitle && parts.structured && !promptLabelled)) || parts.prompt.length === 0) return { title, titleFromText: false };
  const stem = firstParagraph(parts.prompt);
  const stemTitle = stem ? cleanText(stem.text) : '';
  if (!stemTitle || !(!title || isQuestionLike(stemTitle) || stemTitle.toLowerCase().includes(title.toLowerCase()))) return { title, titleFromText: false };
  return { title: titleFrom(stem!.text, { numbering: !title }).title, titleFromText: !!title };
}

/**
 * The prompt of a question that has no text of its own besides the answer: its title, with the
 * code spans and emphasis the author wrote (`What does \`__init__\` do?`).
 */
function promptFromTitle(draft: Draft, title: string, titleFromText: boolean): string {
  if (titleFromText || !draft.title) return title;
  const numbered = draft.number === undefined && draft.carrier !== 'heading' ? splitNumbering(draft.title).text : draft.title;
  return tidyMarkdown(numbered) || title;
}

/** The code that follows a coding question is its answer when no label says otherwise. */
function moveCodeToAnswer(fields: Fields): void {
  for (const field of ['prompt', 'hint', 'example', 'explanation'] as const) {
    const block = firstCodeBlock(fields[field]);
    if (!block) continue;
    fields.answer = fields[field].slice(block.start);
    fields[field] = fields[field].slice(0, block.start);
    return;
  }
}

/** The answer a choice question writes out: the right option, or a list of the right options. */
function choicesAnswer(choices: readonly Choice[]): string {
  const right = choices.filter((c) => c.correct).map((c) => c.text);
  return right.length === 1 ? right[0]! : right.map((text) => `- ${text.replace(/\n+/g, ' ')}`).join('\n');
}
