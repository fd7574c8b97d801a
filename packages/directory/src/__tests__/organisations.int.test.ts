import { DAY_MS, type GraphQLResponse } from '@samspill/core/testkit';

import { LocationVisibility } from '../modules/locations/location-visibility.enum.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { OrganisationKind } from '../modules/organisations/organisation-kind.enum.js';
import { VolunteerRoutineEntity } from '../modules/organisations/volunteer-routine.entity.js';
import { makeLocation, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const admin: TestUser = { role: 'PLATFORM_ADMIN' };

describe('organisations: listing and filtering', () => {
  let app: DirectoryTestApp;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const make = (name: string, kind: OrganisationKind, bydeler: string[], description: string | null = null) =>
      makeOrganisation(em, { name, kind, bydeler, description });
    const alna = await make('Alna frivilligsentral', OrganisationKind.VOLUNTEER_CENTRE, ['030112'], 'Møteplass og frivillig arbeid i Alna.');
    await make('Bydel Grünerløkka familietjeneste', OrganisationKind.BYDEL_SERVICE, ['030102'], 'Hjelp til familier i bydelen.');
    await make('Dyrebeskyttelsen Norge Oslo', OrganisationKind.ANIMAL_WELFARE, [], 'Hjelp til dyr i nød.');
    await make('Oslo Krisesenter', OrganisationKind.SHELTER, ['030101', '030102', '030103']);
    const redCross = await make(
      'Oslo Røde Kors',
      OrganisationKind.VOLUNTARY_ORGANISATION,
      ['030101', '030102'],
      'Leksehjelp og besøkstjeneste; 50% av oss er frivillige.',
    );
    await make('Redd Barna', OrganisationKind.VOLUNTARY_ORGANISATION, ['030102'], 'Barns rettigheter i over 50 land.');
    await make('Sagene frivilligsentral', OrganisationKind.VOLUNTEER_CENTRE, ['030103'], 'Turgrupper og kafé_treff.');
    alna.volunteerRequirementsMetAt = app.clock.daysAgo(61);
    alna.volunteerRequirementsValidUntil = app.clock.osloDate(300);
    redCross.volunteerRequirementsMetAt = app.clock.daysAgo(91);
    redCross.volunteerRequirementsValidUntil = app.clock.osloDate(270);
    await em.flush();
  });
  afterAll(() => app.close());

  const LIST = `query($filter: OrganisationFilter, $first: Int, $after: String) {
    organisations(filter: $filter, first: $first, after: $after) { totalCount nodes { name meetsVolunteerRequirements } pageInfo { hasNextPage endCursor } }
  }`;
  async function names(filter?: Record<string, unknown>, as?: TestUser): Promise<string[]> {
    const res = await app.query(LIST, { variables: { filter, first: 100 }, as });
    expect(res.body.errors).toBeUndefined();
    const { nodes, totalCount } = res.body.data.organisations;
    expect(totalCount).toBe(nodes.length);
    return nodes.map((n: { name: string }) => n.name);
  }
  const ALL = [
    'Alna frivilligsentral',
    'Bydel Grünerløkka familietjeneste',
    'Dyrebeskyttelsen Norge Oslo',
    'Oslo Krisesenter',
    'Oslo Røde Kors',
    'Redd Barna',
    'Sagene frivilligsentral',
  ];

  it('lists every organisation by name, for anyone', async () => {
    expect(await names()).toEqual(ALL);
    expect(await names(undefined, { role: 'BYDEL_INTEGRATOR', bydelCode: '030101' })).toEqual(ALL);
  });

  it.each<[string, Record<string, unknown>, string[]]>([
    ['kinds: one', { kinds: ['VOLUNTEER_CENTRE'] }, ['Alna frivilligsentral', 'Sagene frivilligsentral']],
    ['kinds: any of two', { kinds: ['SHELTER', 'ANIMAL_WELFARE'] }, ['Dyrebeskyttelsen Norge Oslo', 'Oslo Krisesenter']],
    ['kinds: none of that kind', { kinds: ['SPONSOR'] }, []],
    ['bydel 030102', { bydel: '030102' }, ['Bydel Grünerløkka familietjeneste', 'Oslo Krisesenter', 'Oslo Røde Kors', 'Redd Barna']],
    ['bydel 030103', { bydel: '030103' }, ['Oslo Krisesenter', 'Sagene frivilligsentral']],
    ['bydel with none', { bydel: '030117' }, []],
    ['text in the name, case-insensitive', { text: 'FRIVILLIGSENTRAL' }, ['Alna frivilligsentral', 'Sagene frivilligsentral']],
    ['text in the description', { text: 'besøkstjeneste' }, ['Oslo Røde Kors']],
    ['text in name or description', { text: 'oslo' }, ['Dyrebeskyttelsen Norge Oslo', 'Oslo Krisesenter', 'Oslo Røde Kors']],
    ['text: words joined by _ are words', { text: 'kafé_treff' }, ['Sagene frivilligsentral']],
    ['text: an underscore alone matches nothing', { text: '_' }, []],
    ['meetsVolunteerRequirements: true', { meetsVolunteerRequirements: true }, ['Alna frivilligsentral', 'Oslo Røde Kors']],
    [
      'meetsVolunteerRequirements: false',
      { meetsVolunteerRequirements: false },
      ['Bydel Grünerløkka familietjeneste', 'Dyrebeskyttelsen Norge Oslo', 'Oslo Krisesenter', 'Redd Barna', 'Sagene frivilligsentral'],
    ],
    ['combined: kind and bydel', { kinds: ['VOLUNTARY_ORGANISATION'], bydel: '030101' }, ['Oslo Røde Kors']],
    ['combined: kind and requirements', { kinds: ['VOLUNTEER_CENTRE'], meetsVolunteerRequirements: true }, ['Alna frivilligsentral']],
    ['combined: bydel, text and requirements', { bydel: '030102', text: 'oslo', meetsVolunteerRequirements: false }, ['Oslo Krisesenter']],
  ])('filter %s', async (_label, filter, expected) => {
    // With text the list is by relevance; this table is about which organisations match.
    const found = await names(filter);
    expect('text' in filter ? [...found].sort() : found).toEqual(expected);
  });

  it('shows meetsVolunteerRequirements per organisation', async () => {
    const res = await app.query(LIST, { variables: { filter: { kinds: ['VOLUNTEER_CENTRE'] } } });
    expect(res.body.data.organisations.nodes).toEqual([
      { name: 'Alna frivilligsentral', meetsVolunteerRequirements: true },
      { name: 'Sagene frivilligsentral', meetsVolunteerRequirements: false },
    ]);
  });

  it('pages through by name without duplicates or gaps', async () => {
    const pages: string[][] = [];
    const counts: number[] = [];
    let after: string | null = null;
    for (;;) {
      const res: GraphQLResponse = await app.query(LIST, { variables: { first: 3, after } });
      const { nodes, totalCount, pageInfo } = res.body.data.organisations;
      counts.push(totalCount);
      pages.push(nodes.map((n: { name: string }) => n.name));
      if (!pageInfo.hasNextPage) break;
      after = pageInfo.endCursor;
    }
    expect(pages).toEqual([ALL.slice(0, 3), ALL.slice(3, 6), ALL.slice(6)]);
    expect(counts).toEqual([7, 7, 7]);
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an invalid bydel code', { filter: { bydel: '030100' } }, 'filter.bydel'],
    ['a garbage cursor', { after: 'garbage' }, 'after'],
    ['first: 101', { first: 101 }, 'first'],
  ])('refuses %s with BAD_USER_INPUT', async (_label, variables, field) => {
    const res = await app.query(LIST, { variables });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });
});

