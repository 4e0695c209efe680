/** Which engine a browser test runs in, where a test must adapt to what its driver can do. */

/** WebKitGTK (MiniBrowser over WebDriver): WebKit, and not Chromium, whose agent names WebKit too. */
export function isWebKitGtk(): boolean {
  const agent = navigator.userAgent;
  return /AppleWebKit/.test(agent) && !/Chrome|Chromium/.test(agent);
}
