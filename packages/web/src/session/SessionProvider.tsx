import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { cacheExchange, Client, fetchExchange, Provider as UrqlProvider } from 'urql';

import { idempotencyExchange } from './idempotency';
import { fetchSession, logout, type Session } from './session';

export type SignedOutReason = 'idle' | 'signed-out' | null;

interface SessionContextValue {
  session: Session | null;
  signedOutReason: SignedOutReason;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

/** Only the signed-in user: the app is for staff, editors, integrators and admins. */
export function useUser() {
  const { session } = useSession();
  return session?.authenticated ? session.user : null;
}

/**
 * Holds the session that the web server keeps (the token never reaches JavaScript) and the GraphQL
 * client that sends the session's CSRF token. An answer 401 means the server ended the session (idle
 * timeout): the user is shown "signed out after inactivity" and every cached answer is dropped.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [signedOutReason, setSignedOutReason] = useState<SignedOutReason>(null);
  const csrf = useRef<string | null>(null);
  const idleTimer = useRef<number | undefined>(undefined);

  const expire = useCallback(() => {
    csrf.current = null;
    setSession({ authenticated: false });
    setSignedOutReason('idle');
  }, []);

  // The server's idle timer runs from the last request; ours asks again just after it would have run out.
  const armIdleTimer = useCallback(
    (seconds: number) => {
      window.clearTimeout(idleTimer.current);
      idleTimer.current = window.setTimeout(
        () => {
          void fetchSession().then((next) => {
            if (!next.authenticated) expire();
            else {
              csrf.current = next.csrfToken;
              armIdleTimer(next.idleTimeoutSeconds);
            }
          });
        },
        (seconds + 1) * 1000,
      );
    },
    [expire],
  );

  useEffect(() => {
    let cancelled = false;
    void fetchSession()
      .catch((): Session => ({ authenticated: false }))
      .then((next) => {
        if (cancelled) return;
        csrf.current = next.authenticated ? next.csrfToken : null;
        setSession(next);
        if (next.authenticated) armIdleTimer(next.idleTimeoutSeconds);
      });
    return () => {
      cancelled = true;
      window.clearTimeout(idleTimer.current);
    };
  }, [armIdleTimer]);

  const idleSeconds = session?.authenticated ? session.idleTimeoutSeconds : null;
  const client = useMemo(
    () =>
      new Client({
        url: '/graphql',
        exchanges: [cacheExchange, idempotencyExchange, fetchExchange],
        preferGetMethod: false,
        fetchOptions: (): RequestInit => {
          const headers: Record<string, string> = {};
          if (csrf.current) headers['x-csrf-token'] = csrf.current;
          return { credentials: 'same-origin', headers };
        },
        fetch: async (input, init) => {
          const response = await fetch(input, init);
          if (response.status === 401 && csrf.current) expire();
          else if (idleSeconds !== null) armIdleTimer(idleSeconds);
          return response;
        },
      }),
    // A new client (and an empty cache) for every session: nothing from one user's session is shown to the next.
    [session?.authenticated ? session.user.subject : null, idleSeconds],
  );

  const signOut = useCallback(async () => {
    if (csrf.current) await logout(csrf.current).catch(() => undefined);
    csrf.current = null;
    window.clearTimeout(idleTimer.current);
    setSession({ authenticated: false });
    setSignedOutReason('signed-out');
  }, []);

  const value = useMemo(() => ({ session, signedOutReason, signOut }), [session, signedOutReason, signOut]);
  return (
    <SessionContext.Provider value={value}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}
