/** Browser-test helpers that stand in for the network. */

/** Replaces window.fetch for one test; returns the calls and a restore function. */
export function stubFetch(respond: (url: string, init?: RequestInit) => Promise<Response>) {
  const original = window.fetch;
  const calls: string[] = [];
  window.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
    const url = input instanceof Request ? input.url : String(input);
    calls.push(url);
    return respond(url, init);
  }) as typeof fetch;
  return { calls, restore: () => (window.fetch = original) };
}

/** A JSON response as a server would send it. */
export const json = (value: unknown, status = 200) =>
  new Response(JSON.stringify(value), { status, headers: { 'content-type': 'application/json' } });
