import { type CountedCell, latestFinalMonth, monthFinalAt, protectCells, SNAPSHOT_GRACE_MS } from '../../modules/statistics/disclosure-control.js';

const cell = (bydelCode: string | null, category: string, outcome: string, count: number, month = '2026-03'): CountedCell => ({
  bydelCode,
  month,
  category,
  outcome,
  count,
});
const shown = (cells: CountedCell[]) => protectCells(cells).map((c) => `${c.bydelCode}/${c.month}/${c.category}/${c.outcome}=${c.count}`);

describe('protectCells: which cells of a referral table may be published', () => {
  it('publishes every cell of 5 or more when nothing is withheld', () => {
    expect(shown([cell('030112', 'SOCIAL', 'OPEN', 5), cell('030112', 'SOCIAL', 'COMPLETED', 12), cell('030113', 'SPORT', 'OPEN', 7)])).toEqual([
      '030112/2026-03/SOCIAL/OPEN=5',
      '030112/2026-03/SOCIAL/COMPLETED=12',
      '030113/2026-03/SPORT/OPEN=7',
    ]);
  });

  it('leaves out every cell under 5, the only cell of its kind included', () => {
    expect(shown([cell('030102', 'LANGUAGE', 'OPEN', 1)])).toEqual([]);
    expect(shown([cell('030102', 'LANGUAGE', 'OPEN', 4), cell('030103', 'CHILDREN', 'CANCELLED', 2)])).toEqual([]);
  });

  it('a small cell no box can protect withholds the whole month: its margins would give it away', () => {
    // SOCIAL in Alna: 1 cancelled, 6 open, 9 completed; with no other bydel, the city's SOCIAL CANCELLED is the 1.
    expect(shown([cell('030112', 'SOCIAL', 'CANCELLED', 1), cell('030112', 'SOCIAL', 'OPEN', 6), cell('030112', 'SOCIAL', 'COMPLETED', 9)])).toEqual([]);
    // The review's case: Alna SOCIAL OPEN 6 and CANCELLED 2, CULTURE OPEN 5, and Østensjø's 9 cannot
    // hide the 2 (Alna's OPEN total − 5 gives 6, SOCIAL's total − 6 gives 2).
    const cells = [
      cell('030112', 'SOCIAL', 'CANCELLED', 2),
      cell('030112', 'SOCIAL', 'OPEN', 6),
      cell('030112', 'CULTURE', 'OPEN', 5),
      cell('030113', 'SOCIAL', 'OPEN', 9),
    ];
    expect(shown(cells)).toEqual([]);
  });

  it('a small cell takes the cheapest box of two bydeler × two categories × two outcomes with it; the rest is published', () => {
    const box = [
      cell('030112', 'SOCIAL', 'CANCELLED', 2),
      cell('030112', 'SOCIAL', 'OPEN', 6),
      cell('030112', 'CULTURE', 'CANCELLED', 5),
      cell('030112', 'CULTURE', 'OPEN', 5),
      cell('030113', 'SOCIAL', 'CANCELLED', 5),
      cell('030113', 'SOCIAL', 'OPEN', 5),
      cell('030113', 'CULTURE', 'CANCELLED', 5),
      cell('030113', 'CULTURE', 'OPEN', 5),
    ];
    // A second box through Frogner's 20s would withhold more: it is not taken, and Frogner is published.
    const frogner = [
      cell('030105', 'SOCIAL', 'CANCELLED', 20),
      cell('030105', 'SOCIAL', 'OPEN', 20),
      cell('030105', 'CULTURE', 'CANCELLED', 20),
      cell('030105', 'CULTURE', 'OPEN', 20),
    ];
    expect(shown([...box, ...frogner])).toEqual(frogner.map((c) => `030105/2026-03/${c.category}/${c.outcome}=20`));
  });

  it('a box is taken only if its corners let the small cell reach 0 or 5', () => {
    // Moving Alna SOCIAL CANCELLED (3) down by 3 needs 3 in each corner that moves with it; Østensjø
    // CULTURE CANCELLED has 1, so down it goes only by 1; up, it gains at most 1 (Alna SOCIAL OPEN): 2–4.
    const cells = [
      cell('030112', 'SOCIAL', 'CANCELLED', 3),
      cell('030112', 'SOCIAL', 'OPEN', 1),
      cell('030112', 'CULTURE', 'CANCELLED', 9),
      cell('030112', 'CULTURE', 'OPEN', 9),
      cell('030113', 'SOCIAL', 'CANCELLED', 9),
      cell('030113', 'SOCIAL', 'OPEN', 9),
      cell('030113', 'CULTURE', 'CANCELLED', 1),
      cell('030113', 'CULTURE', 'OPEN', 9),
    ];
    expect(shown(cells)).toEqual([]);
    const values = possibleValues(cells, cells);
    expect([...values.get(cells[0]!)!].sort()).toEqual([2, 3, 4]);
  });

  it('no withheld cell can be worked out, exactly or into 1–4, from the published cells and every margin (generated tables)', () => {
    // A reader who knows every margin (an organisation's inbox, annual reports) and which cells are
    // empty solves for the withheld cells. Tables of every shape from 2×2×2 to 3×3×3, dense and
    // with empty cells, counts skewed small.
    let seed = 12345;
    const random = (n: number) => {
      // mulberry32: a small, fixed sequence, the same on every run.
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) % n;
    };
    const problems: string[] = [];
    let withheldSeen = 0;
    let publishedTables = 0;
    for (let table = 0; table < 150; table++) {
      const bydeler = ['030101', '030102', '030103'].slice(0, 2 + random(2));
      const categories = ['LANGUAGE', 'SOCIAL', 'SPORT'].slice(0, 2 + random(2));
      const outcomes = ['OPEN', 'COMPLETED', 'CANCELLED'].slice(0, 2 + random(2));
      const cells: CountedCell[] = [];
      for (const b of bydeler)
        for (const c of categories)
          for (const o of outcomes) {
            const count = [1, 2, 3, 4, 5, 6, 8, 11][random(8)]!;
            if (table % 3 !== 0 || random(6) > 0) cells.push(cell(b, c, o, count));
          }
      const published = new Set(protectCells(cells));
      // A month withheld whole gives away only what its margins, known from elsewhere, tell anyway.
      if (published.size === 0) continue;
      publishedTables++;
      expect([...published].every((c) => c.count >= 5)).toBe(true);
      const withheld = cells.filter((c) => !published.has(c));
      withheldSeen += withheld.length;
      for (const [c, values] of possibleValues(cells, withheld)) {
        const min = Math.min(...values);
        const max = Math.max(...values);
        if (values.size < 2 || (min >= 1 && max < 5)) {
          problems.push(`table ${table}: ${c.bydelCode}/${c.category}/${c.outcome}=${c.count} can only be ${[...values].join(' or ')}`);
        }
      }
    }
    expect(problems).toEqual([]);
    expect(publishedTables).toBeGreaterThan(30);
    expect(withheldSeen).toBeGreaterThan(300);
  });

  it('the solver of that test finds what a lone withheld cell gives away (the review’s example)', () => {
    // Alna SOCIAL OPEN 6 and CANCELLED 2, CULTURE OPEN 5: withholding only the 2 and the 6 gives both away.
    const cells = [cell('030112', 'SOCIAL', 'OPEN', 6), cell('030112', 'SOCIAL', 'CANCELLED', 2), cell('030112', 'CULTURE', 'OPEN', 5)];
    const values = possibleValues(cells, cells.slice(0, 2));
    expect([...values.values()].map((v) => [...v])).toEqual([[6], [2]]);
    expect(shown(cells)).toEqual([]);
  });

  it('a month’s cells do not depend on which other months were asked for', () => {
    const march = [cell('030112', 'SOCIAL', 'CANCELLED', 1), cell('030112', 'SOCIAL', 'OPEN', 6), cell('030112', 'SOCIAL', 'COMPLETED', 9)];
    const april = [cell('030112', 'SOCIAL', 'OPEN', 2, '2026-04'), cell('030112', 'SOCIAL', 'COMPLETED', 5, '2026-04')];
    expect(shown([...march, ...april]).filter((c) => c.includes('2026-03'))).toEqual(shown(march));
  });
});

