/// <reference types="mocha" />
// Loads a demo page (demo/*.html, served by the test server with its TypeScript compiled) in an
// iframe of the test page, waits for its elements, and checks what every page of the tour must
// do: no errors, the shared frame (skip link, landmarks, navigation, language switch), axe, and a
// layout that fits 375 px and 1280 px. Page files add their own behaviour to `describeDemoPage`.
import { expect, waitUntil } from '@open-wc/testing';
import { LANGUAGE_KEY, TOUR } from '../../demo/tour-pages.js';

const QUIZ_ELEMENTS = 'quiz-card, topic-list, question-browser, quiz-stats';
/** First loads compile the sources on the test server; slower engines need the room. */
export const LOAD_TIMEOUT = 30_000;

export interface DemoPage {
  frame: HTMLIFrameElement;
  window: Window & typeof globalThis;
  document: Document;
  /** Errors the page reported: uncaught errors, failed resources, rejected promises, console.error. */
  errors: string[];
  close(): void;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  /** Clear the tour's stored UI language first, so the page shows its own default. */
  resetLanguage?: boolean;
}

/** Starts listening to the page's errors as soon as its document exists (before its module scripts run). */
function watchErrors(frame: HTMLIFrameElement, path: string, errors: string[]): Promise<void> {
  const target = new URL(path, location.href).pathname;
  return new Promise((resolve) => {
    const poll = () => {
      const win = frame.contentWindow as (Window & typeof globalThis) | null;
      if (!win || win.location.pathname !== target) {
        setTimeout(poll, 0);
        return;
      }
      win.addEventListener(
        'error',
        (event) => {
          const source = event.target as Element | null;
          errors.push(event instanceof win.ErrorEvent ? `uncaught: ${event.message}` : `failed to load: ${source?.outerHTML ?? 'resource'}`);
        },
        true,
      );
      win.addEventListener('unhandledrejection', (event) => errors.push(`unhandled rejection: ${String(event.reason)}`));
      const consoleError = win.console.error.bind(win.console);
      win.console.error = (...args: unknown[]) => {
        errors.push(`console.error: ${args.map(String).join(' ')}`);
        consoleError(...args);
      };
      resolve();
    };
    poll();
  });
}

/** Opens `demo/<file>` (query and hash allowed) in an iframe of the given size and waits for its elements. */
export async function openDemoPage(file: string, { width = 1280, height = 700, resetLanguage = true }: OpenOptions = {}): Promise<DemoPage> {
  if (resetLanguage) localStorage.removeItem(LANGUAGE_KEY);
  const frame = document.createElement('iframe');
  frame.title = `demo page ${file}`;
  frame.style.cssText = `width: ${width}px; height: ${height}px; border: 0; display: block;`;
  const path = `/demo/${file}`;
  const errors: string[] = [];
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await watchErrors(frame, path, errors);
  await loaded;
  const win = frame.contentWindow as Window & typeof globalThis;
  const page: DemoPage = { frame, window: win, document: win.document, errors, close: () => frame.remove() };
  await waitForElements(page);
  return page;
}

/** Requests of the page answered with an HTTP error, where the engine reports statuses (Chromium, Firefox). */
export function failedRequests(page: DemoPage): string[] {
  return page.window.performance
    .getEntriesByType('resource')
    .filter((entry) => ((entry as PerformanceResourceTiming & { responseStatus?: number }).responseStatus ?? 0) >= 400)
    .map((entry) => entry.name);
}

/** Every quiz element of `root` and of the elements' shadow roots, deepest last. */
export function quizElements(root: ParentNode): HTMLElement[] {
  const found: HTMLElement[] = [];
  for (const element of root.querySelectorAll<HTMLElement>(QUIZ_ELEMENTS)) {
    found.push(element);
    if (element.shadowRoot) found.push(...quizElements(element.shadowRoot));
  }
  return found;
}

/** True once the element has loaded its questions (or failed to): no skeleton, nothing busy. */
export function settled(element: HTMLElement): boolean {
  const root = element.shadowRoot;
  if (!root || !root.firstElementChild) return false;
  return !root.querySelector('[aria-busy="true"], [part~="skeleton"]');
}

