/**
 * Question titles as readers want them: plain text on one line, without the numbering, emphasis,
 * emoji and link clutter authors put around them, and short enough for a list row. Also the
 * test for whether a line of text reads as a question, which structure inference leans on.
 */
import { plainText } from '../text/plain-text.js';

/** Leading numbering: `1.`, `1)`, `1、`, `1.1`, `Q1.`, `Q1:`, `Q 1`, `#1`, `(1)`, `题 1：`, `面试题 1：`, `第1题`, `Question 1:`. */
const NUMBERING = [
  /^(?:Q|Question|Problem|Exercise|Frage|Pregunta|Вопрос)\s*(\d{1,4})\s*(?:[.．:：、)）]\s*|\s+|$)/i,
  /^(?:面试题|题目|问题|题|问)\s*(\d{1,4})\s*[.．:：、)）]?\s*/,
  /^第\s*(\d{1,4})\s*[题題问]\s*[.．、:：)）]?\s*/,
  /^(\d{1,4})\.\d{1,3}(?:\.\d{1,3})*(?:\s*[.．、:：)）])?\s+/,
  /^(\d{1,4})(?:\.\d{1,3})*\s*[.．、:：)）]\s*/,
  /^[(（](\d{1,3})[)）]\s*/,
  /^#(\d{1,4})\s+/,
];
const CIRCLED = /^([\u2460-\u2473])\s*/;

/** The number a title starts with, and the title without it; `number` is undefined without numbering. */
export function splitNumbering(text: string): { number?: number; text: string } {
  const trimmed = text.trim();
  for (const pattern of NUMBERING) {
    const match = pattern.exec(trimmed);
    if (match && match[0].length < trimmed.length) return { number: Number(match[1]), text: trimmed.slice(match[0].length).trim() };
  }
  const circled = CIRCLED.exec(trimmed);
  if (circled && circled[0].length < trimmed.length) return { number: circled[1]!.charCodeAt(0) - 0x245f, text: trimmed.slice(circled[0].length).trim() };
  return { text: trimmed };
}

/**
 * A heading's numbering, also in the shape `### 1  **Title**` (a number, then two spaces or the
 * emphasis the title is in): a number alone before a space is otherwise part of the title
 * ("3 ways to …").
 */
export function splitHeadingNumbering(text: string): { number?: number; text: string } {
  // Emoji before the number ("🔥 1. What is a closure?") are decoration.
  const trimmed = text.trim().replace(LEADING_EMOJI, '');
  const loose = /^(\d{1,3})(?:\s{2,}|\s+(?=\*\*|__))/.exec(trimmed);
  if (loose) return { number: Number(loose[1]), text: trimmed.slice(loose[0].length) };
  return splitNumbering(stripEmphasisAround(trimmed).text);
}

/** `**text**` → text (also `__text__`, `*text*`), reporting whether the whole text was emphasised. */
export function stripEmphasisAround(text: string): { text: string; emphasised: boolean } {
  const trimmed = text.trim();
  for (const mark of ['**', '__']) {
    if (trimmed.length > 4 && trimmed.startsWith(mark) && trimmed.endsWith(mark) && !trimmed.slice(2, -2).includes(mark)) {
      return { text: trimmed.slice(2, -2).trim(), emphasised: true };
    }
  }
  return { text: trimmed, emphasised: false };
}

