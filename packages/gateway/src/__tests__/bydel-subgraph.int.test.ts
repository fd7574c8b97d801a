import { readFile } from 'node:fs/promises';
import path from 'node:path';

import { createLogger, GATEWAY_SECRET_HEADER, type GraphQLHttpServer, type SubgraphEndpoint } from '@samspill/core';
import { createGrunerlokkaServer, GRUNERLOKKA_SDL_FILE, migrate } from '@samspill/example-bydel-grunerlokka';
import pg from 'pg';

import { makeActivity, makeLocation, makeOrganisation, seedBydeler } from '../../../directory/src/__tests__/support/factories.js';
import { ActivityCategory } from '../../../directory/src/modules/activities/activity-enums.js';
import { OrganisationKind } from '../../../directory/src/modules/organisations/organisation-kind.enum.js';
import { createGatewayServer } from '../gateway.js';
import { COMMITTED_SUBGRAPHS, composeFromRunningSubgraphs, composeSupergraph } from '../supergraph.js';
import { type Caller, GATEWAY_SECRET, PlatformTestApp } from './support/platform.js';

/*
 * A bydel composes its own subgraph: the example Grünerløkka subgraph, listed beside the directory
 * and referrals, composed into one supergraph and queried through the gateway. Each subgraph
 * still decides for itself what the caller sees.
 */
const root = path.resolve(__dirname, '../../../..');
const grunerlokkaStaff: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030102', subject: 'bydel-grunerlokka' };
const otherBydelStaff: Caller = { role: 'BYDEL_INTEGRATOR', bydelCode: '030101', subject: 'bydel-gamle-oslo' };
const cityWide: Caller = { role: 'BYDEL_INTEGRATOR', subject: 'oslo-kommune' };
const admin: Caller = { role: 'PLATFORM_ADMIN', subject: 'admin-1' };