describe('organisations: registering, correcting and vetting', () => {
  let app: DirectoryTestApp;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    await seedBydeler(app.em());
  });
  afterAll(() => app.close());

  const ORG_FIELDS = 'id name kind organisationNumber publicPhone website publicEmail version meetsVolunteerRequirements bydeler { code } parent { id }';
  const CREATE = `mutation($input: CreateOrganisationInput!) { createOrganisation(input: $input) { ${ORG_FIELDS} } }`;
  const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationInput!) { updateOrganisation(id: $id, input: $input) { ${ORG_FIELDS} } }`;
  const RECORD = `mutation($input: RecordVolunteerRoutineInput!) {
    recordVolunteerRoutine(input: $input) { id meetsVolunteerRequirements volunteerRoutines { requirement status confirmedOn confirmedBy note } }
  }`;
  const stored = (id: string) => app.em().findOneOrFail(OrganisationEntity, { id });

  describe('createOrganisation', () => {
    it('stores a valid organisation with the phone number in E.164', async () => {
      const res = await app.query(CREATE, {
        variables: {
          input: {
            kind: 'VOLUNTARY_ORGANISATION',
            name: 'Oslo Sanitetsforening',
            organisationNumber: '974760673',
            publicPhone: '22 12 34 56',
            bydeler: ['030105', '030104'],
          },
        },
        as: admin,
      });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.createOrganisation).toMatchObject({
        name: 'Oslo Sanitetsforening',
        organisationNumber: '974760673',
        publicPhone: '+4722123456',
        version: 1,
        meetsVolunteerRequirements: false,
        bydeler: [{ code: '030104' }, { code: '030105' }],
      });
      const row = await stored(res.body.data.createOrganisation.id);
      expect({ number: row.organisationNumber, phone: row.publicPhone }).toEqual({ number: '974760673', phone: '+4722123456' });
    });

    it.each([
      ['+47 900 00 000', '+4790000000'],
      ['004722123456', '+4722123456'],
    ])('normalises the phone number %j to %s', async (phone, e164) => {
      const res = await app.query(CREATE, { variables: { input: { kind: 'SPONSOR', name: `Sponsor ${phone}`, publicPhone: phone } }, as: admin });
      expect(res.body.errors).toBeUndefined();
      expect((await stored(res.body.data.createOrganisation.id)).publicPhone).toBe(e164);
    });

    it.each<[string, Record<string, unknown>, string]>([
      ['a wrong check digit', { organisationNumber: '974760672' }, 'input.organisationNumber'],
      ['a remainder-1 number', { organisationNumber: '100000130' }, 'input.organisationNumber'],
      ['8 digits', { organisationNumber: '97476067' }, 'input.organisationNumber'],
      ['spaces in the number', { organisationNumber: '974 760 673' }, 'input.organisationNumber'],
      ['a phone number that is too short', { publicPhone: '123' }, 'input.publicPhone'],
      ['an invalid bydel', { bydeler: ['030118'] }, 'input.bydeler'],
      ['a website without protocol', { website: 'www.example.org' }, 'input.website'],
      ['an invalid e-mail', { publicEmail: 'post@' }, 'input.publicEmail'],
      ['a one-letter name', { name: 'X' }, 'input.name'],
      ['a parent that does not exist', { parentId: '00000000-0000-4000-8000-000000000000' }, 'input.parentId'],
    ])('refuses %s with BAD_USER_INPUT and stores nothing', async (_label, extra, field) => {
      const before = await app.em().count(OrganisationEntity, {});
      const res = await app.query(CREATE, { variables: { input: { kind: 'VOLUNTEER_CENTRE', name: 'Ugyldig frivilligsentral', ...extra } }, as: admin });
      expect(res.body.data?.createOrganisation ?? null).toBeNull();
      expect(res.body.errors).toHaveLength(1);
      expect(res.body.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      expect(await app.em().count(OrganisationEntity, {})).toBe(before);
    });

    it('refuses an organisationNumber that is already registered with CONFLICT', async () => {
      const first = await app.query(CREATE, {
        variables: { input: { kind: 'VOLUNTARY_ORGANISATION', name: 'Equinor frivillige', organisationNumber: '923609016' } },
        as: admin,
      });
      expect(first.body.errors).toBeUndefined();
      const before = await app.em().count(OrganisationEntity, {});
      const again = await app.query(CREATE, {
        variables: { input: { kind: 'VOLUNTARY_ORGANISATION', name: 'Kopi', organisationNumber: '923609016' } },
        as: admin,
      });
      expect(again.body.errors?.[0]?.extensions?.code).toBe('CONFLICT');
      expect(await app.em().count(OrganisationEntity, {})).toBe(before);
    });

    it('records a parent organisation', async () => {
      const parent = await makeOrganisation(app.em(), { name: 'Norges Røde Kors' });
      const res = await app.query(CREATE, { variables: { input: { kind: 'VOLUNTARY_ORGANISATION', name: 'Røde Kors Alna', parentId: parent.id } }, as: admin });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.createOrganisation.parent).toEqual({ id: parent.id });
    });
  });

  describe('updateOrganisation', () => {
    it('changes only the fields sent and bumps the version', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Frivilligsentral Nord', kind: OrganisationKind.VOLUNTEER_CENTRE, bydeler: ['030110'] });
      const res = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, publicPhone: '+47 900 00 000' } }, as: admin });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.updateOrganisation).toMatchObject({
        name: 'Frivilligsentral Nord',
        kind: 'VOLUNTEER_CENTRE',
        publicPhone: '+4790000000',
        version: 2,
        bydeler: [{ code: '030110' }],
      });
    });

    it('becoming a shelter is refused while its bydeler or visible places would show where it is; with bydeler cleared it goes through', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Snart krisesenter', kind: OrganisationKind.VOLUNTARY_ORGANISATION, bydeler: ['030104'] });
      await makeLocation(app.em(), org, { name: 'Kontoret', bydel: '030104', visibility: LocationVisibility.CONFIDENTIAL });
      const refused = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, kind: 'SHELTER' } }, as: admin });
      expect(refused.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.kind' });
      expect(refused.body.errors?.[0]?.message).toContain('send bydeler: [] with it');
      expect((await stored(org.id)).kind).toBe(OrganisationKind.VOLUNTARY_ORGANISATION);

      const res = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, kind: 'SHELTER', bydeler: [] } }, as: admin });
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.updateOrganisation).toMatchObject({ kind: 'SHELTER', version: 2 });

      const other = await makeOrganisation(app.em(), { name: 'Med åpen adresse', kind: OrganisationKind.VOLUNTARY_ORGANISATION });
      await makeLocation(app.em(), other, { name: 'Åpent sted', bydel: '030105' });
      const withPlace = await app.query(UPDATE, { variables: { id: other.id, input: { version: 1, kind: 'SHELTER' } }, as: admin });
      expect(withPlace.body.errors?.[0]?.message).toContain('make its places CONFIDENTIAL');
    });

    it('a stale version gets CONFLICT and changes nothing', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Frivilligsentral Sør' });
      const first = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, description: 'Første endring' } }, as: admin });
      expect(first.body.errors).toBeUndefined();
      const stale = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, description: 'Overskriver', name: 'Nytt navn' } }, as: admin });
      expect(stale.body.errors).toHaveLength(1);
      expect(stale.body.errors![0]!.extensions!.code).toBe('CONFLICT');
      const row = await stored(org.id);
      expect({ name: row.name, description: row.description, version: row.version }).toEqual({
        name: 'Frivilligsentral Sør',
        description: 'Første endring',
        version: 2,
      });
    });

    it('refuses an invalid organisationNumber and an organisation as its own parent', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Frivilligsentral Øst' });
      const badNumber = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, organisationNumber: '923609015' } }, as: admin });
      expect(badNumber.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationNumber' });
      const ownParent = await app.query(UPDATE, { variables: { id: org.id, input: { version: 1, parentId: org.id } }, as: admin });
      expect(ownParent.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
      const row = await stored(org.id);
      expect({ number: row.organisationNumber ?? null, parent: row.parent ?? null, version: row.version }).toEqual({ number: null, parent: null, version: 1 });
    });

    it('refuses an unknown parent with BAD_USER_INPUT and changes nothing', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Frivilligsentral Vest' });
      const res = await app.query(UPDATE, {
        variables: { id: org.id, input: { version: 1, description: 'Skal ikke lagres', parentId: '00000000-0000-4000-8000-000000000000' } },
        as: admin,
      });
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.parentId' });
      const row = await stored(org.id);
      expect({ description: row.description ?? null, version: row.version }).toEqual({ description: null, version: 1 });
    });
  });

  describe('recordVolunteerRoutine', () => {
    /** A month ago: a confirmation date is in the past (never in the future). */
    const monthAgo = () => app.clock.osloDate(-30);
    const record = (organisationId: string, requirement: string, status?: string, confirmedOn = monthAgo()) =>
      app.query(RECORD, { variables: { input: { organisationId, requirement, status, confirmedOn } }, as: admin });
    const meets = async (organisationId: string) => {
      const res = await app.query(`query($id: ID!) { organisation(id: $id) { meetsVolunteerRequirements } }`, { variables: { id: organisationId } });
      return res.body.data.organisation.meetsVolunteerRequirements as boolean;
    };

    it('flips to true only when training, confidentiality and the police certificate are all confirmed', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Kirkens Bymisjon' });
      const steps: Array<[string, boolean]> = [];
      for (const requirement of ['BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION', 'POLICE_CERTIFICATE']) {
        const res = await record(org.id, requirement);
        expect(res.body.errors).toBeUndefined();
        steps.push([requirement, res.body.data.recordVolunteerRoutine.meetsVolunteerRequirements]);
      }
      expect(steps).toEqual([
        ['BASIC_TRAINING', false],
        ['CONFIDENTIALITY_DECLARATION', false],
        ['POLICE_CERTIFICATE', true],
      ]);
      expect(await meets(org.id)).toBe(true);
      expect((await stored(org.id)).volunteerRequirementsMetAt).toBeInstanceOf(Date);

      const routines = await app.query(`query($id: ID!) { organisation(id: $id) { volunteerRoutines { requirement status confirmedOn confirmedBy } } }`, {
        variables: { id: org.id },
        as: admin,
      });
      const confirmedOn = monthAgo();
      expect(routines.body.data.organisation.volunteerRoutines).toEqual(
        expect.arrayContaining([
          { requirement: 'BASIC_TRAINING', status: 'CONFIRMED', confirmedOn, confirmedBy: 'test-platform_admin' },
          { requirement: 'CONFIDENTIALITY_DECLARATION', status: 'CONFIRMED', confirmedOn, confirmedBy: 'test-platform_admin' },
          { requirement: 'POLICE_CERTIFICATE', status: 'CONFIRMED', confirmedOn, confirmedBy: 'test-platform_admin' },
        ]),
      );
      expect(routines.body.data.organisation.volunteerRoutines).toHaveLength(3);

      const listed = await app.query(`{ organisations(filter: { meetsVolunteerRequirements: true }) { nodes { name } } }`);
      expect(listed.body.data.organisations.nodes).toEqual([{ name: 'Kirkens Bymisjon' }]);
    });

    it('accepts a police certificate that is NOT_APPLICABLE', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Leksehjelpen' });
      expect((await record(org.id, 'POLICE_CERTIFICATE', 'NOT_APPLICABLE')).body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(false);
      expect((await record(org.id, 'BASIC_TRAINING')).body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(false);
      expect((await record(org.id, 'CONFIDENTIALITY_DECLARATION')).body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(true);
      expect(await meets(org.id)).toBe(true);
    });

    it('stays false while the police certificate is missing', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Turlaget' });
      await record(org.id, 'BASIC_TRAINING');
      const res = await record(org.id, 'CONFIDENTIALITY_DECLARATION');
      expect(res.body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(false);
      expect((await stored(org.id)).volunteerRequirementsMetAt ?? null).toBeNull();
    });

    it('stays false while the confidentiality declaration is missing', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Fotballklubben' });
      await record(org.id, 'BASIC_TRAINING');
      const res = await record(org.id, 'POLICE_CERTIFICATE');
      expect(res.body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(false);
    });

    it.each(['BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION'])('refuses NOT_APPLICABLE for %s with BAD_USER_INPUT and stores nothing', async (requirement) => {
      const org = await makeOrganisation(app.em(), { name: `Uten ${requirement}` });
      const res = await record(org.id, requirement, 'NOT_APPLICABLE');
      expect(res.body.data?.recordVolunteerRoutine ?? null).toBeNull();
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.status' });
      expect(await app.em().count(VolunteerRoutineEntity, { organisation: org.id })).toBe(0);
    });

    it('recording a routine again updates it instead of adding one, and keeps the time requirements were first met', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Sanitetskvinnene' });
      for (const requirement of ['BASIC_TRAINING', 'CONFIDENTIALITY_DECLARATION', 'POLICE_CERTIFICATE']) await record(org.id, requirement);
      const metAt = (await stored(org.id)).volunteerRequirementsMetAt!;
      const later = app.clock.osloDate(-16);
      const res = await record(org.id, 'BASIC_TRAINING', 'CONFIRMED', later);
      expect(res.body.errors).toBeUndefined();
      expect(res.body.data.recordVolunteerRoutine.meetsVolunteerRequirements).toBe(true);
      const rows = await app.em().find(VolunteerRoutineEntity, { organisation: org.id, requirement: 'BASIC_TRAINING' as never });
      expect(rows.map((r) => r.confirmedOn)).toEqual([later]);
      expect(await app.em().count(VolunteerRoutineEntity, { organisation: org.id })).toBe(3);
      expect((await stored(org.id)).volunteerRequirementsMetAt).toEqual(metAt);
    });

    it("accepts today in Oslo and refuses a date in the future, by the server's clock", async () => {
      const org = await makeOrganisation(app.em(), { name: 'Frivillig i dag' });
      expect((await record(org.id, 'BASIC_TRAINING', 'CONFIRMED', app.clock.osloDate())).body.errors).toBeUndefined();
      const tomorrow = await record(org.id, 'CONFIDENTIALITY_DECLARATION', 'CONFIRMED', app.clock.osloDate(1));
      expect(tomorrow.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmedOn' });
      const fiveDaysAgo = app.clock.osloDate(-5);
      app.clock.advanceDays(-10);
      try {
        const res = await record(org.id, 'CONFIDENTIALITY_DECLARATION', 'CONFIRMED', fiveDaysAgo);
        expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.confirmedOn' });
      } finally {
        app.clock.advanceDays(10);
      }
      expect(await app.em().count(VolunteerRoutineEntity, { organisation: org.id })).toBe(1);
    });

    it('at 23:30 UTC it is already the next day in Oslo: that day is today, not the future', async () => {
      const org = await makeOrganisation(app.em(), { name: 'Frivillig sent på kvelden' });
      const now = app.now();
      const lateEvening = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 30);
      const days = (lateEvening - now.getTime()) / DAY_MS;
      app.clock.advanceDays(days);
      try {
        const today = app.clock.osloDate();
        expect(today > app.now().toISOString().slice(0, 10)).toBe(true);
        expect((await record(org.id, 'BASIC_TRAINING', 'CONFIRMED', today)).body.errors).toBeUndefined();
      } finally {
        app.clock.advanceDays(-days);
      }
    });

    it('refuses an unknown organisation', async () => {
      const res = await record('00000000-0000-4000-8000-000000000000', 'BASIC_TRAINING');
      expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.organisationId' });
    });
  });
});
