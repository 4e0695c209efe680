// Docusaurus 3, docs only: ```quiz fences become <quiz-card> elements (MDX JSX, rendered by React
// on the server with their questions inline); src/quiz-elements.js registers the elements in the browser.
import remarkQuiz from 'quiz-elements/remark';

/** @type {import('@docusaurus/types').Config} */
export default {
  title: 'Night sky',
  url: 'https://example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  presets: [
    [
      'classic',
      {
        // The docs are the site (served from /); no blog.
        docs: { routeBasePath: '/', sidebarPath: false, remarkPlugins: [remarkQuiz] },
        blog: false,
        theme: { customCss: './src/css/custom.css' },
      },
    ],
  ],
  clientModules: ['./src/quiz-elements.js'],
  themeConfig: {
    navbar: { title: 'Night sky', items: [{ to: '/', label: 'Stars', activeBaseRegex: '^/$' }, { to: '/planets', label: 'Planets' }] },
  },
};
