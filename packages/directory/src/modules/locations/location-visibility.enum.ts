import { registerEnumType } from 'type-graphql';

export enum LocationVisibility {
  PUBLIC = 'PUBLIC',
  NETWORK = 'NETWORK',
  CONFIDENTIAL = 'CONFIDENTIAL',
}

registerEnumType(LocationVisibility, {
  name: 'LocationVisibility',
  valuesConfig: {
    PUBLIC: { description: 'Anyone may see the address.' },
    NETWORK: { description: 'Signed-in users of the network may see the address.' },
    CONFIDENTIAL: { description: "Only the owning organisation's own staff and platform admins (e.g. a shelter's address)." },
  },
});
