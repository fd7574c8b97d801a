import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { useMutation, useQuery } from 'urql';

import { usePageTitle } from '../../app/usePageTitle';
import { CheckboxGroup, ContactPersonSelect, SelectField, TextField } from '../../features/editing/fields';
import { OfferEditorLayout, useOfferSave } from '../../features/editing/OfferEditor';
import { useRebasedForm } from '../../features/editing/useRebasedForm';
import { CARE_MODELS, COST_KINDS, SPECIES } from '../../features/search/options';
import { graphql } from '../../gql';
import type { CareModel, CostKind, Species } from '../../gql/graphql';
import { sortNorwegian } from '../../lib/format';
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

/** What the form holds, as one value: compared with what was loaded to see what this user changed. */
interface PetCareForm extends Record<string, unknown> {
  title: string;
  description: string;
  careModel: CareModel;
  species: Species[];
  costKind: CostKind;
  maxStayDays: string;
  bydeler: string[];
  contactPersonId: string;
}

const EMPTY: PetCareForm = {
  title: '',
  description: '',
  careModel: 'FOSTER_HOME',
  species: [],
  costKind: 'FREE',
  maxStayDays: '',
  bydeler: [],
  contactPersonId: '',
};

/** Create or edit a pet-care offer: which animals, how, where it serves. */
export default function PetCareEditorPage() {
  const { t } = useTranslation();
  usePageTitle('petCareEditor.title');
  const { id = 'ny' } = useParams();
  const existing = id !== 'ny';
  const organisationId = useUser()?.organisationId ?? '';
  const [{ data, error: loadError }, refetch] = useQuery({
    query: PetCareEditorQuery,
    variables: { id: existing ? id : '-', organisationId, existing },
    pause: !organisationId,
  });
  const [, create] = useMutation(CreatePetCareOffer);
  const [, update] = useMutation(UpdatePetCareOffer);

  const offer = data?.petCareOffer;
  const loaded = useMemo(
    () =>
      offer
        ? {
            version: offer.version,
            values: {
              title: offer.title,
              description: offer.description,
              careModel: offer.careModel,
              species: [...offer.species],
              costKind: offer.costKind,
              maxStayDays: offer.maxStayDays?.toString() ?? '',
              bydeler: offer.bydeler.map((b) => b.code),
              contactPersonId: offer.contactPerson?.id ?? '',
            },
          }
        : null,
    [offer],
  );
  const { form, set, version, conflict, setConflict } = useRebasedForm(EMPTY, loaded);
  const { problems, save, err } = useOfferSave(setConflict);
  const bydeler = useMemo(() => sortNorwegian(data?.bydeler ?? [], (b) => b.name), [data?.bydeler]);
  const bydelName = new Map(bydeler.map((b) => [b.code, b.name]));

  function submit() {
    const common = {
      title: form.title,
      description: form.description,
      careModel: form.careModel,
      species: form.species,
      costKind: form.costKind,
      maxStayDays: form.maxStayDays ? Number(form.maxStayDays) : undefined,
      bydeler: form.bydeler,
      contactPersonId: form.contactPersonId || undefined,
    };
    void save(() => (existing ? update({ id, input: { ...common, version } }) : create({ input: { ...common, organisationId } })));
  }

  return (
    <OfferEditorLayout
      heading={existing ? t('petCareEditor.editTitle') : t('petCareEditor.title')}
      conflict={conflict}
      problems={problems}
      loadError={loadError}
      onReload={() => refetch({ requestPolicy: 'network-only' })}
      onSubmit={submit}
    >
      <TextField id="pc-title" label={t('activityEditor.name')} value={form.title} onChange={(v) => set('title', v)} error={err('title')} required />
      <TextField
        id="pc-description"
        label={t('activityEditor.description')}
        value={form.description}
        onChange={(v) => set('description', v)}
        error={err('description')}
        required
        multiline
      />
      <SelectField
        label={t('petCareEditor.careModel')}
        value={form.careModel}
        options={CARE_MODELS}
        optionLabel={(m) => t(`careModel.${m}`)}
        onChange={(v) => set('careModel', v)}
      />
      <CheckboxGroup
        legend={t('petCare.species')}
        values={SPECIES}
        chosen={form.species}
        optionLabel={(s) => t(`species.${s}`)}
        onChange={(v) => set('species', v)}
        error={err('species')}
      />
      <SelectField
        label={t('activityEditor.cost')}
        value={form.costKind}
        options={COST_KINDS}
        optionLabel={(c) => t(`costKind.${c}`)}
        onChange={(v) => set('costKind', v)}
      />
      <TextField
        id="pc-stay"
        label={t('petCareEditor.maxStayDays')}
        value={form.maxStayDays}
        onChange={(v) => set('maxStayDays', v)}
        error={err('maxStayDays')}
        type="number"
        min={1}
      />
      <CheckboxGroup
        legend={t('petCareEditor.bydeler')}
        values={bydeler.map((b) => b.code)}
        chosen={form.bydeler}
        optionLabel={(code) => bydelName.get(code) ?? code}
        onChange={(v) => set('bydeler', v)}
        error={err('bydeler')}
      />
      <ContactPersonSelect value={form.contactPersonId} options={data?.contactPersons ?? []} onChange={(v) => set('contactPersonId', v)} />
    </OfferEditorLayout>
  );
}
