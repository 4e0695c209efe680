/**
 * The launch page of a package: the CDN build from the package itself, one `<quiz-card>` per
 * bank as a practice set of the whole bank, and `launch.js`, which turns learning records on
 * (`configureLearningRecords('scorm' | 'cmi5')`). No inline script or style, so the page keeps
 * the strict Content-Security-Policy it declares.
 */

/** One card of the launch page. */
export interface LaunchCard {
  /** The bank file, relative to the page. */
  src: string;
  bankId: string;
  title: string;
  language: string;
  questionCount: number;
}

export interface LaunchPageOptions {
  title: string;
  language: string;
  /** How the page reports: the argument of `configureLearningRecords`. */
  records: 'scorm' | 'cmi5';
  /** Percentage needed to pass (the card's `pass-mark`). */
  passMark?: number;
  /** `exam`: answers are checked at the end; otherwise a practice set with feedback. */
  mode?: 'practice' | 'exam';
  /** The cards' `progress-key`, so this package's progress is its own. */
  progressKey: string;
  cards: LaunchCard[];
}

/** Text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * The page's policy: scripts and styles from the package only (Lit's constructed stylesheets
 * need no `unsafe-inline`); cmi5 also talks to the LRS named in the launch URL, so it may connect out.
 */
export function launchPolicy(records: 'scorm' | 'cmi5'): string {
  const connect = records === 'cmi5' ? " connect-src 'self' https: http:;" : '';
  return `default-src 'self';${connect} style-src 'self'; script-src 'self'; base-uri 'none'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html quiz-elements`;
}

/** `index.html`. */
export function launchPage(options: LaunchPageOptions): string {
  const several = options.cards.length > 1;
  const cards = options.cards.map((card) => {
    const attributes = [
      ['id', `card-${card.bankId}`],
      ['src', card.src],
      ['count', String(card.questionCount)],
      ['progress-key', options.progressKey],
      ...(options.mode === 'exam' ? [['mode', 'exam']] : []),
      ...(options.passMark !== undefined ? [['pass-mark', String(options.passMark)]] : []),
      ...(card.language !== options.language ? [['lang', card.language]] : []),
    ];
    const element = `<quiz-card ${attributes.map(([name, value]) => `${name}="${escapeHtml(value!)}"`).join(' ')}></quiz-card>`;
    return several
      ? `    <section aria-labelledby="title-${escapeHtml(card.bankId)}">\n      <h2 id="title-${escapeHtml(card.bankId)}">${escapeHtml(card.title)}</h2>\n      ${element}\n    </section>`
      : `    ${element}`;
  });
  return `<!doctype html>
<html lang="${escapeHtml(options.language)}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta http-equiv="Content-Security-Policy" content="${launchPolicy(options.records)}">
  <title>${escapeHtml(options.title)}</title>
  <link rel="stylesheet" href="launch.css">
  <script type="module" src="launch.js"></script>
</head>
<body>
  <main>
    <h1>${escapeHtml(options.title)}</h1>
${cards.join('\n')}
  </main>
</body>
</html>
`;
}

/** `launch.js`: the page's only script. */
export function launchScript(records: 'scorm' | 'cmi5'): string {
  return `// Reports to the learning platform that launched this page (${records === 'scorm' ? 'SCORM 1.2 or 2004 API in a parent window' : 'cmi5 launch parameters'}).
import { configureLearningRecords } from './quiz-elements.js';

// Outside a learning platform the card says that results are not recorded; the console says why.
configureLearningRecords('${records}').catch((error) => console.warn('quiz-elements: learning records are off:', error?.message ?? error));
`;
}

/** `launch.css`: a readable column. */
export const LAUNCH_CSS = `body { margin: 0; font-family: system-ui, sans-serif; line-height: 1.5; }
main { max-width: 46rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0 0 1rem; }
h2 { font-size: 1.2rem; margin: 2rem 0 0.5rem; }
`;
