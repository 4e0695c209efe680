// For a Vite + Vue single-file-component project (npm install quiz-elements vue @vitejs/plugin-vue).
// In the app's entry: import 'quiz-elements';
import { defineConfig } from 'vite';
import vue from '@vitejs/plugin-vue';

export default defineConfig({
  plugins: [
    vue({
      template: {
        compilerOptions: {
          // Leave these tags to the browser: they are custom elements, not Vue components.
          isCustomElement: (tag) => tag.startsWith('quiz-') || tag === 'topic-list' || tag === 'question-browser',
        },
      },
    }),
  ],
});
