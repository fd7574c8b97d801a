import { ActivityEntity } from '../modules/activities/activity.entity.js';
import { makeActivity, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

describe('concurrent edits of one offer', () => {
  let app: DirectoryTestApp;
  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    await seedBydeler(app.em());
  });
  afterAll(() => app.close());

  const update =
    'mutation($id: ID!, $title: String!, $version: Int!) { updateActivity(id: $id, input: { title: $title, version: $version }) { title version } }';

  it('lets exactly one of two simultaneous updates of the same version win; the other gets CONFLICT and nothing is lost', async () => {
    const organisation = await makeOrganisation(app.em());
    const activity = await makeActivity(app.em(), organisation, { title: 'Original' });
    const as = { role: 'ORG_EDITOR' as const, organisationId: organisation.id };

    const results = await Promise.all(
      ['Endring A', 'Endring B', 'Endring C', 'Endring D'].map((title) => app.query(update, { variables: { id: activity.id, title, version: 1 }, as })),
    );
    const winners = results.filter((r) => !r.body.errors);
    const losers = results.filter((r) => r.body.errors);
    expect(winners).toHaveLength(1);
    expect(losers.map((r) => r.body.errors[0].extensions.code)).toEqual(['CONFLICT', 'CONFLICT', 'CONFLICT']);
    expect(winners[0]!.body.data.updateActivity.version).toBe(2);

    const stored = await app.em().findOneOrFail(ActivityEntity, { id: activity.id });
    expect({ title: stored.title, version: stored.version }).toEqual({ title: winners[0]!.body.data.updateActivity.title, version: 2 });
  });

  it('refuses an update based on an old version, and accepts it again with the current one', async () => {
    const organisation = await makeOrganisation(app.em());
    const activity = await makeActivity(app.em(), organisation, { title: 'Original' });
    const as = { role: 'ORG_EDITOR' as const, organisationId: organisation.id };
    expect((await app.query(update, { variables: { id: activity.id, title: 'Første', version: 1 }, as })).body.data.updateActivity).toEqual({
      title: 'Første',
      version: 2,
    });

    const stale = await app.query(update, { variables: { id: activity.id, title: 'Utdatert', version: 1 }, as });
    expect(stale.body.errors[0].extensions.code).toBe('CONFLICT');
    expect(stale.body.errors[0].message).toMatch(/reload/);
    expect((await app.em().findOneOrFail(ActivityEntity, { id: activity.id })).title).toBe('Første');

    expect((await app.query(update, { variables: { id: activity.id, title: 'Andre', version: 2 }, as })).body.data.updateActivity).toEqual({
      title: 'Andre',
      version: 3,
    });
  });
});
