import { ValidationError } from '@samspill/core';

import type { DirectoryContext } from '../../context.js';
import { ActivityEntity } from '../activities/activity.entity.js';
import { activityPolicy } from '../activities/activity.policy.js';
import type { ActivityCategory } from '../activities/activity-enums.js';
import type { BydelRow } from '../bydeler/bydel.row.js';
import type { BydelCooperationContactEntity } from '../bydeler/bydel-cooperation.entity.js';
import { OfferStatus } from '../offers/offer-enums.js';
import { OrganisationEntity } from '../organisations/organisation.entity.js';
import { OrganisationKind } from '../organisations/organisation-kind.enum.js';

export interface Handover {
  readonly bydel: BydelRow;
  readonly cooperationContact: BydelCooperationContactEntity | null;
  readonly volunteerCentres: OrganisationEntity[];
  readonly helperOffers: ActivityEntity[];
}

/** "Help after moving to Bydel X": the bydel's frivilligsentraler, their helper offers and the bydel's cooperation contact. */
export class HandoverService {
  constructor(private readonly ctx: DirectoryContext) {}

  async helpAfterMoving(code: string, categories: readonly ActivityCategory[]): Promise<Handover> {
    const bydel = this.ctx.bydeler.get(code);
    if (!bydel) throw ValidationError.field('bydel', 'no such bydel: an Oslo bydel code, 030101 to 030117');
    if (!categories.length) throw ValidationError.field('categories', 'name at least one category');
    const { em, principal } = this.ctx;
    const [cooperationContact, volunteerCentres] = await Promise.all([
      this.ctx.loaders.cooperationContactByBydel.load(code),
      em.find(OrganisationEntity, { kind: OrganisationKind.VOLUNTEER_CENTRE, bydeler: { code } }, { orderBy: { name: 'asc', id: 'asc' } }),
    ]);
    // The same rule as every list of activities: a caller who may see none gets none.
    const visible = activityPolicy.where(principal, this.ctx.policyTime);
    const helperOffers =
      volunteerCentres.length && visible
        ? await em.find(
            ActivityEntity,
            {
              $and: [visible, { status: OfferStatus.PUBLISHED, category: { $in: [...categories] }, organisation: { $in: volunteerCentres.map((o) => o.id) } }],
            },
            { orderBy: { title: 'asc', id: 'asc' }, limit: 100 },
          )
        : [];
    return { bydel, cooperationContact, volunteerCentres, helperOffers };
  }
}
