import type { FilterQuery } from '@mikro-orm/core';
import { isAuthenticated, type Page, UnauthenticatedError, ValidationError } from '@samspill/core';

import { applyChanges } from '../../common/editing.js';
import { listByRelevanceOr } from '../../common/ranked-search.js';
import { servesBydeler } from '../../common/search-conditions.js';
import { BydelEntity } from '../bydeler/bydel.entity.js';
import { withNeighbours } from '../bydeler/bydel-neighbours.js';
import { ContactPersonEntity } from '../contact-persons/contact-person.entity.js';
import { OfferLifecycle } from '../offers/offer.lifecycle.js';
import { CostKind, OfferStatus } from '../offers/offer-enums.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';
import { CareModel } from './pet-care-enums.js';
import { PetCareOfferEntity } from './pet-care-offer.entity.js';
import type { CreatePetCareOfferInput, UpdatePetCareOfferInput } from './pet-care-offer.input.js';
import { petCareOfferPolicy } from './pet-care-offer.policy.js';
import type { PetCareOfferRow } from './pet-care-offer.row.js';
import type { PetCareOffersArgs } from './pet-care-offers.args.js';

const EDITABLE = [
  'title',
  'description',
  'careModel',
  'species',
  'maxAnimalSize',
  'maxAnimals',
  'maxStayDays',
  'costKind',
  'pricePerDayNok',
  'vaccinationRequired',
  'vetCheckRequired',
  'requirementsNote',
  'answerWithinHours',
] as const satisfies ReadonlyArray<keyof PetCareOfferEntity>;
const REQUIRED = ['title', 'description', 'careModel', 'species', 'costKind', 'vaccinationRequired', 'vetCheckRequired'] as const;

/** Pet-care offers: signed-in users see them; requests always go through shelter staff. */
export class PetCareOfferService extends OfferLifecycle<PetCareOfferEntity, PetCareOfferRow> {
  protected readonly entity = PetCareOfferEntity;
  protected readonly label = 'PetCareOffer';
  protected readonly policy = petCareOfferPolicy;

  list(args: PetCareOffersArgs): Promise<Page<PetCareOfferRow>> {
    const visibility = petCareOfferPolicy.where(this.principal, this.ctx.policyTime);
    if (visibility === null) throw new UnauthenticatedError();
    const f = args.filter ?? {};
    const conditions: FilterQuery<PetCareOfferEntity>[] = [visibility, { status: { $in: f.statuses ?? [OfferStatus.PUBLISHED] } }];
    if (f.species?.length) conditions.push({ species: { $overlap: f.species } });
    if (f.bydel)
      conditions.push(servesBydeler('pet_care_offer_bydel', 'pet_care_offer_id', f.includeNeighbouringBydeler ? withNeighbours([f.bydel]) : [f.bydel]));
    if (f.availableNow) conditions.push({ placesAvailable: { $gt: 0 } });
    if (f.careModels?.length) conditions.push({ careModel: { $in: f.careModels } });
    if (f.organisationId) conditions.push({ organisation: f.organisationId });
    const text = f.text?.trim();
    return listByRelevanceOr<PetCareOfferEntity, PetCareOfferRow>(this.em, PetCareOfferEntity, conditions, text, { title: 'asc', id: 'asc' }, args);
  }

  protected rows() {
    return this.ctx.loaders.petCareOffer;
  }

  /** Signed-in callers only (UNAUTHENTICATED otherwise), then the offer policy. */
  override async get(id: string): Promise<PetCareOfferRow> {
    if (!isAuthenticated(this.principal)) throw new UnauthenticatedError();
    return super.get(id);
  }

  async create(input: CreatePetCareOfferInput): Promise<PetCareOfferRow> {
    petCareOfferPolicy.assert(this.principal, 'petCareOffer:edit', { organisation: { id: input.organisationId } });
    const organisation = await this.em.findOne(OrganisationEntity, { id: input.organisationId });
    if (!organisation) throw ValidationError.field('input.organisationId', 'no such organisation');
    const now = this.now();
    const offer = this.em.create(PetCareOfferEntity, {
      organisation,
      title: input.title,
      description: input.description,
      careModel: input.careModel,
      species: input.species,
      status: OfferStatus.DRAFT,
      lastVerifiedAt: now,
      createdAt: now,
      updatedAt: now,
    });
    await this.apply(offer, input);
    await this.em.flush();
    return this.readBack(offer);
  }

  async update(id: string, input: UpdatePetCareOfferInput): Promise<PetCareOfferRow> {
    const offer = await this.loadForEdit(id, input.version);
    await this.apply(offer, input);
    await this.em.flush();
    return this.readBack(offer);
  }

  /** Free places right now; the update time is what makes the number trustworthy. */
  async setPlacesAvailable(id: string, places: number, version?: number | null): Promise<PetCareOfferRow> {
    if (!Number.isInteger(places) || places < 0 || places > 1000) throw ValidationError.field('placesAvailable', 'must be a whole number from 0 to 1000');
    const offer = await this.loadForEdit(id, version);
    offer.placesAvailable = places;
    offer.placesUpdatedAt = this.now();
    await this.em.flush();
    return this.readBack(offer);
  }

  private async apply(offer: PetCareOfferEntity, input: CreatePetCareOfferInput | UpdatePetCareOfferInput): Promise<void> {
    applyChanges(offer, input, EDITABLE, REQUIRED);
    if (input.placesAvailable !== undefined) {
      offer.placesAvailable = input.placesAvailable;
      offer.placesUpdatedAt = this.now();
    }
    if (input.bydeler) {
      const owner = await this.em.findOneOrFail(OrganisationEntity, { id: offer.organisation.id });
      if (owner.kind === OrganisationKind.SHELTER && input.bydeler.length > 0) {
        throw ValidationError.field('input.bydeler', "a shelter's offers serve all of Oslo: their bydeler are not recorded");
      }
      offer.bydeler.set(input.bydeler.map((code) => this.em.getReference(BydelEntity, code)));
      offer.updatedAt = this.now();
    }
    if (input.contactPersonId !== undefined) {
      if (input.contactPersonId === null) offer.contactPerson = null;
      else {
        const contact = await this.em.findOne(ContactPersonEntity, { id: input.contactPersonId });
        if (!contact || contact.organisation.id !== offer.organisation.id) {
          throw ValidationError.field('input.contactPersonId', 'is not a contact person of this organisation');
        }
        offer.contactPerson = contact;
      }
    }
    if (input.sponsorId !== undefined) {
      if (input.sponsorId === null) offer.sponsor = null;
      else {
        const sponsor = await this.em.findOne(OrganisationEntity, { id: input.sponsorId });
        if (!sponsor || sponsor.kind !== OrganisationKind.SPONSOR) throw ValidationError.field('input.sponsorId', 'is not a sponsor organisation');
        offer.sponsor = sponsor;
      }
    }
    if (offer.sponsor && offer.careModel !== CareModel.SPONSORED_KENNEL) {
      throw ValidationError.field('input.sponsorId', 'is only for offers with careModel SPONSORED_KENNEL');
    }
    if (offer.costKind !== CostKind.PAID && offer.pricePerDayNok != null) {
      throw ValidationError.field('input.pricePerDayNok', 'is only for offers with costKind PAID');
    }
  }
}
