import { registerEnumType } from 'type-graphql';

export enum OfferStatus {
  DRAFT = 'DRAFT',
  PUBLISHED = 'PUBLISHED',
  ARCHIVED = 'ARCHIVED',
}

export enum OfferAudience {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
}

export enum CostKind {
  FREE = 'FREE',
  SPONSORED = 'SPONSORED',
  PAID = 'PAID',
}

registerEnumType(OfferStatus, {
  name: 'OfferStatus',
  valuesConfig: {
    DRAFT: { description: "Being prepared; only the organisation's editors and admins see it." },
    PUBLISHED: { description: 'In the directory.' },
    ARCHIVED: { description: "No longer offered; kept for history, seen only by the organisation's editors and admins." },
  },
});
registerEnumType(OfferAudience, {
  name: 'OfferAudience',
  valuesConfig: {
    PUBLIC: { description: 'Listed for anyone, including anonymous visitors.' },
    NETWORK: { description: 'Listed only for signed-in users of the network (e.g. offers held at a shelter).' },
  },
});
registerEnumType(CostKind, {
  name: 'CostKind',
  valuesConfig: {
    FREE: { description: 'Free for the participant.' },
    SPONSORED: { description: 'Paid by a sponsor; free for the participant.' },
    PAID: { description: 'The participant pays (see price).' },
  },
});
