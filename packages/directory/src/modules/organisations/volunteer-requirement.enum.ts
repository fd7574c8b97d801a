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

/** Met when training and confidentiality are confirmed and the police certificate is confirmed or not applicable. */
export function requirementsMet(routines: Array<{ requirement: VolunteerRequirement; status: VolunteerRoutineStatus }>): boolean {
  const status = new Map(routines.map((r) => [r.requirement, r.status]));
  return (
    status.get(VolunteerRequirement.BASIC_TRAINING) === VolunteerRoutineStatus.CONFIRMED &&
    status.get(VolunteerRequirement.CONFIDENTIALITY_DECLARATION) === VolunteerRoutineStatus.CONFIRMED &&
    status.has(VolunteerRequirement.POLICE_CERTIFICATE)
  );
}
