import { registerEnumType } from 'type-graphql';

export enum OrganisationKind {
  SHELTER = 'SHELTER',
  VOLUNTARY_ORGANISATION = 'VOLUNTARY_ORGANISATION',
  VOLUNTEER_CENTRE = 'VOLUNTEER_CENTRE',
  BYDEL_SERVICE = 'BYDEL_SERVICE',
  ANIMAL_WELFARE = 'ANIMAL_WELFARE',
  SPONSOR = 'SPONSOR',
}

registerEnumType(OrganisationKind, {
  name: 'OrganisationKind',
  valuesConfig: {
    SHELTER: { description: 'A crisis shelter (krisesenter). Its address is confidential.' },
    VOLUNTARY_ORGANISATION: { description: 'A voluntary organisation or one of its local branches.' },
    VOLUNTEER_CENTRE: { description: 'A frivilligsentral.' },
    BYDEL_SERVICE: { description: 'A service run by a bydel (district).' },
    ANIMAL_WELFARE: { description: 'An animal-welfare organisation.' },
    SPONSOR: { description: 'A sponsor, e.g. of kennel places.' },
  },
});
