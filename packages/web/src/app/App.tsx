import { lazy, Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { BrowserRouter, Route, Routes } from 'react-router-dom';

import { HomePage } from '../pages/home/HomePage';
import { SessionProvider } from '../session/SessionProvider';
import { Layout } from './Layout';
import { RequireRole } from './RequireRole';

// Each page is its own chunk: the first page sends only the shell.
const SearchPage = lazy(() => import('../pages/search/SearchPage'));
const ActivityPage = lazy(() => import('../pages/offers/ActivityPage'));
const PetCareOfferPage = lazy(() => import('../pages/offers/PetCareOfferPage'));
const ReferPage = lazy(() => import('../pages/referrals/ReferPage'));
const OurReferralsPage = lazy(() => import('../pages/referrals/OurReferralsPage'));
const ReferralPage = lazy(() => import('../pages/referrals/ReferralPage'));
const InboxPage = lazy(() => import('../pages/inbox/InboxPage'));
const EditorOffersPage = lazy(() => import('../pages/editor/EditorOffersPage'));
const ActivityEditorPage = lazy(() => import('../pages/editor/ActivityEditorPage'));
const PetCareEditorPage = lazy(() => import('../pages/editor/PetCareEditorPage'));
const ContactPersonsPage = lazy(() => import('../pages/editor/ContactPersonsPage'));
const FollowUpsPage = lazy(() => import('../pages/followups/FollowUpsPage'));
const FollowUpPage = lazy(() => import('../pages/followups/FollowUpPage'));
const PetCareInfoPage = lazy(() => import('../pages/public/PetCareInfoPage'));
const CalendarFeedsPage = lazy(() => import('../pages/calendar/CalendarFeedsPage'));
const HelpAfterMovingPage = lazy(() => import('../pages/search/HelpAfterMovingPage'));
const StatisticsPage = lazy(() => import('../pages/statistics/StatisticsPage'));
const OrganisationsPage = lazy(() => import('../pages/admin/OrganisationsPage'));
const AuditLogPage = lazy(() => import('../pages/admin/AuditLogPage'));

function NotFound() {
  const { t } = useTranslation();
  return <h1>{t('common.notFound')}</h1>;
}

function Loading() {
  const { t } = useTranslation();
  return <p aria-busy="true">{t('common.loading')}</p>;
}

const STAFF = ['SHELTER_STAFF', 'PLATFORM_ADMIN'] as const;

export function App() {
  // The benchmark (scripts/bench.mjs) reads this mark: the first page has rendered and handles input.
  useEffect(() => {
    performance.mark('samspill:interactive');
  }, []);
  return (
    <SessionProvider>
      <BrowserRouter>
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route element={<Layout />}>
              <Route index element={<HomePage />} />
              <Route path="dyrepass-info" element={<PetCareInfoPage />} />
              <Route
                path="kalender"
                element={
                  <RequireRole roles={[...STAFF, 'ORG_EDITOR', 'BYDEL_INTEGRATOR']}>
                    <CalendarFeedsPage />
                  </RequireRole>
                }
              />
              <Route
                path="sok"
                element={
                  <RequireRole roles={[...STAFF, 'ORG_EDITOR']}>
                    <SearchPage />
                  </RequireRole>
                }
              />
              <Route
                path="tilbud/:id"
                element={
                  <RequireRole roles={[...STAFF, 'ORG_EDITOR']}>
                    <ActivityPage />
                  </RequireRole>
                }
              />
              <Route
                path="dyrepass/:id"
                element={
                  <RequireRole roles={[...STAFF, 'ORG_EDITOR']}>
                    <PetCareOfferPage />
                  </RequireRole>
                }
              />
              <Route
                path="henvis/:kind/:id"
                element={
                  <RequireRole roles={['SHELTER_STAFF']}>
                    <ReferPage />
                  </RequireRole>
                }
              />
              <Route
                path="henvisninger"
                element={
                  <RequireRole roles={['SHELTER_STAFF']}>
                    <OurReferralsPage />
                  </RequireRole>
                }
              />
              <Route
                path="henvisninger/:id"
                element={
                  <RequireRole roles={['SHELTER_STAFF', 'ORG_EDITOR']}>
                    <ReferralPage />
                  </RequireRole>
                }
              />
              <Route
                path="innboks"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <InboxPage />
                  </RequireRole>
                }
              />
              <Route
                path="mine-tilbud"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <EditorOffersPage />
                  </RequireRole>
                }
              />
              <Route
                path="mine-tilbud/aktivitet/:id"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <ActivityEditorPage />
                  </RequireRole>
                }
              />
              <Route
                path="mine-tilbud/dyrepass/:id"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <PetCareEditorPage />
                  </RequireRole>
                }
              />
              <Route
                path="oppfolging"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <FollowUpsPage />
                  </RequireRole>
                }
              />
              <Route
                path="oppfolging/:id"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <FollowUpPage />
                  </RequireRole>
                }
              />
              <Route
                path="etter-flytting"
                element={
                  <RequireRole roles={[...STAFF]}>
                    <HelpAfterMovingPage />
                  </RequireRole>
                }
              />
              <Route
                path="kontaktpersoner"
                element={
                  <RequireRole roles={['ORG_EDITOR']}>
                    <ContactPersonsPage />
                  </RequireRole>
                }
              />
              <Route
                path="statistikk"
                element={
                  <RequireRole roles={['BYDEL_INTEGRATOR', 'PLATFORM_ADMIN']}>
                    <StatisticsPage />
                  </RequireRole>
                }
              />
              <Route
                path="admin/organisasjoner"
                element={
                  <RequireRole roles={['PLATFORM_ADMIN']}>
                    <OrganisationsPage />
                  </RequireRole>
                }
              />
              <Route
                path="admin/logg"
                element={
                  <RequireRole roles={['PLATFORM_ADMIN']}>
                    <AuditLogPage />
                  </RequireRole>
                }
              />
              <Route path="*" element={<NotFound />} />
            </Route>
          </Routes>
        </Suspense>
      </BrowserRouter>
    </SessionProvider>
  );
}
