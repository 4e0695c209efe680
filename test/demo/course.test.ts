/// <reference types="mocha" />
// demo/course.html: a topic list drives a quiz-card (quiz-topic-select sets the card's topic), and
// the page shows the code that does it.
import { expect, waitUntil } from '@open-wc/testing';
import { bundledBank, cardTitle, describeDemoPage, expectAccessible, settled, shadow, text } from './demo-page.js';

/** What the card's header says about the set: "1 / 5". */
function position(card: Element): string {
  return text(shadow(card).querySelector('.progress > span'));
}

/**
 * The source of an inline script as written in the page, whitespace collapsed. The test server
 * compiles inline scripts for Safari; the original is then in the inline source map.
 */
function scriptSource(script: HTMLScriptElement): string {
  const map = /sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)/.exec(script.text);
  if (!map) return text(script);
  const json = new TextDecoder().decode(Uint8Array.from(atob(map[1]!), (c) => c.charCodeAt(0)));
  return (JSON.parse(json) as { sourcesContent: string[] }).sourcesContent[0]!.replace(/\s+/g, ' ').trim();
}

function option(list: Element, title: string): HTMLElement {
  const found = [...shadow(list).querySelectorAll<HTMLElement>('[role="option"]')].find((o) => text(o.querySelector('[part~="title"]')) === title);
  if (!found) throw new Error(`no topic option "${title}"`);
  return found;
}

describeDemoPage('course.html', {
  tests: (page) => {
    it('lists the topics of the bank and starts the card on all of them', async () => {
      const bank = await bundledBank('llm-fundamentals');
      const list = page().document.querySelector('topic-list')!;
      const titles = [...shadow(list).querySelectorAll('[role="option"] [part~="title"]')].map(text);
      expect(titles).to.deep.equal(['All', ...bank.topics.map((t) => t.title)]);
      const card = page().document.querySelector('quiz-card')!;
      expect(position(card)).to.equal('1 / 5');
      expect(cardTitle(card)).to.equal(bank.questions[0]!.title);
    });

    it('practises only the topic chosen in the list', async () => {
      const bank = await bundledBank('llm-fundamentals');
      const topic = bank.topics.find((t) => t.id === 'data')!;
      const inTopic = bank.questions.filter((q) => q.topics.includes(topic.id));
      const list = page().document.querySelector('topic-list')!;
      const card = page().document.querySelector('quiz-card')!;
      option(list, topic.title).click();
      await waitUntil(() => position(card) === `1 / ${inTopic.length}` && settled(card), `the card did not switch to ${topic.id}`);
      expect(card.getAttribute('topic') ?? (card as HTMLElement & { topic?: string }).topic).to.equal('data');
      expect(inTopic.map((q) => q.title)).to.include(cardTitle(card));
      expect(option(list, topic.title).getAttribute('aria-selected')).to.equal('true');
      await expectAccessible(page(), 'a topic chosen');

      option(list, 'All').click();
      await waitUntil(() => position(card) === '1 / 5', 'the card did not go back to all topics');
      expect(cardTitle(card)).to.equal(bank.questions[0]!.title);
    });

    it('the progress view below counts the grades given in the card, at once', async () => {
      const bank = await bundledBank('llm-fundamentals');
      const stats = page().document.querySelector('quiz-stats')!;
      const card = page().document.querySelector('quiz-card')!;
      const count = (status: string) => Number(text(shadow(stats).querySelector(`[part~="count"][part~="${status}"] dd`)));
      await waitUntil(() => settled(stats) && shadow(stats).querySelector('[part~="count"][part~="new"] dd'), 'the progress view did not show its counts');
      const learning = count('learning');
      const fresh = count('new');
      expect(fresh + learning + count('due') + count('mastered')).to.equal(bank.questions.length);
      const show = [...shadow(card).querySelectorAll('button')].find((b) => b.textContent!.trim().startsWith('Show answer'))!;
      show.click();
      await waitUntil(() => shadow(card).querySelector('button[data-grade="good"]'), 'no grade buttons');
      shadow(card).querySelector<HTMLButtonElement>('button[data-grade="good"]')!.click();
      await waitUntil(() => count('learning') === learning + 1, 'the progress view did not count the grade');
      expect(count('new')).to.equal(fresh - 1);
      await expectAccessible(page(), 'after a grade, with the progress view');
    });

    it('shows the code that runs on the page', () => {
      const doc = page().document;
      const running = scriptSource(doc.getElementById('wiring') as HTMLScriptElement);
      const shown = text(doc.querySelector('.wiring pre'));
      expect(running).to.contain("addEventListener('quiz-topic-select'");
      expect(shown).to.contain(running);
      // The markup shown is the markup of the page.
      for (const id of ['course-topics', 'course-card']) {
        const element = doc.getElementById(id)!;
        const attributes = [...element.attributes].filter((a) => !['lang', 'data-tour-lang', 'selected'].includes(a.name));
        expect(shown).to.contain(`<${element.localName} ${attributes.map((a) => `${a.name}="${a.value}"`).join(' ')}></${element.localName}>`);
      }
    });
  },
});
