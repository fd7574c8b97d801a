// GraphiQL for integrators, bundled with the platform (no CDN): it talks to /graphql of this
// web server with the signed-in user's session (cookie + CSRF header), or anonymously.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import './graphiql.css';

import { GraphiQL } from 'graphiql';
import { createElement as h, StrictMode } from 'react';
import { createRoot } from 'react-dom/client';

interface SessionInfo {
  authenticated: boolean;
  user?: { subject: string; name: string | null; role: string };
  csrfToken?: string;
}

type FetcherParams = { query: string; operationName?: string | null; variables?: unknown };
type FetcherOptions = { headers?: Record<string, unknown> };

const DEFAULT_QUERY = `# Samspill's GraphQL API.
# Signed in, requests carry your session;
# otherwise they are anonymous. Integrators
# can send their own token under Headers:
# {"Authorization": "Bearer …"}
{
  bydeler(includeStatistical: false) {
    code
    name
  }
}
`;

/**
 * GraphiQL keeps its tabs, query history, variables and headers in `localStorage` by default: on a
 * shared office PC the next person would find them (and the variables may name a resident). Here
 * they live in memory only, gone with the tab and emptied on sign-out.
 */
class MemoryStorage {
  private readonly items = new Map<string, string>();
  get length(): number {
    return this.items.size;
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.items.delete(key);
  }
  clear(): void {
    this.items.clear();
  }
}
const storage = new MemoryStorage();

/** What an earlier build of this page may have left in localStorage (its keys start with "graphiql:"). */
function forgetStoredQueries(): void {
  for (const key of Object.keys(window.localStorage)) if (key.startsWith('graphiql:')) window.localStorage.removeItem(key);
}
forgetStoredQueries();

let session: SessionInfo = { authenticated: false };
const root = createRoot(document.getElementById('root')!);

async function loadSession(): Promise<void> {
  const response = await fetch('/auth/session', { credentials: 'same-origin' });
  session = response.ok ? ((await response.json()) as SessionInfo) : { authenticated: false };
}

async function signOut(): Promise<void> {
  storage.clear();
  forgetStoredQueries();
  const response = await fetch('/auth/logout', { method: 'POST', credentials: 'same-origin', headers: { 'x-csrf-token': session.csrfToken ?? '' } });
  const body = (await response.json().catch(() => ({}))) as { endSessionUrl?: string | null };
  window.location.assign(body.endSessionUrl ?? '/graphiql');
}

async function fetcher(params: FetcherParams, options?: FetcherOptions): Promise<unknown> {
  const extra = Object.fromEntries(Object.entries(options?.headers ?? {}).map(([key, value]) => [key, String(value)]));
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(session.csrfToken ? { 'x-csrf-token': session.csrfToken } : {}), ...extra },
    body: JSON.stringify(params),
  });
  if (response.status === 401 && session.authenticated) {
    await loadSession();
    render();
  }
  return response.json();
}

function bar() {
  const who = session.authenticated
    ? [
        h('span', { key: 'who', className: 'who' }, `Signed in as ${session.user?.name ?? session.user?.subject} (${session.user?.role})`),
        h('button', { key: 'out', type: 'button', onClick: () => void signOut() }, 'Sign out'),
      ]
    : [
        h('span', { key: 'who', className: 'who' }, 'Not signed in: requests are anonymous'),
        h('a', { key: 'in', href: '/auth/login?returnTo=/graphiql' }, 'Sign in'),
      ];
  return h('header', { className: 'samspill-bar' }, h('strong', { key: 'title' }, 'Samspill GraphQL'), ...who);
}

function render(): void {
  root.render(
    h(
      StrictMode,
      null,
      bar(),
      h(
        'div',
        { className: 'samspill-graphiql' },
        h(GraphiQL, { fetcher: fetcher as never, defaultQuery: DEFAULT_QUERY, shouldPersistHeaders: false, storage }),
      ),
    ),
  );
}

void loadSession().finally(render);
