import { firstChar, isWide, lastChar } from './cjk.js';

/** UI strings used inside rendered markdown; the element passes them in its own language. */
export interface RenderStrings {
  /** Visible text of a code block's copy button, e.g. 'Copy' / '复制'. */
  copy: string;
  /** Accessible name of the copy button; should contain `copy`, e.g. 'Copy code' / '复制代码'. */
  copyCode: string;
  /** Announced (and shown on the button) after a successful copy, e.g. 'Copied' / '已复制'. */
  copied: string;
  /** Announced when the clipboard refused, e.g. 'Copy failed: select the code and copy it'. */
  copyFailed: string;
  /** Names a code block's scrollable region, e.g. 'Code' / '代码' (the language is appended). */
  code: string;
  /** Names a table's scrollable region, e.g. 'Table' / '表格'. */
  table: string;
  /** Read after the text of a link that opens a new tab, e.g. '(opens in a new tab)' / '（在新标签页中打开）'. */
  newTab: string;
}

export const DEFAULT_STRINGS: Readonly<RenderStrings> = {
  copy: 'Copy',
  copyCode: 'Copy code',
  copied: 'Copied',
  copyFailed: 'Copy failed',
  code: 'Code',
  table: 'Table',
  newTab: '(opens in a new tab)',
};

/**
 * Fills in missing strings. `copyCode` defaults to `copy` + `code` when only those are given, so a
 * caller that passes just the four core strings still gets a translated button name
 * ('复制' + '代码' -> '复制代码', 'Copy' + 'Code' -> 'Copy Code').
 */
export function resolveStrings(strings: Partial<RenderStrings> | undefined): RenderStrings {
  if (!strings) return DEFAULT_STRINGS;
  const merged = { ...DEFAULT_STRINGS, ...strings };
  if (strings.copyCode === undefined && (strings.copy !== undefined || strings.code !== undefined)) {
    const space = isWide(lastChar(merged.copy)) && isWide(firstChar(merged.code)) ? '' : ' ';
    merged.copyCode = `${merged.copy}${space}${merged.code}`;
  }
  return merged;
}
