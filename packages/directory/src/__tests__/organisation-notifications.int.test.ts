import { organisationWebhookSecret } from '@samspill/core';

import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { makeOrganisation, seedBydeler } from './support/factories.js';
import { DirectoryTestApp, type TestUser } from './support/test-app.js';

const SECRET = 'a-webhook-signing-secret-of-at-least-32-chars';
const SETTINGS = 'notificationSettings { referralEmail webhookUrl webhookSecret }';
const UPDATE = `mutation($id: ID!, $input: UpdateOrganisationNotificationsInput!) { updateOrganisationNotifications(id: $id, input: $input) { id version ${SETTINGS} } }`;

describe("an organisation's notification settings: its editors and admins set and see them, nobody else", () => {
  let app: DirectoryTestApp;
  let org: OrganisationEntity;
  let editor: TestUser;

  beforeAll(async () => {
    app = await DirectoryTestApp.start({ WEBHOOK_SIGNING_SECRET: SECRET });
    await seedBydeler(app.em());
    org = await makeOrganisation(app.em(), { name: 'Ressursvenn Oslo' });
    editor = { role: 'ORG_EDITOR', organisationId: org.id };
  });
  afterAll(() => app.close());

  const stored = async () => (await app.em().findOneOrFail(OrganisationEntity, { id: org.id })) as OrganisationEntity;

  it('an editor sets the referral e-mail and an https webhook, and reads back the derived secret', async () => {
    const response = await app.query(UPDATE, {
      as: editor,
      variables: {
        id: org.id,
        input: { referralEmail: 'henvisning@ressursvenn.test', webhookUrl: 'https://system.ressursvenn.test/samspill', version: org.version },
      },
    });
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data.updateOrganisationNotifications.notificationSettings).toEqual({
      referralEmail: 'henvisning@ressursvenn.test',
      webhookUrl: 'https://system.ressursvenn.test/samspill',
      webhookSecret: organisationWebhookSecret(SECRET, org.id),
    });
  });

  it.each([
    ['an address that is not one', { referralEmail: 'not-an-address' }, 'input.referralEmail'],
    ['a plain-http webhook that is not on the loopback interface', { webhookUrl: 'http://system.ressursvenn.test/hook' }, 'input.webhookUrl'],
  ])('refuses %s with BAD_USER_INPUT naming the field, and changes nothing', async (_what, input, field) => {
    const before = await stored();
    const response = await app.query(UPDATE, { as: editor, variables: { id: org.id, input: { ...input, version: before.version } } });
    expect(response.body.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(JSON.stringify(response.body.errors?.[0]?.extensions)).toContain(field);
    const after = await stored();
    expect({ email: after.referralEmail, hook: after.webhookUrl, version: after.version }).toEqual({
      email: before.referralEmail,
      hook: before.webhookUrl,
      version: before.version,
    });
  });

  it('another organisation, shelter staff and anonymous callers see null', async () => {
    for (const as of [{ role: 'ORG_EDITOR', organisationId: (await makeOrganisation(app.em(), { name: 'Annen' })).id } as TestUser, undefined]) {
      const response = await app.query(`query($id: ID!) { organisation(id: $id) { name notificationSettings { referralEmail } } }`, {
        as,
        variables: { id: org.id },
      });
      if (as) expect(response.body.data.organisation.notificationSettings).toBeNull();
      else expect(response.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    }
  });
});
