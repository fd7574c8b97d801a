import { registerEnumType } from 'type-graphql';

export enum ActivityCategory {
  SOCIAL = 'SOCIAL',
  NETWORK = 'NETWORK',
  CHILDREN = 'CHILDREN',
  YOUTH = 'YOUTH',
  MENTORING = 'MENTORING',
  PRACTICAL_HELP = 'PRACTICAL_HELP',
  HOUSING = 'HOUSING',
  WORK_AND_EDUCATION = 'WORK_AND_EDUCATION',
  LANGUAGE = 'LANGUAGE',
  PHYSICAL_ACTIVITY = 'PHYSICAL_ACTIVITY',
  CULTURE = 'CULTURE',
}

export enum TargetGroup {
  CHILDREN = 'CHILDREN',
  YOUTH = 'YOUTH',
  YOUNG_ADULTS = 'YOUNG_ADULTS',
  ADULTS = 'ADULTS',
  SENIORS = 'SENIORS',
  FAMILIES = 'FAMILIES',
  WOMEN_ONLY = 'WOMEN_ONLY',
  MEN = 'MEN',
  IMMIGRANT_BACKGROUND = 'IMMIGRANT_BACKGROUND',
  CHILDREN_WITH_FATHER = 'CHILDREN_WITH_FATHER',
}

export enum JoinMode {
  OPEN = 'OPEN',
  SIGN_UP = 'SIGN_UP',
  REFERRAL_ONLY = 'REFERRAL_ONLY',
}

export enum VenueKind {
  LOCATION = 'LOCATION',
  AT_SHELTER = 'AT_SHELTER',
  ONLINE = 'ONLINE',
}

export enum Accessibility {
  WHEELCHAIR_ACCESSIBLE = 'WHEELCHAIR_ACCESSIBLE',
  STEP_FREE_ENTRANCE = 'STEP_FREE_ENTRANCE',
  ACCESSIBLE_TOILET = 'ACCESSIBLE_TOILET',
  HEARING_LOOP = 'HEARING_LOOP',
  QUIET_ROOM = 'QUIET_ROOM',
  CHILDCARE_AVAILABLE = 'CHILDCARE_AVAILABLE',
}

/** ISO weekday order: Monday is 1. */
export enum Weekday {
  MONDAY = 'MONDAY',
  TUESDAY = 'TUESDAY',
  WEDNESDAY = 'WEDNESDAY',
  THURSDAY = 'THURSDAY',
  FRIDAY = 'FRIDAY',
  SATURDAY = 'SATURDAY',
  SUNDAY = 'SUNDAY',
}

export const WEEKDAYS = Object.values(Weekday);
export const isoWeekday = (day: Weekday): number => WEEKDAYS.indexOf(day) + 1;

registerEnumType(ActivityCategory, { name: 'ActivityCategory' });
registerEnumType(TargetGroup, {
  name: 'TargetGroup',
  description:
    'Who an activity is for (stable values; the nb labels are the web app\'s `targetGroup` catalogue). Combine them in a filter: "seniors 60+ with immigrant background" is allTargetGroups [SENIORS, IMMIGRANT_BACKGROUND].',
  valuesConfig: {
    CHILDREN: { description: 'Children (barn).' },
    YOUTH: { description: 'Youth, 13–17 (ungdom).' },
    YOUNG_ADULTS: { description: 'Young adults, 18–29 (unge voksne 18–29).' },
    ADULTS: { description: 'Adults (voksne).' },
    SENIORS: { description: 'Seniors, 60+ (eldre 60+).' },
    FAMILIES: { description: 'Families (familier).' },
    WOMEN_ONLY: { description: 'Women only (bare kvinner): exclude it for a man.' },
    MEN: { description: 'Men (menn).' },
    IMMIGRANT_BACKGROUND: { description: 'People with an immigrant background (innvandrerbakgrunn).' },
    CHILDREN_WITH_FATHER: { description: 'Children together with their father (barn med far).' },
  },
});
registerEnumType(JoinMode, {
  name: 'JoinMode',
  valuesConfig: {
    OPEN: { description: 'Drop in.' },
    SIGN_UP: { description: 'Sign up first.' },
    REFERRAL_ONLY: { description: 'Only through a referral, e.g. from shelter staff.' },
  },
});
registerEnumType(VenueKind, {
  name: 'VenueKind',
  valuesConfig: {
    LOCATION: { description: 'At a location (see `location`).' },
    AT_SHELTER: { description: 'At the shelter; the address is shown only to its own staff.' },
    ONLINE: { description: 'Online.' },
  },
});
registerEnumType(Accessibility, { name: 'Accessibility' });
registerEnumType(Weekday, { name: 'Weekday' });
