/** What the web server's `GET /auth/session` answers (see packages/web-server). */
export type Role = 'SHELTER_STAFF' | 'ORG_EDITOR' | 'BYDEL_INTEGRATOR' | 'PLATFORM_ADMIN';

export interface SessionUser {
  subject: string;
  name: string;
  role: Role;
  organisationId: string | null;
  bydelCode: string | null;
}

export type Session = { authenticated: false } | { authenticated: true; user: SessionUser; csrfToken: string; idleTimeoutSeconds: number; expiresAt: string };

export async function fetchSession(): Promise<Session> {
  const response = await fetch('/auth/session', { credentials: 'same-origin', cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) return { authenticated: false };
  return (await response.json()) as Session;
}

export async function logout(csrfToken: string): Promise<void> {
  await fetch('/auth/logout', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'x-csrf-token': csrfToken, accept: 'application/json' },
  });
}

/** The sign-in link: the server's OIDC flow, back to a same-origin path (never with personal data in it). */
export function loginHref(returnTo: string): string {
  return `/auth/login?returnTo=${encodeURIComponent(returnTo)}`;
}
