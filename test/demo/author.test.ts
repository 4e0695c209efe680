/// <reference types="mocha" />
// demo/author.html: an author pastes, opens or drops a document and sees what the importer found
// beside the source lines (question starts, each warning at its line), downloads the bank and
// previews the first cards; markdown and GIFT.
import { expect, waitUntil } from '@open-wc/testing';
import { cardTitle, describeDemoPage, expectAccessible, settled, shadow, text, type DemoPage } from './demo-page.js';

const NOTES = `# Networking basics

## IP addressing

### 1. What is a subnet mask for?

It splits an address into the network part and the host part.

### 2. How many usable hosts does a /24 network have?

254.

### 3. What does the three-way handshake do?

TODO
`;

/** Sets the document text (and file name) as a paste would, and waits for the import to run. */
async function paste(page: DemoPage, textValue: string, fileName = 'notes.md'): Promise<string> {
  const doc = page.document;
  const status = doc.getElementById('import-status')!;
  const before = status.dataset.imports;
  (doc.getElementById('file-name') as HTMLInputElement).value = fileName;
  const source = doc.getElementById('source') as HTMLTextAreaElement;
  source.value = textValue;
  source.dispatchEvent(new page.window.Event('input', { bubbles: true }));
  await waitUntil(() => status.dataset.imports !== before, 'the document was not imported', { timeout: 5_000 });
  return text(status);
}

function previewCards(page: DemoPage): HTMLElement[] {
  return [...page.document.querySelectorAll<HTMLElement>('#preview quiz-card')];
}

async function cardsSettled(page: DemoPage): Promise<HTMLElement[]> {
  const cards = previewCards(page);
  await waitUntil(() => cards.every(settled), 'the preview cards did not render', { timeout: 10_000 });
  return cards;
}

