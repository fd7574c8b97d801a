import { makeActivity, makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

describe('directory smoke', () => {
  let app: DirectoryTestApp;
  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    const em = app.em();
    await seedBydeler(em);
    const org = await makeOrganisation(em, { name: 'Oslo Røde Kors', bydeler: ['030102'] });
    await makeActivity(em, org);
  });
  afterAll(() => app.close());

  it('answers a nested query', async () => {
    const res = await app.query(`{ bydel(code: "030102") { name organisations { name activities { title venueLabel } } } }`);
    expect(res.body).toEqual({
      data: { bydel: { name: 'Grünerløkka', organisations: [{ name: 'Oslo Røde Kors', activities: [{ title: 'Leksehjelp', venueLabel: 'Digitalt' }] }] } },
    });
  });
});
