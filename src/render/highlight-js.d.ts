// Types for the parts of highlight.js's pure-ESM build (@highlightjs/cdn-assets, which ships no
// declarations) that ./highlight.ts uses.

declare module '@highlightjs/cdn-assets/es/core.js' {
  export interface EmitterOptions {
    classPrefix: string;
  }
  export type LanguageFn = (hljs: unknown) => object;
  export interface HighlightResult {
    value: string;
    language?: string;
    /** The emitter instance that received the tokens (an instance of the configured `__emitter`). */
    _emitter: unknown;
  }
  export interface HLJSApi {
    newInstance(): HLJSApi;
    configure(options: { __emitter?: new (options: EmitterOptions) => object; classPrefix?: string }): void;
    registerLanguage(name: string, language: LanguageFn): void;
    getLanguage(name: string): object | undefined;
    highlight(code: string, options: { language: string; ignoreIllegals?: boolean }): HighlightResult;
  }
  const hljs: HLJSApi;
  export default hljs;
}

declare module '@highlightjs/cdn-assets/es/languages/*.min.js' {
  import type { LanguageFn } from '@highlightjs/cdn-assets/es/core.js';
  const language: LanguageFn;
  export default language;
}
