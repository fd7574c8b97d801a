import type { EntityManager } from '@mikro-orm/postgresql';
import { isAuthenticated, isUuid, type Principal, UnauthenticatedError, ValidationError } from '@samspill/core';

import { applyChanges, loadForEdit, readBack } from '../../common/editing.js';
import { toE164 } from '../../common/validators.js';
import type { DirectoryContext } from '../../context.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { ContactPersonEntity } from './contact-person.entity.js';
import type { AddContactPersonInput, UpdateContactPersonInput } from './contact-person.input.js';
import { contactPersonPolicy } from './contact-person.policy.js';
import type { ContactPersonRow } from './contact-person.row.js';

const EDITABLE = ['name', 'title', 'email', 'languages'] as const satisfies ReadonlyArray<keyof ContactPersonEntity>;
const REQUIRED = ['name', 'languages'] as const;

/** Contact persons: seen by signed-in users only, changed by the organisation's editors and admins. */
export class ContactPersonService {
  private readonly em: EntityManager;
  private readonly principal: Principal;
  private readonly now: () => Date;

  constructor(private readonly ctx: DirectoryContext) {
    this.em = ctx.em;
    this.principal = ctx.principal;
    this.now = ctx.now;
  }

  ofOrganisation(organisationId: string): Promise<ContactPersonEntity[]> {
    if (!isAuthenticated(this.principal)) throw new UnauthenticatedError();
    if (!isUuid(organisationId)) throw ValidationError.field('organisationId', 'must be an organisation id (UUID)');
    return this.em.find(ContactPersonEntity, { organisation: organisationId }, { orderBy: { name: 'asc', id: 'asc' } });
  }

  async add(input: AddContactPersonInput): Promise<ContactPersonRow> {
    contactPersonPolicy.assert(this.principal, 'contactPerson:edit', { organisation: { id: input.organisationId } });
    const organisation = await this.em.findOne(OrganisationEntity, { id: input.organisationId });
    if (!organisation) throw ValidationError.field('input.organisationId', 'no such organisation');
    const contact = this.em.create(ContactPersonEntity, {
      organisation,
      name: input.name,
      languages: input.languages ?? ['no'],
      createdAt: this.now(),
      lastVerifiedAt: this.now(),
    });
    this.apply(contact, input);
    await this.em.flush();
    return readBack(this.ctx.loaders.contactPerson, 'ContactPerson', contact.id);
  }

  async update(id: string, input: UpdateContactPersonInput): Promise<ContactPersonRow> {
    const contact = await this.load(id, input.version);
    this.apply(contact, input);
    await this.em.flush();
    return readBack(this.ctx.loaders.contactPerson, 'ContactPerson', contact.id);
  }

  /** The organisation confirms the contact is still right: its freshness restarts. */
  async confirmStillValid(id: string): Promise<ContactPersonRow> {
    const contact = await this.load(id);
    contact.lastVerifiedAt = this.now();
    await this.em.flush();
    return readBack(this.ctx.loaders.contactPerson, 'ContactPerson', contact.id);
  }

  /** Removes a contact person; offers that named them keep working without one. */
  async remove(id: string): Promise<string> {
    const contact = await this.load(id);
    await this.em.remove(contact).flush();
    return id;
  }

  private load(id: string, version?: number): Promise<ContactPersonEntity> {
    return loadForEdit(this.em, ContactPersonEntity, contactPersonPolicy, id, this.principal, version);
  }

  private apply(contact: ContactPersonEntity, input: AddContactPersonInput | UpdateContactPersonInput): void {
    applyChanges(contact, input, EDITABLE, REQUIRED);
    if (input.phone !== undefined) contact.phone = input.phone === null ? null : toE164(input.phone);
  }
}