/** Waits until every quiz element of the page (and those inside them) has loaded or failed. */
export async function waitForElements(page: DemoPage, timeout = LOAD_TIMEOUT): Promise<void> {
  const tags = ['quiz-card', 'topic-list', 'question-browser', 'quiz-stats'];
  const used = tags.filter((tag) => page.document.querySelector(tag));
  await Promise.all(used.map((tag) => page.window.customElements.whenDefined(tag)));
  await waitUntil(
    () => quizElements(page.document).every(settled),
    `the elements of ${page.document.location.pathname} did not finish loading`,
    { timeout, interval: 50 },
  );
}

/** The shadow root of an element, which a rendered quiz element always has. */
export function shadow(element: Element | null | undefined): ShadowRoot {
  if (!element?.shadowRoot) throw new Error(`no rendered element: ${element?.tagName ?? 'nothing'}`);
  return element.shadowRoot;
}

/** Visible text with whitespace collapsed. */
export function text(node: Node | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The title a quiz-card shows. */
export function cardTitle(card: Element): string {
  return text(shadow(card).querySelector('[part~="title"]'));
}

/** The button of a shadow root whose text starts with `label`. */
export function button(root: ParentNode, label: string | RegExp): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => (typeof label === 'string' ? text(b).startsWith(label) : label.test(text(b))));
  if (!found) throw new Error(`no button "${String(label)}"`);
  return found;
}

/** Fetches a bundled bank the way a test can compare against what the page shows. */
export async function bundledBank(id: string): Promise<{ questions: { id: string; title: string; topics: string[] }[]; topics: { id: string; title: string }[] }> {
  const response = await fetch(`/data/banks/${id}.json`);
  return response.json();
}

interface AxeResult {
  violations: { id: string; impact: string; help: string; nodes: { target: unknown[]; html: string; failureSummary?: string }[] }[];
}

/**
 * Runs axe on the whole page, in the page: axe measures contrast and layout against its own
 * document, so it is loaded into the iframe rather than run from the test page.
 */
export async function axeViolations(page: DemoPage): Promise<string[]> {
  const win = page.window as typeof page.window & { axe?: { run(context: Document, options: object): Promise<AxeResult> } };
  if (!win.axe) {
    const script = page.document.createElement('script');
    script.src = '/node_modules/axe-core/axe.min.js';
    const ready = new Promise((resolve, reject) => {
      script.addEventListener('load', resolve, { once: true });
      script.addEventListener('error', () => reject(new Error('axe-core did not load')), { once: true });
    });
    page.document.head.append(script);
    await ready;
  }
  const results = await win.axe!.run(page.document, { resultTypes: ['violations'] });
  return results.violations.flatMap((v) =>
    v.nodes
      .filter((node) => !KNOWN_ELEMENT_ISSUES.some((known) => known(v.id, node)))
      .map((node) => `${v.id} (${v.impact}): ${v.help}\n  at ${node.target.flat(2).join(' > ')}\n  ${node.html}\n  ${node.failureSummary ?? ''}`),
  );
}

/**
 * Violations of the elements themselves (src/), not of the demo pages, each reproduced by a
 * pending test that names it; remove the entry when that test passes.
 */
const KNOWN_ELEMENT_ISSUES: ((rule: string, node: AxeResult['violations'][number]['nodes'][number]) => boolean)[] = [
];

/** Asserts that axe finds nothing on the page, listing every violation if it does. */
export async function expectAccessible(page: DemoPage, state: string): Promise<void> {
  const violations = await axeViolations(page);
  expect(violations, `axe violations (${state}):\n${violations.join('\n')}`).to.deep.equal([]);
}

/** Horizontal overflow of the page in CSS pixels (0 when nothing sticks out). */
export function horizontalOverflow(page: DemoPage): number {
  return page.document.documentElement.scrollWidth - page.document.documentElement.clientWidth;
}

