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
