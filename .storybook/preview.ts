import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { configure } from 'storybook/test';
import manifest from '../custom-elements.json' with { type: 'json' };

// Play functions query inside shadow roots; Testing Library's default error printer cannot
// serialise a ShadowRoot and would replace the real message ("found multiple…") with a TypeError.
configure({
  getElementError: (message) => Object.assign(new Error(message ?? 'query failed'), { name: 'TestingLibraryElementError' }),
});

// Autodocs tables (attributes, properties, events, slots, CSS parts and custom properties) come
// from custom-elements.json. Storybook keys its table rows by name alone, so a part named like an
// attribute (topic-list's `selected`, question-browser's `status`) would replace it: parts are
// listed as `::part(name)`. It also drops rows without a name: the default slot is "(default)".
setCustomElementsManifest({
  ...manifest,
  modules: manifest.modules.map((module) => ({
    ...module,
    declarations: module.declarations.map((declaration) => ({
      ...declaration,
      slots: declaration.slots?.map((slot) => ({ ...slot, name: slot.name || '(default)' })),
      cssParts: declaration.cssParts?.map((part) => ({ ...part, name: `::part(${part.name})` })),
    })),
  })),
});

const preview: Preview = {
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    // Every story is also a test (scripts/test-stories.mjs): an axe violation fails it.
    a11y: { test: 'error' },
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
