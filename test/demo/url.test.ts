/// <reference types="mocha" />
// demo/url.html: the learner types a bank URL (or picks an example), the page sets it as the src
// of a new element, and the element's own messages tell what is wrong with a bad URL.
import { expect, waitUntil } from '@open-wc/testing';
import { bundledBank, cardTitle, describeDemoPage, expectAccessible, openDemoPage, settled, shadow, text, type DemoPage } from './demo-page.js';

/** Types `url` into the labelled field and presses Load, as a learner would. */
function typeAndLoad(page: DemoPage, url: string): void {
  const input = page.document.getElementById('bank-url') as HTMLInputElement;
  input.value = url;
  input.dispatchEvent(new page.window.Event('input', { bubbles: true }));
  const load = [...page.document.querySelectorAll('button')].find((b) => text(b) === 'Load')!;
  load.click();
}

/** The element the page made for the last load, once it has loaded or failed. */
async function loaded(page: DemoPage, src: string): Promise<HTMLElement & { src?: string }> {
  let element: (HTMLElement & { src?: string }) | null = null;
  await waitUntil(
    () => {
      element = page.document.querySelector<HTMLElement & { src?: string }>('#result > *');
      return element?.src === src && settled(element);
    },
    `nothing loaded ${src}`,
    { timeout: 10_000 },
  );
  return element!;
}

function errorText(element: Element): string {
  return text(shadow(element).querySelector('[part~="error"]'));
}

describeDemoPage('url.html', {
  tests: (page) => {
    it('labels the URL field and offers same-origin examples', () => {
      const doc = page().document;
      const input = doc.getElementById('bank-url') as HTMLInputElement;
      expect(text(doc.querySelector('label[for="bank-url"]'))).to.equal('Bank URL');
      expect(input.required).to.be.true;
      const examples = [...doc.querySelectorAll<HTMLButtonElement>('button[data-url]')].map((b) => b.dataset.url!);
      expect(examples).to.include.members(['/data/banks/llm-fundamentals.json', '/data/banks/no-such-bank.json', '/data/schema/bank.schema.json']);
      for (const url of examples) expect(new URL(url, doc.baseURI).origin).to.equal(location.origin);
    });

    it('loads a typed bank URL into a practice card and keeps it in the page URL', async () => {
      const bank = await bundledBank('llm-fundamentals');
      typeAndLoad(page(), '/data/banks/llm-fundamentals.json');
      const card = await loaded(page(), '/data/banks/llm-fundamentals.json');
      expect(card.localName).to.equal('quiz-card');
      expect(cardTitle(card)).to.equal(bank.questions[0]!.title);
      expect(text(page().document.getElementById('load-status'))).to.equal('Showing /data/banks/llm-fundamentals.json in a practice card.');
      expect(new URLSearchParams(page().window.location.search).get('src')).to.equal('/data/banks/llm-fundamentals.json');
      await expectAccessible(page(), 'a bank loaded');
    });

    it('says the server answered 404 for a URL that does not exist', async () => {
      typeAndLoad(page(), '/data/banks/no-such-bank.json');
      const card = await loaded(page(), '/data/banks/no-such-bank.json');
      expect(errorText(card)).to.equal(
        `The questions could not be loaded The server answered 404 for ${location.origin}/data/banks/no-such-bank.json. Check the src URL.`,
      );
      expect(shadow(card).querySelector('[part~="error"]')!.getAttribute('role')).to.equal('alert');
      await expectAccessible(page(), 'a 404');
    });

    it('says a JSON file that is no bank is not a question bank, and what is missing', async () => {
      // The example button fills in the field and loads, like typing it.
      page().document.querySelector<HTMLButtonElement>('button[data-url="/data/schema/bank.schema.json"]')!.click();
      const card = await loaded(page(), '/data/schema/bank.schema.json');
      expect((page().document.getElementById('bank-url') as HTMLInputElement).value).to.equal('/data/schema/bank.schema.json');
      expect(errorText(card)).to.contain(`${location.origin}/data/schema/bank.schema.json is not a question bank:`);
      expect(errorText(card)).to.contain('format: expected "quiz-bank/1"');
    });

    it('says a web page is not JSON', async () => {
      typeAndLoad(page(), '/demo/blog.html');
      const card = await loaded(page(), '/demo/blog.html');
      expect(errorText(card)).to.contain(`${location.origin}/demo/blog.html is not JSON (it may be an error page). Check the src URL.`);
    });

    it('imports a markdown document typed as the URL', async () => {
      typeAndLoad(page(), '/demo/banks/transformer-basics.md');
      const card = await loaded(page(), '/demo/banks/transformer-basics.md');
      expect(cardTitle(card)).to.equal('What is a token?');
    });

    it('loads nothing while the field is empty', () => {
      const before = page().document.querySelector('#result > *');
      typeAndLoad(page(), '');
      expect(page().document.querySelector('#result > *')).to.equal(before);
      expect((page().document.getElementById('bank-url') as HTMLInputElement).validity.valueMissing).to.be.true;
    });

    it('shows a catalog in a question browser when asked to', async function () {
      this.timeout(20_000);
      const doc = page().document;
      doc.querySelector<HTMLInputElement>('input[name="view"][value="browser"]')!.click();
      typeAndLoad(page(), '/data/banks/index.json');
      const browser = await loaded(page(), '/data/banks/index.json');
      expect(browser.localName).to.equal('question-browser');
      expect(text(shadow(browser).querySelector('[part~="count"]'))).to.match(/^213 questions/);
      expect(text(doc.getElementById('load-status'))).to.equal('Showing /data/banks/index.json in a question browser.');
      doc.querySelector<HTMLInputElement>('input[name="view"][value="card"]')!.click();
    });
  },
});

describe('demo/url.html opened with ?src=', () => {
  let page: DemoPage;
  after(() => page?.close());

  it('loads the bank named in the link', async function () {
    this.timeout(30_000);
    page = await openDemoPage('url.html?src=%2Fdemo%2Fbanks%2Ftransformer-basics.md&view=card');
    const card = page.document.querySelector('#result > quiz-card')!;
    expect((page.document.getElementById('bank-url') as HTMLInputElement).value).to.equal('/demo/banks/transformer-basics.md');
    expect(cardTitle(card)).to.equal('What is a token?');
    expect(page.errors).to.deep.equal([]);
  });
});
