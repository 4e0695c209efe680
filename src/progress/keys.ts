/**
 * Where progress lives in storage. A module of its own, so elements can look for stored progress
 * without loading the store (`progress-controller.ts`).
 */
export const PROGRESS_ROOT = 'quiz-elements/progress/';
export const SET_ASIDE_ROOT = 'quiz-elements/set-aside/';

/** Every record key of one progress key starts with this. */
export function progressPrefix(progressKey: string): string {
  return `${PROGRESS_ROOT}${encodeURIComponent(progressKey)}/`;
}

/** Every set-aside copy of one progress key's records starts with this. */
export function setAsideRootOf(progressKey: string): string {
  return `${SET_ASIDE_ROOT}${encodeURIComponent(progressKey)}/`;
}