describeDemoPage('author.html', {
  tests: (page) => {
    it('labels the document field, the file picker and the file name, and starts empty', () => {
      const doc = page().document;
      expect(text(doc.querySelector('label[for="source"]'))).to.equal('Document (markdown or GIFT): type, paste, or drop a file');
      expect((doc.getElementById('file-input') as HTMLInputElement).closest('label')).not.to.equal(null);
      expect(text(doc.getElementById('import-status'))).to.match(/^Nothing imported yet/);
      expect((doc.getElementById('download') as HTMLAnchorElement).hidden).to.be.true;
    });

    it('shows the questions beside their lines, the skipped one with its warning at its line, and a summary', async () => {
      const summary = await paste(page(), NOTES);
      expect(summary).to.equal('notes.md: 2 questions, 1 skipped (line 13), 1 warning');
      const doc = page().document;
      const line5 = doc.getElementById('line-5')!;
      expect(line5.classList.contains('question-start')).to.be.true;
      expect(text(line5.querySelector('.marker.question'))).to.equal('Question 1: What is a subnet mask for?');
      const line13 = doc.getElementById('line-13')!;
      expect(text(line13.querySelector('.text'))).to.equal('### 3. What does the three-way handshake do?');
      expect(text(line13.querySelector('.marker.warning'))).to.match(/^warning: question 3 "What does the three-way handshake do\?" is skipped: its answer "TODO" is a placeholder/);
      const listed = [...doc.querySelectorAll('#found-questions > li')].map(text);
      expect(listed[0]).to.match(/^line 5: What is a subnet mask for\? open Answer: It splits an address/);
      expect(listed[1]).to.match(/^line 9: How many usable hosts does a \/24 network have\? open Answer: 254\./);
      const warningLink = doc.querySelector<HTMLAnchorElement>('#warnings a')!;
      expect(warningLink.getAttribute('href')).to.equal('#line-13');
      await expectAccessible(page(), 'a document imported');
    });

    it('offers the bank as a JSON download named after the bank', async () => {
      await paste(page(), NOTES, 'subnets.md');
      const link = page().document.getElementById('download') as HTMLAnchorElement;
      expect(link.hidden).to.be.false;
      expect(link.download).to.equal('subnets.json');
      expect(link.href).to.match(/^blob:/);
      const bank = await (await fetch(link.href)).json();
      expect(bank.format).to.equal('quiz-bank/1');
      expect(bank.id).to.equal('subnets');
      expect(bank.questions.map((q: { title: string }) => q.title)).to.deep.equal(['What is a subnet mask for?', 'How many usable hosts does a /24 network have?']);
    });

    it('previews the first cards, which learners can use', async () => {
      await paste(page(), NOTES);
      const cards = await cardsSettled(page());
      expect(cards.map(cardTitle)).to.deep.equal(['What is a subnet mask for?', 'How many usable hosts does a /24 network have?']);
      const reveal = [...shadow(cards[0]).querySelectorAll('button')].find((b) => text(b).startsWith('Show answer'))!;
      reveal.click();
      await waitUntil(() => text(shadow(cards[0]).querySelector('[part~="answer"]')).includes('It splits an address'), 'the preview card did not reveal its answer', { timeout: 10_000 });
    });

    it('reads a choice list as a choice question', async () => {
      const summary = await paste(page(), '# Quiz\n\n## Which planet is closest to the sun?\n\n- [x] Mercury\n- [ ] Venus\n- [ ] Mars\n');
      expect(summary).to.equal('notes.md: 1 question, 0 warnings');
      expect(text(page().document.querySelector('#found-questions .kind'))).to.equal('single choice');
      const [card] = await cardsSettled(page());
      const choices = [...shadow(card).querySelectorAll('[part~="choice"]')].map(text);
      expect(choices).to.deep.equal(['Mercury', 'Venus', 'Mars']);
    });

    it('reads GIFT, by the file name or by its look, and says which', async () => {
      const gift = '::France:: What is the capital of France? {=Paris ~Lyon ~Nice}\n\n::Rome:: Founded in? {#753}\n';
      const summary = await paste(page(), gift, 'capitals.txt');
      expect(summary).to.equal('capitals.txt: 2 questions, 0 warnings');
      expect(text(page().document.getElementById('format-note'))).to.equal('Read as Moodle GIFT.');
      // GIFT's numeric question is asked as one, and the list says so.
      expect([...page().document.querySelectorAll('#found-questions .kind')].map(text)).to.deep.equal(['single choice', 'numeric']);
      const cards = await cardsSettled(page());
      expect(shadow(cards[1]).querySelector('.numeric input'), 'the numeric field').not.to.equal(null);
    });

    it('says why there is no bank when nothing reads as a question', async () => {
      const summary = await paste(page(), 'Just some prose.\n\nAnd more prose.\n');
      expect(summary).to.match(/^No bank: line 1: no question found\./);
      expect((page().document.getElementById('download') as HTMLAnchorElement).hidden).to.be.true;
      expect(previewCards(page())).to.have.length(0);
      await expectAccessible(page(), 'no bank');
    });

    it('opens a file chosen with the file picker', async () => {
      const doc = page().document;
      const win = page().window;
      const input = doc.getElementById('file-input') as HTMLInputElement;
      const transfer = new win.DataTransfer();
      transfer.items.add(new win.File(['Q: What is 2 + 2?\nA: 4.\n\nQ: What is 3 + 3?\nA: 6.\n'], 'sums.md', { type: 'text/markdown' }));
      input.files = transfer.files;
      const status = doc.getElementById('import-status')!;
      const before = status.dataset.imports;
      input.dispatchEvent(new win.Event('change', { bubbles: true }));
      await waitUntil(() => status.dataset.imports !== before, 'the opened file was not imported', { timeout: 5_000 });
      expect(text(status)).to.equal('sums.md: 2 questions, 0 warnings');
      expect((doc.getElementById('file-name') as HTMLInputElement).value).to.equal('sums.md');
      expect((doc.getElementById('source') as HTMLTextAreaElement).value).to.match(/^Q: What is 2 \+ 2\?/);
    });

    it('loads each example with its own layout', async () => {
      const doc = page().document;
      for (const button of doc.querySelectorAll<HTMLButtonElement>('button[data-sample]')) {
        button.click();
        const status = text(doc.getElementById('import-status'));
        expect(status, button.textContent!).to.match(/: \d+ questions?/);
        expect(doc.querySelectorAll('#found-questions > li').length, button.textContent!).to.be.greaterThan(1);
      }
    });
  },
});
