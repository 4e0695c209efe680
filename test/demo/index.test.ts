/// <reference types="mocha" />
// demo/index.html: the question browser on every bundled bank, with search links in the intro.
import { expect, waitUntil } from '@open-wc/testing';
import { describeDemoPage, shadow, text } from './demo-page.js';

describeDemoPage('index.html', {
  tests: (page) => {
    it('browses every bundled question, in Chinese by default', () => {
      const browser = page().document.querySelector('question-browser')!;
      expect(browser.getAttribute('lang')).to.equal('zh-CN');
      expect(text(shadow(browser).querySelector('[part~="count"]'))).to.match(/^213 道题/);
    });

    it('searches when a search link of the intro is followed', async () => {
      const browser = page().document.querySelector('question-browser')! as HTMLElement & { query: string };
      page().document.querySelector<HTMLAnchorElement>('a[href="#q=过拟合"]')!.click();
      await waitUntil(() => browser.query === '过拟合', 'the link did not search');
      await waitUntil(() => shadow(browser).querySelectorAll('[part~="result"]').length > 0, 'no results');
      const titles = [...shadow(browser).querySelectorAll('[part~="result"]')].map((row) => text(row));
      for (const title of titles) expect(title).to.contain('过拟合');
    });
  },
});
