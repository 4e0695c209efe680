/// <reference types="mocha" />
// A fill-in prompt's blanks are the `___` that splitAtBlanks counts (src/interactions/fill-in/fields.ts),
// and the validator holds `blanks` to that count; the view then swaps a field in for each blank in
// the rendered prompt's text. A `___` that the markdown renderer puts into an attribute instead
// (an unclosed fence's info string, an image's alt, a link's URL or title) gets no field: the
// learner cannot fill that blank, so the question can never be answered right, and the token
// that stood for it shows in the attribute (an image's alt text is shown when it does not load).
import { expect } from '@open-wc/testing';
import type { Question } from '../../src/bank/types.js';
import { validateBank } from '../../src/bank/validate.js';
import type { QuizCard } from '../../src/elements/quiz-card/quiz-card.js';
import '../../src/elements/quiz-card/quiz-card.js';
import { blanksInPrompt } from '../../src/interactions/fill-in/fields.js';
import { typedBank } from './typed-banks.js';
import { viewShown } from './typed-learner.js';

const PROMPTS: [what: string, prompt: string][] = [
  ['an unclosed fence whose info string is a blank', 'Which language is this?\n\n```___\nprint("hi")'],
  ["an image's alt text", 'The picture shows ___: ![___](http://127.0.0.1:1/cat.png)'],
  ["a link's URL", 'The docs live at [the site](___), version ___.'],
  ["a link's title", 'Read [the guide](http://127.0.0.1:1/ "___") and fill in ___.'],
];

describe('fill-in: every blank the prompt marks gets a field', () => {
  for (const [what, prompt] of PROMPTS) {
    it(`a blank in ${what}`, async () => {
      const blanks = blanksInPrompt(prompt);
      const question: Question = { id: 'cloze', kind: 'concept', type: 'fill-in', title: 'Cloze', topics: ['typed'], prompt, answer: 'x', blanks: Array.from({ length: blanks }, () => ({ accept: ['x'] })) };
      const bank = typedBank([question]);
      expect(validateBank(structuredClone(bank)).ok, 'the validator accepts the bank').to.equal(true);
      const card = document.createElement('quiz-card') as QuizCard;
      card.bank = bank;
      card.setAttribute('question', 'cloze');
      card.setAttribute('no-progress', '');
      document.body.append(card);
      try {
        expect(await viewShown(card), 'the card shows the question').to.equal(true);
        const root = card.shadowRoot!;
        const tokens = [...root.querySelectorAll('*')].flatMap((element) =>
          element.getAttributeNames().filter((name) => /QZBLANK\d+QZ/.test(element.getAttribute(name)!)).map((name) => `<${element.localName} ${name}="${element.getAttribute(name)}">`),
        );
        expect(tokens, 'a blank left as its token in an attribute').to.deep.equal([]);
        expect(root.querySelectorAll('input.blank').length, `fields for the ${blanks} blanks the validator counted`).to.equal(blanks);
      } finally {
        card.remove();
      }
    });
  }
});
