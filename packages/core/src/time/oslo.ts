/** A day of 24 hours, for durations ("14 days to answer"); calendar days in Oslo go by {@link osloDateOf}. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The time zone every calendar date and month of Samspill is in. */
export const OSLO_ZONE = 'Europe/Oslo';

const OSLO_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: OSLO_ZONE });

/** The calendar date in Oslo at `at`, as YYYY-MM-DD. */
export function osloDateOf(at: Date): string {
  return OSLO_DATE.format(at);
}
