import type { Hono } from 'hono';
import { createUser } from '../../src/services/people/users.ts';
import type { UserRole } from '../../src/domain/model/user.ts';
import type { Database } from '../../src/storage/db.ts';

/** A person at a browser, as far as the console's server sees one: a cookie jar and forms. */
export interface ConsoleResponse {
  status: number;
  headers: Headers;
  text: string;
  /** The Location of a redirect, as a path. */
  location: string | null;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any Hono app of the project's (its env differs)
type AnyApp = Hono<any, any, any>;

/** Sends one request as a browser would, without following redirects (a Hono app's request, or workerd's fetch). */
export type SendRequest = (url: string, init: RequestInit) => Promise<Response>;

export function consoleBrowser(app: AnyApp | SendRequest, origin = 'http://localhost') {
  const request: SendRequest = typeof app === 'function' ? app : async (url, init) => await app.request(url, init);
  const jar = new Map<string, string>();
  const remember = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      if (value === '' || /max-age=0/i.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
  };
  const send = async (
    method: string,
    path: string,
    form?: Record<string, string>,
    headers: Record<string, string> = {},
  ) => {
    const all: Record<string, string> = { ...headers };
    if (jar.size > 0) all.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    if (form) all['content-type'] = 'application/x-www-form-urlencoded';
    const res = await request(`${origin}${path}`, {
      method,
      redirect: 'manual',
      headers: all,
      ...(form ? { body: new URLSearchParams(form).toString() } : {}),
    });
    remember(res);
    const location = res.headers.get('location');
    return {
      status: res.status,
      headers: res.headers,
      text: await res.text(),
      location: location ? location.replace(origin, '') : null,
    };
  };
  /** The CSRF token of the first form on a page. */
  const csrfOf = (page: string): string => /name="_csrf" value="([^"]+)"/.exec(page)?.[1] ?? '';
  return {
    jar,
    get: (path: string, headers?: Record<string, string>) => send('GET', path, undefined, headers),
    /** Posts a form; `csrf` is the token the page it came from carried (omit it to leave it out). */
    post: (path: string, form: Record<string, string>, headers?: Record<string, string>) =>
      send('POST', path, form, headers),
    csrfOf,
    /** Signs in through the form, as a person would. */
    async signIn(email: string, password: string): Promise<ConsoleResponse> {
      const login = await send('GET', '/console/login');
      return send('POST', '/console/login', { _csrf: csrfOf(login.text), email, password, next: '/console' });
    },
    /** GETs `path` and posts `form` with that page's CSRF token. */
    async submit(pagePath: string, action: string, form: Record<string, string>): Promise<ConsoleResponse> {
      const page = await send('GET', pagePath);
      return send('POST', action, { _csrf: csrfOf(page.text), ...form });
    },
  };
}

let people = 0;

/** A person of the tenant with a known password. */
export async function newPerson(
  database: Database,
  tenantId: string,
  role: UserRole,
  opts: { reviewer?: boolean; displayName?: string } = {},
) {
  const email = `person-${process.pid}-${Date.now().toString(36)}-${++people}@test.example`;
  const password = `correct horse ${people} battery`;
  const user = await createUser(database, {
    tenantId,
    email,
    displayName: opts.displayName ?? `Person ${people}`,
    role,
    reviewer: opts.reviewer ?? false,
    password,
  });
  return { ...user, password };
}