describe('when a month is final', () => {
  // Pure calendar arithmetic on the months given: past months, so nothing here reads as a date ahead.
  it('is the given number of days after the month ends, at midnight in Oslo', () => {
    expect(monthFinalAt('2025-03', 7).toISOString()).toBe('2025-04-07T22:00:00.000Z'); // 8 April 00:00 CEST
    expect(monthFinalAt('2024-12', 7).toISOString()).toBe('2025-01-07T23:00:00.000Z'); // 8 January 00:00 CET
    expect(monthFinalAt('2025-01', 0).toISOString()).toBe('2025-01-31T23:00:00.000Z');
  });

  it('June is final in July at 00:00 Oslo summer time (UTC+2), January in February at 00:00 winter time (UTC+1)', () => {
    expect(monthFinalAt('2025-06', 7).toISOString()).toBe('2025-07-07T22:00:00.000Z');
    expect(monthFinalAt('2025-01', 7).toISOString()).toBe('2025-02-07T23:00:00.000Z');
  });

  it.each(['2026-03', '2026-06', '2027-01'])('the latest publishable month becomes %s once it has been final for the grace period, not before', (month) => {
    const publishable = monthFinalAt(month, 7).getTime() + SNAPSHOT_GRACE_MS;
    const before = latestFinalMonth(new Date(publishable - 1), 7);
    expect(before < month).toBe(true);
    expect(latestFinalMonth(new Date(publishable), 7)).toBe(month);
  });

  it('the latest final month counts the configured days', () => {
    expect(latestFinalMonth(new Date(Date.UTC(2026, 3, 30, 12)), 7)).toBe('2026-03');
    expect(latestFinalMonth(new Date(Date.UTC(2026, 3, 30, 12)), 35)).toBe('2026-02');
    expect(latestFinalMonth(new Date(Date.UTC(2026, 3, 30, 12)), 366)).toBe('2025-03');
  });
});

