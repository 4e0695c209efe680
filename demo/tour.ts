// The frame every demo page shares: skip link, site header with the tour's navigation (built from
// one list, so no page can drift), previous/next links, and the switch for the elements' UI
// language. Load it before the elements (first module script of the page), so they render once
// in the chosen language. Page text stays in the page's own language; only the elements switch.

import { LANGUAGE_KEY, TOUR, UI_LANGUAGES, type TourPage, type UiLanguage } from './tour-pages.js';

const QUIZ_ELEMENTS = 'quiz-card, topic-list, question-browser';
/** Elements whose language the switch sets; those written with their own `lang` keep it. */
const MANAGED = 'data-tour-lang';

function hrefOf(page: TourPage): string {
  return page.file === 'index.html' ? './' : `./${page.file}`;
}

function currentIndex(): number {
  const file = location.pathname.split('/').pop() || 'index.html';
  return TOUR.findIndex((page) => page.file === file);
}

function link(page: TourPage, current: boolean, text = page.label): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.href = hrefOf(page);
  anchor.textContent = text;
  if (current) anchor.setAttribute('aria-current', 'page');
  return anchor;
}

function readStoredLanguage(): UiLanguage | null {
  try {
    const stored = localStorage.getItem(LANGUAGE_KEY);
    return UI_LANGUAGES.some((l) => l.lang === stored) ? (stored as UiLanguage) : null;
  } catch {
    return null; // storage blocked: the page's default
  }
}

/** The page's default (`<body data-ui-language>`), unless the learner chose one on any page of the tour. */
function initialLanguage(): UiLanguage {
  const pageDefault = document.body.dataset.uiLanguage === 'zh-CN' ? 'zh-CN' : 'en';
  return readStoredLanguage() ?? pageDefault;
}

let language: UiLanguage = 'en';

function adopt(element: Element): void {
  if (element.hasAttribute('lang') && !element.hasAttribute(MANAGED)) return;
  element.setAttribute(MANAGED, '');
  element.setAttribute('lang', language);
}

function adoptAll(root: ParentNode): void {
  root.querySelectorAll(QUIZ_ELEMENTS).forEach(adopt);
}

function setLanguage(next: UiLanguage, buttons: HTMLButtonElement[]): void {
  language = next;
  for (const button of buttons) button.setAttribute('aria-pressed', String(button.dataset.lang === next));
  document.querySelectorAll(`[${MANAGED}]`).forEach((element) => element.setAttribute('lang', next));
  try {
    localStorage.setItem(LANGUAGE_KEY, next);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
}

function languageSwitch(): HTMLElement {
  const group = document.createElement('div');
  group.className = 'language-switch';
  group.setAttribute('role', 'group');
  group.setAttribute('aria-labelledby', 'language-switch-label');
  const label = document.createElement('span');
  label.id = 'language-switch-label';
  label.textContent = 'Quiz language';
  group.append(label);
  const buttons = UI_LANGUAGES.map(({ lang, label: text }) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.lang = lang;
    button.dataset.lang = lang;
    button.textContent = text;
    button.setAttribute('aria-pressed', String(lang === language));
    return button;
  });
  for (const button of buttons) button.addEventListener('click', () => setLanguage(button.dataset.lang as UiLanguage, buttons));
  group.append(...buttons);
  return group;
}

function siteHeader(here: number): HTMLElement {
  const header = document.createElement('header');
  header.className = 'site-header';
  const name = document.createElement('p');
  name.className = 'site-name';
  name.textContent = 'quiz-elements';
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Demo pages');
  const list = document.createElement('ul');
  list.append(
    ...TOUR.map((page, i) => {
      const item = document.createElement('li');
      item.append(link(page, i === here));
      return item;
    }),
  );
  nav.append(list);
  header.append(name, nav, languageSwitch());
  return header;
}

function tourFooter(here: number): HTMLElement {
  const footer = document.createElement('footer');
  footer.className = 'site-footer';
  const nav = document.createElement('nav');
  nav.setAttribute('aria-label', 'Tour');
  const previous = TOUR[here - 1];
  const next = TOUR[here + 1];
  if (previous) nav.append(link(previous, false, `← Previous: ${previous.label}`));
  if (next) nav.append(link(next, false, `Next: ${next.label} →`));
  footer.append(nav);
  return footer;
}

function skipLink(): HTMLAnchorElement {
  const anchor = document.createElement('a');
  anchor.className = 'skip-link';
  anchor.href = '#main';
  anchor.textContent = 'Skip to content';
  // Focus main without touching the URL: a page may keep its own state in the hash (sync-url).
  anchor.addEventListener('click', (event) => {
    const main = document.getElementById('main');
    if (!main) return;
    event.preventDefault();
    main.focus();
  });
  return anchor;
}

function start(): void {
  const here = currentIndex();
  language = initialLanguage();
  adoptAll(document);
  // Elements a page adds later (the URL page makes a new one per load) speak the chosen language too.
  new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (!(node instanceof Element)) continue;
        if (node.matches(QUIZ_ELEMENTS)) adopt(node);
        adoptAll(node);
      }
    }
  }).observe(document.body, { childList: true, subtree: true });
  document.body.prepend(skipLink(), siteHeader(here));
  if (here >= 0) document.body.append(tourFooter(here));
}

start();
