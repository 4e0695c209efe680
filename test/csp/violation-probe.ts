// Loaded as a classic script, first, by the strict frame of typed-strict.test.ts: records every
// CSP and Trusted Types violation of the frame's document from its first moment.
interface ProbeWindow {
  violations: string[];
}
const probe = window as unknown as ProbeWindow;
probe.violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  probe.violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample ?? ''}`.trim());
});
