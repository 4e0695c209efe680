// The pages of the demo tour, in order, and the UI languages the tour's switch offers: one list
// for the navigation (tour.ts) and for the tests that walk every page (test/demo/).

export interface TourPage {
  /** File name under demo/; the first page is served as `./`. */
  file: string;
  label: string;
}

export const TOUR: readonly TourPage[] = [
  { file: 'index.html', label: 'Question browser' },
  { file: 'blog.html', label: 'Blog post' },
  { file: 'course.html', label: 'Course page' },
  { file: 'dark.html', label: 'Dark theme' },
  { file: 'url.html', label: 'Bank from a URL' },
  { file: 'author.html', label: 'Import a document' },
  { file: 'cards.html', label: 'Card gallery' },
  { file: 'types.html', label: 'Question types' },
];

export const UI_LANGUAGES = [
  { lang: 'en', label: 'English' },
  { lang: 'zh-CN', label: '中文' },
] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number]['lang'];

/** Where the tour keeps the learner's choice of UI language (localStorage), for every page. */
export const LANGUAGE_KEY = 'quiz-elements-demo/ui-language';
