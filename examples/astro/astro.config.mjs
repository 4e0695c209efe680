// Astro 7 + Starlight: ```quiz fences become <quiz-card> elements rendered at build time
// (declarative shadow DOM, the bank inline), through quiz-elements/remark on Astro's unified
// Markdown processor. src/components/Head.astro adds the client-side router and loads the
// elements in the browser, where each card takes over in place.
import { defineConfig } from 'astro/config';
import { unified } from '@astrojs/markdown-remark';
import starlight from '@astrojs/starlight';
import remarkQuiz from 'quiz-elements/remark';
import { prepareServerRendering, renderCardSync } from 'quiz-elements/ssr';

// Loads the markdown renderer once, so that each card renders synchronously.
await prepareServerRendering();

export default defineConfig({
  markdown: {
    // Sätteri, Astro 7's default Markdown processor, does not run remark plugins.
    processor: unified({ remarkPlugins: [[remarkQuiz, { render: (bank, attributes) => renderCardSync(bank, attributes) }]] }),
  },
  integrations: [
    starlight({
      title: 'Night sky',
      customCss: ['./src/styles/site.css'],
      components: { Head: './src/components/Head.astro' },
    }),
  ],
});
