import { lazy, Suspense, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router-dom';

import { type Language, setLanguage } from '../i18n';
import type { Role } from '../session/session';
import { useSession, useUser } from '../session/SessionProvider';

// Its query (and the generated operations with it) loads after the first page.
const InboxCount = lazy(() => import('./InboxCount'));

const NAV: Record<Role, Array<{ to: string; key: string }>> = {
  SHELTER_STAFF: [
    { to: '/sok', key: 'nav.search' },
    { to: '/henvisninger', key: 'nav.referrals' },
    { to: '/etter-flytting', key: 'nav.afterMoving' },
    { to: '/kalender', key: 'nav.calendar' },
  ],
  ORG_EDITOR: [
    { to: '/innboks', key: 'nav.inbox' },
    { to: '/oppfolging', key: 'nav.followUps' },
    { to: '/mine-tilbud', key: 'nav.offers' },
    { to: '/kontaktpersoner', key: 'nav.contacts' },
    { to: '/kalender', key: 'nav.calendar' },
  ],
  BYDEL_INTEGRATOR: [{ to: '/statistikk', key: 'nav.statistics' }],
  PLATFORM_ADMIN: [
    { to: '/admin/organisasjoner', key: 'nav.organisations' },
    { to: '/admin/logg', key: 'nav.audit' },
    { to: '/sok', key: 'nav.search' },
  ],
};

export function Layout() {
  const { t, i18n } = useTranslation();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);

  // After a route change, focus moves to the new page so screen readers announce it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    main.current?.focus();
  }, [location.pathname]);

  const other: Language = i18n.language === 'en' ? 'nb' : 'en';
  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('layout.skipToContent')}
      </a>
      <header className="app-header">
        <div className="app-header__inner">
          <NavLink to="/" className="app-header__brand">
            Samspill
          </NavLink>
          {user && (
            <nav aria-label={t('layout.mainNavigation')} className="app-nav">
              <ul>
                {NAV[user.role].map((item) => (
                  <li key={item.to}>
                    <NavLink to={item.to}>
                      {t(item.key)}
                      {item.to === '/innboks' && user.organisationId && (
                        <Suspense fallback={null}>
                          <InboxCount organisationId={user.organisationId} />
                        </Suspense>
                      )}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div className="app-header__tools">
            <button type="button" className="pkt-btn pkt-btn--tertiary pkt-btn--small" lang={other} onClick={() => setLanguage(other)}>
              {t('layout.switchLanguage')}
            </button>
            {user && (
              <>
                <span className="app-header__user">{t('layout.signedInAs', { name: user.name })}</span>
                <button
                  type="button"
                  className="pkt-btn pkt-btn--secondary pkt-btn--small"
                  onClick={() => {
                    void signOut().then(() => navigate('/'));
                  }}
                >
                  {t('layout.signOut')}
                </button>
              </>
            )}
          </div>
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
    </div>
  );
}
