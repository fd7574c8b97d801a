import { registerEnumType } from 'type-graphql';

/** What shelters require of partner organisations' volunteer routines (krav til frivillige). */
export enum VolunteerRequirement {
  BASIC_TRAINING = 'BASIC_TRAINING',
  CONFIDENTIALITY_DECLARATION = 'CONFIDENTIALITY_DECLARATION',
  POLICE_CERTIFICATE = 'POLICE_CERTIFICATE',
}

export enum VolunteerRoutineStatus {
  CONFIRMED = 'CONFIRMED',
  NOT_APPLICABLE = 'NOT_APPLICABLE',
}

registerEnumType(VolunteerRequirement, {
  name: 'VolunteerRequirement',
  valuesConfig: {
    BASIC_TRAINING: { description: 'Volunteers take basic training on violence in close relationships.' },
    CONFIDENTIALITY_DECLARATION: { description: 'Volunteers sign a confidentiality declaration (taushetserklæring) about who stays at the shelter.' },
    POLICE_CERTIFICATE: { description: 'Volunteers show a police certificate (politiattest) where the law allows asking for one.' },
  },
});

registerEnumType(VolunteerRoutineStatus, {
  name: 'VolunteerRoutineStatus',
  valuesConfig: {
    CONFIRMED: { description: 'The routine is in place.' },
    NOT_APPLICABLE: { description: 'The law does not allow asking for it in this organisation’s work (police certificate only).' },
  },
});

/** Whether an organisation meets the requirements on `today` (Oslo date): met, and none of the confirmations has lapsed. */
export function requirementsMetOn(
  organisation: { volunteerRequirementsMetAt?: Date | null; volunteerRequirementsValidUntil?: string | null },
  today: string,
): boolean {
  return (
    organisation.volunteerRequirementsMetAt != null &&
    organisation.volunteerRequirementsValidUntil != null &&
    organisation.volunteerRequirementsValidUntil >= today
  );
}

/** The last day all the routines that meet the requirements hold (the earliest validUntil among them). */
export function requirementsValidUntil(routines: Array<{ requirement: VolunteerRequirement; validUntil: string }>): string | null {
  const days = routines.filter((r) => Object.values(VolunteerRequirement).includes(r.requirement)).map((r) => r.validUntil);
  return days.length ? days.sort()[0]! : null;
}

/** Met when training and confidentiality are confirmed and the police certificate is confirmed or not applicable. */
export function requirementsMet(routines: Array<{ requirement: VolunteerRequirement; status: VolunteerRoutineStatus }>): boolean {
  const status = new Map(routines.map((r) => [r.requirement, r.status]));
  return (
    status.get(VolunteerRequirement.BASIC_TRAINING) === VolunteerRoutineStatus.CONFIRMED &&
    status.get(VolunteerRequirement.CONFIDENTIALITY_DECLARATION) === VolunteerRoutineStatus.CONFIRMED &&
    status.has(VolunteerRequirement.POLICE_CERTIFICATE)
  );
}
