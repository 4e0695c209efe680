/// <reference types="mocha" />
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { memoryStorage } from '../../progress/memory-storage.js';
import { ProgressStore } from '../../progress/store.js';
import type { ProgressExport } from '../../progress/types.js';
import { answerUntil } from '../../../test/progress-states.js';
import { alertText, buttonNamed, collapsed, part } from '../../../test/harness/controls.js';
import './progress-transfer.js';
import type { ProgressTransfer } from './progress-transfer.js';

const FIXED = new Date(2026, 10, 23, 9, 0).getTime();
const fixedStore = (progressKey?: string) => new ProgressStore({ storage: memoryStorage(), now: () => FIXED, ...(progressKey ? { progressKey } : {}) });

/** ml: q1 due, q2 mastered, q3 learning. */
async function storeWithProgress(progressKey?: string): Promise<ProgressStore> {
  const store = fixedStore(progressKey);
  await answerUntil(store, 'ml', 'q1', 'due', FIXED);
  await answerUntil(store, 'ml', 'q2', 'mastered', FIXED);
  await answerUntil(store, 'ml', 'q3', 'learning', FIXED);
  return store;
}

const message = (el: ProgressTransfer) => collapsed(part(el, 'message')?.textContent);
const fileInput = (el: ProgressTransfer) => el.shadowRoot!.querySelector<HTMLInputElement>('input[type="file"]')!;

async function transfer(template: ReturnType<typeof html>): Promise<ProgressTransfer> {
  const found = await fixture<HTMLElement>(template);
  const el = found.localName === 'quiz-progress-transfer' ? (found as ProgressTransfer) : found.querySelector('quiz-progress-transfer')!;
  await el.updateComplete;
  return el;
}

/** Hands `text` to the file field as if the learner picked a file named `name`, and waits for the outcome. */
async function importFile(el: ProgressTransfer, name: string, text: string): Promise<void> {
  const files = new DataTransfer();
  files.items.add(new File([text], name, { type: 'application/json' }));
  fileInput(el).files = files.files;
  fileInput(el).dispatchEvent(new Event('change', { bubbles: true }));
  // The alert names the file; a success empties any alert.
  await waitUntil(() => alertText(el).includes(name) || (message(el) !== '' && alertText(el) === ''), 'the import says how it went');
  await el.updateComplete;
}

/** Runs `act` with downloads caught: the file names and contents a click on a download link would save. */
async function catchDownloads(act: () => Promise<void>): Promise<{ name: string; blob: Blob }[]> {
  const blobs = new Map<string, Blob>();
  const downloads: { name: string; blob: Blob }[] = [];
  const { createObjectURL, revokeObjectURL } = URL;
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    const url = `blob:test-${blobs.size + 1}`;
    blobs.set(url, blob as Blob);
    return url;
  };
  URL.revokeObjectURL = () => undefined;
  const onClick = (event: Event) => {
    const link = event.composedPath()[0];
    if (!(link instanceof HTMLAnchorElement) || !link.download) return;
    event.preventDefault(); // no real download in the test browser
    downloads.push({ name: link.download, blob: blobs.get(link.getAttribute('href')!)! });
  };
  window.addEventListener('click', onClick, true);
  try {
    await act();
  } finally {
    window.removeEventListener('click', onClick, true);
    Object.assign(URL, { createObjectURL, revokeObjectURL });
  }
  return downloads;
}

