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
 * - secondary suppression by the hypercube method (Repsilber; Giessing, as in τ-ARGUS; Eurostat's
 *   SDC handbook, ch. 4): each withheld cell is the corner of a 2 × 2 × 2 box (two bydeler × two
 *   categories × two outcomes) of withheld cells. Adding a number to four of its corners and
 *   taking it from the other four changes no margin and no published cell, so a reader who knows
 *   every margin (a bydel's category over all outcomes, a bydel's outcome over all categories, a
 *   category's outcome over all bydeler: known from an organisation's inbox, a report, another
 *   query; and so every sum of them) and every published cell cannot tell the cell from one 0 (or 5 or more) away:
 *   the box is chosen so that its corners allow that. Every margin holding a withheld cell then
 *   holds at least two. Of the boxes that protect a cell, the one that withholds the fewest
 *   referrals more is taken.
 * - a small cell that no box can protect (its bydel has no second category, say) would be given
 *   away by the margins whatever else is withheld: the whole month is withheld then.
 *
 * Each month on its own (no margin spans months), deterministic (cells and boxes go by count,
 * bydel, category, outcome): the same month always gives the same cells, whatever range or bydel was asked for.
 * Returns the cells that may be published, in the order given.
 */
export function protectCells(cells: readonly CountedCell[]): CountedCell[] {
  const months = new Map<string, CountedCell[]>();
  for (const cell of cells) months.set(cell.month, [...(months.get(cell.month) ?? []), cell]);
  const published = new Set([...months.values()].flatMap(protectMonth));
  return cells.filter((c) => published.has(c));
}

function protectMonth(cells: readonly CountedCell[]): CountedCell[] {
  const at = new Map(cells.map((c) => [`${c.bydelCode}|${c.category}|${c.outcome}`, c]));
  const bydeler = [...new Set(cells.map((c) => c.bydelCode))].sort((a, b) => (a ?? '').localeCompare(b ?? ''));
  const categories = [...new Set(cells.map((c) => c.category))].sort();
  const outcomes = [...new Set(cells.map((c) => c.outcome))].sort();
  const withheld = new Set(cells.filter((c) => c.count < SUPPRESSION_THRESHOLD));
  for (const cell of [...withheld].sort(order)) {
    let best: { corners: CountedCell[]; cost: number } | null = null;
    for (const b of bydeler)
      for (const c of categories)
        for (const o of outcomes) {
          if (b === cell.bydelCode || c === cell.category || o === cell.outcome) continue;
          const corners = [cell.bydelCode, b].flatMap((bb) => [cell.category, c].flatMap((cc) => [cell.outcome, o].map((oo) => at.get(`${bb}|${cc}|${oo}`))));
          if (corners.some((corner) => corner === undefined)) continue;
          const box = corners as CountedCell[];
          if (!protects(cell, box)) continue;
          const cost = box.filter((corner) => !withheld.has(corner)).reduce((sum, corner) => sum + corner.count, 0);
          if (!best || cost < best.cost) best = { corners: box, cost };
        }
    if (!best) return [];
    for (const corner of best.corners) withheld.add(corner);
  }
  return cells.filter((c) => !withheld.has(c));
}

/**
 * Whether the box (corners in bydel × category × outcome order, `cell` first) lets `cell` move to
 * 0 or to the threshold while every margin stays: the corners that move with it (an even number
 * of steps away) must hold at least its count, or those that move against it at least what it
 * lacks of the threshold.
 */
function protects(cell: CountedCell, box: readonly CountedCell[]): boolean {
  const parity = (i: number) => ((i >> 2) ^ (i >> 1) ^ i) & 1;
  const withIt = box.filter((_, i) => parity(i) === 0).map((c) => c.count);
  const against = box.filter((_, i) => parity(i) === 1).map((c) => c.count);
  return Math.min(...withIt) >= cell.count || cell.count + Math.min(...against) >= SUPPRESSION_THRESHOLD;
}

/**
 * How long after a month is final its snapshot is taken: a transition stamped just before the
 * month became final, in a transaction that commits a little later, is still counted. One that
 * commits later than this is left out of that month for good (the snapshot is never retaken).
 */
export const SNAPSHOT_GRACE_MS = 15 * 60_000;

/**
 * When a month's statistics become final: at 00:00 Oslo time `finalAfterDays` days after it ends.
 * The one definition: the snapshot counts each referral's outcome as of this instant, and
 * {@link latestFinalMonth} (which months may be published) is derived from it.
 */
export function monthFinalAt(month: string, finalAfterDays: number): Date {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE }).plus({ months: 1, days: finalAfterDays }).toJSDate();
}

/** The month (YYYY-MM) `months` after `month` (before, if negative). */
export function addMonths(month: string, months: number): string {
  return DateTime.fromFormat(month, 'yyyy-MM', { zone: ZONE }).plus({ months }).toFormat('yyyy-MM');
}

/** The month (YYYY-MM, Oslo time) an instant falls in. */
export function osloMonth(at: Date): string {
  return DateTime.fromJSDate(at, { zone: ZONE }).toFormat('yyyy-MM');
}

/**
 * The latest month (YYYY-MM) whose snapshot may be taken at `now`: final ({@link monthFinalAt})
 * at least {@link SNAPSHOT_GRACE_MS} ago.
 */
export function latestFinalMonth(now: Date, finalAfterDays: number): string {
  let month = addMonths(osloMonth(now), -1);
  while (monthFinalAt(month, finalAfterDays).getTime() + SNAPSHOT_GRACE_MS > now.getTime()) month = addMonths(month, -1);
  return month;
}
