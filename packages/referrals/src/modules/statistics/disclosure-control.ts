import { DateTime } from 'luxon';

/** Cells counting fewer referrals than this are never published, so that no one can be singled out. */
export const SUPPRESSION_THRESHOLD = 5;

const ZONE = 'Europe/Oslo';

/** One cell of the full table, before disclosure control. */
export interface CountedCell {
  readonly bydelCode: string | null;
  readonly month: string;
  readonly category: string;
  readonly outcome: string;
  readonly count: number;
}

/**
 * The margins a reader could know from elsewhere (an organisation's own inbox, a bydel's or the
 * city's annual report, another query): referrals of one bydel, month and category over all
 * outcomes; of one bydel, month and outcome over all categories; of one month, category and
 * outcome over all bydeler. Any sum of these (a bydel's month, a year, the whole city) is then
 * protected too.
 */
const MARGINS: ReadonlyArray<(c: CountedCell) => string> = [
  (c) => `${c.bydelCode}|${c.month}|${c.category}|*`,
  (c) => `${c.bydelCode}|${c.month}|*|${c.outcome}`,
  (c) => `*|${c.month}|${c.category}|${c.outcome}`,
];

const order = (a: CountedCell, b: CountedCell): number =>
  a.count - b.count ||
  (a.bydelCode ?? '').localeCompare(b.bydelCode ?? '') ||
  a.month.localeCompare(b.month) ||
  a.category.localeCompare(b.category) ||
  a.outcome.localeCompare(b.outcome);

/**
 * Disclosure control as a statistics office does it for a frequency table (SSB; Eurostat's SDC
 * handbook), on the full table, whoever asks:
 *
 * - primary suppression: a cell under {@link SUPPRESSION_THRESHOLD} is withheld. Withheld cells
 *   are left out, not returned as "suppressed": a reader cannot tell a withheld cell from an
 *   empty one.
 * - secondary suppression: in every margin ({@link MARGINS}), what is withheld adds up to 0 or to
 *   at least the threshold; where it would add up to 1–4 (a margin known from elsewhere minus
 *   the published cells would give it away), the smallest published cell of that margin is
 *   withheld too, until every margin holds.
 *
 * Each month on its own (no margin spans months), deterministic (ties go by bydel, category,
 * outcome): the same month always gives the same cells, whatever range or bydel was asked for.
 * Returns the cells that may be published, in the order given.
 */
export function protectCells(cells: readonly CountedCell[]): CountedCell[] {
  const months = new Map<string, CountedCell[]>();
  for (const cell of cells) months.set(cell.month, [...(months.get(cell.month) ?? []), cell]);
  const published = new Set([...months.values()].flatMap(protectMonth));
  return cells.filter((c) => published.has(c));
}

function protectMonth(cells: readonly CountedCell[]): CountedCell[] {
  const withheld = new Set(cells.filter((c) => c.count < SUPPRESSION_THRESHOLD));
  const groups = MARGINS.map((key) => {
    const byKey = new Map<string, CountedCell[]>();
    for (const cell of cells) {
      const k = key(cell);
      byKey.set(k, [...(byKey.get(k) ?? []), cell]);
    }
    return [...byKey.values()].map((group) => [...group].sort(order));
  }).flat();
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      const hidden = group.filter((c) => withheld.has(c)).reduce((sum, c) => sum + c.count, 0);
      if (hidden === 0 || hidden >= SUPPRESSION_THRESHOLD) continue;
      const next = group.find((c) => !withheld.has(c));
      if (next) {
        withheld.add(next);
        changed = true;
      }
    }
  }
  return cells.filter((c) => !withheld.has(c));
}

/** When a month's statistics become final: `finalAfterDays` days after it ends (Oslo time). */
export function monthFinalAt(month: string, finalAfterDays: number): Date {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE }).plus({ months: 1, days: finalAfterDays }).toJSDate();
}

/** The latest month (YYYY-MM) whose statistics are final at `now`. */
export function latestFinalMonth(now: Date, finalAfterDays: number): string {
  return DateTime.fromJSDate(now, { zone: ZONE }).minus({ days: finalAfterDays }).startOf('month').minus({ months: 1 }).toFormat('yyyy-MM');
}