describe('a bydel composes its own subgraph beside the directory and referrals', () => {
  let app: PlatformTestApp;
  let pool: pg.Pool;
  let grunerlokka: GraphQLHttpServer<any>;
  let gateway: GraphQLHttpServer<any>;
  let subgraphs: SubgraphEndpoint[];
  let url: string;
  let staff: Caller;
  let organisationId: string;
  let otherOrganisationId: string;
  let referralId: string;
  let year: number;
  const shortWay: string[] = [];

  beforeAll(async () => {
    app = await PlatformTestApp.start();
    const em = app.directoryEm();
    await seedBydeler(em);
    const shelter = await makeOrganisation(em, { name: 'Oslo Krisesenter', kind: OrganisationKind.SHELTER });
    const organisation = await makeOrganisation(em, { name: 'Grünerløkka frivilligsentral', bydeler: ['030102'] });
    const other = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030101', '030102'] });
    const place = await makeLocation(em, organisation, { name: 'Frivilligsentralen', bydel: '030102' });
    const activity = await makeActivity(em, organisation, {
      title: 'Språkkafé',
      category: ActivityCategory.LANGUAGE,
      venueKind: 'LOCATION' as never,
      location: place,
      bydel: place.bydel,
    });
    organisationId = organisation.id;
    otherOrganisationId = other.id;
    staff = { role: 'SHELTER_STAFF', organisationId: shelter.id, subject: 'staff-1' };

    // Grünerløkka's own store: its own schema on the same database, its own migrations.
    pool = new pg.Pool({ connectionString: app.databaseUrl, max: 2 });
    expect(await migrate(pool)).toEqual(['2026-12-01-initial']);
    expect(await migrate(pool)).toEqual([]);
    year = Number(app.clock.osloDate().slice(0, 4));
    await pool.query(
      `insert into grunerlokka.funding_grant (organisation_id, year, amount_nok, purpose) values
         ($1, $3 - 1, 300000, 'Drift av frivilligsentralen'), ($1, $3, 420000, 'Språkkafé og leksehjelp'), ($2, $3, 90000, 'Sommeraktiviteter')`,
      [organisationId, otherOrganisationId, year],
    );
    await pool.query(
      `insert into grunerlokka.cooperation_contact (bydel_code, office, role, email, phone, opening_hours)
       values ('030102', 'Barneverntjenesten, mottak', 'Samarbeid med krisesentrene', 'postmottak.bga@oslo.kommune.no', '+47 21 80 21 80', null)`,
    );
    grunerlokka = createGrunerlokkaServer(pool, app.config, createLogger('silent', 'grunerlokka-test'));
    const grunerlokkaUrl = await grunerlokka.listen(0, '127.0.0.1');

    subgraphs = [
      { name: 'directory', url: app.urls.directory },
      { name: 'referrals', url: app.urls.referrals },
      { name: 'grunerlokka', url: grunerlokkaUrl },
    ];
    const supergraphSdl = await composeFromRunningSubgraphs(subgraphs, GATEWAY_SECRET);
    gateway = await createGatewayServer(app.config, createLogger('silent', 'composed-gateway'), subgraphs, {
      supergraphSdl,
      onSingleFetch: (service) => shortWay.push(service),
    });
    url = await gateway.listen(0, '127.0.0.1');

    const created = await app.ok(`mutation($input: CreateReferralInput!) { createReferral(input: $input) { id } }`, {
      as: staff,
      url,
      variables: {
        input: {
          activityId: activity.id,
          pseudonymousReference: 'OK-2026-501',
          ageGroup: 'ADULT',
          needDescription: 'Vil øve på norsk.',
          consent: { scope: ['AGE_GROUP', 'NEED_DESCRIPTION'], expiresOn: app.clock.osloDate(90) },
        },
      },
    });
    referralId = created.createReferral.id;
  });
  afterAll(async () => {
    await gateway?.stop();
    await grunerlokka?.stop();
    await pool?.end();
    await app?.close();
  });

  const ORGANISATION_WITH_FUNDING = `query($id: ID!, $month: String!) {
    organisation(id: $id) { name bydeler { code name grunerlokkaShelterCooperation { office email } } grunerlokkaFunding { year amountNok purpose } }
    referralStatistics(fromMonth: $month, toMonth: $month) { bydelCode count }
  }`;
  const variables = () => ({ id: organisationId, month: app.clock.osloMonth() });

  it('composes the same supergraph at deploy time from the SDL files as from the running subgraphs', async () => {
    const files = await Promise.all(
      COMMITTED_SUBGRAPHS.map(async (s) => ({
        ...s,
        url: subgraphs.find((r) => r.name === s.name)!.url,
        sdl: await readFile(path.join(root, s.sdlFile), 'utf8'),
      })),
    );
    const fromFiles = composeSupergraph([...files, { ...subgraphs[2]!, sdl: await readFile(GRUNERLOKKA_SDL_FILE, 'utf8') }]);
    expect(fromFiles).toBe(await composeFromRunningSubgraphs(subgraphs, GATEWAY_SECRET));
  });

  it("one query reads the organisation from the directory, its grants from Grünerløkka's subgraph and the statistics from referrals", async () => {
    const data = await app.ok(ORGANISATION_WITH_FUNDING, { url, as: grunerlokkaStaff, variables: variables() });
    expect(data).toEqual({
      organisation: {
        name: 'Grünerløkka frivilligsentral',
        bydeler: [
          {
            code: '030102',
            name: 'Grünerløkka',
            grunerlokkaShelterCooperation: { office: 'Barneverntjenesten, mottak', email: 'postmottak.bga@oslo.kommune.no' },
          },
        ],
        grunerlokkaFunding: [
          { year, amountNok: 420000, purpose: 'Språkkafé og leksehjelp' },
          { year: year - 1, amountNok: 300000, purpose: 'Drift av frivilligsentralen' },
        ],
      },
      referralStatistics: [],
    });
  });

  it.each([
    { who: "another bydel's staff", caller: otherBydelStaff, code: 'FORBIDDEN' },
    { who: 'a city-wide integrator', caller: cityWide, code: 'FORBIDDEN' },
    { who: 'shelter staff', caller: 'staff' as const, code: 'FORBIDDEN' },
    { who: 'an anonymous caller', caller: undefined, code: 'UNAUTHENTICATED' },
  ])('$who get no grants ($code), and the rest of the answer as before', async ({ caller, code }) => {
    const as = caller === 'staff' ? staff : caller;
    const res = await app.query(`query($id: ID!) { organisation(id: $id) { name grunerlokkaFunding { amountNok } } }`, {
      url,
      as,
      variables: { id: organisationId },
    });
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({ organisation: { name: 'Grünerløkka frivilligsentral', grunerlokkaFunding: null } });
    expect(res.body.errors.map((e: any) => ({ code: e.extensions.code, path: e.path }))).toEqual([{ code, path: ['organisation', 'grunerlokkaFunding'] }]);
  });

  it('platform admins see the grants of every organisation in a list, read in one statement', async () => {
    const read = jest.spyOn(pool, 'query');
    try {
      const data = await app.ok(`{ organisations(first: 10) { nodes { name grunerlokkaFunding { year amountNok } } } }`, { url, as: admin });
      expect(data.organisations.nodes).toEqual([
        {
          name: 'Grünerløkka frivilligsentral',
          grunerlokkaFunding: [
            { year, amountNok: 420000 },
            { year: year - 1, amountNok: 300000 },
          ],
        },
        { name: 'Oslo Krisesenter', grunerlokkaFunding: [] },
        { name: 'Oslo Røde Kors', grunerlokkaFunding: [{ year, amountNok: 90000 }] },
      ]);
      expect(read.mock.calls.filter(([sql]) => String(sql).includes('grunerlokkaGrantsByOrganisation'))).toHaveLength(1);
    } finally {
      read.mockRestore();
    }
  });

  it('from a referral to its organisation to the grants: shelter staff see the referral and the organisation, not the grants', async () => {
    const res = await app.query(`query($id: ID!) { referral(id: $id) { status receivingOrganisation { name grunerlokkaFunding { amountNok } } } }`, {
      url,
      as: staff,
      variables: { id: referralId },
    });
    expect(res.body.data).toEqual({ referral: { status: 'DRAFT', receivingOrganisation: { name: 'Grünerløkka frivilligsentral', grunerlokkaFunding: null } } });
    expect(res.body.errors.map((e: any) => [e.extensions.code, e.path.join('.')])).toEqual([
      ['FORBIDDEN', 'referral.receivingOrganisation.grunerlokkaFunding'],
    ]);
    // The bydel's staff never see a referral, whatever the bydel's own subgraph offers.
    const bydel = await app.query(`query($id: ID!) { referral(id: $id) { receivingOrganisation { grunerlokkaFunding { amountNok } } } }`, {
      url,
      as: grunerlokkaStaff,
      variables: { id: referralId },
    });
    expect({ data: bydel.body.data, code: bydel.body.errors[0].extensions.code }).toEqual({ data: { referral: null }, code: 'NOT_FOUND' });
  });

  it("the cooperation contact is Grünerløkka's only, and for signed-in callers", async () => {
    const data = await app.ok(`{ bydeler(includeStatistical: false) { code grunerlokkaShelterCooperation { office phone openingHours } } }`, {
      url,
      as: staff,
    });
    expect(data.bydeler.filter((b: any) => b.grunerlokkaShelterCooperation)).toEqual([
      { code: '030102', grunerlokkaShelterCooperation: { office: 'Barneverntjenesten, mottak', phone: '+47 21 80 21 80', openingHours: null } },
    ]);
    expect(data.bydeler.length).toBeGreaterThan(10);
    const anonymous = await app.query(`{ bydel(code: "030102") { name grunerlokkaShelterCooperation { office } } }`, { url });
    expect(anonymous.body.data).toEqual({ bydel: { name: 'Grünerløkka', grunerlokkaShelterCooperation: null } });
    expect(anonymous.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);
  });

  it("the bydel's subgraph answers only the gateway, and checks the caller's token itself", async () => {
    const entities = {
      query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Organisation { grunerlokkaFunding { amountNok } } } }',
      variables: { r: [{ __typename: 'Organisation', id: otherOrganisationId }] },
    };
    const direct = (headers: Record<string, string>) =>
      fetch(subgraphs[2]!.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(entities) });
    const token = await app.token(grunerlokkaStaff);
    expect((await direct({ authorization: `Bearer ${token}` })).status).toBe(403);
    const forged = `${token.slice(0, token.lastIndexOf('.'))}.${'A'.repeat(43)}`;
    expect((await direct({ authorization: `Bearer ${forged}`, [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET })).status).toBe(401);
    const ok = await direct({ authorization: `Bearer ${token}`, [GATEWAY_SECRET_HEADER]: GATEWAY_SECRET });
    expect(await ok.json()).toEqual({ data: { _entities: [{ grunerlokkaFunding: [{ amountNok: 90000 }] }] } });
  });

  it("queries the directory alone answers still take the gateway's short way; a query across subgraphs does not", async () => {
    shortWay.length = 0;
    await app.ok(`{ bydel(code: "030102") { name } }`, { url });
    expect(shortWay).toEqual(['directory']);
    await app.ok(`query($id: ID!) { organisation(id: $id) { grunerlokkaFunding { year } } }`, { url, as: admin, variables: { id: organisationId } });
    expect(shortWay).toEqual(['directory']);
  });
});
