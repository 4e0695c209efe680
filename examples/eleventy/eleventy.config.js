// Eleventy 3: ```quiz fences become cards rendered on the server (declarative shadow DOM), so
// the question is in the HTML; the browser card takes over when quiz-elements loads.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import quizPlugin from 'quiz-elements/markdown-it';
import { prepareServerRendering, renderCardSync } from 'quiz-elements/ssr';

// The CDN build (quiz-elements.js and its chunks/), published with the site.
const cdn = dirname(fileURLToPath(import.meta.resolve('quiz-elements/cdn')));

export default async function (eleventyConfig) {
  // Loads the markdown renderer once: markdown-it's render hook is synchronous.
  await prepareServerRendering();
  eleventyConfig.amendLibrary('md', (md) =>
    md.use(quizPlugin, {
      render: (bank, attributes) => renderCardSync(bank, attributes),
    }),
  );
  eleventyConfig.addPassthroughCopy({ [cdn]: 'quiz-elements' });
  eleventyConfig.addPassthroughCopy('style.css');
}
