import type { Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';

// Play functions query inside shadow roots; Testing Library's default error printer cannot
// serialise a ShadowRoot and would replace the real message ("found multiple…") with a TypeError.
configure({
  getElementError: (message) => Object.assign(new Error(message ?? 'query failed'), { name: 'TestingLibraryElementError' }),
});

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
  },
  // The page language: a card without its own lang follows <html lang>, and live changes to it.
  globalTypes: {
    locale: {
      description: 'Page language (the card UI follows it unless the story sets lang)',
      toolbar: {
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'zh-CN', title: '中文' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'en' },
  decorators: [
    (story, { globals }) => {
      document.documentElement.lang = globals.locale ?? 'en';
      return story();
    },
  ],
};

export default preview;
