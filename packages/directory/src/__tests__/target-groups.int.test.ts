import { TargetGroup } from '../modules/activities/activity-enums.js';
import { makeActivity, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

const LIST = `query($filter: ActivityFilter) { activities(filter: $filter, first: 50) { nodes { title } } }`;

/** Target groups that fit the texts, and filters that require all of several or exclude one. */
describe('target-group search', () => {
  let app: DirectoryTestApp;

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const org = await makeOrganisation(em);
    await makeActivity(em, org, { title: 'Pappa og meg', description: 'Lek og middag for barn og far.', targetGroups: [TargetGroup.CHILDREN_WITH_FATHER] });
    await makeActivity(em, org, { title: 'Mannsgruppe', description: 'Samtalegruppe for menn.', targetGroups: [TargetGroup.MEN, TargetGroup.ADULTS] });
    await makeActivity(em, org, { title: 'Ungdomsklubb 18 til 29', description: 'For unge voksne.', targetGroups: [TargetGroup.YOUNG_ADULTS] });
    await makeActivity(em, org, {
      title: 'Seniortreff på flere språk',
      description: 'Kaffe og samtale for eldre.',
      targetGroups: [TargetGroup.SENIORS, TargetGroup.IMMIGRANT_BACKGROUND],
    });
    await makeActivity(em, org, { title: 'Seniordans', description: 'Dans for eldre.', targetGroups: [TargetGroup.SENIORS] });
    await makeActivity(em, org, { title: 'Kvinnekafé', description: 'Samtale og kaffe.', targetGroups: [TargetGroup.WOMEN_ONLY, TargetGroup.ADULTS] });
    await makeActivity(em, org, { title: 'Åpen kafé', description: 'Samtale og kaffe for alle voksne.', targetGroups: [TargetGroup.ADULTS] });
  });
  afterAll(() => app.close());

  const titles = async (filter: Record<string, unknown>) => {
    const res = await app.query(LIST, { variables: { filter } });
    expect(res.body.errors).toBeUndefined();
    return (res.body.data.activities.nodes as Array<{ title: string }>).map((n) => n.title).sort();
  };

  it('has values for children with their father, men, young adults and seniors', async () => {
    expect(await titles({ targetGroups: ['CHILDREN_WITH_FATHER'] })).toEqual(['Pappa og meg']);
    expect(await titles({ targetGroups: ['MEN'] })).toEqual(['Mannsgruppe']);
    expect(await titles({ targetGroups: ['YOUNG_ADULTS'] })).toEqual(['Ungdomsklubb 18 til 29']);
  });

  it('requires all of several target groups: seniors 60+ with immigrant background', async () => {
    expect(await titles({ allTargetGroups: ['SENIORS', 'IMMIGRANT_BACKGROUND'] })).toEqual(['Seniortreff på flere språk']);
    // "any of" finds both senior activities.
    expect(await titles({ targetGroups: ['SENIORS', 'IMMIGRANT_BACKGROUND'] })).toEqual(['Seniordans', 'Seniortreff på flere språk']);
  });

  it('excludes a target group: adult activities for a man leave out the women-only ones', async () => {
    expect(await titles({ targetGroups: ['ADULTS'], excludeTargetGroups: ['WOMEN_ONLY'] })).toEqual(['Mannsgruppe', 'Åpen kafé']);
  });

  it('combines with text search', async () => {
    expect(await titles({ text: 'kaffe', excludeTargetGroups: ['WOMEN_ONLY'] })).toEqual(['Seniortreff på flere språk', 'Åpen kafé']);
  });

  it('refuses a group both asked for and excluded', async () => {
    const res = await app.query(LIST, { variables: { filter: { allTargetGroups: ['ADULTS'], excludeTargetGroups: ['ADULTS'] } } });
    expect(res.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.excludeTargetGroups' });
  });
});
