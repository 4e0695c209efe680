import DefaultTheme from 'vitepress/theme';
import './site.css';

export default {
  extends: DefaultTheme,
  async enhanceApp() {
    // Custom elements need the browser: register them on the client only.
    if (!import.meta.env.SSR) await import('quiz-elements');
  },
};
