// Syntax highlighting, loaded by dynamic import() the first time a code block names a language.
// highlight.js (its pure-ESM build) tokenizes through our emitter, which keeps a token tree instead
// of the HTML string highlight.js would build; we render that tree with Lit, so there is no HTML
// sink here either. Using a private instance (newInstance) leaves any page-wide hljs untouched.
import { html, type TemplateResult } from 'lit';
import hljs, { type EmitterOptions } from '@highlightjs/cdn-assets/es/core.js';
import bash from '@highlightjs/cdn-assets/es/languages/bash.min.js';
import javascript from '@highlightjs/cdn-assets/es/languages/javascript.min.js';
import json from '@highlightjs/cdn-assets/es/languages/json.min.js';
import python from '@highlightjs/cdn-assets/es/languages/python.min.js';
import typescript from '@highlightjs/cdn-assets/es/languages/typescript.min.js';

/** A highlighted run: `classes` such as `hljs-title function_`, children in source order. */
interface Scope {
  classes: string;
  children: (Scope | string)[];
}

/** Beyond this many characters a block stays plain: highlighting cost grows with the text. */
const MAX_HIGHLIGHT_LENGTH = 50_000;

/** Receives highlight.js's scopes (the `__emitter` contract lowlight also relies on). */
class ScopeTreeEmitter {
  readonly root: Scope = { classes: '', children: [] };
  private readonly stack: Scope[] = [this.root];

  constructor(private readonly options: EmitterOptions) {}

  addText(text: string): void {
    if (text === '') return;
    const children = this.stack.at(-1)!.children;
    if (typeof children.at(-1) === 'string') children[children.length - 1] += text;
    else children.push(text);
  }

  openNode(name: string): void {
    // 'title.function' -> 'hljs-title function_', as highlight.js names its classes.
    const classes = String(name)
      .split('.')
      .map((part, index) => (index === 0 ? `${this.options.classPrefix}${part}` : `${part}${'_'.repeat(index)}`))
      .join(' ');
    const scope: Scope = { classes, children: [] };
    this.stack.at(-1)!.children.push(scope);
    this.stack.push(scope);
  }

  closeNode(): void {
    if (this.stack.length > 1) this.stack.pop();
  }

  startScope(name: string): void {
    this.openNode(name);
  }

  endScope(): void {
    this.closeNode();
  }

  __addSublanguage(other: ScopeTreeEmitter, name: string): void {
    const children = this.stack.at(-1)!.children;
    if (name) children.push({ classes: `language-${name}`, children: other.root.children });
    else children.push(...other.root.children);
  }

  finalize(): void {}

  toHTML(): string {
    return '';
  }
}

const highlighter = hljs.newInstance();
highlighter.configure({ __emitter: ScopeTreeEmitter });
for (const [name, language] of Object.entries({ bash, javascript, json, python, typescript })) {
  highlighter.registerLanguage(name, language);
}

/** Whether `language` (a name or alias such as `py`, `ts`, `sh`) can be highlighted. */
export function canHighlight(language: string): boolean {
  return language !== '' && highlighter.getLanguage(language) !== undefined;
}

/** Highlighted `code` as Lit content (`hljs-*` classed spans), or null to leave it plain. */
export function highlight(code: string, language: string): TemplateResult | null {
  if (!canHighlight(language) || code.length > MAX_HIGHLIGHT_LENGTH) return null;
  const result = highlighter.highlight(code, { language, ignoreIllegals: true });
  const emitter = result._emitter;
  if (!(emitter instanceof ScopeTreeEmitter)) return null;
  return html`${emitter.root.children.map(renderScope)}`;
}

function renderScope(node: Scope | string): unknown {
  if (typeof node === 'string') return node;
  return html`<span class=${node.classes}>${node.children.map(renderScope)}</span>`;
}
