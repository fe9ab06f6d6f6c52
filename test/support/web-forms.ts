/**
 * A browser without script, over fetch: a cookie jar (the CSRF cookie, the console's one-time link cookie), the
 * CSRF field read from a page, same-origin form posts, and redirects left to the caller so a test can see the 303.
 */
export interface FormBrowser {
  get(path: string): Promise<Response>;
  /** Reads the CSRF field from the page at `path` (setting the cookie). */
  open(path: string): Promise<string>;
  post(path: string, fields: Record<string, string>, headers?: Record<string, string>): Promise<Response>;
  /** GET of a redirect's Location. */
  follow(res: Response): Promise<Response>;
}

export function formBrowser(base: string): FormBrowser {
  const jar = new Map<string, string>();
  let csrf = '';
  const keep = (res: Response) => {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (attributes.some((a) => a.trim().toLowerCase() === 'max-age=0')) jar.delete(name);
      else jar.set(name, value);
    }
    return res;
  };
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
  const get = async (path: string) =>
    keep(await fetch(new URL(path, base), { headers: { cookie: cookie() }, redirect: 'manual' }));
  return {
    get,
    async open(path) {
      const res = await get(path);
      csrf = /name="csrf" value="([^"]+)"/.exec(await res.text())?.[1] ?? '';
      return csrf;
    },
    async post(path, fields, headers = {}) {
      return keep(
        await fetch(new URL(path, base), {
          method: 'POST',
          redirect: 'manual',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: cookie(), origin: base, ...headers },
          body: new URLSearchParams({ csrf, ...fields }).toString(),
        }),
      );
    },
    follow: (res) => get(res.headers.get('location') ?? '/'),
  };
}
