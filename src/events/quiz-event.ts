/** Base of every quiz-elements event: bubbles out of shadow roots and carries a typed detail. */
export abstract class QuizEvent<Detail> extends Event {
  readonly detail: Detail;

  constructor(type: `quiz-${string}`, detail: Detail) {
    super(type, { bubbles: true, composed: true });
    this.detail = detail;
  }
}
