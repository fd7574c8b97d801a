/**
 * Demo: the contact for cooperation with the shelters in several bydeler, each a role and its
 * office's phone and e-mail (fictitious numbers, example.org addresses), never a person.
 */
export interface DemoBydelCooperationContact {
  readonly bydel: string;
  readonly role: string;
  readonly office: string;
  readonly phone: string;
  readonly email: string;
  readonly verifiedDaysAgo: number;
}

export const DEMO_BYDEL_COOPERATION_CONTACTS: readonly DemoBydelCooperationContact[] = [
  {
    bydel: '030102',
    role: 'Koordinator for samarbeid med krisesenteret',
    office: 'Bydel Grünerløkka, Barne- og familietjenesten',
    phone: '+4721800102',
    email: 'krisesentersamarbeid.bgo@example.org',
    verifiedDaysAgo: 20,
  },
  {
    bydel: '030103',
    role: 'Kontaktperson for personer som flytter fra krisesenter',
    office: 'NAV Sagene',
    phone: '+4721800103',
    email: 'bosetting.sagene@example.org',
    verifiedDaysAgo: 45,
  },
  {
    bydel: '030105',
    role: 'Boligkontor, samarbeid med krisesenteret',
    office: 'Bydel Frogner, Boligkontoret',
    phone: '+4721800105',
    email: 'bolig.frogner@example.org',
    verifiedDaysAgo: 10,
  },
  {
    bydel: '030111',
    role: 'Koordinator for vold i nære relasjoner',
    office: 'Bydel Stovner, Helse og omsorg',
    phone: '+4721800111',
    email: 'vold.stovner@example.org',
    verifiedDaysAgo: 90,
  },
  {
    bydel: '030115',
    role: 'Koordinator for samarbeid med krisesenteret',
    office: 'Bydel Søndre Nordstrand, Familie og oppvekst',
    phone: '+4721800115',
    email: 'krisesentersamarbeid.bsn@example.org',
    verifiedDaysAgo: 30,
  },
];
