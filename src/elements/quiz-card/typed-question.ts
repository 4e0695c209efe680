/**
 * The part of `<quiz-card>` only typed questions (true/false, fill-in, numeric, ordering,
 * matching) need: the context their view gets, its Check button and the verdict. It comes with
 * the first such question's chunk, so a page of open and choice questions never downloads it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { Question } from '../../bank/types.js';
import { formatIssues, type BankIssue } from '../../bank/validate-core.js';
import { checkTypeFields } from '../../interactions/fields.js';
import type { Grading } from '../../interactions/interaction.js';
import type { InteractionContext, InteractionView } from '../../interactions/view.js';
import type { PracticeSession } from '../../practice/practice-set.js';
import { adoptStyles } from '../adopt-styles.js';
import type { CardView } from './card-view.js';
import { renderVerdict } from './views/choice-view.js';

/** The marks of a checked question, with the score the session holds (an exam's untouched question scored 0, though its starting order has some items right). */
function checkedGrading(session: PracticeSession, question: Question, item: InteractionView<unknown>, response: unknown): Grading {
  const state = session.state!;
  const graded = item.grade(question, response);
  const untouched = state.response === undefined;
  return { parts: untouched ? graded.parts.map(() => false) : graded.parts, score: state.score ?? graded.score, correct: state.correct ?? graded.correct };
}

/** What a type's view needs: the response, a way to change it, the grading once checked, and the card's services. */
export function interactionContext(view: CardView, item: InteractionView<unknown>): InteractionContext<unknown> {
  const { session, question, practice } = view;
  const state = session.state!;
  const response = state.response ?? item.initial(question);
  return {
    question,
    response,
    setResponse: practice.respond,
    grading: state.checked ? checkedGrading(session, question, item, response) : undefined,
    markdown: (text, place) => view.markdown(text, place),
    lang: view.strings.lang,
    bankLanguage: view.bank.language,
    announce: (message) => practice.announce(message),
    check: practice.check,
    // 229: a key an input method is composing with (WebKit reports isComposing late).
    checkOnEnter: (event) => {
      if (event.key === 'Enter' && !event.isComposing && event.keyCode !== 229) practice.check();
    },
    requestUpdate: () => practice.requestUpdate(),
  };
}

/** The hint, the type's view, then Check (from the card), or the verdict and explanation once checked. */
export function renderTyped(
  view: CardView,
  item: InteractionView<unknown>,
  blocks: { hint: TemplateResult | typeof nothing; explanation: TemplateResult; check: TemplateResult | typeof nothing },
): TemplateResult {
  adoptStyles(view.root, item.styles);
  const context = interactionContext(view, item);
  const grading = context.grading;
  return html`
    ${blocks.hint}
    <div class="interaction">${item.render(context)}</div>
    ${grading ? html`${renderVerdict(view, grading)}${blocks.explanation}` : blocks.check}
  `;
}

const problems = new WeakMap<Question, BankIssue[]>();

/** What is wrong with a typed question's own fields (the loader checks only the common ones); null when nothing. */
export function fieldProblems(question: Question): BankIssue[] | null {
  let found = problems.get(question);
  if (!found) {
    found = [];
    checkTypeFields(question as Record<string, unknown>, '', found);
    problems.set(question, found);
  }
  return found.length ? found : null;
}

const NOTE = {
  en: (id: string, type: string) => `Question "${id}" is asked as a flashcard: its ${type} fields are not valid. Fix the bank ("npx quiz-elements validate" lists the problems):`,
  zh: (id: string, type: string) => `题目“${id}”的 ${type} 字段无效，暂以问答卡片形式显示。请修正题库（"npx quiz-elements validate" 会列出问题）：`,
};

/** The note above a typed question asked as a flashcard because its fields are wrong. */
export function renderFieldProblems(question: Question, lang: string): TemplateResult {
  const issues = fieldProblems(question) ?? [];
  return html`<div part="error" class="error" role="alert">
    <p class="message">${(lang.startsWith('zh') ? NOTE.zh : NOTE.en)(question.id, String(question.type))}</p>
    <pre>${formatIssues(issues.map(({ path, message }) => ({ path: path.replace(/^\./, ''), message })), 5)}</pre>
  </div>`;
}
