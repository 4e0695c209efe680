/**
 * Moodle GIFT, both ways. Import reads multiple choice (`=`/`~`, `%50%` weights), true/false,
 * short answer and missing word (fill-in), numeric, matching and essay questions, feedback (`#`,
 * `####`), `$CATEGORY` (topics), `::title::`, the `[html]`/`[markdown]`/`[moodle]`/`[plain]` text
 * formats and escapes. What a type cannot hold (partial credit of a short or numeric answer, a
 * second right number) is left out with a warning; the feedback of the answers kept explains the
 * question. Export writes a bank as GIFT that imports to the same bank, and writes back the
 * `gift` record older imports kept for the types the card could not ask then.
 */
import { BANK_FORMAT, type Bank, type Choice, type Question } from '../bank/types.js';
import { fillInAnswer } from '../interactions/fill-in/fill-in.js';
import { matchingAnswer } from '../interactions/matching/matching.js';
import { numericAnswerText } from '../interactions/numeric/numeric.js';
import { trueFalseAnswer } from '../interactions/true-false/true-false.js';
import { stripOptionLetters } from './option-letters.js';
import { escapeGift, readAnswers, round, unescapedIndex, unescapeGift } from './gift-syntax.js';
import type { GiftForm } from '../interactions/gift-form.js';
import { fillInGift, gapOf, readShortAnswer } from '../interactions/fill-in/gift.js';
import { matchingGift, readMatching } from '../interactions/matching/gift.js';
import { describeNumber, numericGift, numericOf, readNumbers, type GiftNumber } from '../interactions/numeric/gift.js';
import { orderingGift } from '../interactions/ordering/gift.js';
import { readTrueFalse, trueFalseGift } from '../interactions/true-false/gift.js';
import { htmlToMarkdown } from './html-text.js';
import { Diagnostics, nothingRead, settleImport } from './report.js';
import type { ImportOptions, ImportResult, ImportSuccess } from './markdown.js';
import { isSlug, questionIdFromTitle, uniqueIds } from './question-id.js';
import { bankShortTitle, dropInvalidQuestions, fileTitle, fitQuestion, orderQuestionKeys, pickId, pickLanguage } from './assemble.js';
import { detectLanguage } from './language.js';
import { assignTopics, bankTopics, sectionTopics } from './topics.js';
import { cleanText, shortTitle } from './titles.js';
import { linkVariantsInBank } from './variants.js';

export { escapeGift, unescapeGift } from './gift-syntax.js';
export type { GiftNumber } from '../interactions/numeric/gift.js';

/** What an older GIFT import kept about a question the card could not ask then; export still reads it. */
export type GiftRecord =
  | { type: 'short-answer'; answers: GiftAnswer[] }
  | { type: 'numeric'; answers: GiftNumber[] }
  | { type: 'matching'; pairs: { left: string; right: string }[] };

export interface GiftAnswer {
  text: string;
  /** Percent; omitted for 100. */
  weight?: number;
  feedback?: string;
}

type Format = 'moodle' | 'html' | 'markdown' | 'plain';

