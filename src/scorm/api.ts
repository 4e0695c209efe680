/**
 * Finding an LMS's SCORM API (1.2 `API`, 2004 `API_1484_11`) from a SCO's window, the way the
 * ADL's own wrappers search: the window, its parents, then the opener and its parents. No DOM
 * types: any object with `parent` / `opener` links will do, so it is tested in Node.
 */

/** The SCORM versions a package can speak. */
export type ScormVersion = '1.2' | '2004';

/** A SCORM call's answer: the standard says the string "true" / "false"; some LMSs return booleans. */
type Flag = string | boolean;

/** The SCORM 1.2 API object (`window.API`), as far as the recorder uses it. */
export interface Scorm12Api {
  LMSInitialize(parameter: ''): Flag;
  LMSFinish(parameter: ''): Flag;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): Flag;
  LMSCommit(parameter: ''): Flag;
  LMSGetLastError(): string | number;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

/** The SCORM 2004 API object (`window.API_1484_11`), as far as the recorder uses it. */
export interface Scorm2004Api {
  Initialize(parameter: ''): Flag;
  Terminate(parameter: ''): Flag;
  GetValue(element: string): string;
  SetValue(element: string, value: string): Flag;
  Commit(parameter: ''): Flag;
  GetLastError(): string | number;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** An API found by `findScormApi`, with its version. */
export type FoundScormApi = { version: '1.2'; api: Scorm12Api } | { version: '2004'; api: Scorm2004Api };

/** What `findScormApi` reads of a window: its links to other windows and the API properties. `window` fits. */
export interface ScormWindow {
  parent?: unknown;
  opener?: unknown;
  API?: unknown;
  API_1484_11?: unknown;
}

export interface FindScormApiOptions {
  /** How many parents to climb from the window, and again from the opener (default 10). */
  maxDepth?: number;
  /** Look for this version only; by default each window is asked for 2004 first, then 1.2. */
  version?: ScormVersion;
}

const METHODS: Record<ScormVersion, readonly string[]> = {
  '1.2': ['LMSInitialize', 'LMSFinish', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
  '2004': ['Initialize', 'Terminate', 'GetValue', 'SetValue', 'Commit', 'GetLastError', 'GetErrorString', 'GetDiagnostic'],
};
const PROPERTY: Record<ScormVersion, 'API' | 'API_1484_11'> = { '1.2': 'API', '2004': 'API_1484_11' };

/** Reads a property of a window that may belong to another origin (then reading throws a SecurityError). */
function read(win: unknown, key: string): unknown {
  try {
    return (win as Record<string, unknown>)[key];
  } catch {
    return undefined;
  }
}

function isApi(value: unknown, version: ScormVersion): boolean {
  if ((typeof value !== 'object' && typeof value !== 'function') || value === null) return false;
  return METHODS[version].every((method) => typeof read(value, method) === 'function');
}

function apiIn(win: unknown, versions: readonly ScormVersion[]): FoundScormApi | null {
  for (const version of versions) {
    const api = read(win, PROPERTY[version]);
    if (isApi(api, version)) return { version, api } as FoundScormApi;
  }
  return null;
}

/** The window, then its parents, up to `maxDepth` of them (a top window is its own parent). */
function* chain(start: unknown, maxDepth: number): Generator<unknown> {
  let win = start;
  for (let depth = 0; depth <= maxDepth && win; depth++) {
    yield win;
    const parent = read(win, 'parent');
    if (!parent || parent === win) return;
    win = parent;
  }
}

/**
 * Finds the LMS's SCORM API: `API_1484_11` (2004) or `API` (1.2) on `win`, its parents, then
 * `win.opener` and its parents. A window of another origin is passed over, never thrown out of.
 * Returns null when there is none (the page runs outside an LMS).
 */
export function findScormApi(win: ScormWindow | object | null | undefined, options: FindScormApiOptions = {}): FoundScormApi | null {
  const maxDepth = options.maxDepth ?? 10;
  const versions: ScormVersion[] = options.version ? [options.version] : ['2004', '1.2'];
  for (const candidate of chain(win, maxDepth)) {
    const found = apiIn(candidate, versions);
    if (found) return found;
  }
  const opener = read(win, 'opener');
  if (opener && opener !== win) {
    for (const candidate of chain(opener, maxDepth)) {
      const found = apiIn(candidate, versions);
      if (found) return found;
    }
  }
  return null;
}
