/**
 * Just enough of a browser for the sign-in tests: a cookie jar (by host and path, as browsers
 * keep them: the port does not count), redirects followed one by one (303/302 become GET), and
 * forms posted. No JavaScript, except that a page that only submits its form on load (the
 * issuer's "Submitting Callback" page) is submitted, as a browser would.
 */
export interface Page {
  readonly url: string;
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
  /** Every response on the way, redirects included. */
  readonly chain: ReadonlyArray<{ url: string; status: number; headers: Headers }>;
}

interface StoredCookie {
  value: string;
  path: string;
  attributes: string[];
}

export class TestBrowser {
  /** host → name → cookie */
  private readonly jar = new Map<string, Map<string, StoredCookie>>();
  /** Every Set-Cookie header received, as sent. */
  readonly setCookies: string[] = [];

  cookie(host: string, name: string): StoredCookie | undefined {
    return this.jar.get(host)?.get(name);
  }

  /** Copies this browser's cookies (a stolen or kept cookie, reused elsewhere). */
  copy(): TestBrowser {
    const other = new TestBrowser();
    for (const [host, cookies] of this.jar) other.jar.set(host, new Map([...cookies].map(([k, v]) => [k, { ...v }])));
    return other;
  }

  private store(url: URL, header: string): void {
    this.setCookies.push(header);
    const [pair, ...attributes] = header.split(';').map((part) => part.trim());
    const separator = pair!.indexOf('=');
    const name = pair!.slice(0, separator);
    const value = pair!.slice(separator + 1);
    const path = attributes.find((a) => a.toLowerCase().startsWith('path='))?.slice(5) ?? '/';
    const maxAge = attributes.find((a) => a.toLowerCase().startsWith('max-age='));
    const cookies = this.jar.get(url.hostname) ?? new Map<string, StoredCookie>();
    this.jar.set(url.hostname, cookies);
    const expires = attributes.find((a) => a.toLowerCase().startsWith('expires='));
    if ((maxAge && Number(maxAge.slice(8)) <= 0) || (expires && Date.parse(expires.slice(8)) < Date.now())) cookies.delete(name);
    else cookies.set(name, { value, path, attributes });
  }

  private cookieHeader(url: URL): string | undefined {
    const cookies = [...(this.jar.get(url.hostname) ?? new Map<string, StoredCookie>())].filter(([, c]) => url.pathname.startsWith(c.path));
    return cookies.length ? cookies.map(([name, c]) => `${name}=${c.value}`).join('; ') : undefined;
  }

  /** One request, redirects followed. */
  async go(url: string, init: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<Page> {
    const chain: Page['chain'][number][] = [];
    let current = new URL(url);
    let method = init.method ?? 'GET';
    let body = init.body;
    let headers = init.headers ?? {};
    for (let hop = 0; hop < 20; hop += 1) {
      const cookie = this.cookieHeader(current);
      const response = await fetch(current, { method, headers: { ...headers, ...(cookie ? { cookie } : {}) }, body, redirect: 'manual' });
      for (const header of response.headers.getSetCookie()) this.store(current, header);
      chain.push({ url: current.href, status: response.status, headers: response.headers });
      const location = response.headers.get('location');
      if (response.status >= 300 && response.status < 400 && location) {
        await response.arrayBuffer();
        current = new URL(location, current);
        if (response.status !== 307 && response.status !== 308) {
          method = 'GET';
          body = undefined;
          headers = {};
        }
        continue;
      }
      const page = { url: current.href, status: response.status, headers: response.headers, body: await response.text(), chain };
      if (page.body.includes('document.forms[0].submit()')) {
        const next = await this.submit(page);
        return { ...next, chain: [...chain, ...next.chain] };
      }
      return page;
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Submits the page's (first) form, with the button of this name and value. */
  async submit(page: Page, button?: { name: string; value: string }): Promise<Page> {
    const form = /<form[^>]*action="([^"]+)"/.exec(page.body);
    if (!form) throw new Error(`no form on ${page.url}: ${page.body.slice(0, 300)}`);
    const hidden = [...page.body.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"/g)].map((m): [string, string] => [m[1]!, m[2]!]);
    const fields = new URLSearchParams(button ? [...hidden, [button.name, button.value]] : hidden);
    return this.go(new URL(form[1]!.replace(/&amp;/g, '&'), page.url).href, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: fields.toString(),
    });
  }
}