function convert(text: string, format: Format): string {
  const plain = unescapeGift(text).trim();
  if (format === 'html') return htmlToMarkdown(plain);
  // Plain text is text: what markdown would read as marks is escaped.
  if (format === 'plain') return plain.replace(/[\\`*_[\]<]/g, '\\$&').replace(/^(\s*)([#>+-]|\d+[.)])(?=\s)/gm, '$1\\$2');
  return plain;
}

const RIGHT_WORDS = /^(correct|right|yes|richtig|correcto|correcta|correct!|верно|правильно|正确|对|bien)\b/i;
const WRONG_WORDS = /^(incorrect|wrong|no|falsch|incorrecto|incorrecta|неверно|неправильно|错误|错|faux|mal)\b/i;

interface Parsed {
  line: number;
  title?: string;
  category?: string;
  /** From a `// id: my-id` comment right above the question (what an export writes for pinned ids). */
  pinnedId?: string;
  question?: Question;
  gift?: GiftRecord;
}

/**
 * Imports a GIFT document. Questions that cannot be read are skipped with a warning; the rest make
 * the bank. With `throwOnError: true`, an import with errors throws an `ImportError`.
 */
export function importGift(source: string, options: ImportOptions & { throwOnError: true }): ImportSuccess;
export function importGift(source: string, options?: ImportOptions): ImportResult;
export function importGift(source: string, options: ImportOptions = {}): ImportResult {
  return settleImport(readGift(source, options), options);
}

function readGift(source: string, options: ImportOptions): ImportResult {
  const file = options.file ?? 'questions.gift';
  const diagnostics = new Diagnostics(file);
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const parsed: Parsed[] = [];
  let category: string | undefined;
  let chunk: string[] = [];
  let chunkLine = 1;
  let depth = 0;
  let pinned: string | undefined;
  const flush = () => {
    const text = chunk.join('\n').trim();
    chunk = [];
    if (!text) return;
    const result = readQuestion(text, chunkLine, diagnostics);
    if (result) parsed.push({ ...result, ...(category ? { category } : {}), ...(pinned ? { pinnedId: pinned } : {}) });
    pinned = undefined;
  };
  lines.forEach((raw, index) => {
    const line = index + 1;
    const trimmed = raw.trim();
    if (depth === 0 && trimmed.startsWith('//')) {
      const id = /^\/\/\s*id:\s*(.+?)\s*$/.exec(trimmed)?.[1];
      if (id && chunk.length === 0) {
        if (isSlug(id)) pinned = id;
        else diagnostics.warn(line, `pinned id "${id}" is not a slug (lower-case letters, digits, single hyphens); using one made from the title`);
      }
      return;
    }
    if (depth === 0 && /^\$CATEGORY:/i.test(trimmed)) {
      flush();
      category = categoryTitle(trimmed.replace(/^\$CATEGORY:\s*/i, '')) || undefined;
      return;
    }
    // A blank line ends a question, even one whose "{" was never closed: the next ones still count.
    if (!trimmed) {
      // …unless the answer block goes on after it ("=", "~", "#" or "}" next).
      if (depth > 0 && ANSWER_LINE.test(lines.slice(index + 1, index + 20).find((l) => l.trim()) ?? '')) {
        chunk.push(raw);
        return;
      }
      if (depth > 0) {
        diagnostics.warn(chunkLine, 'an answer block { is never closed with }; the question is skipped', true);
        chunk = [];
        depth = 0;
        pinned = undefined;
      }
      flush();
      return;
    }
    if (chunk.length === 0) chunkLine = line;
    if (depth > 0 && trimmed.startsWith('//')) return;
    chunk.push(raw);
    depth = Math.max(0, depth + braceBalance(raw));
  });
  if (depth > 0) diagnostics.warn(chunkLine, 'an answer block { is never closed with }; the question is skipped', true);
  else flush();

  const questions = parsed.filter((p): p is Parsed & { question: Question } => !!p.question);
  if (questions.length === 0) {
    const skipped = diagnostics.list.some((d) => d.skipped);
    diagnostics.fail(1, skipped ? nothingRead(diagnostics.list) : 'no question found: GIFT questions look like "::Title:: What is 2+2? {=4 ~3 ~5}", separated by blank lines');
    return { bank: null, diagnostics: diagnostics.finish(false) };
  }
  const language = pickLanguage(options.language, () => detectLanguage(questions.map((p) => `${p.question.title}\n${p.question.prompt}`).join('\n')), diagnostics);
  const name = fileTitle(file);
  const id = pickId(options.id, file, name, diagnostics);
  const ids = uniqueIds(questions.map((p) => p.pinnedId ?? questionIdFromTitle(p.question.title)));
  const list = questions.map((p, i) => orderQuestionKeys({ ...p.question, id: ids[i]! }));
  for (const question of list) if (question.type === 'true-false') question.answer = trueFalseAnswer(question.isTrue === true, language);
  list.forEach((question, i) => fitQuestion(question, questions[i]!.line, diagnostics));
  const categoryOf = new Map(list.map((q, i) => [q as object, questions[i]!.category]));
  const topics = sectionTopics(list, (q) => (categoryOf.get(q) ? { title: categoryOf.get(q)! } : undefined), language);
  for (const question of list) question.topics = options.topics ? assignTopics(question, options.topics, topics.of(question)) : [topics.of(question)?.id ?? topics.neutral.id];
  linkVariantsInBank(list);
  const used = new Set(list.flatMap((q) => q.topics));
  const short = bankShortTitle(options.shortTitle);
  const whole: Bank = { format: BANK_FORMAT, id, title: name, ...(short ? { shortTitle: short } : {}), language, topics: bankTopics(used, options.topics, language, topics.all), questions: list };
  const bank = dropInvalidQuestions(whole, questions.map((p) => p.line), diagnostics);
  if (bank.questions.length === 0) diagnostics.fail(1, nothingRead(diagnostics.list));
  const all = diagnostics.finish(options.strict ?? false);
  const lineOf = new Map(list.map((q, i) => [q.id, questions[i]!.line]));
  return all.some((d) => d.severity === 'error') ? { bank: null, diagnostics: all } : { bank, diagnostics: all, lines: bank.questions.map((q) => lineOf.get(q.id) ?? 1) };
}

function braceBalance(text: string): number {
  let balance = 0;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '{') balance++;
    else if (text[i] === '}') balance--;
  }
  return balance;
}