// Emoji, with their variation selectors, joiners, keycaps and skin tones; © ® ™ stay (text).
const EMOJI = /(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|[\u{1F1E6}-\u{1F1FF}]|[\u{1F3FB}-\u{1F3FF}]|\uFE0F|\u20E3|\u200D/gu;
/** `[[src](…)]`, `[[1]](…)`, `[1]`: citation markers that point elsewhere. */
const CITATION = /\[\[[^[\]\n]{0,200}\]\([^()\s]{0,2000}\)\]|\[\[\d{1,4}\]\]\([^()\s]{0,2000}\)|\[\d{1,4}\](?!\()/g;

const LEADING_EMOJI = /^(?:(?:(?![\u00A9\u00AE\u2122])\p{Extended_Pictographic}|\uFE0F|\u200D|[\u{1F3FB}-\u{1F3FF}])\s*)+/u;

/** Markdown without emoji and citation markers, for prompts made from titles: code spans and emphasis stay. */
export function tidyMarkdown(markdown: string): string {
  return stripEmphasisAround(markdown.replace(CITATION, ' ').replace(EMOJI, '').replace(/\s+/g, ' ').trim()).text;
}

/** Plain text without emoji and citation markers, white space collapsed. */
export function cleanText(markdown: string): string {
  return plainText(markdown.replace(CITATION, ' ')).replace(EMOJI, '').replace(/\s+/g, ' ').trim();
}

/**
 * A title from a heading, bold line or summary: plain text, numbering, emphasis, emoji and
 * citation clutter removed. Returns the number the author gave, if any.
 */
export function titleFrom(markdown: string, options: { numbering?: boolean } = {}): { title: string; number?: number } {
  const clean = cleanText(markdown);
  const numbered = options.numbering === false ? { text: clean } : splitNumbering(clean);
  return { title: numbered.text.replace(/^[:：.．、\s-]+/, '').trim(), ...(numbered.number === undefined ? {} : { number: numbered.number }) };
}

/** Titles longer than this many characters are cut at the end of their first sentence. */
export const LONG_TITLE = 120;
/** A cut title keeps at least this many characters, and at most MAX_TITLE. */
const MIN_CUT = 12;
const MAX_TITLE = 200;

/** `title` cut at its first sentence when long; `cut` says whether the prompt needs the whole text. */
export function shortTitle(title: string): { title: string; cut: boolean } {
  const chars = [...title];
  if (chars.length <= LONG_TITLE) return { title, cut: false };
  const end = /[.?!](?=\s)|[。？！]/g;
  for (let match = end.exec(title); match; match = end.exec(title)) {
    const length = [...title.slice(0, match.index + 1)].length;
    if (length < MIN_CUT) continue;
    if (length > MAX_TITLE) break;
    return { title: title.slice(0, match.index + 1).trim(), cut: true };
  }
  if (chars.length <= MAX_TITLE) return { title, cut: false };
  return { title: `${chars.slice(0, MAX_TITLE - 1).join('').trimEnd()}…`, cut: true };
}

const QUESTION_WORDS = new RegExp(
  '^(?:' +
    [
      // English
      'what', "what's", 'why', 'how', 'when', 'where', 'which', 'who', 'whom', 'whose', 'is', 'are', 'was', 'were', 'do', 'does', 'did', 'can', 'could',
      'should', 'would', 'will', 'shall', 'may', 'has', 'have', 'explain', 'describe', 'define', 'name', 'list', 'compare', 'contrast', 'give', 'state',
      'discuss', 'outline', 'write', 'implement', 'tell', 'mention', 'identify', 'differentiate', 'distinguish', 'calculate', 'find', 'select', 'choose',
      'pick', 'put', 'arrange', 'fill in',
      'true or false', 'difference between', 'what is',
      // German, Spanish, French, Russian, Portuguese
      'wie', 'was', 'warum', 'wann', 'welche', 'welcher', 'welches', 'wer', 'wo', 'qué', 'que', 'cómo', 'cuál', 'cuáles', 'por qué', 'quién', 'dónde', 'cuándo',
      'quel', 'quelle', 'quels', 'comment', 'pourquoi', 'что', 'как', 'почему', 'какой', 'какая', 'какие', 'где', 'когда', 'кто', 'зачем', 'o que', 'qual',
    ].join('|') +
    ')(?=[\\s,:])',
  'i',
);
const CJK_QUESTION_WORDS = /什么|如何|为何|为什么|怎么|怎样|哪|是否|吗|呢|区别|多少|几种|有何|何时|能否|可否|异同|优缺点|优劣|作用|原理|含义/;
const CJK_INSTRUCTIONS = /^(简述|简要|请|说说|说一说|谈谈|谈一谈|介绍|解释|描述|比较|列举|举例|分析|阐述|论述|实现|写出|设计|计算|判断|给出|证明|讲讲|聊聊)/;

/**
 * Whether `text` (plain) reads as a question: it has a question mark, starts with a question or
 * instruction word, or (Chinese) asks with 什么, 如何, 区别, 吗… A line ending in a colon
 * introduces what follows instead, unless it also has a question mark.
 */
export function isQuestionLike(text: string): boolean {
  const trimmed = text.trim();
  if (!trimmed) return false;
  if (trimmed.includes('?') || trimmed.includes('？')) return true;
  if (/[:：]$/.test(trimmed)) return false;
  if (/\p{Script=Han}/u.test(trimmed)) return CJK_QUESTION_WORDS.test(trimmed) || CJK_INSTRUCTIONS.test(trimmed);
  return QUESTION_WORDS.test(trimmed) || /^¿/.test(trimmed);
}

/**
 * Whether `title` is a short label (a topic name, not a question): at most three words, or
 * four Chinese characters, and no question mark.
 */
export function isShortLabel(title: string): boolean {
  if (/[?？]/.test(title)) return false;
  const han = title.match(/\p{Script=Han}/gu)?.length ?? 0;
  const words = title.replace(/\p{Script=Han}/gu, ' ').split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return han + words <= 4 && (han === 0 ? words <= 3 : true);
}

/** Headings that are never questions: references, tables of contents and the like. */
const NOT_QUESTIONS = /^(参考资料|参考文献|参考链接|参考|资料|目录|总结|小结|结语|附录|附(?=[:：])|延伸阅读|相关阅读|references?|resources|sources|bibliography|see also|further reading|related|links|table of contents|contents|toc|summary|conclusion|acknowledge?ments|license|licence|contributing|changelog|quellen|literatur|inhalt|referencias|índice|indice|contenido)(?![\p{L}\p{N}])/iu;

export function isNeverQuestion(title: string): boolean {
  return NOT_QUESTIONS.test(title.trim());
}
