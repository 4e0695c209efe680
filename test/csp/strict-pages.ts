import { waitUntil } from '@open-wc/testing';
// The strict frames of the CSP tests (typed-strict, math-strict): each a page of this folder with
// its policy in a meta element, and what its classic probe script records.

/** The policy README "Strict pages" documents. */
export const DOCUMENTED = "script-src 'self'; object-src 'none'; require-trusted-types-for 'script'; trusted-types lit-html quiz-elements";

/** Each frame page (a file: a meta policy in srcdoc does not match 'self' in Firefox) and the policy it holds. */
export const POLICIES: [name: string, page: string, policy: string][] = [
  ['README policy', 'strict-readme.html', DOCUMENTED],
  ['no inline style, same origin only', 'strict-style.html', `default-src 'self'; style-src 'self' 'report-sample'; base-uri 'none'; ${DOCUMENTED}`],
];

/** A strict frame's window: the violations its probe recorded, and a way to ask whether Trusted Types are enforced. */
export interface StrictWindow extends Window {
  violations: string[];
  tryInnerHtml(): 'allowed' | 'blocked';
}

/**
 * Opens `page` (a file of this folder) in an iframe and resolves once its module defined
 * `<quiz-card>` and its probe: the frame and its window. A frame that never gets there fails with
 * what it did load, for a readable report.
 */
export async function openStrictFrame<W extends StrictWindow = StrictWindow>(page: string): Promise<{ frame: HTMLIFrameElement; win: W }> {
  const frame = document.createElement('iframe');
  Object.assign(frame.style, { width: '600px', height: '800px' });
  frame.src = `/test/csp/${page}`;
  document.body.append(frame);
  const inside = () => frame.contentWindow as W | null;
  await waitUntil(() => inside()?.customElements?.get('quiz-card') && inside()!.tryInnerHtml, 'the strict frame did not load its script', { timeout: 15_000 }).catch((error: Error) => {
    const win = inside();
    throw new Error(`${error.message}: ${JSON.stringify({ url: win?.location.href, ready: win?.document.readyState, violations: win?.violations, head: win?.document.head?.innerHTML.slice(0, 400) })}`);
  });
  return { frame, win: inside()! };
}
