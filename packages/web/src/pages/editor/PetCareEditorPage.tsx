import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { SPECIES } from '../../features/search/options';
import { graphql } from '../../gql';
import type { CareModel, CostKind, Species } from '../../gql/graphql';
import { fieldProblem, isConflict, problemsOf, type ServerProblem } from '../../lib/errors';
import { sortNorwegian } from '../../lib/format';
import { rebaseEdits } from '../../lib/rebase-edits';
import { useUser } from '../../session/SessionProvider';

const PetCareEditorQuery = graphql(`
  query PetCareEditor($id: ID!, $organisationId: ID!, $existing: Boolean!) {
    petCareOffer(id: $id) @include(if: $existing) {
      id
      version
      title
      description
      careModel
      species
      costKind
      maxStayDays
      bydeler {
        code
      }
      contactPerson {
        id
      }
    }
    bydeler(includeStatistical: false) {
      code
      name
    }
    contactPersons(organisationId: $organisationId) {
      id
      name
    }
  }
`);

const CreatePetCareOffer = graphql(`
  mutation CreatePetCareOffer($input: CreatePetCareOfferInput!) {
    createPetCareOffer(input: $input) {
      id
    }
  }
`);

const UpdatePetCareOffer = graphql(`
  mutation UpdatePetCareOffer($id: ID!, $input: UpdatePetCareOfferInput!) {
    updatePetCareOffer(id: $id, input: $input) {
      id
      version
    }
  }
`);

const CARE_MODELS: CareModel[] = ['FOSTER_HOME', 'KENNEL', 'CATTERY', 'SHELTER_ON_SITE', 'SPONSORED_KENNEL'];

