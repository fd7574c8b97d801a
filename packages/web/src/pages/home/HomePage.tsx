import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';

import { usePageTitle } from '../../app/usePageTitle';
import { loginHref, type Role } from '../../session/session';
import { useSession } from '../../session/SessionProvider';

export const START_PAGE: Record<Role, string> = {
  SHELTER_STAFF: '/sok',
  ORG_EDITOR: '/innboks',
  BYDEL_INTEGRATOR: '/statistikk',
  PLATFORM_ADMIN: '/admin/organisasjoner',
};

export function HomePage() {
  const { t } = useTranslation();
  const { session, signedOutReason } = useSession();
  usePageTitle('home.pageTitle');
  if (session?.authenticated) return <Navigate to={START_PAGE[session.user.role]} replace />;
  return (
    <section className="home">
      <h1>{t('home.title')}</h1>
      {signedOutReason === 'idle' && (
        <div className="pkt-alert pkt-alert--info" role="status">
          <p>{t('auth.signedOutIdle')}</p>
        </div>
      )}
      {signedOutReason === 'signed-out' && (
        <div className="pkt-alert pkt-alert--success" role="status">
          <p>{t('auth.signedOut')}</p>
        </div>
      )}
      <p className="lead">{t('home.lead')}</p>
      <a className="pkt-btn pkt-btn--primary" href={loginHref('/')}>
        {t('auth.signIn')}
      </a>
      <p>
        <Link to="/dyrepass-info">{t('home.petCareLink')}</Link>
      </p>
    </section>
  );
}
