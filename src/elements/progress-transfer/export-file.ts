/** `quiz-progress-<key>-YYYY-MM-DD.json`, the date local; characters a file name should not hold become `-`. */
export function exportFileName(progressKey: string, at: number): string {
  const date = new Date(at);
  const day = [date.getFullYear(), date.getMonth() + 1, date.getDate()].map((n) => String(n).padStart(2, '0')).join('-');
  const key = progressKey.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '') || 'default';
  return `quiz-progress-${key}-${day}.json`;
}
