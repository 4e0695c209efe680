/**
 * The progress export file (`quiz-progress/1`, `ProgressStore.exportData()`) read back: a module
 * of its own, so the store's code downloads it only when a file is imported.
 */
import type { ProgressExport, QuestionProgress } from './types.js';
import { EXPORT_FORMAT, ShapeError, finite, memoryState, object, reviewList, undoneList } from './stored-record.js';

/** Why a file could not be imported: its text is not JSON, it is not a progress export, or part of it is invalid. */
export type ProgressFileProblem = 'not-json' | 'not-progress' | 'newer-format' | 'invalid';

/** A file that `parseExport` (and `ProgressStore.importData`) refused; `message` says what and where, in English. */
export class ProgressFileError extends Error {
  override readonly name = 'ProgressFileError';
  constructor(
    readonly problem: ProgressFileProblem,
    message: string,
    /** For `invalid`: where in the file, e.g. `questions[3].memory.due`. */
    readonly path?: string,
  ) {
    super(message);
  }
}

/**
 * Reads an export file (the object, or its JSON text). Throws a ProgressFileError that says what
 * is wrong and where, e.g. `questions[3].memory.due: expected a finite number`.
 */
export function parseExport(value: unknown): ProgressExport {
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch (error) {
      throw new ProgressFileError('not-json', `Not a progress file: the JSON cannot be read (${error instanceof Error ? error.message : String(error)}).`);
    }
  }
  try {
    const file = object(value, 'file');
    if (file.format !== EXPORT_FORMAT) {
      const newer = typeof file.format === 'string' && file.format.startsWith('quiz-progress/');
      const problem = newer
        ? `"${file.format}" is a newer progress format than this version of quiz-elements reads ("${EXPORT_FORMAT}")`
        : `expected "${EXPORT_FORMAT}" (is this a quiz-elements progress export?)`;
      throw new ProgressFileError(newer ? 'newer-format' : 'not-progress', `Not a valid progress file: format: ${problem}.`, 'format');
    }
    if (!Array.isArray(file.questions)) throw new ShapeError('questions', 'expected an array');
    const questions = file.questions.map((item, i) => {
      const path = `questions[${i}]`;
      const question = object(item, path);
      const progress: QuestionProgress = {
        bankId: id(question.bankId, `${path}.bankId`),
        questionId: id(question.questionId, `${path}.questionId`),
        reviews: reviewList(question.reviews, `${path}.reviews`),
        memory: memoryState(question.memory, `${path}.memory`),
        updatedAt: finite(question.updatedAt, `${path}.updatedAt`),
      };
      const undone = undoneList(question.undone, `${path}.undone`);
      if (undone.length) progress.undone = undone;
      return progress;
    });
    const progressKey = typeof file.progressKey === 'string' ? file.progressKey : '';
    const exportedAt = typeof file.exportedAt === 'number' && Number.isFinite(file.exportedAt) ? file.exportedAt : 0;
    return { format: EXPORT_FORMAT, progressKey, exportedAt, questions };
  } catch (error) {
    if (error instanceof ShapeError) {
      // A file that is not even an object is no progress export at all.
      throw new ProgressFileError(error.path === 'file' ? 'not-progress' : 'invalid', `Not a valid progress file: ${error.message}.`, error.path);
    }
    throw error;
  }
}

function id(value: unknown, path: string): string {
  if (typeof value !== 'string' || value === '') throw new ShapeError(path, 'expected a non-empty string');
  // Ids become storage keys through encodeURIComponent, which throws on a lone surrogate.
  if (/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(value)) throw new ShapeError(path, 'expected text without broken characters (a lone surrogate)');
  return value;
}
