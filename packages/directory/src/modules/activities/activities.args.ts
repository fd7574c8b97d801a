import { PageArgs } from '@samspill/core';
import { ArrayMaxSize, IsUUID, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';

import { NearInput } from '../../common/near.input.js';
import { IsBydelCodeList, IsLanguageCodeList } from '../../common/validators.js';
import { OfferStatus } from '../offers/offer-enums.js';
import { ActivityCategory, JoinMode, TargetGroup, VenueKind, Weekday } from './activity-enums.js';

export enum ActivitySort {
  RELEVANCE = 'RELEVANCE',
  DISTANCE = 'DISTANCE',
  TITLE = 'TITLE',
  RECENTLY_VERIFIED = 'RECENTLY_VERIFIED',
  RECENTLY_UPDATED = 'RECENTLY_UPDATED',
}
registerEnumType(ActivitySort, {
  name: 'ActivitySort',
  valuesConfig: {
    RELEVANCE: { description: 'Best match for filter.text first (the default when searching).' },
    DISTANCE: { description: 'Nearest to filter.near first (the default when searching near a point without text).' },
    TITLE: { description: 'Alphabetically by title (the default otherwise).' },
    RECENTLY_VERIFIED: { description: 'Freshest first: most recently confirmed as still valid.' },
    RECENTLY_UPDATED: { description: 'Most recently changed first.' },
  },
});

@InputType('ActivityFilter', { description: 'All given conditions must hold; a list matches when any of its values does.' })
export class ActivityFilter {
  @Field(() => [String], { nullable: true, description: 'Bydel codes where the activity takes place.' })
  @ArrayMaxSize(17)
  @IsBydelCodeList()
  bydeler?: string[];

  @Field(() => Boolean, { nullable: true, description: 'Also the bydeler that border on those in `bydeler`.' })
  includeNeighbouringBydeler?: boolean;

  @Field(() => NearInput, { nullable: true, description: 'Held at a place within this radius (activities at a shelter or online never match).' })
  @ValidateNested()
  near?: NearInput;

  @Field(() => [ActivityCategory], { nullable: true })
  categories?: ActivityCategory[];

  @Field(() => [TargetGroup], { nullable: true, description: 'For any of these target groups.' })
  @ArrayMaxSize(20)
  targetGroups?: TargetGroup[];

  @Field(() => [TargetGroup], {
    nullable: true,
    description: 'For all of these target groups, e.g. [SENIORS, IMMIGRANT_BACKGROUND] for seniors 60+ with an immigrant background.',
  })
  @ArrayMaxSize(20)
  allTargetGroups?: TargetGroup[];

  @Field(() => [TargetGroup], {
    nullable: true,
    description:
      'For none of these target groups, e.g. [WOMEN_ONLY] when searching for a man. Must not repeat a group asked for in targetGroups or allTargetGroups.',
  })
  @ArrayMaxSize(20)
  excludeTargetGroups?: TargetGroup[];

  @Field(() => Int, { nullable: true, description: 'Only activities whose age range includes this age.' })
  @Min(0)
  @Max(120)
  age?: number;

  @Field(() => [String], { nullable: true, description: 'Held in any of these languages (ISO 639-1).' })
  @ArrayMaxSize(20)
  @IsLanguageCodeList()
  languages?: string[];

  @Field(() => [Weekday], { nullable: true, description: 'Takes place on any of these weekdays.' })
  weekdays?: Weekday[];

  @Field(() => [JoinMode], { nullable: true })
  joinModes?: JoinMode[];

  @Field(() => [VenueKind], { nullable: true })
  venueKinds?: VenueKind[];

  @Field(() => Boolean, { nullable: true, description: 'Only activities free for the participant (FREE or SPONSORED).' })
  freeOnly?: boolean;

  @Field(() => Int, { nullable: true, description: 'Only activities confirmed as still valid within this many days.' })
  @Min(1)
  @Max(3650)
  verifiedWithinDays?: number;

  @Field(() => String, {
    nullable: true,
    description:
      'Search words, Norwegian: stemmed ("turgrupper" finds "Turgruppe"), accent-blind ("Grunerlokka"), tolerant of misspelt and split words in titles ("lexehjelp", "lekse hjelp"). Quotes and - work as in web search.',
  })
  @MaxLength(200)
  text?: string;

  @Field(() => ID, { nullable: true })
  @IsUUID('all')
  organisationId?: string;

  @Field(() => [OfferStatus], {
    nullable: true,
    description: 'Defaults to PUBLISHED. Drafts and archived activities are listed only for their own organisation and admins.',
  })
  statuses?: OfferStatus[];
}

@ArgsType()
export class ActivitiesArgs extends PageArgs {
  @Field(() => ActivityFilter, { nullable: true })
  @ValidateNested()
  filter?: ActivityFilter;

  @Field(() => ActivitySort, { nullable: true, description: 'Default: RELEVANCE with filter.text, else DISTANCE with filter.near, else TITLE.' })
  sort?: ActivitySort;
}
