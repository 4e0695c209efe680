// Story tests only (vitest.config.ts): real key presses for the play functions' keyboard steps.
// Testing Library's simulated Tab does not enter shadow roots; Playwright's keyboard is the browser's own.
import { userEvent } from 'vitest/browser';

Object.assign(globalThis, { __quizRealKeyboard: (keys: string) => userEvent.keyboard(keys) });
