/**
 * An LMS package from banks and the CDN build: every file the launch page needs (the CDN build,
 * the banks, `index.html`, `launch.js`), the descriptor (`imsmanifest.xml` or `cmi5.xml`), in one
 * zip. Files in, bytes out: reading the disk is the CLI's part (`files.ts`).
 */
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { Bank } from '../bank/types.js';
import { plainText } from '../text/plain-text.js';
import { LAUNCH_CSS, launchPage, launchScript, type LaunchCard } from './launch-page.js';
import { cmi5CourseStructure, scorm12Manifest, scorm2004Manifest, type PackageDescription } from './manifest.js';

/** The kinds of package: SCORM 1.2, SCORM 2004 4th edition, cmi5. */
export type PackageKind = 'scorm12' | 'scorm2004' | 'cmi5';

/** The descriptor each kind carries at the package root. */
export const DESCRIPTOR: Record<PackageKind, string> = { scorm12: 'imsmanifest.xml', scorm2004: 'imsmanifest.xml', cmi5: 'cmi5.xml' };

export interface PackageInput {
  kind: PackageKind;
  /** The banks, validated: one, or every bank of a catalog (one card each). */
  banks: Bank[];
  /** A slug for the manifest's identifiers and the cards' progress key; by default the bank's id. */
  id?: string;
  /** By default the bank's title, or the catalog's banks' titles. */
  title?: string;
  /** Percentage needed to pass, 0..100. */
  passMark?: number;
  mode?: 'practice' | 'exam';
  /** The CDN build (`dist/cdn`): paths relative to it (`quiz-elements.js`, `chunks/…`) → contents. */
  cdn: ReadonlyMap<string, Uint8Array>;
}

/** The package's files, root-relative `/`-separated paths → contents, the descriptor last. */
export function packageFiles(input: PackageInput): Map<string, Uint8Array> {
  if (input.banks.length === 0) throw new Error('a package needs at least one bank');
  if (!input.cdn.has('quiz-elements.js')) throw new Error('the CDN build has no quiz-elements.js');
  const ids = input.banks.map((bank) => bank.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new Error(`two banks have the id "${repeated}"; each bank of a package needs its own`);

  const single = input.banks.length === 1;
  const first = input.banks[0]!;
  const id = input.id ?? (single ? first.id : `catalog-${ids.join('-')}`.slice(0, 120));
  const title = input.title ?? (single ? first.title : input.banks.map((bank) => bank.title).join(' · '));
  const language = first.language;
  const records = input.kind === 'cmi5' ? 'cmi5' : 'scorm';

  const files = new Map<string, Uint8Array>();
  // Source maps stay out: an LMS serves the package to learners, not to debuggers.
  for (const [path, bytes] of [...input.cdn].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (path.endsWith('.js')) files.set(path, bytes);
  }
  const cards: LaunchCard[] = input.banks.map((bank) => {
    const src = single ? 'bank.json' : `banks/${bank.id}.json`;
    files.set(src, strToU8(`${JSON.stringify(bank)}\n`));
    return { src, bankId: bank.id, title: bank.title, language: bank.language, questionCount: bank.questions.length };
  });
  files.set('launch.js', strToU8(launchScript(records)));
  files.set('launch.css', strToU8(LAUNCH_CSS));
  files.set('index.html', strToU8(launchPage({ title, language, records, passMark: input.passMark, mode: input.mode, progressKey: id, cards })));

  const description: PackageDescription = {
    id,
    title,
    description: single ? plainText(first.description ?? '') || undefined : undefined,
    language,
    passMark: input.passMark,
    launch: 'index.html',
    files: ['index.html', ...[...files.keys()].filter((path) => path !== 'index.html')],
  };
  const descriptor = input.kind === 'scorm12' ? scorm12Manifest(description) : input.kind === 'scorm2004' ? scorm2004Manifest(description) : cmi5CourseStructure(description);
  files.set(DESCRIPTOR[input.kind], strToU8(descriptor));
  return files;
}

/** A fixed time for every entry, so the same input gives the same zip. */
const ZIP_TIME = new Date(Date.UTC(2000, 0, 1));

/** The files as a zip (deflated), the descriptor at the root as LMSs expect. */
export function zipPackage(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const tree: Zippable = {};
  for (const [path, bytes] of files) tree[path] = [bytes, { mtime: ZIP_TIME }];
  return zipSync(tree, { level: 9, mtime: ZIP_TIME });
}
