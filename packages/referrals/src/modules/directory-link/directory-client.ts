import { GATEWAY_SECRET_HEADER, ValidationError } from '@samspill/core';

import { TargetKind } from '../referrals/referral-enums.js';

export interface OfferFacts {
  readonly organisationId: string;
  readonly bydelCode: string | null;
  /** The activity's category, or PET_CARE. */
  readonly category: string;
  /** A pet-care offer's time to answer, in hours (the referral's deadline); null for activities (the referrals' answer days). */
  readonly answerWithinHours: number | null;
  /** Whether the receiving organisation meets the shelters' volunteer requirements now (a warning to the staff member otherwise). */
  readonly meetsVolunteerRequirements: boolean;
  /** What an activity asks of its volunteers (for follow-ups); null for pet care. */
  readonly volunteers: VolunteerTerms | null;
}

export interface VolunteerTerms {
  /** Months a volunteer commits to one woman; null: no commitment. */
  readonly commitmentMonths: number | null;
  readonly requiresVolunteerCourse: boolean;
  readonly womenOnlyVolunteers: boolean;
}

/** What the referrals subgraph needs to know about an offer, asked of the directory. */
export interface DirectoryLookup {
  offer(kind: TargetKind, id: string, authorization: string | undefined): Promise<OfferFacts>;
}

const QUERIES: Record<TargetKind, string> = {
  [TargetKind.ACTIVITY]:
    'query($id: ID!) { offer: activity(id: $id) { status category organisation { id kind meetsVolunteerRequirements } bydel { code } commitmentMonths requiresVolunteerCourse womenOnlyVolunteers } }',
  [TargetKind.PET_CARE_OFFER]:
    'query($id: ID!) { offer: petCareOffer(id: $id) { status answerWithinHours organisation { id kind meetsVolunteerRequirements } } }',
};

/**
 * Looks offers up in the directory subgraph over HTTP, as the caller (their bearer token is
 * passed on), so a shelter can refer only to offers it may see.
 */
export class HttpDirectoryLookup implements DirectoryLookup {
  constructor(
    private readonly directoryUrl: string,
    private readonly gatewaySecret: string | undefined,
  ) {}

  async offer(kind: TargetKind, id: string, authorization: string | undefined): Promise<OfferFacts> {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (authorization) headers.authorization = authorization;
    if (this.gatewaySecret) headers[GATEWAY_SECRET_HEADER] = this.gatewaySecret;
    const response = await fetch(this.directoryUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: QUERIES[kind], variables: { id } }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) throw new Error(`directory lookup failed with HTTP ${response.status}`);
    const body = (await response.json()) as {
      data?: {
        offer?: {
          status: string;
          category?: string;
          answerWithinHours?: number;
          organisation: { id: string; meetsVolunteerRequirements: boolean };
          bydel?: { code: string } | null;
          commitmentMonths?: number | null;
          requiresVolunteerCourse?: boolean;
          womenOnlyVolunteers?: boolean;
        } | null;
      };
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    const offer = body.data?.offer;
    const field = kind === TargetKind.ACTIVITY ? 'input.activityId' : 'input.petCareOfferId';
    if (!offer) {
      const code = body.errors?.[0]?.extensions?.code;
      if (code && code !== 'NOT_FOUND') throw new Error(`directory lookup failed: ${code}`);
      throw ValidationError.field(field, 'no such offer that you can see');
    }
    if (offer.status !== 'PUBLISHED') throw ValidationError.field(field, 'the offer is not published');
    return {
      organisationId: offer.organisation.id,
      bydelCode: offer.bydel?.code ?? null,
      category: offer.category ?? 'PET_CARE',
      answerWithinHours: offer.answerWithinHours ?? null,
      meetsVolunteerRequirements: offer.organisation.meetsVolunteerRequirements === true,
      volunteers:
        kind === TargetKind.ACTIVITY
          ? {
              commitmentMonths: offer.commitmentMonths ?? null,
              requiresVolunteerCourse: offer.requiresVolunteerCourse ?? false,
              womenOnlyVolunteers: offer.womenOnlyVolunteers ?? false,
            }
          : null,
    };
  }
}
