import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { Freshness } from '../../features/freshness/Freshness';
import { graphql } from '../../gql';
import type { VerificationState } from '../../gql/graphql';
import { firstProblem, isConflict } from '../../lib/errors';
import { useUser } from '../../session/SessionProvider';

const EditorOffersQuery = graphql(`
  query EditorOffers($organisationId: ID!) {
    activities(first: 100, filter: { organisationId: $organisationId, statuses: [DRAFT, PUBLISHED, ARCHIVED] }, sort: TITLE) {
      nodes {
        id
        title
        status
        version
        placesAvailable
        daysSinceVerified
        verificationState
      }
    }
    petCareOffers(first: 100, filter: { organisationId: $organisationId, statuses: [DRAFT, PUBLISHED, ARCHIVED] }) {
      nodes {
        id
        title
        status
        version
        placesAvailable
        daysSinceVerified
        verificationState
      }
    }
  }
`);

const PublishActivity = graphql(`
  mutation PublishActivity($id: ID!, $version: Int) {
    publishActivity(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);
const ArchiveActivity = graphql(`
  mutation ArchiveActivity($id: ID!, $version: Int) {
    archiveActivity(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);
const ConfirmActivity = graphql(`
  mutation ConfirmActivityStillValid($id: ID!) {
    confirmActivityStillValid(id: $id) {
      id
      daysSinceVerified
      verificationState
      version
    }
  }
`);
const SetActivityPlaces = graphql(`
  mutation SetActivityPlaces($id: ID!, $version: Int!, $places: Int!) {
    updateActivity(id: $id, input: { version: $version, placesAvailable: $places }) {
      id
      placesAvailable
      version
    }
  }
`);
const PublishPetCare = graphql(`
  mutation PublishPetCareOffer($id: ID!, $version: Int) {
    publishPetCareOffer(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);
const ArchivePetCare = graphql(`
  mutation ArchivePetCareOffer($id: ID!, $version: Int) {
    archivePetCareOffer(id: $id, version: $version) {
      id
      status
      version
    }
  }
`);
const ConfirmPetCare = graphql(`
  mutation ConfirmPetCareOfferStillValid($id: ID!) {
    confirmPetCareOfferStillValid(id: $id) {
      id
      lastVerifiedAt
      daysSinceVerified
      verificationState
      version
    }
  }
`);
const SetPetCarePlaces = graphql(`
  mutation SetPetCarePlaces($id: ID!, $version: Int, $places: Int!) {
    setPetCarePlacesAvailable(id: $id, version: $version, placesAvailable: $places) {
      id
      placesAvailable
      version
    }
  }
`);

interface Row {
  id: string;
  title: string;
  status: string;
  version: number;
  placesAvailable?: number | null;
  days: number;
  state: VerificationState;
  kind: 'activity' | 'petcare';
}

/** The organisation's activities and pet-care offers with the one-click actions an editor uses most. */
export default function EditorOffersPage() {
  const { t } = useTranslation();
  usePageTitle('editor.title');
  const user = useUser();
  const organisationId = user?.organisationId ?? '';
  const [{ data, error }, refetch] = useQuery({
    query: EditorOffersQuery,
    variables: { organisationId },
    pause: !organisationId,
    requestPolicy: 'cache-and-network',
  });
  const [message, setMessage] = useState<string | null>(null);
  const [, publishActivity] = useMutation(PublishActivity);
  const [, archiveActivity] = useMutation(ArchiveActivity);
  const [, confirmActivity] = useMutation(ConfirmActivity);
  const [, setActivityPlaces] = useMutation(SetActivityPlaces);
  const [, publishPetCare] = useMutation(PublishPetCare);
  const [, archivePetCare] = useMutation(ArchivePetCare);
  const [, confirmPetCare] = useMutation(ConfirmPetCare);
  const [, setPetCarePlaces] = useMutation(SetPetCarePlaces);

  async function act(promise: Promise<{ error?: import('urql').CombinedError }>, done: string) {
    const result = await promise;
    if (result.error) setMessage(isConflict(result.error) ? t('referral.conflict') : firstProblem(result.error, t));
    else setMessage(done);
    refetch({ requestPolicy: 'network-only' });
  }

  const rows: Row[] = [
    ...(data?.activities.nodes ?? []).map((a) => ({ ...a, days: a.daysSinceVerified, state: a.verificationState, kind: 'activity' as const })),
    ...(data?.petCareOffers.nodes ?? []).map((o) => ({ ...o, days: o.daysSinceVerified, state: o.verificationState, kind: 'petcare' as const })),
  ];

  return (
    <section className="stack">
      <h1>{t('editor.title')}</h1>
      <p>
        <Link className="pkt-btn pkt-btn--primary pkt-btn--small" to="/mine-tilbud/aktivitet/ny">
          {t('editor.newActivity')}
        </Link>{' '}
        <Link className="pkt-btn pkt-btn--secondary pkt-btn--small" to="/mine-tilbud/dyrepass/ny">
          {t('editor.newPetCare')}
        </Link>
      </p>
      <div role="status" aria-live="polite">
        {message && <p>{message}</p>}
      </div>
      {error && (
        <div className="pkt-alert pkt-alert--error" role="alert">
          {t('common.error')}
        </div>
      )}
      <ul className="results">
        {rows.map((row) => (
          <li key={row.id} className="result stack">
            <h2>
              <Link to={`/mine-tilbud/${row.kind === 'activity' ? 'aktivitet' : 'dyrepass'}/${row.id}`}>{row.title}</Link>
            </h2>
            <p>
              {t(row.kind === 'activity' ? 'editor.activity' : 'editor.petCare')} · {t(`offerStatus.${row.status}`)} ·{' '}
              <Freshness days={row.days} state={row.state} />
            </p>
            {row.status === 'PUBLISHED' && row.state !== 'FRESH' && (
              <p className="pkt-alert pkt-alert--warning" data-testid="verification-due">
                {t(`editor.verification.${row.state}`)}
              </p>
            )}
            <div className="actions">
              {row.status !== 'PUBLISHED' && (
                <button
                  type="button"
                  className="pkt-btn pkt-btn--secondary pkt-btn--small"
                  onClick={() =>
                    void act(
                      row.kind === 'activity' ? publishActivity({ id: row.id, version: row.version }) : publishPetCare({ id: row.id, version: row.version }),
                      t('editor.published'),
                    )
                  }
                >
                  {t('editor.publish')}
                </button>
              )}
              {row.status !== 'ARCHIVED' && (
                <button
                  type="button"
                  className="pkt-btn pkt-btn--tertiary pkt-btn--small"
                  onClick={() =>
                    void act(
                      row.kind === 'activity' ? archiveActivity({ id: row.id, version: row.version }) : archivePetCare({ id: row.id, version: row.version }),
                      t('editor.archived'),
                    )
                  }
                >
                  {t('editor.archive')}
                </button>
              )}
              {row.status === 'PUBLISHED' && (
                <button
                  type="button"
                  className={`pkt-btn pkt-btn--small ${row.state === 'FRESH' ? 'pkt-btn--secondary' : 'pkt-btn--primary'}`}
                  onClick={() => void act(row.kind === 'activity' ? confirmActivity({ id: row.id }) : confirmPetCare({ id: row.id }), t('editor.confirmed'))}
                >
                  {t('editor.stillValid')}
                </button>
              )}
            </div>
            <PlacesForm
              id={`places-${row.id}`}
              current={row.placesAvailable ?? null}
              onSet={(places) =>
                void act(
                  row.kind === 'activity'
                    ? setActivityPlaces({ id: row.id, version: row.version, places })
                    : setPetCarePlaces({ id: row.id, version: row.version, places }),
                  t('editor.placesSet', { count: places }),
                )
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Places available: type a number and press one button (or Enter). */
function PlacesForm({ id, current, onSet }: { id: string; current: number | null; onSet: (places: number) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(current === null ? '' : String(current));
  return (
    <form
      className="inline-form"
      onSubmit={(e) => {
        e.preventDefault();
        const places = Number.parseInt(value, 10);
        if (Number.isInteger(places) && places >= 0) onSet(places);
      }}
    >
      <label className="field" htmlFor={id}>
        {t('editor.places')}
        <input id={id} type="number" min={0} inputMode="numeric" value={value} onChange={(e) => setValue(e.target.value)} />
      </label>
      <button type="submit" className="pkt-btn pkt-btn--secondary pkt-btn--small">
        {t('editor.setPlaces')}
      </button>
    </form>
  );
}