/** `$course$/Module 1/Lesson 3` → `Lesson 3`: the category a question sits in, as a topic title. */
function categoryTitle(path: string): string {
  const parts = path
    .split('/')
    .map((p) => p.trim())
    .filter((p) => p && !/^\$[a-z0-9]+\$$/i.test(p) && p.toLowerCase() !== 'top');
  return parts[parts.length - 1] ?? '';
}

/** A line that carries on an answer block. */
const ANSWER_LINE = /^\s*[=~#}]/;

function readQuestion(source: string, line: number, diagnostics: Diagnostics): { line: number; question?: Question; gift?: GiftRecord } | null {
  let rest = source;
  let title: string | undefined;
  if (rest.startsWith('::')) {
    const end = unescapedIndex(rest, '::', 2);
    if (end > 0) {
      title = unescapeGift(rest.slice(2, end)).trim();
      rest = rest.slice(end + 2);
    }
  }
  rest = rest.trimStart();
  let format: Format = 'moodle';
  const marker = /^\[(html|moodle|plain|markdown)\]/i.exec(rest);
  if (marker) {
    format = marker[1]!.toLowerCase() as Format;
    rest = rest.slice(marker[0].length);
  }
  const open = unescapedIndex(rest, '{');
  if (open < 0) {
    diagnostics.warn(line, `text without an answer block {…} is skipped: "${cleanText(unescapeGift(rest)).slice(0, 60)}"`, true);
    return null;
  }
  let close = -1;
  for (let i = open + 1, depth = 1; i < rest.length; i++) {
    if (rest[i] === '\\') i++;
    else if (rest[i] === '{') depth++;
    else if (rest[i] === '}' && --depth === 0) {
      close = i;
      break;
    }
  }
  if (close < 0) {
    diagnostics.warn(line, 'an answer block { is never closed with }; the question is skipped', true);
    return null;
  }
  const before = rest.slice(0, open);
  const after = rest.slice(close + 1);
  if (unescapedIndex(after, '{') >= 0) {
    diagnostics.warn(line, `two answer blocks {…} in one question: separate questions with a blank line; "${cleanText(unescapeGift(before)).slice(0, 50)}" is skipped`, true);
    return null;
  }
  const block = rest.slice(open + 1, close).trim();
  const missingWord = after.trim() !== '';
  const stemSource = missingWord ? `${before.trimEnd()} _____ ${after.trimStart()}` : before;
  const stem = convert(stemSource, format);
  const { answers, general, core } = readAnswers(block);
  const md = (s: string) => convert(s, format);
  const explanation = general ? md(general) : '';
  // The blank of a missing-word question shows in its title as "…", not as nothing.
  const cut = chooseTitle(title, missingWord ? stem.replace(/_{5}/g, '…') : stem);
  if (!cut.title) {
    diagnostics.warn(line, 'a question without title or text is skipped', true);
    return null;
  }
  const base: Question = { id: '', kind: 'concept', title: cut.title, topics: [], prompt: stem || cut.title, answer: '' };
  const described = `question "${cut.title.slice(0, 60)}"`;
  /** A question of a type with its own fields; the feedback of the answers kept comes before the general feedback. */
  const typed = (fields: Partial<Question>, answer: string, feedback: (string | undefined)[] = []) => {
    const notes = [...new Set(feedback.filter((f): f is string => !!f && f.trim() !== '').map((f) => f.trim()))];
    const question: Question = { ...base, ...fields, answer };
    const why = [...notes, ...(explanation ? [explanation] : [])].join('\n\n');
    if (why) question.explanation = why;
    return { line, question };
  };

  /** Warns about answers a type cannot hold: partial credit, and right answers after the first. */
  const leftOut = (partial: string[], others: string[]) => {
    if (partial.length) diagnostics.warn(line, `${described}: answers worth less than 100% cannot be kept and are left out: ${partial.join(', ')}`);
    if (others.length) diagnostics.warn(line, `${described}: only the first right answer is kept; left out: ${others.join(', ')}`);
  };

  if (core === '') {
    if (!explanation) {
      diagnostics.warn(line, `${described} is an essay question with no model answer (general feedback "####…"); it is skipped`, true);
      return null;
    }
    return { line, question: { ...base, answer: explanation } };
  }
  const trueFalse = answers.length === 0 ? readTrueFalse(core) : null;
  if (trueFalse) {
    const { isTrue, feedback } = trueFalse;
    return typed({ type: 'true-false', isTrue }, trueFalseAnswer(isTrue, 'en'), feedback.map((text) => (text === undefined ? undefined : md(text))));
  }
  if (core.startsWith('#')) {
    const numbers = readNumbers(core.slice(1), md);
    if (numbers.length === 0) {
      diagnostics.warn(line, `${described} has a numeric answer block that cannot be read ("{${block.slice(0, 40)}}"); it is skipped`, true);
      return null;
    }
    const right = numbers.filter((n) => n.weight === undefined);
    leftOut(numbers.filter((n) => n.weight !== undefined).map(describeNumber), right.slice(1).map(describeNumber));
    if (right.length === 0) {
      diagnostics.warn(line, `${described} has no numeric answer worth 100%; it is skipped`, true);
      return null;
    }
    const numeric = numericOf(right[0]!);
    return typed({ type: 'numeric', numeric }, numericAnswerText(numeric), [right[0]!.feedback]);
  }
  if (answers.length === 0) {
    diagnostics.warn(line, `${described} has an answer block with no answers ("{${block.slice(0, 40)}}"); start each answer with = (right) or ~ (wrong)`, true);
    return null;
  }
  const matching = readMatching(answers, md);
  if (matching) return typed({ type: 'matching', ...matching }, matchingAnswer(matching.pairs));

  let options = answers.map((a) => ({ ...a, text: md(a.text), feedback: a.feedback === undefined ? undefined : md(a.feedback) }));
  if (options.every((a) => a.mark === '=')) {
    // Every answer right: a short-answer question, unless the feedback says which are right,
    // as when a choice question was exported with every option marked "=".
    const rightByFeedback = options.map((a) => (a.feedback && RIGHT_WORDS.test(cleanText(a.feedback)) ? true : a.feedback && WRONG_WORDS.test(cleanText(a.feedback)) ? false : null));
    if (options.length >= 2 && rightByFeedback.every((v) => v !== null) && rightByFeedback.includes(true) && rightByFeedback.includes(false)) {
      diagnostics.warn(line, `${described} marks every answer with "=" (in GIFT, a short-answer question) but its feedback says which are right; imported as a choice question. Mark the wrong options with "~"`);
      options = options.map((a, i) => ({ ...a, mark: rightByFeedback[i] ? '=' : '~' }));
    } else {
      const short = readShortAnswer(options);
      leftOut(short.partial, []);
      if (!short.blanks) {
        diagnostics.warn(line, `${described} has no short answer worth 100%; it is skipped`, true);
        return null;
      }
      // A missing-word question has its blank (_____) in the prompt; a short-answer one asks after it.
      return typed({ type: 'fill-in', blanks: short.blanks }, fillInAnswer(short.blanks), short.feedback);
    }
  }
  const texts = stripOptionLetters(options.map((a) => a.text));
  // With an "=" answer the question is single choice, as Moodle reads it: answers worth 100% are
  // right; partial credit ("~%25%") is kept as a weight only. Without, every positive weight is right.
  const single = options.some((a) => a.mark === '=');
  const credit = options.map((a) => a.weight ?? (a.mark === '=' ? 100 : 0));
  const correct = credit.map((f) => (single ? f >= 100 : f > 0));
  const rightCount = correct.filter(Boolean).length;
  if (rightCount === 0) {
    diagnostics.warn(line, `${described} has no right answer (mark it with "=" or a positive "%50%" weight); it is skipped`, true);
    return null;
  }
  // Weights are kept where they say more than right or wrong does: not 100% (single choice) or an
  // even share (checkboxes) for a right option, not 0% or the usual -100% penalty for a wrong one.
  const natural = (f: number, right: boolean) => (right ? Math.abs(f - (single ? 100 : 100 / rightCount)) < 0.01 : f === 0 || f === -100);
  const choices: Choice[] = options.map((a, i) => ({
    text: texts[i]!,
    correct: correct[i]!,
    ...feedbackFor(a.feedback),
    ...(natural(credit[i]!, correct[i]!) ? {} : { weight: credit[i]! }),
  }));
  const right = choices.filter((c) => c.correct);
  // Checkboxes with one right option: Moodle's multiple-answer form (a penalty or partial credit, no "=").
  const partial = !single && rightCount === 1 && credit.some((f) => f < 0 || (f > 0 && f < 100));
  const question: Question = {
    ...base,
    answer: right.length === 1 ? right[0]!.text : right.map((c) => `- ${c.text}`).join('\n'),
    choices,
    ...(partial ? { multiple: true } : {}),
  };
  if (explanation) question.explanation = explanation;
  return { line, question };
}

function feedbackFor(feedback: string | undefined): { feedback?: string } {
  return feedback && feedback.trim() ? { feedback: feedback.trim() } : {};
}

/**
 * `::Title::` as written (plain text in GIFT), unless it is a code (`Q7`, `570iM1L3Q7`) or a cut
 * of the text (`What is …`): then the first line of the text, cut at its first sentence if long.
 */
function chooseTitle(title: string | undefined, stem: string): { title: string; cut: boolean } {
  const text = shortTitle(cleanText(stem.split('\n')[0] ?? ''));
  if (!title) return text;
  const plain = title.replace(/\s+/g, ' ').trim();
  const truncated = /(\.\.\.|…)$/.test(plain);
  // "Q7", "12", "570iM1L3Q7": a number, or letters and digits in more than one run; "IPv6" is a name.
  const code = /^[A-Za-z]?\d+$/.test(plain) || /^(?:[A-Za-z]*\d+){2,}[A-Za-z]*$/.test(plain);
  if (text.title && (truncated || code)) return text;
  return plain ? { title: plain, cut: false } : text;
}

// ---------------------------------------------------------------------------------------------
// Export

export interface GiftExport {
  text: string;
  /** What GIFT cannot hold, for the command to report. */
  notes: string[];
}

/** The choices a GIFT true/false question imports as, which export as `{TRUE}`/`{FALSE}` again. */
const TRUE_FALSE_TEXTS = ['True', 'False'];

/** The bank as GIFT (`[markdown]` text), questions grouped by their first topic as `$CATEGORY`. */
export function exportGift(bank: Bank): GiftExport {
  const notes: string[] = [];
  const out: string[] = [`// ${bank.title} (${bank.id}), exported by quiz-elements`, ''];
  const topicTitle = new Map(bank.topics.map((t) => [t.id, t.title]));
  let category: string | undefined;
  const dropped = { hint: 0, example: 0, coding: 0, explanation: 0, record: 0 };
  /** What a type's GIFT form cannot hold, counted by what is lost. */
  const lost = new Map<string, number>();
  const lose = (what: string) => lost.set(what, (lost.get(what) ?? 0) + 1);
  for (const question of bank.questions) {
    const topic = topicTitle.get(question.topics[0] ?? '') ?? question.topics[0];
    if (topic && topic !== category) {
      category = topic;
      out.push(`$CATEGORY: ${topic.replace(/\//g, '-')}`, '');
    }
    if (question.hint) dropped.hint++;
    if (question.example) dropped.example++;
    if (question.kind === 'coding') dropped.coding++;
    const typed = typedBlock(question, lose);
    const record = typed ? undefined : readableRecord(question);
    if (question.gift && !typed && !record) dropped.record++;
    if (!question.choices && !typed && !record && question.explanation) dropped.explanation++;
    // Every id is kept in a comment (other readers skip it), so learner progress, stored under ids,
    // survives a round trip even where GIFT changes the title (a code such as "Q7").
    out.push(`// id: ${question.id}`);
    const head = `::${escapeGift(question.title)}::[markdown]`;
    // A choice question with a blank in its text is GIFT's missing-word form too, so it imports the same way again.
    const gap = typed ? typed.gap : question.choices ? gapOf(question.prompt) : undefined;
    if (gap) out.push(`${head}${escapeGift(gap[0])}{`, ...(typed?.lines ?? answerBlock(question, record)), `}${escapeGift(gap[1])}`, '');
    else out.push(`${head}${escapeGift(question.prompt)} {`, ...(typed?.lines ?? answerBlock(question, record)), '}', '');
  }
  for (const [what, count] of lost) notes.push(`${what} of ${count} question${count === 1 ? '' : 's'} left out (${LOST_WHY[what] ?? 'GIFT cannot say it'})`);
  if (dropped.hint) notes.push(`${dropped.hint} hint${dropped.hint === 1 ? '' : 's'} left out (GIFT has no hints)`);
  if (dropped.example) notes.push(`${dropped.example} example${dropped.example === 1 ? '' : 's'} left out (GIFT has no examples)`);
  if (dropped.record) notes.push(`${dropped.record === 1 ? '1 question whose gift record lacks' : `${dropped.record} questions whose gift records lack`} the answers GIFT needs exported as open (the answer is the general feedback)`);
  if (dropped.explanation) notes.push(`${dropped.explanation} explanation${dropped.explanation === 1 ? '' : 's'} of open questions left out (their answer is GIFT's general feedback)`);
  if (dropped.coding) notes.push(`${dropped.coding === 1 ? '1 coding question exported as an ordinary question' : `${dropped.coding} coding questions exported as ordinary questions`} (GIFT has no kinds)`);
  return { text: `${out.join('\n').trimEnd()}\n`, notes };
}

/** The question's `gift` record if it has the shape an import writes, else undefined (a hand-made bank may hold anything). */
function readableRecord(question: Question): GiftRecord | undefined {
  const gift = question.gift as Partial<{ type: string; answers: unknown; pairs: unknown }> | undefined;
  if (!gift) return undefined;
  const texts = (items: unknown, keys: string[]) => Array.isArray(items) && items.length > 0 && items.every((item) => typeof item === 'object' && item !== null && keys.every((key) => typeof (item as Record<string, unknown>)[key] === 'string'));
  if (gift.type === 'short-answer' && texts(gift.answers, ['text'])) return gift as GiftRecord;
  if (gift.type === 'matching' && texts(gift.pairs, ['left', 'right'])) return gift as GiftRecord;
  const number = (n: unknown) => typeof n === 'number' && Number.isFinite(n);
  if (gift.type === 'numeric' && Array.isArray(gift.answers) && gift.answers.length > 0 && gift.answers.every((a: GiftNumber) => number(a?.value) || (number(a?.min) && number(a?.max)))) return gift as GiftRecord;
  return undefined;
}

const LOST_WHY: Record<string, string> = {
  'the case rule': 'GIFT short answers ignore case',
  'the typo rule': 'GIFT has no typo tolerance',
  'the unit': 'GIFT numbers have no unit',
  'the percent tolerance (written as an absolute one)': 'GIFT tolerances are absolute',
  'the order asked': 'GIFT has no ordering question; exported as open, the answer as general feedback',
  'the blanks': 'GIFT asks one blank; exported as open, the answer as general feedback',
};

/** Each type's GIFT form, from its own folder. */
const GIFT_FORMS: Partial<Record<string, GiftForm>> = { 'true-false': trueFalseGift, 'fill-in': fillInGift, numeric: numericGift, matching: matchingGift, ordering: orderingGift };

/**
 * The GIFT answer block of a question of a type with its own fields (with the general feedback),
 * and the prompt cut at its blank (a missing-word question); null for choice and open questions,
 * and for what GIFT cannot ask (an ordering, several blanks: exported as open, `lose` says so).
 */
function typedBlock(question: Question, lose: (what: string) => void): { lines: string[]; gap?: [string, string] } | null {
  const block = question.type ? GIFT_FORMS[question.type]?.(question, lose) : null;
  if (!block) return null;
  const general = question.explanation ? [`\t####${escapeGift(question.explanation)}`] : [];
  return { ...block, lines: [...block.lines, ...general] };
}

function answerBlock(question: Question, gift: GiftRecord | undefined): string[] {
  const general = question.explanation ? [`\t####${escapeGift(question.explanation)}`] : [];
  const feedback = (text: string | undefined) => (text ? `#${escapeGift(text)}` : '');
  if (gift?.type === 'short-answer') {
    return [...gift.answers.map((a) => `\t=${a.weight === undefined ? (/^%-?\d/.test(a.text) ? '%100%' : '') : `%${a.weight}%`}${escapeGift(a.text)}${feedback(a.feedback)}`), ...general];
  }
  if (gift?.type === 'numeric') {
    return [
      '\t#',
      ...gift.answers.map((n) => `\t=${n.weight === undefined ? '' : `%${n.weight}%`}${n.min !== undefined ? `${n.min}..${n.max}` : `${n.value}${n.tolerance !== undefined ? `:${n.tolerance}` : ''}`}${feedback(n.feedback)}`),
      ...general,
    ];
  }
  if (gift?.type === 'matching') return [...gift.pairs.map((p) => `\t=${escapeGift(p.left)} -> ${escapeGift(p.right)}`), ...general];
  const choices = question.choices;
  if (!choices) return [`\t####${escapeGift(question.answer)}`];
  if (choices.length === 2 && choices.every((c, i) => c.text === TRUE_FALSE_TEXTS[i]) && !choices.some((c) => c.weight !== undefined)) {
    const right = choices[0]!.correct;
    const rightChoice = choices.find((c) => c.correct)!;
    const wrongChoice = choices.find((c) => !c.correct)!;
    const feedbacks = wrongChoice.feedback || rightChoice.feedback ? `#${escapeGift(wrongChoice.feedback ?? '')}${rightChoice.feedback ? `#${escapeGift(rightChoice.feedback)}` : ''}` : '';
    return [`\t${right ? 'TRUE' : 'FALSE'}${feedbacks}`, ...general];
  }
  const rightCount = choices.filter((c) => c.correct).length;
  // "=" marks the right options of a single-choice question, and of any question where a wrong
  // option earns partial credit (only single-choice GIFT can say that). Checkboxes are Moodle's
  // multiple-answer form: every option weighted, the right ones sharing 100%, the wrong ones -100%.
  const equals = (rightCount === 1 && question.multiple !== true) || choices.some((c) => !c.correct && typeof c.weight === 'number' && c.weight > 0);
  // Options that would lose a typed letter on import ("A) B. subtilis") keep one layer of letters.
  const texts = stripOptionLetters(choices.map((c) => c.text)).some((text, i) => text !== choices[i]!.text) ? choices.map((c, i) => `${String.fromCharCode(65 + i)}) ${c.text}`) : choices.map((c) => c.text);
  return [
    ...choices.map((c, i) => {
      const stored = typeof c.weight === 'number' ? c.weight : undefined;
      const weight = equals ? stored : (stored ?? (c.correct ? round(100 / rightCount) : -100));
      const mark = equals && c.correct ? '=' : '~';
      const text = escapeGift(texts[i]!);
      // A text that starts like a weight ("%25% off") needs its weight written out.
      const percent = weight !== undefined ? `%${weight}%` : /^%-?\d/.test(text) ? (mark === '=' ? '%100%' : '%0%') : '';
      return `\t${mark}${percent}${text}${feedback(c.feedback)}`;
    }),
    ...general,
  ];
}

export { reportWarnings } from './report.js';
export { looksLikeGift } from './format.js';
/** The importer under the name the bank loader calls every importer by. */
export { importGift as importText };
