/**
 * One question from its draft: the text under its title split into fields by labels, choices
 * read from any of the choice syntaxes, the answer found (labelled, in `<details>`, the checked
 * options, or the text itself), and a title a list can show. A question that cannot be read is
 * skipped with a warning that says why.
 */
import type { Choice, Question } from '../bank/types.js';
import { parseItem } from './blocks.js';
import { escapeChoiceText, findInteraction, stripOptionLetters, matchAnswerText, readAnswerKey, splitChoiceList, type ChoiceGroup, type Interaction } from './choices.js';
import { labelName, matchLabel, type Field } from './labels.js';
import { closesFence, fenceOpen, isBlank, type Fence, type Line } from './source.js';
import { isAnswerSummary, type Draft } from './structure.js';
import { cleanText, isQuestionLike, shortTitle, splitNumbering, tidyMarkdown, titleFrom } from './titles.js';

export interface BuildContext {
  chinese: boolean;
  quizdown: boolean;
  /** `Q:` / `A:` are labels (Q/A documents). */
  pairs: boolean;
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

/** `[⬆ Back to top](#contents)`, bold or not: a link inside the page, not content. */
const NAVIGATION_LINK = /^\s*(?:(?:\*\*|__)\s*)?\[[^\]\n]{0,200}\]\(#[^)\s]{0,300}\)\s*(?:(?:\*\*|__)\s*)?$/;
const IMAGE_LINE = /^\s*(?:!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)\s*)+$/;
/** A `<summary>` that names the answer ("答案", "Answer"). */
function isAnswerSummaryLine(text: string): boolean {
  const summary = SUMMARY_LINE.exec(text);
  return !!summary && isAnswerSummary(summary[1]!);
}

