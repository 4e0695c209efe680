/**
 * A stand-in for `<quiz-card>` in a question type's view tests: it keeps the response, renders the
 * view in its shadow root with the real markdown renderer, and collects announcements.
 */
import { LitElement, render } from 'lit';
import type { Question } from '../src/bank/types.js';
import type { Grading } from '../src/interactions/grading.js';
import type { InteractionContext, InteractionView } from '../src/interactions/view.js';
import { renderMarkdown } from '../src/render/markdown.js';

export interface InteractionHost<R> extends LitElement {
  question: Question;
  response: R | undefined;
  grading: Grading | undefined;
  uiLang: string;
  announcements: string[];
  readonly context: InteractionContext<R>;
}

/** Defines `tag` as a host of `view`, starting from `question()`. */
export function defineInteractionHost<R>(tag: string, view: InteractionView<R>, question: () => Question): void {
  class Host extends LitElement implements InteractionHost<R> {
    static override properties = { response: { attribute: false }, grading: { attribute: false } };
    static override styles = view.styles;
    question = question();
    response: R | undefined;
    grading: Grading | undefined;
    uiLang = 'en';
    announcements: string[] = [];
    private cache = new Map<string, HTMLElement>();

    get context(): InteractionContext<R> {
      return {
        question: this.question,
        response: this.response ?? view.initial(this.question),
        setResponse: (response) => {
          if (!this.grading) this.response = response;
        },
        grading: this.grading,
        markdown: (text, place) => {
          let element = this.cache.get(place);
          if (!element) {
            element = document.createElement('div');
            render(renderMarkdown(text), element);
            this.cache.set(place, element);
          }
          return element;
        },
        lang: this.uiLang,
        bankLanguage: this.uiLang.startsWith('zh') ? 'zh-CN' : 'en',
        announce: (message) => this.announcements.push(message),
        check: () => undefined,
        checkOnEnter: () => undefined,
        requestUpdate: () => this.requestUpdate(),
      };
    }

    override render() {
      return view.render(this.context);
    }
  }
  customElements.define(tag, Host);
}
