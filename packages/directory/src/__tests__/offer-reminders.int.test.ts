import { createLogger, OUTBOX_MESSAGE, type OutboxMessage } from '@samspill/core';
import { type MailCatcher, startMailCatcher } from '@samspill/core/testkit';

import { remindOfOffersDue, scheduleOfferReminders } from '../jobs/offer-reminders.js';
import { OfferStatus } from '../modules/offers/offer-enums.js';
import { OrganisationEntity } from '../modules/organisations/organisation.entity.js';
import { makeActivity, makeContact, makeOrganisation, makePetCareOffer, seedBydeler } from './support/factories.js';
import { DirectoryTestApp } from './support/test-app.js';

/** Editors are reminded, through the directory's outbox, of offers due for re-verification: once per confirmation, naming no person. */
describe('reminders of offers due for re-verification', () => {
  let app: DirectoryTestApp;
  let mail: MailCatcher;
  const ids: Record<string, string> = {};
  const personal: string[] = [];

  beforeAll(async () => {
    app = await DirectoryTestApp.start();
    mail = await startMailCatcher();
    const em = app.em();
    await seedBydeler(em);
    const org = await makeOrganisation(em, { name: 'Turlaget' });
    org.referralEmail = 'henvisninger@turlaget.example.org';
    await em.flush();
    const contact = await makeContact(em, org, 'Kari Kontaktperson');
    personal.push(contact.name, contact.phone!, contact.email!);
    const due = app.config.freshness.offerDueAfterDays;
    ids.due = (await makeActivity(em, org, { title: 'Søndagstur', lastVerifiedAt: app.clock.daysAgo(due + 1), contactPerson: contact })).id;
    ids.stale = (
      await makePetCareOffer(em, org, { title: 'Fosterhjem for katt', lastVerifiedAt: app.clock.daysAgo(app.config.freshness.offerStaleAfterDays + 5) })
    ).id;
    ids.fresh = (await makeActivity(em, org, { title: 'Ny tur', lastVerifiedAt: app.clock.daysAgo(due - 1) })).id;
    ids.draft = (await makeActivity(em, org, { title: 'Utkast', status: OfferStatus.DRAFT, lastVerifiedAt: app.clock.daysAgo(due + 10) })).id;
  });
  afterAll(async () => {
    await mail.close?.();
    await app.close();
  });

  const outbox = () => app.em().find<OutboxMessage>(OUTBOX_MESSAGE, { kind: 'offer.due-for-verification' }, { orderBy: { createdAt: 'asc', id: 'asc' } });

  it('enqueues one reminder per published offer due (or stale), to its organisation, once per confirmation', async () => {
    expect(await remindOfOffersDue(app.orm, app.config.freshness, app.now)).toBe(2);
    const messages = await outbox();
    expect([...new Set(messages.map((m) => m.link))].sort()).toEqual([`/aktiviteter/${ids.due}`, `/dyrepass/${ids.stale}`].sort());
    // To the organisation (its e-mail and its webhook), with the offer's title and nothing else.
    expect(new Set(messages.map((m) => `${m.recipientKind}:${m.recipient}:${m.channel}`)).size).toBe(2);
    expect(messages.every((m) => m.recipientKind === 'ORGANISATION' && Object.keys(m.params).join() === 'offerTitle')).toBe(true);
    // Run again: nothing new.
    expect(await remindOfOffersDue(app.orm, app.config.freshness, app.now)).toBe(0);
    expect(await outbox()).toHaveLength(messages.length);

    // Confirmed, it is told of again only when it falls due again.
    await app.query(`mutation($id: ID!) { confirmActivityStillValid(id: $id) { id } }`, {
      as: { role: 'ORG_EDITOR', organisationId: (await app.em().findOneOrFail(OrganisationEntity, { name: 'Turlaget' })).id },
      variables: { id: ids.due },
    });
    expect(await remindOfOffersDue(app.orm, app.config.freshness, app.now)).toBe(0);
    app.clock.advanceDays(app.config.freshness.offerDueAfterDays + 1);
    expect(await remindOfOffersDue(app.orm, app.config.freshness, app.now)).toBe(2); // the confirmed one again, and the one that was fresh
  });

  it('delivers them by e-mail with no personal field: the offer’s title and a link only', async () => {
    const reminders = scheduleOfferReminders(app.orm, app.config, createLogger('silent', 'test'), { smtpUrl: mail.url, now: app.now })!;
    try {
      await reminders.worker.drain();
    } finally {
      reminders.stop();
    }
    const sent = await mail.waitFor(4);
    expect(sent.every((m) => m.to.includes('henvisninger@turlaget.example.org'))).toBe(true);
    expect(sent.map((m) => m.subject).join('\n')).toMatch(/Søndagstur/);
    for (const m of sent) {
      expect(m.text).toMatch(/\/(aktiviteter|dyrepass)\//);
      for (const value of personal) expect(m.raw).not.toContain(value);
    }
  });
});