const SUMMARY_LINE = /^\s*<summary>(.*)<\/summary>\s*$/;

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
    if (label && (!plain || label.field === 'answer' || (labelsAnswer && (options.listFields || (label.field !== 'type' && label.field !== 'choices'))))) {
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

/** Builds the question of `draft`, or returns null after warning why it was skipped. */
export function buildQuestion(draft: Draft, context: BuildContext): Built | null {
  const split = splitFields(draft.body, { pairs: context.pairs, listFields: draft.carrier === 'list' });
  const { fields } = split;
  if (draft.kind === 'coding' && !fields.answer.some((l) => !isBlank(l.text)) && !fields.choices.length) moveCodeToAnswer(fields);
  for (const label of split.labels) {
    if (!label.filled && label.field !== 'answer' && label.field !== 'type') context.warn(label.line, `${labelName(label.field, context.chinese)} has no content`);
  }

  // Heading, bold-line, list and quote titles had their numbering taken off already.
  let title = titleFrom(draft.title, { numbering: draft.number === undefined && draft.carrier !== 'heading' }).title;
  let interaction: Interaction | null = null;
  let choices: Choice[] | undefined;
  let multiple = false;
  let answerLines = fields.answer;
  let explanationExtra: string[] = [];
  let promptLines = fields.prompt;
  let hintLines = fields.hint;
  const typeText = joinLines(fields.type).toLowerCase();

  if (fields.choices.some((l) => !isBlank(l.text))) {
    // `Choices: a; b; c` with the answer written out: `Answer: b`.
    const options = splitChoiceList(joinLines(fields.choices));
    const answer = joinLines(fields.answer);
    const correct = options.length >= 2 && answer ? matchAnswerText(answer, options) : [];
    if (correct.length === 0) {
      const why = options.length < 2 ? 'its choices list fewer than two options' : answer ? `its answer "${cleanText(answer).slice(0, 60)}" is none of its choices` : 'it has choices but no answer';
      context.warn(draft.line, `${describe(draft, title)} is skipped: ${why}`, true);
      return null;
    }
    choices = options.map((text, i) => ({ text: escapeChoiceText(text), correct: correct.includes(i) }));
    multiple = /multiple|多选|mehrfach|múltiple/.test(typeText) && /multiple correct|multiple answers|多选|mehrfach/.test(typeText);
    answerLines = [];
  } else {
    interaction = findInteraction(promptLines, { quizdown: context.quizdown });
  }

  if (interaction?.type === 'choices') {
    let group: ChoiceGroup | null = interaction;
    if (group.syntax === 'lettered') {
      // Images before the key (a figure the explanation needs) go to the explanation.
      const images = fields.answer.filter((l) => IMAGE_LINE.test(l.text));
      const key = readAnswerKey(joinLines(fields.answer.filter((l) => !images.includes(l))), new Set(group.options.map((o) => o.letter!)));
      if (key && images.length) explanationExtra.push(joinLines(images));
      if (!key) {
        // Options with no key: a choice question whose key is missing, unless other text answers it.
        const rest = [...promptLines.slice(0, group.start), ...promptLines.slice(group.end), ...fields.answer];
        const letters = `${group.options[0]!.letter}–${group.options[group.options.length - 1]!.letter}`;
        const add = context.chinese ? '答案：B' : 'Answer: B';
        if (!split.answered && !rest.some((l) => !isBlank(l.text))) {
          context.warn(draft.line, `${describe(draft, title)} is skipped: it has options ${letters} but no answer key; add "${add}" under them`, true);
          return null;
        }
        context.warn(draft.line, `${describe(draft, title)} has options ${letters} but no answer key ("${add}"); it is imported as an open question`);
        group = null;
      }
      else {
        group = { ...group, options: group.options.map((o) => ({ ...o, checked: key.letters.includes(o.letter!) })) };
        if (key.rest) explanationExtra.push(key.rest);
        answerLines = [];
      }
    }
    if (group) {
      const before = promptLines.slice(0, group.start);
      const after = promptLines.slice(group.end);
      const hinted = context.quizdown || group.syntax.startsWith('lia') ? takeQuotes(before) : { quotes: [], rest: before };
      promptLines = hinted.rest;
      if (hinted.quotes.length) hintLines = [...hinted.quotes, ...(hintLines.length ? [{ text: '', line: 0 }, ...hintLines] : [])];
      // Pictures beside the options belong to the question ("What is this tool called?"); other text explains.
      const pictures = after.filter((l) => IMAGE_LINE.test(l.text));
      if (pictures.length) promptLines = [...promptLines, { text: '', line: 0 }, ...pictures];
      // A quote after the options (quizdown) explains: its marks go.
      const afterText = joinLines(after.filter((l) => !IMAGE_LINE.test(l.text)).map((l) => ({ ...l, text: l.text.replace(/^\s*>\s?/, '') })));
      if (afterText) explanationExtra = [afterText, ...explanationExtra];
      const texts = group.syntax === 'lettered' ? group.options.map((o) => o.text.trim()) : stripOptionLetters(group.options.map((o) => o.text.trim()));
      choices = group.options.map((o, i) => ({ text: escapeChoiceText(texts[i]!), correct: !!o.checked, ...(o.feedback ? { feedback: o.feedback } : {}) }));
      multiple = !!group.multiple;
      if (!choices.some((c) => c.correct)) {
        context.warn(draft.line, `${describe(draft, title)} is skipped: none of its options is marked correct`, true);
        return null;
      }
      if (!split.answered) answerLines = [];
    }
  } else if (interaction?.type === 'ordering') {
    const before = promptLines.slice(0, interaction.start);
    const after = promptLines.slice(interaction.end);
    promptLines = before;
    if (!split.answered) answerLines = interaction.items.map((item, i) => ({ text: `${i + 1}. ${item}`, line: draft.line }));
    const afterText = joinLines(context.quizdown ? takeQuotes(after).quotes : after);
    if (afterText) explanationExtra.unshift(afterText);
    context.warn(draft.line, `${describe(draft, title)} asks to put items in order; the card cannot ask that yet, so it is imported as an open question whose answer is the list in order`);
  }

  // Without an answer, in a document that does not label its answers, the text under the title is the answer.
  let promptIsTitle = false;
  if (!choices && interaction?.type !== 'ordering' && !answerLines.some((l) => !isBlank(l.text))) {
    // A question that labels some of its text (a prompt, a hint) but not an answer has none.
    if (draft.kind !== 'coding' && !split.answered && split.labels.length === 0) {
      answerLines = promptLines;
      promptLines = [];
      promptIsTitle = true;
    }
  }

  // A heading that names a topic ("## Q3 Neural networks") over a question written beneath it:
  // the question is the title.
  const structured = !!choices || interaction !== null || split.answered;
  let titleFromText = false;
  const promptLabelled = split.labels.some((l) => l.field === 'prompt');
  if ((!title || (draft.labelTitle && structured && !promptLabelled)) && promptLines.length > 0) {
    const stem = firstParagraph(promptLines);
    const stemTitle = stem ? cleanText(stem.text) : '';
    if (stemTitle && (!title || isQuestionLike(stemTitle) || stemTitle.toLowerCase().includes(title.toLowerCase()))) {
      titleFromText = !!title;
      title = titleFrom(stem!.text, { numbering: !title }).title;
    }
  }
  if (!title) {
    context.warn(draft.line, draft.number !== undefined ? `question ${draft.number} is skipped: it has no title after its number` : 'a question is skipped: it has no title', true);
    return null;
  }
  const cut = shortTitle(title);
  const answer = choices && answerLines.length === 0 ? choicesAnswer(choices) : joinLines(answerLines);
  if (isPlaceholder(answer)) {
    const how = split.labels.length > 0 || draft.kind === 'coding' ? `add ${labelName('answer', context.chinese)}${draft.kind === 'coding' ? ' or a fenced code block' : ''} under it` : 'write the answer under it';
    const why = answer ? `its answer "${cleanText(answer).slice(0, 40)}" is a placeholder` : 'it has no answer';
    context.warn(draft.line, `${describe(draft, cut.title)} is skipped: ${why}; ${how}`, true);
    return null;
  }

  const prompt = joinLines(promptLines);
  const question: Question = {
    id: '',
    kind: draft.kind,
    title: cut.title,
    topics: [],
    prompt: promptIsTitle || !prompt ? promptFromTitle(draft, title, titleFromText) : prompt,
    answer,
  };
  const explanation = [joinLines(fields.explanation), ...explanationExtra].filter(Boolean).join('\n\n');
  if (explanation) question.explanation = explanation;
  const example = joinLines(fields.example);
  if (example) question.example = example;
  const hint = joinLines(hintLines);
  if (hint) question.hint = hint;
  if (choices) {
    question.choices = choices;
    // Checkboxes with one right option need saying; with several, the count says it.
    if (multiple && choices.filter((c) => c.correct).length === 1) question.multiple = true;
  }
  return { question, line: draft.line, titleFromText };
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