/** Create or edit a pet-care offer: which animals, how, where it serves. */
export default function PetCareEditorPage() {
  const { t } = useTranslation();
  usePageTitle('petCareEditor.title');
  const { id = 'ny' } = useParams();
  const existing = id !== 'ny';
  const navigate = useNavigate();
  const organisationId = useUser()?.organisationId ?? '';
  const [{ data }, refetch] = useQuery({ query: PetCareEditorQuery, variables: { id: existing ? id : '-', organisationId, existing }, pause: !organisationId });
  const [, create] = useMutation(CreatePetCareOffer);
  const [, update] = useMutation(UpdatePetCareOffer);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [careModel, setCareModel] = useState<CareModel>('FOSTER_HOME');
  const [species, setSpecies] = useState<Species[]>([]);
  const [costKind, setCostKind] = useState<CostKind>('FREE');
  const [maxStayDays, setMaxStayDays] = useState('');
  const [bydeler, setBydeler] = useState<string[]>([]);
  const [contactPersonId, setContactPersonId] = useState('');
  const [problems, setProblems] = useState<ServerProblem[]>([]);
  const [conflict, setConflict] = useState(false);

  const offer = data?.petCareOffer;
  // What the form holds, as one value: compared with what was loaded to see what this user changed.
  const form = { title, description, careModel, species, costKind, maxStayDays, bydeler, contactPersonId };
  const formNow = useRef(form);
  formNow.current = form;
  const loadedForm = useRef<typeof form | null>(null);
  // Fill the form from the server. A reload after a conflict keeps what this user changed and takes
  // everything else from the newer version (rebaseEdits), so saving again loses neither edit.
  useEffect(() => {
    if (!offer || loadedVersion === offer.version) return;
    setVersion(offer.version);
    setLoadedVersion(offer.version);
    setConflict(false);
    const newer: typeof form = {
      title: offer.title,
      description: offer.description,
      careModel: offer.careModel,
      species: [...offer.species],
      costKind: offer.costKind,
      maxStayDays: offer.maxStayDays?.toString() ?? '',
      bydeler: offer.bydeler.map((b) => b.code),
      contactPersonId: offer.contactPerson?.id ?? '',
    };
    const next = loadedForm.current ? rebaseEdits(loadedForm.current, formNow.current, newer) : newer;
    loadedForm.current = newer;
    setTitle(next.title);
    setDescription(next.description);
    setCareModel(next.careModel);
    setSpecies(next.species);
    setCostKind(next.costKind);
    setMaxStayDays(next.maxStayDays);
    setBydeler(next.bydeler);
    setContactPersonId(next.contactPersonId);
  }, [offer, loadedVersion]);

  async function save(event: FormEvent) {
    event.preventDefault();
    setProblems([]);
    const common = {
      title,
      description,
      careModel,
      species,
      costKind,
      maxStayDays: maxStayDays ? Number(maxStayDays) : undefined,
      bydeler,
      contactPersonId: contactPersonId || undefined,
    };
    const result = existing ? await update({ id, input: { ...common, version } }) : await create({ input: { ...common, organisationId } });
    if (result.error) {
      if (isConflict(result.error)) setConflict(true);
      setProblems(problemsOf(result.error));
      return;
    }
    navigate('/mine-tilbud');
  }

  const err = (field: string) => fieldProblem(problems, field);
  const general = problems.filter((p) => !p.field && p.code !== 'CONFLICT');
  return (
    <section className="stack">
      <Link to="/mine-tilbud">{t('activityEditor.back')}</Link>
      <h1>{existing ? t('petCareEditor.editTitle') : t('petCareEditor.title')}</h1>
      <div role="alert">
        {conflict && (
          <div className="pkt-alert pkt-alert--warning">
            <p>{t('referral.conflict')}</p>
            <button type="button" className="pkt-btn pkt-btn--secondary pkt-btn--small" onClick={() => refetch({ requestPolicy: 'network-only' })}>
              {t('referral.reload')}
            </button>
          </div>
        )}
        {general.length > 0 && <div className="pkt-alert pkt-alert--error">{general.map((p) => p.message).join(' ')}</div>}
      </div>
      <form className="form-grid" onSubmit={(e) => void save(e)}>
        <label className="field" htmlFor="pc-title">
          {t('activityEditor.name')}
          <input id="pc-title" value={title} required onChange={(e) => setTitle(e.target.value)} aria-invalid={err('title') ? true : undefined} />
        </label>
        {err('title') && <p className="field-error">{err('title')}</p>}
        <label className="field" htmlFor="pc-description">
          {t('activityEditor.description')}
          <textarea id="pc-description" rows={4} value={description} required onChange={(e) => setDescription(e.target.value)} />
        </label>
        {err('description') && <p className="field-error">{err('description')}</p>}
        <label className="field">
          {t('petCareEditor.careModel')}
          <select value={careModel} onChange={(e) => setCareModel(e.target.value as CareModel)}>
            {CARE_MODELS.map((m) => (
              <option key={m} value={m}>
                {t(`careModel.${m}`)}
              </option>
            ))}
          </select>
        </label>
        <fieldset>
          <legend>{t('petCare.species')}</legend>
          <div className="filters">
            {SPECIES.map((s) => (
              <label key={s} className="check">
                <input
                  type="checkbox"
                  checked={species.includes(s)}
                  onChange={(e) => setSpecies(e.target.checked ? [...species, s] : species.filter((x) => x !== s))}
                />
                {t(`species.${s}`)}
              </label>
            ))}
          </div>
          {err('species') && <p className="field-error">{err('species')}</p>}
        </fieldset>
        <label className="field">
          {t('activityEditor.cost')}
          <select value={costKind} onChange={(e) => setCostKind(e.target.value as CostKind)}>
            {(['FREE', 'SPONSORED', 'PAID'] as const).map((c) => (
              <option key={c} value={c}>
                {t(`costKind.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field" htmlFor="pc-stay">
          {t('petCareEditor.maxStayDays')}
          <input id="pc-stay" type="number" min={1} value={maxStayDays} onChange={(e) => setMaxStayDays(e.target.value)} />
        </label>
        <fieldset>
          <legend>{t('petCareEditor.bydeler')}</legend>
          <div className="filters">
            {sortNorwegian(data?.bydeler ?? [], (b) => b.name).map((b) => (
              <label key={b.code} className="check">
                <input
                  type="checkbox"
                  checked={bydeler.includes(b.code)}
                  onChange={(e) => setBydeler(e.target.checked ? [...bydeler, b.code] : bydeler.filter((x) => x !== b.code))}
                />
                {b.name}
              </label>
            ))}
          </div>
        </fieldset>
        <label className="field">
          {t('offer.contact')}
          <select value={contactPersonId} onChange={(e) => setContactPersonId(e.target.value)}>
            <option value="">{t('activityEditor.none')}</option>
            {data?.contactPersons.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </label>
        <div className="actions">
          <button type="submit" className="pkt-btn pkt-btn--primary">
            {t('activityEditor.save')}
          </button>
        </div>
      </form>
    </section>
  );
}