const MARGIN_KEYS: ReadonlyArray<(c: CountedCell) => string> = [
  (c) => `${c.bydelCode}|${c.category}|*`,
  (c) => `${c.bydelCode}|*|${c.outcome}`,
  (c) => `*|${c.category}|${c.outcome}`,
];

/**
 * Every value each withheld cell can take, given the published cells and every margin (each
 * withheld cell a whole number ≥ 0; empty cells known to be empty): an exhaustive search, one
 * satisfiability question per cell and value.
 */
function possibleValues(cells: readonly CountedCell[], withheld: readonly CountedCell[]): Map<CountedCell, Set<number>> {
  const hiddenSet = new Set(withheld);
  // Each margin as: the withheld cells in it (by index) and what they must add up to.
  const constraints: Array<{ members: number[]; total: number }> = [];
  for (const key of MARGIN_KEYS) {
    const groups = new Map<string, { members: number[]; total: number }>();
    for (const c of cells) {
      const group = groups.get(key(c)) ?? { members: [], total: 0 };
      groups.set(key(c), group);
      if (hiddenSet.has(c)) {
        group.members.push(withheld.indexOf(c));
        group.total += c.count;
      }
    }
    constraints.push(...[...groups.values()].filter((g) => g.members.length > 0));
  }
  const of = withheld.map((_, i) => constraints.filter((g) => g.members.includes(i)));
  const upper = withheld.map((_, i) => Math.min(...of[i]!.map((g) => g.total)));
  const solvable = (values: Array<number | undefined>, i: number): boolean => {
    if (i === withheld.length) return true;
    if (values[i] !== undefined) return consistent(values, i) && solvable(values, i + 1);
    for (let v = 0; v <= upper[i]!; v++) {
      values[i] = v;
      if (consistent(values, i) && solvable(values, i + 1)) {
        values[i] = undefined;
        return true;
      }
    }
    values[i] = undefined;
    return false;
  };
  const consistent = (values: Array<number | undefined>, i: number): boolean =>
    of[i]!.every((g) => {
      let sum = 0;
      let open = false;
      for (const m of g.members) {
        if (values[m] === undefined) open = true;
        else sum += values[m]!;
      }
      return open ? sum <= g.total : sum === g.total;
    });
  const result = new Map<CountedCell, Set<number>>();
  withheld.forEach((c, i) => {
    const possible = new Set<number>();
    for (let v = 0; v <= upper[i]!; v++) {
      const values: Array<number | undefined> = withheld.map(() => undefined);
      values[i] = v;
      if (solvable(values, 0)) possible.add(v);
    }
    result.set(c, possible);
  });
  return result;
}
