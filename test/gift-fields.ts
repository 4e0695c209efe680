/** What the GIFT round-trip tests compare: everything GIFT can hold about a question. */
import type { Bank, Question } from '../src/bank/types.js';

/** Everything GIFT can hold about a question, topics by title (ids are the importer's choice). */
export function giftFields(bank: Bank, q: Question) {
  const topic = (id: string) => bank.topics.find((t) => t.id === id)?.title ?? id;
  return {
    title: q.title,
    prompt: q.prompt,
    answer: q.answer,
    choices: q.choices,
    multiple: q.multiple,
    // GIFT's general feedback holds the explanation of a choice question, or the answer of an open one.
    explanation: q.choices || q.gift ? q.explanation : undefined,
    gift: q.gift,
    topics: q.topics.map(topic),
  };
}