describe('<quiz-progress-transfer>', () => {
  it('is accessible, with two buttons and an empty status line', async () => {
    const el = await transfer(html`<quiz-progress-transfer .progressStore=${fixedStore()}></quiz-progress-transfer>`);
    await expect(el).to.be.accessible();
    expect(buttonNamed(el, 'Export progress')).to.not.equal(null);
    expect(buttonNamed(el, 'Import progress…')).to.not.equal(null);
    expect(part(el, 'message')!.getAttribute('role')).to.equal('status');
    expect(message(el)).to.equal('');
  });

  it('exports the store as a JSON file that a fresh store imports back, and says so', async () => {
    const store = await storeWithProgress('course ml/2026');
    const el = await transfer(html`<quiz-progress-transfer .progressStore=${store}></quiz-progress-transfer>`);
    const downloads = await catchDownloads(async () => {
      buttonNamed(el, 'Export progress')!.click();
      await el.updateComplete;
    });
    expect(downloads.map((d) => d.name)).to.deep.equal(['quiz-progress-course-ml-2026-2026-11-23.json']);
    expect(downloads[0]!.blob.type).to.equal('application/json');
    const file = JSON.parse(await downloads[0]!.blob.text()) as ProgressExport;
    expect(file.format).to.equal('quiz-progress/1');
    const fresh = fixedStore();
    expect(await fresh.importData(file)).to.deep.equal({ added: 3, updated: 0, kept: 0 });
    expect(fresh.exportData().questions).to.deep.equal(store.exportData().questions);
    await waitUntil(() => message(el) !== '', 'the export is announced');
    expect(message(el)).to.equal('Exported the progress of 3 questions.');
    await expect(el).to.be.accessible();
  });

  it('works from the keyboard: Tab reaches both buttons, Enter exports, Space opens the file chooser', async () => {
    const host = await fixture<HTMLElement>(html`<div><button>before</button><quiz-progress-transfer .progressStore=${await storeWithProgress()}></quiz-progress-transfer></div>`);
    const el = host.querySelector('quiz-progress-transfer')!;
    await el.updateComplete;
    buttonNamed(host, 'before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(collapsed(el.shadowRoot!.activeElement?.textContent)).to.equal('Export progress');
    const downloads = await catchDownloads(async () => {
      await sendKeys({ press: 'Enter' });
      await el.updateComplete;
    });
    expect(downloads.length).to.equal(1);
    await waitUntil(() => message(el) !== '', 'the export is announced');
    await sendKeys({ press: 'Tab' });
    expect(collapsed(el.shadowRoot!.activeElement?.textContent)).to.equal('Import progress…');
    let chooserOpened = false;
    const onClick = (event: Event) => {
      if (event.composedPath()[0] !== fileInput(el)) return;
      chooserOpened = true;
      event.preventDefault(); // no file dialog in the test browser
    };
    window.addEventListener('click', onClick, true);
    try {
      await sendKeys({ press: ' ' });
      await el.updateComplete;
    } finally {
      window.removeEventListener('click', onClick, true);
    }
    expect(chooserOpened, 'the hidden file field is asked to choose').to.equal(true);
  });

  it('imports a progress file: merges it and says so politely', async () => {
    const store = fixedStore();
    await answerUntil(store, 'ml', 'q3', 'learning', FIXED);
    const el = await transfer(html`<quiz-progress-transfer .progressStore=${store}></quiz-progress-transfer>`);
    const source = await storeWithProgress();
    await importFile(el, 'progress.json', JSON.stringify(source.exportData()));
    expect(alertText(el)).to.equal('');
    expect(message(el)).to.equal('Imported: 2 added, 0 updated, 1 already up to date');
    for (const id of ['q1', 'q2', 'q3']) expect(store.status('ml', id), id).to.equal(source.status('ml', id));
    expect(fileInput(el).value, 'the same file again is a new choice').to.equal('');
    await expect(el).to.be.accessible();
  });

  it('refuses a file that is not a progress export: an alert with the file name and why, nothing changes, Dismiss hides it', async () => {
    const store = await storeWithProgress();
    const before = JSON.stringify(store.exportData());
    const el = await transfer(html`<quiz-progress-transfer .progressStore=${store}></quiz-progress-transfer>`);
    await importFile(el, 'notes.json', '{"format":"something-else","questions":[]}');
    expect(alertText(el)).to.contain('Could not import "notes.json": it is not a progress export. Choose a file made by Export progress.');
    expect(message(el)).to.equal('');
    expect(JSON.stringify(store.exportData())).to.equal(before);
    await expect(el).to.be.accessible();
    const bad = JSON.parse(before) as ProgressExport;
    (bad.questions[1]!.reviews[0] as { grade: string }).grade = 'perfect';
    await importFile(el, 'edited.json', JSON.stringify(bad));
    expect(alertText(el)).to.contain('Could not import "edited.json": part of it is not valid: questions[1].reviews[0].grade: expected one of again, hard, good, easy.');
    expect(JSON.stringify(store.exportData())).to.equal(before);
    buttonNamed(el, 'Dismiss')!.click();
    await el.updateComplete;
    expect(alertText(el)).to.equal('');
  });

  it('says it in Chinese, the file name and the reason included', async () => {
    const el = await transfer(html`<div lang="zh-CN"><quiz-progress-transfer .progressStore=${await storeWithProgress()}></quiz-progress-transfer></div>`);
    expect(buttonNamed(el, '导出进度')).to.not.equal(null);
    expect(buttonNamed(el, '导入进度…')).to.not.equal(null);
    await importFile(el, 'broken.json', '{"format": "quiz-progress/1", "questions": [');
    expect(alertText(el)).to.contain('无法导入“broken.json”：文件不是 JSON 文本（可能已损坏或不完整）。');
    expect(buttonNamed(el, '关闭')).to.not.equal(null);
    await importFile(el, 'future.json', '{"format": "quiz-progress/2", "questions": []}');
    expect(alertText(el)).to.contain('无法导入“future.json”：文件由更新版本的 quiz-elements 导出。');
    await expect(el).to.be.accessible();
  });

  for (const width of [320, 600]) {
    it(`keeps room for the message in a ${width} px column: nothing below moves when it appears`, async () => {
      const host = await fixture<HTMLElement>(html`<div style="width: ${width}px"><quiz-progress-transfer .progressStore=${await storeWithProgress()}></quiz-progress-transfer><p>below</p></div>`);
      const el = host.querySelector('quiz-progress-transfer')!;
      await el.updateComplete;
      const below = host.querySelector('p')!;
      const top = below.getBoundingClientRect().top;
      const source = fixedStore();
      for (let i = 0; i < 120; i++) await source.record('other', `q${i}`, 'good');
      await importFile(el, 'progress.json', JSON.stringify({ ...source.exportData(), questions: [...source.exportData().questions, ...el.progressStore!.exportData().questions] }));
      expect(message(el)).to.equal('Imported: 120 added, 0 updated, 3 already up to date');
      expect(below.getBoundingClientRect().top, 'sub-pixel rounding aside').to.be.closeTo(top, 0.5);
      for (const b of el.shadowRoot!.querySelectorAll('button')) expect(b.getBoundingClientRect().right, b.textContent!).to.be.at.most(host.getBoundingClientRect().right);
    });
  }

  it('shows nothing with no-progress', async () => {
    const el = await transfer(html`<quiz-progress-transfer no-progress .progressStore=${fixedStore()}></quiz-progress-transfer>`);
    expect(el.shadowRoot!.querySelector('button')).to.equal(null);
    el.noProgress = false;
    await el.updateComplete;
    expect(buttonNamed(el, 'Export progress')).to.not.equal(null);
  });

  it('passes axe in the dark theme with an error shown', async () => {
    const el = await transfer(html`<quiz-progress-transfer theme="dark" .progressStore=${fixedStore()}></quiz-progress-transfer>`);
    await importFile(el, 'notes.json', '{}');
    expect(getComputedStyle(buttonNamed(el, 'Dismiss')!).backgroundColor).to.equal('rgb(30, 31, 34)');
    await expect(el).to.be.accessible();
  });
});
