/**
 * Reading how a page was launched for learning records, from its URL (no DOM: the query string is
 * passed in):
 * - the xAPI launch convention: `endpoint`, `auth`, `actor` (JSON), `registration`;
 * - a cmi5 launch: `endpoint`, `fetch`, `actor`, `registration`, `activityId`.
 *
 * Problems are thrown as `LaunchError`s that name the parameter and say what the page author or
 * learner can do.
 */
import type { XapiAgent } from '../xapi/statements.js';

/** A launch the page cannot use: `parameter` names what is missing or malformed. */
export class LaunchError extends Error {
  override readonly name = 'LaunchError';
  constructor(
    message: string,
    readonly parameter: string,
  ) {
    super(message);
  }
}

/** Where statements go and who they are about: from JavaScript or an xAPI launch. */
export interface XapiLaunch {
  /** The LRS's xAPI endpoint; a `/` is added when missing. */
  endpoint: string;
  /** The Authorization header value (`Basic …`, `Bearer …`); kept in memory only. */
  auth?: string;
  actor: XapiAgent;
  /** A UUID grouping the statements of this attempt. */
  registration?: string;
}

/** A cmi5 launch: the AU fetches its token from `fetch`, once. */
export interface Cmi5Launch {
  endpoint: string;
  fetch: string;
  actor: XapiAgent;
  registration: string;
  activityId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The endpoint as an absolute http(s) URL ending in `/`. */
export function endpointUrl(value: string | null | undefined, base?: string): string {
  let url: URL;
  try {
    url = new URL(value ?? '', base);
  } catch {
    throw new LaunchError(`The learning record store address "${value ?? ''}" is not a URL. Give the LRS's xAPI endpoint, such as https://lrs.example.org/data/xAPI/.`, 'endpoint');
  }
  if (!value || !/^https?:$/.test(url.protocol)) {
    throw new LaunchError(`The learning record store address "${value ?? ''}" is not an http(s) URL. Give the LRS's xAPI endpoint, such as https://lrs.example.org/data/xAPI/.`, 'endpoint');
  }
  url.hash = '';
  if (!url.pathname.endsWith('/')) url.pathname += '/';
  return url.href;
}

/**
 * An xAPI Agent with exactly one identifier. Also reads the older launch form some LMSs still
 * send, where each property is a list (`{"name":["Ann"],"mbox":["mailto:ann@example.org"]}`).
 */
export function parseActor(value: unknown): XapiAgent {
  let actor = value;
  if (typeof value === 'string') {
    try {
      actor = JSON.parse(value);
    } catch {
      throw new LaunchError('The learner ("actor") is not JSON. It should be an xAPI Agent, such as {"account":{"homePage":"https://lms.example.org","name":"42"}}.', 'actor');
    }
  }
  if (!actor || typeof actor !== 'object' || Array.isArray(actor)) {
    throw new LaunchError('The learner ("actor") is missing. It should be an xAPI Agent with an mbox or an account.', 'actor');
  }
  const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);
  const raw = actor as Record<string, unknown>;
  const agent: XapiAgent = { objectType: 'Agent' };
  const name = first(raw.name);
  if (typeof name === 'string' && name) agent.name = name;
  const mbox = first(raw.mbox);
  const sha = first(raw.mbox_sha1sum);
  const openid = first(raw.openid);
  const account = first(raw.account) as Record<string, unknown> | undefined;
  const homePage = account && first(account.homePage ?? account.accountServiceHomePage);
  const accountName = account && first(account.name ?? account.accountName);
  if (typeof mbox === 'string' && /^mailto:[^@\s]+@[^@\s]+$/.test(mbox)) agent.mbox = mbox;
  else if (typeof sha === 'string' && /^[0-9a-f]{40}$/i.test(sha)) agent.mbox_sha1sum = sha;
  else if (typeof openid === 'string' && /^https?:\/\//.test(openid)) agent.openid = openid;
  else if (typeof homePage === 'string' && typeof accountName === 'string' && accountName) agent.account = { homePage, name: accountName };
  else {
    throw new LaunchError('The learner ("actor") has no usable identifier. It needs an mbox ("mailto:…"), an mbox_sha1sum, an openid or an account {homePage, name}.', 'actor');
  }
  return agent;
}

function registrationOf(value: string | null | undefined, required: boolean): string | undefined {
  if (!value) {
    if (required) throw new LaunchError('The launch has no registration. Open this page again from your learning platform.', 'registration');
    return undefined;
  }
  if (!UUID.test(value)) throw new LaunchError(`The registration "${value}" is not a UUID.`, 'registration');
  return value.toLowerCase();
}

/** Checks a configuration given in JavaScript (or read from a launch) and returns it normalised. */
export function checkXapiLaunch(config: { endpoint?: string; auth?: string; actor?: unknown; registration?: string }, base?: string): XapiLaunch {
  return {
    endpoint: endpointUrl(config.endpoint, base),
    ...(config.auth ? { auth: config.auth } : {}),
    actor: parseActor(config.actor),
    ...(config.registration ? { registration: registrationOf(config.registration, false) } : {}),
  };
}

/** The xAPI launch parameters of a page URL's query (`?endpoint=…&auth=…&actor=…&registration=…`). */
export function xapiLaunchOf(search: string, base?: string): XapiLaunch {
  const params = new URLSearchParams(search);
  if (!params.get('endpoint')) {
    throw new LaunchError('This page reports to a learning record store but was opened without one: the address has no "endpoint". Open it from your course or learning platform.', 'endpoint');
  }
  return checkXapiLaunch(
    {
      endpoint: params.get('endpoint')!,
      auth: params.get('auth') ?? undefined,
      actor: params.get('actor') ?? undefined,
      registration: params.get('registration') ?? undefined,
    },
    base,
  );
}

/** The cmi5 launch parameters of a page URL's query. */
export function cmi5LaunchOf(search: string, base?: string): Cmi5Launch {
  const params = new URLSearchParams(search);
  for (const name of ['endpoint', 'fetch', 'actor', 'registration', 'activityId']) {
    if (!params.get(name)) {
      throw new LaunchError(`This cmi5 lesson was opened without its "${name}" launch parameter, so results cannot be reported. Open it from your learning platform.`, name);
    }
  }
  let fetchUrl: string;
  try {
    fetchUrl = new URL(params.get('fetch')!, base).href;
  } catch {
    throw new LaunchError(`The cmi5 "fetch" parameter "${params.get('fetch')}" is not a URL.`, 'fetch');
  }
  return {
    endpoint: endpointUrl(params.get('endpoint'), base),
    fetch: fetchUrl,
    actor: parseActor(params.get('actor')),
    registration: registrationOf(params.get('registration'), true)!,
    activityId: params.get('activityId')!,
  };
}
