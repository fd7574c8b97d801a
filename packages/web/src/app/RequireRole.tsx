import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router-dom';

import { loginHref, type Role } from '../session/session';
import { useSession } from '../session/SessionProvider';

/** A page for some roles only; anyone else is asked to sign in (or told the page is not theirs). */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { t } = useTranslation();
  const { session, signedOutReason } = useSession();
  const location = useLocation();
  if (!session) return <p aria-busy="true">{t('common.loading')}</p>;
  if (!session.authenticated) {
    return (
      <section className="stack">
        <h1>{t('auth.signInRequired')}</h1>
        {signedOutReason === 'idle' && (
          <div className="pkt-alert pkt-alert--info" role="alert">
            <p>{t('auth.signedOutIdle')}</p>
          </div>
        )}
        <a className="pkt-btn pkt-btn--primary" href={loginHref(location.pathname)}>
          {t('auth.signIn')}
        </a>
      </section>
    );
  }
  if (!roles.includes(session.user.role)) {
    return (
      <section>
        <h1>{t('auth.notForYourRole')}</h1>
      </section>
    );
  }
  return <>{children}</>;
}
