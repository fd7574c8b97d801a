import { type CountedCell, latestFinalMonth, monthFinalAt, protectCells } from '../../modules/statistics/disclosure-control.js';

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

  it('one small outcome of a bydel’s category takes the next-smallest with it: its total minus the rest would give it away', () => {
    // SOCIAL in Alna: 1 cancelled, 6 open, 9 completed. Anyone knowing the 16 would get the 1 from 16 − 9 − 6.
    expect(shown([cell('030112', 'SOCIAL', 'CANCELLED', 1), cell('030112', 'SOCIAL', 'OPEN', 6), cell('030112', 'SOCIAL', 'COMPLETED', 9)])).toEqual([
      '030112/2026-03/SOCIAL/COMPLETED=9',
    ]);
  });

  it('small cells that add up to 5 or more hide each other; nothing else goes', () => {
    expect(shown([cell('030112', 'SOCIAL', 'CANCELLED', 2), cell('030112', 'SOCIAL', 'EXPIRED', 3), cell('030112', 'SOCIAL', 'OPEN', 6)])).toEqual([
      '030112/2026-03/SOCIAL/OPEN=6',
    ]);
  });

  it('protects the total over categories of a bydel’s outcome too', () => {
    // Alna, OPEN: 3 in CULTURE, 8 in SOCIAL; the 3 would be the bydel's open referrals minus 8.
    expect(shown([cell('030112', 'CULTURE', 'OPEN', 3), cell('030112', 'SOCIAL', 'OPEN', 8), cell('030112', 'SPORT', 'OPEN', 20)])).toEqual([
      '030112/2026-03/SPORT/OPEN=20',
    ]);
  });

  it('protects the city’s total over bydeler too', () => {
    // LANGUAGE, OPEN: 2 in Gamle Oslo, 5 in Grünerløkka, 30 in Sagene; the city's total minus 35 would give the 2.
    expect(shown([cell('030101', 'LANGUAGE', 'OPEN', 2), cell('030102', 'LANGUAGE', 'OPEN', 5), cell('030103', 'LANGUAGE', 'OPEN', 30)])).toEqual([
      '030103/2026-03/LANGUAGE/OPEN=30',
    ]);
  });

  it('a cell withheld for one margin is checked in its other margins in turn, until all hold', () => {
    // Alna SOCIAL CANCELLED 1 takes SOCIAL OPEN 6; then Alna OPEN over categories has 6 withheld (enough);
    // then OPEN SOCIAL over bydeler has 6 withheld (enough). Østensjø's 9 stays.
    const cells = [
      cell('030112', 'SOCIAL', 'CANCELLED', 1),
      cell('030112', 'SOCIAL', 'OPEN', 6),
      cell('030112', 'CULTURE', 'OPEN', 5),
      cell('030113', 'SOCIAL', 'OPEN', 9),
    ];
    expect(shown(cells)).toEqual(['030112/2026-03/CULTURE/OPEN=5', '030113/2026-03/SOCIAL/OPEN=9']);
  });

  it('in every margin what is withheld adds up to 0 or to 5 or more (a table of many cells)', () => {
    const bydeler = ['030101', '030102', '030103', null];
    const categories = ['LANGUAGE', 'SOCIAL', 'SPORT'];
    const outcomes = ['OPEN', 'COMPLETED', 'CANCELLED', 'EXPIRED'];
    const cells: CountedCell[] = [];
    let n = 7;
    for (const b of bydeler)
      for (const c of categories)
        for (const o of outcomes) {
          n = (n * 31 + 11) % 97;
          if (n % 3 !== 0) cells.push(cell(b, c, o, 1 + (n % 12)));
        }
    const published = new Set(protectCells(cells));
    const margins: Array<(c: CountedCell) => string> = [
      (c) => `${c.bydelCode}|${c.category}`,
      (c) => `${c.bydelCode}|${c.outcome}`,
      (c) => `${c.category}|${c.outcome}`,
    ];
    const weak: string[] = [];
    for (const key of margins) {
      const hidden = new Map<string, number>();
      for (const c of cells) if (!published.has(c)) hidden.set(key(c), (hidden.get(key(c)) ?? 0) + c.count);
      for (const [k, sum] of hidden) if (sum > 0 && sum < 5) weak.push(`${k}=${sum}`);
    }
    expect(weak).toEqual([]);
    expect([...published].every((c) => c.count >= 5)).toBe(true);
    expect(published.size).toBeGreaterThan(0);
  });

  it('a month’s cells do not depend on which other months were asked for', () => {
    const march = [cell('030112', 'SOCIAL', 'CANCELLED', 1), cell('030112', 'SOCIAL', 'OPEN', 6), cell('030112', 'SOCIAL', 'COMPLETED', 9)];
    const april = [cell('030112', 'SOCIAL', 'OPEN', 2, '2026-04'), cell('030112', 'SOCIAL', 'COMPLETED', 5, '2026-04')];
    expect(shown([...march, ...april]).filter((c) => c.includes('2026-03'))).toEqual(shown(march));
  });
});

describe('when a month is final', () => {
  it('is the given number of days after the month ends, at midnight in Oslo', () => {
    expect(monthFinalAt('2026-03', 7).toISOString()).toBe('2026-04-07T22:00:00.000Z'); // 8 April 00:00 CEST
    expect(monthFinalAt('2026-12', 7).toISOString()).toBe('2027-01-07T23:00:00.000Z'); // 8 January 00:00 CET
    expect(monthFinalAt('2026-01', 0).toISOString()).toBe('2026-01-31T23:00:00.000Z');
  });

  it('the latest final month moves on at that moment, not before', () => {
    const finalAt = monthFinalAt('2026-03', 7);
    expect(latestFinalMonth(new Date(finalAt.getTime() - 1), 7)).toBe('2026-02');
    expect(latestFinalMonth(finalAt, 7)).toBe('2026-03');
    expect(latestFinalMonth(new Date(Date.UTC(2026, 3, 30, 12)), 7)).toBe('2026-03');
    expect(latestFinalMonth(new Date(Date.UTC(2026, 3, 30, 12)), 35)).toBe('2026-02');
  });
});
