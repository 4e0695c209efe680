/**
 * The disk side of packaging (Node only): the CDN build from `dist/cdn`, and the banks a bank
 * file or a catalog names, each checked by the bank validator.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CATALOG_FORMAT, type Bank } from '../bank/types.js';
import { validateBank, validateCatalog } from '../bank/validate.js';

/** A problem with the input, said for the person running the command. */
export class PackageInputError extends Error {}

/** The CDN build beside this module's package: `<package root>/dist/cdn` (from `src/package` and `dist/package` alike). */
export const DEFAULT_CDN_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'dist', 'cdn');

/** Every file under `dir`, by `/`-separated path relative to it. */
export async function readCdnBuild(dir: string): Promise<Map<string, Uint8Array>> {
  const entry = join(dir, 'quiz-elements.js');
  const found = await stat(entry).then((s) => s.isFile(), () => false);
  if (!found) {
    throw new PackageInputError(`the CDN build is missing: no ${entry}. In the quiz-elements repository, run \`npm run build\` first`);
  }
  const files = new Map<string, Uint8Array>();
  const walk = async (folder: string): Promise<void> => {
    for (const item of await readdir(folder, { withFileTypes: true })) {
      const path = join(folder, item.name);
      if (item.isDirectory()) await walk(path);
      else if (item.isFile()) files.set(relative(dir, path).split(sep).join('/'), new Uint8Array(await readFile(path)));
    }
  };
  await walk(dir);
  return files;
}

async function readJson(path: string, what: string): Promise<unknown> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new PackageInputError(`cannot read ${what} ${path}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new PackageInputError(`${path}: ${what} is not valid JSON (${(error as Error).message})`);
  }
}

const issueLines = (issues: readonly { path: string; message: string }[]) => issues.map((issue) => `  ${issue.path || '(root)'}: ${issue.message}`).join('\n');

/** The banks of a bank file (one) or a catalog file (each bank it lists, resolved against it), validated. */
export async function readPackageBanks(path: string): Promise<{ banks: Bank[]; catalog: boolean }> {
  const data = await readJson(path, 'bank or catalog');
  if ((data as { format?: unknown } | null)?.format === CATALOG_FORMAT) {
    const catalog = validateCatalog(data);
    if (!catalog.ok) throw new PackageInputError(`${path}: invalid catalog, nothing packaged\n${issueLines(catalog.issues)}`);
    if (catalog.value.banks.length === 0) throw new PackageInputError(`${path}: the catalog lists no bank`);
    const banks: Bank[] = [];
    for (const entry of catalog.value.banks) {
      if (/^[a-z][a-z0-9+.-]*:/i.test(entry.src)) throw new PackageInputError(`${path}: bank "${entry.id}" is at ${entry.src}; a package holds files only, so list banks by relative path`);
      const bankPath = resolve(dirname(path), entry.src);
      const result = validateBank(await readJson(bankPath, `bank "${entry.id}" of the catalog`));
      if (!result.ok) throw new PackageInputError(`${bankPath} (bank "${entry.id}" of ${path}): invalid bank, nothing packaged\n${issueLines(result.issues)}`);
      banks.push(result.value);
    }
    return { banks, catalog: true };
  }
  const result = validateBank(data);
  if (!result.ok) throw new PackageInputError(`${path}: invalid bank, nothing packaged\n${issueLines(result.issues)}`);
  return { banks: [result.value], catalog: false };
}
