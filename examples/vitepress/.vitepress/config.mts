import { defineConfig } from 'vitepress';
import quizPlugin from 'quiz-elements/markdown-it';

export default defineConfig({
  title: 'Night sky',
  // ```quiz fences become <quiz-card> elements with their questions inline.
  markdown: { config: (md) => md.use(quizPlugin) },
  // quiz-card is a custom element, not a Vue component.
  vue: { template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('quiz-') } } },
  themeConfig: { nav: [{ text: 'Stars', link: '/' }, { text: 'Planets', link: '/planets' }] },
});
