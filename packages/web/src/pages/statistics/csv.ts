/** One CSV cell: quoted when it holds a separator, a quote or a line break; formulas defused. */
function cell(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",;\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

export interface StatisticsCell {
  bydelCode?: string | null;
  month: string;
  category: string;
  outcome: string;
  count?: number | null;
  suppressed: boolean;
}

/** What a suppressed cell reads as, in the table and in the file: never a number. */
export const SUPPRESSED_CSV = '<5';

export function isShown(cell: StatisticsCell): cell is StatisticsCell & { count: number } {
  return !cell.suppressed && typeof cell.count === 'number';
}

/** The statistics as CSV: one row per cell, suppressed cells as "<5" whatever count the server sent. */
export function statisticsCsv(header: string[], cells: readonly StatisticsCell[]): string {
  return toCsv(
    header,
    cells.map((c) => [c.month, c.bydelCode ?? '', c.category, c.outcome, isShown(c) ? String(c.count) : SUPPRESSED_CSV]),
  );
}
