import { registerEnumType } from 'type-graphql';

export enum CareModel {
  FOSTER_HOME = 'FOSTER_HOME',
  KENNEL = 'KENNEL',
  CATTERY = 'CATTERY',
  SHELTER_ON_SITE = 'SHELTER_ON_SITE',
  SPONSORED_KENNEL = 'SPONSORED_KENNEL',
}

export enum Species {
  DOG = 'DOG',
  CAT = 'CAT',
  SMALL_MAMMAL = 'SMALL_MAMMAL',
  BIRD = 'BIRD',
  REPTILE = 'REPTILE',
  OTHER = 'OTHER',
}

export enum AnimalSize {
  SMALL = 'SMALL',
  MEDIUM = 'MEDIUM',
  LARGE = 'LARGE',
}

registerEnumType(CareModel, {
  name: 'CareModel',
  valuesConfig: {
    FOSTER_HOME: { description: 'A volunteer foster home (fosterhjem).' },
    KENNEL: { description: 'A boarding kennel (hundepensjonat).' },
    CATTERY: { description: 'A cattery (kattepensjonat).' },
    SHELTER_ON_SITE: { description: 'Animals may stay at the shelter with their owner.' },
    SPONSORED_KENNEL: { description: 'Kennel places paid by a sponsor.' },
  },
});
registerEnumType(Species, { name: 'Species' });
registerEnumType(AnimalSize, { name: 'AnimalSize', description: 'Largest animal size accepted (dogs: small < 10 kg, medium < 25 kg).' });