/** WCAG contrast ratio of two computed colours (`rgb()`, `rgba()` or `color(srgb …)`), opaque. */
export function contrastRatio(foreground: string, background: string): number {
  const luminance = (color: string) => {
    const numbers = color.match(/[\d.]+/g)?.map(Number) ?? [];
    const channels = color.startsWith('color(') ? numbers.slice(0, 3) : numbers.slice(0, 3).map((n) => n / 255);
    const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const [light, dark] = [luminance(foreground), luminance(background)].sort((a, b) => b - a);
  return (light! + 0.05) / (dark! + 0.05);
}

export interface PageSuiteOptions {
  /** Page-specific tests, given the page loaded at 1280 px (a fresh page for each describe). */
  tests?: (page: () => DemoPage) => void;
  /** Open with this query or hash (e.g. `?src=…`). */
  suffix?: string;
}

/**
 * The checks every page of the tour gets, at 1280 px (with the page's own tests) and at 375 px:
 * loads without errors, has the shared frame, passes axe, fits the width.
 */
export function describeDemoPage(file: string, { tests, suffix = '' }: PageSuiteOptions = {}): void {
  const tourIndex = TOUR.findIndex((page) => page.file === file);

  describe(`demo/${file} at 1280 px`, () => {
    let page: DemoPage;
    before(async function () {
      this.timeout(LOAD_TIMEOUT + 5_000);
      page = await openDemoPage(file + suffix, { width: 1280 });
    });
    after(() => page?.close());

    it('loads its elements without errors', () => {
      expect(page.errors).to.deep.equal([]);
      expect(failedRequests(page)).to.deep.equal([]);
    });

    it('passes axe', async function () {
      this.timeout(LOAD_TIMEOUT);
      await expectAccessible(page, 'loaded');
    });

    it('has the shared frame: a skip link to main, a banner with the tour navigation, main and a footer', () => {
      const doc = page.document;
      const skip = doc.body.querySelector('a, button, input, select, textarea, [tabindex]') as HTMLAnchorElement;
      expect(text(skip)).to.equal('Skip to content');
      expect(skip.getAttribute('href')).to.equal('#main');
      const main = doc.querySelector('main#main');
      expect(main, 'main#main').not.to.equal(null);
      expect(main!.getAttribute('tabindex')).to.equal('-1');
      expect(doc.querySelectorAll('main')).to.have.length(1);
      expect(doc.querySelectorAll('h1')).to.have.length(1);
      expect(doc.querySelector('body > header nav[aria-label="Demo pages"]'), 'banner with the tour navigation').not.to.equal(null);
      expect(doc.querySelector('body > footer nav[aria-label="Tour"]'), 'footer with previous/next').not.to.equal(null);
      const links = [...doc.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Demo pages"] a')];
      expect(links.map(text)).to.deep.equal(TOUR.map((p) => p.label));
      const current = links.filter((a) => a.getAttribute('aria-current') === 'page');
      expect(current.map(text)).to.deep.equal([TOUR[tourIndex]!.label]);
      expect(new URL(current[0]!.href).pathname.replace(/\/$/, '/index.html')).to.equal(`/demo/${file}`);
    });

    it('moves focus to the main content with the skip link', async () => {
      const skip = page.document.querySelector<HTMLAnchorElement>('a.skip-link')!;
      skip.click();
      await waitUntil(() => page.document.activeElement?.id === 'main', 'focus did not move to main');
    });

    it('offers the language switch for its elements', () => {
      const group = page.document.querySelector('[role="group"][aria-labelledby="language-switch-label"]')!;
      expect(text(page.document.getElementById('language-switch-label'))).to.equal('Quiz language');
      const switches = [...group.querySelectorAll('button')];
      expect(switches.map((b) => [text(b), b.lang])).to.deep.equal([
        ['English', 'en'],
        ['中文', 'zh-CN'],
      ]);
      expect(switches.filter((b) => b.getAttribute('aria-pressed') === 'true')).to.have.length(1);
    });

    it('fits the width without horizontal scrolling', () => {
      expect(horizontalOverflow(page)).to.equal(0);
    });

    tests?.(() => page);
  });

  describe(`demo/${file} at 375 px`, () => {
    let page: DemoPage;
    before(async function () {
      this.timeout(LOAD_TIMEOUT + 5_000);
      page = await openDemoPage(file + suffix, { width: 375 });
    });
    after(() => page?.close());

    it('fits the width without horizontal scrolling', () => {
      expect(horizontalOverflow(page)).to.equal(0);
    });

    it('keeps every link of the navigation visible', () => {
      for (const link of page.document.querySelectorAll<HTMLAnchorElement>('nav[aria-label="Demo pages"] a')) {
        const box = link.getBoundingClientRect();
        expect(box.width, text(link)).to.be.greaterThan(0);
        expect(box.right, text(link)).to.be.at.most(375);
      }
    });

    it('passes axe', async function () {
      this.timeout(LOAD_TIMEOUT);
      await expectAccessible(page, 'loaded, 375 px');
    });
  });
}
